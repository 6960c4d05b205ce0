"""The mapping report in the Wagtail admin in a real browser, in both admin languages (the
admin follows the user's preferred language): axe-core finds nothing on the report, each SVG
chart has a <title> and its data table beside it, a suppressed cell says it is hidden, and an
analyst picks a campaign and a breakdown and submits the filter form by keyboard alone."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from tests.browser.conftest import AXE_OPTIONS, ID_PROBLEMS, format_violations
from tests.browser.helpers import log_in_with_cookie, open_page
from tests.browser.helpers import tab_to as tab_to_within

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def tab_to(page, selector, limit=200):
    return tab_to_within(page, selector, limit)


LANGUAGES = ["sv", "en"]
CONTENT = "main#main"


@pytest.fixture
def report(live_server, reference_data):
    """An analyst (staff, in a group with the report permission) and a closed campaign of 15
    responses: 11 from Solna and 4 from Nacka, so some cells are shown and some hidden."""
    from wagtail.users.models import UserProfile

    from tests.factories.users import UserFactory
    from tests.mapping.report_setup import campaign, respond, typical_answers

    group = Group.objects.create(name="Mapping analysts")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="mapping", codename="view_campaign_reports"),
    )
    analyst = UserFactory(full_name="Ada Analytiker", is_staff=True)
    analyst.groups.add(group)
    survey = campaign()
    for i in range(15):
        respond(survey, typical_answers(i), region="Solna" if i < 11 else "Nacka")
    return {"analyst": analyst, "campaign": survey, "profile": UserProfile.get_for_user(analyst)}


def set_admin_language(profile, language):
    profile.preferred_language = language
    profile.save()


def assert_report_accessible(page, axe):
    """axe-core on the whole admin page: ours and Wagtail's chrome around it."""
    results = axe.run(page, options=AXE_OPTIONS)
    assert results.response["passes"], "axe-core checked nothing"
    violations = results.response["violations"]
    assert not violations, f"{page.url}\n{format_violations(violations)}"
    problems = page.evaluate(ID_PROBLEMS)
    assert problems == {"duplicates": [], "dangling": []}, (
        f"{page.url}\nduplicate ids: {problems['duplicates']}"
        f"\nreferences to missing ids: {problems['dangling']}"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_report_has_charts_tables_hidden_cells_and_no_axe_violations(
    page, live_server, report, axe, language
):
    set_admin_language(report["profile"], language)
    log_in_with_cookie(page, live_server, report["analyst"])
    open_page(page, f"{reverse('mapping_reports')}?campaign={report['campaign'].pk}")
    expect(page.locator("html")).to_have_attribute("lang", language)
    content = page.locator(CONTENT)
    expect(content.locator("#mapping-report-summary")).to_contain_text(report["campaign"].name)

    charts = content.locator("svg.mapping-chart")
    assert charts.count() >= 2
    for index in range(charts.count()):
        chart = charts.nth(index)
        title = chart.locator("title")
        expect(title).to_have_count(1)
        assert title.text_content().strip()
        assert chart.get_attribute("role") == "img"
        assert title.get_attribute("id") in chart.get_attribute("aria-labelledby").split()
        # The data table beside the chart, named after the same question.
        table = chart.locator("xpath=ancestor::div[contains(@class,'mapping-report-figure')]//table")
        expect(table).to_have_count(1)
        expect(table.locator("caption")).to_have_text(title.text_content().strip())
        assert table.locator("tbody tr").count() >= 1

    with translation.override(language):
        hidden_text = gettext("hidden (fewer than %(k)s)") % {"k": 5}
    hidden = content.locator("td em", has_text=hidden_text)
    assert hidden.count() >= 1, f"no cell reads {hidden_text!r}"
    assert hidden.first.text_content().strip().lower() == hidden_text.lower()
    shown = content.locator("td:not(:has(em))")
    assert any(shown.nth(i).text_content().strip().isdigit() for i in range(shown.count()))

    assert_report_accessible(page, axe)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_filter_form_works_by_keyboard_alone(page, live_server, report, axe, language):
    from mapping.models import Breakdown

    survey = report["campaign"]
    set_admin_language(report["profile"], language)
    log_in_with_cookie(page, live_server, report["analyst"])
    open_page(page, reverse("mapping_reports"))
    expect(page.locator("html")).to_have_attribute("lang", language)

    tab_to(page, f'input[name=campaign][value="{survey.pk}"]')
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked")
    tab_to(page, "select[name=breakdown]", limit=10)
    for _ in range(len(Breakdown.choices) + 1):
        if page.evaluate("document.activeElement.value") == Breakdown.REGION:
            break
        page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.value") == Breakdown.REGION
    tab_to(page, "form.mapping-report-filters button[type=submit]", limit=10)
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert "breakdown=region" in page.url
    content = page.locator(CONTENT)
    with translation.override(language):
        label = str(Breakdown.REGION.label)
    expect(content.locator("#mapping-report-summary")).to_contain_text(label)
    expect(content.locator("table th[scope=col]", has_text="Nacka").first).to_be_visible()
    expect(content.locator("table th[scope=col]", has_text="Solna").first).to_be_visible()
    expect(content.locator("select[name=breakdown]")).to_have_value(Breakdown.REGION)
    assert_report_accessible(page, axe)
