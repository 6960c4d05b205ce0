"""Shared fixtures.

Services: when ``HEART_REQUIRE_SERVICES=1`` (CI sets it), a test that needs PostgreSQL,
Redis or the browser fails if the service is missing; otherwise it is skipped with the reason,
so a newcomer without them still gets a meaningful run.
"""

import os
import shutil

import pytest
from django.apps import apps as django_apps
from django.utils.module_loading import import_string

REQUIRE_SERVICES = os.environ.get("HEART_REQUIRE_SERVICES") == "1"


PLUGINS = ("learning", "mapping", "network")


def pytest_ignore_collect(collection_path, config):
    """A plugin's tests (tests/<plugin>/, tests/browser/test_<plugin>*.py, and any
    test_*_with_<plugin>.py: another package's tests of what it does with that plugin) are left
    out when the plugin is not installed: CI runs the rest that way to prove the site works
    without it."""
    from django.conf import settings

    parts = collection_path.parts
    for plugin in PLUGINS:
        if plugin in settings.INSTALLED_APPS:
            continue
        if "tests" in parts and (
            parts[-1] == plugin
            and parts[-2] == "tests"
            or (parts[-2:-1] == ("browser",) and parts[-1].startswith(f"test_{plugin}"))
            or (plugin in parts and parts[parts.index(plugin) - 1] == "tests")
            or parts[-1].endswith(f"_with_{plugin}.py")
        ):
            return True
    return None


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


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (rate limits, site roots, the page cache)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def _ensure_reference_data():
    from wagtail.models import Collection

    from heart_site.core import reference_data
    from tests.factories.pages import root_page

    # The tree's root first: staff groups' page permissions hang off it.
    reference_data.ensure_locales_and_themes(django_apps)
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root_page()
    reference_data.ensure(django_apps)
    if django_apps.is_installed("heart_site.notifications"):
        from heart_site.notifications.reference_data import ensure_default_schedules

        ensure_default_schedules(django_apps)
    for config in django_apps.get_app_configs():
        ensure = getattr(config, "reference_data", None)
        if ensure:
            import_string(ensure)(django_apps)


# Whether the committed database holds the reference data: None until the test database
# exists, False after a transactional test (live server, browser, real workers) flushed every
# table and the data migrations' rows with them. Under pytest-xdist such tests are interleaved
# with rollback tests, so the rows are put back before the next test starts, outside any test's
# transaction; ensuring them in every test instead cost a third of the suite's time.
_reference_data_committed = None


def _is_transactional(item):
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction")) or bool(
        {"transactional_db", "live_server", "django_db_reset_sequences", "django_db_serialized_rollback"}
        & set(getattr(item, "fixturenames", ()))
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    global _reference_data_committed
    if _reference_data_committed is False:
        from pytest_django.plugin import blocking_manager_key

        with item.config.stash[blocking_manager_key].unblock():
            _ensure_reference_data()
        _reference_data_committed = True
    return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    global _reference_data_committed
    try:
        return (yield)
    finally:
        if _is_transactional(item) and _reference_data_committed is not None:
            _reference_data_committed = False


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """A reused database may come from a run whose last test flushed it."""
    global _reference_data_committed
    with django_db_blocker.unblock():
        _ensure_reference_data()
    _reference_data_committed = True


@pytest.fixture
def reference_data(django_db_setup):
    """Locales, themes, staff groups and tree roots: committed before every test (see above);
    tests that build on them name this fixture to say so."""


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
