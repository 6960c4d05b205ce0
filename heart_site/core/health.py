"""Checks behind /healthz: can we reach the database, the cache and the Celery broker?"""

import logging
import time
import uuid

from django.core.cache import cache
from django.db import connection

logger = logging.getLogger(__name__)


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache():
    # django-redis ignores connection errors by design, so a round trip is the only way to
    # tell that the cache is really there.
    key, value = f"heart:healthz:{uuid.uuid4().hex}", "ok"
    cache.set(key, value, 10)
    if cache.get(key) != value:
        raise ConnectionError("the cache did not return what was stored")
    cache.delete(key)


def check_broker():
    from heart_site.celery import app

    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, interval_start=0, timeout=1)


def last_scheduler_run():
    from .models import SchedulerHeartbeat

    return SchedulerHeartbeat.objects.values_list("beat_at", flat=True).first()


CHECKS = {"database": check_database, "cache": check_cache, "broker": check_broker}


def run_checks():
    """Report each component; the site is up while its database answers, and degraded while
    the cache or the broker is missing (pages still serve, mail waits in the outbox)."""
    report = {}
    for name, check in CHECKS.items():
        started = time.monotonic()
        try:
            check()
        except Exception as exc:  # a health check must report every failure, whatever it is
            logger.warning("healthz: %s is unavailable: %s", name, exc)
            report[name] = {"status": "unavailable", "error": exc.__class__.__name__}
        else:
            report[name] = {"status": "ok", "ms": round((time.monotonic() - started) * 1000, 1)}
    if report["database"]["status"] == "ok":
        beat = last_scheduler_run()
        report["scheduler"] = {"last_run": beat.isoformat() if beat else None}
    if report["database"]["status"] != "ok":
        report["status"] = "unavailable"
    elif all(report[name]["status"] == "ok" for name in CHECKS):
        report["status"] = "ok"
    else:
        report["status"] = "degraded"
    return report
