"""Follow-ups: one reminder to the owner on the day (or the first run after it), in the owner's
language, through the outbox, once only; a new date asks for a new reminder. And the "last
contacted" date that saving an interaction moves forward."""

import datetime

import pytest
from django.contrib.auth.models import Group

from heart_site.notifications.models import OutboxMessage
from network import tasks
from network.models import Contact, Interaction
from network.reference_data import COORDINATORS
from network.selectors.network import open_follow_ups
from network.services.follow_ups import follow_up_reminders_queue, interaction_recorded
from tests.factories.network import ContactFactory, OrganisationFactory
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
DUE = datetime.date(2031, 5, 14)


@pytest.fixture
def coordinator(reference_data):
    user = UserFactory(full_name="Karin Berg", preferred_language="sv")
    user.groups.add(Group.objects.get(name=COORDINATORS))
    return user


@pytest.fixture
def organisation(reference_data):
    return OrganisationFactory(name="Region Västerbotten")


def interaction(organisation, *, owner=None, follow_up_on=DUE, done=False, **fields):
    return Interaction.objects.create(
        kind=fields.pop("kind", Interaction.Kind.MEETING),
        date=fields.pop("date", DUE - 30 * DAY),
        organisation=organisation,
        summary=fields.pop("summary", "Vill ha en workshop om tillgänglighet. Ring Anna om budgeten."),
        follow_up_on=follow_up_on,
        follow_up_owner=owner,
        follow_up_done=done,
        **fields,
    )


def reminders():
    return OutboxMessage.objects.filter(kind="network_follow_up_reminder")


def test_one_reminder_on_the_day_and_never_again(coordinator, organisation):
    item = interaction(organisation, owner=coordinator)
    assert follow_up_reminders_queue(today=DUE - DAY) == 0
    assert not reminders().exists()

    assert follow_up_reminders_queue(today=DUE) == 1
    message = reminders().get()
    assert message.to_email == coordinator.email
    assert message.dedupe_key == f"network:follow-up:{item.pk}:2031-05-14"
    assert "Region Västerbotten" in message.subject
    assert f"/admin/snippets/network/interaction/edit/{item.pk}/" in message.body_text
    # The notes stay in the admin: the email says where to look, not what was said.
    assert "budgeten" not in message.body_text and "budgeten" not in message.body_html

    for day in (DUE, DUE + DAY, DUE + 10 * DAY):
        assert follow_up_reminders_queue(today=day) == 0
    assert reminders().count() == 1


def test_plain_text_parts_are_not_html_escaped(coordinator, reference_data):
    interaction(OrganisationFactory(name='Svensson & Söner "AB"'), owner=coordinator)
    follow_up_reminders_queue(today=DUE)
    message = reminders().get()
    assert 'Svensson & Söner "AB"' in message.subject
    assert 'Svensson & Söner "AB"' in message.body_text
    assert "Svensson &amp; Söner" in message.body_html


def test_a_missed_day_is_caught_up_and_says_it_is_overdue(coordinator, organisation):
    interaction(organisation, owner=coordinator)
    assert follow_up_reminders_queue(today=DUE + 3 * DAY) == 1
    assert "14 maj 2031" in reminders().get().body_text


def test_a_new_follow_up_date_gives_a_new_reminder(coordinator, organisation):
    item = interaction(organisation, owner=coordinator)
    assert follow_up_reminders_queue(today=DUE) == 1
    item.follow_up_on = DUE + 7 * DAY
    item.save()
    assert follow_up_reminders_queue(today=DUE + 6 * DAY) == 0
    assert follow_up_reminders_queue(today=DUE + 7 * DAY) == 1
    assert follow_up_reminders_queue(today=DUE + 8 * DAY) == 0
    assert reminders().count() == 2


def test_the_reminder_is_in_the_owners_language(organisation):
    english = UserFactory(preferred_language="en")
    swedish = UserFactory(preferred_language="sv")
    interaction(organisation, owner=english)
    interaction(organisation, owner=swedish)
    assert follow_up_reminders_queue(today=DUE) == 2
    by_address = {m.to_email: m for m in reminders()}
    assert by_address[english.email].language == "en"
    assert "14 April 2031" in by_address[english.email].body_text  # the meeting, 30 days before
    assert by_address[swedish.email].language == "sv"
    assert "14 april 2031" in by_address[swedish.email].body_text


def test_nothing_for_done_ownerless_unreachable_or_future_follow_ups(coordinator, organisation):
    interaction(organisation, owner=coordinator, done=True)
    interaction(organisation, owner=None)
    interaction(organisation, owner=UserFactory(email=""))
    interaction(organisation, owner=UserFactory(is_active=False))
    interaction(organisation, owner=coordinator, follow_up_on=DUE + DAY)
    interaction(organisation, owner=coordinator, follow_up_on=None)
    assert follow_up_reminders_queue(today=DUE) == 0
    assert not reminders().exists()


def test_the_beat_task_queues_through_the_service(coordinator, organisation):
    interaction(organisation, owner=coordinator, follow_up_on=datetime.date.today())
    assert tasks.follow_up_reminders.apply().get() == 1
    assert tasks.follow_up_reminders.apply().get() == 0


def test_saving_an_interaction_moves_last_contacted_forward_never_back(coordinator, organisation):
    anna = ContactFactory(organisation=organisation, last_contacted_on=datetime.date(2030, 1, 1))
    bo = ContactFactory(organisation=organisation, last_contacted_on=None)
    cecilia = ContactFactory(organisation=organisation, last_contacted_on=datetime.date(2031, 1, 1))
    other = ContactFactory(organisation=organisation, last_contacted_on=None)
    item = interaction(organisation, owner=None, follow_up_on=None, date=datetime.date(2030, 6, 1))
    item.contacts.set([anna, bo, cecilia])
    item.save()
    assert interaction_recorded(interaction=item, user=coordinator, created=True) == 2
    dates = dict(Contact.objects.values_list("pk", "last_contacted_on"))
    assert dates[anna.pk] == datetime.date(2030, 6, 1)
    assert dates[bo.pk] == datetime.date(2030, 6, 1)
    assert dates[cecilia.pk] == datetime.date(2031, 1, 1)  # a later meeting is not undone
    assert dates[other.pk] is None
    item.refresh_from_db()
    assert item.created_by == coordinator


def test_open_follow_ups_list_the_users_own_first_and_mark_overdue(coordinator, organisation):
    colleague = UserFactory()
    theirs_early = interaction(organisation, owner=colleague, follow_up_on=DUE - 5 * DAY)
    mine_late = interaction(organisation, owner=coordinator, follow_up_on=DUE + 5 * DAY)
    mine_today = interaction(organisation, owner=coordinator, follow_up_on=DUE)
    nobodys = interaction(organisation, owner=None, follow_up_on=DUE - DAY)
    interaction(organisation, owner=coordinator, follow_up_on=DUE - 9 * DAY, done=True)

    follow_ups = open_follow_ups(user=coordinator, today=DUE)
    assert [f.interaction for f in follow_ups.mine] == [mine_today, mine_late]
    assert [f.interaction for f in follow_ups.others] == [theirs_early, nobodys]
    assert (follow_ups.total, follow_ups.overdue) == (4, 2)
    assert [f.overdue for f in follow_ups.others] == [True, True]
    assert (follow_ups.mine[0].due_today, follow_ups.mine[0].overdue) == (True, False)

    limited = open_follow_ups(user=coordinator, today=DUE, limit=3)
    assert (limited.shown, limited.total) == (3, 4)
