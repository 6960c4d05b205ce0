"""Settings for bench/notifications.py: bench/settings.py (the production settings) with a
local-memory cache, and the outbox delivering over SMTP to the benchmark's sink on loopback.

bench/notifications.py passes DATABASE_URL (its own database, from BENCH_MAIL_DATABASE_URL)
and EMAIL_URL (the sink) in the environment. The outbox's transport must be SMTP on loopback:
these settings refuse to load otherwise, so that no run ever mails ten thousand digests to a
real server.
"""

from django.core.exceptions import ImproperlyConfigured

from bench.settings import *  # noqa: F403
from bench.settings import EMAIL_HOST, LOGGING, NOTIFICATIONS_DELIVERY_BACKEND

# Nothing here reads Redis; the cache only holds Wagtail's site root paths (digest links).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "bench-mail"}}

if NOTIFICATIONS_DELIVERY_BACKEND != "django.core.mail.backends.smtp.EmailBackend" or EMAIL_HOST not in (
    "127.0.0.1",
    "localhost",
):
    raise ImproperlyConfigured(
        "bench.mail_settings delivers only to an SMTP server on loopback: set EMAIL_URL=smtp://127.0.0.1:PORT."
    )

LOGGING["root"]["level"] = "WARNING"
