"""The rules of SWOT boards: members only (others get "not found"), facilitators' powers,
closed boards, votes once, merging, and invitations that work once, for one person."""

from datetime import timedelta

import pytest
from django.utils import timezone

from heart_site.notifications.models import OutboxMessage
from mapping.errors import Conflict, MappingError, NotAllowed, NotFound
from mapping.models import SwotComment, SwotInvitation, SwotItem, SwotMembership, SwotVote
from mapping.models.swot import MAX_ITEM_LENGTH
from mapping.selectors import swot as selectors
from mapping.services import swot as services
from tests.factories.users import UserFactory

from .swot_setup import (  # noqa: F401  (fixtures)
    board_fixture,
    facilitator_fixture,
    join,
    make_board,
    make_facilitator,
    outsider_fixture,
    participant_fixture,
)

pytestmark = pytest.mark.django_db


def add(board, user, quadrant="strength", text="Engagerade chefer"):
    return services.swot_item_add(board=board, user=user, quadrant=quadrant, text=text)


def test_only_a_facilitator_creates_a_board_and_becomes_its_facilitator(facilitator, outsider):
    with pytest.raises(NotAllowed):
        make_board(outsider)
    board = make_board(facilitator)
    assert SwotMembership.objects.get(board=board, user=facilitator).role == "facilitator"
    assert selectors.is_facilitator(user=facilitator, board=board)


def test_a_facilitator_of_one_board_has_no_power_on_another(facilitator, board):
    other = make_facilitator()
    join(board, other)  # a participant here, though a facilitator elsewhere
    item = add(board, other)
    with pytest.raises(NotAllowed):
        services.swot_item_hide(item=item, user=other)
    with pytest.raises(NotAllowed):
        services.swot_board_close(board=board, user=other)


def test_participants_add_comment_and_vote(board, participant):
    item = add(board, participant, "threat", "  Budgeten krymper  ")
    assert (item.quadrant, item.text, item.author) == ("threat", "Budgeten krymper", participant)
    services.swot_comment_add(item=item, user=participant, text="Gäller 2027")
    assert services.swot_vote_set(item=item, user=participant, voted=True) is True
    assert services.swot_vote_set(item=item, user=participant, voted=True) is True  # a resent form
    assert SwotVote.objects.filter(item=item).count() == 1
    assert services.swot_vote_toggle(item=item, user=participant) is False
    assert SwotVote.objects.filter(item=item).count() == 0


def test_a_non_member_gets_not_found_for_everything(board, participant, outsider):
    item = add(board, participant)
    calls = [
        lambda: add(board, outsider),
        lambda: services.swot_comment_add(item=item, user=outsider, text="Hej"),
        lambda: services.swot_vote_set(item=item, user=outsider, voted=True),
        lambda: services.swot_item_hide(item=item, user=outsider),
        lambda: services.swot_board_close(board=board, user=outsider),
    ]
    for call in calls:
        with pytest.raises(NotFound):
            call()
    assert (SwotItem.objects.count(), SwotComment.objects.count(), SwotVote.objects.count()) == (1, 0, 0)


def test_a_participant_can_neither_close_nor_hide_nor_merge(board, participant):
    one, two = add(board, participant), add(board, participant, text="Annat")
    with pytest.raises(NotAllowed):
        services.swot_board_close(board=board, user=participant)
    with pytest.raises(NotAllowed):
        services.swot_item_hide(item=one, user=participant)
    with pytest.raises(NotAllowed):
        services.swot_items_merge(item=one, into=two, user=participant)
    board.refresh_from_db()
    one.refresh_from_db()
    assert (board.closed_at, one.hidden, one.merged_into) == (None, False, None)


def test_losing_the_permission_takes_the_powers_away(board, facilitator):
    facilitator.groups.clear()
    facilitator = type(facilitator).objects.get(pk=facilitator.pk)  # no cached permissions
    with pytest.raises(NotAllowed):
        services.swot_board_close(board=board, user=facilitator)


def test_a_closed_board_is_read_only(board, facilitator, participant):
    item = add(board, participant)
    assert services.swot_board_close(board=board, user=facilitator) is True
    assert services.swot_board_close(board=board, user=facilitator) is False
    board.refresh_from_db()
    calls = [
        lambda: add(board, participant),
        lambda: services.swot_comment_add(item=item, user=participant, text="Sent"),
        lambda: services.swot_vote_set(item=item, user=participant, voted=True),
        lambda: services.swot_item_hide(item=item, user=facilitator),
        lambda: services.swot_invite(board=board, user=facilitator, emails="ny@example.org", language="sv"),
    ]
    for call in calls:
        with pytest.raises(Conflict):
            call()
    assert (SwotItem.objects.count(), SwotComment.objects.count(), SwotVote.objects.count()) == (1, 0, 0)
    assert not SwotInvitation.objects.exists()


@pytest.mark.parametrize("text", ["", "   ", "x" * (MAX_ITEM_LENGTH + 1)])
def test_empty_or_oversized_items_are_refused(board, participant, text):
    with pytest.raises(MappingError):
        add(board, participant, text=text)
    assert not SwotItem.objects.exists()


