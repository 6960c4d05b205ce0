"""Mapping reports in the Wagtail admin: one campaign or several pooled, optionally broken down
by organisation type, municipality or region, or language; CSV and XLSX of the same suppressed
tables; and, for identified campaigns only, the raw answers under a permission of their own.

The figures come from ``mapping.reports``; these views only read the filter form and render.
Without the permission a view answers 403 here, because Wagtail's admin wrapper would turn
``PermissionDenied`` into a redirect to the dashboard.
"""

from django import forms
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..models import Breakdown, Campaign, CampaignState
from ..reports import charts, exports
from ..reports import selectors as report_selectors
from ..reports.report import build_report

PERMISSION = "mapping.view_campaign_reports"
RAW_PERMISSION = "mapping.view_identified_responses"
EXPORTS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
}


def can_view_reports(user):
    return user.has_perm(PERMISSION)


class ReportFilterForm(forms.Form):
    campaign = forms.ModelMultipleChoiceField(
        label=_("Campaigns"),
        queryset=Campaign.objects.exclude(state=CampaignState.DRAFT).order_by("-opens_at"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose one campaign, or several to pool their answers by question key."),
        error_messages={
            "required": _("Choose at least one campaign."),
            "invalid_choice": _("One of the chosen campaigns does not exist or has no report."),
            "invalid_pk_value": _("One of the chosen campaigns does not exist or has no report."),
        },
    )
    breakdown = forms.ChoiceField(
        label=_("Breakdown"),
        required=False,
        choices=[("", _("No breakdown")), *Breakdown.choices],
        help_text=_("Show each answer per organisation type, municipality or region, or language."),
        error_messages={"invalid_choice": _("Choose a breakdown from the list.")},
    )


class _Forbidden:
    template_name = "mapping/reports/forbidden.html"

    def forbidden(self, request, message):
        return TemplateResponse(
            request,
            self.template_name,
            {"header_title": gettext("Mapping reports"), "header_icon": "warning", "message": message},
            status=403,
        )


class CampaignReportView(_Forbidden, WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Mapping reports")
    header_icon = "table"
    template_name = "mapping/reports/report.html"

    def get_breadcrumbs_items(self):
        # Without its own item the header names only the dashboard.
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def dispatch(self, request, *args, **kwargs):
        if not can_view_reports(request.user):
            return self.forbidden(request, gettext("You do not have permission to view the mapping reports."))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        form = ReportFilterForm(request.GET) if "campaign" in request.GET else ReportFilterForm()
        report = None
        if form.is_bound and form.is_valid():
            report = build_report(
                campaign_ids=[campaign.pk for campaign in form.cleaned_data["campaign"]],
                language=translation.get_language(),
                breakdown=form.cleaned_data["breakdown"],
            )
            export = request.GET.get("export")
            if export in EXPORTS:
                return self.export(report, export)
        context = self.get_context_data(form=form, report=report, **kwargs)
        if report is not None:
            context.update(self.report_context(request, report))
        return self.render_to_response(context)

    def report_context(self, request, report):
        query = request.GET.copy()
        query.pop("export", None)
        sections = [
            {"table": table, "chart": charts.chart_for(table, f"mapping-chart-{index}")}
            for index, table in enumerate(report.tables)
        ]
        # Raw rows exist only for an identified campaign, and only this permission sees them.
        raw_campaign = None
        single = report.campaigns[0] if len(report.campaigns) == 1 else None
        if single and not single.is_anonymous and request.user.has_perm(RAW_PERMISSION):
            raw_campaign = single
        return {
            "sections": sections,
            "export_links": [
                (label, f"?{query.urlencode()}&export={name}")
                for name, label in (("csv", gettext("Download CSV")), ("xlsx", gettext("Download XLSX")))
            ],
            "raw_campaign": raw_campaign,
        }

    def export(self, report, kind):
        content_type, extension = EXPORTS[kind]
        body = exports.report_csv(report) if kind == "csv" else exports.report_xlsx(report)
        response = HttpResponse(body, content_type=content_type)
        filename = f"mapping-report-{timezone.localdate().isoformat()}.{extension}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "no-store"
        return response


class IdentifiedResponsesView(_Forbidden, View):
    """The raw answers of one identified campaign, as CSV. Anonymous campaigns have none: the
    URL answers 404 for them whatever the permissions."""

    def get(self, request, campaign_id):
        if not (can_view_reports(request.user) and request.user.has_perm(RAW_PERMISSION)):
            return self.forbidden(request, gettext("You do not have permission to see identified responses."))
        campaign = Campaign.objects.filter(pk=campaign_id).first()
        if campaign is None or campaign.is_anonymous:
            raise Http404(gettext("This campaign has no identified responses."))
        body = exports.identified_csv(report_selectors.identified_rows(campaign_id=campaign.pk))
        response = HttpResponse(body, content_type="text/csv; charset=utf-8")
        filename = f"mapping-responses-{campaign.pk}-{timezone.localdate().isoformat()}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "no-store"
        return response


urlpatterns = [
    path("", CampaignReportView.as_view(), name="mapping_reports"),
    path(
        "campaigns/<int:campaign_id>/responses.csv",
        IdentifiedResponsesView.as_view(),
        name="mapping_report_raw",
    ),
]


@hooks.register("register_admin_urls")
def register_report_urls():
    from django.urls import include

    return [path("mapping/reports/", include(urlpatterns))]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_reports(request.user)


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ReportMenuItem(
        _("Mapping: campaign reports"),
        reverse("mapping_reports"),
        name="mapping-reports",
        icon_name="table",
        order=950,
    )
