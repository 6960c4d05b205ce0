from django.core.paginator import Paginator
from django.utils import translation

from heart_site.core.models import Theme
from heart_site.core.page_cache import cached_until_content_changes

from .. import selectors
from ..conf import setting
from .common import personal


def catalogue(request, index_page):
    language = translation.get_language()
    theme_slug = request.GET.get("theme", "")[:100]
    audience_slug = request.GET.get("audience", "")[:100]
    available_in = request.GET.get("language", "")[:10]
    # The filter options change when an editor edits a theme or an audience, which retires them.
    themes = cached_until_content_changes(
        f"themes:{language}", lambda: list(Theme.objects.in_locale_code(language))
    )
    audiences = cached_until_content_changes(
        f"learning-audiences:{language}", lambda: list(selectors.audiences_in(language))
    )
    selected_theme = next((t for t in themes if t.slug == theme_slug), None)
    selected_audience = next((a for a in audiences if a.slug == audience_slug), None)
    cards = selectors.catalogue(
        language_code=language,
        theme_key=selected_theme.translation_key if selected_theme else None,
        audience_key=selected_audience.translation_key if selected_audience else None,
        available_in=available_in if available_in in dict(_languages()) else None,
        user=request.user,
    )
    page_obj = Paginator(cards, setting("LEARNING_MODULES_PER_PAGE")).get_page(request.GET.get("page"))
    theme_names = {t.translation_key: t.name for t in themes}
    audience_names = {a.translation_key: a.name for a in audiences}
    for card in page_obj.object_list:
        card.theme_names = sorted(theme_names[k] for k in card.theme_keys if k in theme_names)
        card.audience_names = sorted(audience_names[k] for k in card.audience_keys if k in audience_names)
    query = "&".join(
        f"{name}={value}"
        for name, value in (
            ("theme", selected_theme and selected_theme.slug),
            ("audience", selected_audience and selected_audience.slug),
            ("language", available_in if available_in in dict(_languages()) else ""),
        )
        if value
    )
    response = index_page.render(
        request,
        context_overrides={
            "page_obj": page_obj,
            "cards": page_obj.object_list,
            "themes": themes,
            "audiences": audiences,
            "language_choices": _languages(),
            "selected_theme": selected_theme,
            "selected_audience": selected_audience,
            "selected_language": available_in,
            "filter_query": query,
        },
    )
    if request.user.is_authenticated:
        return personal(response)
    request.heart_page_cacheable = True
    return response


def _languages():
    from django.conf import settings

    return [(code, translation.gettext(name)) for code, name in settings.LANGUAGES]
