"""Registrations and cancellations at the same moment, in real concurrent transactions on
PostgreSQL: an event never goes over capacity, the waiting list is promoted in order, and a
double submit makes one registration. (SQLite runs one writer at a time, so it cannot show
the race; these tests fail in CI without PostgreSQL and are skipped elsewhere.)"""

import time

import pytest
from django.db import connection

from network.errors import Conflict
from network.models import Registration
from network.services import events as services
from tests.concurrency import run_together
from tests.conftest import missing_service
from tests.factories.network import EventIndexPageFactory, EventPageFactory
from tests.factories.pages import translate
from tests.factories.users import UserFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

Status = Registration.Status


@pytest.fixture(autouse=True)
def require_postgresql():
    if connection.vendor != "postgresql":
        missing_service("PostgreSQL is needed for real concurrent transactions (set DATABASE_URL)")


@pytest.fixture
def index(site_tree):
    home_sv, _home_en = site_tree
    index = EventIndexPageFactory(parent=home_sv)
    translate(index, "en", title="Events", slug="events")
    return index


@pytest.fixture
def slow_count(monkeypatch):
    """Widen the window between counting the places and taking one: without the lock on the
    event, every concurrent caller would see the same free place."""
    count = services._confirmed_count

    def counted_then_wait(event):
        result = count(event)
        time.sleep(0.05)
        return result

    monkeypatch.setattr(services, "_confirmed_count", counted_then_wait)


def registering(event, user, language="sv"):
    return lambda: services.registration_create(
        event=event, user=user, name=user.full_name, email=user.email, language=language
    )


def cancelling(registration, user):
    return lambda: services.registration_cancel(registration=registration, user=user)


def confirmed_count(event):
    return Registration.objects.filter(event=event, status=Status.CONFIRMED).count()


def test_many_people_register_for_the_last_places_at_once(index, slow_count):
    event = EventPageFactory(parent=index, capacity=3)
    event_en = translate(event, "en", title="Seminar", slug="seminar")
    users = UserFactory.create_batch(10)
    # Half of them on the English page: one capacity for both languages.
    outcomes = run_together(
        *[
            registering(event_en if i % 2 else event, user, "en" if i % 2 else "sv")
            for i, user in enumerate(users)
        ]
    )
    assert all(isinstance(o, Registration) for o in outcomes), outcomes
    assert confirmed_count(event) == 3
    waiting = list(Registration.objects.filter(event=event).waitlisted())
    assert len(waiting) == 7
    # Everyone's waiting-list time is distinct and the order is the order they were placed in.
    assert len({r.waitlisted_at for r in waiting}) == 7
    assert [r.waitlisted_at for r in waiting] == sorted(r.waitlisted_at for r in waiting)


def test_concurrent_cancellations_and_registrations_never_overfill(index, slow_count):
    event = EventPageFactory(parent=index, capacity=3)
    holders = UserFactory.create_batch(3)
    queued = UserFactory.create_batch(3)
    newcomers = UserFactory.create_batch(4)
    places = [registering(event, user)() for user in holders]
    queue = [registering(event, user)() for user in queued]
    assert [r.status for r in places + queue] == [Status.CONFIRMED] * 3 + [Status.WAITLISTED] * 3

    outcomes = run_together(
        *[cancelling(registration, user) for registration, user in zip(places, holders, strict=True)],
        *[registering(event, user) for user in newcomers],
    )
    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes

    statuses = dict(Registration.objects.filter(event=event).values_list("user", "status"))
    assert confirmed_count(event) == 3
    # The three freed places went to the three who were waiting, never to a newcomer,
    # whichever request got the lock first.
    assert [statuses[u.pk] for u in queued] == [Status.CONFIRMED] * 3
    assert [statuses[u.pk] for u in newcomers] == [Status.WAITLISTED] * 4
    assert [statuses[u.pk] for u in holders] == [Status.CANCELLED] * 3
    promoted = [r for o in outcomes if isinstance(o, services.Outcome) for r in o.promoted]
    assert sorted(r.pk for r in promoted) == sorted(r.pk for r in queue)

    # And when one more place frees up, it goes to the first newcomer in waiting order.
    first_waiting = Registration.objects.filter(event=event).waitlisted().first()
    services.registration_cancel(registration=queue[0], user=queued[0])
    first_waiting.refresh_from_db()
    assert first_waiting.status == Status.CONFIRMED
    assert confirmed_count(event) == 3


def test_a_waiting_list_promoted_by_concurrent_cancellations_keeps_its_order(index, slow_count):
    event = EventPageFactory(parent=index, capacity=4)
    holders = UserFactory.create_batch(4)
    queued = UserFactory.create_batch(6)
    places = [registering(event, user)() for user in holders]
    for user in queued:
        registering(event, user)()
    run_together(
        *[cancelling(registration, user) for registration, user in zip(places, holders, strict=True)]
    )
    statuses = dict(Registration.objects.filter(event=event).values_list("user", "status"))
    assert [statuses[u.pk] for u in queued] == [Status.CONFIRMED] * 4 + [Status.WAITLISTED] * 2
    assert confirmed_count(event) == 4


def test_a_double_submit_makes_one_registration(index):
    event = EventPageFactory(parent=index, capacity=5)
    user = UserFactory()
    outcomes = run_together(*[registering(event, user)] * 4)
    created = [o for o in outcomes if isinstance(o, Registration)]
    refused = [o for o in outcomes if isinstance(o, Conflict)]
    assert (len(created), len(refused)) == (1, 3), outcomes
    assert Registration.objects.filter(event=event).count() == 1

    anonymous = run_together(
        *[
            lambda: services.registration_create(
                event=event, name="Gäst", email="guest@example.org", language="sv"
            )
        ]
        * 4
    )
    assert sum(isinstance(o, Registration) for o in anonymous) == 1, anonymous
    assert sum(isinstance(o, Conflict) for o in anonymous) == 3
    assert Registration.objects.filter(event=event, email="guest@example.org").count() == 1
