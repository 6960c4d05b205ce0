"""News index: pagination, theme filter, feeds per language, and bounded queries."""

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from heart_site.core.models import Theme
from tests.factories.pages import NewsIndexPageFactory, NewsPageFactory, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_index(site_tree):
    home_sv, _ = site_tree
    return NewsIndexPageFactory(parent=home_sv)


def add_news(index, count, **kwargs):
    return [NewsPageFactory(parent=index, **kwargs) for _ in range(count)]


def test_index_paginates(client, news_index, settings):
    settings.HEART_NEWS_PER_PAGE = 3
    add_news(news_index, 7)
    first = BeautifulSoup(client.get("/sv/nyheter/").content, "html.parser")
    assert len(first.select("article.card")) == 3
    last = BeautifulSoup(client.get("/sv/nyheter/?page=3").content, "html.parser")
    assert len(last.select("article.card")) == 1
    assert last.find("nav", class_="pagination").find(attrs={"aria-current": "page"}).get_text(strip=True)


@pytest.mark.parametrize("page_param", ["abc", "-1", "999", "1%00", "9" * 40])
def test_index_survives_tampered_page_numbers(client, news_index, page_param):
    add_news(news_index, 2)
    response = client.get(f"/sv/nyheter/?page={page_param}")
    assert response.status_code == 200
    assert len(BeautifulSoup(response.content, "html.parser").select("article.card")) == 2


def test_index_filters_by_theme(client, news_index):
    age = Theme.objects.get(locale__language_code="sv", slug="age")
    tagged = NewsPageFactory(parent=news_index, title="Om ålder")
    tagged.themes.add(age)
    tagged.save_revision().publish()
    NewsPageFactory(parent=news_index, title="Annat")

    html = BeautifulSoup(client.get("/sv/nyheter/?theme=age").content, "html.parser")
    titles = [a.get_text(strip=True) for a in html.select("article.card h2 a")]
    assert titles == ["Om ålder"]
    assert html.find("option", selected=True)["value"] == "age"


def test_theme_filter_works_on_the_english_index(client, news_index):
    age = Theme.objects.get(locale__language_code="sv", slug="age")
    article = NewsPageFactory(parent=news_index, title="Om ålder")
    article.themes.add(age)
    article.save_revision().publish()
    index_en = translate(news_index, "en", title="News", slug="news")
    translate(article, "en", title="About age", slug="about-age")

    html = BeautifulSoup(client.get("/en/news/?theme=age").content, "html.parser")
    assert [a.get_text(strip=True) for a in html.select("article.card h2 a")] == ["About age"]
    assert index_en.live


def test_unknown_theme_shows_everything(client, news_index):
    add_news(news_index, 2)
    response = client.get("/sv/nyheter/?theme=does-not-exist")
    assert response.status_code == 200
    assert len(BeautifulSoup(response.content, "html.parser").select("article.card")) == 2


def test_draft_news_is_not_listed(client, news_index):
    NewsPageFactory(parent=news_index, title="Utkast", live=False)
    html = BeautifulSoup(client.get("/sv/nyheter/").content, "html.parser")
    assert "Utkast" not in html.get_text()


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feeds_per_language(client, news_index, kind):
    articles = add_news(news_index, 3)
    index_en = translate(news_index, "en", title="News", slug="news")
    translate(articles[0], "en", title="English article", slug="english-article")

    sv = feedparser.parse(client.get(f"/sv/nyheter/{kind}/").content)
    en = feedparser.parse(client.get(f"/en/news/{kind}/").content)
    assert not sv.bozo and not en.bozo
    assert sv.version == en.version == {"rss": "rss20", "atom": "atom10"}[kind]
    assert len(sv.entries) == 3
    assert [e.title for e in en.entries] == ["English article"]
    assert en.entries[0].link == "http://testserver/en/news/english-article/"
    assert (sv.feed.language, en.feed.language) == ("sv", "en")
    assert index_en.url_path.endswith("/news/")


def test_index_query_count_does_not_grow_with_items(client, news_index, settings):
    settings.HEART_NEWS_PER_PAGE = 50
    age = Theme.objects.get(locale__language_code="sv", slug="age")

    def count_queries():
        client.get("/sv/nyheter/")  # warm per-process caches (content types, site roots)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/sv/nyheter/").status_code == 200
        return len(ctx.captured_queries)

    for article in add_news(news_index, 5):
        article.themes.add(age)
        article.tags.add("tag")
        article.save_revision().publish()
    small = count_queries()
    for article in add_news(news_index, 45):
        article.themes.add(age)
        article.save_revision().publish()
    large = count_queries()
    assert small == large, f"5 items: {small} queries, 50 items: {large} queries"


def test_index_query_count_is_bounded(client, news_index, django_assert_max_num_queries):
    add_news(news_index, 20)
    client.get("/sv/nyheter/")
    with django_assert_max_num_queries(25):
        client.get("/sv/nyheter/")