def test_an_unknown_quadrant_is_refused(board, participant):
    with pytest.raises(MappingError):
        add(board, participant, quadrant="dreams")
    assert not SwotItem.objects.exists()


def test_hidden_items_are_gone_for_participants_but_not_for_facilitators(board, facilitator, participant):
    item = add(board, participant)
    services.swot_item_hide(item=item, user=facilitator)
    with pytest.raises(NotFound):
        services.swot_vote_set(item=item, user=participant, voted=True)
    shown = selectors.board_quadrants(board=board, user=participant)
    assert all(not q.items for q in shown)
    for_facilitator = selectors.board_quadrants(board=board, user=facilitator, include_hidden=True)
    assert [i.pk for q in for_facilitator for i in q.items] == [item.pk]


def test_merging_moves_votes_once_and_comments(board, facilitator, participant):
    keep, duplicate = add(board, participant, text="Bra ledning"), add(board, participant, text="Bra chefer")
    third = join(board, UserFactory())
    for user in (participant, third):
        services.swot_vote_set(item=duplicate, user=user, voted=True)
    services.swot_vote_set(item=keep, user=participant, voted=True)
    services.swot_comment_add(item=duplicate, user=third, text="Samma sak")
    services.swot_items_merge(item=duplicate, into=keep, user=facilitator)
    assert SwotVote.objects.filter(item=keep).count() == 2  # participant once, third once
    assert SwotComment.objects.get().item == keep
    duplicate.refresh_from_db()
    assert duplicate.merged_into == keep
    (strengths, *_rest) = selectors.board_quadrants(board=board, user=participant)
    assert [(i.pk, i.vote_count) for i in strengths.items] == [(keep.pk, 2)]
    with pytest.raises(Conflict):
        services.swot_items_merge(item=duplicate, into=keep, user=facilitator)


def test_an_item_of_another_board_cannot_be_merged_in(board, facilitator, participant):
    other_board = make_board(facilitator, organisations="Solna stad")
    mine, theirs = add(board, participant), add(other_board, facilitator)
    with pytest.raises(MappingError):
        services.swot_items_merge(item=mine, into=theirs, user=facilitator)
    assert selectors.board_item(board=board, item_id=theirs.pk) is None
    assert selectors.board_item(board=board, item_id="1; drop table") is None
    mine.refresh_from_db()
    assert mine.merged_into is None


# --- Invitations -------------------------------------------------------------------------------


def invite(board, facilitator, emails="Ada@Example.org"):
    return services.swot_invite(board=board, user=facilitator, emails=emails, language="en")


def token_of(message):
    import re

    return re.search(r"/swot/invitations/([^/\s]+)/", message.body_text).group(1)


def test_an_invitation_is_queued_once_with_a_token_stored_hashed(board, facilitator):
    (invitation,) = invite(board, facilitator, "ada@example.org\nADA@example.org, bo@example.org")[:1]
    assert SwotInvitation.objects.count() == 2
    assert invite(board, facilitator, "ada@example.org") == []  # already invited: nothing new
    messages = OutboxMessage.objects.filter(kind=services.INVITATION_KIND).order_by("to_email")
    assert [m.to_email for m in messages] == ["ada@example.org", "bo@example.org"]
    token = token_of(messages[0])
    assert token not in invitation.token_hash and len(invitation.token_hash) == 64
    assert "/en/mapping/swot/invitations/" in messages[0].body_text  # in the language asked for
    assert messages[0].dedupe_key == f"mapping:swot-invitation:{invitation.pk}"


def test_bad_addresses_invite_nobody(board, facilitator):
    with pytest.raises(MappingError):
        invite(board, facilitator, "ada@example.org\nnot-an-address")
    assert not SwotInvitation.objects.exists() and not OutboxMessage.objects.exists()


def test_a_participant_cannot_invite(board, participant):
    with pytest.raises(NotAllowed):
        invite(board, participant)
    assert not SwotInvitation.objects.exists()


def test_accepting_makes_a_participant_and_a_replay_by_someone_else_is_refused(board, facilitator):
    invite(board, facilitator)
    token = token_of(OutboxMessage.objects.get())
    ada, eve = UserFactory(), UserFactory()
    assert services.swot_invitation_accept(token=token, user=ada) == board
    assert services.swot_invitation_accept(token=token, user=ada) == board  # the same person again
    assert SwotMembership.objects.get(board=board, user=ada).role == "participant"
    with pytest.raises(Conflict):
        services.swot_invitation_accept(token=token, user=eve)
    assert not SwotMembership.objects.filter(user=eve).exists()


@pytest.mark.parametrize("token", ["", "forged-token", "x" * 300])
def test_a_forged_token_is_not_found(board, facilitator, token):
    invite(board, facilitator)
    with pytest.raises(NotFound):
        services.swot_invitation_accept(token=token, user=UserFactory())
    assert SwotMembership.objects.filter(board=board).count() == 1


def test_an_expired_invitation_is_refused(board, facilitator):
    invite(board, facilitator)
    SwotInvitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    with pytest.raises(MappingError):
        services.swot_invitation_accept(token=token_of(OutboxMessage.objects.get()), user=UserFactory())
    assert SwotMembership.objects.filter(board=board).count() == 1
