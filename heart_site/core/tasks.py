"""Background work of the core app, and the one safe way to enqueue a task from a request."""

import logging

from celery import shared_task
from django.db import transaction

logger = logging.getLogger(__name__)


def enqueue(task, *args, **kwargs):
    """Send ``task`` once the current transaction commits, never failing the caller.

    A broker outage must not turn a page into a 500: the failure is logged (and so reaches
    error reporting) and the caller carries on. Work that must not be lost is written to the
    database first (the notifications outbox), so a scheduled scan picks it up later.
    """

    def _send():
        try:
            task.apply_async(args=args, kwargs=kwargs, retry=False)
        except Exception:  # the broker client raises many types; none may reach the page
            logger.exception("Could not enqueue %s; it will be picked up by the next scan", task.name)

    transaction.on_commit(_send)


@shared_task(name="heart_site.core.record_scheduler_heartbeat", ignore_result=True)
def record_scheduler_heartbeat():
    """Proves that beat and a worker run: /healthz shows when this last ran."""
    from .services import scheduler_heartbeat_record

    scheduler_heartbeat_record()
