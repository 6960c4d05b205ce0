"""The network pages in a real browser: registering for an event by keyboard alone in each
language (logged in, and by email), and axe-core finding nothing on the directory, a profile,
the event list, an event and the practice library in Swedish and English."""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import focused_matches, log_in_with_cookie, open_page
from tests.browser.helpers import tab_to as tab_to_within

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def tab_to(page, selector, limit=60):
    return tab_to_within(page, selector, limit)


LANGUAGES = ["sv", "en"]


@pytest.fixture
def network_content(live_server, reference_data):
    """A directory with a Swedish and an Italian organisation (each with an English description),
    an event list with two events and a practice library with one method, in both languages."""
    from wagtail.models import Locale

    from tests.factories.network import (
        EventIndexPageFactory,
        EventPageFactory,
        OrganisationFactory,
        PartnerDirectoryPageFactory,
        PlaceFactory,
        PracticeLibraryPageFactory,
        PracticePageFactory,
    )
    from tests.factories.pages import build_site, translate

    home_sv, _home_en = build_site()
    english = Locale.objects.get(language_code="en")
    organisations = []
    for name, slug, place, description in [
        ("Järfälla kommun", "jarfalla-kommun", PlaceFactory(name="Järfälla"), "The municipality leads."),
        (
            "Centro di formazione",
            "centro-di-formazione",
            PlaceFactory(name="Bologna", country="IT", latitude=44.49, longitude=11.34),
            "A training centre for people at risk of exclusion.",
        ),
    ]:
        organisation = OrganisationFactory(
            name=name, slug=slug, place=place, is_programme_partner=True, step_free_entrance=True
        )
        translation = organisation.copy_for_translation(english)
        translation.public_description = description
        translation.save()
        organisations.append(organisation)

    directory_sv = PartnerDirectoryPageFactory(parent=home_sv, intro="Våra partner.")
    directory_en = translate(directory_sv, "en", title="Partners", slug="partners", intro="Our partners.")
    index_sv = EventIndexPageFactory(parent=home_sv, intro="Seminarier och studiebesök.")
    index_en = translate(index_sv, "en", title="Events", slug="events", intro="Seminars and study visits.")
    events = {"sv": [], "en": []}
    for number, (title_sv, title_en, capacity) in enumerate(
        [
            ("Seminarium om rekrytering", "Seminar on recruitment", 40),
            ("Studiebesök i Bologna", "Study visit", 0),
        ]
    ):
        event_sv = EventPageFactory(
            parent=index_sv,
            title=title_sv,
            slug=f"evenemang-{number}",
            capacity=capacity,
            organiser=organisations[0],
            body="<h2>Program</h2><p>Kaffe och samtal.</p>",
        )
        event_en = translate(
            event_sv,
            "en",
            title=title_en,
            slug=f"event-{number}",
            summary="A seminar on equal treatment.",
            venue="Town hall",
            accessibility="Step-free entrance, hearing loop in the room.",
            body="<h2>Programme</h2><p>Coffee and talk.</p>",
        )
        events["sv"].append(event_sv)
        events["en"].append(event_en)
    library_sv = PracticeLibraryPageFactory(parent=home_sv, intro="Metoder som fungerat.")
    library_en = translate(
        library_sv, "en", title="Good practice", slug="good-practice", intro="Methods that worked."
    )
    practice_sv = PracticePageFactory(parent=library_sv, title="Mentorskap", organisation=organisations[0])
    translate(
        practice_sv,
        "en",
        title="Mentoring",
        slug="mentoring",
        summary="A method that worked.",
        description="<p>What we did.</p>",
        what_worked="<p>This worked.</p>",
    )
    return {
        "sv": {"directory": directory_sv, "index": index_sv, "events": events["sv"], "library": library_sv},
        "en": {"directory": directory_en, "index": index_en, "events": events["en"], "library": library_en},
        "organisation": organisations[1],
    }


REGISTER_BUTTON = "#registration form button[type=submit]"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_participant_registers_by_keyboard_alone(
    page, live_server, network_content, assert_accessible, language
):
    from network.models import Registration
    from tests.factories.users import UserFactory

    content = network_content[language]
    event = content["events"][0]
    user = UserFactory(full_name="Amina Yusuf", email="amina@example.org")
    log_in_with_cookie(page, live_server, user)
    open_page(page, content["index"].url)
    expect(page.locator("html")).to_have_attribute("lang", language)

    tab_to(page, f'.event-list a[href="{event.url}"]')
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(event.url)
    expect(page.locator("h1")).to_have_text(event.title)

    tab_to(page, REGISTER_BUTTON)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator(".messages[role=status] .notice--success")).to_be_visible()
    expect(page.locator("#registration .notice--success")).to_be_visible()
    expect(page.locator(REGISTER_BUTTON)).to_have_count(1)  # now the cancel button, not a second register
    assert_accessible(page)  # the page as a registered participant sees it
    registration = Registration.objects.get(user=user)
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.event_id == network_content["sv"]["events"][0].pk
    assert registration.language == language


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_visitor_registers_by_email_with_the_keyboard_alone(page, network_content, language):
    from network.models import Registration

    event = network_content[language]["events"][0]
    open_page(page, event.url)
    tab_to(page, "#id_name")
    page.keyboard.type("Omar Said")
    page.keyboard.press("Tab")
    assert focused_matches(page, "#id_email")
    page.keyboard.type("omar@example.org")
    page.keyboard.press("Tab")
    assert focused_matches(page, "#id_organisation_name")
    page.keyboard.type("Solna stad")
    page.keyboard.press("Tab")
    assert focused_matches(page, "#id_needs")
    page.keyboard.type("Hörslinga")
    # The spam trap is out of the Tab order: the next stop is the button.
    page.keyboard.press("Tab")
    assert focused_matches(page, REGISTER_BUTTON)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    status = page.locator("main [role=status]")
    expect(status).to_be_visible()
    expect(status).to_contain_text("omar@example.org")
    registration = Registration.objects.get(email="omar@example.org")
    assert (registration.status, registration.name, registration.needs) == (
        Registration.Status.PENDING,
        "Omar Said",
        "Hörslinga",
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_network_pages_have_no_axe_violations(page, network_content, assert_accessible, language):
    content = network_content[language]
    directory = content["directory"].url
    organisation = network_content["organisation"]
    description = "A training centre for people at risk of exclusion." if language == "en" else "En offentlig"
    practice = "Mentoring" if language == "en" else "Mentorskap"
    pages = [
        (directory, ".directory-list .card__title a", organisation.name),
        (f"{directory}{organisation.slug}/", ".page-header .lead", description),
        (content["index"].url, ".event-list .card__title a", content["events"][1].title),
        (content["events"][0].url, "#registration form", ""),
        (content["library"].url, ".practice-list .card__title a", practice),
    ]
    for path, selector, text in pages:
        open_page(page, path)
        expect(page.locator("html")).to_have_attribute("lang", language)
        shown = page.locator(selector).filter(has_text=text).first
        expect(shown).to_be_visible()
        assert_accessible(page)
