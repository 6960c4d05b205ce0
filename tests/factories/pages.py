"""Factories for the page tree: a Swedish home with its English translation under the root,
and news under a news index, each page published as an editor would publish it."""

import datetime

import factory
import wagtail_factories
from wagtail.models import Locale, Page, Site

from heart_site.core.models import HomePage, StandardPage
from heart_site.news.models import NewsIndexPage, NewsPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "HEART"
    intro = "Kompetens för likabehandling."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Sida {n}")
    intro = "En sida."
    body = wagtail_factories.StreamFieldFactory({})

    class Meta:
        model = StandardPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Nyheter"
    slug = "nyheter"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Nyhet {n}")
    summary = factory.Sequence(lambda n: f"Sammanfattning av nyhet {n}.")
    date = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n))
    body = wagtail_factories.StreamFieldFactory({})

    class Meta:
        model = NewsPage
        skip_postgeneration_save = True

    @factory.post_generation
    def publish(obj, create, extracted, **kwargs):
        """Publish as an editor does, so first_published_at is set (feeds and digests use it)."""
        if create and obj.live and extracted is not False:
            obj.save_revision().publish()


def root_page():
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(
            instance=Page(title="Root", slug="root", locale=Locale.objects.get(language_code="sv"))
        )
    return root


def translate(page, locale_code, **fields):
    """Create and publish the translation of ``page`` with ``fields`` set, as a translator would."""
    locale = Locale.objects.get(language_code=locale_code)
    translation = page.copy_for_translation(locale, copy_parents=False, alias=False)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def build_site():
    """The smallest complete site: Swedish and English homes, the default Site on the Swedish."""
    root = root_page()
    Page.objects.filter(depth=2).delete()  # the default welcome page, or a tree a crashed test left
    home_sv = HomePageFactory(parent=root, slug="hem")
    home_en = translate(home_sv, "en", title="HEART", slug="home", intro="Competence for equal treatment.")
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home_sv, "site_name": "HEART"},
    )
    return home_sv, home_en
