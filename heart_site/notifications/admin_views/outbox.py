"""The outbox in the admin: read, inspect, retry a failed message."""

import django_filters
from django import forms
from django.contrib.admin.utils import quote
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import linebreaksbr, truncatechars
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import View
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views import generic
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button, HeaderButton

from ..models import OutboxMessage
from ..services.errors import NotificationError
from ..services.outbox import RETRYABLE, outbox_retry
from .common import ServedViewsMixin, post_button_attrs

# Outbox ------------------------------------------------------------------------------------


def outbox_kinds():
    return [
        (kind, kind)
        for kind in OutboxMessage.objects.order_by("kind").values_list("kind", flat=True).distinct()
    ]


class OutboxFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=outbox_kinds, empty_label=_("All"), widget=forms.RadioSelect
    )

    class Meta:
        model = OutboxMessage
        fields = ["status", "kind"]


class OutboxIndexView(generic.IndexView):
    retry_url_name = None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.status in RETRYABLE and self.user_has_permission("change"):
            url = reverse(self.retry_url_name, args=[quote(instance.pk)])
            buttons.append(Button(_("Retry"), icon_name="rotate", attrs=post_button_attrs(url), priority=5))
        return buttons


def _multiline(value):
    return linebreaksbr(value, autoescape=True) if value else "—"


class OutboxInspectView(generic.InspectView):
    retry_url_name = None

    @cached_property
    def header_buttons(self):
        if self.object.status not in RETRYABLE or not self.user_has_permission("change"):
            return []
        url = reverse(self.retry_url_name, args=[quote(self.object.pk)])
        return [HeaderButton(_("Retry"), icon_name="rotate", attrs=post_button_attrs(url))]

    def get_body_text_display_value(self):
        return _multiline(self.object.body_text)

    def get_body_html_display_value(self):
        return _multiline(self.object.body_html)

    def get_last_error_display_value(self):
        return _multiline(self.object.last_error)

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return "—" if value is None else value

    def get_headers_display_value(self):
        return _multiline("\n".join(f"{name}: {value}" for name, value in self.object.headers.items()))


class OutboxRetryView(PermissionCheckedMixin, View):
    """POST: put a failed message back in the queue. A GET (a followed or bookmarked link)
    changes nothing and says so."""

    model = OutboxMessage
    permission_required = "change"
    inspect_url_name = None

    def next_url(self, message):
        return get_valid_next_url_from_request(self.request) or reverse(
            self.inspect_url_name, args=[quote(message.pk)]
        )

    def get(self, request, pk):
        message = get_object_or_404(OutboxMessage, pk=pk)
        messages.warning(request, _("Nothing was retried. Use the Retry button to send the message again."))
        return redirect(self.next_url(message))

    def post(self, request, pk):
        message = get_object_or_404(OutboxMessage, pk=pk)
        try:
            outbox_retry(message=message)
        except NotificationError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request, _("The message to %(recipient)s is queued again.") % {"recipient": message.to_email}
            )
        return redirect(self.next_url(message))


class OutboxViewSet(ServedViewsMixin, ModelViewSet):
    model = OutboxMessage
    name = "outbox"
    icon = "mail"
    menu_label = _("Outbox")
    menu_name = "outbox"
    served_views = ("inspect",)
    index_view_class = OutboxIndexView
    inspect_view_class = OutboxInspectView
    inspect_view_enabled = True
    list_display = [
        "to_email",
        "kind",
        Column(
            "subject", label=_("Subject"), accessor=lambda m: truncatechars(m.subject, 60), sort_key="subject"
        ),
        StatusTagColumn(
            "status",
            label=_("Status"),
            accessor="get_status_display",
            sort_key="status",
            primary=lambda m: m.status in RETRYABLE,
        ),
        "attempts",
        DateColumn("created_at", label=_("Created"), sort_key="created_at"),
        DateColumn("sent_at", label=_("Sent"), sort_key="sent_at"),
        Column("last_error", label=_("Last error"), accessor=lambda m: truncatechars(m.last_error, 80)),
    ]
    filterset_class = OutboxFilterSet
    search_fields = ["to_email", "subject", "dedupe_key"]
    search_backend_name = None
    inspect_view_fields = [
        "to_email",
        "kind",
        "status",
        "attempts",
        "last_error",
        "subject",
        "created_at",
        "available_at",
        "claimed_at",
        "sent_at",
        "dedupe_key",
        "language",
        "from_email",
        "reply_to",
        "headers",
        "body_text",
        "body_html",
        "claim_token",
    ]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(retry_url_name=self.get_url_name("retry"), **kwargs)

    @property
    def retry_view(self):
        return self.construct_view(OutboxRetryView)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(f"retry/<{self.pk_path_converter}:pk>/", self.retry_view, name="retry"),
        ]
