"""The SWOT endpoints on /api/v3/mapping/: the caller's boards, a board with its items, adding an
item, a comment and a vote, each refused with a translated 4xx that changes nothing when the
caller is not a member, the board is closed, the id belongs to another board or the text is
too long."""

import pytest
from django.test import Client

from mapping.models import SwotComment, SwotItem, SwotVote
from mapping.models.swot import MAX_COMMENT_LENGTH, MAX_ITEM_LENGTH
from mapping.services import swot as services

from .swot_setup import (  # noqa: F401  (fixtures)
    board_fixture,
    facilitator_fixture,
    make_board,
    outsider_fixture,
    participant_fixture,
)

pytestmark = pytest.mark.django_db

API = "/api/v3/mapping/swot"


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def post(client, path, data=None, **extra):
    return client.post(f"{API}{path}", data or {}, content_type="application/json", **extra)


def add(board, user, quadrant="strength", text="Engagerade chefer"):
    return services.swot_item_add(board=board, user=user, quadrant=quadrant, text=text)


def counts():
    return SwotItem.objects.count(), SwotComment.objects.count(), SwotVote.objects.count()


def test_the_boards_need_a_session(board):
    response = Client().get(f"{API}/boards")
    assert response.status_code == 401
    assert response.json()["code"] == "unauthenticated"


def test_my_boards_and_a_board_with_its_items(board, participant, facilitator):
    make_board(facilitator, organisations="Solna stad")  # not the participant's
    item = add(board, participant)
    services.swot_vote_set(item=item, user=participant, voted=True)
    services.swot_comment_add(item=item, user=facilitator, text="Bra")
    client = client_for(participant)
    boards = client.get(f"{API}/boards").json()
    assert [(b["id"], b["role"], b["topic"]) for b in boards] == [
        (board.pk, "participant", "accessibility-mainstreaming")
    ]
    detail = client.get(f"{API}/boards/{board.pk}").json()
    assert [q["quadrant"] for q in detail["quadrants"]] == ["strength", "weakness", "opportunity", "threat"]
    (shown,) = detail["quadrants"][0]["items"]
    assert (shown["id"], shown["votes"], shown["my_vote"], shown["comments"][0]["text"]) == (
        item.pk,
        1,
        True,
        "Bra",
    )
    assert detail["facilitator"] is False


def test_a_non_member_gets_404_everywhere(board, participant, outsider):
    item = add(board, participant)
    client = client_for(outsider)
    responses = [
        client.get(f"{API}/boards/{board.pk}"),
        post(client, f"/boards/{board.pk}/items", {"quadrant": "threat", "text": "X"}),
        post(client, f"/items/{item.pk}/comments", {"text": "X"}),
        post(client, f"/items/{item.pk}/vote"),
        client.delete(f"{API}/items/{item.pk}/vote"),
        client.get(f"{API}/boards/999999"),
    ]
    assert [r.status_code for r in responses] == [404] * 6
    assert all(r.json()["code"] == "not_found" for r in responses)
    assert counts() == (1, 0, 0)


def test_add_comment_and_vote_once(board, participant):
    client = client_for(participant)
    response = post(client, f"/boards/{board.pk}/items", {"quadrant": "opportunity", "text": " Nya nätverk "})
    assert response.status_code == 201
    item_id = response.json()["id"]
    assert response.json()["text"] == "Nya nätverk"
    assert post(client, f"/items/{item_id}/comments", {"text": "Ja"}).status_code == 201
    first, second = post(client, f"/items/{item_id}/vote"), post(client, f"/items/{item_id}/vote")
    assert first.json() == second.json() == {"item_id": item_id, "voted": True, "votes": 1}
    assert client.delete(f"{API}/items/{item_id}/vote").json()["votes"] == 0
    assert post(client, f"/items/{item_id}/vote", {"vote": False}).json()["voted"] is False
    assert counts() == (1, 1, 0)


def test_bad_payloads_get_422_or_400_and_change_nothing(board, participant):
    client = client_for(participant)
    item = add(board, participant)
    cases = [
        post(client, f"/boards/{board.pk}/items", {"quadrant": "dreams", "text": "X"}),
        post(
            client, f"/boards/{board.pk}/items", {"quadrant": "threat", "text": "x" * (MAX_ITEM_LENGTH + 1)}
        ),
        post(client, f"/boards/{board.pk}/items", {"quadrant": "threat"}),
        post(client, f"/items/{item.pk}/comments", {"text": "x" * (MAX_COMMENT_LENGTH + 1)}),
    ]
    assert [r.status_code for r in cases] == [422] * 4
    broken = post(client, f"/boards/{board.pk}/items", "{not json")
    assert broken.status_code == 400 and broken.json()["detail"]
    assert post(client, f"/boards/{board.pk}/items", {"quadrant": "threat", "text": "   "}).status_code == 400
    assert counts() == (1, 0, 0)


def test_english_messages_when_asked_in_english(board, outsider):
    response = client_for(outsider).get(f"{API}/boards/{board.pk}", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert "not taking part" in response.json()["detail"]


def test_a_closed_board_refuses_writes_with_409(board, participant, facilitator):
    item = add(board, participant)
    services.swot_board_close(board=board, user=facilitator)
    client = client_for(participant)
    responses = [
        post(client, f"/boards/{board.pk}/items", {"quadrant": "threat", "text": "Sent"}),
        post(client, f"/items/{item.pk}/comments", {"text": "Sent"}),
        post(client, f"/items/{item.pk}/vote"),
    ]
    assert [r.status_code for r in responses] == [409] * 3
    assert client.get(f"{API}/boards/{board.pk}").json()["closed"] is True
    assert counts() == (1, 0, 0)


def test_writes_need_the_csrf_token(board, participant):
    client = Client(enforce_csrf_checks=True)
    client.force_login(participant)
    response = post(client, f"/boards/{board.pk}/items", {"quadrant": "threat", "text": "X"})
    assert response.status_code == 403
    assert counts() == (0, 0, 0)
