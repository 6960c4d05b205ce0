"""The attendees of an event in the Wagtail admin: everyone registered in any language, with
attendance recorded by coordinators, and the list exported as CSV or XLSX.

The lead includes ``urlpatterns`` under admin/network/events/ from ``wagtail_hooks``, which wraps
them in Wagtail's admin-access check. Both views need ``network.manage_registrations``; without
it they answer 403 here, because that wrapper would turn ``PermissionDenied`` into a redirect.
Names, organisations and needs are typed by the public, so the exports never let a spreadsheet
read them as formulas.
"""

import csv
import io

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views import View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.utils import get_breadcrumbs_items_for_page

from ..models import EventPage, Registration
from ..selectors import events as selectors
from ..services import events as services

PERMISSION = "network.manage_registrations"
ATTENDED_CHOICES = [("", _("Not recorded")), ("yes", _("Came")), ("no", _("Did not come"))]
_ATTENDED_VALUES = {"": None, "yes": True, "no": False}


def _attended_label(value):
    return {None: "", True: _gettext("Yes"), False: _gettext("No")}[value]


def _attended_key(value):
    return {None: "", True: "yes", False: "no"}[value]


class _EventAdminView(WagtailAdminTemplateMixin, View):
    header_icon = "group"
    page_title = _("Attendees")

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(EventPage.objects.select_related("locale"), pk=page_id)
        if not request.user.has_perm(PERMISSION):
            return TemplateResponse(
                request, "network/admin/attendees_forbidden.html", self.get_context_data(), status=403
            )
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return [
            *get_breadcrumbs_items_for_page(self.page, self.request.user),
            {"url": "", "label": self.get_page_title()},
        ]


class AttendeesView(_EventAdminView):
    template_name = "network/admin/attendees.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not self.request.user.has_perm(PERMISSION):
            return context
        registrations = selectors.attendees(self.page)
        for registration in registrations:
            registration.attended_key = _attended_key(registration.attended)
        source = selectors.source_event(self.page)
        by_status = {status: [] for status in selectors.STATUS_ORDER}
        for registration in registrations:
            by_status[registration.status].append(registration)
        context.update(
            event=self.page,
            source=source,
            places=selectors.places_for(self.page, source=source),
            confirmed=by_status[Registration.Status.CONFIRMED],
            waitlisted=by_status[Registration.Status.WAITLISTED],
            pending=by_status[Registration.Status.PENDING],
            cancelled=by_status[Registration.Status.CANCELLED],
            attended_choices=ATTENDED_CHOICES,
            export_csv_url=reverse("network_event_attendees_export", args=[self.page.pk]) + "?format=csv",
            export_xlsx_url=reverse("network_event_attendees_export", args=[self.page.pk]) + "?format=xlsx",
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
        )
        return context

    def get(self, request, page_id):
        response = self.render_to_response(self.get_context_data())
        add_never_cache_headers(response)
        return response

    def post(self, request, page_id):
        attended = {}
        for name, value in request.POST.items():
            if not name.startswith("attended-"):
                continue
            try:
                registration_id = int(name.removeprefix("attended-"))
            except ValueError:
                continue
            if value not in _ATTENDED_VALUES:
                messages.error(request, _("Choose came, did not come or not recorded for each person."))
                return redirect("network_event_attendees", self.page.pk)
            attended[registration_id] = _ATTENDED_VALUES[value]
        changed = services.registration_attendance_set(event=self.page, attended=attended)
        messages.success(
            request,
            ngettext("Attendance saved (%(count)s change).", "Attendance saved (%(count)s changes).", changed)
            % {"count": changed},
        )
        return redirect("network_event_attendees", self.page.pk)


# --- Export ------------------------------------------------------------------------------------

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _csv_safe(value):
    """A leading apostrophe keeps spreadsheet programs from running text as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def export_rows(event):
    header = [
        _gettext("Name"),
        _gettext("Email"),
        _gettext("Organisation"),
        _gettext("Status"),
        _gettext("Access needs"),
        _gettext("Attended"),
        _gettext("Registered"),
        _gettext("Language"),
    ]
    rows = []
    for registration in selectors.attendees(event):
        rows.append(
            [
                registration.name,
                registration.email,
                registration.organisation_name,
                str(registration.get_status_display()),
                registration.needs,
                _attended_label(registration.attended),
                timezone.localtime(registration.created_at).strftime("%Y-%m-%d %H:%M"),
                registration.language,
            ]
        )
    return header, rows


def _csv(header, rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow([_csv_safe(value) for value in row])
    # The byte-order mark makes Excel read UTF-8 (å, ä, ö) correctly.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _xlsx(header, rows, *, title) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import TYPE_STRING

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            # openpyxl stores text starting with "=" as a formula; these are always text.
            if cell.data_type == "f":
                cell.data_type = TYPE_STRING
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


class AttendeesExportView(_EventAdminView):
    def get(self, request, page_id):
        kind = request.GET.get("format", "csv")
        if kind not in ("csv", "xlsx"):
            return HttpResponse(
                _gettext("Choose the format csv or xlsx."), status=400, content_type="text/plain"
            )
        header, rows = export_rows(self.page)
        filename = f"{self.page.slug}-attendees.{kind}"
        if kind == "csv":
            response = HttpResponse(_csv(header, rows), content_type="text/csv; charset=utf-8")
        else:
            response = HttpResponse(
                _xlsx(header, rows, title=_gettext("Attendees")),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
        response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
        # Personal data: no cache anywhere keeps it.
        add_never_cache_headers(response)
        return response


urlpatterns = [
    path("<int:page_id>/attendees/", AttendeesView.as_view(), name="network_event_attendees"),
    path(
        "<int:page_id>/attendees/export/",
        AttendeesExportView.as_view(),
        name="network_event_attendees_export",
    ),
]
