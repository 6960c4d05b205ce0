"""Subscribing with double opt-in, preferences and unsubscribing, through the pages a person
uses; forged, expired and replayed links change nothing."""

import re

import pytest
from bs4 import BeautifulSoup
from django.core import signing
from django.test import Client

from heart_site.core.models import Theme
from heart_site.notifications.models import OutboxMessage, Subscription
from heart_site.notifications.tokens import CONFIRM, MANAGE, SALT, make_token
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


def subscribe(client, language="sv", **data):
    """Send the subscribe form from the page in ``language`` (the form's language field may differ)."""
    form = {"email": "anna@example.org", "frequency": "weekly", "language": language, "website": "", **data}
    return client.post(f"/{language}/notifications/subscribe/", form)


def link_in(message, name):
    return re.search(rf"http://testserver(/\w\w/notifications/{name}/[^/\s]+/)", message.body_text).group(1)


def test_subscribe_confirm_and_the_link_works_once(client, site_tree):
    age = Theme.objects.get(slug="age", locale__language_code="en")
    response = subscribe(client, language="en", themes=[age.pk])
    assert response.status_code == 200
    assert "Check your inbox" in response.content.decode()
    subscription = Subscription.objects.get(email="anna@example.org")
    assert not subscription.is_active
    # The subscription points at the Swedish source theme, whatever language the form was in.
    assert [t.locale.language_code for t in subscription.themes.all()] == ["sv"]

    confirmation = OutboxMessage.objects.get(kind="confirmation")
    assert confirmation.to_email == "anna@example.org" and confirmation.language == "en"
    assert "Confirm" in confirmation.subject
    path = link_in(confirmation, "confirm")

    assert client.get(path).status_code == 200  # a mail scanner following the link confirms nothing
    subscription.refresh_from_db()
    assert not subscription.is_active

    assert client.post(path).status_code == 200
    subscription.refresh_from_db()
    assert subscription.is_active

    again = client.post(path)
    assert again.status_code == 409
    assert "already confirmed" in again.content.decode()


@pytest.mark.parametrize(
    ("token", "message"),
    [
        ("not-a-token", "not valid"),
        (signing.dumps({"s": 1, "k": "x", "p": "confirm"}, salt="other-salt"), "not valid"),
        (signing.dumps({"s": "1", "k": "x", "p": "confirm"}, salt=SALT), "not valid"),
        (signing.dumps({"s": 999999, "k": "x", "p": "confirm"}, salt=SALT), "could not find"),
    ],
)
def test_forged_confirmation_links_are_refused(client, site_tree, token, message):
    response = client.post(f"/en/notifications/confirm/{token}/")
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Subscription.objects.filter(confirmed_at__isnull=False).exists()


def test_expired_confirmation_link(client, site_tree, settings):
    subscribe(client, language="en")
    subscription = Subscription.objects.get()
    token = make_token(subscription, CONFIRM)
    settings.NOTIFICATIONS_CONFIRMATION_MAX_AGE_SECONDS = -1
    response = client.post(f"/en/notifications/confirm/{token}/")
    assert response.status_code == 400
    assert "expired" in response.content.decode()
    subscription.refresh_from_db()
    assert not subscription.is_active


def test_a_manage_link_cannot_confirm(client, site_tree):
    subscribe(client)
    subscription = Subscription.objects.get()
    response = client.post(f"/sv/notifications/confirm/{make_token(subscription, MANAGE)}/")
    assert response.status_code == 400
    subscription.refresh_from_db()
    assert not subscription.is_active


@pytest.mark.parametrize("email", ["not-an-email", "a@", "x" * 250 + "@example.org", ""])
def test_malformed_emails_are_refused(client, site_tree, email):
    response = subscribe(client, email=email)
    assert response.status_code == 400
    assert BeautifulSoup(response.content, "html.parser").find(class_="error-summary")
    assert not Subscription.objects.exists() and not OutboxMessage.objects.exists()


@pytest.mark.parametrize(
    "data", [{"frequency": "daily"}, {"language": "de"}, {"themes": ["999999"]}, {"themes": ["x"]}]
)
def test_tampered_choices_are_refused(client, site_tree, data):
    response = client.post(
        "/sv/notifications/subscribe/",
        {"email": "a@example.org", "frequency": "weekly", "language": "sv", **data},
    )
    assert response.status_code == 400
    assert not Subscription.objects.exists()


def test_honeypot_answers_like_success_and_stores_nothing(client, site_tree):
    response = subscribe(client, website="http://spam.example")
    assert response.status_code == 200
    assert not Subscription.objects.exists() and not OutboxMessage.objects.exists()


def test_subscribing_an_active_address_reveals_nothing_and_changes_nothing(client, site_tree):
    subscribe(client)
    subscription = Subscription.objects.get()
    Client().post(link_in(OutboxMessage.objects.get(), "confirm"))
    response = subscribe(Client(), frequency="monthly", language="en")
    assert "Check your inbox" in response.content.decode(), BeautifulSoup(
        response.content, "html.parser"
    ).main.get_text()
    subscription.refresh_from_db()
    assert (subscription.frequency, subscription.language) == ("weekly", "sv")
    assert OutboxMessage.objects.filter(dedupe_key__startswith="already:").count() == 1


