"""A page cache for anonymous visitors that cannot leak previews or personal pages.

Only responses that a Wagtail page's ``serve`` marked as cacheable are stored (previews are
served by ``serve_preview`` and never marked), and only for requests without a session or
messages cookie, so nobody who is logged in, or has a notice waiting, ever gets or fills a
cached copy. Responses that set cookies or say ``private``/``no-store`` are not stored. Publishing,
unpublishing, moving or deleting a page and editing a theme bump a generation number that is
stored with every entry, which retires the whole cache at once; pages link to each other, so a
narrower invalidation would miss menus and listings.
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import cc_delim_re

logger = logging.getLogger(__name__)

GENERATION_KEY = "heart:page-cache:generation"


def invalidate_page_cache(**kwargs):
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, None)


def cached_until_content_changes(name, compute, timeout=3600):
    """``compute()``'s value, kept until content changes (the generation bump that retires the
    page cache) or ``timeout`` seconds pass: for small lists that every page of a kind reads,
    such as a catalogue's filter options. One cache round trip instead of the queries."""
    key = f"heart:content:{name}"
    found = cache.get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY) or 0
    entry = found.get(key)
    if entry is not None and entry[0] == generation:
        return entry[1]
    value = compute()
    cache.set(key, (generation, value), timeout)
    return value


def _key(request):
    return f"heart:page-cache:{request.get_host()}:{request.get_full_path()}"


# A session means someone may be logged in; a messages cookie holds a notice for this visitor.
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")


def _may_use_cache(request):
    return (
        settings.HEART_PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not any(name in request.COOKIES for name in PERSONAL_COOKIES)
    )


def _may_store(request, response):
    if not getattr(request, "heart_page_cacheable", False) or response.status_code != 200:
        return False
    # "Vary: Cookie" is on every page (the header shows login links), but only cookie-less
    # requests reach the cache, so they all share one copy. A response that sets a cookie
    # (a CSRF token for a form, a consumed message) is personal and never stored.
    if response.streaming or response.cookies:
        return False
    directives = {d.strip().lower() for d in cc_delim_re.split(response.get("Cache-Control", ""))}
    return not directives & {"private", "no-store", "no-cache"}


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _may_use_cache(request):
            return self.get_response(request)
        # One round trip for both: each entry carries the generation it was stored under.
        key = _key(request)
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY) or 0
        entry = found.get(key)
        if entry is not None and entry[0] == generation:
            cached = entry[1]
            cached["X-Heart-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if _may_store(request, response):
            if hasattr(response, "render") and callable(response.render):
                response.render()
            cache.set(key, (generation, response), settings.HEART_PAGE_CACHE_SECONDS)
            response["X-Heart-Cache"] = "miss"
        return response
