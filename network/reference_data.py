"""Rows the network plugin needs, created by its data migration and re-created by tests whose
database was flushed. Idempotent; each function takes an app registry."""

from heart_site.core.reference_data import ensure_group

FOLLOW_UP_TASK = "network.follow_up_reminders"
EVENT_REMINDER_TASK = "network.event_reminders"
COORDINATORS = "Network coordinators"
COORDINATOR_MODELS = ["organisation", "place", "contact", "interaction", "partnership"]


def ensure_schedules(apps):
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    hourly, _ = IntervalSchedule.objects.get_or_create(every=1, period="hours")
    PeriodicTask.objects.get_or_create(
        name="Event reminders",
        defaults={
            "task": EVENT_REMINDER_TASK,
            "interval": hourly,
            "description": "Queues the reminder the day before an event to everyone registered (each once).",
        },
    )
    PeriodicTask.objects.get_or_create(
        name="Network follow-up reminders",
        defaults={
            "task": FOLLOW_UP_TASK,
            "interval": hourly,
            "description": "Reminds coordinators of interactions whose follow-up date has come (each once).",
        },
    )


def remove_schedules(apps):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(
        task__in=[FOLLOW_UP_TASK, EVENT_REMINDER_TASK]
    ).delete()


def ensure_coordinator_group(apps):
    wanted = [("wagtailadmin", "access_admin"), ("network", "manage_registrations")]
    wanted += [
        ("network", f"{action}_{model}")
        for model in COORDINATOR_MODELS
        for action in ("add", "change", "delete", "view")
    ]
    wanted += [("network", "change_networksettings")]
    ensure_group(apps, COORDINATORS, wanted)


def ensure_moderation_workflow(apps):
    """Submitted good practices wait in a moderation workflow. Wagtail's migrations give the
    root page a "Moderators approval" workflow; a database flushed by tests has lost it."""
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Page = apps.get_model("wagtailcore", "Page")
    root = Page.objects.filter(depth=1).first()
    if root is None or WorkflowPage.objects.filter(page=root).exists():
        return
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    Group = apps.get_model("auth", "Group")
    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task, _ = GroupApprovalTask.objects.get_or_create(
        name="Moderators approval", defaults={"content_type": task_type, "active": True}
    )
    task.groups.add(*Group.objects.filter(name="Moderators"))
    workflow, _ = Workflow.objects.get_or_create(name="Moderators approval", defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.create(page=root, workflow=workflow)


def ensure(apps):
    ensure_schedules(apps)
    ensure_coordinator_group(apps)
    ensure_moderation_workflow(apps)
