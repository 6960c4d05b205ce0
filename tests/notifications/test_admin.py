"""The Wagtail admin for email and schedules: administrators read the outbox and retry a
failed message, read and delete subscriptions, and change or pause every schedule."""

import datetime
from importlib import import_module

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django_celery_beat.models import CrontabSchedule, IntervalSchedule, PeriodicTask, PeriodicTasks
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from heart_site.core.reference_data import ensure_heartbeat_task
from heart_site.notifications.models import OutboxMessage, Subscription
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

Status = OutboxMessage.Status


def english_admin(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def admin_user():
    return english_admin(UserFactory(is_superuser=True, is_staff=True))


@pytest.fixture
def admin(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def default_schedules():
    """What the data migrations create; a flushed test database has lost it."""
    ensure_heartbeat_task(apps)
    import_module("heart_site.notifications.migrations.0002_default_schedules").create(apps, None)


def message(key, *, status=Status.QUEUED, to="someone@example.org", kind="digest", **fields):
    return OutboxMessage.objects.create(
        dedupe_key=key,
        kind=kind,
        to_email=to,
        from_email="HEART <noreply@heart.example>",
        subject=f"Subject {key}",
        body_text=f"Body of {key}",
        language="sv",
        status=status,
        **fields,
    )


@pytest.fixture
def three_messages():
    return {
        "queued": message("q1", to="queued@example.org"),
        "sent": message("s1", status=Status.SENT, to="sent@example.org", attempts=1, sent_at=timezone.now()),
        "failed": message(
            "f1",
            status=Status.FAILED,
            to="failed@example.org",
            kind="confirmation",
            attempts=6,
            last_error="SMTPRecipientsRefused: mailbox unavailable",
        ),
    }


def rows(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {row.find("a").get_text(strip=True): row for row in soup.select("table.listing tbody tr")}


def retry_url(msg):
    return reverse("outbox:retry", args=[msg.pk])


def texts_of_messages(response):
    return [str(m) for m in response.wsgi_request._messages]


# Outbox --------------------------------------------------------------------------------------


def test_outbox_lists_queued_sent_and_failed_with_reason_and_attempts(admin, three_messages):
    response = admin.get(reverse("outbox:index"))
    assert response.status_code == 200
    listed = rows(response)
    assert set(listed) == {"queued@example.org", "sent@example.org", "failed@example.org"}
    failed = listed["failed@example.org"].get_text(" ", strip=True)
    assert "Failed" in failed
    assert "SMTPRecipientsRefused: mailbox unavailable" in failed
    assert "6" in [cell.get_text(strip=True) for cell in listed["failed@example.org"].find_all("td")]
    assert "Sent" in listed["sent@example.org"].get_text(" ", strip=True)
    assert "Queued" in listed["queued@example.org"].get_text(" ", strip=True)
    # The retry button is offered on the failed row only, as a POST.
    assert retry_url(three_messages["failed"]) in str(listed["failed@example.org"])
    assert 'data-action="w-action#post"' in str(listed["failed@example.org"])
    assert "retry" not in str(listed["sent@example.org"]).lower()


def test_outbox_filters_by_status_and_kind_and_searches(admin, three_messages):
    assert set(rows(admin.get(reverse("outbox:index"), {"status": "failed"}))) == {"failed@example.org"}
    assert set(rows(admin.get(reverse("outbox:index"), {"status": "sent"}))) == {"sent@example.org"}
    assert set(rows(admin.get(reverse("outbox:index"), {"kind": "confirmation"}))) == {"failed@example.org"}
    assert set(rows(admin.get(reverse("outbox:index"), {"q": "s1"}))) == {"sent@example.org"}


def test_outbox_has_no_add_edit_or_copy(admin, three_messages):
    for view in ("add", "edit", "copy"):
        with pytest.raises(NoReverseMatch):
            reverse(f"outbox:{view}", args=[] if view == "add" else [1])
    assert admin.get("/admin/outbox/new/").status_code == 404
    assert admin.get(f"/admin/outbox/edit/{three_messages['failed'].pk}/").status_code == 404
    response = admin.get(reverse("outbox:index"))
    assert b"Add outbox message" not in response.content
    assert b"/admin/outbox/new/" not in response.content


def test_inspect_shows_the_failure_reason_body_and_retry_button(admin, three_messages):
    failed = three_messages["failed"]
    response = admin.get(reverse("outbox:inspect", args=[failed.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "SMTPRecipientsRefused: mailbox unavailable" in content
    assert "Body of f1" in content
    assert retry_url(failed) in content

    sent = admin.get(reverse("outbox:inspect", args=[three_messages["sent"].pk])).content.decode()
    assert "Body of s1" in sent
    assert "/retry/" not in sent


def test_retry_puts_a_failed_message_back_in_the_queue(admin, three_messages):
    failed = three_messages["failed"]
    back_to = reverse("outbox:index") + "?status=failed"
    response = admin.post(retry_url(failed), {"next": back_to})
    assert response.status_code == 302
    assert response["Location"] == back_to
    failed.refresh_from_db()
    assert (failed.status, failed.attempts, failed.last_error) == (Status.QUEUED, 0, "")
    assert any("queued again" in text for text in texts_of_messages(response))


def test_retry_needs_a_post(admin, three_messages):
    failed = three_messages["failed"]
    response = admin.get(retry_url(failed))
    assert response.status_code == 302
    assert response["Location"] == reverse("outbox:inspect", args=[failed.pk])
    assert any("Nothing was retried" in text for text in texts_of_messages(response))
    failed.refresh_from_db()
    assert (failed.status, failed.attempts) == (Status.FAILED, 6)


def test_retrying_a_sent_message_says_why_and_changes_nothing(admin, three_messages):
    sent = three_messages["sent"]
    response = admin.post(retry_url(sent), follow=True)
    assert response.status_code == 200
    assert "Only a failed or unconfirmed message can be retried." in response.content.decode()
    sent.refresh_from_db()
    assert (sent.status, sent.attempts) == (Status.SENT, 1)
    assert admin.post(reverse("outbox:retry", args=[999999])).status_code == 404


def test_retry_is_protected_against_csrf(admin_user, three_messages):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    assert client.post(retry_url(three_messages["failed"])).status_code == 403
    three_messages["failed"].refresh_from_db()
    assert three_messages["failed"].status == Status.FAILED


def staff_with(*codenames):
    user = english_admin(UserFactory(is_staff=True))
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="notifications", codename__in=codenames),
    )
    return user


def test_staff_without_permission_is_denied_and_nothing_changes(client, three_messages):
    client.force_login(staff_with())
    failed = three_messages["failed"]
    for response in (client.get(reverse("outbox:index")), client.post(retry_url(failed))):
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
    failed.refresh_from_db()
    assert (failed.status, failed.attempts) == (Status.FAILED, 6)


def test_a_viewer_sees_the_outbox_but_cannot_retry(client, three_messages):
    client.force_login(staff_with("view_outboxmessage"))
    failed = three_messages["failed"]
    listing = client.get(reverse("outbox:index"))
    assert listing.status_code == 200
    assert "failed@example.org" in rows(listing)
    assert retry_url(failed) not in listing.content.decode()
    assert retry_url(failed) not in client.get(reverse("outbox:inspect", args=[failed.pk])).content.decode()
    response = client.post(retry_url(failed))
    assert response["Location"] == reverse("wagtailadmin_home")
    failed.refresh_from_db()
    assert failed.status == Status.FAILED


def test_outbox_listing_queries_do_not_grow_with_rows(admin, django_assert_max_num_queries):
    statuses = [Status.QUEUED, Status.SENT, Status.FAILED]
    counts = []
    for total in (5, 50):
        for n in range(OutboxMessage.objects.count(), total):
            message(
                f"m{n}",
                to=f"r{n}@example.org",
                status=statuses[n % 3],
                kind=f"k{n % 4}",
                last_error="x" * 200,
            )
        with django_assert_max_num_queries(10) as captured:
            response = admin.get(reverse("outbox:index"))
        assert len(rows(response)) == min(total, 20)
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1]


def test_the_menu_groups_everything_under_email_and_schedules(admin):
    content = admin.get(reverse("wagtailadmin_home")).content.decode()
    assert "Email and schedules" in content
    for name in ("outbox", "digest-subscriptions", "schedules", "schedule-intervals", "schedule-crontabs"):
        assert f"/admin/{name}/" in content


# Subscriptions -------------------------------------------------------------------------------


@pytest.fixture
def subscriptions():
    now = timezone.now()
    return {
        "active": Subscription.objects.create(email="active@example.org", language="sv", confirmed_at=now),
        "pending": Subscription.objects.create(
            email="pending@example.org", language="en", frequency="monthly"
        ),
        "gone": Subscription.objects.create(
            email="gone@example.org", language="sv", confirmed_at=now, unsubscribed_at=now
        ),
    }


def test_subscriptions_are_listed_filtered_inspected_and_deleted(admin, subscriptions):
    listing = rows(admin.get(reverse("digest_subscriptions:index")))
    assert set(listing) == {"active@example.org", "pending@example.org", "gone@example.org"}
    assert "Monthly" in listing["pending@example.org"].get_text(" ", strip=True)
    assert set(rows(admin.get(reverse("digest_subscriptions:index"), {"state": "active"}))) == {
        "active@example.org"
    }
    assert set(rows(admin.get(reverse("digest_subscriptions:index"), {"state": "pending"}))) == {
        "pending@example.org"
    }
    assert set(rows(admin.get(reverse("digest_subscriptions:index"), {"language": "en"}))) == {
        "pending@example.org"
    }

    active = subscriptions["active"]
    inspect = admin.get(reverse("digest_subscriptions:inspect", args=[active.pk])).content.decode()
    assert "active@example.org" in inspect
    assert active.secret not in inspect  # part of every emailed link

    assert admin.get("/admin/digest-subscriptions/new/").status_code == 404
    response = admin.post(reverse("digest_subscriptions:delete", args=[active.pk]))
    assert response.status_code == 302
    assert not Subscription.objects.filter(pk=active.pk).exists()
    # Logged as deleted, without the address that the erasure request was about.
    entry = ModelLogEntry.objects.get(action="wagtail.delete", object_id=str(active.pk))
    assert "active@example.org" not in entry.label


# Schedules -----------------------------------------------------------------------------------


def edit_data(task, /, **changes):
    data = {
        "enabled": "on" if task.enabled else "",
        "interval": task.interval_id or "",
        "crontab": task.crontab_id or "",
        "description": task.description,
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value != ""}


def beat_mark_long_ago():
    """Set beat's change mark in the past, so that a change is plain to see."""
    mark = timezone.now() - datetime.timedelta(hours=1)
    PeriodicTasks.objects.update_or_create(ident=1, defaults={"last_update": mark})
    return mark


def test_the_schedules_listing_shows_the_default_tasks(admin, default_schedules):
    response = admin.get(reverse("schedules:index"))
    assert response.status_code == 200
    listing = rows(response)
    assert {"Scheduler heartbeat", "Send queued email", "Send digests"} <= set(listing)
    digests = listing["Send digests"].get_text(" ", strip=True)
    assert "heart_site.notifications.send_digests" in digests
    assert "07:00" in digests and "Europe/Stockholm" in digests
    assert "every minute" in listing["Send queued email"].get_text(" ", strip=True)
    assert admin.get("/admin/schedules/new/").status_code == 404


def test_changing_the_digest_timing_saves_and_tells_beat(admin, default_schedules):
    task = PeriodicTask.objects.get(name="Send digests")
    mondays = CrontabSchedule.objects.create(
        minute="0", hour="7", day_of_week="1", timezone="Europe/Stockholm"
    )
    long_ago = beat_mark_long_ago()
    edit_url = reverse("schedules:edit", args=[task.pk])
    assert admin.get(edit_url).status_code == 200

    response = admin.post(edit_url, edit_data(task, crontab=mondays.pk, name="Renamed", task="evil.task"))
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.crontab == mondays
    assert (task.name, task.task) == ("Send digests", "heart_site.notifications.send_digests")  # read-only
    assert PeriodicTasks.last_change() > long_ago
    assert any("Send digests" in text and "saved" in text for text in texts_of_messages(response))
    assert admin.get(reverse("schedules:history", args=[task.pk])).status_code == 200


def test_pausing_a_schedule_saves_and_tells_beat(admin, default_schedules):
    task = PeriodicTask.objects.get(name="Send digests")
    long_ago = beat_mark_long_ago()
    response = admin.post(reverse("schedules:edit", args=[task.pk]), edit_data(task, enabled=""))
    assert response.status_code == 302
    task.refresh_from_db()
    assert not task.enabled
    assert PeriodicTasks.last_change() > long_ago
    assert "Paused" in rows(admin.get(reverse("schedules:index")))["Send digests"].get_text(" ", strip=True)


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ("both", "Choose either an interval or a crontab, not both."),
        ("neither", "Choose an interval or a crontab."),
    ],
)
def test_a_schedule_needs_exactly_one_timing(admin, default_schedules, change, error):
    task = PeriodicTask.objects.get(name="Send digests")
    long_ago = beat_mark_long_ago()
    every_minute = IntervalSchedule.objects.get(every=1, period="minutes")
    changes = {"interval": every_minute.pk} if change == "both" else {"crontab": ""}
    response = admin.post(reverse("schedules:edit", args=[task.pk]), edit_data(task, **changes))
    assert response.status_code == 200
    assert error in response.content.decode()
    unchanged = PeriodicTask.objects.get(pk=task.pk)
    assert (unchanged.interval_id, unchanged.crontab_id) == (task.interval_id, task.crontab_id)
    assert PeriodicTasks.last_change() == long_ago


def test_administrators_create_new_timings(admin, default_schedules):
    # Seven minutes: no reference schedule of any plugin uses it (mapping's runs every five).
    assert not IntervalSchedule.objects.filter(every=7, period="minutes").exists()
    response = admin.post(reverse("schedule_intervals:add"), {"every": "7", "period": "minutes"})
    assert response.status_code == 302
    assert IntervalSchedule.objects.filter(every=7, period="minutes").exists()
    again = admin.post(reverse("schedule_intervals:add"), {"every": "7", "period": "minutes"})
    assert "This interval already exists." in again.content.decode()
    assert IntervalSchedule.objects.filter(every=7, period="minutes").count() == 1

    data = {
        "minute": "0",
        "hour": "7",
        "day_of_week": "1",
        "day_of_month": "*",
        "month_of_year": "*",
        "timezone": "Europe/Stockholm",
    }
    assert admin.post(reverse("schedule_crontabs:add"), data).status_code == 302
    mondays = CrontabSchedule.objects.get(day_of_week="1", hour="7")
    assert str(mondays.timezone) == "Europe/Stockholm"
    bad = admin.post(reverse("schedule_crontabs:add"), {**data, "hour": "25"})
    assert bad.status_code == 200
    assert CrontabSchedule.objects.filter(hour="25").count() == 0

    listing = admin.get(reverse("schedule_crontabs:index")).content.decode()
    assert "Monday" in listing


def test_a_timing_in_use_cannot_be_deleted(admin, default_schedules):
    every_minute = IntervalSchedule.objects.get(every=1, period="minutes")
    response = admin.post(reverse("schedule_intervals:delete", args=[every_minute.pk]), follow=True)
    assert "Send queued email" in response.content.decode()
    assert IntervalSchedule.objects.filter(pk=every_minute.pk).exists()
    assert PeriodicTask.objects.filter(name="Send queued email").exists()

    unused = IntervalSchedule.objects.create(every=17, period="minutes")
    assert admin.post(reverse("schedule_intervals:delete", args=[unused.pk])).status_code == 302
    assert not IntervalSchedule.objects.filter(pk=unused.pk).exists()


def test_schedules_are_denied_to_staff_without_permission(client, default_schedules):
    client.force_login(staff_with())
    task = PeriodicTask.objects.get(name="Send digests")
    response = client.post(reverse("schedules:edit", args=[task.pk]), edit_data(task, enabled=""))
    assert response["Location"] == reverse("wagtailadmin_home")
    task.refresh_from_db()
    assert task.enabled


def test_groups_can_be_given_the_notifications_permissions(admin):
    # The viewsets register their permissions, so the group editor offers them.
    group = Group.objects.create(name="Mail desk")
    response = admin.get(reverse("wagtailusers_groups:edit", args=[group.pk]))
    assert response.status_code == 200
    assert "outbox message" in response.content.decode().lower()
