"""Steps the browser tests share: opening a page, logging in without the form, moving by Tab.
(Not a test module: pytest does not collect it.)"""

import pytest
from django.conf import settings
from django.test import Client


def open_page(page, path, status=200):
    response = page.goto(path)
    assert response is not None and response.status == status, f"{path}: {response and response.status}"
    return response


def log_in_with_cookie(page, live_server, user):
    """A session made on the server side, for runs that do not test the login form."""
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )


def focused_matches(page, selector):
    return page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector)


def tab_to(page, selector, limit):
    """Press Tab until the element matching ``selector`` has focus; fail after ``limit`` presses."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused_matches(page, selector):
            return
    pytest.fail(f"{selector} not reached with {limit} presses of Tab")
