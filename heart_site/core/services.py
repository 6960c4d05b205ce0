from django.utils import timezone

from .models import SchedulerHeartbeat


def scheduler_heartbeat_record():
    SchedulerHeartbeat.objects.update_or_create(pk=1, defaults={"beat_at": timezone.now()})
