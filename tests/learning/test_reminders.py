"""Due-date reminders: once, on the day set, in the participant's language, through the outbox;
and the schedule and staff group the plugin's migrations leave behind."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone, translation
from django_celery_beat.models import PeriodicTask

from heart_site.notifications.models import OutboxMessage
from learning import tasks
from learning.models import Assignment, Enrollment
from learning.reference_data import COORDINATORS, DUE_REMINDERS_TASK
from learning.services import assignment_apply, due_reminders_queue, enrollment_create, lesson_complete
from tests.factories.learning import CourseIndexPageFactory, build_module
from tests.factories.pages import translate
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

DUE = datetime.date(2031, 6, 20)
DAY = datetime.timedelta(days=1)


def needs_swedish(*texts):
    """locale/sv is filled in after the code lands: until it has these strings the check is
    expected to fail, and it starts counting by itself once they are there."""
    with translation.override("sv"):
        missing = [text for text in texts if translation.gettext(text) == text]
    return pytest.mark.xfail(bool(missing), reason=f"not yet in the sv catalogue: {missing}", strict=True)


@pytest.fixture
def module(site_tree):
    home_sv, _home_en = site_tree
    catalogue = CourseIndexPageFactory(parent=home_sv)
    translate(catalogue, "en", title="Courses", slug="courses")
    module = build_module(catalogue, lessons=1, title="Tillgänglighet på arbetsplatsen", quiz=[])
    translate(module, "en", title="Accessibility at the workplace", slug="accessibility")
    return module


@pytest.fixture
def group(db):
    return Group.objects.create(name="Handläggare i Umeå")


def member(group, **fields):
    user = UserFactory(**fields)
    user.groups.add(group)
    return user


def assign(module, group, *, due=DUE, days_before=3):
    assignment = Assignment.objects.create(
        module=module, group=group, due_date=due, reminder_days_before=days_before
    )
    assignment_apply(assignment=assignment)
    return assignment


def reminders():
    return OutboxMessage.objects.filter(kind="learning_due_reminder")


def test_one_reminder_on_the_day_set_and_never_again(module, group):
    user = member(group, preferred_language="sv")
    assign(module, group, days_before=3)
    enrollment = Enrollment.objects.get(user=user)
    assert (enrollment.due_date, enrollment.remind_on) == (DUE, DUE - 3 * DAY)

    assert due_reminders_queue(today=DUE - 5 * DAY) == 0
    assert due_reminders_queue(today=DUE - 4 * DAY) == 0
    assert not reminders().exists()

    assert due_reminders_queue(today=DUE - 3 * DAY) == 1
    message = reminders().get()
    assert message.to_email == user.email
    assert message.status == OutboxMessage.Status.QUEUED

    for day in (DUE - 3 * DAY, DUE - 2 * DAY, DUE):
        assert due_reminders_queue(today=day) == 0
    assert reminders().count() == 1


def test_a_missed_reminder_day_is_caught_up_before_the_due_date(module, group):
    member(group)
    assign(module, group, days_before=3)
    assert due_reminders_queue(today=DUE - DAY) == 1  # the beat was down on the day itself


def test_zero_days_before_reminds_on_the_due_date(module, group):
    member(group)
    assign(module, group, days_before=0)
    assert due_reminders_queue(today=DUE - DAY) == 0
    assert due_reminders_queue(today=DUE) == 1


def test_the_reminder_is_in_the_participants_language(module, group):
    swedish = member(group, preferred_language="sv", full_name="Sara Svensson")
    english = member(group, preferred_language="en", full_name="Emma English")
    assign(module, group)
    assert due_reminders_queue(today=DUE - 3 * DAY) == 2

    sv = reminders().get(to_email=swedish.email)
    en = reminders().get(to_email=english.email)
    assert (sv.language, en.language) == ("sv", "en")
    assert en.subject == "Reminder: “Accessibility at the workplace” is due soon"
    assert "Emma English" in en.body_text and "/en/" in en.body_text
    assert "Tillgänglighet på arbetsplatsen" in sv.subject
    assert "Sara Svensson" in sv.body_text and "/sv/" in sv.body_text
    assert "Accessibility" not in sv.subject + sv.body_text


@needs_swedish("Reminder: “%(title)s” is due soon", "Continue where you left off:")
def test_the_reminder_wording_comes_from_the_swedish_catalogue(module, group):
    member(group, preferred_language="sv")
    assign(module, group)
    due_reminders_queue(today=DUE - 3 * DAY)
    message = reminders().get()
    assert not message.subject.startswith("Reminder")
    assert "is due on" not in message.body_text
    assert "Continue where you left off" not in message.body_text


def test_an_untranslated_module_is_named_in_the_original(site_tree, group):
    home_sv, _home_en = site_tree
    module = build_module(CourseIndexPageFactory(parent=home_sv), lessons=1, title="Inkluderande rekrytering")
    member(group, preferred_language="en")
    assign(module, group)
    due_reminders_queue(today=DUE - 3 * DAY)
    message = reminders().get()
    assert message.language == "en"
    assert "Inkluderande rekrytering" in message.subject


def test_completed_enrolments_get_no_reminder(module, group):
    done_before = member(group)
    done_after = member(group)
    lesson = module.get_children().live().first().specific
    lesson_complete(user=done_before, lesson=lesson)  # completed before it was assigned
    assign(module, group)
    lesson_complete(user=done_after, lesson=lesson)  # completed after, before the reminder day
    assert Enrollment.objects.filter(completed_at__isnull=False).count() == 2
    assert due_reminders_queue(today=DUE - 3 * DAY) == 0
    assert not reminders().exists()


def test_a_past_due_date_gets_no_reminder(module, group):
    member(group)
    assign(module, group, due=DUE)
    assert due_reminders_queue(today=DUE + DAY) == 0
    assert not reminders().exists()


def test_inactive_participants_get_no_reminder(module, group):
    user = member(group)
    assign(module, group)
    user.is_active = False
    user.save()
    assert due_reminders_queue(today=DUE - 3 * DAY) == 0


def test_a_new_due_date_brings_a_new_reminder(module, group):
    user = member(group)
    assign(module, group, due=DUE)
    assert due_reminders_queue(today=DUE - 3 * DAY) == 1
    later = Assignment.objects.create(
        module=module, group=group, due_date=DUE + 30 * DAY, reminder_days_before=3
    )
    enrollment_create(user=user, module=module, assignment=later)
    assert due_reminders_queue(today=DUE) == 0
    assert due_reminders_queue(today=DUE + 27 * DAY) == 1
    assert reminders().count() == 2
    assert len(set(reminders().values_list("dedupe_key", flat=True))) == 2


def test_editing_the_assignments_due_date_moves_the_enrolments(module, group):
    user = member(group)
    assignment = assign(module, group, due=DUE)
    assignment.due_date = DUE + 10 * DAY
    assignment.save()
    assignment_apply(assignment=assignment)  # what saving it in the admin does
    enrollment = Enrollment.objects.get(user=user)
    assert (enrollment.due_date, enrollment.remind_on) == (DUE + 10 * DAY, DUE + 7 * DAY)
    assert due_reminders_queue(today=DUE - 3 * DAY) == 0
    assert due_reminders_queue(today=DUE + 7 * DAY) == 1


# --- The hourly task -------------------------------------------------------------------------


def test_the_task_enrols_people_who_joined_later_and_reminds_each_once(module, group):
    today = timezone.localdate()
    first = member(group)
    assign(module, group, due=today + 2 * DAY, days_before=3)  # the reminder day has come

    assert tasks.due_reminders() == 1
    assert tasks.due_reminders() == 0

    newcomer = member(group, preferred_language="en")
    assert not Enrollment.objects.filter(user=newcomer).exists()
    assert tasks.due_reminders() == 1
    enrollment = Enrollment.objects.get(user=newcomer)
    assert enrollment.due_date == today + 2 * DAY
    assert enrollment.assignment is not None

    assert tasks.due_reminders() == 0
    assert sorted(reminders().values_list("to_email", flat=True)) == sorted([first.email, newcomer.email])


def test_the_task_leaves_assignments_whose_due_date_has_passed(module, group):
    today = timezone.localdate()
    assign(module, group, due=today - DAY)
    late = member(group)
    assert tasks.due_reminders() == 0
    assert not Enrollment.objects.filter(user=late).exists()
    assert not reminders().exists()


def test_the_task_enrols_an_organisation_case_insensitively(module):
    today = timezone.localdate()
    colleague = UserFactory(organisation_name="Umeå kommun")
    UserFactory(organisation_name="Umeå kommunförbund")
    Assignment.objects.create(module=module, organisation_name="umeå KOMMUN", due_date=today + DAY)
    assert tasks.due_reminders() == 1
    assert list(Enrollment.objects.values_list("user", flat=True)) == [colleague.pk]


# --- What the migrations leave ---------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_migrations_create_the_schedule_and_the_coordinators_group():
    # Rolled back and forward for real: the test database was set up with these rows already.
    call_command("migrate", "learning", "0001", verbosity=0)
    assert not PeriodicTask.objects.filter(task=DUE_REMINDERS_TASK).exists()
    assert not Group.objects.filter(name=COORDINATORS).exists()
    call_command("migrate", "learning", verbosity=0)

    task = PeriodicTask.objects.get(task=DUE_REMINDERS_TASK)
    assert task.enabled
    assert task.interval is not None or task.crontab is not None
    assert tasks.due_reminders.name == DUE_REMINDERS_TASK  # the schedule names a real task
    assert Group.objects.get(name=COORDINATORS).permissions.filter(codename="view_learning_reports").exists()


def test_learning_coordinators_may_view_reports(reference_data):
    group = Group.objects.get(name=COORDINATORS)
    codenames = set(group.permissions.values_list("content_type__app_label", "codename"))
    assert ("learning", "view_learning_reports") in codenames
    assert ("wagtailadmin", "access_admin") in codenames
    coordinator = UserFactory()
    coordinator.groups.add(group)
    assert coordinator.has_perm("learning.view_learning_reports")
    assert not UserFactory().has_perm("learning.view_learning_reports")
