"""The campaign page in the Wagtail admin and the views it links to: state actions, audience
(CSV or the network), texts, and the live response rate per organisation.

They are mounted by ``CampaignViewSet`` (admin/mapping/campaigns/…), behind Wagtail's
admin-access check. Each needs ``mapping.manage_campaigns`` and answers 403 here without it
(the admin wrapper would turn ``PermissionDenied`` into a redirect); an unknown campaign is a
404. The rules are in ``mapping.services``; a domain error is shown with its status.
"""

from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views import View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..errors import MappingError
from ..models import Breakdown, Campaign, CampaignAccess, CampaignState
from ..selectors import campaigns as selectors
from ..services import audience, campaigns
from ..services import messages as texts
from . import campaign_forms as forms

PERMISSION = "mapping.manage_campaigns"

# The buttons a state offers, in order: (action, label, whether it is the main one).
STATE_ACTIONS = {
    CampaignState.DRAFT: [("schedule", _("Schedule"), True), ("open", _("Open now"), False)],
    CampaignState.SCHEDULED: [("open", _("Open now"), True), ("unschedule", _("Back to draft"), False)],
    CampaignState.OPEN: [("close", _("Close now"), True)],
    CampaignState.CLOSED: [("archive", _("Archive"), True)],
    CampaignState.ARCHIVED: [],
}
SUCCESS = {
    "schedule": _("The campaign is scheduled: it opens by itself at its opening time."),
    "unschedule": _("The campaign is a draft again."),
    "open": _("The campaign is open and its invitations are queued."),
    "close": _("The campaign is closed."),
    "archive": _("The campaign is archived."),
}


def url(name, campaign):
    return reverse(f"mapping_campaigns:{name}", args=[campaign.pk])


class _CampaignView(WagtailAdminTemplateMixin, View):
    header_icon = "form"

    def dispatch(self, request, pk):
        self.campaign = get_object_or_404(Campaign.objects.select_related("questionnaire"), pk=pk)
        if not request.user.has_perm(PERMISSION):
            return TemplateResponse(
                request, "mapping/admin/campaign_forbidden.html", super().get_context_data(), status=403
            )
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return self.campaign.name

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("mapping_campaigns:index"), "label": _("Campaigns")},
            {"url": url("detail", self.campaign), "label": self.campaign.name},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            campaign=self.campaign, detail_url=url("detail", self.campaign), **kwargs
        )

    def render(self, status=200, **kwargs):
        response = self.render_to_response(self.get_context_data(**kwargs), status=status)
        add_never_cache_headers(response)
        return response


class CampaignDetailView(_CampaignView):
    """The campaign page: its state and the actions the state allows, what still stops it from
    opening, the audience and the live response rate per organisation."""

    template_name = "mapping/admin/campaign_detail.html"
    page_title = _("Campaign")

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("mapping_campaigns:index"), "label": _("Campaigns")},
            {"url": "", "label": self.campaign.name},
        ]

    def get_context_data(self, **kwargs):
        campaign = self.campaign
        rows = selectors.response_rate_by_organisation(campaign)
        problems = []
        if campaign.state in (CampaignState.DRAFT, CampaignState.SCHEDULED):
            problems = campaigns.campaign_problems(campaign)
        return super().get_context_data(
            actions=STATE_ACTIONS[campaign.state],
            action_url=url("action", campaign),
            problems=problems,
            summary=selectors.audience_summary(campaign),
            rates=rows,
            total=selectors.response_rate_total(rows),
            breakdown_labels=[
                Breakdown(value).label for value in campaign.breakdowns if value in Breakdown.values
            ],
            accepts_audience=campaigns.campaign_accepts_audience(campaign),
            by_invitation=campaign.access == CampaignAccess.INVITATION,
            network_available=audience.network_available(),
            edit_url=reverse("mapping_campaigns:edit", args=[campaign.pk]),
            audience_url=url("audience", campaign),
            network_url=url("network_audience", campaign),
            messages_url=url("messages", campaign),
            **kwargs,
        )

    def get(self, request, pk):
        return self.render()


