"""The outbox: queued once per key, delivered once, retried with backoff, re-claimed when a
worker dies."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from heart_site.notifications.models import OutboxMessage
from heart_site.notifications.services import outbox as service
from heart_site.notifications.services.errors import NotificationError
from heart_site.notifications.services.outbox import Email, outbox_queue, outbox_send_batch, outbox_send_due

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def deliver_to_memory(settings):
    settings.NOTIFICATIONS_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def queue(key="k1", to="a@example.org", **kwargs):
    return outbox_queue(
        dedupe_key=key,
        kind="test",
        email=Email(to=to, subject="Hej", text="Text", html="<p>Text</p>", **kwargs),
        language="sv",
        wake_sender=False,
    )


def test_a_key_is_queued_once():
    first, created = queue()
    again, created_again = queue()
    assert created and not created_again
    assert first.pk == again.pk
    assert OutboxMessage.objects.count() == 1


def test_sending_delivers_both_parts_once_with_a_stable_message_id():
    message, _ = queue()
    assert outbox_send_due() == 1
    assert outbox_send_due() == 0
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["a@example.org"]
    assert sent.alternatives == [("<p>Text</p>", "text/html")]
    assert sent.extra_headers["Message-ID"] == message.message_id
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.SENT and message.sent_at is not None


def test_a_failing_recipient_is_retried_with_growing_delays_then_failed(settings, monkeypatch):
    settings.NOTIFICATIONS_MAX_ATTEMPTS = 3
    settings.NOTIFICATIONS_RETRY_BASE_SECONDS = 60
    queue("bad", to="bad@example.org")
    queue("good", to="good@example.org")

    original = service._as_django_email

    def failing(message, connection):
        email = original(message, connection)
        if message.to_email == "bad@example.org":
            email.send = lambda: (_ for _ in ()).throw(OSError("mailbox unavailable"))
        return email

    monkeypatch.setattr(service, "_as_django_email", failing)
    assert outbox_send_batch() == 1  # the good one still went out
    bad = OutboxMessage.objects.get(dedupe_key="bad")
    assert bad.status == OutboxMessage.Status.QUEUED and bad.attempts == 1
    first_delay = bad.available_at - timezone.now()
    assert timedelta(seconds=50) < first_delay <= timedelta(seconds=60)

    for attempt in (2, 3):
        OutboxMessage.objects.filter(pk=bad.pk).update(available_at=timezone.now())
        outbox_send_batch()
        bad.refresh_from_db()
        assert bad.attempts == attempt
    assert bad.status == OutboxMessage.Status.FAILED
    assert "mailbox unavailable" in bad.last_error
    assert [m.to for m in mail.outbox] == [["good@example.org"]]


def test_an_unreachable_server_keeps_every_message(settings):
    settings.NOTIFICATIONS_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 1
    queue("a")
    queue("b", to="b@example.org")
    assert outbox_send_batch() == 0
    assert set(OutboxMessage.objects.values_list("status", "attempts")) == {(OutboxMessage.Status.QUEUED, 1)}


def test_a_message_claimed_by_a_dead_worker_is_claimed_again_after_the_timeout(settings):
    settings.NOTIFICATIONS_CLAIM_TIMEOUT_SECONDS = 300
    message, _ = queue()
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=OutboxMessage.Status.SENDING, claimed_at=timezone.now() - timedelta(seconds=60)
    )
    assert outbox_send_batch() == 0  # still within the dead worker's claim
    OutboxMessage.objects.filter(pk=message.pk).update(claimed_at=timezone.now() - timedelta(seconds=301))
    assert outbox_send_batch() == 1
    assert len(mail.outbox) == 1


def test_a_late_result_from_a_worker_that_lost_its_claim_is_ignored():
    message, _ = queue()
    token, claimed = service._claim(batch_size=10, now=timezone.now())
    assert [m.pk for m in claimed] == [message.pk]
    # Another worker re-claimed it meanwhile; the first one's record must not count.
    OutboxMessage.objects.filter(pk=message.pk).update(claim_token=None, status=OutboxMessage.Status.QUEUED)
    OutboxMessage.objects.filter(pk=message.pk, claim_token=token).update(status=OutboxMessage.Status.SENT)
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.QUEUED


def test_retry_only_failed_messages():
    message, _ = queue()
    with pytest.raises(NotificationError):
        service.outbox_retry(message=message)
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=OutboxMessage.Status.FAILED, attempts=6, last_error="x"
    )
    message.refresh_from_db()
    retried = service.outbox_retry(message=message)
    assert (retried.status, retried.attempts, retried.last_error) == (OutboxMessage.Status.QUEUED, 0, "")


def test_django_mail_goes_through_the_outbox(settings):
    from django.core.mail import send_mail

    settings.EMAIL_BACKEND = "heart_site.notifications.backends.OutboxEmailBackend"
    send_mail("Ämne", "Brödtext", "from@example.org", ["x@example.org", "y@example.org"])
    assert mail.outbox == []
    assert sorted(OutboxMessage.objects.values_list("to_email", flat=True)) == [
        "x@example.org",
        "y@example.org",
    ]
    outbox_send_due()
    assert sorted(m.to[0] for m in mail.outbox) == ["x@example.org", "y@example.org"]


def test_a_message_a_dead_worker_had_handed_to_the_server_is_not_sent_again(settings):
    settings.NOTIFICATIONS_CLAIM_TIMEOUT_SECONDS = 300
    message, _ = queue()
    long_ago = timezone.now() - timedelta(seconds=301)
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=OutboxMessage.Status.SENDING, claimed_at=long_ago, handed_over_at=long_ago
    )
    assert outbox_send_batch() == 0
    assert mail.outbox == []
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.UNCONFIRMED
    assert "most likely delivered" in message.last_error
    # An administrator who learns it did not arrive sends it again.
    service.outbox_retry(message=message)
    assert outbox_send_batch() == 1


def test_smtp_delivery_records_the_handover_before_the_final_dot(settings):
    """Over a real SMTP server: the hand-over is recorded while the server still waits for
    the dot, and the message ends up sent."""
    from tests.services import SmtpSink

    sink = SmtpSink()
    sink.start()
    seen = []
    original = service._record_handover

    def spy(message, token):
        seen.append((len(sink.received()), message.pk))
        original(message, token)

    try:
        settings.NOTIFICATIONS_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", sink.port
        message, _ = queue()
        service._record_handover = spy
        assert outbox_send_batch() == 1
    finally:
        service._record_handover = original
        sink.stop()
    assert seen == [(0, message.pk)]  # recorded before the server had the whole message
    [(recipients, received)] = sink.received()
    assert recipients == ["a@example.org"] and received["Message-ID"] == message.message_id
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.SENT and message.handed_over_at is not None


def test_reminder_service_renders_in_the_language_and_queues_once():
    from heart_site.notifications.services.reminders import reminder_queue

    context = {"confirm_url": "http://testserver/x/", "subscription": None}
    first, created = reminder_queue(
        dedupe_key="reminder:campaign-1:1:invitation-9",
        to="p@example.org",
        language="sv",
        template="notifications/email/confirm",
        context=context,
    )
    again, created_again = reminder_queue(
        dedupe_key="reminder:campaign-1:1:invitation-9",
        to="p@example.org",
        language="en",
        template="notifications/email/confirm",
        context=context,
    )
    assert created and not created_again and first.pk == again.pk
    assert first.kind == "reminder" and first.language == "sv"
    assert first.subject.startswith("Bekräfta")
    assert "http://testserver/x/" in first.body_text and "<html" in first.body_html
