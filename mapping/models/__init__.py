# Each area's models live in a module of their own; import them here so Django finds them.
from .campaigns import (  # noqa: F401
    Breakdown,
    Campaign,
    CampaignAccess,
    CampaignMessage,
    CampaignMode,
    CampaignState,
    Invitation,
    QuestionnaireVersion,
)
from .questionnaires import QuestionnairePage  # noqa: F401
from .responses import Answer, IdentifiedResponse, Response  # noqa: F401
from .swot import (  # noqa: F401
    Quadrant,
    SwotBoard,
    SwotComment,
    SwotInvitation,
    SwotItem,
    SwotMembership,
    SwotVote,
)
