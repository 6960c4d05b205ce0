"""Rows the mapping plugin needs, created by its data migration and re-created by tests whose
database was flushed. Idempotent; each function takes an app registry."""

from heart_site.core.reference_data import ensure_group

CAMPAIGN_TASK = "mapping.advance_campaigns"
CAMPAIGN_ADMINISTRATORS = "Campaign administrators"
# Not "view_identified_responses": raw identified answers need a separate, deliberate grant.
CAMPAIGN_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("mapping", "manage_campaigns"),
    ("mapping", "view_campaign_reports"),
]


def ensure_campaign_groups(apps):
    """Campaign administrators: the admin, campaigns and their (suppressed) reports."""
    ensure_group(apps, CAMPAIGN_ADMINISTRATORS, CAMPAIGN_PERMISSIONS)


def ensure_schedules(apps):
    """Every five minutes: open, close, invite and remind whatever is due."""
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    every_five, _ = IntervalSchedule.objects.get_or_create(every=5, period="minutes")
    PeriodicTask.objects.get_or_create(
        name="Mapping campaigns",
        defaults={
            "task": CAMPAIGN_TASK,
            "interval": every_five,
            "description": "Opens and closes campaigns on time, sends invitations and reminders (each once).",
        },
    )


def remove_schedules(apps):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(task=CAMPAIGN_TASK).delete()


SWOT_FACILITATORS = "SWOT facilitators"
# Boards are created and edited in the admin; items, votes and members only through the site's
# rules (mapping.services.swot), so no model permission on them is granted.
SWOT_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("mapping", "facilitate_swot"),
    ("mapping", "add_swotboard"),
    ("mapping", "change_swotboard"),
    ("mapping", "view_swotboard"),
]


def ensure_swot_groups(apps):
    """SWOT facilitators: create boards in the admin, invite, close, hide and merge."""
    ensure_group(apps, SWOT_FACILITATORS, SWOT_PERMISSIONS)


def ensure(apps):
    ensure_schedules(apps)
    ensure_campaign_groups(apps)
    ensure_swot_groups(apps)
