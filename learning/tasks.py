from celery import shared_task

from . import services


@shared_task(name="learning.due_reminders")
def due_reminders():
    """Enrol people who joined an assigned group or organisation since, then queue the due-date
    reminders whose day has come. Both steps are safe to run twice."""
    services.assignments_apply_open()
    return services.due_reminders_queue()
