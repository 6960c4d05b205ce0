"""Reads behind the SWOT pages, the API and the exports: whose boards, who may do what, a
board's items with their votes and comments, and the combined board of a topic. Each read is a
fixed number of queries, however many items, comments and votes a board has."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.utils import translation

from heart_site.core.models import Theme
from heart_site.core.selectors import theme_names_by_key  # noqa: F401  (the views use it from here)

from ..models import Quadrant, SwotBoard, SwotComment, SwotItem, SwotMembership, SwotVote

FACILITATE = "mapping.facilitate_swot"


def membership(*, user, board) -> SwotMembership | None:
    if user is None or not user.is_authenticated:
        return None
    return SwotMembership.objects.filter(board=board, user=user).first()


def is_facilitator(*, user, board, member: SwotMembership | None = None) -> bool:
    """A facilitator of this board who still holds the permission: losing the permission (or
    the group) takes the powers away on every board at once."""
    if user is None or not user.is_authenticated or not user.has_perm(FACILITATE):
        return False
    member = member if member is not None else membership(user=user, board=board)
    return member is not None and member.role == SwotMembership.Role.FACILITATOR


def boards_for_user(*, user):
    """The boards ``user`` belongs to, newest first, with their item counts."""
    if user is None or not user.is_authenticated:
        return SwotBoard.objects.none()
    return (
        SwotBoard.objects.filter(memberships__user=user)
        .select_related("topic")
        .annotate(
            item_count=Count("items", filter=Q(items__hidden=False, items__merged_into__isnull=True)),
            my_role=SwotMembership.objects.filter(board=OuterRef("pk"), user=user).values("role")[:1],
        )
        .order_by("-created_at", "-pk")
    )


def visible_board(*, user, board_id) -> SwotBoard | None:
    """The board if ``user`` is a member; None otherwise, so that its id reveals nothing."""
    if user is None or not user.is_authenticated:
        return None
    return SwotBoard.objects.filter(pk=board_id, memberships__user=user).select_related("topic").first()


def topic_name(board, language_code=None) -> str:
    """The board's title, else its topic's name in the language."""
    if board.title:
        return board.title
    if board.topic_id is None:
        return ""
    names = theme_names_by_key(language_code or translation.get_language())
    return names.get(board.topic.translation_key, board.topic.name)


def _items(board_ids, *, user=None, include_hidden=False):
    items = SwotItem.objects.filter(board_id__in=board_ids, merged_into__isnull=True)
    if not include_hidden:
        items = items.filter(hidden=False)
    items = items.annotate(vote_count=Count("votes", distinct=True)).select_related("author")
    if user is not None and user.is_authenticated:
        items = items.annotate(my_vote=Exists(SwotVote.objects.filter(item=OuterRef("pk"), user=user)))
    return items.prefetch_related(
        Prefetch("comments", queryset=SwotComment.objects.select_related("author")),
        Prefetch("merged_items", queryset=SwotItem.objects.order_by("created_at", "pk")),
    ).order_by("created_at", "pk")


@dataclass
class QuadrantItems:
    key: str
    label: str
    items: list = field(default_factory=list)

    @property
    def vote_total(self):
        return sum(item.vote_count for item in self.items)


def by_quadrant(items) -> list[QuadrantItems]:
    quadrants = {key: QuadrantItems(key=key, label=label) for key, label in Quadrant.choices}
    for item in items:
        quadrants[item.quadrant].items.append(item)
    return list(quadrants.values())


def board_quadrants(*, board, user=None, include_hidden=False) -> list[QuadrantItems]:
    """The board's items in the four quadrants, in the order they were added; each with
    ``vote_count``, ``my_vote`` (when a user is given), its comments and the items merged into
    it. Hidden items only when ``include_hidden`` (for facilitators)."""
    return by_quadrant(_items([board.pk], user=user, include_hidden=include_hidden))


def board_item(*, board, item_id) -> SwotItem | None:
    """An item of this board, or None: an item id from another board is never taken."""
    try:
        item_id = int(item_id)
    except (TypeError, ValueError):
        return None
    return SwotItem.objects.filter(pk=item_id, board=board).select_related("board").first()


def participants(*, board):
    return list(
        SwotMembership.objects.filter(board=board).select_related("user").order_by("role", "joined_at")
    )


def pending_invitations(*, board):
    return list(board.invitations.filter(accepted_at__isnull=True).order_by("email"))


# --- The combined board of a topic -------------------------------------------------------------


def topic_by_slug(slug) -> Theme | None:
    return (
        Theme.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE, kind=Theme.Kind.TOPIC, slug=slug[:100]
        )
        .select_related("locale")
        .first()
    )


def topics_with_boards() -> list[Theme]:
    return list(
        Theme.objects.filter(pk__in=SwotBoard.objects.filter(topic__isnull=False).values("topic")).order_by(
            "sort_order", "name"
        )
    )


@dataclass
class CombinedItem:
    """Items with the same text on several boards, counted as one: their votes are summed."""

    quadrant: str
    text: str
    vote_count: int = 0
    organisations: list = field(default_factory=list)
    boards: int = 0


def _normal(text):
    return " ".join(text.split()).casefold()


def combined_board(*, topic: Theme):
    """The boards on ``topic`` from every organisation, and their shown items in the four
    quadrants: items whose text is the same (ignoring case and spacing) are one row with their
    votes summed, the rows ordered by votes. Two queries."""
    boards = list(SwotBoard.objects.filter(topic=topic).order_by("created_at", "pk"))
    rows = (
        SwotItem.objects.shown()
        .filter(board__in=boards)
        .annotate(vote_count=Count("votes", distinct=True))
        .values_list("quadrant", "text", "board_id", "vote_count")
        .order_by("created_at", "pk")
    )
    organisations = {board.pk: board.organisation_list or [str(board)] for board in boards}
    combined: dict[tuple, CombinedItem] = {}
    for quadrant, text, board_id, votes in rows:
        entry = combined.setdefault((quadrant, _normal(text)), CombinedItem(quadrant=quadrant, text=text))
        entry.vote_count += votes
        entry.boards += 1
        for name in organisations[board_id]:
            if name not in entry.organisations:
                entry.organisations.append(name)
    ordered = sorted(combined.values(), key=lambda entry: -entry.vote_count)
    return boards, by_quadrant(ordered)
