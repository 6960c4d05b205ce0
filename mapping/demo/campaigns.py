"""The demo's campaigns, on the demo questionnaire (``questionnaires.py`` runs first):

- a closed, anonymous campaign with synthetic responses from the six municipalities and the
  other partner types, broken down by organisation type, municipality or region and language,
  so that reports, the priority matrix and small-cell suppression (the partners abroad and
  the smaller types are fewer than five) can all be seen at once;
- an open campaign whose reminders are still to come, with some invitees not yet responded;
- a campaign administrator's login.

Deterministic (one seeded random generator) and created once: a campaign found by its name is
left as it is. No email is queued: the invitations are recorded as sent when the campaign
"opened". Answers go through ``store_response``, so they are checked like real ones.
"""

import datetime
import random

from django.utils import timezone

from heart_site.core.management.commands.load_demo import create_users

from ..answers import NOT_APPLICABLE
from ..models import Breakdown, Campaign, CampaignMode, CampaignState, Invitation, QuestionnairePage
from ..questionnaire import questionnaire_of
from ..reference_data import CAMPAIGN_ADMINISTRATORS
from ..tokens import new_token

CLOSED_NAME = "Kartläggning av kompetensbehov 2026"
OPEN_NAME = "Uppföljning: arbetsgivare och tillgänglighet"
SEED = 2026

ADMINISTRATOR = {
    "username": "campaignadmin",
    "email": "campaignadmin@heart.example",
    "password": "heart-demo-campaigns",
    "full_name": "Kim Kartläggare",
    "organisation_name": "HEART",
    "preferred_language": "sv",
    "is_staff": True,
    "is_superuser": False,
    "group": CAMPAIGN_ADMINISTRATORS,
    "role": "Campaign administrator",
}

# (organisation, type, municipality or region, language, invitees, respondents). The six
# municipalities answer in numbers; the partners abroad and single organisations of a type
# stay under five, so their cells are hidden in reports.
CLOSED_AUDIENCE = [
    ("Järfälla kommun", "municipality", "Järfälla", "sv", 10, 8),
    ("Norrtälje kommun", "municipality", "Norrtälje", "sv", 10, 7),
    ("Sollentuna kommun", "municipality", "Sollentuna", "sv", 10, 8),
    ("Solna stad", "municipality", "Solna", "sv", 10, 9),
    ("Sundbybergs stad", "municipality", "Sundbyberg", "sv", 10, 7),
    ("Upplands Väsby kommun", "municipality", "Upplands Väsby", "sv", 10, 8),
    ("Arbetsförmedlingen", "agency", "Stockholms län", "sv", 6, 5),
    ("Försäkringskassan", "agency", "Stockholms län", "sv", 5, 4),
    ("Bemanningsföretaget i Stockholm", "company", "Stockholms län", "sv", 6, 5),
    ("Röda Korset Stockholm", "ngo", "Stockholms län", "sv", 3, 2),
    ("Centro di formazione Emilia-Romagna", "training_centre", "Emilia-Romagna", "en", 3, 2),
    ("Università di Pisa", "university", "Toscana", "en", 2, 1),
    ("HR consultancy Bologna", "company", "Emilia-Romagna", "en", 2, 1),
    ("Dublin partner network", "ngo", "Dublin", "en", 2, 1),
]
OPEN_AUDIENCE = [
    ("Solna stad", "municipality", "Solna", "sv", 5, 2),
    ("Sundbybergs stad", "municipality", "Sundbyberg", "sv", 5, 1),
    ("Bemanningsföretaget i Stockholm", "company", "Stockholms län", "sv", 4, 1),
    ("Università di Pisa", "university", "Toscana", "en", 2, 0),
]
# The share of "high" answers: the current level is low where the programme is new to most
# (mainstreaming, accessibility), importance is high almost everywhere: the priority matrix
# then has something to show.
CURRENT_BIAS = {
    "gender-mainstreaming": 0.2,
    "accessibility-mainstreaming": 0.15,
    "accessibility": 0.3,
    "csr": 0.45,
}
IMPORTANCE_BIAS = {"accessibility": 0.85, "accessibility-mainstreaming": 0.8, "equal-treatment": 0.75}
TEXTS = {
    "sv": [
        "Konkreta exempel från andra kommuner vore värdefullt.",
        "Vi behöver stöd i att göra vår rekryteringsprocess tillgänglig.",
        "Chefer behöver mer kunskap om aktiva åtgärder.",
        "Korta digitala moduler som går att ta i arbetslaget.",
    ],
    "en": [
        "Practical examples from other countries would help us.",
        "We need help making our training material accessible.",
        "Short sessions for managers would suit us best.",
    ],
}


def load(*, home_sv, home_en, result):
    from .questionnaires import SLUGS, SOURCE

    (administrator,) = create_users(result, [ADMINISTRATOR])
    result.logins.append(ADMINISTRATOR)
    page = QuestionnairePage.objects.child_of(home_sv).filter(slug=SLUGS[SOURCE]).first()
    if page is None or not page.live:
        result.notes.append("no published demo questionnaire; the demo campaigns were not created")
        return
    now = timezone.now()
    rng = random.Random(SEED)
    _closed_campaign(page, now=now, rng=rng, result=result)
    _open_campaign(page, now=now, rng=rng, result=result)


