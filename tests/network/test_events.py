"""Events: registration with capacity and a waiting list shared by every language, emailed
confirmation and cancellation links (forged, expired, replayed), iCalendar, reminders,
attendance and export for coordinators, "My events", and the pages that drive all of it as a
browser without JavaScript would."""

import datetime
import io
import re

import icalendar
import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.core import signing
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale, PageViewRestriction

from heart_site.notifications.models import OutboxMessage
from network import tasks, tokens
from network.errors import Conflict, NetworkError, NotFound
from network.models import EventPage, Registration
from network.reference_data import COORDINATORS
from network.services import events as services
from tests.factories.network import EventIndexPageFactory, EventPageFactory
from tests.factories.pages import translate
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

Status = Registration.Status
HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)


# --- Set-up -----------------------------------------------------------------------------------


@pytest.fixture
def index(site_tree):
    home_sv, _home_en = site_tree
    index = EventIndexPageFactory(parent=home_sv)
    translate(index, "en", title="Events", slug="events")
    return index


@pytest.fixture
def event(index):
    """Two places, in Swedish, ten days from now."""
    return EventPageFactory(parent=index, title="Seminarium om inkludering", slug="seminarium", capacity=2)


def translate_event(event, **fields):
    values = {
        "title": "Seminar on inclusion",
        "slug": "seminar",
        "summary": "A seminar on equal treatment.",
        "accessibility": "Step-free entrance, hearing loop.",
        "venue": "Town hall",
    }
    return translate(event, "en", **{**values, **fields})


@pytest.fixture
def event_en(event):
    return translate_event(event)


def register(event, user=None, email=None, language="sv", **extra):
    """Register as the views do: a logged-in user with their account address, else by email."""
    if user is not None:
        return services.registration_create(
            event=event, user=user, name=user.full_name, email=user.email, language=language, **extra
        )
    return services.registration_create(
        event=event, name=extra.pop("name", "Gäst"), email=email, language=language, **extra
    )


def outbox(kind=None, to=None):
    messages = OutboxMessage.objects.order_by("pk")
    if kind:
        messages = messages.filter(
            kind=kind if kind.startswith("network_") else f"network_registration_{kind}"
        )
    if to:
        messages = messages.filter(to_email=to)
    return list(messages)


def link_in(message, action):
    match = re.search(rf"(https?://\S+/registration/{action}/([A-Za-z0-9_:\-]+)/)", message.body_text)
    assert match, message.body_text
    return match.group(1), match.group(2)


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


def english(message):
    with translation.override("en"):
        return str(message)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def statuses(event):
    return dict(Registration.objects.filter(event=event).values_list("email", "status"))


# --- Registration and capacity -------------------------------------------------------------


def test_logged_in_people_get_places_then_the_waiting_list(event):
    first, second, third, fourth = UserFactory.create_batch(4)
    assert register(event, first).status == Status.CONFIRMED
    assert register(event, second).status == Status.CONFIRMED
    waiting = register(event, third)
    assert waiting.status == Status.WAITLISTED
    assert waiting.waitlisted_at is not None and waiting.confirmed_at is None
    assert register(event, fourth, language="en").status == Status.WAITLISTED
    assert Registration.objects.filter(event=event).confirmed().count() == 2
    # Each outcome is emailed in the outbox, in the registration's language.
    assert [m.to_email for m in outbox("confirmed")] == [first.email, second.email]
    assert [m.to_email for m in outbox("waitlisted")] == [third.email, fourth.email]
    waitlisted_mail = outbox("waitlisted", to=fourth.email)[0]
    assert waitlisted_mail.language == "en"
    assert "on the waiting list, number 2." in waitlisted_mail.body_text
    assert "/registration/cancel/" in outbox("confirmed")[0].body_text


def test_capacity_zero_means_no_limit(index):
    event = EventPageFactory(parent=index, capacity=0)
    for user in UserFactory.create_batch(5):
        assert register(event, user).status == Status.CONFIRMED


def test_an_unverified_account_address_confirms_by_email_like_anyone(event):
    user = UserFactory(verified=False)
    registration = register(event, user)
    assert registration.status == Status.PENDING
    assert registration.user == user
    assert len(outbox("confirm_request", to=user.email)) == 1


def test_email_registration_waits_for_the_link_then_takes_a_place(event, client):
    registration = register(event, email="  Gast@Example.ORG ", needs="Hörslinga")
    assert registration.email == "gast@example.org"
    assert registration.status == Status.PENDING
    assert registration.user is None
    # A pending registration holds no place.
    assert register(event, UserFactory()).status == Status.CONFIRMED
    [request_mail] = outbox("confirm_request")
    assert request_mail.language == "sv"
    url, token = link_in(request_mail, "confirm")
    assert path_of(url).startswith(event.url)

    outcome = services.registration_confirm(token=token)
    assert outcome.changed
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED and registration.confirmed_at is not None
    assert len(outbox("confirmed", to="gast@example.org")) == 1


