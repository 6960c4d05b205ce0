"""A periodic task that proves beat and a worker run: /healthz reports its last run.
Administrators can change or pause it in the admin like any other schedule."""

from django.db import migrations

from heart_site.core.reference_data import ensure_heartbeat_task, remove_heartbeat_task


def create(apps, schema_editor):
    ensure_heartbeat_task(apps)


def remove(apps, schema_editor):
    remove_heartbeat_task(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_staff_groups"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create, remove)]
