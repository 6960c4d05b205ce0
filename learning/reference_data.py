"""Rows the plugin needs, created by its data migrations and re-created by tests whose
database was flushed. Idempotent; each function takes an app registry."""

import uuid

from heart_site.core.reference_data import ensure_group

AUDIENCES = [
    # slug, Swedish, English
    ("municipality-staff", "Kommunanställda", "Municipality staff"),
    ("employers", "Arbetsgivare och chefer", "Employers and managers"),
    ("employment-service", "Arbetsförmedlingens personal", "Employment-service staff"),
    ("hr", "HR och rekrytering", "HR and recruitment"),
    ("civil-society", "Civilsamhälle och föreningar", "Civil society and associations"),
]

DUE_REMINDERS_TASK = "learning.due_reminders"
COORDINATORS = "Learning coordinators"
COORDINATOR_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("learning", "enrollment", "view_learning_reports"),
    ("learning", "assignment", "add_assignment"),
    ("learning", "assignment", "change_assignment"),
    ("learning", "assignment", "delete_assignment"),
    ("learning", "assignment", "view_assignment"),
]


def ensure_audiences(apps):
    Locale = apps.get_model("wagtailcore", "Locale")
    Audience = apps.get_model("learning", "Audience")
    sv, _ = Locale.objects.get_or_create(language_code="sv")
    en, _ = Locale.objects.get_or_create(language_code="en")
    for order, (slug, name_sv, name_en) in enumerate(AUDIENCES):
        source = Audience.objects.filter(locale=sv, slug=slug).first()
        if source is None:
            source = Audience.objects.create(
                locale=sv, slug=slug, name=name_sv, sort_order=order, translation_key=uuid.uuid4()
            )
        Audience.objects.get_or_create(
            locale=en,
            translation_key=source.translation_key,
            defaults={"slug": slug, "name": name_en, "sort_order": order},
        )


def ensure_schedules(apps):
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    hourly, _ = IntervalSchedule.objects.get_or_create(every=1, period="hours")
    PeriodicTask.objects.get_or_create(
        name="Training due-date reminders",
        defaults={
            "task": DUE_REMINDERS_TASK,
            "interval": hourly,
            "description": "Enrols new members of assigned groups and organisations, then queues "
            "the reminders before due dates (each once).",
        },
    )


def remove_schedules(apps):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(task=DUE_REMINDERS_TASK).delete()


def ensure_coordinator_group(apps):
    ensure_group(
        apps, COORDINATORS, [(app_label, codename) for app_label, _model, codename in COORDINATOR_PERMISSIONS]
    )
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name="Editors").first()
    if editors is not None:
        for codename in ("view_audience", "add_audience", "change_audience"):
            permission = Permission.objects.filter(
                content_type__app_label="learning", codename=codename
            ).first()
            if permission is not None:
                editors.permissions.add(permission)


def ensure(apps):
    ensure_audiences(apps)
    ensure_schedules(apps)
    ensure_coordinator_group(apps)