def test_confirming_after_the_event_filled_puts_on_the_waiting_list(event):
    pending = register(event, email="late@example.org")
    register(event, UserFactory())
    register(event, UserFactory())
    _url, token = link_in(outbox("confirm_request")[0], "confirm")
    outcome = services.registration_confirm(token=token)
    assert outcome.registration.status == Status.WAITLISTED
    assert Registration.objects.filter(event=event).confirmed().count() == 2
    pending.refresh_from_db()
    assert pending.status == Status.WAITLISTED


def test_the_same_address_cannot_register_twice(event):
    user = UserFactory()
    register(event, user)
    with pytest.raises(Conflict) as error:
        register(event, user)
    assert english(error.value.message) == "This address already has a place at this event."
    # Nor by email with the same address in another case, nor while pending.
    with pytest.raises(Conflict):
        register(event, email=user.email.upper())
    register(event, email="pending@example.org")
    with pytest.raises(Conflict) as error:
        register(event, email="pending@example.org")
    assert "waiting for confirmation" in english(error.value.message)
    assert Registration.objects.filter(event=event).count() == 2


def test_an_expired_pending_registration_is_replaced(event, settings):
    old = register(event, email="slow@example.org")
    Registration.objects.filter(pk=old.pk).update(created_at=timezone.now() - 8 * DAY)
    new = register(event, email="slow@example.org")
    assert new.pk != old.pk
    old.refresh_from_db()
    assert old.status == Status.CANCELLED
    assert Registration.objects.filter(event=event).exclude(status=Status.CANCELLED).count() == 1


def test_a_cancelled_registration_may_be_followed_by_a_new_one(event):
    user = UserFactory()
    first = register(event, user)
    services.registration_cancel(registration=first, user=user)
    second = register(event, user)
    assert second.pk != first.pk and second.status == Status.CONFIRMED


def test_registering_on_the_english_page_counts_against_the_swedish_capacity(event, event_en):
    sv_user, en_user, late_user = UserFactory.create_batch(3)
    assert register(event, sv_user).event_id == event.pk
    en_registration = register(event_en, en_user, language="en")
    # Registrations point at the source page whichever page was used.
    assert en_registration.event_id == event.pk
    assert en_registration.language == "en"
    assert en_registration.status == Status.CONFIRMED
    assert register(event_en, late_user, language="en").status == Status.WAITLISTED
    assert not Registration.objects.filter(event=event_en).exists()
    # The English page's emails are in English and link to the English page.
    [mail] = outbox("confirmed", to=en_user.email)
    assert mail.language == "en"
    assert "Seminar on inclusion" in mail.subject
    assert event_en.url in mail.body_text


def test_capacity_is_the_source_pages_even_if_a_translation_says_otherwise(event, event_en):
    EventPage.objects.filter(pk=event_en.pk).update(capacity=50)
    for user in UserFactory.create_batch(2):
        register(event_en, user, language="en")
    assert register(event_en, UserFactory(), language="en").status == Status.WAITLISTED


@pytest.mark.parametrize(
    "change, error",
    [
        ({"registration_open": False}, NetworkError),
        ({"starts_at": "past"}, NetworkError),
        ({"live": False}, NotFound),
    ],
)
def test_no_registration_when_closed_started_or_unpublished(event, change, error):
    if change.get("starts_at") == "past":
        EventPage.objects.filter(pk=event.pk).update(
            starts_at=timezone.now() - HOUR, ends_at=timezone.now() + HOUR
        )
    elif "live" in change:
        event.unpublish()
    else:
        EventPage.objects.filter(pk=event.pk).update(**change)
    event.refresh_from_db()
    with pytest.raises(error):
        register(event, UserFactory())
    assert not Registration.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_a_restricted_event_is_not_available(event):
    PageViewRestriction.objects.create(page=event, restriction_type="login")
    with pytest.raises(NotFound):
        register(event, UserFactory())


@pytest.mark.parametrize(
    "fields",
    [{"name": "  "}, {"email": "not-an-address"}, {"needs": "x" * 1001}, {"organisation_name": "o" * 201}],
)
def test_bad_input_is_refused_and_changes_nothing(event, fields):
    arguments = {"name": "Gäst", "email": "guest@example.org", **fields}
    with pytest.raises(NetworkError):
        services.registration_create(event=event, language="sv", **arguments)
    assert not Registration.objects.exists()


