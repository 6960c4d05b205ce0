"""The SWOT pages in a real browser: a participant adds an item by keyboard alone in each
language, and axe-core finds nothing on the board (as a participant and as a facilitator, also
after a refused form), "My SWOT boards", the printable page and the combined board."""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import focused_matches, log_in_with_cookie, open_page
from tests.browser.helpers import tab_to as tab_to_within

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def tab_to(page, selector, limit=120):
    return tab_to_within(page, selector, limit)


LANGUAGES = ["sv", "en"]


@pytest.fixture
def swot(live_server, reference_data):
    from mapping.services import swot as services
    from tests.factories.pages import build_site
    from tests.factories.users import UserFactory
    from tests.mapping.swot_setup import join, make_board, make_facilitator

    build_site()
    facilitator = make_facilitator(full_name="Fanny Facilitator")
    board = make_board(facilitator, organisations="Järfälla kommun\nSolna stad")
    participant = join(board, UserFactory(full_name="Amina Yusuf"))
    item = services.swot_item_add(
        board=board, user=facilitator, quadrant="strength", text="Engagerade chefer"
    )
    services.swot_comment_add(item=item, user=participant, text="Håller med")
    services.swot_vote_set(item=item, user=participant, voted=True)
    services.swot_item_add(board=board, user=participant, quadrant="weakness", text="Lokaler ej inventerade")
    return {"board": board, "facilitator": facilitator, "participant": participant}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_participant_adds_an_item_by_keyboard_alone(page, live_server, swot, assert_accessible, language):
    from mapping.models import SwotItem

    board = swot["board"]
    log_in_with_cookie(page, live_server, swot["participant"])
    open_page(page, f"/{language}/mapping/swot/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    tab_to(page, f'.swot-board-list a[href="/{language}/mapping/swot/{board.pk}/"]')
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, "#add-threat")
    page.keyboard.type("Kunskapen försvinner när nyckelpersoner slutar")
    page.keyboard.press("Tab")
    assert focused_matches(page, "form.swot-add button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    item = SwotItem.objects.get(quadrant="threat")
    assert (item.board_id, item.author_id) == (board.pk, swot["participant"].pk)
    expect(page.locator(".messages[role=status] .notice--success")).to_be_visible()
    expect(page.locator(f"#item-{item.pk}")).to_contain_text("Kunskapen försvinner")
    expect(page.locator("#quadrant-threat")).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_swot_pages_have_no_axe_violations(page, live_server, swot, assert_accessible, language):
    board = swot["board"]
    base = f"/{language}/mapping/swot"
    log_in_with_cookie(page, live_server, swot["participant"])
    for path in (f"{base}/", f"{base}/{board.pk}/", f"{base}/{board.pk}/print/"):
        open_page(page, path)
        expect(page.locator("html")).to_have_attribute("lang", language)
        assert_accessible(page)
    # A refused form: the error summary, the message beside the field, what was typed.
    open_page(page, f"{base}/{board.pk}/")
    page.fill("#add-opportunity", "x" * 501)
    page.evaluate("document.querySelector('#add-opportunity').removeAttribute('maxlength')")
    page.fill("#add-opportunity", "x" * 501)
    with page.expect_navigation():
        page.locator("#add-opportunity").press("Tab")
        page.keyboard.press("Enter")
    expect(page.locator(".error-summary a[href='#add-opportunity']")).to_be_visible()
    assert_accessible(page)

    page.context.clear_cookies()
    log_in_with_cookie(page, live_server, swot["facilitator"])
    for path in (
        f"{base}/{board.pk}/",
        f"{base}/topics/{board.topic.slug}/",
        f"{base}/topics/{board.topic.slug}/print/",
    ):
        open_page(page, path)
        assert_accessible(page)
