import hashlib

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboxMessageQuerySet(models.QuerySet):
    def due(self, *, now, claim_timeout):
        """Queued messages whose time has come, and messages a dead worker left claimed
        before it had handed them to the mail server."""
        return self.filter(
            models.Q(status=OutboxMessage.Status.QUEUED, available_at__lte=now)
            | models.Q(
                status=OutboxMessage.Status.SENDING,
                claimed_at__lt=now - claim_timeout,
                handed_over_at__isnull=True,
            )
        )

    def abandoned_after_handover(self, *, now, claim_timeout):
        return self.filter(
            status=OutboxMessage.Status.SENDING,
            claimed_at__lt=now - claim_timeout,
            handed_over_at__isnull=False,
        )


class OutboxMessage(models.Model):
    """One email to one recipient, written in the same transaction as whatever caused it.

    ``dedupe_key`` names the reason for the message (``digest:<subscription>:<period>``,
    ``reminder:<campaign>:<n>:<invitation>``): writing the same key twice is a no-op, so a
    retried request, a second beat or a re-run scan never queues a message twice.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        # A worker died after handing the whole message to the mail server but before the
        # server's answer: it was most likely delivered, so it is not sent again by itself.
        UNCONFIRMED = "unconfirmed", _("Handed over, unconfirmed")

    dedupe_key = models.CharField(_("dedupe key"), max_length=255, unique=True)
    kind = models.CharField(_("kind"), max_length=50, db_index=True)
    to_email = models.EmailField(_("recipient"))
    from_email = models.CharField(_("sender"), max_length=254)
    reply_to = models.CharField(_("reply to"), max_length=254, blank=True)
    subject = models.CharField(_("subject"), max_length=998)
    body_text = models.TextField(_("text body"))
    body_html = models.TextField(_("HTML body"), blank=True)
    headers = models.JSONField(_("extra headers"), default=dict, blank=True)
    language = models.CharField(_("language"), max_length=10)

    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    available_at = models.DateTimeField(_("send after"), default=timezone.now)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    claim_token = models.UUIDField(_("claim"), null=True, blank=True)
    handed_over_at = models.DateTimeField(_("handed to the mail server at"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    objects = OutboxMessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("outbox message")
        verbose_name_plural = _("outbox messages")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "available_at"], name="outbox_due_idx")]

    def __str__(self):
        return f"{self.kind} → {self.to_email} ({self.get_status_display()})"

    @property
    def message_id(self):
        """Stable across retries: if a crash makes us deliver a message twice, mail clients see
        one message with two copies and show it once."""
        digest = hashlib.sha256(self.dedupe_key.encode()).hexdigest()[:40]
        return f"<{digest}@heart.outbox>"
