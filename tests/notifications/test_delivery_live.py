"""Delivery with the real pieces: a Celery worker over Redis, beat, and an SMTP server on
loopback. The web side runs in this process; workers see its (test) database."""

import re
import time
from collections import Counter
from contextlib import ExitStack
from datetime import timedelta
from urllib.parse import urlparse

import pytest
import redis
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.utils import timezone
from django_celery_beat.models import IntervalSchedule, PeriodicTask

from heart_site.notifications.models import OutboxMessage, Subscription
from heart_site.notifications.services.digests import digest_queue_due
from heart_site.notifications.services.outbox import Email, outbox_queue
from heart_site.notifications.tasks import send_digests, send_outbox
from tests.conftest import missing_service
from tests.factories.pages import NewsIndexPageFactory, NewsPageFactory, translate
from tests.services import (
    CeleryProcess,
    RedisServer,
    SmtpSink,
    celery_broker,
    database_url_for_subprocess,
    logs,
)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.redis]


@pytest.fixture
def broker_url():
    import os

    url = os.environ.get("REDIS_URL")
    if not url:
        missing_service("REDIS_URL is not set")
    # A database index of its own, emptied, so no stale task from another run is delivered.
    parsed = urlparse(url)
    url = parsed._replace(path="/14").geturl()
    redis.Redis.from_url(url).flushdb()
    return url


@pytest.fixture
def publish_to():
    """Point this process's Celery app (the web side publishes) at a broker for the test."""
    with ExitStack() as stack:
        yield lambda url: stack.enter_context(celery_broker(url))


@pytest.fixture
def sink():
    server = SmtpSink()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def processes(tmp_path):
    started = []

    def start(role, **env):
        process = CeleryProcess(role, env=env, log_dir=tmp_path).start()
        started.append(process)
        return process

    yield start
    for process in started:
        process.stop()


def worker_env(broker, sink, **extra):
    from django.conf import settings

    return {
        # Links the worker signs must verify on the web side.
        "SECRET_KEY": settings.SECRET_KEY,
        "DATABASE_URL": database_url_for_subprocess(connection),
        "CELERY_BROKER_URL": broker,
        "REDIS_URL": "",
        "EMAIL_URL": sink.url,
        "WAGTAILADMIN_BASE_URL": "http://testserver",
        **extra,
    }


def text_and_html(message):
    parts = {
        part.get_content_type(): part.get_payload(decode=True).decode()
        for part in message.walk()
        if not part.is_multipart()
    }
    return parts["text/plain"], parts["text/html"]


def every_second(*names):
    interval, _ = IntervalSchedule.objects.get_or_create(every=1, period=IntervalSchedule.SECONDS)
    PeriodicTask.objects.filter(name__in=names).update(interval=interval, crontab=None, enabled=True)
    PeriodicTask.objects.exclude(name__in=names).update(enabled=False)


