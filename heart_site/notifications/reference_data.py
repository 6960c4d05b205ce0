"""The default schedules of the notifications app, created by a data migration and re-created
by tests whose database was flushed. Idempotent; takes an app registry."""

SEND_OUTBOX = "heart_site.notifications.send_outbox"
SEND_DIGESTS = "heart_site.notifications.send_digests"


def ensure_default_schedules(apps):
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


def remove_default_schedules(apps):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(
        task__in=[SEND_OUTBOX, SEND_DIGESTS]
    ).delete()
