"""Wagtail admin views that import organisations and contacts from CSV files.

The lead includes ``urlpatterns`` under admin/network/import/ from ``wagtail_hooks``, which wraps
them in Wagtail's admin-access check. Each view needs the model's add and change permissions (an
import creates and updates); without them it answers 403 here, because that wrapper would turn
``PermissionDenied`` into a redirect. The rules are in ``network.services.imports``.
"""

import csv
import io

from django import forms
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views import View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..conf import setting
from ..services import imports as services


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "UTF-8, with commas or semicolons between the cells and the column names in the first row."
        ),
    )


class _ImportView(WagtailAdminTemplateMixin, View):
    template_name = "network/admin/import.html"
    header_icon = "upload"
    model_name = ""  # "organisation" or "contact"
    columns = ()
    url_name = ""

    def dispatch(self, request, *args, **kwargs):
        needed = [f"network.add_{self.model_name}", f"network.change_{self.model_name}"]
        if not request.user.has_perms(needed):
            return TemplateResponse(
                request, "network/admin/import_forbidden.html", self.get_context_data(), status=403
            )
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [{"url": "", "label": _("Network")}, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", ImportForm())
        return super().get_context_data(
            action_url=self.request.path,
            submit_button_label=_("Import"),
            submit_button_active_label=_("Importing…"),
            columns=self.columns,
            template_url=f"{self.request.path}?template=1",
            **kwargs,
        )

    def get(self, request):
        if request.GET.get("template") == "1":
            return self.header_file()
        return self.render_to_response(self.get_context_data())

    def post(self, request):
        form = ImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        # One byte past the limit is enough for the service to refuse an oversized file.
        data = form.cleaned_data["file"].read(setting("NETWORK_IMPORT_MAX_BYTES") + 1)
        try:
            result = self.run(data)
        except services.ImportFailed as failure:
            return self.render_to_response(
                self.get_context_data(form=form, failure=failure, errors=failure.errors), status=400
            )
        messages.success(request, self.summary(result))
        return redirect(self.url_name)

    def header_file(self):
        """An empty file with the column names, to fill in a spreadsheet."""
        out = io.StringIO()
        csv.writer(out).writerow([column.name for column in self.columns])
        response = HttpResponse("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=True, filename=f"{self.model_name}s.csv"
        )
        return response


class OrganisationImportView(_ImportView):
    page_title = _("Import organisations")
    model_name = "organisation"
    columns = services.ORGANISATION_COLUMNS
    url_name = "network_import_organisations"

    def run(self, data):
        return services.organisations_import(data=data)

    def summary(self, result):
        created = ngettext(
            "%(count)s organisation created", "%(count)s organisations created", result.created
        ) % {"count": result.created}
        updated = ngettext(
            "%(count)s organisation updated", "%(count)s organisations updated", result.updated
        ) % {"count": result.updated}
        return f"{created}, {updated}."


class ContactImportView(_ImportView):
    page_title = _("Import contacts")
    model_name = "contact"
    columns = services.CONTACT_COLUMNS
    url_name = "network_import_contacts"

    def run(self, data):
        return services.contacts_import(data=data)

    def summary(self, result):
        created = ngettext("%(count)s contact created", "%(count)s contacts created", result.created) % {
            "count": result.created
        }
        updated = ngettext("%(count)s contact updated", "%(count)s contacts updated", result.updated) % {
            "count": result.updated
        }
        return f"{created}, {updated}."


urlpatterns = [
    path("organisations/", OrganisationImportView.as_view(), name="network_import_organisations"),
    path("contacts/", ContactImportView.as_view(), name="network_import_contacts"),
]
