"""Sitemap with language alternates, robots.txt and search."""

import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from tests.factories.pages import StandardPageFactory, translate

pytestmark = pytest.mark.django_db
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def test_sitemap_lists_both_languages_with_alternates(client, site_tree):
    home_sv, _ = site_tree
    page = StandardPageFactory(parent=home_sv, title="Om", slug="om")
    translate(page, "en", title="About", slug="about")
    StandardPageFactory(parent=home_sv, title="Bara svenska", slug="bara")
    StandardPageFactory(parent=home_sv, title="Utkast", slug="utkast", live=False)

    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    tree = ET.fromstring(response.content)
    urls = {u.find("sm:loc", NS).text: u for u in tree.findall("sm:url", NS)}
    assert set(urls) == {
        "http://localhost/sv/",
        "http://localhost/en/",
        "http://localhost/sv/om/",
        "http://localhost/en/about/",
        "http://localhost/sv/bara/",
    }
    alternates = {
        link.get("hreflang"): link.get("href")
        for link in urls["http://localhost/en/about/"].findall("xhtml:link", NS)
    }
    assert alternates == {"sv": "http://localhost/sv/om/", "en": "http://localhost/en/about/"}
    assert urls["http://localhost/sv/bara/"].findall("xhtml:link", NS) == []


def test_robots_txt_points_at_the_sitemap(client, site_tree):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body


def test_search_finds_pages_in_the_active_language_only(client, site_tree):
    home_sv, _ = site_tree
    page = StandardPageFactory(parent=home_sv, title="Tillgänglighet på arbetsplatsen", slug="tillganglighet")
    translate(page, "en", title="Accessibility at the workplace", slug="accessibility")

    sv = BeautifulSoup(client.get("/sv/search/", {"q": "Tillgänglighet"}).content, "html.parser")
    assert [a.get_text(strip=True) for a in sv.select(".search-results h3 a")] == [
        "Tillgänglighet på arbetsplatsen"
    ]
    en = BeautifulSoup(client.get("/en/search/", {"q": "Accessibility"}).content, "html.parser")
    assert [a.get_text(strip=True) for a in en.select(".search-results h3 a")] == [
        "Accessibility at the workplace"
    ]
    assert en.select_one(".search-results a")["href"] == "/en/accessibility/"


def test_search_without_query_shows_the_form(client, site_tree):
    response = client.get("/en/search/")
    assert response.status_code == 200
    assert BeautifulSoup(response.content, "html.parser").find("input", attrs={"name": "q"})


@pytest.mark.parametrize(
    ("params", "message"), [({"q": "x" * 201}, "under 200"), ({"q": "   "}, "Type what")]
)
def test_search_rejects_bad_queries_with_a_clear_message(client, site_tree, params, message):
    response = client.get("/en/search/", params)
    assert response.status_code == 400
    summary = BeautifulSoup(response.content, "html.parser").find(class_="error-summary")
    assert message in summary.get_text()


def test_search_survives_a_tampered_page_number(client, site_tree):
    assert client.get("/en/search/", {"q": "HEART", "page": "zz"}).status_code == 200


def test_search_query_count_is_bounded(client, site_tree, django_assert_max_num_queries):
    home_sv, _ = site_tree
    for n in range(15):
        StandardPageFactory(parent=home_sv, title=f"Likabehandling {n}", slug=f"lika-{n}")
    with django_assert_max_num_queries(25):
        response = client.get("/sv/search/", {"q": "Likabehandling"})
    assert len(BeautifulSoup(response.content, "html.parser").select(".search-results li")) == 10
