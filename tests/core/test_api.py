"""The one NinjaAPI at /api/v3/: Wagtail's page routers, filtered by locale, and OpenAPI."""

import pytest

from tests.factories.pages import StandardPageFactory, translate

pytestmark = pytest.mark.django_db


def test_openapi_document(client):
    response = client.get("/api/v3/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v3/pages/" in schema["paths"]


def test_page_listing_filtered_by_locale(client, site_tree):
    home_sv, _ = site_tree
    page = StandardPageFactory(parent=home_sv, title="Om oss", slug="om-oss")
    translate(page, "en", title="About us", slug="about-us")
    StandardPageFactory(parent=home_sv, title="Bara svenska", slug="bara")

    sv = client.get("/api/v3/pages/", {"locale": "sv", "type": "core.StandardPage"}).json()
    en = client.get("/api/v3/pages/", {"locale": "en", "type": "core.StandardPage"}).json()
    assert sorted(item["title"] for item in sv["items"]) == ["Bara svenska", "Om oss"]
    assert [item["title"] for item in en["items"]] == ["About us"]


def test_unknown_locale_is_a_clear_4xx(client, site_tree):
    response = client.get("/api/v3/pages/", {"locale": "xx"})
    assert 400 <= response.status_code < 500


def test_draft_pages_are_not_listed(client, site_tree):
    home_sv, _ = site_tree
    StandardPageFactory(parent=home_sv, title="Utkast", slug="utkast", live=False)
    titles = [item["title"] for item in client.get("/api/v3/pages/", {"locale": "sv"}).json()["items"]]
    assert "Utkast" not in titles


def test_page_detail_includes_api_fields(client, site_tree):
    home_sv, _ = site_tree
    page = StandardPageFactory(parent=home_sv, title="Om oss", slug="om-oss", intro="Inledning")
    detail = client.get(f"/api/v3/pages/{page.pk}/").json()
    assert detail["title"] == "Om oss"
    assert detail["intro"] == "Inledning"


def test_plugin_routers_are_added_from_app_configs(settings):
    """A plugin declares api_router on its AppConfig; heart_site.api mounts it once."""
    from ninja import Router

    from heart_site import api as api_module

    router = Router()

    @router.get("/ping")
    def ping(request):
        return {"pong": True}

    class FakeConfig:
        label = "fakeplugin"
        api_router = "tests.core.test_api.FAKE_ROUTER"
        api_prefix = "/fakeplugin/"

    global FAKE_ROUTER
    FAKE_ROUTER = router
    registered = []

    class FakeApi:
        _routers = [("/pages/", object())]

        def add_router(self, prefix, r):
            registered.append((prefix, r))

    original_api = api_module.api
    api_module.api = FakeApi()
    try:
        from unittest import mock

        with mock.patch.object(api_module.apps, "get_app_configs", return_value=[FakeConfig()]):
            api_module._add_plugin_routers()
    finally:
        api_module.api = original_api
    assert registered == [("/fakeplugin/", router)]


def test_missing_api_objects_answer_json_404_not_a_redirect(client, site_tree):
    response = client.get("/api/v3/pages/999999/")
    assert response.status_code == 404
    assert response["Content-Type"] in ("application/json", "application/problem+json")
