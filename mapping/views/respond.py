"""Invitees answering: the emailed link exchanges its token for the session and redirects to an
address without it; the questionnaire is then answered step by step, in the language of the
address (the pinned version in that language, else the invitee's own), resumed with the same
link, and submitted once."""

from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from ..errors import MappingError
from ..questionnaire import questionnaire_of
from ..services import responding
from .respond_flow import Flow, personal, render_questionnaire, run

SESSION_INVITATION = "mapping_invitation"
SESSION_STEP = "mapping_step"
SESSION_THANKS = "mapping_thanks"


def link_not_valid(request):
    """The one page for an unknown, used, expired or closed link: same status, same words."""
    response = render(
        request,
        "mapping/respond/link_not_valid.html",
        {"message": responding.LinkNotValid().message},
        status=404,
    )
    return personal(response)


def token_exchange(request, token):
    try:
        invitation = responding.invitation_from_token(token=token)
    except MappingError:
        return link_not_valid(request)
    # A new session key: whoever held the session before (a shared computer) cannot follow.
    request.session.cycle_key()
    request.session[SESSION_INVITATION] = invitation.pk
    request.session[SESSION_STEP] = 0
    language = translation.get_language()
    if not invitation.campaign.versions.filter(language=language).exists():
        language = invitation.language or language
    with translation.override(language):
        response = personal(HttpResponseRedirect(reverse("mapping:respond")))
    response["Referrer-Policy"] = "no-referrer"  # the token must not travel any further
    return response


def pinned_version(campaign, preferred):
    """The version in the address's language, else ``preferred`` (the invitee's), else any."""
    return responding.version_for(
        campaign=campaign, language=translation.get_language(), fallback=preferred or "-"
    )


class InvitationFlow(Flow):
    @property
    def saved_message(self):
        return gettext(
            "Your answers are saved. To continue later, open the link in your invitation email again."
        )

    def __init__(self, request, *, invitation):
        self.invitation = invitation
        campaign = invitation.campaign
        super().__init__(request, campaign=campaign, version=pinned_version(campaign, invitation.language))

    def answers(self):
        return dict(self.invitation.draft or {})

    def save(self, answers):
        return responding.draft_save(invitation=self.invitation, version=self.version, answers=answers)

    def submit(self, answers):
        responding.invitation_submit(invitation_id=self.invitation.pk, version=self.version, answers=answers)
        session = self.request.session
        session.pop(SESSION_INVITATION, None)
        session.pop(SESSION_STEP, None)
        session[SESSION_THANKS] = self.invitation.campaign_id

    def get_step(self):
        return self.request.session.get(SESSION_STEP, 0)

    def set_step(self, index):
        self.request.session[SESSION_STEP] = index

    def url(self):
        return reverse("mapping:respond")

    def thanks_url(self):
        return reverse("mapping:respond_thanks")

    def render(self, context, *, status=200):
        context = {**context, "campaign": self.campaign, "invitation_languages": self.languages()}
        return render_questionnaire(self.request, context, status=status)

    def languages(self):
        return sorted(self.campaign.versions.values_list("language", flat=True))


def respond(request):
    try:
        invitation = responding.invitation_for_session(invitation_id=request.session.get(SESSION_INVITATION))
        flow = InvitationFlow(request, invitation=invitation)
    except MappingError:
        return link_not_valid(request)
    return run(flow)


def thanks(request):
    campaign_id = request.session.get(SESSION_THANKS)
    version = None
    if campaign_id is not None:
        from ..models import QuestionnaireVersion

        version = (
            QuestionnaireVersion.objects.filter(
                campaign_id=campaign_id, language=translation.get_language()
            ).first()
            or QuestionnaireVersion.objects.filter(campaign_id=campaign_id).first()
        )
    context = {"questionnaire": questionnaire_of(version) if version else None}
    context["thank_you"] = (version.content or {}).get("thank_you", "") if version else ""
    return personal(render(request, "mapping/respond/thanks.html", context))
