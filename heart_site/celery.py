"""The Celery app.

The choices that matter for correctness are fixed here, where a reader looks for them: JSON
only, late acknowledgement with rejection when a worker is lost, no prefetching beyond one
task, schedules kept in the database (django-celery-beat) so administrators edit them in the
admin. What depends on the machine (broker URL, the Redis visibility timeout that the broker
and the result backend must share) comes from Django settings, ``CELERY_*``.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "heart_site.settings.dev")

app = Celery("heart_site")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.conf.update(
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    task_acks_late=True,
    task_reject_on_worker_lost=True,
    worker_prefetch_multiplier=1,
    task_ignore_result=True,
    broker_connection_retry_on_startup=True,
    beat_scheduler="django_celery_beat.schedulers:DatabaseScheduler",
)
app.autodiscover_tasks()
