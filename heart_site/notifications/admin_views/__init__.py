"""The Wagtail admin for email and schedules: the outbox, digest subscriptions and the
django-celery-beat schedules (registered from wagtail_hooks.py).

Outbox rows and subscriptions are written by the services, so their admin only reads, retries
(``outbox_retry``) and deletes subscriptions. A schedule is saved through django-celery-beat's
own ``PeriodicTask.save()`` and signals, which is what tells a running beat about the change.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSetGroup

from .outbox import OutboxViewSet
from .schedules import CrontabScheduleViewSet, IntervalScheduleViewSet, PeriodicTaskViewSet
from .subscriptions import SubscriptionViewSet


class EmailAndSchedulesGroup(ModelViewSetGroup):
    menu_label = _("Email and schedules")
    menu_name = "email-and-schedules"
    menu_icon = "mail"
    items = (
        OutboxViewSet,
        SubscriptionViewSet,
        PeriodicTaskViewSet,
        IntervalScheduleViewSet,
        CrontabScheduleViewSet,
    )
