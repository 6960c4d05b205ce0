"""The public partner directory and organisation profiles (routes of ``PartnerDirectoryPage``).

Both show public fields only and nothing about the visitor, so an anonymous visitor's response
may be kept by the page cache."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404
from django.utils import translation

from ..conf import setting
from ..errors import NotFound
from ..map import build_map
from ..models import Organisation
from ..selectors import directory as selectors


def directory(request, page):
    language = translation.get_language()
    kind = selectors.valid_kind(request.GET.get("type", "")[:30])
    country = selectors.valid_country(request.GET.get("country", "")[:2])
    paginator = Paginator(
        selectors.public_organisations(kind=kind, country=country), setting("NETWORK_PAGE_SIZE")
    )
    page_obj = paginator.get_page(request.GET.get("page"))
    places = selectors.directory_places(kind=kind, country=country)
    response = page.render(
        request,
        context_overrides={
            "page_obj": page_obj,
            "entries": selectors.with_texts(page_obj.object_list, language),
            "kinds": Organisation.Kind.choices,
            "countries": selectors.listed_countries(),
            "selected_kind": kind or "",
            "selected_country": country or "",
            "filter_query": urlencode([(k, v) for k, v in (("type", kind), ("country", country)) if v]),
            "places": places,
            "map": build_map(places),
            "directory_url": page.get_url(request),
        },
    )
    _cacheable_for_anonymous(request)
    return response


def organisation_profile(request, page, slug):
    try:
        entry = selectors.organisation_profile(slug=slug, language_code=translation.get_language())
    except NotFound as error:
        raise Http404(error.message) from None
    response = page.render(
        request,
        template="network/organisation_profile.html",
        context_overrides={
            "entry": entry,
            "organisation": entry.organisation,
            "directory_url": page.get_url(request),
        },
    )
    _cacheable_for_anonymous(request)
    return response


def _cacheable_for_anonymous(request):
    if not request.user.is_authenticated:
        request.heart_page_cacheable = True