# --- Confirmation and cancellation tokens ---------------------------------------------------


@pytest.fixture
def pending(event):
    registration = register(event, email="guest@example.org")
    _url, token = link_in(outbox("confirm_request")[0], "confirm")
    return registration, token


def test_replaying_a_confirmation_changes_nothing(pending):
    registration, token = pending
    first = services.registration_confirm(token=token)
    second = services.registration_confirm(token=token)
    assert first.changed and not second.changed
    assert second.registration.status == Status.CONFIRMED
    assert second.registration.confirmed_at == first.registration.confirmed_at
    assert len(outbox("confirmed")) == 1


@pytest.mark.parametrize(
    "mangle",
    [
        lambda t: t[:-2] + ("AA" if not t.endswith("AA") else "BB"),  # signature
        lambda t: "x" + t,  # payload
        lambda t: "nonsense",
        lambda t: "",
    ],
)
def test_a_forged_confirmation_is_refused(pending, mangle):
    registration, token = pending
    with pytest.raises(tokens.InvalidLink) as error:
        services.registration_confirm(token=mangle(token))
    assert error.value.status == 400
    registration.refresh_from_db()
    assert registration.status == Status.PENDING


def test_a_token_for_one_purpose_does_not_work_for_the_other(event, pending):
    registration, confirm_token = pending
    with pytest.raises(tokens.InvalidLink):
        services.registration_cancel(token=confirm_token)
    cancel_token = tokens.make_token(registration, tokens.CANCEL)
    with pytest.raises(tokens.InvalidLink):
        services.registration_confirm(token=cancel_token)
    # A token signed with another salt for a made-up id is also refused.
    forged = signing.dumps({"r": registration.pk}, salt="heart.notifications")
    with pytest.raises(tokens.InvalidLink):
        services.registration_confirm(token=forged)
    registration.refresh_from_db()
    assert registration.status == Status.PENDING


def test_an_expired_confirmation_is_refused(event, monkeypatch):
    registration = register(event, email="late@example.org")
    real_time = signing.time.time
    monkeypatch.setattr(signing.time, "time", lambda: real_time() - 8 * 24 * 3600)
    old_token = tokens.make_token(registration, tokens.CONFIRM)
    monkeypatch.setattr(signing.time, "time", real_time)
    with pytest.raises(tokens.ExpiredLink) as error:
        services.registration_confirm(token=old_token)
    assert error.value.status == 400
    registration.refresh_from_db()
    assert registration.status == Status.PENDING


def test_confirming_a_cancelled_registration_says_so(pending):
    registration, token = pending
    services.registration_cancel(token=tokens.make_token(registration, tokens.CANCEL))
    with pytest.raises(Conflict) as error:
        services.registration_confirm(token=token)
    assert (
        english(error.value.message) == "This registration was cancelled. Register again if you want a place."
    )
    registration.refresh_from_db()
    assert registration.status == Status.CANCELLED


def test_a_cancelled_place_goes_to_the_waiting_list_in_order(event):
    holders = UserFactory.create_batch(2)
    waiting = UserFactory.create_batch(3)
    places = [register(event, user) for user in holders]
    queue = [register(event, user) for user in waiting]
    # The clock is too coarse to order them; the id breaks ties, as it does here.
    Registration.objects.filter(pk__in=[r.pk for r in queue]).update(waitlisted_at=timezone.now())

    outcome = services.registration_cancel(token=tokens.make_token(places[0], tokens.CANCEL))
    assert outcome.changed
    assert [r.pk for r in outcome.promoted] == [queue[0].pk]
    assert statuses(event) == {
        holders[0].email: Status.CANCELLED,
        holders[1].email: Status.CONFIRMED,
        waiting[0].email: Status.CONFIRMED,
        waiting[1].email: Status.WAITLISTED,
        waiting[2].email: Status.WAITLISTED,
    }
    assert [m.to_email for m in outbox("promoted")] == [waiting[0].email]
    assert [m.to_email for m in outbox("cancelled")] == [holders[0].email]

    services.registration_cancel(registration=places[1], user=holders[1])
    assert [m.to_email for m in outbox("promoted")] == [waiting[0].email, waiting[1].email]
    assert Registration.objects.filter(event=event).confirmed().count() == 2


def test_leaving_the_waiting_list_promotes_nobody(event):
    users = UserFactory.create_batch(4)
    registrations = [register(event, user) for user in users]
    outcome = services.registration_cancel(registration=registrations[2], user=users[2])
    assert outcome.changed and outcome.promoted == ()
    assert statuses(event)[users[3].email] == Status.WAITLISTED


