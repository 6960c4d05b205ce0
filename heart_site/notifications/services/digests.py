"""Digests: once per period, what was published since the subscriber's last digest.

A subscription is due when its period (ISO week or month, in the site's time zone) differs
from the one of its last digest. Its message is keyed ``digest:<subscription>:<period>`` and
written in the same transaction as the subscription's new period, so a second run, a second
beat or a retried task finds nothing left to do. Subscribers with nothing new get no email
that period.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from .. import digest_sections
from ..models import Subscription
from .emails import render_email, subscription_urls
from .outbox import outbox_queue

# Content published before a subscriber confirmed is not news to them; the first digest
# looks back at most this far when the subscription has no mark yet.
FIRST_DIGEST_LOOKBACK = timedelta(days=31)


def digest_period(frequency: str, now) -> str:
    local = timezone.localtime(now)
    if frequency == Subscription.Frequency.MONTHLY:
        return f"{local.year}-{local.month:02d}"
    year, week, _day = local.isocalendar()
    return f"{year}-W{week:02d}"


def _collect(query, memo):
    """Sections for one query; subscribers who share language, themes and start share work."""
    key = (query.language, query.since, query.theme_keys)
    if key not in memo:
        found = []
        for section in digest_sections.sections():
            items = section.collect(query)
            if items:
                found.append({"section": section, "items": items})
        memo[key] = found
    return memo[key]


def _digest_email(subscription, sections, *, period):
    urls = subscription_urls(subscription, subscription.language)
    return render_email(
        "notifications/email/digest",
        to=subscription.email,
        language=subscription.language,
        context={"subscription": subscription, "sections": sections, "period": period, **urls},
        list_unsubscribe=urls["unsubscribe_url"],
    )


def digest_queue_for(subscription: Subscription, *, now, memo=None) -> bool:
    """Queue this period's digest for one subscription; True when an email was queued."""
    period = digest_period(subscription.frequency, now)
    with transaction.atomic():
        locked = Subscription.objects.select_for_update().active().filter(pk=subscription.pk).first()
        if locked is None or locked.last_digest_period == period:
            return False
        since = locked.last_digest_until or max(locked.confirmed_at, now - FIRST_DIGEST_LOOKBACK)
        query = digest_sections.DigestQuery(
            language=locked.language,
            since=since,
            until=now,
            theme_keys=frozenset(t.translation_key for t in subscription.themes.all()),
        )
        sections = _collect(query, memo if memo is not None else {})
        locked.last_digest_period = period
        if sections:
            outbox_queue(
                dedupe_key=f"digest:{locked.pk}:{period}",
                kind="digest",
                email=_digest_email(locked, sections, period=period),
                language=locked.language,
                wake_sender=False,
            )
            locked.last_digest_until = now
        locked.save(update_fields=["last_digest_period", "last_digest_until"])
        return bool(sections)


def digest_queue_due(*, now=None) -> int:
    """Queue every due digest; returns how many emails were queued."""
    now = now or timezone.now()
    memo = {}
    queued = 0
    due = Subscription.objects.active().prefetch_related("themes").order_by("pk")
    for subscription in due.iterator(chunk_size=500):
        if subscription.last_digest_period == digest_period(subscription.frequency, now):
            continue
        queued += digest_queue_for(subscription, now=now, memo=memo)
    return queued
