"""/healthz reports the database, the cache, the broker and the scheduler."""

import json

import pytest
from django.utils import timezone

from heart_site.core.models import SchedulerHeartbeat
from heart_site.core.tasks import record_scheduler_heartbeat

pytestmark = pytest.mark.django_db


def test_healthz_reports_each_component(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    report = json.loads(response.content)
    assert report["database"]["status"] == "ok"
    assert report["cache"]["status"] == "ok"
    assert set(report) >= {"database", "cache", "broker", "scheduler", "status"}


def test_healthz_is_degraded_not_down_when_the_broker_is_unreachable(client, monkeypatch):
    from heart_site.celery import app

    monkeypatch.setattr(app.conf, "broker_url", "redis://127.0.0.1:1/0")
    response = client.get("/healthz")
    assert response.status_code == 200
    report = json.loads(response.content)
    assert report["broker"]["status"] == "unavailable"
    assert report["status"] == "degraded"


def test_healthz_shows_the_last_scheduler_run(client):
    record_scheduler_heartbeat()
    report = json.loads(client.get("/healthz").content)
    last_run = report["scheduler"]["last_run"]
    assert last_run is not None
    assert abs(timezone.datetime.fromisoformat(last_run) - timezone.now()).total_seconds() < 60
    assert SchedulerHeartbeat.objects.count() == 1
    record_scheduler_heartbeat()
    assert SchedulerHeartbeat.objects.count() == 1


def test_healthz_rejects_other_methods(client):
    assert client.post("/healthz").status_code == 405