def test_replaying_a_cancellation_changes_nothing(event):
    users = UserFactory.create_batch(4)
    registrations = [register(event, user) for user in users]
    token = tokens.make_token(registrations[0], tokens.CANCEL)
    assert services.registration_cancel(token=token).changed
    again = services.registration_cancel(token=token)
    assert not again.changed and again.promoted == ()
    # Only one person moved up: the replay did not free a second place.
    assert statuses(event)[users[3].email] == Status.WAITLISTED
    assert len(outbox("promoted")) == 1 and len(outbox("cancelled")) == 1


def test_nobody_cancels_another_persons_registration(event):
    owner, intruder = UserFactory.create_batch(2)
    registration = register(event, owner)
    with pytest.raises(NotFound):
        services.registration_cancel(registration=registration, user=intruder)
    with pytest.raises(NotFound):
        services.registration_cancel(registration=registration, user=None)
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED


def test_a_registration_made_by_email_is_the_owners_when_their_address_is_verified(event):
    owner = UserFactory()
    registration = register(event, email=owner.email)
    outcome = services.registration_cancel(registration=registration, user=owner)
    assert outcome.changed


def test_no_cancellation_once_the_event_has_started(event):
    user = UserFactory()
    registration = register(event, user)
    EventPage.objects.filter(pk=event.pk).update(starts_at=timezone.now() - HOUR)
    with pytest.raises(NetworkError):
        services.registration_cancel(registration=registration, user=user)
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED


def test_raising_the_capacity_gives_the_waiting_list_its_places_first(event):
    users = UserFactory.create_batch(3)
    for user in users:
        register(event, user)
    EventPage.objects.filter(pk=event.pk).update(capacity=4)
    event.refresh_from_db()
    newcomer = register(event, UserFactory())
    assert statuses(event)[users[2].email] == Status.CONFIRMED
    assert newcomer.status == Status.CONFIRMED
    assert [m.to_email for m in outbox("promoted")] == [users[2].email]


# --- The pages --------------------------------------------------------------------------------


def test_the_event_page_names_the_time_zone_and_shows_the_places(client, index):
    starts = datetime.datetime(2031, 3, 4, 13, 0, tzinfo=datetime.UTC)
    event = EventPageFactory(
        parent=index,
        slug="lissabon",
        starts_at=starts,
        ends_at=starts + 2 * HOUR,
        time_zone="Europe/Lisbon",
        capacity=3,
    )
    event_en = translate_event(event, slug="lisbon")
    register(event, UserFactory())
    response = client.get(event_en.url)
    assert response.status_code == 200
    page = soup(response)
    when = page.find("dt", string="When").find_next_sibling("dd").get_text(" ", strip=True)
    # 13:00 UTC is 13:00 in Lisbon in March (WET), not 14:00 as in Stockholm.
    assert "13:00" in when and "15:00" in when and "Europe/Lisbon" in when and "WET" in when
    assert "March 2031" in when
    assert page.find("dd", class_="event-places").get_text(strip=True) == "2 places left"
    assert "Step-free entrance, hearing loop." in response.content.decode()
    # The Swedish page says the same time (its dates in Swedish).
    assert "13:00" in soup(client.get(event.url)).find("time").get_text()
    form = page.find("form", attrs={"action": event_en.url + "register/"})
    assert {i["name"] for i in form.find_all(["input", "textarea"]) if i.get("name")} >= {
        "name",
        "email",
        "organisation_name",
        "needs",
        "website",
        "csrfmiddlewaretoken",
    }


def test_anonymous_registration_through_the_form(client, event_en):
    page = client.get(event_en.url)
    assert page.status_code == 200
    data = {"name": "Gäst Gästsson", "email": "gast@example.org", "organisation_name": "Solna stad"}
    response = client.post(event_en.url + "register/", data)
    assert response.status_code == 200
    assert "gast@example.org" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    [registration] = Registration.objects.all()
    assert (registration.status, registration.organisation_name) == (Status.PENDING, "Solna stad")

    # A double submit changes nothing and says why.
    again = client.post(event_en.url + "register/", data)
    assert again.status_code == 409
    assert "already registered and waiting for confirmation" in again.content.decode()
    assert Registration.objects.count() == 1


def test_the_form_refuses_bad_input_with_400(client, event):
    response = client.post(event.url + "register/", {"name": "", "email": "nope"})
    assert response.status_code == 400
    assert soup(response).find(class_="error-summary") is not None
    assert not Registration.objects.exists()


