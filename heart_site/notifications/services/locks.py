import uuid
from contextlib import contextmanager
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from ..models import PeriodicLock


@contextmanager
def periodic_lock(name: str, *, ttl: timedelta):
    """Yield True to the one caller that holds ``name``, False to any other at the same time.

    A conditional update on one row works the same on PostgreSQL and SQLite and needs no
    Redis; ``ttl`` frees the lock if its holder dies.
    """
    now = timezone.now()
    holder = uuid.uuid4().hex
    try:
        with transaction.atomic():
            PeriodicLock.objects.get_or_create(
                name=name, defaults={"locked_until": now - timedelta(seconds=1)}
            )
    except IntegrityError:
        pass  # created by a concurrent caller
    acquired = PeriodicLock.objects.filter(name=name, locked_until__lt=now).update(
        locked_until=now + ttl, holder=holder
    )
    try:
        yield bool(acquired)
    finally:
        if acquired:
            PeriodicLock.objects.filter(name=name, holder=holder).update(locked_until=timezone.now())
