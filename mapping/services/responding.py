"""Answering a campaign: exchanging an invitation token, saving a draft, submitting once.

Anonymity is built into what is written: a ``Response`` gets its campaign, the pinned version
answered, the date, and only the breakdown attributes the campaign declared. The invitation
records only that it has responded; ``IdentifiedResponse`` links the two in identified
campaigns alone. Nothing is emailed on submission: in an anonymous campaign the message's
time would tie the response to its invitee.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..answers import answer_rows, clean_answers
from ..errors import Conflict, MappingError, NotFound
from ..models import (
    Answer,
    Breakdown,
    Campaign,
    CampaignAccess,
    CampaignState,
    IdentifiedResponse,
    Invitation,
    QuestionnaireVersion,
    Response,
)
from ..questionnaire import questionnaire_of
from ..tokens import hash_token

MAX_TOKEN_LENGTH = 200


class LinkNotValid(NotFound):
    """Unknown, used, expired or closed: one message for all, so a link reveals nothing."""

    code = "link_not_valid"

    def __init__(self, message=None):
        super().__init__(
            message
            or _(
                "This link cannot be used to answer. It may have been used already, or the survey "
                "may have closed. If you think this is wrong, contact whoever sent you the link."
            )
        )


class AlreadyResponded(Conflict):
    code = "already_responded"


class CampaignNotOpen(Conflict):
    code = "campaign_not_open"


def campaign_is_open(campaign: Campaign, *, now=None) -> bool:
    now = now or timezone.now()
    return campaign.state == CampaignState.OPEN and campaign.opens_at <= now < campaign.closes_at


def _usable(invitation):
    if invitation is None or invitation.responded or not campaign_is_open(invitation.campaign):
        raise LinkNotValid()
    return invitation


def invitation_from_token(*, token: str) -> Invitation:
    if not isinstance(token, str) or not token or len(token) > MAX_TOKEN_LENGTH:
        raise LinkNotValid()
    invitation = Invitation.objects.select_related("campaign").filter(token_hash=hash_token(token)).first()
    return _usable(invitation)


def invitation_for_session(*, invitation_id) -> Invitation:
    """The invitation a session holds, while it can still answer."""
    if not isinstance(invitation_id, int):
        raise LinkNotValid()
    return _usable(Invitation.objects.select_related("campaign").filter(pk=invitation_id).first())


def version_for(*, campaign: Campaign, language: str, fallback: str = "") -> QuestionnaireVersion:
    """The campaign's pinned version in ``language``, else in ``fallback``, else the first."""
    versions = {version.language: version for version in campaign.versions.all()}
    if not versions:
        raise NotFound(_("This questionnaire is not available."))
    if language in versions:
        return versions[language]
    if fallback:
        if fallback in versions:
            return versions[fallback]
        return next(iter(sorted(versions.values(), key=lambda version: version.pk)))
    raise NotFound(_("This questionnaire is not available in that language."))


def _check_version(campaign, version):
    if version is None or version.campaign_id != campaign.pk:
        raise NotFound(_("This questionnaire is not available."))


def draft_clean(*, version: QuestionnaireVersion, answers) -> dict:
    """Answers as a draft keeps them: checked (keys, ranges, lengths) but not yet complete."""
    return clean_answers(questionnaire_of(version), answers, check_required=set())


def draft_save(*, invitation: Invitation, version: QuestionnaireVersion, answers) -> dict:
    _check_version(invitation.campaign, version)
    cleaned = draft_clean(version=version, answers=answers)
    if not Invitation.objects.filter(pk=invitation.pk, responded=False).update(draft=cleaned):
        raise AlreadyResponded(_("These answers have already been submitted."))
    invitation.draft = cleaned
    return cleaned


def _attributes_of(invitation, version):
    return {
        Breakdown.ORGANISATION_TYPE: invitation.organisation_type,
        Breakdown.REGION: invitation.region,
        Breakdown.LANGUAGE: version.language,
    }


def _write_response(*, campaign, version, rows, attributes) -> Response:
    declared = set(campaign.breakdowns or [])
    kept = {
        name: str(value or "")[: Response._meta.get_field(name).max_length]
        for name, value in (attributes or {}).items()
        if name in declared and name in Breakdown.values
    }
    response = Response.objects.create(
        campaign=campaign, version=version, submitted_on=timezone.localdate(), **kept
    )
    Answer.objects.bulk_create(
        Answer(
            response=response,
            question_key=row.question_key,
            item_key=row.item_key,
            aspect=row.aspect,
            option_key=row.option_key,
            number=row.number,
            text=row.text,
            not_applicable=row.not_applicable,
        )
        for row in rows
    )
    return response


def store_response(
    *, campaign: Campaign, version: QuestionnaireVersion, answers, attributes=None
) -> Response:
    """Check ``answers`` against ``version`` and write a response without any invitation: for
    open-access campaigns, the demo and synthetic data. ``attributes`` (values of
    ``Breakdown``) are kept only where the campaign declared them."""
    _check_version(campaign, version)
    questionnaire = questionnaire_of(version)
    rows = answer_rows(questionnaire, clean_answers(questionnaire, answers))
    with transaction.atomic():
        return _write_response(campaign=campaign, version=version, rows=rows, attributes=attributes)


def invitation_submit(*, invitation_id: int, version: QuestionnaireVersion, answers) -> Response:
    """Submit once per invitation. Of two concurrent submissions exactly one writes: the
    conditional update of ``responded`` is the single point that decides, in the transaction
    that writes the response."""
    invitation = invitation_for_session(invitation_id=invitation_id)
    campaign = invitation.campaign
    _check_version(campaign, version)
    questionnaire = questionnaire_of(version)
    rows = answer_rows(questionnaire, clean_answers(questionnaire, answers))
    with transaction.atomic():
        if not Invitation.objects.filter(pk=invitation.pk, responded=False).update(responded=True, draft={}):
            raise AlreadyResponded(_("These answers have already been submitted."))
        response = _write_response(
            campaign=campaign, version=version, rows=rows, attributes=_attributes_of(invitation, version)
        )
        if not campaign.is_anonymous:
            IdentifiedResponse.objects.create(response=response, invitation=invitation)
    invitation.responded, invitation.draft = True, {}
    return response


def open_campaign_check(campaign: Campaign):
    if campaign is None or campaign.access != CampaignAccess.OPEN or not campaign_is_open(campaign):
        raise CampaignNotOpen(_("This questionnaire is not open for answers at the moment."))


def open_submit(*, campaign: Campaign, version: QuestionnaireVersion, answers) -> Response:
    """A response to a campaign open to anyone: always anonymous, with its language only."""
    open_campaign_check(campaign)
    return store_response(
        campaign=campaign, version=version, answers=answers, attributes={Breakdown.LANGUAGE: version.language}
    )


__all__ = [
    "AlreadyResponded",
    "CampaignNotOpen",
    "LinkNotValid",
    "MappingError",
    "campaign_is_open",
    "draft_clean",
    "draft_save",
    "invitation_for_session",
    "invitation_from_token",
    "invitation_submit",
    "open_campaign_check",
    "open_submit",
    "store_response",
    "version_for",
]