def test_the_honeypot_gets_the_same_answer_and_registers_nobody(client, event):
    response = client.post(
        event.url + "register/", {"name": "Bot", "email": "bot@example.org", "website": "http://spam"}
    )
    assert response.status_code == 200
    assert not Registration.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_anonymous_registrations_are_rate_limited(client, event, settings):
    settings.NETWORK_REGISTRATION_RATE = "2/h"
    for number in range(2):
        response = client.post(event.url + "register/", {"name": "G", "email": f"g{number}@example.org"})
        assert response.status_code == 200
    response = client.post(event.url + "register/", {"name": "G", "email": "g9@example.org"})
    assert response.status_code == 429
    assert Registration.objects.count() == 2


def test_get_on_the_register_address_goes_back_to_the_event(client, event):
    response = client.get(event.url + "register/")
    assert response.status_code == 302
    assert response["Location"].startswith(event.url)


def test_logged_in_one_button_registration_and_cancellation(client, event_en):
    user = UserFactory(full_name="Alva Andersson", organisation_name="Solna stad")
    client.force_login(user)
    response = client.get(event_en.url)
    form = soup(response).find("form", attrs={"action": event_en.url + "register/"})
    assert form.find("input", attrs={"name": "email"}) is None  # the account gives the address
    assert "no-store" in response["Cache-Control"]

    response = client.post(event_en.url + "register/", {}, follow=True)
    assert response.status_code == 200
    registration = Registration.objects.get()
    assert (registration.user, registration.status, registration.name) == (
        user,
        Status.CONFIRMED,
        "Alva Andersson",
    )
    assert registration.organisation_name == "Solna stad"
    page = soup(response)
    assert "You have a place at this event." in page.get_text()

    # A second click does not make a second registration.
    client.post(event_en.url + "register/", {})
    assert Registration.objects.count() == 1

    cancel = page.find("form", attrs={"action": reverse("network:my_registrations")})
    assert cancel.find("input", attrs={"name": "registration"})["value"] == str(registration.pk)
    response = client.post(
        reverse("network:my_registrations"), {"registration": registration.pk, "next": event_en.url}
    )
    assert response.status_code == 302 and response["Location"] == event_en.url
    registration.refresh_from_db()
    assert registration.status == Status.CANCELLED


def test_the_english_page_registers_in_english(client, event_en):
    user = UserFactory()
    client.force_login(user)
    client.post(event_en.url + "register/", {})
    registration = Registration.objects.get()
    assert registration.language == "en"
    assert registration.event.locale.language_code == "sv"


def test_the_confirmation_link_acts_only_on_post(client, event_en):
    register(event_en, email="guest@example.org", language="en")
    url, _token = link_in(outbox("confirm_request")[0], "confirm")
    response = client.get(path_of(url))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"
    assert Registration.objects.get().status == Status.PENDING
    assert soup(response).find("form", attrs={"method": "post"}).find("button") is not None

    response = client.post(path_of(url))
    assert response.status_code == 200
    assert response["Referrer-Policy"] == "no-referrer"
    assert "no-store" in response["Cache-Control"]
    assert Registration.objects.get().status == Status.CONFIRMED

    replay = client.post(path_of(url))
    assert replay.status_code == 200
    assert "already confirmed" in replay.content.decode()
    assert path_of(url).startswith(event_en.url)


def test_the_cancellation_link_acts_only_on_post(client, event):
    user = UserFactory()
    register(event, user)
    url, _token = link_in(outbox("confirmed")[0], "cancel")
    response = client.get(path_of(url))
    assert response.status_code == 200
    assert Registration.objects.get().status == Status.CONFIRMED
    response = client.post(path_of(url))
    assert response.status_code == 200
    assert response["Referrer-Policy"] == "no-referrer"
    assert Registration.objects.get().status == Status.CANCELLED


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_forged_or_misplaced_link_gets_a_4xx_page(client, index, event, method):
    registration = register(event, email="guest@example.org")
    other = EventPageFactory(parent=index, slug="annat")
    token = tokens.make_token(registration, tokens.CONFIRM)
    forged = getattr(client, method)(f"{event.url}registration/confirm/{token[:-3]}xyz/")
    assert forged.status_code == 400
    assert forged["Referrer-Policy"] == "no-referrer"
    # A real token on another event's page does not act on this registration.
    elsewhere = getattr(client, method)(f"{other.url}registration/confirm/{token}/")
    assert elsewhere.status_code == 400
    assert Registration.objects.get().status == Status.PENDING


