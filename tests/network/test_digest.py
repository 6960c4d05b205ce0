"""Upcoming events join the email digest: those published in the period that have not started,
each once, in the subscriber's language where a translation is live."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from heart_site.notifications import digest_sections
from network.models import EventPage
from tests.factories.network import EventIndexPageFactory, EventPageFactory
from tests.factories.pages import translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(site_tree):
    home_sv, _home_en = site_tree
    index = EventIndexPageFactory(parent=home_sv)
    translate(index, "en", title="Events", slug="events")
    return index


def collect(language, *, since=None):
    now = timezone.now()
    section = next(section for section in digest_sections.sections() if section.key == "events")
    query = digest_sections.DigestQuery(
        language=language, since=since or now - timedelta(days=7), until=now + timedelta(seconds=1)
    )
    return section.collect(query)


def test_an_event_in_the_subscribers_language_else_in_swedish(index):
    seminar = EventPageFactory(parent=index, title="Seminarium om inkludering", slug="seminarium")
    translate(seminar, "en", title="Seminar on inclusion", slug="seminar", summary="About inclusion.")
    EventPageFactory(parent=index, title="Studiebesök i Bologna", slug="studiebesok")

    english = {item.title: item for item in collect("en")}
    swedish = {item.title: item for item in collect("sv")}

    assert set(english) == {"Seminar on inclusion", "Studiebesök i Bologna"}
    assert english["Seminar on inclusion"].language == "en"
    assert "/en/" in english["Seminar on inclusion"].url and english["Seminar on inclusion"].url.startswith(
        "http"
    )
    assert english["Studiebesök i Bologna"].language == "sv"
    assert set(swedish) == {"Seminarium om inkludering", "Studiebesök i Bologna"}


def test_started_unpublished_restricted_and_old_events_stay_out(index):
    EventPageFactory(parent=index, title="Kommande", slug="kommande")
    EventPageFactory(
        parent=index,
        title="Redan börjat",
        slug="borjat",
        starts_at=timezone.now() - timedelta(hours=1),
        ends_at=timezone.now() + timedelta(hours=1),
    )
    EventPageFactory(parent=index, title="Utkast", slug="utkast").unpublish()
    restricted = EventPageFactory(parent=index, title="Bara inloggade", slug="inloggade")
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    old = EventPageFactory(parent=index, title="Publicerat för länge sedan", slug="gammalt")
    EventPage.objects.filter(pk=old.pk).update(first_published_at=timezone.now() - timedelta(days=30))

    assert [item.title for item in collect("sv")] == ["Kommande"]
