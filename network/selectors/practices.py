"""Reads behind the good-practice library and its API: live public practices, each once, in the
visitor's language where a translation is live, otherwise in the language it was written in;
filtered by theme, searched with Wagtail search. A fixed number of queries per page of results."""

from django.conf import settings
from django.db.models import Q

from heart_site.core.models import Theme
from heart_site.core.selectors import LoadedSearchResults, public, theme_names_by_key

from ..models import PracticePage


def theme_in(language_code, slug):
    """The theme with ``slug`` in the language (slugs are the same in every language)."""
    if not slug:
        return None
    return Theme.objects.filter(locale__language_code=language_code, slug=slug[:100]).first()


def _under_library(queryset, library):
    versions = type(library).objects.filter(translation_key=library.translation_key).only("path", "depth")
    q = Q()
    for version in versions:
        q |= Q(path__startswith=version.path, depth=version.depth + 1)
    return queryset.filter(q) if q else queryset.none()


def practice_ids(*, language_code, theme_key=None, library=None) -> list[int]:
    """One live public practice per translation key: the version in ``language_code``, else the
    default language's, else any. Practices under any language version of ``library`` only,
    when given."""
    candidates = public(PracticePage.objects.live())
    if library is not None:
        candidates = _under_library(candidates, library)
    if theme_key:
        candidates = candidates.filter(
            pk__in=PracticePage.objects.filter(themes__translation_key=theme_key).values("pk")
        )
    rank = {language_code: 0, settings.LANGUAGE_CODE: 1}
    chosen = {}
    for pk, key, code in candidates.values_list("pk", "translation_key", "locale__language_code"):
        current = chosen.get(key)
        if current is None or rank.get(code, 2) < rank.get(current[1], 2):
            chosen[key] = (pk, code)
    return [pk for pk, _code in chosen.values()]


def _with_relations(queryset):
    return queryset.select_related("locale", "organisation").prefetch_related("themes")


def practices(*, language_code, theme_key=None, query="", library=None):
    """The practices to list, newest first, or by relevance when searching; a queryset or search
    results, either of which a paginator can slice."""
    ids = practice_ids(language_code=language_code, theme_key=theme_key, library=library)
    pages = PracticePage.objects.filter(pk__in=ids)
    if query:
        # Sliced by the paginator: each page of results with its locale, organisation and themes.
        return LoadedSearchResults(
            pages.search(query), lambda ids: _with_relations(PracticePage.objects.filter(pk__in=ids))
        )
    return _with_relations(pages).order_by("-first_published_at", "-pk")


def with_theme_names(pages, language_code):
    """Attach ``theme_names`` (in the language) and ``theme_slugs`` to each page."""
    names = theme_names_by_key(language_code)
    for page in pages:
        themes = list(page.themes.all())
        page.theme_names = sorted(names.get(t.translation_key, t.name) for t in themes)
        page.theme_slugs = sorted(t.slug for t in themes)
    return pages


def live_practice(pk):
    """A live public practice, or None."""
    return _with_relations(public(PracticePage.objects.live()).filter(pk=pk)).first()
