from django.db.models import Q

from .models import OutboxMessage, Subscription


def _subscriptions(user):
    return Subscription.objects.filter(Q(user=user) | Q(email__iexact=user.email))


def export_subscriptions(user):
    return {
        "subscriptions": [
            {
                "email": s.email,
                "language": s.language,
                "frequency": s.frequency,
                "themes": [t.slug for t in s.themes.all()],
                "created_at": s.created_at.isoformat(),
                "confirmed_at": s.confirmed_at.isoformat() if s.confirmed_at else None,
                "unsubscribed_at": s.unsubscribed_at.isoformat() if s.unsubscribed_at else None,
            }
            for s in _subscriptions(user).prefetch_related("themes")
        ],
        "emails_sent": OutboxMessage.objects.filter(to_email__iexact=user.email).count(),
    }


def erase_subscriptions(user):
    subscriptions = _subscriptions(user)
    addresses = {
        user.email.lower(),
        *(email.lower() for email in subscriptions.values_list("email", flat=True)),
    }
    subscriptions.delete()
    for address in addresses:
        OutboxMessage.objects.filter(to_email__iexact=address).delete()
