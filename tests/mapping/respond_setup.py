"""Builders for the questionnaire and respondent tests: a published questionnaire with every
question type (Swedish, and English with the same keys), an open campaign with its versions
pinned, and invitations with their tokens. (Not a test module: pytest does not collect it.)"""

import datetime

from django.utils import timezone

from mapping.demo.questionnaires import body_data
from mapping.models import Campaign, CampaignState, Invitation, QuestionnairePage
from mapping.services.pinning import pin_versions
from mapping.tokens import new_token
from tests.factories.pages import translate

SCALE = {"sv": ["Låg", "Medel", "Hög"], "en": ["Low", "Medium", "High"]}
MATRIX_SCALE = {"sv": ["Aldrig", "Sällan", "Ofta", "Alltid"], "en": ["Never", "Rarely", "Often", "Always"]}

SECTIONS = [
    {
        "title": ("Om er", "About you"),
        "intro": ("Inledning", "Introduction"),
        "questions": [
            {
                "type": "single",
                "key": "role",
                "prompt": ("Vilken roll har du?", "What is your role?"),
                "required": True,
                "options": [("staff", "Medarbetare", "Staff"), ("manager", "Chef", "Manager")],
            },
            {
                "type": "likert",
                "key": "agree",
                "prompt": ("Vi arbetar aktivt med likabehandling.", "We work actively on equal treatment."),
                "required": True,
                "allow_not_applicable": True,
            },
            {
                "type": "multiple",
                "key": "measures",
                "prompt": ("Vad gör ni redan?", "What do you already do?"),
                "options": [
                    ("plan", "Plan", "Plan"),
                    ("training", "Utbildning", "Training"),
                    ("audit", "Granskning", "Audit"),
                ],
            },
        ],
    },
    {
        "title": ("Kompetens", "Competence"),
        "intro": ("", ""),
        "questions": [
            {
                "type": "competence",
                "key": "comp",
                "prompt": ("Kunskap och betydelse", "Knowledge and importance"),
                "required": True,
                "allow_not_applicable": True,
                "themes": [("equal-treatment", "Likabehandling", "Equal treatment"), ("csr", "CSR", "CSR")],
                "scale": SCALE,
                "labels": (("Kunskap i dag", "Knowledge today"), ("Betydelse", "Importance")),
            },
            {
                "type": "matrix",
                "key": "mx",
                "prompt": ("Hur ofta …", "How often …"),
                "statements": [("meetings", "Möten", "Meetings"), ("hiring", "Rekrytering", "Hiring")],
                "scale": MATRIX_SCALE,
            },
            {
                "type": "number",
                "key": "count",
                "prompt": ("Hur många har utbildats?", "How many have been trained?"),
                "min_value": 0,
                "max_value": 100,
                "whole_number": True,
            },
        ],
    },
    {
        "title": ("För chefer", "For managers"),
        "intro": ("", ""),
        "condition": ("role", "manager"),
        "questions": [
            {"type": "short_text", "key": "short", "prompt": ("Kort svar", "Short answer")},
            {
                "type": "long_text",
                "key": "long",
                "prompt": ("Berätta om granskningen", "Tell us about the audit"),
                "condition": ("measures", "audit"),
            },
        ],
    },
]

# A complete answer a manager gives (every section shown).
MANAGER_ANSWERS = {
    "role": "manager",
    "agree": "4",
    "measures": ["plan", "audit"],
    "comp": {
        "equal-treatment": {"current": "1", "importance": "3"},
        "csr": {"current": "2", "importance": "_na"},
    },
    "mx": {"meetings": "2"},
    "count": 12,
    "short": "Kort",
    "long": "Vi granskade rekryteringen.",
}
STAFF_ANSWERS = {
    "role": "staff",
    "agree": "_na",
    "comp": {
        "equal-treatment": {"current": "2", "importance": "2"},
        "csr": {"current": "1", "importance": "3"},
    },
}


def questionnaire(home_sv, *, slug="enkat", sections=SECTIONS, with_translation=True):
    page = QuestionnairePage(
        title="Enkät", slug=slug, intro="Om enkäten", thank_you="Tack!", body=body_data(sections, "sv")
    )
    home_sv.add_child(instance=page)
    page.save_revision().publish()
    page = QuestionnairePage.objects.get(pk=page.pk)
    if with_translation:
        ids = [(block["id"], [q["id"] for q in block["value"]["questions"]]) for block in page.body.raw_data]
        translate(
            page,
            "en",
            title="Survey",
            slug=f"{slug}-en",
            intro="About the survey",
            body=body_data(sections, "en", ids=ids),
        )
    return page


def open_campaign(page, **fields):
    now = timezone.now()
    fields.setdefault("name", "Behov")
    fields.setdefault("breakdowns", ["organisation_type", "region", "language"])
    campaign = Campaign.objects.create(
        questionnaire=page,
        opens_at=now - datetime.timedelta(days=1),
        closes_at=now + datetime.timedelta(days=14),
        state=CampaignState.OPEN,
        **fields,
    )
    pin_versions(campaign)
    return campaign


def invite(campaign, email="a@example.org", *, language="sv", **fields):
    token, token_hash = new_token()
    fields.setdefault("organisation_type", "municipality")
    fields.setdefault("region", "Solna")
    invitation = Invitation.objects.create(
        campaign=campaign, email=email, language=language, token_hash=token_hash, **fields
    )
    return invitation, token