def test_subscribe_confirm_digest_and_one_click_unsubscribe(
    site_tree, broker_url, publish_to, sink, processes, tmp_path
):
    publish_to(broker_url)
    processes("worker", **worker_env(broker_url, sink))
    home_sv, _ = site_tree
    index = NewsIndexPageFactory(parent=home_sv)
    translate(index, "en", title="News", slug="news")
    client = Client()

    client.post(
        "/sv/notifications/subscribe/",
        {"email": "anna@example.org", "frequency": "weekly", "language": "sv", "website": ""},
    )
    try:
        [(recipients, confirmation)] = sink.wait_for(1)
    except TimeoutError:
        pytest.fail(logs(tmp_path))
    assert recipients == ["anna@example.org"]
    confirm_text, _ = text_and_html(confirmation)
    confirm_path = re.search(r"http://testserver(/sv/notifications/confirm/\S+/)", confirm_text).group(1)
    assert client.post(confirm_path).status_code == 200

    english = Subscription.objects.create(email="bob@example.org", language="en", frequency="weekly")
    Subscription.objects.filter(pk=english.pk).update(
        confirmed_at=Subscription.objects.get(email="anna@example.org").confirmed_at
    )
    Subscription.objects.filter(email="bob@example.org").update(
        last_digest_until=Subscription.objects.get(email="anna@example.org").last_digest_until
    )
    article = NewsPageFactory(parent=index, title="Seminarium om rekrytering", summary="Välkommen.")
    translate(article, "en", title="Seminar on recruitment", slug="seminar", summary="Welcome.")

    send_digests.apply_async()
    try:
        digests = {tuple(r): m for r, m in sink.wait_for(3)[1:]}
    except TimeoutError:
        pytest.fail(logs(tmp_path))

    swedish = digests[("anna@example.org",)]
    assert swedish["Subject"] == "HEART: veckans nyhetsbrev"
    assert swedish.get_content_type() == "multipart/alternative"
    text, html = text_and_html(swedish)
    assert "Seminarium om rekrytering" in text and "Seminarium om rekrytering" in html
    assert '<html lang="sv">' in html
    assert swedish["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe_url = swedish["List-Unsubscribe"].strip().strip("<>")
    assert unsubscribe_url.startswith("http://testserver/sv/notifications/unsubscribe/")
    assert swedish["Message-ID"]

    english_digest = digests[("bob@example.org",)]
    assert english_digest["Subject"] == "HEART: this week's digest"
    text, html = text_and_html(english_digest)
    assert "Seminar on recruitment" in text and "Seminarium" not in text
    assert '<html lang="en">' in html

    # Nothing new: a second run sends nothing.
    send_digests.apply_async()
    time.sleep(3)
    assert len(sink.received()) == 3
    assert OutboxMessage.objects.filter(kind="digest").count() == 2

    # One-click unsubscribe as a mail provider sends it: no session, no CSRF token.
    provider = Client(enforce_csrf_checks=True)
    response = provider.post(
        urlparse(unsubscribe_url).path,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200, (
        unsubscribe_url,
        BeautifulSoup(response.content, "html.parser").main.get_text(),
    )
    assert Subscription.objects.get(email="anna@example.org").unsubscribed_at is not None


def test_a_worker_killed_mid_batch_loses_nothing_and_duplicates_nothing(
    broker_url, publish_to, processes, tmp_path
):
    sink = SmtpSink(delay=0.01)
    sink.start()
    try:
        publish_to(broker_url)
        for n in range(300):
            outbox_queue(
                dedupe_key=f"test:{n}",
                kind="test",
                email=Email(to=f"r{n:03d}@example.org", subject=f"Message {n}", text="Hello"),
                language="sv",
                wake_sender=False,
            )
        env = worker_env(
            broker_url, sink, NOTIFICATIONS_BATCH_SIZE="300", NOTIFICATIONS_CLAIM_TIMEOUT_SECONDS="3"
        )
        first = processes("worker", **env)
        send_outbox.apply_async()
        try:
            sink.wait_for(100, timeout=60)
        except TimeoutError:
            pytest.fail(logs(tmp_path))
        first.kill()
        delivered_at_kill = len(sink.received())
        assert delivered_at_kill < 300, "the batch finished before the kill; the test proves nothing"
        assert OutboxMessage.objects.filter(status=OutboxMessage.Status.SENDING).exists()

        processes("worker", **env)
        time.sleep(3.5)  # the dead worker's claim times out
        send_outbox.apply_async()
        deadline = time.monotonic() + 90
        # Until every message is settled: sent, or "unconfirmed" (the one the mail server held
        # when the worker died), which is final; waiting for "sent" alone ran into the deadline.
        settled = [OutboxMessage.Status.SENT, OutboxMessage.Status.UNCONFIRMED]
        while time.monotonic() < deadline and OutboxMessage.objects.exclude(status__in=settled).exists():
            time.sleep(0.2)
        received = sink.received()
    finally:
        sink.stop()

    deliveries = Counter(recipient for recipients, _ in received for recipient in recipients)
    print(f"worker killed after {delivered_at_kill} of 300 deliveries; deliveries in all: {len(received)}")
    assert set(deliveries) == {f"r{n:03d}@example.org" for n in range(300)}, f"lost; logs:\n{logs(tmp_path)}"
    assert [r for r, count in deliveries.items() if count > 1] == []
    statuses = Counter(OutboxMessage.objects.values_list("status", flat=True))
    # The message the server held when the worker died is "unconfirmed", not sent again; a
    # kill between two messages leaves none.
    assert statuses[OutboxMessage.Status.SENT] + statuses[OutboxMessage.Status.UNCONFIRMED] == 300
    assert statuses[OutboxMessage.Status.UNCONFIRMED] <= 1


def test_two_beats_send_one_digest_each(site_tree, broker_url, publish_to, sink, processes, tmp_path):
    home_sv, _ = site_tree
    index = NewsIndexPageFactory(parent=home_sv)
    subscribers = []
    for n in range(20):
        subscription = Subscription.objects.create(email=f"s{n}@example.org", language="sv")
        subscribers.append(subscription)
    start = timezone.now() - timedelta(minutes=1)
    Subscription.objects.update(confirmed_at=start, last_digest_until=start)
    NewsPageFactory(parent=index, title="Nyhet för alla")
    every_second("Send digests", "Send queued email")

    env = worker_env(broker_url, sink)
    processes("worker", **env)
    processes("beat", **env)
    processes("beat", **env)
    try:
        sink.wait_for(20, timeout=60)
    except TimeoutError:
        state = list(
            Subscription.objects.values_list(
                "email", "last_digest_period", "confirmed_at", "last_digest_until"
            )
        )
        pytest.fail(
            f"{state}\n{list(OutboxMessage.objects.values_list('status', 'last_error'))}\n{logs(tmp_path)}"
        )
    time.sleep(5)  # both beats keep firing every second
    deliveries = Counter(r for recipients, _ in sink.received() for r in recipients)
    assert deliveries == Counter({s.email: 1 for s in subscribers})


def test_a_digest_queued_while_redis_is_down_is_sent_when_it_returns(
    site_tree, redis_server_binary, publish_to, sink, processes, tmp_path
):
    broker = RedisServer(redis_server_binary)
    broker.start()
    publish_to(broker.url)
    every_second("Send queued email")
    env = worker_env(broker.url, sink)
    processes("worker", **env)
    processes("beat", **env)

    home_sv, _ = site_tree
    index = NewsIndexPageFactory(parent=home_sv)
    subscription = Subscription.objects.create(email="s@example.org", language="sv")
    start = timezone.now() - timedelta(minutes=1)
    Subscription.objects.filter(pk=subscription.pk).update(confirmed_at=start, last_digest_until=start)
    NewsPageFactory(parent=index, title="Nyhet")

    broker.stop()
    assert digest_queue_due() == 1  # the digest is written; nothing can be sent
    time.sleep(3)
    assert sink.received() == []
    assert OutboxMessage.objects.get(kind="digest").status == OutboxMessage.Status.QUEUED

    broker.start()
    try:
        [(recipients, message)] = sink.wait_for(1, timeout=60)
    except TimeoutError:
        pytest.fail(logs(tmp_path))
    finally:
        broker.stop()
    assert recipients == ["s@example.org"]
    time.sleep(2)
    assert len(sink.received()) == 1
