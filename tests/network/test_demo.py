"""The network part of ``load_demo``: the brief's network in both languages, a goal panel with a
real state, pages that answer in Swedish and English, and a second run that creates nothing."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Revision

from network.demo.people import COORDINATOR
from network.models import (
    Contact,
    EventPage,
    Interaction,
    Organisation,
    Partnership,
    Place,
    PracticePage,
    Registration,
)
from network.reference_data import COORDINATORS
from network.selectors.network import place_goal_progress

pytestmark = pytest.mark.django_db

MODELS = [Place, Organisation, Contact, Interaction, Partnership, Registration, Page, Revision]


def counts():
    return {model.__name__: model.objects.count() for model in MODELS} | {
        "users": get_user_model().objects.count()
    }


def run():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def runs(django_db_setup, django_db_blocker):
    """The whole command (the core's and every plugin's demo) run twice, once for the module
    (each run takes seconds), rolled back at the end; each test runs in a savepoint inside it."""
    with django_db_blocker.unblock(), transaction.atomic():
        first = run()
        before = counts()
        second = run()
        yield {"first": first, "second": second, "before": before, "after": counts()}
        transaction.set_rollback(True)


@pytest.fixture
def demo(runs):
    return runs["first"]


def test_second_run_creates_nothing_and_both_list_the_coordinator_login(runs):
    assert runs["after"] == runs["before"], "the second run must not create anything"
    assert "organisation Järfälla kommun (sv)" in runs["first"]
    assert "already exists" in runs["second"]
    for output in (runs["first"], runs["second"]):
        assert COORDINATOR["email"] in output and COORDINATOR["password"] in output


def test_the_network_s_records(demo):
    """One test for everything the records hold, since each load of the demo costs seconds."""
    progress = place_goal_progress()
    assert (progress.goal, progress.in_sweden, progress.abroad, progress.met) == (3, 2, 2, True)
    reached = {status.place.name for status in progress.reached}
    assert reached == {"Järfälla", "Norrtälje", "Emilia-Romagna (Bologna)", "Dublin"}
    assert {status.place.name for status in progress.under_way} == {"Pisa", "Milano"}

    municipalities = Organisation.objects.filter(locale__language_code="sv", kind="municipality")
    assert municipalities.count() == 6
    assert all(org.is_programme_partner and org.place.country.code == "SE" for org in municipalities)
    abroad = Organisation.objects.filter(locale__language_code="sv").exclude(place__country="SE")
    assert {org.place.country.code for org in abroad} == {"IT", "IE"}
    assert {org.kind for org in abroad} == {"training_centre", "university", "company", "ngo"}

    english = Locale.objects.get(language_code="en")
    sources = Organisation.objects.filter(locale__language_code="sv")
    assert sources.count() == 14
    for source in sources:
        translation = source.get_translation(english)
        assert translation.public_description and translation.public_description != source.public_description
        assert (translation.name, translation.slug) == (source.name, source.slug)

    assert Contact.objects.count() == 5
    assert set(Contact.objects.values_list("lawful_basis", flat=True)) == {"legitimate_interest"}
    follow_up = Interaction.objects.follow_ups_open().get()
    assert follow_up.follow_up_on > timezone.localdate()
    coordinator = follow_up.follow_up_owner
    assert coordinator.username == COORDINATOR["username"]
    assert coordinator.groups.filter(name=COORDINATORS).exists()
    assert coordinator.check_password(COORDINATOR["password"])


def test_events_and_practices_in_both_languages(demo):
    english = Locale.objects.get(language_code="en")
    seminar = EventPage.objects.get(locale__language_code="sv", kind="seminar")
    visit = EventPage.objects.get(locale__language_code="sv", kind="study_visit")
    assert (seminar.capacity, visit.capacity, visit.time_zone) == (40, 12, "Europe/Rome")
    now = timezone.now()
    assert 19 <= (seminar.starts_at - now).days <= 21 and 55 <= (visit.starts_at - now).days <= 60
    assert "hörslinga" in seminar.accessibility.lower()
    for event in (seminar, visit):
        translation = event.get_translation(english).specific
        assert translation.live and translation.title != event.title
        assert (translation.starts_at, translation.ends_at) == (event.starts_at, event.ends_at)
    registration = Registration.objects.get()
    assert (registration.event_id, registration.user.username, registration.status) == (
        seminar.pk,
        "participant",
        Registration.Status.CONFIRMED,
    )
    for language in ("sv", "en"):
        assert PracticePage.objects.live().filter(locale__language_code=language).count() == 2


PATHS = {
    "sv": ["partnerkatalog/", "partnerkatalog/enaip-emilia-romagna/", "evenemang/", "goda-exempel/"],
    "en": ["partner-directory/", "partner-directory/enaip-emilia-romagna/", "events/", "good-practice/"],
}


def test_pages_answer_in_both_languages(demo, client):
    for language, paths in PATHS.items():
        for path in paths:
            response = client.get(f"/{language}/{path}")
            assert response.status_code == 200, f"/{language}/{path}"
        children = list(EventPage.objects.live().filter(locale__language_code=language)) + list(
            PracticePage.objects.live().filter(locale__language_code=language)
        )
        assert len(children) == 4
        for page in children:
            response = client.get(page.url)
            assert response.status_code == 200, page.url
            assert page.title in response.content.decode()
        profile = client.get(f"/{language}/{paths[1]}").content.decode()
        assert ("training organisation" in profile) == (language == "en")
        assert ("utbildningsorganisation" in profile) == (language == "sv")
