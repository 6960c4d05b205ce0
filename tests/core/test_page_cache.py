"""The anonymous page cache: serves repeat visits, never previews or personal pages, and is
retired when content changes."""

import pytest

from tests.factories.pages import StandardPageFactory
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cache_on(settings):
    settings.HEART_PAGE_CACHE_SECONDS = 60


def test_anonymous_repeat_visit_is_served_from_cache(client, site_tree, cache_on, django_assert_num_queries):
    first = client.get("/sv/")
    assert first["X-Heart-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/sv/")
    assert second["X-Heart-Cache"] == "hit"
    assert second.content == first.content


def test_logged_in_visitors_bypass_the_cache(client, site_tree, cache_on):
    client.get("/sv/")
    client.force_login(UserFactory())
    response = client.get("/sv/")
    assert "X-Heart-Cache" not in response
    assert "Min profil" in response.content.decode()


def test_publishing_retires_cached_pages(client, site_tree, cache_on):
    home_sv, _ = site_tree
    client.get("/sv/")
    page = StandardPageFactory(parent=home_sv, title="Ny sida", slug="ny", show_in_menus=True)
    page.save_revision().publish()
    response = client.get("/sv/")
    assert response["X-Heart-Cache"] == "miss"
    assert "Ny sida" in response.content.decode()


def test_draft_changes_do_not_leak_through_the_cache(client, site_tree, cache_on):
    home_sv, _ = site_tree
    page = StandardPageFactory(parent=home_sv, title="Publicerad", slug="sida")
    client.get("/sv/sida/")
    page.title = "Hemligt utkast"
    page.save_revision()  # a draft, not published
    response = client.get("/sv/sida/")
    assert "Hemligt utkast" not in response.content.decode()


def test_preview_is_never_cached(client, site_tree, cache_on):
    home_sv, _ = site_tree
    page = StandardPageFactory(parent=home_sv, title="Publicerad", slug="sida")
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    preview = client.post(
        f"/admin/pages/{page.pk}/edit/preview/",
        {"title": "Förhandsvisning", "slug": "sida", "intro": "", "body-count": "0"},
    )
    assert preview.status_code == 200
    client.get(f"/admin/pages/{page.pk}/edit/preview/")
    client.logout()
    assert "Förhandsvisning" not in client.get("/sv/sida/").content.decode()


def test_non_page_responses_are_not_cached(client, site_tree, cache_on):
    assert "X-Heart-Cache" not in client.get("/sv/search/?q=HEART")
    assert "X-Heart-Cache" not in client.get("/healthz")


def test_page_cache_off_by_default_in_tests(client, site_tree):
    assert "X-Heart-Cache" not in client.get("/sv/")


def test_the_routable_news_index_is_cached_too(client, site_tree, cache_on):
    """RoutablePageMixin serves its routes without BasePage.serve; the route marks itself."""
    from tests.factories.pages import NewsIndexPageFactory

    home_sv, _ = site_tree
    NewsIndexPageFactory(parent=home_sv)
    assert client.get("/sv/nyheter/")["X-Heart-Cache"] == "miss"
    assert client.get("/sv/nyheter/")["X-Heart-Cache"] == "hit"