def test_the_event_list_shows_upcoming_events_once_in_the_visitors_language(client, index, event, event_en):
    EventPageFactory(parent=index, title="Bara på svenska", slug="bara-svenska", capacity=1)
    full = EventPageFactory(parent=index, title="Fullt", slug="fullt", capacity=1)
    register(full, UserFactory())
    past = EventPageFactory(
        parent=index,
        title="Förra året",
        slug="forra-aret",
        starts_at=timezone.now() - 30 * DAY,
        ends_at=timezone.now() - 30 * DAY + HOUR,
    )
    index_en = index.get_translation(event_en.locale)

    page = soup(client.get(index_en.url))
    titles = [a.get_text() for a in page.select("li.event-card h3 a")]
    assert titles == ["Seminar on inclusion", "Bara på svenska", "Fullt"]  # soonest first
    untranslated = page.find("a", string="Bara på svenska")
    assert untranslated["lang"] == "sv"
    places = [dd.get_text(strip=True) for dd in page.select("dd.event-places")]
    assert places == ["2 places left", "1 place left", "Full – waiting list"]
    assert "Förra året" not in page.get_text()

    past_page = soup(client.get(index_en.url + "?when=past"))
    assert [a.get_text() for a in past_page.select("li.event-card h3 a")] == [past.title]
    assert past_page.find("a", attrs={"aria-current": "page"}).get_text() == "Past events"


def test_the_event_list_costs_the_same_queries_for_few_and_many_events(client, index):
    def add(count, start):
        for number in range(start, start + count):
            event = EventPageFactory(parent=index, title=f"Evenemang {number}", slug=f"evenemang-{number}")
            if number % 2 == 0:
                translate_event(event, title=f"Event {number}", slug=f"event-{number}")
            register(event, UserFactory())

    def count(url):
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        if url.endswith("ical/"):
            return len(captured), len(icalendar.Calendar.from_ical(response.content).walk("VEVENT"))
        return len(captured), len(soup(response).select("li.event-card"))

    index_en = index.get_translation(Locale.objects.get(language_code="en"))
    add(2, 0)
    small = {url: count(url) for url in (index.url, index_en.url, index.url + "ical/")}
    add(6, 2)
    large = {url: count(url) for url in (index.url, index_en.url, index.url + "ical/")}
    for url in small:
        assert (small[url][1], large[url][1]) == (2, 8)
        assert small[url][0] == large[url][0], (url, small[url][0], large[url][0])


