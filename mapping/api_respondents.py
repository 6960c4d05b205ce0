"""Respondents on /api/v3/mapping/respond/: the questionnaire of the session's invitation (the
pinned version, never the page as it is now), saving a draft, and submitting once. The session
comes from the emailed link (``/<language>/mapping/t/<token>/``), so no token is ever in an API
address. Writes need the session's CSRF token. Thin: the rules are in
``mapping.services.responding``."""

from typing import Any

from ninja import Router, Schema, Status
from ninja.errors import HttpError
from ninja.utils import check_csrf

from .answers import InvalidAnswers
from .questionnaire import questionnaire_of
from .services import responding
from .views.respond import SESSION_INVITATION

router = Router(tags=["mapping: respondents"])


class ConditionOut(Schema):
    question_key: str
    option_key: str


class QuestionOut(Schema):
    key: str
    type: str
    number: int
    label: str
    help_text: str
    required: bool
    allows_not_applicable: bool
    options: list[tuple[str, str]]
    items: list[tuple[str, str]]
    scale: list[tuple[str, str]]
    aspects: list[tuple[str, str]]
    condition: ConditionOut | None
    min_value: float | None
    max_value: float | None
    whole_number: bool


class SectionOut(Schema):
    index: int
    title: str
    intro: str
    condition: ConditionOut | None
    questions: list[QuestionOut]


class QuestionnaireOut(Schema):
    campaign_id: int
    language: str
    languages: list[str]
    anonymous: bool
    title: str
    intro: str
    not_applicable_value: str
    sections: list[SectionOut]
    draft: dict[str, Any]


class AnswersIn(Schema):
    language: str
    answers: dict[str, Any]


class DraftOut(Schema):
    answers: dict[str, Any]


class SubmittedOut(Schema):
    submitted: bool


class InvalidAnswersOut(Schema):
    detail: str
    code: str
    errors: dict[str, str]


def _invitation(request, *, write=False):
    if write and check_csrf(request) is not None:
        raise HttpError(403, "CSRF check Failed")
    return responding.invitation_for_session(invitation_id=request.session.get(SESSION_INVITATION))


def _invalid(error):
    return Status(400, {"detail": str(error.message), "code": error.code, "errors": error.errors})


@router.get("/respond/questionnaire", response=QuestionnaireOut, summary="The session's questionnaire")
def questionnaire(request, language: str = ""):
    """The pinned questionnaire in ``language`` (default: the invitee's), and the saved draft."""
    from .answers import NOT_APPLICABLE

    invitation = _invitation(request)
    campaign = invitation.campaign
    version = responding.version_for(
        campaign=campaign, language=language or invitation.language, fallback="" if language else "-"
    )
    parsed = questionnaire_of(version)
    return {
        "campaign_id": campaign.pk,
        "language": version.language,
        "languages": sorted(campaign.versions.values_list("language", flat=True)),
        "anonymous": campaign.is_anonymous,
        "title": parsed.title,
        "intro": parsed.intro,
        "not_applicable_value": NOT_APPLICABLE,
        "sections": parsed.sections,
        "draft": invitation.draft or {},
    }


@router.put(
    "/respond/draft", response={200: DraftOut, 400: InvalidAnswersOut}, summary="Save answers for later"
)
def save_draft(request, payload: AnswersIn):
    invitation = _invitation(request, write=True)
    version = responding.version_for(campaign=invitation.campaign, language=payload.language)
    try:
        answers = responding.draft_save(invitation=invitation, version=version, answers=payload.answers)
    except InvalidAnswers as error:
        return _invalid(error)
    return {"answers": answers}


@router.post(
    "/respond/submit", response={200: SubmittedOut, 400: InvalidAnswersOut}, summary="Submit the answers"
)
def submit(request, payload: AnswersIn):
    """Once per invitation: a second submission gets 409 (or 404 once the session has ended)."""
    invitation = _invitation(request, write=True)
    version = responding.version_for(campaign=invitation.campaign, language=payload.language)
    try:
        responding.invitation_submit(invitation_id=invitation.pk, version=version, answers=payload.answers)
    except InvalidAnswers as error:
        return _invalid(error)
    request.session.pop(SESSION_INVITATION, None)
    return {"submitted": True}
