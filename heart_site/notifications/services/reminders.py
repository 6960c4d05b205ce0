"""The reminder service the plugins use: they decide when and to whom, this queues the
email in the outbox, once per dedupe key."""

from .emails import render_email
from .outbox import outbox_queue


def reminder_queue(
    *, dedupe_key: str, to: str, language: str, template: str, context: dict, kind: str = "reminder"
):
    """Queue the email rendered from ``<template>_subject.txt``, ``_body.txt`` and ``_body.html``
    in ``language``. Returns ``(message, created)``; an existing key queues nothing."""
    from ..models import OutboxMessage

    existing = OutboxMessage.objects.filter(dedupe_key=dedupe_key).first()
    if existing is not None:
        return existing, False
    email = render_email(template, to=to, language=language, context=context)
    return outbox_queue(dedupe_key=dedupe_key, kind=kind, email=email, language=language)
