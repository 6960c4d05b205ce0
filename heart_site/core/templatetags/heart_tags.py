from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site

from ..models import AccessibilityStatementPage
from ..selectors import page_translations, public, theme_names_by_key

register = template.Library()

MISSING_TRANSLATION_PARAM = "missing_translation"


def _language_name(code):
    with translation.override(code):
        return str(dict(settings.LANGUAGES)[code])


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per site language: where the switcher and ``hreflang`` should point.

    For a Wagtail page, the entry points at its translation, or, where none is published,
    at the source-language page with a marker that makes it show a notice in the visitor's
    language. Other views are translated by their URL pattern.
    """
    request = context.get("request")
    if request is None:
        return []
    current = translation.get_language()
    page = context.get("page")
    translations = page_translations(page) if isinstance(page, Page) else None
    route = _served_route(request, page) if translations is not None else ""
    links = []
    for code, _name in settings.LANGUAGES:
        entry = {"code": code, "name": _language_name(code), "is_current": code == current, "available": True}
        if translations is None:
            entry["url"] = translate_url(request.path, code)
        elif code in translations:
            entry["url"] = _with_route(translations[code].get_url(request), route)
        else:
            fallback = translations.get(settings.LANGUAGE_CODE) or page
            entry["url"] = (
                f"{_with_route(fallback.get_url(request), route)}?{MISSING_TRANSLATION_PARAM}={code}"
            )
            entry["available"] = False
        if entry["url"] is None:
            continue
        entry["full_url"] = request.build_absolute_uri(entry["url"])
        links.append(entry)
    return links


def _served_route(request, page):
    """The part of the path a routable page served below its own URL (an organisation's
    profile, a quiz step), so that switching language stays there: routes take only
    language-independent parameters (slugs that are the same in every language, ids)."""
    if not isinstance(page, RoutablePageMixin):
        return ""
    base = page.get_url(request)
    if not base or not request.path.startswith(base):
        return ""
    return request.path[len(base) :]


def _with_route(url, route):
    return f"{url}{route}" if url is not None else None


@register.simple_tag(takes_context=True)
def missing_translation_notice(context):
    """The language a visitor asked for but this page lacks, or ``None``."""
    request = context.get("request")
    if request is None:
        return None
    wanted = request.GET.get(MISSING_TRANSLATION_PARAM, "")
    if wanted in dict(settings.LANGUAGES) and wanted != translation.get_language():
        return {"code": wanted, "name": _language_name(wanted)}
    return None


@register.simple_tag(takes_context=True)
def localized_theme_names(context, themes):
    """Names of ``themes`` in the active language, from one query per request."""
    request = context.get("request")
    page = context.get("page")
    themes = list(themes)
    if isinstance(page, Page) and all(t.locale_id == page.locale_id for t in themes):
        return [{"name": t.name, "slug": t.slug} for t in themes]  # already in the page's language
    cache_attr = f"_heart_theme_names_{translation.get_language()}"
    names = getattr(request, cache_attr, None) if request else None
    if names is None:
        names = theme_names_by_key()
        if request is not None:
            setattr(request, cache_attr, names)
    return [{"name": names.get(t.translation_key, t.name), "slug": t.slug} for t in themes]


@register.simple_tag(takes_context=True)
def site_root(context):
    """The home page in the active language (falls back to the default site root)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    root = site.root_page
    page = context.get("page")
    if root is None or not isinstance(page, Page):
        return root.localized if root else None
    # A served page is in the active language: no need for Locale.get_active()'s query.
    if root.locale_id == page.locale_id:
        return root
    translated = root.get_translation_or_none(page.locale_id)
    return translated if translated is not None and translated.live else root


@register.simple_tag(takes_context=True)
def menu_pages(context, root):
    if root is None:
        return []
    return list(public(root.get_children().live().in_menu()).only("id", "title", "url_path", "path", "depth"))


@register.simple_tag
def accessibility_statement():
    page = AccessibilityStatementPage.objects.live().filter(locale__language_code=translation.get_language())
    return page.only("id", "title", "url_path", "path", "depth").first()


@register.simple_tag
def plugin_account_links():
    """Links plugins add to the account menu (``account_links`` on their AppConfig: pairs of a
    URL name and a label), so the header names only what is installed."""
    from django.apps import apps
    from django.urls import reverse

    return [
        {"url": reverse(url_name), "label": label}
        for config in apps.get_app_configs()
        for url_name, label in getattr(config, "account_links", ())
    ]