def _closed_campaign(page, *, now, rng, result):
    existing = Campaign.objects.filter(name=CLOSED_NAME).first()
    if existing is not None:
        result.existing.append(existing)
        return existing
    campaign = _opened(
        page,
        name=CLOSED_NAME,
        opens_at=now - datetime.timedelta(days=45),
        closes_at=now - datetime.timedelta(days=15),
        audience=CLOSED_AUDIENCE,
        rng=rng,
    )
    Campaign.objects.filter(pk=campaign.pk).update(state=CampaignState.CLOSED, closed_at=campaign.closes_at)
    count = campaign.responses.count()
    result.created.append(f"closed campaign “{CLOSED_NAME}” with {count} synthetic responses")
    return campaign


def _open_campaign(page, *, now, rng, result):
    existing = Campaign.objects.filter(name=OPEN_NAME).first()
    if existing is not None:
        result.existing.append(existing)
        return existing
    campaign = _opened(
        page,
        name=OPEN_NAME,
        opens_at=now - datetime.timedelta(days=5),
        closes_at=now + datetime.timedelta(days=10),
        audience=OPEN_AUDIENCE,
        rng=rng,
    )
    pending = Invitation.objects.filter(campaign=campaign, responded=False).count()
    result.created.append(
        f"open campaign “{OPEN_NAME}”: {pending} invitees not yet responded, "
        "reminders 7 and 2 days before closing"
    )
    return campaign


def _opened(page, *, name, opens_at, closes_at, audience, rng):
    """A campaign as if it had opened at ``opens_at``: pinned, its audience invited then (no
    email now), and the respondents' answers stored."""
    from ..services.messages import messages_prefill
    from ..services.pinning import pin_versions
    from ..services.responding import store_response

    campaign = Campaign.objects.create(
        name=name,
        questionnaire=page,
        mode=CampaignMode.ANONYMOUS,
        breakdowns=[Breakdown.ORGANISATION_TYPE, Breakdown.REGION, Breakdown.LANGUAGE],
        opens_at=opens_at,
        closes_at=closes_at,
        reminder_days=[7, 2],
        state=CampaignState.OPEN,
        opened_at=opens_at,
    )
    messages_prefill(campaign=campaign)
    versions = {version.language: version for version in pin_versions(campaign)}
    for organisation, kind, region, language, invitees, respondents in audience:
        domain = "".join(ch for ch in organisation.lower() if ch.isalnum())[:24]
        version = versions.get(language) or next(iter(versions.values()))
        for number in range(invitees):
            responded = number < respondents
            Invitation.objects.create(
                campaign=campaign,
                email=f"person{number + 1}@{domain}.example",
                language=language,
                organisation=organisation,
                organisation_type=kind,
                region=region,
                token_hash=new_token()[1],  # nobody holds it: the demo sends no email
                invited_at=opens_at,
                responded=responded,
            )
            if responded:
                store_response(
                    campaign=campaign,
                    version=version,
                    answers=synthetic_answers(questionnaire_of(version), rng=rng, language=version.language),
                    attributes={
                        Breakdown.ORGANISATION_TYPE: kind,
                        Breakdown.REGION: region,
                        Breakdown.LANGUAGE: version.language,
                    },
                )
    return campaign


def _step(keys, rng, high_share):
    """A scale step: from the upper half with probability ``high_share``."""
    middle = len(keys) // 2
    pool = keys[middle:] if rng.random() < high_share else keys[: middle + 1]
    return rng.choice(pool)


def synthetic_answers(questionnaire, *, rng, language):
    """Plausible answers to every question of a pinned questionnaire, whatever its blocks."""
    answers = {}
    for question in questionnaire.questions:
        kind = question.type
        options = [key for key, _label in question.options]
        scale = [key for key, _label in question.scale]
        if question.allows_not_applicable and not question.required and rng.random() < 0.05:
            answers[question.key] = NOT_APPLICABLE
        elif kind == "likert" or kind == "single":
            answers[question.key] = _step(options, rng, 0.55) if kind == "likert" else rng.choice(options)
        elif kind == "multiple":
            answers[question.key] = rng.sample(options, rng.randint(1, len(options)))
        elif kind == "number":
            low = int(question.min_value or 0)
            answers[question.key] = rng.randint(low, max(low, min(int(question.max_value or 40), 40)))
        elif kind in ("short_text", "long_text"):
            if rng.random() < 0.4:
                answers[question.key] = rng.choice(TEXTS.get(language, TEXTS["en"]))
        elif kind == "matrix":
            answers[question.key] = {item: _step(scale, rng, 0.5) for item, _label in question.items}
        elif kind == "competence":
            answers[question.key] = {
                item: {
                    "current": _step(scale, rng, CURRENT_BIAS.get(item, 0.5)),
                    "importance": _step(scale, rng, IMPORTANCE_BIAS.get(item, 0.6)),
                }
                for item, _label in question.items
            }
    return answers
