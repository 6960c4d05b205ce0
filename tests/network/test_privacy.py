"""Export and erasure of network data through the site's privacy registry: the contacts whose
email is the person's address and their event registrations, nobody else's."""

import json

import pytest

from heart_site.privacy import handlers, user_data_erase, user_data_export
from network.models import Contact, Organisation, Registration
from tests.factories.network import (
    ContactFactory,
    EventIndexPageFactory,
    EventPageFactory,
    OrganisationFactory,
)
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(site_tree):
    home_sv, _home_en = site_tree
    return EventPageFactory(parent=EventIndexPageFactory(parent=home_sv), title="Seminarium om inkludering")


def register(event, *, email, user=None, status=Registration.Status.CONFIRMED, **fields):
    return Registration.objects.create(
        event=event, user=user, name=fields.pop("name", "Någon"), email=email, status=status, **fields
    )


def test_the_network_handler_is_registered():
    assert "network" in {handler.key for handler in handlers()}


def test_export_holds_the_persons_contacts_and_registrations_only(event):
    user = UserFactory(email="anna@example.org")
    organisation = OrganisationFactory(name="Umeå kommun")
    ContactFactory(
        organisation=organisation,
        full_name="Anna Andersson",
        email="Anna@Example.org",  # the same address, typed differently
        role="HR-chef",
        phone="070-123 45 67",
    )
    ContactFactory(full_name="Bo Berg", email="bo@example.org")
    register(event, email="anna@example.org", user=user, needs="Hörslinga")
    register(
        event, email="ANNA@example.org", status=Registration.Status.CANCELLED
    )  # by email, before the account
    register(event, email="bo@example.org", name="Bo Berg")

    exported = user_data_export(user=user)["network"]
    json.dumps(exported)  # the download is JSON
    assert [c["name"] for c in exported["contacts"]] == ["Anna Andersson"]
    contact = exported["contacts"][0]
    assert (contact["organisation"], contact["role"], contact["phone"]) == (
        "Umeå kommun",
        "HR-chef",
        "070-123 45 67",
    )
    assert sorted(r["status"] for r in exported["event_registrations"]) == ["cancelled", "confirmed"]
    assert {r["event"] for r in exported["event_registrations"]} == {"Seminarium om inkludering"}
    assert "Hörslinga" in {r["needs"] for r in exported["event_registrations"]}
    assert "Bo Berg" not in json.dumps(exported)


def test_erasure_deletes_the_persons_contacts_and_registrations_and_nothing_else(event):
    user = UserFactory(email="anna@example.org")
    organisation = OrganisationFactory()
    ContactFactory(organisation=organisation, email="anna@example.org")
    bo = ContactFactory(organisation=organisation, email="bo@example.org")
    register(event, email="anna@example.org", user=user)
    register(event, email="anna@EXAMPLE.org", status=Registration.Status.CANCELLED)
    others = register(event, email="bo@example.org")

    user_data_erase(user=user)

    assert list(Contact.objects.all()) == [bo]
    assert list(Registration.objects.all()) == [others]
    assert Organisation.objects.filter(pk=organisation.pk).exists()  # the organisation is not personal


def test_a_user_without_an_address_takes_no_contact_with_them(event):
    """Contacts without an email must not match an account without one."""
    user = UserFactory(email="", verified=False)
    ContactFactory(email="")
    ContactFactory(email="")
    mine = register(event, email="someone@example.org", user=user)
    assert user_data_export(user=user)["network"]["contacts"] == []
    user_data_erase(user=user)
    assert Contact.objects.count() == 2
    assert not Registration.objects.filter(pk=mine.pk).exists()


def test_erasing_a_person_with_a_place_gives_it_to_the_waiting_list(event):
    from django.utils import timezone

    leaver = UserFactory(email="leaver@example.org")
    register(event, email="first@example.org")
    register(event, email=leaver.email, user=leaver)
    waiting = register(
        event,
        email="waiting@example.org",
        status=Registration.Status.WAITLISTED,
        waitlisted_at=timezone.now(),
    )
    assert event.capacity == 2

    user_data_erase(user=leaver)

    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED
    assert not Registration.objects.filter(email=leaver.email).exists()
