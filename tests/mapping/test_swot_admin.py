"""SWOT boards in the Wagtail admin: the "SWOT facilitators" group creates boards (and becomes
their facilitator), lists and edits only its own; everyone else is kept out."""

import pytest
from django.urls import reverse

from mapping.models import SwotBoard, SwotMembership
from tests.factories.users import UserFactory

from .swot_setup import make_board, make_facilitator, topic

pytestmark = pytest.mark.django_db


def test_a_facilitator_creates_a_board_in_the_admin_and_facilitates_it(client, site_tree):
    facilitator = make_facilitator()
    client.force_login(facilitator)
    assert client.get(reverse("mapping_swot:index")).status_code == 200
    response = client.post(
        reverse("mapping_swot:add"),
        {
            "title": "",
            "topic": topic("gender-mainstreaming").pk,
            "organisations": "Solna stad",
            "description": "",
        },
    )
    board = SwotBoard.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "mapping:swot_board", args=[board.pk]
    )
    assert (board.created_by, board.organisation_list) == (facilitator, ["Solna stad"])
    assert SwotMembership.objects.get(board=board).role == "facilitator"


def test_a_board_needs_a_topic_or_a_title(client, site_tree):
    client.force_login(make_facilitator())
    response = client.post(reverse("mapping_swot:add"), {"title": "", "organisations": "Solna stad"})
    assert response.status_code == 200  # the form again, with the error
    assert "Välj ett ämne eller ge tavlan en titel." in response.content.decode()  # the admin is Swedish
    assert not SwotBoard.objects.exists()


def test_facilitators_see_and_edit_only_their_own_boards(client, site_tree):
    mine_owner, other_owner = make_facilitator(), make_facilitator()
    mine, theirs = make_board(mine_owner), make_board(other_owner, organisations="Hemlig kommun")
    client.force_login(mine_owner)
    listing = client.get(reverse("mapping_swot:index")).content.decode()
    assert "Hemlig kommun" not in listing
    assert client.get(reverse("mapping_swot:edit", args=[mine.pk])).status_code == 200
    assert client.get(reverse("mapping_swot:edit", args=[theirs.pk])).status_code in (302, 403, 404)


def test_people_without_the_permission_are_kept_out(client, site_tree):
    staff = UserFactory(is_staff=True, is_superuser=False)
    client.force_login(staff)
    assert client.get(reverse("mapping_swot:index")).status_code in (302, 403)
    assert client.post(reverse("mapping_swot:add"), {"title": "X"}).status_code in (302, 403)
    assert not SwotBoard.objects.exists()
