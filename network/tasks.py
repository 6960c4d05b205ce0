from celery import shared_task


@shared_task(name="network.event_reminders")
def event_reminders():
    """Queue the day-before reminders of events starting soon; safe to run twice."""
    from .services.events import event_reminders_queue

    return event_reminders_queue()


@shared_task(name="network.follow_up_reminders")
def follow_up_reminders():
    """Remind coordinators of follow-ups due today or overdue; safe to run twice."""
    from .services.follow_ups import follow_up_reminders_queue

    return follow_up_reminders_queue()
