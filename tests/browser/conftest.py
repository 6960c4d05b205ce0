"""Browser fixtures: Debian's Chromium driven by Playwright, axe-core, and a small bilingual site.

Playwright's sync API runs an asyncio event loop in the test thread, and Django refuses ORM
calls from a thread with a running loop unless told otherwise. The test code only talks to
the database between browser actions (building data, reading the mail outbox), never
concurrently with it, so allowing it is safe here.
"""

import os
from pathlib import Path

import pytest

from tests.conftest import missing_service

# Playwright's sync API runs an event loop in the test thread, and Django refuses ORM calls
# from a thread with a running loop. It has to be set before the session's browser starts;
# tests that start deployment-like subprocesses remove it from their environment.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
}
ID_PROBLEMS = """(() => {
    const ids = [...document.querySelectorAll('[id]')].map(el => el.id);
    const duplicates = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
    const dangling = [];
    for (const attr of ['for', 'aria-describedby', 'aria-labelledby', 'aria-controls']) {
        for (const el of document.querySelectorAll(`[${attr}]`)) {
            for (const id of el.getAttribute(attr).split(/\\s+/).filter(Boolean)) {
                if (!document.getElementById(id)) dangling.push(`${el.tagName.toLowerCase()}[${attr}=${id}]`);
            }
        }
    }
    return {duplicates, dangling};
})()"""
SCREENSHOT_DIR = Path(os.environ.get("HEART_SCREENSHOT_DIR", "/tmp/screens"))


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        missing_service(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def format_violations(violations):
    lines = [f"{len(violations)} accessibility violation(s):"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"    * {', '.join(map(str, node['target']))}")
            summary = node.get("failureSummary")
            if summary:
                lines.extend(f"        {line}" for line in summary.splitlines())
    return "\n".join(lines)


@pytest.fixture
def assert_accessible(axe):
    """Run axe-core on the page as it is now and fail with a readable list of violations."""

    def check(page):
        # Colour contrast depends on the stylesheet: make sure it really loaded.
        assert page.evaluate(
            "[...document.styleSheets].some(s => s.href && s.href.includes('/static/css/heart.css')"
            " && s.cssRules.length > 0)"
        ), f"heart.css did not load on {page.url}"
        results = axe.run(page, options=AXE_OPTIONS)
        violations = results.response["violations"]
        assert not violations, f"{page.url}\n{format_violations(violations)}"
        # Two things axe 4.12 no longer checks everywhere: ids are unique, and every id that a
        # label or ARIA attribute points at exists (else the hint or name is silently lost).
        problems = page.evaluate(ID_PROBLEMS)
        assert problems == {"duplicates": [], "dangling": []}, (
            f"{page.url}\nduplicate ids: {problems['duplicates']}"
            f"\nreferences to missing ids: {problems['dangling']}"
        )

    return check


HOME_BODY = {
    "sv": {
        "heading": "Om programmet",
        "paragraph": (
            '<p>HEART ger kommuner och partner <a href="/sv/search/?q=kurs">kurser</a> och ett nätverk.</p>'
        ),
        "quote": "Alla ska bemötas lika.",
        "attribution": "En deltagare",
        "cta_title": "Läs det senaste",
        "cta_text": "Nyheter om utbildningar och nätverket.",
        "cta_link": "Till nyheterna",
    },
    "en": {
        "heading": "About the programme",
        "paragraph": (
            '<p>HEART gives municipalities and partners <a href="/en/search/?q=course">courses</a>'
            " and a network.</p>"
        ),
        "quote": "Everyone should be treated equally.",
        "attribution": "A participant",
        "cta_title": "Read the latest",
        "cta_text": "News about training and the network.",
        "cta_link": "Go to the news",
    },
}


def home_body(texts, news_index):
    """Raw StreamField data using the blocks an editor puts on a home page."""
    return [
        {"type": "heading", "value": {"text": texts["heading"], "level": "h2"}},
        {"type": "paragraph", "value": texts["paragraph"]},
        {"type": "quote", "value": {"text": texts["quote"], "attribution": texts["attribution"]}},
        {
            "type": "call_to_action",
            "value": {
                "title": texts["cta_title"],
                "text": texts["cta_text"],
                "link_text": texts["cta_link"],
                "target": {"page": news_index.pk, "url": ""},
            },
        },
    ]


@pytest.fixture
def site_content(live_server, reference_data):
    """Swedish and English homes, news index and two articles in each language."""
    from heart_site.core.models import Theme
    from tests.factories.pages import NewsIndexPageFactory, NewsPageFactory, build_site, translate

    home_sv, home_en = build_site()
    index_sv = NewsIndexPageFactory(parent=home_sv, show_in_menus=True, intro="Nytt från HEART.")
    index_en = translate(index_sv, "en", title="News", slug="news", intro="News from HEART.")
    articles = []
    for number, (sv_title, en_title) in enumerate(
        [
            ("Utbildning om likabehandling", "Training on equal treatment"),
            ("Nätverket växer", "The network grows"),
        ]
    ):
        article_sv = NewsPageFactory(
            parent=index_sv,
            title=sv_title,
            summary=f"Sammanfattning {number}: kurser om likabehandling för kommuner.",
        )
        article_sv.themes.add(
            *Theme.objects.filter(locale__language_code="sv", slug__in=["age", "disability"])
        )
        article_sv.tags.add("kurser")
        article_sv.save_revision().publish()
        article_en = translate(
            article_sv,
            "en",
            title=en_title,
            slug=f"news-{number}",
            summary=f"Summary {number}: courses on equal treatment for municipalities.",
        )
        articles.append((article_sv, article_en))
    for home, index, texts in ((home_sv, index_sv, HOME_BODY["sv"]), (home_en, index_en, HOME_BODY["en"])):
        home.refresh_from_db()  # a stale copy would save numchild=0 and hide the news
        home.body = home_body(texts, index)
        home.save_revision().publish()
    return {
        "sv": {"home": home_sv, "news_index": index_sv, "news": articles[0][0], "query": "likabehandling"},
        "en": {"home": home_en, "news_index": index_en, "news": articles[0][1], "query": "equal treatment"},
    }
