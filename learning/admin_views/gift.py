"""Wagtail admin views that move a training module's quiz in and out as Moodle GIFT text.

The lead includes ``urlpatterns`` from ``wagtail_hooks.register_admin_urls``, which wraps them
in Wagtail's admin-access check. Refusals are rendered here with their status (403, 400) rather
than raised, because that wrapper turns ``PermissionDenied`` into a redirect to the dashboard.
"""

from django import forms
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.cache import add_never_cache_headers
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views import View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.utils import get_breadcrumbs_items_for_page
from wagtail.models import Locale

from .. import services
from ..conf import setting
from ..errors import LearningError
from ..gift import decode_upload, export_gift, parse_gift
from ..quiz import questions_from_stream


class GiftImportForm(forms.Form):
    file = forms.FileField(
        label=_("GIFT file"),
        help_text=_("A UTF-8 text file in Moodle's GIFT format, for example one exported from this site."),
    )
    mode = forms.ChoiceField(
        label=_("Questions in the file"),
        choices=[
            ("append", _("Add them after the quiz's current questions")),
            ("replace", _("Replace the quiz's current questions with them")),
        ],
        initial="append",
        widget=forms.RadioSelect,
    )


class _ModuleView(WagtailAdminTemplateMixin, View):
    header_icon = "help"

    def dispatch(self, request, page_id):
        from ..models import TrainingModulePage

        self.page = get_object_or_404(TrainingModulePage, pk=page_id)
        self.can_edit = self.page.permissions_for_user(request.user).can_edit()
        if not self.can_edit:
            return self.refuse(_("You do not have permission to edit this training module."), status=403)
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return [
            *get_breadcrumbs_items_for_page(self.page, self.request.user),
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        edit_url = reverse("wagtailadmin_pages:edit", args=[self.page.pk])
        return super().get_context_data(page=self.page, edit_url=edit_url, can_edit=self.can_edit, **kwargs)

    def refuse(self, message, *, status, **context):
        return TemplateResponse(
            self.request,
            "learning/admin/gift_refused.html",
            self.get_context_data(message=message, **context),
            status=status,
        )


class GiftExportView(_ModuleView):
    """Downloads at once; shows a page first only when some questions cannot be exported."""

    page_title = _("Export questions")
    template_name = "learning/admin/gift_export.html"

    def get(self, request, page_id):
        questions = questions_from_stream(self.page.get_latest_revision_as_object().quiz)
        text, skipped = export_gift(questions)
        if not text or (skipped and request.GET.get("download") != "1"):
            return self.render_to_response(
                self.get_context_data(
                    exported=len(questions) - len(skipped),
                    skipped=skipped,
                    download_url=f"{request.path}?download=1",
                )
            )
        response = HttpResponse(text, content_type="text/plain; charset=utf-8")
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=True, filename=f"{self.page.slug}-questions.gift.txt"
        )
        # The file holds the answer key.
        add_never_cache_headers(response)
        return response


class GiftImportView(_ModuleView):
    page_title = _("Import questions")
    template_name = "learning/admin/gift_import.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", GiftImportForm())
        return super().get_context_data(
            action_url=self.request.path,
            submit_button_label=_("Import"),
            submit_button_active_label=_("Importing…"),
            export_url=reverse("learning_gift_export", args=[self.page.pk]),
            **kwargs,
        )

    def translated_page_response(self):
        default_locale = Locale.get_default()
        source = self.page.get_translation_or_none(default_locale)
        return self.refuse(
            _(
                "Questions are imported into the %(language)s original of this module; the translation "
                "gets them when it is synced with the original."
            )
            % {"language": default_locale.get_display_name()},
            status=400,
            source_import_url=reverse("learning_gift_import", args=[source.pk]) if source else None,
        )

    def get(self, request, page_id):
        if self.page.locale_id != Locale.get_default().pk:
            return self.translated_page_response()
        return self.render_to_response(self.get_context_data())

    def post(self, request, page_id):
        if self.page.locale_id != Locale.get_default().pk:
            return self.translated_page_response()
        form = GiftImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        try:
            # One byte past the limit is enough for decode_upload to refuse an oversized file.
            data = form.cleaned_data["file"].read(setting("LEARNING_GIFT_MAX_BYTES") + 1)
            questions = parse_gift(decode_upload(data))
            services.quiz_import_questions(
                page_id=self.page.pk,
                questions=questions,
                replace=form.cleaned_data["mode"] == "replace",
                user=request.user,
            )
        except LearningError as error:
            form.add_error("file", error.message)
            return self.render_to_response(self.get_context_data(form=form), status=error.status)
        messages.success(
            request,
            ngettext(
                "%(count)s question imported into a draft; review it and publish.",
                "%(count)s questions imported into a draft; review them and publish.",
                len(questions),
            )
            % {"count": len(questions)},
        )
        return redirect("wagtailadmin_pages:edit", self.page.pk)


urlpatterns = [
    path("<int:page_id>/gift/export/", GiftExportView.as_view(), name="learning_gift_export"),
    path("<int:page_id>/gift/import/", GiftImportView.as_view(), name="learning_gift_import"),
]
