"""The respondent's questionnaire in a real browser: an invitee answers by keyboard alone in
each language, and axe-core finds nothing on the steps, the error summary, the friendly page
for an unusable link, the questionnaire page and the embed address."""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import focused_matches
from tests.browser.helpers import tab_to as tab_to_within

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def tab_to(page, selector, limit=80):
    return tab_to_within(page, selector, limit)


LANGUAGES = ["sv", "en"]


@pytest.fixture
def survey(live_server, reference_data):
    from tests.factories.pages import build_site
    from tests.mapping.respond_setup import open_campaign, questionnaire

    home_sv, _home_en = build_site()
    page = questionnaire(home_sv)
    return {"page": page, "campaign": open_campaign(page), "public": open_campaign(page, access="open")}


def press_button(page, value):
    tab_to(page, f'button[name=action][value="{value}"]')
    with page.expect_navigation():
        page.keyboard.press("Enter")


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_invitee_answers_by_keyboard_alone(page, survey, assert_accessible, language):
    from mapping.models import Answer, Invitation, Response
    from tests.mapping.respond_setup import invite

    invitation, token = invite(survey["campaign"], language=language)
    page.goto(f"/{language}/mapping/t/{token}/")
    assert page.url.endswith(f"/{language}/mapping/respond/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("legend").first).to_contain_text(
        "What is your role?" if language == "en" else "Vilken roll"
    )
    assert_accessible(page)

    # Submitting the step empty: the error summary takes focus and links to the question.
    press_button(page, "next")
    expect(page.locator(".error-summary")).to_be_focused()
    assert_accessible(page)

    tab_to(page, "#q-role-staff")
    page.keyboard.press("Space")
    tab_to(page, "#q-agree-1")
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    assert focused_matches(page, "#q-agree-4:checked")
    press_button(page, "next")

    assert_accessible(page)
    for theme in ("equal-treatment", "csr"):
        for aspect in ("current", "importance"):
            tab_to(page, f"#q-comp-{theme}-{aspect}-1")
            page.keyboard.press("ArrowRight")  # the second step
    tab_to(page, "#q-count")
    page.keyboard.type("5")
    press_button(page, "submit")

    expect(page.locator("main [role=status]")).to_be_visible()
    assert_accessible(page)
    assert Invitation.objects.get(pk=invitation.pk).responded
    response = Response.objects.get()
    assert response.language == language
    assert Answer.objects.filter(response=response, question_key="agree").get().option_key == "4"
    assert Answer.objects.filter(response=response, question_key="comp", option_key="2").count() == 4


@pytest.mark.parametrize("language", LANGUAGES)
def test_respondent_pages_have_no_axe_violations(page, survey, assert_accessible, language):
    page.goto(f"/{language}/mapping/t/not-a-token/")
    expect(page.locator("h1")).to_be_visible()
    assert_accessible(page)
    target = survey["page"] if language == "sv" else survey["page"].get_translations().get().specific
    page.goto(target.url)
    expect(page.locator("form")).to_be_visible()
    assert_accessible(page)
    page.goto(f"/{language}/mapping/embed/{survey['public'].pk}/")
    expect(page.locator("form")).to_be_visible()
    assert_accessible(page)
