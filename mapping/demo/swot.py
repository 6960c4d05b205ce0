"""The SWOT part of the demo: a facilitator login and a joint board on accessibility
mainstreaming with items in all four quadrants, comments and votes, made through the services
as the facilitator's and participants' clicks would make them. A second run finds the board
and creates nothing."""

from django.contrib.auth import get_user_model

from heart_site.core.management.commands.load_demo import create_users
from heart_site.core.models import Theme

from ..errors import MappingError
from ..models import SwotBoard, SwotMembership
from ..reference_data import SWOT_FACILITATORS
from ..services import swot as services

FACILITATOR = {
    "username": "swotfacilitator",
    "email": "swotfacilitator@heart.example",
    "password": "heart-demo-swot",
    "full_name": "Sara Swot",
    "organisation_name": "HEART",
    "preferred_language": "sv",
    "is_staff": True,
    "is_superuser": False,
    "group": SWOT_FACILITATORS,
    "role": "SWOT facilitator",
}
PARTICIPANT = "participant"  # the core demo's participant
TOPIC = "accessibility-mainstreaming"
ORGANISATIONS = "Järfälla kommun\nSollentuna kommun\nSvenska Röda Korset"

# (quadrant, text, votes from: "f" facilitator, "p" participant, comment or "")
ITEMS = [
    (
        "strength",
        "Tillgänglighetsombud finns på varje förvaltning.",
        "fp",
        "Gäller även de kommunala bolagen?",
    ),
    ("strength", "Webbplatserna granskas mot WCAG 2.2 varje år.", "p", ""),
    ("weakness", "Lokalerna har inte inventerats sedan 2019.", "fp", "Kan vi använda nätverkets checklista?"),
    ("weakness", "Upphandlingar saknar krav på tillgänglighet.", "f", ""),
    ("opportunity", "Gemensam utbildning för chefer i alla sex kommuner.", "fp", ""),
    ("opportunity", "Brukarorganisationer vill testa våra e-tjänster.", "", "Bjud in dem till nästa träff."),
    ("threat", "Budgetneddragningar kan stoppa ombyggnader.", "p", ""),
    ("threat", "Kunskapen försvinner när nyckelpersoner slutar.", "fp", ""),
]


def _topic():
    return Theme.objects.filter(slug=TOPIC, locale__language_code="sv").first()


def load(*, home_sv, home_en, result):
    (facilitator,) = create_users(result, [FACILITATOR])
    result.logins.append(FACILITATOR)
    topic = _topic()
    if topic is None:
        result.notes.append(f"theme {TOPIC!r} is missing; no SWOT board was created")
        return None
    existing = SwotBoard.objects.filter(topic=topic, created_by=facilitator).first()
    if existing is not None:
        result.existing.append(existing)
        return existing
    participant = get_user_model().objects.filter(username=PARTICIPANT).first()
    try:
        return _build(facilitator=facilitator, participant=participant, topic=topic, result=result)
    except MappingError as error:
        # The facilitators' group lost its permission: the rest of the demo still loads.
        result.notes.append(f"the demo SWOT board was not created: {error}")
        return None


def _build(*, facilitator, participant, topic, result):
    board = services.swot_board_create(
        user=facilitator,
        topic=topic,
        organisations=ORGANISATIONS,
        description="Workshop 2026: var står vi i arbetet med tillgänglighetsintegrering?",
    )
    voters = {"f": facilitator}
    if participant is not None:
        SwotMembership.objects.get_or_create(board=board, user=participant)
        voters["p"] = participant
    else:
        result.notes.append(f"no user {PARTICIPANT!r}; the SWOT board has only its facilitator")
    for number, (quadrant, text, votes, comment) in enumerate(ITEMS):
        author = voters.get("p" if number % 2 else "f", facilitator)
        item = services.swot_item_add(board=board, user=author, quadrant=quadrant, text=text)
        for key in votes:
            if key in voters:
                services.swot_vote_set(item=item, user=voters[key], voted=True)
        if comment:
            services.swot_comment_add(item=item, user=facilitator, text=comment)
    result.created.append(f"SWOT board “{board}” with {len(ITEMS)} items, comments and votes")
    return board
