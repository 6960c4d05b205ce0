"""The coordinators' admin: only the network permissions open it (an editor or a participant never
sees contacts or notes), listings cost a fixed number of queries, and saving an interaction
through the admin keeps the contacts' "last contacted" date."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from network.models import Contact, Interaction, Organisation, Partnership
from network.reference_data import COORDINATORS
from network.wagtail_hooks import attendees_button
from tests.factories.network import (
    ContactFactory,
    EventIndexPageFactory,
    EventPageFactory,
    OrganisationFactory,
    PlaceFactory,
)
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

MODELS = ["organisation", "place", "contact", "interaction", "partnership"]
SECRET_NOTE = "Intern anteckning som aldrig visas."


def url(model, view="list", *args):
    return reverse(f"wagtailsnippets_network_{model}:{view}", args=args)


def member(group_name, **fields):
    user = UserFactory(**fields)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def coordinator(reference_data):
    return member(COORDINATORS, full_name="Karin Berg")


@pytest.fixture
def editor(reference_data):
    return member("Editors")


@pytest.fixture
def world(reference_data):
    umea = PlaceFactory(name="Umeå")
    kommun = OrganisationFactory(name="Umeå kommun", place=umea, internal_notes=SECRET_NOTE)
    other = OrganisationFactory(name="Företaget AB", place=umea)
    anna = ContactFactory(organisation=kommun, full_name="Anna Andersson", email="anna@umea.example")
    bo = ContactFactory(organisation=other, full_name="Bo Berg")
    interaction = Interaction.objects.create(
        kind=Interaction.Kind.CALL,
        date=datetime.date(2026, 3, 1),
        organisation=kommun,
        summary="Samtal om praktikplatser och Annas hälsa.",
    )
    Partnership.objects.create(place=umea, organisation=kommun, status=Partnership.Status.ESTABLISHED)
    return {"kommun": kommun, "other": other, "anna": anna, "bo": bo, "interaction": interaction}


# --- Who sees what ---------------------------------------------------------------------


def test_coordinators_list_add_and_edit_every_network_snippet(client, coordinator, world):
    client.force_login(coordinator)
    for model in MODELS:
        assert client.get(url(model)).status_code == 200, model
        assert client.get(url(model, "add")).status_code == 200, model
    assert client.get(url("contact", "edit", world["anna"].pk)).status_code == 200
    response = client.get(url("organisation", "edit", world["kommun"].pk))
    assert SECRET_NOTE in response.content.decode()
    response = client.get(url("interaction", "edit", world["interaction"].pk))
    assert "Annas hälsa" in response.content.decode()


def test_the_network_menu_and_dashboard_panels_are_for_coordinators_only(client, coordinator, editor, world):
    client.force_login(coordinator)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    for model in MODELS:
        assert url(model) in home, model
    assert reverse("network_import_organisations") in home
    assert reverse("network_import_contacts") in home
    for panel in ("network-goal", "network-follow-ups", "network-contacts-review"):
        assert f'id="{panel}' in home, panel

    client.force_login(editor)
    home = client.get(reverse("wagtailadmin_home"))
    assert home.status_code == 200
    content = home.content.decode()
    for model in MODELS:
        assert url(model) not in content, model
    assert reverse("network_import_contacts") not in content
    assert "network-follow-ups" not in content and "network-contacts-review" not in content


@pytest.mark.parametrize(
    "target",
    [
        lambda w: url("contact"),
        lambda w: url("contact", "edit", w["anna"].pk),
        lambda w: url("contact", "add"),
        lambda w: url("organisation", "edit", w["kommun"].pk),
        lambda w: url("interaction"),
        lambda w: url("interaction", "edit", w["interaction"].pk),
    ],
)
def test_an_editor_without_the_permissions_never_sees_contacts_or_notes(client, editor, world, target):
    client.force_login(editor)
    response = client.get(target(world), follow=False)
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == reverse("wagtailadmin_home")
    followed = client.get(target(world), follow=True).content.decode()
    for secret in ("anna@umea.example", "Anna Andersson", SECRET_NOTE, "Annas hälsa"):
        assert secret not in followed


def test_an_editor_cannot_change_a_contact_by_posting_either(client, editor, world):
    client.force_login(editor)
    response = client.post(url("contact", "edit", world["anna"].pk), {"full_name": "Hacked"})
    assert response.status_code in (302, 403)
    assert Contact.objects.get(pk=world["anna"].pk).full_name == "Anna Andersson"


def test_a_participant_is_sent_to_the_admin_login(client, world):
    client.force_login(UserFactory())
    for target in (url("contact"), url("contact", "edit", world["anna"].pk), url("organisation")):
        response = client.get(target)
        assert response.status_code == 302
        assert reverse("wagtailadmin_login") in response["Location"]


# --- Contacts due for review ------------------------------------------------------------


def _age(contact, *, met_years_ago=None, edited_years_ago=0):
    today = timezone.localdate()
    Contact.objects.filter(pk=contact.pk).update(
        last_contacted_on=today - datetime.timedelta(days=365 * met_years_ago) if met_years_ago else None,
        updated_at=timezone.now() - datetime.timedelta(days=365 * edited_years_ago),
    )


def test_the_contact_list_flags_and_filters_contacts_due_for_review(client, coordinator, world):
    kommun = world["kommun"]
    stale = ContactFactory(organisation=kommun, full_name="Gammal Kontakt")
    _age(stale, met_years_ago=5, edited_years_ago=5)
    never_met = ContactFactory(organisation=kommun, full_name="Aldrig Träffad")
    _age(never_met, edited_years_ago=4)
    reviewed = ContactFactory(organisation=kommun, full_name="Nyss Granskad")
    _age(reviewed, met_years_ago=5, edited_years_ago=0)  # saved today after a review
    met_lately = ContactFactory(organisation=kommun, full_name="Nyss Träffad")
    _age(met_lately, met_years_ago=1, edited_years_ago=6)

    due = set(Contact.objects.due_for_review().values_list("full_name", flat=True))
    assert due == {"Gammal Kontakt", "Aldrig Träffad"}

    client.force_login(coordinator)
    response = client.get(url("contact"), {"due_for_review": "true"})
    names = {c.full_name for c in response.context["object_list"]}
    assert names == {"Gammal Kontakt", "Aldrig Träffad"}
    response = client.get(url("contact"), {"due_for_review": "false"})
    names = {c.full_name for c in response.context["object_list"]}
    assert {"Nyss Granskad", "Nyss Träffad", "Anna Andersson"} <= names
    assert not names & {"Gammal Kontakt", "Aldrig Träffad"}
    flags = {c.full_name: c.due_for_review for c in client.get(url("contact")).context["object_list"]}
    assert flags["Gammal Kontakt"] is True and flags["Nyss Granskad"] is False

    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert url("contact") + "?due_for_review=true" in home


def test_the_contact_listing_costs_the_same_queries_with_more_contacts(client, coordinator, world):
    client.force_login(coordinator)
    client.get(url("contact"))  # warm up the session and the site

    def count():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(url("contact")).status_code == 200
        return len(queries)

    few = count()
    for _ in range(12):
        ContactFactory(organisation=OrganisationFactory())
    assert count() == few


def test_the_organisation_listing_filters_by_country_and_flag(client, coordinator, world):
    italy = PlaceFactory(name="Bologna", country="IT")
    OrganisationFactory(name="Centro di formazione", place=italy, is_programme_partner=True)
    client.force_login(coordinator)
    names = {o.name for o in client.get(url("organisation"), {"country": "IT"}).context["object_list"]}
    assert names == {"Centro di formazione"}
    response = client.get(url("organisation"), {"is_programme_partner": "true", "locale": "sv"})
    assert {o.name for o in response.context["object_list"]} == {"Centro di formazione"}


# --- Saving through the admin -----------------------------------------------------------


def interaction_form(world, **overrides):
    data = {
        "kind": "meeting",
        "date": "2026-04-02",
        "organisation": world["kommun"].pk,
        "contacts": [world["anna"].pk],
        "summary": "Möte om mentorskap.",
        "follow_up_on": "2026-05-01",
        "follow_up_owner": "",
    }
    data.update(overrides)
    return data


def test_an_interaction_saved_in_the_admin_updates_last_contacted_and_who_recorded_it(
    client, coordinator, world
):
    client.force_login(coordinator)
    data = interaction_form(world, follow_up_owner=coordinator.pk)
    response = client.post(url("interaction", "add"), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    created = Interaction.objects.get(summary="Möte om mentorskap.")
    assert created.created_by == coordinator
    assert created.follow_up_owner == coordinator
    assert Contact.objects.get(pk=world["anna"].pk).last_contacted_on == datetime.date(2026, 4, 2)
    assert Contact.objects.get(pk=world["bo"].pk).last_contacted_on is None

    # Editing it to a later date moves the date on; an older interaction does not move it back.
    data["date"] = "2026-04-20"
    assert client.post(url("interaction", "edit", created.pk), data).status_code == 302
    assert Contact.objects.get(pk=world["anna"].pk).last_contacted_on == datetime.date(2026, 4, 20)
    older = interaction_form(world, date="2025-01-01", summary="Gammalt möte.")
    assert client.post(url("interaction", "add"), older).status_code == 302
    assert Contact.objects.get(pk=world["anna"].pk).last_contacted_on == datetime.date(2026, 4, 20)


def test_people_of_another_organisation_are_refused(client, coordinator, world):
    client.force_login(coordinator)
    data = interaction_form(world, contacts=[world["anna"].pk, world["bo"].pk])
    response = client.post(url("interaction", "add"), data)
    assert response.status_code == 200
    assert "Bo Berg" in str(response.context["form"].errors["contacts"])
    assert not Interaction.objects.filter(summary="Möte om mentorskap.").exists()
    assert Contact.objects.get(pk=world["anna"].pk).last_contacted_on is None


def test_a_follow_up_owner_without_a_date_is_refused(client, coordinator, world):
    client.force_login(coordinator)
    data = interaction_form(world, follow_up_on="", follow_up_owner=coordinator.pk)
    response = client.post(url("interaction", "add"), data)
    assert response.status_code == 200
    assert "follow_up_on" in response.context["form"].errors


def test_follow_up_owners_are_coordinators_not_participants(client, coordinator, world):
    participant = UserFactory(full_name="Deltagare Person")
    client.force_login(coordinator)
    form = client.get(url("interaction", "add")).context["form"]
    owners = set(form.fields["follow_up_owner"].queryset)
    assert coordinator in owners and participant not in owners
    assert form.fields["follow_up_owner"].initial == coordinator.pk
    data = interaction_form(world, follow_up_owner=participant.pk)
    assert client.post(url("interaction", "add"), data).status_code == 200


def test_a_contact_linked_to_a_translation_is_linked_to_the_source_organisation(client, coordinator, world):
    kommun = world["kommun"]
    english = kommun.copy_for_translation(Locale.objects.get(language_code="en"))
    english.public_description = "A public description."
    english.save()
    client.force_login(coordinator)
    response = client.post(
        url("contact", "add"),
        {
            "full_name": "Eva Ek",
            "organisation": english.pk,
            "role": "HR",
            "email": "eva@example.org",
            "phone": "",
            "preferred_language": "en",
            "lawful_basis": "legitimate_interest",
            "consent_date": "",
            "last_contacted_on": "",
        },
    )
    assert response.status_code == 302
    assert Contact.objects.get(full_name="Eva Ek").organisation == kommun


def test_consent_without_a_date_is_refused_with_a_message(client, coordinator, world):
    client.force_login(coordinator)
    response = client.post(
        url("contact", "add"),
        {
            "full_name": "Fia Fors",
            "organisation": world["kommun"].pk,
            "preferred_language": "sv",
            "lawful_basis": "consent",
            "consent_date": "",
        },
    )
    assert response.status_code == 200
    assert not Contact.objects.filter(full_name="Fia Fors").exists()


def test_a_second_partnership_for_the_same_place_and_organisation_is_refused(client, coordinator, world):
    client.force_login(coordinator)
    kommun = world["kommun"]
    response = client.post(
        url("partnership", "add"),
        {"place": kommun.place_id, "organisation": kommun.pk, "status": "4", "note": ""},
    )
    assert response.status_code == 200
    assert Partnership.objects.filter(organisation=kommun).count() == 1


# --- Buttons and links to the other network admin views ---------------------------------


def test_the_attendees_button_shows_on_events_for_those_who_manage_registrations(
    site_tree, coordinator, editor
):
    home_sv, _home_en = site_tree
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home_sv))
    buttons = list(attendees_button(event, coordinator, "edit"))
    assert [b.url for b in buttons] == [reverse("network_event_attendees", args=[event.pk])]
    assert list(attendees_button(event, editor, "edit")) == []
    assert list(attendees_button(home_sv, coordinator, "edit")) == []


def test_organisations_keep_their_translations_apart_in_the_listing(client, coordinator, world):
    english = world["kommun"].copy_for_translation(Locale.objects.get(language_code="en"))
    english.save()
    client.force_login(coordinator)
    swedish_only = client.get(url("organisation"), {"locale": "sv"}).context["object_list"]
    assert {o.locale.language_code for o in swedish_only} == {"sv"}
    assert Organisation.objects.filter(translation_key=world["kommun"].translation_key).count() == 2


def test_the_follow_ups_panel_puts_the_users_own_first_and_marks_the_overdue(client, coordinator, world):
    today = timezone.localdate()
    colleague = member(COORDINATORS, full_name="Kollega Kollegasson")
    kommun = world["kommun"]
    for owner, days, summary in ((colleague, -3, "Kollegans"), (coordinator, 2, "Min")):
        Interaction.objects.create(
            kind=Interaction.Kind.MEETING,
            date=today - datetime.timedelta(days=30),
            organisation=kommun,
            summary=summary,
            follow_up_on=today + datetime.timedelta(days=days),
            follow_up_owner=owner,
        )
    profile = UserProfile.get_for_user(coordinator)
    profile.preferred_language = "en"  # the texts checked below are the English ones
    profile.save()
    client.force_login(coordinator)
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    panel = content[content.index('id="network-follow-ups') :]
    assert panel.index("Karin Berg") < panel.index("Kollega Kollegasson")
    assert panel.count("network-follow-up--overdue") == 1
    assert "2 open follow-ups" in panel and "1 overdue" in panel


def test_coordinators_search_organisations_and_contacts(client, coordinator, world):
    client.force_login(coordinator)
    found = client.get(url("contact"), {"q": "anna@umea"}).context["object_list"]
    assert [c.full_name for c in found] == ["Anna Andersson"]
    found = client.get(url("organisation"), {"q": "Företaget"}).context["object_list"]
    assert [o.name for o in found] == ["Företaget AB"]
    found = client.get(url("interaction"), {"q": "praktikplatser"}).context["object_list"]
    assert [i.pk for i in found] == [world["interaction"].pk]
    found = client.get(url("interaction"), {"q": "Umeå kommun"}).context["object_list"]
    assert [i.pk for i in found] == [world["interaction"].pk]
    assert not client.get(url("interaction"), {"q": "Företaget"}).context["object_list"]
