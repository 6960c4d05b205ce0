"""Shared fixtures.

Services: when ``HEART_REQUIRE_SERVICES=1`` (CI sets it), a test that needs PostgreSQL,
Redis or the browser fails if the service is missing; otherwise it is skipped with the reason,
so a newcomer without them still gets a meaningful run.
"""

import os
import shutil

import pytest
from django.apps import apps as django_apps

REQUIRE_SERVICES = os.environ.get("HEART_REQUIRE_SERVICES") == "1"


def missing_service(reason):
    """Fail in CI, skip elsewhere."""
    if REQUIRE_SERVICES:
        pytest.fail(f"Required service missing: {reason}", pytrace=False)
    pytest.skip(reason)


def pytest_sessionstart(session):
    if REQUIRE_SERVICES:
        from django.conf import settings

        if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
            raise pytest.UsageError("HEART_REQUIRE_SERVICES=1 but DATABASE_URL does not point at PostgreSQL")
        if not os.environ.get("REDIS_URL"):
            raise pytest.UsageError("HEART_REQUIRE_SERVICES=1 but REDIS_URL is not set")


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def reference_data(django_db_setup, django_db_blocker):
    """Locales, themes and staff groups as the data migrations create them.

    Transactional tests (live server, browser) flush every table afterwards, taking the
    migrations' rows with them, so each test that needs them asks for this fixture.
    """
    from heart_site.core import reference_data

    with django_db_blocker.unblock():
        reference_data.ensure(django_apps)


@pytest.fixture
def site_tree(db, reference_data):
    from tests.factories.pages import build_site

    return build_site()


@pytest.fixture
def redis_server_binary():
    binary = shutil.which("redis-server")
    if binary is None:
        missing_service("redis-server is not installed")
    return binary
