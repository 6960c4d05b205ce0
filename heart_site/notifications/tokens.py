"""Signed links in emails: they work without logging in, name one subscription and one
purpose, and stop working when the subscription's secret changes."""

from django.core import signing

from .models import Subscription
from .services.errors import NotificationError

SALT = "heart.notifications"
CONFIRM, MANAGE = "confirm", "manage"


def make_token(subscription: Subscription, purpose: str) -> str:
    return signing.dumps(
        {"s": subscription.pk, "k": subscription.secret, "p": purpose}, salt=SALT, compress=True
    )


def read_token(token: str, purpose: str, *, max_age=None) -> Subscription:
    """The subscription a token names, or a NotificationError saying why not."""
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age)
    except signing.SignatureExpired as error:
        raise NotificationError("expired_link") from error
    except signing.BadSignature as error:
        raise NotificationError("invalid_link") from error
    if not isinstance(data, dict) or data.get("p") != purpose or not isinstance(data.get("s"), int):
        raise NotificationError("invalid_link")
    subscription = Subscription.objects.filter(pk=data["s"]).first()
    if subscription is None or subscription.secret != data.get("k"):
        raise NotificationError("unknown_subscription")
    return subscription
