"""The audiences modules are tagged with (Swedish and English), the hourly due-date reminder
schedule administrators see in the admin, and the Learning coordinators group."""

from django.db import migrations

from learning import reference_data


def create(apps, schema_editor):
    reference_data.ensure(apps)


def remove(apps, schema_editor):
    reference_data.remove_schedules(apps)
    apps.get_model("auth", "Group").objects.filter(name=reference_data.COORDINATORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("learning", "0001_initial"),
        ("core", "0003_staff_groups"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create, remove)]
