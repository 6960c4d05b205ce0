"""Digest subscriptions: double opt-in, preferences and unsubscribing.

Nothing here tells a stranger whether an address is subscribed: asking to subscribe an
address that already is sends that address a link to its preferences instead.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.base_user import BaseUserManager
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from heart_site.core.models import Theme

from .. import conf
from ..models import Subscription
from ..models.subscriptions import new_secret
from .emails import absolute_url, render_email, subscription_urls
from .errors import NotificationError
from .outbox import outbox_queue


def normalize_email(email: str) -> str:
    return BaseUserManager.normalize_email(email.strip()).lower()


def _source_themes(themes):
    """Subscriptions point at the Swedish source themes, as content does."""
    keys = {t.translation_key for t in themes}
    return list(Theme.objects.filter(translation_key__in=keys, locale__language_code=settings.LANGUAGE_CODE))


def _verified_by_account(user, email):
    if user is None or not user.is_authenticated:
        return False
    from allauth.account.models import EmailAddress

    return EmailAddress.objects.filter(user=user, email__iexact=email, verified=True).exists()


def _hour_bucket(now):
    return now.strftime("%Y%m%d%H")


def _queue_confirmation(subscription, *, now):
    from ..tokens import CONFIRM, make_token

    with translation.override(subscription.language):
        url = absolute_url(reverse("notifications:confirm", args=[make_token(subscription, CONFIRM)]))
    email = render_email(
        "notifications/email/confirm",
        to=subscription.email,
        language=subscription.language,
        context={"confirm_url": url, "subscription": subscription},
    )
    # At most one confirmation an hour per subscription, however often the form is sent.
    outbox_queue(
        dedupe_key=f"confirm:{subscription.pk}:{subscription.secret[:8]}:{_hour_bucket(now)}",
        kind="confirmation",
        email=email,
        language=subscription.language,
    )


def _queue_already_subscribed(subscription, *, now):
    email = render_email(
        "notifications/email/already_subscribed",
        to=subscription.email,
        language=subscription.language,
        context={"subscription": subscription, **subscription_urls(subscription, subscription.language)},
    )
    outbox_queue(
        dedupe_key=f"already:{subscription.pk}:{_hour_bucket(now)}",
        kind="confirmation",
        email=email,
        language=subscription.language,
    )


@dataclass(frozen=True)
class SubscriptionRequest:
    subscription: Subscription
    # True only when the requester proved the address through their verified account; every
    # other request must get the same answer, whatever state the address was in.
    confirmed_by_account: bool


@transaction.atomic
def subscription_request(
    *, email: str, language: str, frequency: str, themes, user=None
) -> SubscriptionRequest:
    """Ask for the digest. Confirmed at once for the owner of a verified account address;
    everyone else gets a confirmation link (double opt-in)."""
    now = timezone.now()
    email = normalize_email(email)
    themes = _source_themes(themes)
    subscription = Subscription.objects.select_for_update().filter(email=email).first()
    verified = _verified_by_account(user, email)

    if subscription is not None and subscription.is_active and not verified:
        _queue_already_subscribed(subscription, now=now)
        return SubscriptionRequest(subscription, confirmed_by_account=False)

    if subscription is None:
        subscription = Subscription(email=email)
    elif subscription.unsubscribed_at is not None:
        # Coming back: old links stay dead, and the address is confirmed anew.
        subscription.secret = new_secret()
        subscription.unsubscribed_at = None
        subscription.confirmed_at = None
    subscription.language = language
    subscription.frequency = frequency
    if verified:
        subscription.user = user
        if subscription.confirmed_at is None:
            subscription.confirmed_at = now
            subscription.last_digest_until = now
    subscription.full_clean(exclude=["secret", "user"])
    subscription.save()
    subscription.themes.set(themes)
    if subscription.confirmed_at is None:
        _queue_confirmation(subscription, now=now)
    return SubscriptionRequest(subscription, confirmed_by_account=verified)


@transaction.atomic
def subscription_confirm(*, token: str) -> Subscription:
    from ..tokens import CONFIRM, read_token

    subscription = read_token(token, CONFIRM, max_age=conf.get("NOTIFICATIONS_CONFIRMATION_MAX_AGE_SECONDS"))
    subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
    if subscription.unsubscribed_at is not None:
        raise NotificationError("unsubscribed")
    if subscription.confirmed_at is not None:
        raise NotificationError("already_confirmed")
    now = timezone.now()
    subscription.confirmed_at = now
    subscription.last_digest_until = now
    subscription.save(update_fields=["confirmed_at", "last_digest_until"])
    return subscription


@transaction.atomic
def subscription_update(*, subscription: Subscription, language: str, frequency: str, themes) -> Subscription:
    if subscription.unsubscribed_at is not None:
        raise NotificationError("unsubscribed")
    subscription.language = language
    subscription.frequency = frequency
    subscription.full_clean(exclude=["secret", "user"])
    subscription.save(update_fields=["language", "frequency"])
    subscription.themes.set(_source_themes(themes))
    return subscription


def _pending_messages(subscription):
    from ..models import OutboxMessage

    keys = [f"digest:{subscription.pk}:", f"confirm:{subscription.pk}:", f"already:{subscription.pk}:"]
    pending = OutboxMessage.objects.filter(status=OutboxMessage.Status.QUEUED)
    query = pending.none()
    for prefix in keys:
        query = query | pending.filter(dedupe_key__startswith=prefix)
    return query


@transaction.atomic
def subscription_delete(*, subscription: Subscription) -> None:
    """Remove a subscription and the emails about it that have not gone out yet."""
    _pending_messages(subscription).delete()
    subscription.delete()


@transaction.atomic
def subscription_unsubscribe(*, subscription: Subscription) -> Subscription:
    """Idempotent: mail providers may send the one-click POST more than once."""
    updated = Subscription.objects.filter(pk=subscription.pk, unsubscribed_at__isnull=True).update(
        unsubscribed_at=timezone.now()
    )
    subscription.refresh_from_db()
    if updated:
        _pending_messages(subscription).delete()  # no longer wanted
    return subscription
