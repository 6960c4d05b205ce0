"""The outbox: queue a message in the caller's transaction; deliver queued messages once.

Delivery claims rows (``SELECT … FOR UPDATE SKIP LOCKED`` where the database has it, and a
conditional update everywhere), sends the batch over one SMTP connection, and records each
result as soon as the server accepted the message. A worker that dies leaves its rows
claimed; they are claimed again after ``NOTIFICATIONS_CLAIM_TIMEOUT_SECONDS``. The one thing
no outbox can close is a crash after the server holds the whole message and before it has
answered: such a message is marked unconfirmed rather than sent twice (see ``smtp.py``).
"""

import logging
import uuid
from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.utils import timezone

from .. import conf
from ..models import OutboxMessage
from ..smtp import send_in_steps, smtp_session
from .errors import NotificationError

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Email:
    to: str
    subject: str
    text: str
    html: str = ""
    headers: dict | None = None
    from_email: str = ""
    reply_to: str = ""


def outbox_queue(
    *, dedupe_key: str, kind: str, email: Email, language: str, wake_sender: bool = True
) -> tuple[OutboxMessage, bool]:
    """Queue ``email`` unless a message with ``dedupe_key`` exists; returns (message, created).

    Call it inside the transaction that decided to send, so that the message exists exactly
    when what caused it does. ``wake_sender`` asks a worker to send right after the commit;
    bulk producers (digests) pass False and wake it once at the end.
    """
    existing = OutboxMessage.objects.filter(dedupe_key=dedupe_key).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            message = OutboxMessage.objects.create(
                dedupe_key=dedupe_key,
                kind=kind,
                to_email=email.to,
                from_email=email.from_email or settings.DEFAULT_FROM_EMAIL,
                reply_to=email.reply_to or conf.get("NOTIFICATIONS_REPLY_TO"),
                subject=email.subject.replace("\n", " ").strip(),
                body_text=email.text,
                body_html=email.html,
                headers=email.headers or {},
                language=language,
            )
    except IntegrityError:
        # Someone queued the same key between our check and our insert.
        return OutboxMessage.objects.get(dedupe_key=dedupe_key), False
    if wake_sender:
        transaction.on_commit(wake_sender_now)
    return message, True


def wake_sender_now():
    """Ask a worker to send now rather than at the next scheduled sweep."""
    from heart_site.core.tasks import enqueue

    from ..tasks import send_outbox

    enqueue(send_outbox)


UNCONFIRMED_REASON = (
    "A worker stopped after handing this message to the mail server and before the server "
    "answered. It was most likely delivered, so it is not sent again by itself; retry it if "
    "the recipient did not get it."
)


def _claim(*, batch_size: int, now) -> tuple[uuid.UUID, list[OutboxMessage]]:
    token = uuid.uuid4()
    claim_timeout = timedelta(seconds=conf.get("NOTIFICATIONS_CLAIM_TIMEOUT_SECONDS"))
    OutboxMessage.objects.abandoned_after_handover(now=now, claim_timeout=claim_timeout).update(
        status=OutboxMessage.Status.UNCONFIRMED, last_error=UNCONFIRMED_REASON, claim_token=None
    )
    with transaction.atomic():
        candidates = list(
            OutboxMessage.objects.due(now=now, claim_timeout=claim_timeout)
            .select_for_update(skip_locked=True)
            .order_by("available_at", "pk")
            .values_list("pk", flat=True)[:batch_size]
        )
        # The status condition repeats the "due" test so that, on a database without row
        # locks, two senders cannot both win the same row.
        OutboxMessage.objects.filter(pk__in=candidates).due(now=now, claim_timeout=claim_timeout).update(
            status=OutboxMessage.Status.SENDING, claimed_at=now, claim_token=token
        )
    return token, list(OutboxMessage.objects.filter(claim_token=token).order_by("pk"))


