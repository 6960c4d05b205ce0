"""The campaign administrators' and SWOT facilitators' groups, and the five-minute schedule
that opens and closes campaigns and sends their invitations and reminders."""

from django.db import migrations

from mapping import reference_data


def create(apps, schema_editor):
    reference_data.ensure(apps)


def remove(apps, schema_editor):
    reference_data.remove_schedules(apps)
    apps.get_model("auth", "Group").objects.filter(
        name__in=[reference_data.CAMPAIGN_ADMINISTRATORS, reference_data.SWOT_FACILITATORS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("mapping", "0001_initial"),
        ("core", "0003_staff_groups"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create, remove)]
