"""Restricted pages stay restricted while the site reads view restrictions once per request."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from tests.factories.pages import NewsIndexPageFactory, NewsPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def restricted(site_tree):
    home_sv, _ = site_tree
    page = StandardPageFactory(parent=home_sv, title="Hemlig sida", slug="hemlig", show_in_menus=True)
    index = NewsIndexPageFactory(parent=home_sv)
    NewsPageFactory(parent=index, title="Öppen nyhet")
    secret_news = NewsPageFactory(parent=index, title="Hemlig nyhet")
    for target in (page, secret_news):
        PageViewRestriction.objects.create(page=target, restriction_type="password", password="lösen")
    return page, secret_news


def test_a_restricted_page_asks_for_the_password(client, restricted):
    response = client.get("/sv/hemlig/")
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert html.find("input", attrs={"type": "password"}) is not None


def test_restricted_pages_are_left_out_of_menu_listings_and_search(client, restricted):
    home = client.get("/sv/").content.decode()
    assert "Hemlig sida" not in home and "Hemlig nyhet" not in home
    index = client.get("/sv/nyheter/").content.decode()
    assert "Öppen nyhet" in index and "Hemlig nyhet" not in index
    found = BeautifulSoup(client.get("/sv/search/", {"q": "Hemlig"}).content, "html.parser")
    assert found.select(".search-results li") == []
    assert "Hemlig" not in client.get("/sitemap.xml").content.decode()


def test_a_restriction_added_between_requests_applies_at_once(client, site_tree):
    home_sv, _ = site_tree
    page = StandardPageFactory(parent=home_sv, title="Snart hemlig", slug="snart", show_in_menus=True)
    assert "Snart hemlig" in client.get("/sv/").content.decode()
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")
    assert "Snart hemlig" not in client.get("/sv/").content.decode()
    html = BeautifulSoup(client.get("/sv/snart/").content, "html.parser")
    assert html.find("input", attrs={"type": "password"}) is not None


def test_restrictions_are_read_once_per_request(client, restricted, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/sv/nyheter/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/sv/nyheter/")
    reads = [q for q in queries.captured_queries if 'FROM "wagtailcore_pageviewrestriction"' in q["sql"]]
    assert len(reads) <= 2  # ours once, and Wagtail's check of this page's ancestors
