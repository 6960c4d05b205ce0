"""The schedules administrators see and edit in the admin: the outbox sender every minute and
the digest run every morning. Plugins add their reminder scans the same way."""

from django.db import migrations

from heart_site.notifications.reference_data import ensure_default_schedules, remove_default_schedules


def create(apps, schema_editor):
    ensure_default_schedules(apps)


def remove(apps, schema_editor):
    remove_default_schedules(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create, remove)]
