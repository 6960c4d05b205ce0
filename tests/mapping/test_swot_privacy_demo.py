"""A person's SWOT data in "download my data" and after "delete my account" (anonymised, the
board's results unchanged), and the SWOT demo: a facilitator login and a board with items in
every quadrant, comments and votes, created once."""

import pytest
from django.contrib.auth import get_user_model

from heart_site.core.management.commands.load_demo import Result
from mapping.demo import swot as demo
from mapping.models import SwotBoard, SwotComment, SwotInvitation, SwotItem, SwotMembership, SwotVote
from mapping.privacy_swot import erase_swot_data, export_swot_data
from mapping.selectors import swot as selectors
from mapping.services import swot as services
from tests.factories.users import UserFactory

from .swot_setup import board_fixture, facilitator_fixture, participant_fixture  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db


def test_export_holds_the_persons_boards_items_comments_and_votes(board, participant, facilitator):
    item = services.swot_item_add(board=board, user=participant, quadrant="threat", text="Budget")
    services.swot_comment_add(item=item, user=participant, text="Stor risk")
    services.swot_vote_set(item=item, user=participant, voted=True)
    services.swot_item_add(board=board, user=facilitator, quadrant="strength", text="Inte min")
    data = export_swot_data(participant)
    assert [b["role"] for b in data["boards"]] == ["participant"]
    assert [(i["quadrant"], i["text"]) for i in data["items"]] == [("threat", "Budget")]
    assert [c["text"] for c in data["comments"]] == ["Stor risk"]
    assert [v["item"] for v in data["votes"]] == ["Budget"]


def test_erasure_anonymises_and_keeps_the_boards_results(board, participant, facilitator):
    item = services.swot_item_add(board=board, user=participant, quadrant="threat", text="Budget")
    services.swot_comment_add(item=item, user=participant, text="Stor risk")
    services.swot_vote_set(item=item, user=participant, voted=True)
    services.swot_vote_set(item=item, user=facilitator, voted=True)
    services.swot_invite(board=board, user=facilitator, emails=participant.email, language="sv")
    SwotInvitation.objects.create(
        board=board, email="other@example.org", token_hash="x" * 64, expires_at=item.created_at
    )
    services.swot_invite(board=board, user=facilitator, emails="p2@example.org", language="sv")
    SwotInvitation.objects.filter(email="p2@example.org").update(
        accepted_by=participant, accepted_at=item.created_at
    )

    erase_swot_data(participant)
    participant.delete()

    item.refresh_from_db()
    assert item.author is None and SwotComment.objects.get().author is None
    assert SwotVote.objects.filter(item=item).count() == 2  # the vote still counts, without a name
    assert not SwotMembership.objects.filter(user_id=participant.pk).exists()
    assert list(SwotInvitation.objects.values_list("email", flat=True)) == ["other@example.org"]
    (threats,) = [q for q in selectors.board_quadrants(board=board) if q.key == "threat"]
    assert [(i.text, i.vote_count, i.author) for i in threats.items] == [("Budget", 2, None)]


def test_a_former_participant_is_shown_as_such(client, site_tree, board, participant, facilitator):
    item = services.swot_item_add(board=board, user=participant, quadrant="threat", text="Budget")
    erase_swot_data(participant)
    participant.delete()
    client.force_login(facilitator)
    html = client.get(f"/en/mapping/swot/{board.pk}/").content.decode()
    assert "Former participant" in html and item.text in html


def test_the_demo_builds_a_board_with_every_quadrant_once(reference_data):
    UserFactory(username=demo.PARTICIPANT)
    result = Result()
    board = demo.load(home_sv=None, home_en=None, result=result)
    assert demo.FACILITATOR in result.logins
    facilitator = get_user_model().objects.get(username=demo.FACILITATOR["username"])
    assert selectors.is_facilitator(user=facilitator, board=board)
    assert board.topic.slug == "accessibility-mainstreaming" and board.is_joint
    assert set(SwotItem.objects.filter(board=board).values_list("quadrant", flat=True)) == {
        "strength",
        "weakness",
        "opportunity",
        "threat",
    }
    assert SwotComment.objects.filter(item__board=board).exists()
    assert SwotVote.objects.filter(item__board=board).count() >= 8
    assert SwotMembership.objects.filter(board=board).count() == 2
    before = (SwotBoard.objects.count(), SwotItem.objects.count(), SwotVote.objects.count())
    again = Result()
    assert demo.load(home_sv=None, home_en=None, result=again) == board
    assert (SwotBoard.objects.count(), SwotItem.objects.count(), SwotVote.objects.count()) == before
    assert not any("SWOT" in line for line in again.created)
