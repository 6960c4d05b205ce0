"""SWOT boards on /api/v3/mapping/: the caller's boards, one board with its items, and adding an
item, a comment or a vote. Thin: the rules are in ``mapping.services.swot``. Everything needs
a session (writes its CSRF token too); a board the caller is not on does not exist for them
(404), like an item id taken from another board."""

import datetime

from django.urls import reverse
from django.utils.translation import gettext
from ninja import Field, Router, Schema, Status
from ninja.security import SessionAuth

from .errors import NotFound
from .models.swot import MAX_COMMENT_LENGTH, MAX_ITEM_LENGTH, Quadrant, SwotItem
from .selectors import swot as selectors
from .services import swot as services

router = Router(tags=["mapping: SWOT"])
session = SessionAuth()


class BoardOut(Schema):
    id: int
    name: str
    topic: str | None  # the topic's slug, the same in every language
    organisations: list[str]
    closed: bool
    role: str
    url: str


class CommentOut(Schema):
    id: int
    text: str
    author: str | None  # None: a former participant
    created_at: datetime.datetime


class ItemOut(Schema):
    id: int
    quadrant: str
    text: str
    author: str | None
    votes: int
    my_vote: bool
    hidden: bool
    comments: list[CommentOut]
    created_at: datetime.datetime


class QuadrantOut(Schema):
    quadrant: str
    label: str
    items: list[ItemOut]


class BoardDetailOut(BoardOut):
    description: str
    facilitator: bool
    quadrants: list[QuadrantOut]


class ItemIn(Schema):
    quadrant: Quadrant
    # Checked here for a 422 that names the field, and again by the service.
    text: str = Field(..., max_length=MAX_ITEM_LENGTH)


class CommentIn(Schema):
    text: str = Field(..., max_length=MAX_COMMENT_LENGTH)


class VoteIn(Schema):
    vote: bool = True


class VoteOut(Schema):
    item_id: int
    voted: bool
    votes: int


def _name(user):
    return (user.get_full_name() or user.get_username()) if user is not None else None


def _board_out(request, board, role):
    return {
        "id": board.pk,
        "name": selectors.topic_name(board),
        "topic": board.topic.slug if board.topic_id else None,
        "organisations": board.organisation_list,
        "closed": board.is_closed,
        "role": role,
        "url": request.build_absolute_uri(reverse("mapping:swot_board", args=[board.pk])),
    }


def _item_out(item):
    return {
        "id": item.pk,
        "quadrant": item.quadrant,
        "text": item.text,
        "author": _name(item.author),
        "votes": item.vote_count,
        "my_vote": bool(getattr(item, "my_vote", False)),
        "hidden": item.hidden,
        "comments": [
            {"id": c.pk, "text": c.text, "author": _name(c.author), "created_at": c.created_at}
            for c in item.comments.all()
        ],
        "created_at": item.created_at,
    }


def _board(request, board_id):
    board = selectors.visible_board(user=request.user, board_id=board_id)
    if board is None:
        raise NotFound(gettext("This SWOT board does not exist, or you are not taking part in it."))
    return board


def _item(request, item_id):
    item = SwotItem.objects.filter(pk=item_id).select_related("board").first()
    if item is None or selectors.visible_board(user=request.user, board_id=item.board_id) is None:
        raise NotFound(gettext("This item does not exist, or you are not taking part in its board."))
    return item


def _reload(request, item):
    quadrants = selectors.board_quadrants(board=item.board, user=request.user, include_hidden=True)
    for quadrant in quadrants:
        for shown in quadrant.items:
            if shown.pk == item.pk:
                return shown
    raise NotFound(gettext("This item is no longer on the board."))


@router.get("/swot/boards", response=list[BoardOut], auth=session, summary="The caller's SWOT boards")
def board_list(request):
    return [
        _board_out(request, board, board.my_role) for board in selectors.boards_for_user(user=request.user)
    ]


@router.get(
    "/swot/boards/{board_id}", response=BoardDetailOut, auth=session, summary="A board with its items"
)
def board_detail(request, board_id: int):
    board = _board(request, board_id)
    member = selectors.membership(user=request.user, board=board)
    facilitator = selectors.is_facilitator(user=request.user, board=board, member=member)
    quadrants = selectors.board_quadrants(board=board, user=request.user, include_hidden=facilitator)
    return {
        **_board_out(request, board, member.role),
        "description": board.description,
        "facilitator": facilitator,
        "quadrants": [
            {"quadrant": q.key, "label": str(q.label), "items": [_item_out(item) for item in q.items]}
            for q in quadrants
        ],
    }


@router.post(
    "/swot/boards/{board_id}/items",
    response={201: ItemOut},
    auth=session,
    summary="Add an item to a quadrant of an open board",
)
def item_add(request, board_id: int, payload: ItemIn):
    board = _board(request, board_id)
    item = services.swot_item_add(
        board=board, user=request.user, quadrant=payload.quadrant, text=payload.text
    )
    return Status(201, _item_out(_reload(request, item)))


@router.post(
    "/swot/items/{item_id}/comments",
    response={201: CommentOut},
    auth=session,
    summary="Comment on an item",
)
def comment_add(request, item_id: int, payload: CommentIn):
    comment = services.swot_comment_add(item=_item(request, item_id), user=request.user, text=payload.text)
    return Status(
        201,
        {
            "id": comment.pk,
            "text": comment.text,
            "author": _name(request.user),
            "created_at": comment.created_at,
        },
    )


def _vote(request, item_id, voted):
    item = _item(request, item_id)
    now = services.swot_vote_set(item=item, user=request.user, voted=voted)
    return {"item_id": item.pk, "voted": now, "votes": item.votes.count()}


@router.post(
    "/swot/items/{item_id}/vote",
    response=VoteOut,
    auth=session,
    summary="Vote for an item (or, with vote=false, take the vote back); repeating it changes nothing",
)
def vote_set(request, item_id: int, payload: VoteIn | None = None):
    return _vote(request, item_id, payload.vote if payload else True)


@router.delete("/swot/items/{item_id}/vote", response=VoteOut, auth=session, summary="Take back a vote")
def vote_delete(request, item_id: int):
    return _vote(request, item_id, False)