def test_confirmation_mail_is_sent_at_most_once_an_hour(client, site_tree):
    for _ in range(3):
        subscribe(client)
    assert OutboxMessage.objects.filter(kind="confirmation").count() == 1


def test_a_verified_account_is_subscribed_at_once(client, site_tree):
    user = UserFactory(email="me@example.org")
    client.force_login(user)
    response = subscribe(client, email="me@example.org")
    assert "Du prenumererar nu" in response.content.decode()
    subscription = Subscription.objects.get()
    assert subscription.is_active and subscription.user == user
    assert not OutboxMessage.objects.exists()


def test_a_logged_in_user_subscribing_someone_else_needs_their_confirmation(client, site_tree):
    client.force_login(UserFactory(email="me@example.org"))
    subscribe(client, email="other@example.org")
    subscription = Subscription.objects.get()
    assert not subscription.is_active and subscription.user is None


def test_preferences_page_changes_frequency_themes_and_language(client, site_tree):
    subscribe(client)
    subscription = Subscription.objects.get()
    token = make_token(subscription, MANAGE)
    page = client.get(f"/en/notifications/preferences/{token}/")
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    csr = Theme.objects.get(slug="csr", locale__language_code="en")
    response = client.post(
        f"/en/notifications/preferences/{token}/",
        {"frequency": "monthly", "language": "en", "themes": [csr.pk]},
    )
    assert response.status_code == 200
    subscription.refresh_from_db()
    assert (subscription.frequency, subscription.language) == ("monthly", "en")
    assert [t.slug for t in subscription.themes.all()] == ["csr"]
    bad = client.post(f"/en/notifications/preferences/{token}/", {"frequency": "hourly", "language": "en"})
    assert bad.status_code == 400
    subscription.refresh_from_db()
    assert subscription.frequency == "monthly"


def test_one_click_unsubscribe_needs_no_session_and_is_idempotent(site_tree):
    client = Client(enforce_csrf_checks=True)
    subscribe(Client())
    subscription = Subscription.objects.get()
    Subscription.objects.filter(pk=subscription.pk).update(confirmed_at=subscription.created_at)
    path = f"/sv/notifications/unsubscribe/{make_token(subscription, MANAGE)}/"

    assert client.get(path).status_code == 200  # shows a button; changes nothing
    subscription.refresh_from_db()
    assert subscription.is_active

    response = client.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.unsubscribed_at is not None
    assert (
        client.post(
            path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
        ).status_code
        == 200
    )
    assert client.get(path.replace("unsubscribe", "preferences")).status_code == 410


def test_resubscribing_kills_the_old_links(client, site_tree):
    subscribe(client)
    subscription = Subscription.objects.get()
    old_token = make_token(subscription, MANAGE)
    client.post(f"/sv/notifications/unsubscribe/{old_token}/")
    subscribe(client)
    response = client.get(f"/sv/notifications/preferences/{old_token}/")
    assert response.status_code == 400


def test_privacy_export_and_erase(client, site_tree):
    from heart_site import privacy

    user = UserFactory(email="me@example.org")
    subscribe(client, email="me@example.org")
    exported = privacy.user_data_export(user=user)["notifications"]
    assert [s["email"] for s in exported["subscriptions"]] == ["me@example.org"]
    privacy.user_data_erase(user=user)
    assert not Subscription.objects.exists()
    assert not OutboxMessage.objects.filter(to_email="me@example.org").exists()


def test_subscribe_is_rate_limited(client, site_tree, settings):
    for n in range(10):
        subscribe(client, email=f"n{n}@example.org")
    response = subscribe(client, email="eleventh@example.org")
    assert response.status_code == 429
    assert not Subscription.objects.filter(email="eleventh@example.org").exists()


def test_subscribing_works_while_the_broker_is_down(
    client, site_tree, caplog, django_capture_on_commit_callbacks
):
    """The confirmation is written to the outbox; only waking a worker fails, and that is
    logged, not shown."""
    from tests.services import celery_broker, free_port

    with (
        celery_broker(f"redis://127.0.0.1:{free_port()}/0"),
        caplog.at_level("ERROR"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = subscribe(client, language="en")
    assert response.status_code == 200
    assert OutboxMessage.objects.filter(kind="confirmation", status="queued").count() == 1
    assert "Could not enqueue" in caplog.text


def test_subscribing_works_while_the_cache_is_down(client, site_tree, settings):
    """The rate limit counts in the cache; a stopped Redis must not turn the form into a 500."""
    from heart_site.settings.base import redis_cache
    from tests.services import free_port

    settings.CACHES = {"default": redis_cache(f"redis://127.0.0.1:{free_port()}/0")}
    response = subscribe(client, language="en")
    assert response.status_code == 200
    assert Subscription.objects.filter(email="anna@example.org").exists()
