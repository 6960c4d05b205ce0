"""An email backend that writes into the outbox, so that every email the site sends (allauth's
verification and reset mails, Wagtail's moderation notices) is delivered, retried and
recorded the same way. The real transport is NOTIFICATIONS_DELIVERY_BACKEND."""

import uuid

from django.core.mail.backends.base import BaseEmailBackend
from django.utils import translation

from .services.outbox import Email, outbox_queue


class OutboxEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        count = 0
        for message in email_messages:
            html = next(
                (
                    content
                    for content, mimetype in getattr(message, "alternatives", [])
                    if mimetype == "text/html"
                ),
                "",
            )
            for recipient in message.recipients():
                outbox_queue(
                    dedupe_key=f"mail:{uuid.uuid4()}",
                    kind="system",
                    email=Email(
                        to=recipient,
                        subject=message.subject,
                        text=message.body,
                        html=html,
                        headers={k: v for k, v in message.extra_headers.items() if k.lower() != "message-id"},
                        from_email=message.from_email,
                        reply_to=", ".join(message.reply_to),
                    ),
                    language=translation.get_language() or "",
                )
                count += 1
        return count
