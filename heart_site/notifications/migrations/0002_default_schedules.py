"""The schedules administrators see and edit in the admin: the outbox sender every minute and
the digest run every morning. Plugins add their reminder scans the same way."""

from django.db import migrations

SEND_OUTBOX = "heart_site.notifications.send_outbox"
SEND_DIGESTS = "heart_site.notifications.send_digests"


def create(apps, schema_editor):
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    every_minute, _ = IntervalSchedule.objects.get_or_create(every=1, period="minutes")
    mornings, _ = CrontabSchedule.objects.get_or_create(
        minute="0",
        hour="7",
        day_of_week="*",
        day_of_month="*",
        month_of_year="*",
        timezone="Europe/Stockholm",
    )
    PeriodicTask.objects.get_or_create(
        name="Send queued email",
        defaults={
            "task": SEND_OUTBOX,
            "interval": every_minute,
            "description": "Delivers the outbox. Keep it frequent: every email waits for it.",
        },
    )
    PeriodicTask.objects.get_or_create(
        name="Send digests",
        defaults={
            "task": SEND_DIGESTS,
            "crontab": mornings,
            "description": "Queues the weekly and monthly digests that are due, then sends them.",
        },
    )


def remove(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(
        task__in=[SEND_OUTBOX, SEND_DIGESTS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create, remove)]