class CampaignActionView(CampaignDetailView):
    """POST only: one state action. A refused action shows the campaign page with the reason."""

    def get(self, request, pk):
        return HttpResponseNotAllowed(["POST"])

    def post(self, request, pk):
        action = request.POST.get("action", "")
        service = campaigns.ACTIONS.get(action)
        if service is None:
            return self.render(status=400, error=_("Unknown action."))
        try:
            service(campaign=self.campaign)
        except MappingError as error:
            self.campaign.refresh_from_db()
            return self.render(
                status=error.status, error=error.message, error_problems=getattr(error, "problems", [])
            )
        messages.success(request, SUCCESS[action])
        return redirect(url("detail", self.campaign))


class AudienceUploadView(_CampaignView):
    template_name = "mapping/admin/campaign_audience.html"
    page_title = _("Upload the audience")

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", forms.AudienceUploadForm())
        return super().get_context_data(
            columns=audience.COLUMNS,
            action_url=self.request.path,
            submit_button_label=_("Upload"),
            submit_button_active_label=_("Uploading…"),
            **kwargs,
        )

    def get(self, request, pk):
        return self.render()

    def post(self, request, pk):
        form = forms.AudienceUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(status=400, form=form)
        # One byte past the limit is enough for the service to refuse an oversized file.
        data = form.cleaned_data["file"].read(audience.max_bytes() + 1)
        try:
            result = audience.audience_import_csv(campaign=self.campaign, data=data)
        except audience.AudienceImportFailed as failure:
            return self.render(status=400, form=form, failure=failure, errors=failure.errors)
        except MappingError as error:
            return self.render(status=error.status, form=form, failure=error)
        messages.success(request, _added_message(result))
        return redirect(url("detail", self.campaign))


def _added_message(result):
    added = ngettext("%(count)s person added", "%(count)s people added", result.added) % {
        "count": result.added
    }
    already = ngettext(
        "%(count)s already in the audience", "%(count)s already in the audience", result.already
    ) % {"count": result.already}
    return f"{added}, {already}."


class NetworkAudienceView(_CampaignView):
    template_name = "mapping/admin/campaign_network_audience.html"
    page_title = _("Invite from the network")

    def get_context_data(self, **kwargs):
        if "form" not in kwargs and audience.network_available():
            kwargs["form"] = forms.NetworkAudienceForm(choices=audience.network_choices())
        return super().get_context_data(
            network_available=audience.network_available(),
            action_url=self.request.path,
            submit_button_label=_("Invite these contacts"),
            submit_button_active_label=_("Adding…"),
            **kwargs,
        )

    def get(self, request, pk):
        return self.render(status=200 if audience.network_available() else 404)

    def post(self, request, pk):
        if not audience.network_available():
            return self.render(status=404)
        form = forms.NetworkAudienceForm(request.POST, choices=audience.network_choices())
        if not form.is_valid():
            return self.render(status=400, form=form)
        try:
            result = audience.audience_from_network(
                campaign=self.campaign,
                organisation_types=form.cleaned_data["organisation_types"],
                countries=form.cleaned_data["countries"],
                place_ids=[int(pk) for pk in form.cleaned_data["places"]],
            )
        except MappingError as error:
            return self.render(status=error.status, form=form, failure=error)
        messages.success(request, _added_message(result))
        return redirect(url("detail", self.campaign))


class MessagesView(_CampaignView):
    template_name = "mapping/admin/campaign_messages.html"
    page_title = _("Invitation and reminder texts")

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", forms.MessagesForm(campaign=self.campaign))
        return super().get_context_data(
            action_url=self.request.path,
            submit_button_label=_("Save the texts"),
            submit_button_active_label=_("Saving…"),
            **kwargs,
        )

    def get(self, request, pk):
        return self.render()

    def post(self, request, pk):
        form = forms.MessagesForm(request.POST, campaign=self.campaign)
        if not form.is_valid():
            return self.render(status=400, form=form)
        try:
            texts.messages_save(campaign=self.campaign, texts=form.texts())
        except MappingError as error:
            return self.render(status=error.status, form=form, failure=error)
        messages.success(request, _("The texts are saved."))
        return redirect(url("detail", self.campaign))
