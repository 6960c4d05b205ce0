"""Reads shared by the whole site: translations of pages and localized theme names."""

from django.utils import translation
from wagtail.models import Locale, Page

from .models import Theme


def active_locale():
    return Locale.get_active()


def page_translations(page):
    """Live translations of ``page`` (itself included), keyed by language code, in one query."""
    if page is None or not getattr(page, "pk", None):
        return {}
    pages = (
        Page.objects.filter(translation_key=page.translation_key)
        .live()
        .public()
        .select_related("locale")
        .only("id", "path", "url_path", "depth", "translation_key", "locale__language_code", "title")
    )
    return {p.locale.language_code: p for p in pages}


def theme_names_by_key(language_code=None):
    """Theme names in a language, keyed by the translation key every translation shares."""
    language_code = language_code or translation.get_language()
    rows = Theme.objects.filter(locale__language_code=language_code).values_list("translation_key", "name")
    return dict(rows)


def search_pages(query):
    """Live public pages in the active language that match ``query``, as specific pages.

    The search backend returns base pages; turning each into its specific type one by one
    would cost a query per result, so the page of results is fetched again in one query per
    page type by ``.specific()`` (see ``SpecificSearchResults``).
    """
    results = Page.objects.live().public().filter(locale=active_locale()).search(query)
    return SpecificSearchResults(results)


class SpecificSearchResults:
    """Wraps search results so that slicing (what the paginator does) yields specific pages."""

    def __init__(self, results):
        self.results = results

    def count(self):
        return self.results.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, item):
        page_slice = list(self.results[item])
        by_id = {p.pk: p for p in Page.objects.filter(pk__in=[p.pk for p in page_slice]).specific()}
        return [by_id[p.pk] for p in page_slice if p.pk in by_id]
