"""A board and the combined board of a topic as XLSX and as a printable page: the contents, the
votes summed across organisations, formulas kept as text, and who may see them."""

import io

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from mapping.selectors import swot as selectors
from mapping.services import swot as services
from tests.factories.users import UserFactory

from .swot_setup import (  # noqa: F401  (fixtures)
    board_fixture,
    facilitator_fixture,
    join,
    make_board,
    outsider_fixture,
    participant_fixture,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def site(site_tree):
    return site_tree


def url(name, *args, language="en"):
    with translation.override(language):
        return reverse(f"mapping:{name}", args=args)


def add(board, user, quadrant="strength", text="Engagerade chefer"):
    return services.swot_item_add(board=board, user=user, quadrant=quadrant, text=text)


def vote(item, *users):
    for user in users:
        services.swot_vote_set(item=item, user=user, voted=True)


def rows(response):
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()], sheet


def test_the_board_workbook_holds_every_shown_item_with_votes_and_comments(
    client, board, participant, facilitator
):
    item = add(board, participant, "threat", '=HYPERLINK("http://evil")')
    vote(item, participant, facilitator)
    services.swot_comment_add(item=item, user=facilitator, text="Farligt")
    hidden = add(board, participant, "strength", "Dold")
    services.swot_item_hide(item=hidden, user=facilitator)
    client.force_login(participant)
    table, sheet = rows(client.get(url("swot_export", board.pk)))
    assert table[0] == ["Quadrant", "Item", "Votes", "Added by", "Comments"]
    assert table[1:] == [
        ["Threats", '=HYPERLINK("http://evil")', 2, "Per Participant", "Fanny Facilitator: Farligt"]
    ]
    assert sheet["B2"].data_type == "s"  # text, never a formula


def test_the_combined_board_sums_votes_of_the_same_item_across_organisations(client, facilitator):
    jarfalla = make_board(facilitator, organisations="Järfälla kommun")
    solna = make_board(facilitator, organisations="Solna stad\nSundbybergs stad")
    other_topic = make_board(facilitator, slug="gender-mainstreaming", organisations="Röda Korset")
    people = [join(jarfalla, UserFactory()) for _ in range(3)]
    for person in people:
        join(solna, person)
    vote(add(jarfalla, facilitator, "weakness", "Lokaler ej inventerade"), *people[:2])
    vote(add(solna, facilitator, "weakness", "lokaler  EJ inventerade"), *people)
    vote(add(solna, facilitator, "weakness", "Ingen budget"), people[0])
    vote(add(other_topic, facilitator, "weakness", "Lokaler ej inventerade"), facilitator)
    hidden = add(jarfalla, facilitator, "weakness", "Dold punkt")
    services.swot_item_hide(item=hidden, user=facilitator)

    boards, quadrants = selectors.combined_board(topic=jarfalla.topic)
    assert [b.pk for b in boards] == [jarfalla.pk, solna.pk]
    weaknesses = quadrants[1]
    assert [(i.text, i.vote_count, i.organisations, i.boards) for i in weaknesses.items] == [
        ("Lokaler ej inventerade", 5, ["Järfälla kommun", "Solna stad", "Sundbybergs stad"], 2),
        ("Ingen budget", 1, ["Solna stad", "Sundbybergs stad"], 1),
    ]
    assert weaknesses.vote_total == 6

    client.force_login(facilitator)
    page = client.get(url("swot_combined", "accessibility-mainstreaming"))
    assert page.status_code == 200 and "Dold punkt" not in page.content.decode()
    table, _sheet = rows(client.get(url("swot_combined_export", "accessibility-mainstreaming")))
    assert table[1] == [
        "Weaknesses",
        "Lokaler ej inventerade",
        5,
        "Järfälla kommun, Solna stad, Sundbybergs stad",
        2,
    ]
    assert len(table) == 3


def test_the_combined_board_is_for_facilitators_only(client, board, participant):
    client.force_login(participant)
    for name in ("swot_combined", "swot_combined_print", "swot_combined_export"):
        assert client.get(url(name, "accessibility-mainstreaming")).status_code == 404


def test_an_unknown_topic_is_404(client, facilitator):
    client.force_login(facilitator)
    assert client.get(url("swot_combined", "no-such-topic")).status_code == 404


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_printable_page_has_no_navigation(client, board, participant, language):
    add(board, participant, "opportunity", "Gemensam utbildning")
    client.force_login(participant)
    response = client.get(url("swot_print", board.pk, language=language))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert "Gemensam utbildning" in html and "mapping/swot.css" in html
    assert "<nav" not in html and "site-header" not in html
