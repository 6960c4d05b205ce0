"""Pages render in both languages with the right language, alternates and switcher."""

import re

import pytest
from bs4 import BeautifulSoup

from heart_site.core.models import StandardPage
from tests.factories.pages import NewsIndexPageFactory, NewsPageFactory, StandardPageFactory, translate

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_root_redirects_to_a_language(client, site_tree):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert response["Location"] == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="sv")["Location"] == "/sv/"


@pytest.mark.parametrize("language", ["sv", "en"])
def test_home_renders_in_its_language(client, site_tree, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == language
    assert html.find("a", class_="skip-link")["href"] == "#main"
    assert html.find("main", id="main") is not None
    assert html.find("h1").get_text(strip=True) == "HEART"


def test_hreflang_alternates_point_at_each_translation(client, site_tree):
    home_sv, home_en = site_tree
    page_sv = StandardPageFactory(parent=home_sv, title="Om oss", slug="om-oss")
    translate(page_sv, "en", title="About us", slug="about-us")

    html = soup(client.get("/sv/om-oss/"))
    alternates = {link["hreflang"]: link["href"] for link in html.find_all("link", rel="alternate")}
    assert alternates == {
        "sv": "http://testserver/sv/om-oss/",
        "en": "http://testserver/en/about-us/",
        "x-default": "http://testserver/sv/om-oss/",
    }


def test_language_switcher_lands_on_the_translation(client, site_tree):
    home_sv, _home_en = site_tree
    page_sv = StandardPageFactory(parent=home_sv, title="Om oss", slug="om-oss")
    translate(page_sv, "en", title="About us", slug="about-us")

    html = soup(client.get("/sv/om-oss/"))
    switcher = html.find("nav", class_="language-switcher")
    english = switcher.find("a", lang="en")
    assert english["href"] == "/en/about-us/"
    assert switcher.find(attrs={"aria-current": "true"}).get_text(strip=True) == "Svenska"

    response = client.get(english["href"])
    assert response.status_code == 200
    assert soup(response).html["lang"] == "en"


def test_switching_to_a_missing_translation_shows_the_source_with_a_notice(client, site_tree):
    home_sv, _home_en = site_tree
    StandardPageFactory(parent=home_sv, title="Bara svenska", slug="bara-svenska")

    html = soup(client.get("/sv/bara-svenska/"))
    english = html.find("nav", class_="language-switcher").find("a", lang="en")
    assert english["href"] == "/sv/bara-svenska/?missing_translation=en"
    assert "not translated yet" in english.get_text()
    # No hreflang for a translation that does not exist.
    assert {link["hreflang"] for link in html.find_all("link", rel="alternate")} == {"sv", "x-default"}

    notice_page = soup(client.get(english["href"]))
    notice = notice_page.find(attrs={"role": "note"})
    assert notice["lang"] == "en"
    assert "not yet available in English" in notice.get_text()
    assert notice_page.h1.get_text(strip=True) == "Bara svenska"


def test_unknown_language_in_notice_parameter_is_ignored(client, site_tree):
    response = client.get("/sv/?missing_translation=<script>")
    assert response.status_code == 200
    assert soup(response).find(attrs={"role": "note"}) is None


@pytest.mark.parametrize(
    ("path", "language", "text"),
    [("/sv/nope/", "sv", "Sidan finns inte"), ("/en/nope/", "en", "Page not found")],
)
def test_friendly_404_in_both_languages(client, site_tree, path, language, text):
    response = client.get(path)
    assert response.status_code == 404
    html = soup(response)
    assert html.html["lang"] == language
    assert text in html.h1.get_text()


def test_500_page_renders_in_the_active_language(rf):
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override("sv"):
        html = BeautifulSoup(render_to_string("500.html"), "html.parser")
    assert html.html["lang"] == "sv"
    assert html.h1.get_text(strip=True) == "Något gick fel"


def test_menu_lists_pages_of_the_active_language_only(client, site_tree):
    home_sv, home_en = site_tree
    StandardPageFactory(parent=home_sv, title="Svensk meny", slug="svensk", show_in_menus=True)
    StandardPageFactory(parent=home_en, title="English menu", slug="english", show_in_menus=True)
    sv_nav = soup(client.get("/sv/")).find("nav", class_="main-nav").get_text()
    en_nav = soup(client.get("/en/")).find("nav", class_="main-nav").get_text()
    assert "Svensk meny" in sv_nav and "English menu" not in sv_nav
    assert "English menu" in en_nav and "Svensk meny" not in en_nav


def test_news_page_shows_theme_names_in_the_page_language(client, site_tree):
    from heart_site.core.models import Theme

    home_sv, _ = site_tree
    index = NewsIndexPageFactory(parent=home_sv)
    article = NewsPageFactory(parent=index, title="Ålder och arbete", slug="alder")
    article.themes.add(Theme.objects.get(slug="age", locale__language_code="sv"))
    article.save_revision().publish()
    translate(index, "en", title="News", slug="news")
    translate(article, "en", title="Age and work", slug="age-and-work")

    sv = soup(client.get("/sv/nyheter/alder/")).find("footer", class_="article__footer").get_text()
    en = soup(client.get("/en/news/age-and-work/")).find("footer", class_="article__footer").get_text()
    assert "Ålder" in sv
    assert "Age" in en and "Ålder" not in en


def test_standard_page_body_blocks_render_accessibly(client, site_tree):
    home_sv, _ = site_tree
    page = StandardPage(
        title="Block",
        slug="block",
        body=[
            ("heading", {"text": "Rubrik tre", "level": "h3"}),
            ("quote", {"text": "Alla ska med.", "attribution": "Någon"}),
            (
                "call_to_action",
                {
                    "title": "Läs mer",
                    "text": "",
                    "link_text": "Till startsidan",
                    "target": {"page": home_sv, "url": ""},
                },
            ),
        ],
    )
    home_sv.add_child(instance=page)
    page.save_revision().publish()
    html = soup(client.get("/sv/block/"))
    assert html.find("h3").get_text(strip=True) == "Rubrik tre"
    assert html.find("blockquote").get_text(strip=True) == "Alla ska med."
    cta = html.find("aside", class_="cta")
    assert cta.find("a")["href"] == "/sv/"
    assert re.search(r"Till startsidan", cta.get_text())