def test_my_events_lists_and_cancels_only_my_registrations(client, index, event, event_en):
    user, other = UserFactory.create_batch(2)
    later = EventPageFactory(parent=index, title="Senare", slug="senare", starts_at=timezone.now() + 20 * DAY)
    mine = register(event, user)
    register(later, user)
    theirs = register(event, other)

    url = reverse("network:my_registrations")
    assert client.get(url).status_code == 302  # login first
    client.force_login(user)
    response = client.get("/en/network/registrations/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    page = soup(response)
    titles = [a.get_text() for a in page.select("li.event-card h2 a")]
    assert titles == ["Seminar on inclusion", "Senare"]
    assert theirs.email not in response.content.decode()

    refused = client.post(url, {"registration": theirs.pk})
    assert refused.status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == Status.CONFIRMED
    assert client.post(url, {"registration": "abc"}).status_code == 400
    assert client.post(url, {"registration": 999_999}).status_code == 404

    response = client.post(url, {"registration": mine.pk, "next": "https://evil.example/"})
    assert response.status_code == 302 and response["Location"] == url
    mine.refresh_from_db()
    assert mine.status == Status.CANCELLED


# --- iCalendar -------------------------------------------------------------------------------


def test_the_ics_file_of_an_event(client, index):
    starts = datetime.datetime(2031, 6, 10, 8, 0, tzinfo=datetime.UTC)
    event = EventPageFactory(
        parent=index,
        title="Studiebesök i Bologna",
        slug="bologna",
        starts_at=starts,
        ends_at=starts + 3 * HOUR,
        time_zone="Europe/Rome",
        venue="Centro di formazione",
        address="Via Roma 1, Bologna",
        online_url="https://meet.example/secret",
    )
    event_en = translate_event(event, title="Study visit to Bologna", slug="bologna-en")
    response = client.get(event.url + "ical/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    calendar = icalendar.Calendar.from_ical(response.content)
    [component] = calendar.walk("VEVENT")
    assert component["DTSTART"].params["TZID"] == "Europe/Rome"
    assert component["DTEND"].params["TZID"] == "Europe/Rome"
    assert component.decoded("DTSTART") == starts
    assert component.decoded("DTSTART").utcoffset() == datetime.timedelta(hours=2)  # CEST in June
    assert component.decoded("DTEND") == starts + 3 * HOUR
    assert str(component["SUMMARY"]) == "Studiebesök i Bologna"
    assert str(component["LOCATION"]) == "Centro di formazione, Via Roma 1, Bologna"
    assert "Ett seminarium om likabehandling." in str(component["DESCRIPTION"])
    assert "Entré utan trappsteg" in str(component["DESCRIPTION"])
    assert str(component["URL"]).endswith(event.url)
    assert "meet.example" not in response.content.decode()  # the online link is for participants only
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Rome"]

    english = icalendar.Calendar.from_ical(client.get(event_en.url + "ical/").content)
    [component_en] = english.walk("VEVENT")
    assert str(component_en["UID"]) == str(component["UID"])  # one event in every language
    assert str(component_en["SUMMARY"]) == "Study visit to Bologna"
    assert event.translation_key.hex in str(component["UID"]) or str(event.translation_key) in str(
        component["UID"]
    )


def test_the_calendar_feed_has_upcoming_events_once(client, index, event, event_en):
    EventPageFactory(
        parent=index, slug="gammalt", starts_at=timezone.now() - 5 * DAY, ends_at=timezone.now() - 4 * DAY
    )
    other = EventPageFactory(parent=index, title="Nätverksträff", slug="natverk")
    index_en = index.get_translation(event_en.locale)
    response = client.get(index_en.url + "ical/")
    assert response.status_code == 200
    calendar = icalendar.Calendar.from_ical(response.content)
    summaries = sorted(str(c["SUMMARY"]) for c in calendar.walk("VEVENT"))
    assert summaries == ["Nätverksträff", "Seminar on inclusion"]
    assert len({str(c["UID"]) for c in calendar.walk("VEVENT")}) == 2
    assert other.title in summaries


# --- Reminders -------------------------------------------------------------------------------


def test_reminders_go_once_to_confirmed_people_in_their_language(index, event, event_en):
    soon = EventPageFactory(
        parent=index,
        slug="snart",
        starts_at=timezone.now() + 10 * HOUR,
        ends_at=timezone.now() + 12 * HOUR,
        online_url="https://meet.example/room",
        capacity=3,
    )
    soon_en = translate_event(soon, title="Soon", slug="soon")
    sv_user, en_user, waiting, leaving = UserFactory.create_batch(4)
    register(soon, sv_user)
    register(soon_en, en_user, language="en")
    leaving_registration = register(soon, leaving)
    register(soon, waiting)
    assert statuses(soon)[waiting.email] == Status.WAITLISTED
    register(event, UserFactory())  # ten days away: not yet
    services.registration_cancel(registration=leaving_registration, user=leaving)  # waiting moves up
    register(soon, email="pending@example.org")  # never confirmed: no reminder
    OutboxMessage.objects.all().delete()

    assert tasks.event_reminders() == 3
    reminders = outbox("network_event_reminder")
    assert sorted(m.to_email for m in reminders) == sorted([sv_user.email, waiting.email, en_user.email])
    english = next(m for m in reminders if m.to_email == en_user.email)
    assert english.language == "en" and "Soon" in english.subject
    assert "https://meet.example/room" in english.body_text
    assert english.dedupe_key.startswith(
        f"network:event-reminder:{Registration.objects.get(user=en_user).pk}:"
    )
    assert english.dedupe_key.endswith(soon.starts_at.isoformat())
    assert not Registration.objects.filter(
        event=soon, status=Status.CONFIRMED, reminder_queued_at=None
    ).exists()

    assert tasks.event_reminders() == 0
    assert len(outbox("network_event_reminder")) == 3


def test_an_event_moved_later_is_reminded_again_for_its_new_date(index):
    soon = EventPageFactory(
        parent=index, starts_at=timezone.now() + 5 * HOUR, ends_at=timezone.now() + 6 * HOUR
    )
    register(soon, UserFactory())
    assert services.event_reminders_queue() == 1
    new_start = timezone.now() + 3 * DAY
    EventPage.objects.filter(pk=soon.pk).update(starts_at=new_start, ends_at=new_start + HOUR)
    assert services.event_reminders_queue() == 0
    assert services.event_reminders_queue(now=new_start - 5 * HOUR) == 1
    assert services.event_reminders_queue(now=new_start - 4 * HOUR) == 0


def test_no_reminders_for_unpublished_events_or_pending_registrations(index):
    soon = EventPageFactory(
        parent=index, starts_at=timezone.now() + 5 * HOUR, ends_at=timezone.now() + 6 * HOUR
    )
    register(soon, email="pending@example.org")
    other = EventPageFactory(
        parent=index, starts_at=timezone.now() + 5 * HOUR, ends_at=timezone.now() + 6 * HOUR
    )
    register(other, UserFactory())
    other.unpublish()
    assert services.event_reminders_queue() == 0


# --- Attendance and export --------------------------------------------------------------------


@pytest.fixture
def coordinator(reference_data):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=COORDINATORS))
    return user


