"""Redis down must not take the site down: the cache is skipped, task publishing is
reported, and pages keep serving."""

import logging

import pytest
from django.core.cache import cache

from heart_site.core.tasks import enqueue, record_scheduler_heartbeat
from heart_site.settings.base import redis_cache
from tests.factories.pages import NewsIndexPageFactory, NewsPageFactory
from tests.services import RedisServer, celery_broker

pytestmark = [pytest.mark.django_db, pytest.mark.redis]


@pytest.fixture
def private_redis(redis_server_binary):
    server = RedisServer(redis_server_binary)
    server.start()
    yield server
    server.stop()


def test_pages_keep_serving_when_redis_stops(client, settings, site_tree, private_redis):
    settings.CACHES = {"default": redis_cache(private_redis.url)}
    settings.HEART_PAGE_CACHE_SECONDS = 60
    home_sv, _ = site_tree
    index = NewsIndexPageFactory(parent=home_sv)
    NewsPageFactory(parent=index, title="Nyhet", slug="nyhet")

    assert client.get("/sv/").status_code == 200
    assert client.get("/sv/").get("X-Heart-Cache") == "hit"  # really cached in Redis
    cache.set("probe", "here")
    assert cache.get("probe") == "here"

    private_redis.stop()

    assert cache.get("probe") is None  # errors are swallowed and logged, not raised
    for path in ("/sv/", "/en/", "/sv/nyheter/", "/sv/nyheter/nyhet/", "/sv/search/?q=nyhet"):
        response = client.get(path)
        assert response.status_code == 200, path
    health = client.get("/healthz").json()
    assert health["cache"]["status"] == "unavailable"
    assert health["status"] == "degraded"


def test_enqueue_reports_a_broker_outage_instead_of_raising(
    settings, private_redis, caplog, django_capture_on_commit_callbacks
):
    private_redis.stop()
    with (
        celery_broker(private_redis.url),
        caplog.at_level(logging.ERROR, logger="heart_site.core.tasks"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        enqueue(record_scheduler_heartbeat)
    assert "Could not enqueue" in caplog.text
    assert f":{private_redis.port}" in caplog.text or "Connection refused" in caplog.text
