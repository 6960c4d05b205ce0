"""Builders for the report tests: a campaign with a pinned questionnaire version and responses
written straight as rows, as many as a test needs. (Not a test module: pytest does not collect
it.)"""

import datetime

from django.utils import timezone

from mapping.models import (
    Answer,
    Campaign,
    CampaignMode,
    CampaignState,
    IdentifiedResponse,
    Invitation,
    QuestionnairePage,
    QuestionnaireVersion,
    Response,
)
from mapping.tokens import new_token


def _question(kind, key, prompt, **value):
    return {"type": kind, "value": {"key": key, "prompt": prompt, **value}}


SCALE = ["Ingen", "Grundläggande", "God", "Mycket god"]

BODY = [
    {
        "type": "section",
        "value": {
            "title": "Om er",
            "questions": [
                _question("likert", "trivsel", "Vi arbetar med likabehandling", allow_not_applicable=True),
                _question(
                    "single",
                    "storlek",
                    "Hur stor är organisationen?",
                    options=[{"key": "liten", "label": "Liten"}, {"key": "stor", "label": "Stor"}],
                ),
                _question(
                    "multiple",
                    "kanaler",
                    "Hur vill ni lära er?",
                    options=[
                        {"key": "webb", "label": "Webb"},
                        {"key": "kurs", "label": "Kurs"},
                        {"key": "mentor", "label": "Mentor"},
                    ],
                ),
                _question("number", "anstallda", "Antal anställda"),
                _question(
                    "matrix",
                    "pastaenden",
                    "Hur väl stämmer det?",
                    statements=[{"key": "policy", "label": "Vi har en policy"}],
                    scale=SCALE,
                ),
                _question(
                    "competence",
                    "kompetens",
                    "Kompetens",
                    themes=[
                        {"key": "jamstalldhet", "label": "Jämställdhet"},
                        {"key": "tillganglighet", "label": "Tillgänglighet"},
                    ],
                    scale=SCALE,
                ),
                _question("long_text", "ovrigt", "Något mer?"),
            ],
        },
    }
]


def questionnaire_page():
    from wagtail.models import Page

    root = Page.get_first_root_node()
    page = QuestionnairePage(title="Behov", slug=f"behov-{QuestionnairePage.objects.count()}", body=BODY)
    root.add_child(instance=page)
    return page


def campaign(*, mode=CampaignMode.ANONYMOUS, name="Behov 2026", breakdowns=("organisation_type", "region")):
    page = questionnaire_page()
    opens = timezone.now() - datetime.timedelta(days=20)
    made = Campaign.objects.create(
        name=name,
        questionnaire=page,
        mode=mode,
        state=CampaignState.CLOSED,
        breakdowns=list(breakdowns),
        opens_at=opens,
        closes_at=opens + datetime.timedelta(days=14),
    )
    for language in ("sv", "en"):
        QuestionnaireVersion.objects.create(
            campaign=made, language=language, content={"title": "Behov", "intro": "", "body": BODY}
        )
    return made


def respond(
    campaign, answers, *, organisation_type="municipality", region="Solna", language="sv", invitation=None
):
    """One response; ``answers`` are Answer field dicts (question_key required)."""
    response = Response.objects.create(
        campaign=campaign,
        version=campaign.versions.get(language=language),
        submitted_on=timezone.localdate(),
        organisation_type=organisation_type,
        region=region,
        language=language,
    )
    Answer.objects.bulk_create(Answer(response=response, **answer) for answer in answers)
    if invitation is not None:
        IdentifiedResponse.objects.create(response=response, invitation=invitation)
    return response


def typical_answers(i):
    """A full set of answers varying with ``i``."""
    return [
        {"question_key": "trivsel", "option_key": str(i % 5 + 1), "number": i % 5 + 1},
        {"question_key": "storlek", "option_key": "liten" if i % 3 else "stor"},
        {"question_key": "kanaler", "option_key": "webb"},
        *([{"question_key": "kanaler", "option_key": "kurs"}] if i % 2 else []),
        {"question_key": "anstallda", "number": 10 + i},
        {
            "question_key": "pastaenden",
            "item_key": "policy",
            "option_key": str(i % 4 + 1),
            "number": i % 4 + 1,
        },
        {
            "question_key": "kompetens",
            "item_key": "jamstalldhet",
            "aspect": "current",
            "option_key": "2",
            "number": 2,
        },
        {
            "question_key": "kompetens",
            "item_key": "jamstalldhet",
            "aspect": "importance",
            "option_key": "4",
            "number": 4,
        },
        {
            "question_key": "kompetens",
            "item_key": "tillganglighet",
            "aspect": "current",
            "option_key": "3",
            "number": 3,
        },
        {
            "question_key": "kompetens",
            "item_key": "tillganglighet",
            "aspect": "importance",
            "option_key": "3",
            "number": 3,
        },
        {"question_key": "ovrigt", "text": f"Kommentar {i:03d}"},
    ]


def invite(campaign, email, *, organisation="Solna stad", responded=False):
    return Invitation.objects.create(
        campaign=campaign,
        email=email,
        language="sv",
        organisation=organisation,
        token_hash=new_token()[1],
        responded=responded,
    )