@pytest.fixture
def editor(reference_data):
    """Can use the admin, but is not a network coordinator."""
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


@pytest.fixture
def attendees(event):
    """Two with a place (one registered by email, with a name that looks like a formula) and
    one on the waiting list."""
    alva = register(event, UserFactory(full_name="Alva Andersson"), needs="Hörslinga")
    formula = register(
        event, email="formula@example.org", name='=HYPERLINK("http://evil")', organisation_name="+1"
    )
    _url, token = link_in(outbox("confirm_request")[0], "confirm")
    services.registration_confirm(token=token)
    cecilia = register(event, UserFactory(full_name="Cecilia Carlsson"))
    people = [alva, formula, cecilia]
    for registration in people:
        registration.refresh_from_db()
    return people


def attendees_url(event):
    return reverse("network_event_attendees", args=[event.pk])


def export_url(event, kind):
    return reverse("network_event_attendees_export", args=[event.pk]) + f"?format={kind}"


def test_coordinators_record_attendance(client, coordinator, event, event_en, attendees):
    client.force_login(coordinator)
    response = client.get(attendees_url(event_en))  # any language's page shows everyone
    assert response.status_code == 200
    html = response.content.decode()
    assert "Alva Andersson" in html and "Cecilia Carlsson" in html and "Hörslinga" in html
    alva, formula, cecilia = attendees
    assert (alva.status, formula.status, cecilia.status) == (
        Status.CONFIRMED,
        Status.CONFIRMED,
        Status.WAITLISTED,
    )

    response = client.post(
        attendees_url(event),
        {f"attended-{alva.pk}": "yes", f"attended-{formula.pk}": "no", f"attended-{cecilia.pk}": "yes"},
    )
    assert response.status_code == 302
    alva.refresh_from_db(), formula.refresh_from_db(), cecilia.refresh_from_db()
    assert (alva.attended, formula.attended) == (True, False)
    assert cecilia.attended is None  # only people with a place can have come

    client.post(attendees_url(event), {f"attended-{alva.pk}": ""})
    alva.refresh_from_db()
    assert alva.attended is None
    client.post(attendees_url(event), {f"attended-{alva.pk}": "maybe"})
    alva.refresh_from_db()
    assert alva.attended is None


def test_the_csv_and_xlsx_exports(client, coordinator, event, attendees):
    from openpyxl import load_workbook

    alva, formula, _cecilia = attendees
    services.registration_attendance_set(event=event, attended={alva.pk: True, formula.pk: False})
    client.force_login(coordinator)

    response = client.get(export_url(event, "csv"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "no-store" in response["Cache-Control"]
    text = response.content.decode("utf-8-sig")
    lines = text.splitlines()
    assert len(lines) == 4
    assert lines[1].startswith("Alva Andersson,")
    assert "Hörslinga" in lines[1]
    # A name that looks like a formula stays text.
    assert "'=HYPERLINK" in text and ",'+1," in text

    response = client.get(export_url(event, "xlsx"))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 4
    assert rows[1][:3] == ("Alva Andersson", alva.email, None)  # an empty cell
    assert rows[1][4] == "Hörslinga"
    assert rows[1][5] in ("Ja", "Yes")  # in the admin's language
    assert rows[2][5] in ("Nej", "No")
    formula_row = next(r for r in rows if r[1] == "formula@example.org")
    assert formula_row[0] == '=HYPERLINK("http://evil")'
    cell = next(c for c in sheet["A"] if c.value == '=HYPERLINK("http://evil")')
    assert cell.data_type == "s"

    assert client.get(export_url(event, "pdf")).status_code == 400


def test_attendees_are_refused_to_editors_and_participants(client, editor, event, attendees):
    client.force_login(editor)
    for url in (attendees_url(event), export_url(event, "csv"), export_url(event, "xlsx")):
        response = client.get(url)
        assert response.status_code == 403
        assert "Alva Andersson" not in response.content.decode()
    response = client.post(attendees_url(event), {f"attended-{attendees[0].pk}": "yes"})
    assert response.status_code == 403
    attendees[0].refresh_from_db()
    assert attendees[0].attended is None

    participant = UserFactory()
    client.force_login(participant)
    for url in (attendees_url(event), export_url(event, "csv")):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert b"Alva Andersson" not in response.content
