"""Thin Celery tasks: each calls a service. Safe to run twice and side by side."""

from datetime import timedelta

from celery import shared_task

from .services.digests import digest_queue_due
from .services.locks import periodic_lock
from .services.outbox import outbox_send_due, wake_sender_now


@shared_task(name="heart_site.notifications.send_outbox", ignore_result=True)
def send_outbox():
    """Deliver due messages. Several may run at once: each claims its own rows."""
    return outbox_send_due()


@shared_task(name="heart_site.notifications.send_digests", ignore_result=True)
def send_digests():
    """Queue this period's digests, then deliver. A second beat's run finds the lock taken,
    and the digests' keys would stop it anyway."""
    with periodic_lock("digests", ttl=timedelta(minutes=30)) as acquired:
        if not acquired:
            return 0
        queued = digest_queue_due()
    if queued:
        wake_sender_now()
    return queued
