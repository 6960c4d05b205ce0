"""Reads shared by the whole site: translations of pages, view restrictions and localized
theme names."""

from collections import defaultdict

from asgiref.local import Local
from django.conf import settings
from django.db.models import Q
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction

from .models import Theme

# View restrictions read once per request. Wagtail's ``.public()`` reads every restriction
# each time it is used, and its check before serving a page reads them again: four times on a
# news page. The request's copy lives from request_started to request_finished (wired in
# signal_handlers.py) and is dropped whenever a restriction is saved or deleted, so it is
# never older than the request; outside a request every call reads the table.
_request = Local()


def begin_request_reads(**kwargs):
    _request.active = True
    _request.restrictions = None


def end_request_reads(**kwargs):
    _request.active = False
    _request.restrictions = None


def forget_view_restrictions(**kwargs):
    _request.restrictions = None


def view_restrictions():
    """Every page view restriction, with its page."""
    if not getattr(_request, "active", False):
        return list(PageViewRestriction.objects.select_related("page"))
    if _request.restrictions is None:
        _request.restrictions = list(PageViewRestriction.objects.select_related("page"))
    return _request.restrictions


def public(queryset):
    """``queryset.public()`` from the restrictions read once per request (same rule as
    Wagtail's ``PageQuerySet.private_q``: a restricted page and its descendants)."""
    private = Q()
    for restriction in view_restrictions():
        private |= queryset.descendant_of_q(restriction.page, inclusive=True)
    return queryset.exclude(private) if private else queryset


def active_locale():
    return Locale.get_active()


def page_translations(page):
    """Live translations of ``page`` (itself included), keyed by language code, in one query."""
    if page is None or not getattr(page, "pk", None):
        return {}
    pages = (
        public(Page.objects.filter(translation_key=page.translation_key).live())
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
    page type by ``.specific()`` (see ``LoadedSearchResults``).
    """
    results = public(Page.objects.live().filter(locale=active_locale())).search(query)
    return LoadedSearchResults(results, lambda ids: Page.objects.filter(pk__in=ids).specific())


class LoadedSearchResults:
    """Search results that, sliced (what the paginator does), come back as ``load(ids)`` reads
    the pages of that slice, in one go and in the search's order: the specific page types, or
    a listing's related rows, instead of one query per result."""

    def __init__(self, results, load):
        self.results = results
        self.load = load

    def count(self):
        return self.results.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, item):
        ids = [page.pk for page in self.results[item]]
        by_id = {page.pk: page for page in self.load(ids)}
        return [by_id[pk] for pk in ids if pk in by_id]


def default_language_code():
    """The default locale's language code, as ``Locale.get_default()`` finds it, without asking
    the database: listings need the code, not the row."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def choose_versions(pages, language_code):
    """One version per translation key of ``pages`` (read with their locale): the one in
    ``language_code``, else in the default language, else any; and, per key, the languages
    it is available in. Listings and digests show each page once, in the reader's language
    where it exists."""
    default_code = default_language_code()
    chosen, languages = {}, defaultdict(set)
    rank = {language_code: 0, default_code: 1}
    for page in pages:
        code = page.locale.language_code
        languages[page.translation_key].add(code)
        current = chosen.get(page.translation_key)
        if current is None or rank.get(code, 2) < rank.get(current.locale.language_code, 2):
            chosen[page.translation_key] = page
    return chosen, languages
