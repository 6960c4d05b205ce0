"""The events endpoints on /api/v3/network/: upcoming events with free places, one event,
registering and cancelling the caller's own registrations, and every bad request answered
with a translated 4xx that changes nothing."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from heart_site.notifications.models import OutboxMessage
from network.models import EventPage, Registration
from network.services import events as services
from tests.factories.network import EventIndexPageFactory, EventPageFactory
from tests.factories.pages import translate
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

API = "/api/v3/network"
Status = Registration.Status


@pytest.fixture
def index(site_tree):
    home_sv, _home_en = site_tree
    index = EventIndexPageFactory(parent=home_sv)
    translate(index, "en", title="Events", slug="events")
    return index


@pytest.fixture
def event(index):
    return EventPageFactory(parent=index, title="Seminarium", slug="seminarium", capacity=2)


@pytest.fixture
def event_en(event):
    return translate(event, "en", title="Seminar", slug="seminar", summary="A seminar.")


@pytest.fixture
def user():
    return UserFactory(full_name="Alva Andersson", organisation_name="Solna stad")


@pytest.fixture
def api(client, user):
    client.force_login(user)
    return client


def post(client, url, data=None, **extra):
    return client.post(url, data or {}, content_type="application/json", **extra)


def take_places(event, count):
    for other in UserFactory.create_batch(count):
        services.registration_create(
            event=event, user=other, name=other.full_name, email=other.email, language="sv"
        )


def test_the_list_shows_upcoming_events_once_with_free_places(client, index, event, event_en):
    take_places(event, 1)
    full = EventPageFactory(parent=index, title="Fullt", slug="fullt", capacity=1)
    take_places(full, 2)
    unlimited = EventPageFactory(parent=index, title="Öppet", slug="oppet", capacity=0)
    EventPageFactory(
        parent=index,
        slug="forr",
        starts_at=timezone.now() - datetime.timedelta(days=3),
        ends_at=timezone.now() - datetime.timedelta(days=2),
    )
    response = client.get(f"{API}/events?language=en")
    assert response.status_code == 200
    body = {item["title"]: item for item in response.json()}
    assert set(body) == {"Seminar", "Fullt", "Öppet"}
    assert body["Seminar"]["id"] == event_en.pk
    assert body["Seminar"]["language"] == "en" and body["Seminar"]["languages"] == ["en", "sv"]
    assert (body["Seminar"]["capacity"], body["Seminar"]["free_places"], body["Seminar"]["full"]) == (
        2,
        1,
        False,
    )
    assert (body["Fullt"]["free_places"], body["Fullt"]["full"]) == (0, True)
    assert (body["Öppet"]["capacity"], body["Öppet"]["free_places"], body["Öppet"]["full"]) == (
        None,
        None,
        False,
    )
    assert body["Öppet"]["id"] == unlimited.pk
    assert body["Seminar"]["ics_url"] == event_en.url + "ical/"
    assert "online_url" not in body["Seminar"]  # only whether there is one
    assert client.get(body["Seminar"]["ics_url"]).status_code == 200


def test_the_list_costs_the_same_queries_for_few_and_many_events(client, index):
    def add(count, start):
        for number in range(start, start + count):
            page = EventPageFactory(parent=index, slug=f"e-{number}")
            if number % 2:
                translate(page, "en", title=f"Event {number}", slug=f"event-{number}")
            take_places(page, 1)

    def count():
        client.get(f"{API}/events?language=en")
        with CaptureQueriesContext(connection) as captured:
            response = client.get(f"{API}/events?language=en")
        return len(captured), len(response.json())

    add(2, 0)
    small = count()
    add(6, 2)
    large = count()
    assert (small[1], large[1]) == (2, 8)
    assert small[0] == large[0]


def test_one_event_with_the_callers_registration(api, user, event, event_en):
    response = api.get(f"{API}/events/{event_en.pk}")
    assert response.status_code == 200
    body = response.json()
    assert body["title"] == "Seminar" and body["my_registration"] is None
    assert body["accessibility"] == event_en.accessibility
    services.registration_create(event=event, user=user, name="A", email=user.email, language="sv")
    mine = api.get(f"{API}/events/{event_en.pk}").json()["my_registration"]
    assert mine["status"] == "confirmed" and mine["event_id"] == event_en.pk


def test_unknown_unpublished_and_restricted_events_are_404(client, event):
    from wagtail.models import PageViewRestriction

    assert client.get(f"{API}/events/999999").status_code == 404
    restricted = EventPageFactory(parent=event.get_parent(), slug="hemligt")
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    assert client.get(f"{API}/events/{restricted.pk}").status_code == 404
    event.unpublish()
    response = client.get(f"{API}/events/{event.pk}", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert response.json() == {"detail": "This event is not available.", "code": "not_found"}


def test_registering_needs_a_login_and_a_csrf_token(client, user, event):
    response = post(client, f"{API}/events/{event.pk}/registrations", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 401
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(user)
    response = post(strict, f"{API}/events/{event.pk}/registrations")
    assert response.status_code == 403
    assert not Registration.objects.exists()
    strict.cookies["csrftoken"] = "a" * 32
    assert (
        post(strict, f"{API}/events/{event.pk}/registrations", HTTP_X_CSRFTOKEN="a" * 32).status_code == 201
    )


def test_register_on_the_english_page_then_conflict(api, user, event, event_en):
    response = post(api, f"{API}/events/{event_en.pk}/registrations", {"needs": "Hörslinga"})
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "confirmed" and body["event_title"] == "Seminar"
    registration = Registration.objects.get()
    assert registration.event_id == event.pk  # the Swedish source page holds every registration
    assert (registration.language, registration.needs, registration.organisation_name) == (
        "en",
        "Hörslinga",
        "Solna stad",
    )
    again = post(api, f"{API}/events/{event.pk}/registrations", HTTP_ACCEPT_LANGUAGE="en")
    assert again.status_code == 409
    assert again.json() == {"detail": "This address already has a place at this event.", "code": "conflict"}
    assert Registration.objects.count() == 1


def test_a_full_event_puts_the_caller_on_the_waiting_list(api, event):
    take_places(event, 2)
    body = post(api, f"{API}/events/{event.pk}/registrations").json()
    assert (body["status"], body["waitlist_position"]) == ("waitlisted", 1)


def test_closed_or_started_events_refuse_with_400(api, event):
    EventPage.objects.filter(pk=event.pk).update(registration_open=False)
    response = post(api, f"{API}/events/{event.pk}/registrations", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert response.json()["detail"] == "Registration for this event is closed."
    assert not Registration.objects.exists()


def test_bad_payload_is_422_and_changes_nothing(api, event):
    response = post(api, f"{API}/events/{event.pk}/registrations", {"needs": ["not", "text"]})
    assert response.status_code == 422
    response = post(api, f"{API}/events/{event.pk}/registrations", {"needs": "x" * 1001})
    assert response.status_code == 400
    assert not Registration.objects.exists()


@pytest.mark.parametrize("how", ["post", "delete"])
def test_cancel_own_registration_promotes_the_waiting_list(api, user, event, how):
    take_places(event, 1)
    mine = services.registration_create(event=event, user=user, name="A", email=user.email, language="sv")
    take_places(event, 1)
    waiting = Registration.objects.get(status=Status.WAITLISTED)
    if how == "post":
        response = post(api, f"{API}/registrations/{mine.pk}/cancel")
    else:
        response = api.delete(f"{API}/registrations/{mine.pk}")
    assert response.status_code == 200
    assert response.json()["status"] == "cancelled"
    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED
    # Again: nothing more changes.
    assert post(api, f"{API}/registrations/{mine.pk}/cancel").json()["status"] == "cancelled"
    assert OutboxMessage.objects.filter(kind="network_registration_promoted").count() == 1


def test_another_persons_registration_is_404(api, event):
    other = UserFactory()
    theirs = services.registration_create(event=event, user=other, name="B", email=other.email, language="sv")
    for response in (
        post(api, f"{API}/registrations/{theirs.pk}/cancel", HTTP_ACCEPT_LANGUAGE="en"),
        api.delete(f"{API}/registrations/{theirs.pk}"),
        post(api, f"{API}/registrations/999999/cancel"),
    ):
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"
    theirs.refresh_from_db()
    assert theirs.status == Status.CONFIRMED
    assert post(Client(), f"{API}/registrations/{theirs.pk}/cancel").status_code == 401


def test_my_registrations(api, user, index, event, event_en):
    later = EventPageFactory(
        parent=index, slug="senare", starts_at=timezone.now() + datetime.timedelta(days=30)
    )
    services.registration_create(event=event, user=user, name="A", email=user.email, language="sv")
    services.registration_create(event=later, user=user, name="A", email=user.email, language="sv")
    other = UserFactory()
    services.registration_create(event=event, user=other, name="B", email=other.email, language="sv")
    response = api.get(f"{API}/me/registrations?language=en")
    assert response.status_code == 200
    body = response.json()
    assert [r["event_title"] for r in body] == ["Seminar", later.title]
    assert all(r["status"] == "confirmed" and r["can_cancel"] for r in body)
    assert Client().get(f"{API}/me/registrations").status_code == 401
