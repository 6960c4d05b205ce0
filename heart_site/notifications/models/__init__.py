from .locks import PeriodicLock
from .outbox import OutboxMessage
from .subscriptions import Subscription

__all__ = ["OutboxMessage", "PeriodicLock", "Subscription"]
