"""The ``load_demo`` command builds the bilingual demo site, and running it again changes nothing."""

from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Page, Revision, Site

from heart_site.core import demo_content
from heart_site.core.models import AccessibilityStatementPage, HomePage, SiteSettings, StandardPage, Theme
from heart_site.news.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db


def run_load_demo():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def snapshot():
    User = get_user_model()
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "users": User.objects.count(),
        "email addresses": EmailAddress.objects.count(),
        "sites": Site.objects.count(),
        "themes": Theme.objects.count(),
        "site settings": SiteSettings.objects.count(),
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Run the command twice, as a developer would; return the output of both runs. Once for
    the whole module (a run takes seconds), rolled back at the end; each test runs in a
    savepoint inside it."""
    with django_db_blocker.unblock(), transaction.atomic():
        first = run_load_demo()
        counts = snapshot()
        second = run_load_demo()
        assert snapshot() == counts, "the second run must not create anything"
        yield first, second
        transaction.set_rollback(True)


def home(language):
    return HomePage.objects.get(locale__language_code=language)


def test_second_run_reports_that_the_demo_exists(demo):
    first, second = demo
    assert "Created" in first
    assert "already exists" in second
    for output in (first, second):
        assert demo_content.SITE_URL in output
        assert demo_content.ADMIN_URL in output
        assert "Ny utbildningsmodul om diskrimineringsgrunderna" in output
        for user in demo_content.USERS:
            assert user["email"] in output
            assert user["password"] in output


def test_one_live_home_page_per_language_linked_as_translations(demo):
    for language in ("sv", "en"):
        assert HomePage.objects.live().filter(locale__language_code=language).count() == 1
    assert HomePage.objects.count() == 2
    assert home("en").translation_key == home("sv").translation_key
    assert home("en").get_parent().depth == 1


def test_default_site_points_at_the_swedish_home_and_the_placeholder_is_gone(demo):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.site_name) == ("localhost", 80, "HEART")
    assert site.root_page_id == home("sv").pk
    assert not Page.objects.filter(depth=2, content_type=ContentType.objects.get_for_model(Page)).exists()
    settings = SiteSettings.for_site(site)
    assert settings.contact_email == "info@heart.example"
    assert settings.accessibility_email == "tillganglighet@heart.example"


def test_news_has_six_swedish_articles_and_five_english_ones(demo):
    assert NewsPage.objects.live().filter(locale__language_code="sv").count() == 6
    assert NewsPage.objects.live().filter(locale__language_code="en").count() == 5
    for article in NewsPage.objects.all():
        assert len(article.summary) <= 500
        assert article.date.year == 2026
        assert article.tags.count() >= 2
        assert article.themes.exists()
        # Both languages link to the Swedish source themes, by design.
        assert set(article.themes.values_list("locale__language_code", flat=True)) == {"sv"}


def test_other_pages_exist_in_both_languages_with_their_own_slugs(demo):
    for model in (StandardPage, NewsIndexPage, AccessibilityStatementPage):
        for source in model.objects.filter(locale__language_code="sv"):
            translation = source.get_translation(home("en").locale)
            assert translation.live
            assert translation.slug != source.slug or source.slug == "partners"
    assert StandardPage.objects.filter(locale__language_code="sv").count() == 3
    statement = AccessibilityStatementPage.objects.get(locale__language_code="en")
    assert statement.title == "Accessibility statement"
    assert statement.compliance == "partial"
    assert statement.feedback_email == "tillganglighet@heart.example"
    assert not statement.show_in_menus
    assert NewsIndexPage.objects.get(locale__language_code="sv").show_in_menus


def test_calls_to_action_link_to_pages_in_the_same_language(demo):
    for language in ("sv", "en"):
        ctas = [block for block in home(language).body if block.block_type == "call_to_action"]
        assert ctas
        assert ctas[0].value["target"]["page"].locale.language_code == language


def test_demo_users_can_log_in_and_belong_to_their_groups(demo, client):
    User = get_user_model()
    for spec in demo_content.USERS:
        user = User.objects.get(username=spec["username"])
        assert user.email == spec["email"]
        assert user.check_password(spec["password"])
        assert user.is_staff == spec["is_staff"]
        assert user.is_superuser == spec["is_superuser"]
        assert EmailAddress.objects.filter(
            user=user, email=spec["email"], verified=True, primary=True
        ).exists()
        if spec["group"]:
            assert list(user.groups.values_list("name", flat=True)) == [spec["group"]]
    assert client.login(username="participant", password="heart-demo-participant")


def test_demo_pages_render(demo, client):
    sv_news_index = NewsIndexPage.objects.get(locale__language_code="sv")
    en_news_index = NewsIndexPage.objects.get(locale__language_code="en")
    pages = [
        home("sv"),
        home("en"),
        sv_news_index,
        en_news_index,
        NewsPage.objects.filter(locale__language_code="en").first(),
        *StandardPage.objects.all(),
        *AccessibilityStatementPage.objects.all(),
    ]
    assert home("sv").url == "/sv/"
    assert home("en").url == "/en/"
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.title in response.content.decode()


def test_the_untranslated_article_offers_the_swedish_original(demo, client):
    article = NewsPage.objects.get(slug="ny-utbildningsmodul-om-diskrimineringsgrunderna")
    assert article.get_translation_or_none(home("en").locale) is None
    response = client.get(article.url)
    assert response.status_code == 200
    assert f"{article.url}?missing_translation=en" in response.content.decode()
    response = client.get(f"{article.url}?missing_translation=en")
    assert response.status_code == 200
    assert 'lang="en"' in response.content.decode()
