"""Digests: what was published since the last one, in the subscriber's language and themes,
once per period, and nothing when nothing is new."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from heart_site.core.models import Theme
from heart_site.notifications.models import OutboxMessage, Subscription
from heart_site.notifications.services.digests import digest_period, digest_queue_due
from tests.factories.pages import NewsIndexPageFactory, NewsPageFactory, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(site_tree):
    home_sv, _ = site_tree
    index = NewsIndexPageFactory(parent=home_sv)
    translate(index, "en", title="News", slug="news")
    return index


def subscriber(email="s@example.org", language="sv", frequency="weekly", themes=(), confirmed_days_ago=3):
    confirmed = timezone.now() - timedelta(days=confirmed_days_ago)
    subscription = Subscription.objects.create(
        email=email,
        language=language,
        frequency=frequency,
        confirmed_at=confirmed,
        last_digest_until=confirmed,
    )
    subscription.themes.set(Theme.objects.filter(locale__language_code="sv", slug__in=themes))
    return subscription


def publish(index, title, *, themes=(), english=None):
    page = NewsPageFactory(parent=index, title=title, summary=f"Om {title}")
    page.themes.set(Theme.objects.filter(locale__language_code="sv", slug__in=themes))
    page.save_revision().publish()
    if english:
        translate(
            page, "en", title=english, slug=english.lower().replace(" ", "-"), summary=f"About {english}"
        )
    return page


def test_nothing_new_means_no_email(news):
    subscriber()
    assert digest_queue_due() == 0
    assert not OutboxMessage.objects.exists()


def test_digest_has_both_parts_unsubscribe_headers_and_only_new_items(news):
    subscription = subscriber()
    Subscription.objects.filter(pk=subscription.pk).update(last_digest_until=timezone.now())
    publish(news, "Seminarium om rekrytering")
    assert digest_queue_due() == 1
    message = OutboxMessage.objects.get(kind="digest")
    assert message.dedupe_key == f"digest:{subscription.pk}:{digest_period('weekly', timezone.now())}"
    assert "Seminarium om rekrytering" in message.body_text
    assert "<h3" in message.body_html and 'lang="sv"' in message.body_html
    assert message.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.headers["List-Unsubscribe"].startswith("<http://testserver/sv/notifications/unsubscribe/")
    assert "/sv/notifications/preferences/" in message.body_text


def test_once_per_period_however_often_it_runs(news):
    subscriber()
    publish(news, "Ett")
    assert digest_queue_due() == 1
    publish(news, "Två")
    assert digest_queue_due() == 0  # same week: waits for the next period
    assert OutboxMessage.objects.filter(kind="digest").count() == 1


def test_next_period_brings_only_what_came_after(news):
    subscriber()
    publish(news, "Gammal")
    digest_queue_due()
    publish(news, "Ny")
    assert digest_queue_due(now=timezone.now() + timedelta(days=7)) == 1
    latest = OutboxMessage.objects.filter(kind="digest").order_by("-pk").first()
    assert "Ny" in latest.body_text and "Gammal" not in latest.body_text


def test_digest_in_the_subscribers_language_with_a_note_where_untranslated(news):
    subscriber(language="en")
    publish(news, "Översatt", english="Translated")
    publish(news, "Bara svenska")
    digest_queue_due()
    message = OutboxMessage.objects.get(kind="digest")
    assert message.language == "en"
    assert "this week" in message.subject
    assert "Translated" in message.body_text and "Översatt" not in message.body_text
    assert re.search(r"Bara svenska \(.*\) \[not yet translated\]", message.body_text)
    assert "/en/news/translated/" in message.body_text
    assert "/en/notifications/unsubscribe/" in message.headers["List-Unsubscribe"]


def test_swedish_digest_is_in_swedish(news):
    subscriber(language="sv")
    publish(news, "Nyhet")
    digest_queue_due()
    message = OutboxMessage.objects.get(kind="digest")
    assert "veckans" in message.subject.lower()


def test_themes_filter_the_digest(news):
    subscriber(email="age@example.org", themes=["age"])
    subscriber(email="all@example.org")
    publish(news, "Om ålder", themes=["age"])
    publish(news, "Om CSR", themes=["csr"])
    digest_queue_due()
    by_recipient = {m.to_email: m.body_text for m in OutboxMessage.objects.filter(kind="digest")}
    assert "Om ålder" in by_recipient["age@example.org"] and "Om CSR" not in by_recipient["age@example.org"]
    assert "Om ålder" in by_recipient["all@example.org"] and "Om CSR" in by_recipient["all@example.org"]


def test_monthly_subscribers_get_one_a_month(news):
    subscriber(frequency="monthly")
    publish(news, "Nyhet")
    now = timezone.now()
    assert digest_queue_due(now=now) == 1
    publish(news, "Nyhet två")
    assert digest_queue_due(now=now + timedelta(days=7)) == (
        1 if digest_period("monthly", now + timedelta(days=7)) != digest_period("monthly", now) else 0
    )


def test_pending_and_unsubscribed_get_nothing(news):
    Subscription.objects.create(email="pending@example.org", language="sv")
    gone = subscriber(email="gone@example.org")
    Subscription.objects.filter(pk=gone.pk).update(unsubscribed_at=timezone.now())
    publish(news, "Nyhet")
    assert digest_queue_due() == 0


def test_an_old_article_newly_translated_is_not_news(news):
    subscriber(language="en", confirmed_days_ago=1)
    old = NewsPageFactory(parent=news, title="Gammal")
    from wagtail.models import Page

    Page.objects.filter(pk=old.pk).update(first_published_at=timezone.now() - timedelta(days=30))
    translate(old, "en", title="Old", slug="old")
    assert digest_queue_due() == 0


def test_digest_query_count_does_not_grow_with_subscribers(news, django_assert_max_num_queries):
    publish(news, "Nyhet")
    for n in range(5):
        subscriber(email=f"a{n}@example.org")
    with django_assert_max_num_queries(200) as small:
        digest_queue_due()
    OutboxMessage.objects.all().delete()
    Subscription.objects.update(last_digest_period="")
    for n in range(20):
        subscriber(email=f"b{n}@example.org")
    with django_assert_max_num_queries(1000) as large:
        digest_queue_due()
    per_small = len(small.captured_queries) / 5
    per_large = len(large.captured_queries) / 25
    # Per subscriber the cost is constant (a lock, an insert, an update); the content is
    # collected once for everyone who shares language, themes and start.
    assert per_large <= per_small
