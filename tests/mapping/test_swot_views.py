"""The SWOT pages: members only (404 for anyone else, ids reveal nothing), the forms on the board
in both languages, a closed board read-only, tampered and oversized input refused with a
message and nothing changed, and the invitation link exchanged for the session."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from heart_site.notifications.models import OutboxMessage
from mapping.models import SwotComment, SwotItem, SwotMembership, SwotVote
from mapping.models.swot import MAX_ITEM_LENGTH
from mapping.services import swot as services
from tests.factories.users import UserFactory

from .swot_setup import (  # noqa: F401  (fixtures)
    board_fixture,
    facilitator_fixture,
    make_board,
    outsider_fixture,
    participant_fixture,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def site(site_tree):
    return site_tree


def url(name, *args, language="sv"):
    with translation.override(language):
        return reverse(f"mapping:{name}", args=args)


def as_user(client, user):
    client.force_login(user)
    return client


def add(board, user, quadrant="strength", text="Engagerade chefer"):
    return services.swot_item_add(board=board, user=user, quadrant=quadrant, text=text)


def counts():
    return SwotItem.objects.count(), SwotComment.objects.count(), SwotVote.objects.count()


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_board_has_four_quadrant_regions_and_forms(client, board, participant, language):
    add(board, participant, "weakness", "Lokaler <inte> inventerade")
    response = as_user(client, participant).get(url("swot_board", board.pk, language=language))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    for quadrant in ("strength", "weakness", "opportunity", "threat"):
        assert f'aria-labelledby="quadrant-{quadrant}"' in html
        assert f'<label for="add-{quadrant}">' in html
    if language == "en":  # (the Swedish catalogue is written at the end)
        assert '<h2 id="quadrant-weakness">Weaknesses' in html
    assert "Lokaler &lt;inte&gt; inventerade" in html  # typed text is escaped
    assert "csrfmiddlewaretoken" in html
    assert "Facilitation" not in html  # not for participants


def test_my_boards_lists_only_my_boards(client, board, participant, facilitator):
    other = make_board(facilitator, organisations="Solna stad\nSundbybergs stad")
    response = as_user(client, participant).get(url("swot_boards"))
    assert response.status_code == 200
    assert url("swot_board", board.pk) in response.content.decode()
    assert url("swot_board", other.pk) not in response.content.decode()


def test_a_non_member_gets_404_on_every_page_and_form(client, board, participant, outsider):
    item = add(board, participant)
    as_user(client, outsider)
    for name in ("swot_board", "swot_print", "swot_export"):
        assert client.get(url(name, board.pk)).status_code == 404
    posts = [
        ("swot_item_add", {"quadrant": "strength", "text": "Intrång"}),
        ("swot_comment_add", {"item": item.pk, "text": "Intrång"}),
        ("swot_vote", {"item": item.pk, "vote": "1"}),
        ("swot_item_hide", {"item": item.pk, "hidden": "1"}),
        ("swot_close", {}),
        ("swot_invite", {"emails": "x@example.org"}),
    ]
    for name, data in posts:
        assert client.post(url(name, board.pk), data).status_code == 404, name
    # A board that does not exist answers the same.
    assert client.get(url("swot_board", board.pk + 1000)).status_code == 404
    assert counts() == (1, 0, 0)
    board.refresh_from_db()
    assert board.closed_at is None


def test_anonymous_visitors_are_sent_to_log_in(client, board):
    response = client.get(url("swot_board", board.pk))
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_adding_commenting_and_voting_by_form(client, board, participant, language):
    as_user(client, participant)
    response = client.post(
        url("swot_item_add", board.pk, language=language), {"quadrant": "threat", "text": "Budget"}
    )
    item = SwotItem.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"#item-{item.pk}")
    assert (item.quadrant, item.text, item.author) == ("threat", "Budget", participant)
    client.post(url("swot_comment_add", board.pk), {"item": item.pk, "text": "Håller med"})
    for _ in range(2):  # a double click makes one vote
        client.post(url("swot_vote", board.pk), {"item": item.pk, "vote": "1"})
    assert counts() == (1, 1, 1)
    page = client.get(url("swot_board", board.pk, language=language)).content.decode()
    assert "Håller med" in page
    client.post(url("swot_vote", board.pk), {"item": item.pk, "vote": "0"})
    assert counts() == (1, 1, 0)


def test_an_oversized_item_gets_a_message_beside_the_field_and_nothing_changes(client, board, participant):
    text = "å" * (MAX_ITEM_LENGTH + 1)
    response = as_user(client, participant).post(
        url("swot_item_add", board.pk, language="en"), {"quadrant": "strength", "text": text}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html and 'href="#add-strength"' in html
    assert 'aria-invalid="true"' in html and 'id="add-strength-error"' in html
    assert text in html  # what was typed is kept
    assert counts() == (0, 0, 0)


def test_a_bad_quadrant_or_empty_text_is_refused(client, board, participant):
    as_user(client, participant)
    assert client.post(url("swot_item_add", board.pk), {"quadrant": "dreams", "text": "X"}).status_code == 400
    assert (
        client.post(url("swot_item_add", board.pk), {"quadrant": "strength", "text": "  "}).status_code == 400
    )
    assert client.post(url("swot_comment_add", board.pk), {"item": "abc", "text": "X"}).status_code == 404
    assert client.post(url("swot_vote", board.pk), {"item": "1", "vote": "maybe"}).status_code == 404
    assert counts() == (0, 0, 0)


def test_another_boards_item_id_tampered_into_a_form_is_refused(client, board, participant, facilitator):
    other_board = make_board(facilitator, organisations="Solna stad")
    theirs = add(other_board, facilitator, text="Hemligt")
    mine = add(board, participant)
    as_user(client, participant)
    for name, data in [
        ("swot_comment_add", {"item": theirs.pk, "text": "Intrång"}),
        ("swot_vote", {"item": theirs.pk, "vote": "1"}),
    ]:
        response = client.post(url(name, board.pk), data)
        assert response.status_code == 404, name
        assert "Hemligt" not in response.content.decode()
    as_user(client, facilitator)  # facilitator of both boards: still one board per form
    response = client.post(url("swot_item_merge", board.pk), {"item": mine.pk, "into": theirs.pk})
    assert response.status_code == 400
    response = client.post(url("swot_item_hide", board.pk), {"item": theirs.pk, "hidden": "1"})
    assert response.status_code == 404
    theirs.refresh_from_db()
    mine.refresh_from_db()
    assert (theirs.hidden, mine.merged_into, counts()) == (False, None, (2, 0, 0))


def test_participants_cannot_close_hide_or_merge(client, board, participant):
    one, two = add(board, participant), add(board, participant, text="Två")
    as_user(client, participant)
    assert client.post(url("swot_close", board.pk)).status_code == 403
    assert client.post(url("swot_item_hide", board.pk), {"item": one.pk, "hidden": "1"}).status_code == 403
    assert client.post(url("swot_item_merge", board.pk), {"item": one.pk, "into": two.pk}).status_code == 403
    board.refresh_from_db()
    one.refresh_from_db()
    assert (board.closed_at, one.hidden, one.merged_into) == (None, False, None)


def test_a_facilitator_hides_merges_and_closes(client, board, participant, facilitator):
    one, two = add(board, participant), add(board, participant, text="Två")
    as_user(client, facilitator)
    page = client.get(url("swot_board", board.pk)).content.decode()
    assert 'id="facilitation"' in page and f'id="merge-{one.pk}"' in page
    assert client.post(url("swot_item_hide", board.pk), {"item": one.pk, "hidden": "1"}).status_code == 302
    assert client.post(url("swot_item_merge", board.pk), {"item": two.pk, "into": one.pk}).status_code == 302
    assert client.post(url("swot_close", board.pk)).status_code == 302
    one.refresh_from_db()
    two.refresh_from_db()
    board.refresh_from_db()
    assert one.hidden and two.merged_into == one and board.is_closed
    as_user(client, participant)
    page = client.get(url("swot_board", board.pk)).content.decode()
    assert "Engagerade chefer" not in page  # hidden from participants


def test_a_closed_board_shows_no_forms_and_refuses_posts(client, board, participant, facilitator):
    item = add(board, participant)
    services.swot_board_close(board=board, user=facilitator)
    as_user(client, participant)
    page = client.get(url("swot_board", board.pk)).content.decode()
    assert 'name="text"' not in page and "csrfmiddlewaretoken" not in page.split('id="main"')[1]
    response = client.post(url("swot_item_add", board.pk), {"quadrant": "strength", "text": "Sent"})
    assert response.status_code == 409
    assert client.post(url("swot_vote", board.pk), {"item": item.pk, "vote": "1"}).status_code == 409
    assert (
        client.post(url("swot_comment_add", board.pk), {"item": item.pk, "text": "Sent"}).status_code == 409
    )
    assert counts() == (1, 0, 0)


def test_the_facilitator_invites_by_form(client, board, facilitator):
    as_user(client, facilitator)
    response = client.post(url("swot_invite", board.pk, language="en"), {"emails": "ada@example.org\nnope"})
    assert response.status_code == 400 and 'href="#id_emails"' in response.content.decode()
    assert not OutboxMessage.objects.exists()
    response = client.post(url("swot_invite", board.pk, language="en"), {"emails": "ada@example.org"})
    assert response.status_code == 302
    assert OutboxMessage.objects.get().to_email == "ada@example.org"


def test_the_invitation_link_is_exchanged_for_the_session_and_used_once(client, board, facilitator):
    services.swot_invite(board=board, user=facilitator, emails="ada@example.org", language="sv")
    link = re.search(r"https?://[^/]+(/\S+)", OutboxMessage.objects.get().body_text).group(1)
    ada = UserFactory(email="ada@example.org")
    response = client.get(link)
    assert response.status_code == 302 and response["Location"] == url("swot_invitation_accept")
    assert response["Referrer-Policy"] == "no-referrer"
    response = client.get(response["Location"])
    assert response.status_code == 302 and "login" in response["Location"]
    assert "invitations/" + link.rstrip("/").rsplit("/", 1)[1] not in response["Location"]  # no token
    as_user(client, ada)
    page = client.get(url("swot_invitation_accept"))
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    assert not SwotMembership.objects.filter(user=ada).exists()  # a GET changes nothing
    response = client.post(url("swot_invitation_accept"))
    assert response.status_code == 302 and response["Location"] == url("swot_board", board.pk)
    assert SwotMembership.objects.filter(board=board, user=ada).exists()
    # Someone else with the same link is refused.
    eve = UserFactory()
    as_user(client, eve)
    client.get(link)
    assert client.post(url("swot_invitation_accept")).status_code == 409
    assert not SwotMembership.objects.filter(user=eve).exists()


def test_a_forged_invitation_link_gets_a_friendly_404(client, board, outsider):
    as_user(client, outsider)
    client.get(url("swot_invitation", "forged"))
    response = client.post(url("swot_invitation_accept", language="en"))
    assert response.status_code == 404
    assert "not valid" in response.content.decode()
    assert not SwotMembership.objects.filter(user=outsider).exists()


def test_board_page_queries_do_not_grow_with_items(client, board, participant):
    def measure():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url("swot_board", board.pk)).status_code == 200
        return len(queries)

    as_user(client, participant)
    item = add(board, participant)
    services.swot_comment_add(item=item, user=participant, text="En")
    measure()  # the first request fills the site's caches
    small = measure()
    for number in range(8):
        other = add(board, participant, quadrant="opportunity", text=f"Möjlighet {number}")
        services.swot_comment_add(item=other, user=participant, text="Kommentar")
        services.swot_vote_set(item=other, user=participant, voted=True)
    assert measure() == small
