"""The digest pages a subscriber reaches from the site and from every email: no axe
violations in either language, and subscribing works with the keyboard alone."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from heart_site.notifications.models import OutboxMessage, Subscription
from heart_site.notifications.tokens import MANAGE, make_token
from tests.browser.helpers import open_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_subscription_pages_have_no_axe_violations(page, site_content, assert_accessible, language):
    open_page(page, f"/{language}/notifications/subscribe/")
    expect(page.locator("fieldset legend").first).to_be_visible()
    assert_accessible(page)

    page.locator("main button[type=submit]").click()  # empty form: the error summary
    expect(page.locator(".error-summary")).to_be_focused()
    assert_accessible(page)

    subscription = Subscription.objects.create(
        email="a@example.org", language=language, confirmed_at=timezone.now()
    )
    token = make_token(subscription, MANAGE)
    open_page(page, f"/{language}/notifications/preferences/{token}/")
    assert_accessible(page)
    open_page(page, f"/{language}/notifications/unsubscribe/{token}/")
    assert_accessible(page)
    open_page(page, f"/{language}/notifications/unsubscribe/forged/", status=400)
    assert_accessible(page)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_subscribe_by_keyboard_alone(page, site_content, language):
    open_page(page, f"/{language}/notifications/subscribe/")
    page.locator("main").focus()
    page.keyboard.press("Tab")
    expect(page.locator("#id_email")).to_be_focused()
    page.keyboard.type("keyboard@example.org")
    page.keyboard.press("Tab")  # the first frequency radio
    page.keyboard.press("ArrowDown")  # monthly
    for _ in range(40):  # through the language radios and the theme checkboxes to the button
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "submit":
            break
    page.keyboard.press("Enter")
    expect(page.locator("main h1")).to_be_visible()
    subscription = Subscription.objects.get(email="keyboard@example.org")
    assert subscription.frequency == "monthly"
    assert not subscription.is_active  # waits for the emailed confirmation
    assert OutboxMessage.objects.filter(to_email="keyboard@example.org", kind="confirmation").count() == 1
    # The hidden spam trap was never reached by the keyboard, or the request would be ignored.
