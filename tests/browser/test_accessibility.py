"""The public pages in a real browser: axe-core finds nothing (WCAG 2.2 A/AA rules), sign-up works
with the keyboard alone, and the layout reflows at 200 % text size without horizontal scrolling."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.browser.helpers import open_page
from tests.browser.helpers import tab_to as tab_to_within

from .conftest import SCREENSHOT_DIR

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def tab_to(page, selector, limit=40):
    return tab_to_within(page, selector, limit)


LANGUAGES = ["sv", "en"]
PAGES = ["home", "news_index", "news", "search", "signup", "login"]


def url_of(name, content, language):
    pages = content[language]
    if name in ("home", "news_index", "news"):
        return pages[name].url
    if name == "search":
        return f"/{language}/search/?q={pages['query']}"
    return f"/{language}/accounts/{name}/"


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_page_has_no_axe_violations(page, site_content, assert_accessible, language, name):
    open_page(page, url_of(name, site_content, language))
    expect(page.locator("html")).to_have_attribute("lang", language)
    if name == "search":
        # The query must have results, or the results markup goes unchecked.
        expect(page.locator(".search-results li").first).to_be_visible()
    if name in ("home", "news_index"):
        expect(page.locator("article.card").first).to_be_visible()
    if name == "news":
        # The article's section is marked as the current place in the menu, not as this page.
        expect(page.locator(".main-nav a[aria-current]")).to_have_attribute("aria-current", "true")
        expect(page.locator(".article__footer a.tag").first).to_be_visible()
    if name == "search":
        expect(page.locator("[role=search]")).to_have_count(1)
    assert_accessible(page)
    if name == "home" and language == "sv":
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOT_DIR / "home-sv.png"), full_page=True)


@pytest.mark.parametrize("language", LANGUAGES)
def test_sign_up_errors_have_no_axe_violations(page, site_content, assert_accessible, language):
    open_page(page, f"/{language}/accounts/signup/")
    page.fill("#id_email", "not-an-email")
    page.fill("#id_password1", "12345678")  # both too common and entirely numeric: two errors
    page.fill("#id_password2", "other")
    page.locator("main form.form button[type=submit]").click()

    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    assert summary.locator("a").count() >= 4
    expect(page.locator("#id_password1_error p")).to_have_count(2)
    for field in ["full_name", "email", "password1"]:
        expect(page.locator(f"#id_{field}")).to_have_attribute("aria-invalid", "true")
    # Hints and errors are read with their fields (assert_accessible checks that no reference dangles).
    expect(page.locator("#id_password1")).to_have_attribute(
        "aria-describedby", "id_password1_helptext id_password1_error"
    )
    hint = page.locator("#id_full_name_helptext").inner_text().strip()
    assert hint
    expect(page.locator("#id_full_name")).to_have_accessible_description(re.compile(re.escape(hint)))
    # Following a link in the summary puts the cursor in the field.
    summary.locator("a[href='#id_email']").click()
    expect(page.locator("#id_email")).to_be_focused()
    assert_accessible(page)
    if language == "en":
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOT_DIR / "signup-error-en.png"), full_page=True)


def focused(page, expression):
    return page.evaluate(f"(() => {{ const el = document.activeElement; return {expression}; }})()")


@pytest.mark.parametrize("language", LANGUAGES)
def test_sign_up_with_the_keyboard_alone(page, site_content, language):
    open_page(page, f"/{language}/accounts/signup/")
    assert focused(page, "el === document.body")

    # The skip link comes first, shows itself on focus and takes focus to the main content.
    page.keyboard.press("Tab")
    assert focused(page, "el.classList.contains('skip-link') && el.getAttribute('href') === '#main'")
    assert page.evaluate("document.activeElement.getBoundingClientRect().top >= 0")
    page.keyboard.press("Enter")
    assert focused(page, "el.id") == "main"

    tab_to(page, "#id_full_name")
    page.keyboard.type("Amina Yusuf")
    page.keyboard.press("Tab")
    assert focused(page, "el.id") == "id_email"
    page.keyboard.type("amina@example.org")
    page.keyboard.press("Tab")
    assert focused(page, "el.id") == "id_password1"
    page.keyboard.type("a-long-enough-passphrase")
    page.keyboard.press("Tab")
    assert focused(page, "el.id") == "id_password2"
    page.keyboard.type("a-long-enough-passphrase")
    tab_to(page, "main form button[type=submit]", limit=5)
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert re.search(rf"/{language}/accounts/confirm-email/$", page.url), page.url
    expect(page.locator("h1")).to_be_visible()
    assert page.locator("html").get_attribute("lang") == language
    assert [message.to for message in mail.outbox] == [["amina@example.org"]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_reflows_at_200_percent_text(page, site_content, language):
    # What a visitor does in the browser's settings: a default font size of 32 px instead of 16.
    cdp = page.context.new_cdp_session(page)
    cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
    open_page(page, site_content[language]["home"].url)
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "32px"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), page.evaluate(
        "[document.documentElement.scrollWidth, window.innerWidth]"
    )
    # Nothing in the header is pushed out of sight either.
    for selector in [".site-logo", ".language-switcher", ".main-nav", ".search-form", ".account-nav"]:
        box = page.locator(selector).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"], selector


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_reflows_in_a_320_pixel_wide_window(page, site_content, language):
    # WCAG 1.4.10 Reflow: 1280 px at 400 % zoom is a 320 CSS px wide viewport.
    page.set_viewport_size({"width": 320, "height": 640})
    open_page(page, site_content[language]["home"].url)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), page.evaluate(
        "[document.documentElement.scrollWidth, window.innerWidth]"
    )
