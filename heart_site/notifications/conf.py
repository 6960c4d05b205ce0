"""Settings of the notifications app, with defaults that a project overrides in its settings."""

from django.conf import settings

DEFAULTS = {
    # How many messages one sender run claims and sends over one SMTP connection.
    "NOTIFICATIONS_BATCH_SIZE": 100,
    # A message claimed longer ago than this by a worker that never finished is claimed again.
    "NOTIFICATIONS_CLAIM_TIMEOUT_SECONDS": 300,
    # Attempts before a message is marked failed; the wait doubles from the base each time.
    "NOTIFICATIONS_MAX_ATTEMPTS": 6,
    "NOTIFICATIONS_RETRY_BASE_SECONDS": 60,
    # How long a double opt-in link stays valid.
    "NOTIFICATIONS_CONFIRMATION_MAX_AGE_SECONDS": 7 * 24 * 60 * 60,
    # The real transport behind the outbox: what EMAIL_URL says (SMTP in production).
    "NOTIFICATIONS_DELIVERY_BACKEND": None,
    "NOTIFICATIONS_REPLY_TO": "",
}


def get(name):
    return getattr(settings, name, DEFAULTS[name])
