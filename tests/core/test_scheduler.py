"""A scheduled task really runs: beat reads the schedule from the database and a worker runs
the task, over the zero-set-up filesystem broker and over Redis."""

import os
import time

import pytest
from django.db import connection
from django_celery_beat.models import IntervalSchedule, PeriodicTask

from heart_site.core.models import SchedulerHeartbeat
from tests.conftest import missing_service
from tests.services import celery_processes, database_url_for_subprocess

pytestmark = [pytest.mark.django_db(transaction=True)]


def broker_env(kind, tmp_path):
    if kind == "filesystem":
        folder = tmp_path / "broker"
        folder.mkdir()
        return {
            "CELERY_BROKER_URL": "filesystem://",
            "CELERY_FILESYSTEM_BROKER_DIR": str(folder),
            "REDIS_URL": "",
        }
    redis_url = os.environ.get("REDIS_URL")
    if not redis_url:
        missing_service("REDIS_URL is not set")
    return {"CELERY_BROKER_URL": redis_url, "REDIS_URL": redis_url, "CACHE_KEY_PREFIX": f"test-{os.getpid()}"}


@pytest.mark.parametrize("broker", ["filesystem", pytest.param("redis", marks=pytest.mark.redis)])
def test_beat_and_worker_run_the_heartbeat(reference_data, tmp_path, broker):
    every_second, _ = IntervalSchedule.objects.get_or_create(every=1, period=IntervalSchedule.SECONDS)
    PeriodicTask.objects.update_or_create(
        name="Scheduler heartbeat",
        defaults={
            "task": "heart_site.core.record_scheduler_heartbeat",
            "interval": every_second,
            "enabled": True,
        },
    )
    env = {"DATABASE_URL": database_url_for_subprocess(connection), **broker_env(broker, tmp_path)}

    with celery_processes("worker", "beat", env=env, log_dir=tmp_path):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not SchedulerHeartbeat.objects.exists():
            time.sleep(0.5)

    logs = "\n".join(p.read_text() for p in tmp_path.glob("*.log"))
    assert SchedulerHeartbeat.objects.exists(), f"no heartbeat within 60 s; logs:\n{logs[-4000:]}"
