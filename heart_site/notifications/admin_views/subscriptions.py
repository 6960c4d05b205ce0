"""Digest subscriptions in the admin: read, and delete for erasure requests."""

import django_filters
from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from ..models import Subscription
from ..services.subscriptions import subscription_delete
from .common import ServedViewsMixin

# Digest subscriptions ----------------------------------------------------------------------


class SubscriptionFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("State"),
        choices=[
            ("active", _("Active")),
            ("pending", _("Awaiting confirmation")),
            ("unsubscribed", _("Unsubscribed")),
        ],
        empty_label=_("All"),
        widget=forms.RadioSelect,
        method="filter_state",
    )

    class Meta:
        model = Subscription
        fields = ["language", "frequency"]

    def filter_state(self, queryset, name, value):
        if value == "active":
            return queryset.active()
        if value == "pending":
            return queryset.filter(confirmed_at__isnull=True, unsubscribed_at__isnull=True)
        if value == "unsubscribed":
            return queryset.filter(unsubscribed_at__isnull=False)
        return queryset


class SubscriptionDeleteView(generic.DeleteView):
    """Erasure requests come here, so the audit log records who deleted a subscription but
    not whose it was (Wagtail would keep the address as the entry's label)."""

    def delete_action(self):
        with transaction.atomic():
            log(
                instance=self.object,
                action="wagtail.delete",
                user=self.request.user,
                deleted=True,
                title=str(_("Subscription %(id)s") % {"id": self.object.pk}),
            )
            subscription_delete(subscription=self.object)


class SubscriptionViewSet(ServedViewsMixin, ModelViewSet):
    """Read-only but for deleting, which erasure requests need."""

    model = Subscription
    name = "digest_subscriptions"
    url_prefix = "digest-subscriptions"
    icon = "user"
    menu_name = "digest-subscriptions"
    served_views = ("inspect", "delete")
    delete_view_class = SubscriptionDeleteView
    inspect_view_enabled = True
    list_display = [
        "email",
        "language",
        "frequency",
        DateColumn("confirmed_at", label=_("Confirmed"), sort_key="confirmed_at"),
        DateColumn("unsubscribed_at", label=_("Unsubscribed"), sort_key="unsubscribed_at"),
        DateColumn("created_at", label=_("Created"), sort_key="created_at"),
    ]
    filterset_class = SubscriptionFilterSet
    search_fields = ["email"]
    search_backend_name = None
    # The secret is part of every link we email; it is never shown.
    inspect_view_fields_exclude = ["secret"]
