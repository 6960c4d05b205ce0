"""The network coordinators' group and the two hourly reminder schedules (events, follow-ups)
administrators see under Email and schedules."""

from django.db import migrations

from network import reference_data


def create(apps, schema_editor):
    reference_data.ensure(apps)


def remove(apps, schema_editor):
    reference_data.remove_schedules(apps)
    apps.get_model("auth", "Group").objects.filter(name=reference_data.COORDINATORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0001_initial"),
        ("core", "0003_staff_groups"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create, remove)]