def _as_django_email(message: OutboxMessage, connection) -> EmailMultiAlternatives:
    headers = {"Message-ID": message.message_id, **message.headers}
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.body_text,
        from_email=message.from_email,
        to=[message.to_email],
        reply_to=[message.reply_to] if message.reply_to else None,
        headers=headers,
        connection=connection,
    )
    if message.body_html:
        email.attach_alternative(message.body_html, "text/html")
    return email


def _retry_delay(attempts: int) -> timedelta:
    return timedelta(seconds=conf.get("NOTIFICATIONS_RETRY_BASE_SECONDS") * 2 ** max(attempts - 1, 0))


def _record_failure(message: OutboxMessage, token, error: Exception, *, now):
    attempts = message.attempts + 1
    failed = attempts >= conf.get("NOTIFICATIONS_MAX_ATTEMPTS")
    OutboxMessage.objects.filter(pk=message.pk, claim_token=token).update(
        status=OutboxMessage.Status.FAILED if failed else OutboxMessage.Status.QUEUED,
        attempts=attempts,
        available_at=now + _retry_delay(attempts),
        last_error=f"{error.__class__.__name__}: {error}"[:2000],
        claimed_at=None,
        claim_token=None,
        handed_over_at=None,
    )
    log = logger.error if failed else logger.warning
    log("Outbox message %s to %s failed (attempt %s): %s", message.pk, message.to_email, attempts, error)


def _record_handover(message: OutboxMessage, token):
    OutboxMessage.objects.filter(pk=message.pk, claim_token=token).update(handed_over_at=timezone.now())


def delivery_connection():
    backend = conf.get("NOTIFICATIONS_DELIVERY_BACKEND")
    return get_connection(backend=backend) if backend else get_connection()


def outbox_send_batch(*, batch_size: int | None = None) -> int:
    """Claim up to ``batch_size`` due messages and deliver them; returns how many were sent."""
    now = timezone.now()
    token, messages = _claim(batch_size=batch_size or conf.get("NOTIFICATIONS_BATCH_SIZE"), now=now)
    if not messages:
        return 0
    sent = 0
    connection = delivery_connection()
    try:
        connection.open()
    except Exception as error:  # the SMTP server is unreachable: every message waits
        for message in messages:
            _record_failure(message, token, error, now=now)
        return 0
    try:
        session = smtp_session(connection)
        for message in messages:
            email = _as_django_email(message, connection)
            try:
                if session is None:
                    email.send()
                else:
                    send_in_steps(session, email, on_handover=partial(_record_handover, message, token))
            except Exception as error:  # one bad recipient must not stop the batch
                _record_failure(message, token, error, now=timezone.now())
                continue
            OutboxMessage.objects.filter(pk=message.pk, claim_token=token).update(
                status=OutboxMessage.Status.SENT, sent_at=timezone.now(), last_error="", claim_token=None
            )
            sent += 1
    finally:
        connection.close()
    return sent


def outbox_send_due(*, max_batches: int = 50) -> int:
    """Send batches until nothing is due (bounded, so one run cannot hog a worker)."""
    total = 0
    for _ in range(max_batches):
        sent = outbox_send_batch()
        total += sent
        if sent == 0:
            break
    return total


RETRYABLE = (OutboxMessage.Status.FAILED, OutboxMessage.Status.UNCONFIRMED)


@transaction.atomic
def outbox_retry(*, message: OutboxMessage) -> OutboxMessage:
    """Put a failed or unconfirmed message back in the queue, now, with a fresh count of
    attempts. The status condition makes two administrators' retries count once."""
    updated = OutboxMessage.objects.filter(pk=message.pk, status__in=RETRYABLE).update(
        status=OutboxMessage.Status.QUEUED,
        attempts=0,
        available_at=timezone.now(),
        last_error="",
        handed_over_at=None,
    )
    if not updated:
        raise NotificationError("only_failed_can_be_retried")
    message.refresh_from_db()
    transaction.on_commit(wake_sender_now)
    return message
