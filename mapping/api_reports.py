"""Campaign reports on /api/v3/mapping/ for staff with the report permission: the same
suppressed tables as the admin, as JSON. A hidden figure is ``value: null, hidden: true``
with the "hidden (fewer than k)" text; its value is never in the response."""

from django.utils import translation
from django.utils.translation import gettext
from ninja import Query, Router, Schema
from ninja.security import SessionAuth

from .errors import MappingError, NotAllowed, NotFound
from .models import Breakdown, Campaign, CampaignState
from .reports.report import build_report

router = Router(tags=["mapping: reports"])
session = SessionAuth()
PERMISSION = "mapping.view_campaign_reports"
MAX_CAMPAIGNS = 20


class CellOut(Schema):
    value: float | None
    hidden: bool
    text: str


class RowOut(Schema):
    label: str
    total: bool
    cells: list[CellOut]


class TableOut(Schema):
    key: str
    title: str
    section: str
    row_heading: str
    columns: list[str]
    rows: list[RowOut]
    note: str
    k: int
    texts: list[str] | None


class CampaignOut(Schema):
    id: int
    name: str
    mode: str
    state: str


class ReportOut(Schema):
    campaigns: list[CampaignOut]
    breakdown: str
    k: int
    k_free_text: int
    respondents: CellOut
    response_rates: TableOut
    tables: list[TableOut]


class ReportFilters(Schema):
    campaign: list[int] = []
    breakdown: str = ""


def _check_permission(request):
    if not request.user.has_perm(PERMISSION):
        raise NotAllowed(gettext("You do not have permission to view the mapping reports."))


def _report(request, campaign_ids, breakdown):
    _check_permission(request)
    if breakdown and breakdown not in Breakdown.values:
        raise MappingError(
            gettext("Unknown breakdown. Choose one of: %(choices)s.")
            % {"choices": ", ".join(Breakdown.values)}
        )
    if not campaign_ids:
        raise MappingError(gettext("Choose at least one campaign."))
    if len(campaign_ids) > MAX_CAMPAIGNS:
        raise MappingError(gettext("Choose at most %(count)s campaigns.") % {"count": MAX_CAMPAIGNS})
    found = set(
        Campaign.objects.filter(pk__in=campaign_ids)
        .exclude(state=CampaignState.DRAFT)
        .values_list("pk", flat=True)
    )
    if found != set(campaign_ids):
        raise NotFound(gettext("This campaign does not exist or has no report."))
    report = build_report(campaign_ids=list(found), language=translation.get_language(), breakdown=breakdown)
    return {
        "campaigns": [
            {"id": c.pk, "name": c.name, "mode": c.mode, "state": c.state} for c in report.campaigns
        ],
        "breakdown": report.breakdown,
        "k": report.k,
        "k_free_text": report.k_text,
        "respondents": report.respondents,
        "response_rates": report.rates,
        "tables": report.tables,
    }


@router.get(
    "/reports/campaigns/{campaign_id}",
    response=ReportOut,
    auth=session,
    summary="One campaign's report, with small-cell suppression (staff with the report permission)",
)
def campaign_report(request, campaign_id: int, breakdown: str = ""):
    return _report(request, [campaign_id], breakdown)


@router.get(
    "/reports",
    response=ReportOut,
    auth=session,
    summary="Several campaigns pooled by question key, with small-cell suppression",
)
def pooled_report(request, filters: Query[ReportFilters]):
    return _report(request, sorted(set(filters.campaign)), filters.breakdown)
