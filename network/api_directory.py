"""The partner directory on /api/v3/network/: listed organisations (public fields only, texts in
the asked-for language), one organisation, and the places of the network with their counts and
partnership status. Anonymous and read-only; each answer costs a fixed number of queries."""

from typing import Literal

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext
from ninja import Query, Router, Schema

from .conf import setting
from .errors import NetworkError
from .models import ACCESSIBILITY_FACTS, Organisation
from .selectors import directory as selectors

router = Router(tags=["network: directory"])


class PlaceOut(Schema):
    id: int
    name: str
    kind: str
    country: str
    country_name: str
    latitude: float
    longitude: float


class OrganisationOut(Schema):
    slug: str
    name: str
    kind: str
    kind_label: str
    sector: str
    place: PlaceOut | None
    website: str
    programme_partner: bool
    inclusive_employer: bool
    description: str
    description_language: str
    url: str | None  # the public profile; None when the site has no partner directory page


class AccessibilityFactOut(Schema):
    key: str
    label: str
    value: bool | None  # None: not known


class OrganisationDetailOut(OrganisationOut):
    accessibility: list[AccessibilityFactOut]
    accessibility_notes: str
    accessibility_notes_language: str


class OrganisationListOut(Schema):
    count: int
    limit: int
    offset: int
    items: list[OrganisationOut]


class PartnershipOut(Schema):
    status: str
    label: str


class PlaceSummaryOut(PlaceOut):
    organisation_count: int
    partnership: PartnershipOut | None


# Inline choices rather than the model's enum: OpenAPI would name that one "Kind", like others.
OrganisationKind = Literal[tuple(Organisation.Kind.values)]


class ListFilters(Schema):
    kind: OrganisationKind | None = None
    country: str = ""
    language: str = ""


def _language(request, language):
    if not language:
        return translation.get_language_from_request(request, check_path=False)
    if language not in dict(settings.LANGUAGES):
        codes = ", ".join(code for code, _name in settings.LANGUAGES)
        raise NetworkError(
            gettext("“%(language)s” is not a language of this site; use one of: %(codes)s.")
            % {"language": language, "codes": codes}
        )
    return language


def _country(country):
    if not country:
        return None
    code = selectors.valid_country(country)
    if code is None:
        raise NetworkError(gettext("“%(country)s” is not an ISO 3166 country code.") % {"country": country})
    return code


def _place_out(place):
    if place is None:
        return None
    return {
        "id": place.pk,
        "name": place.name,
        "kind": place.kind,
        "country": place.country.code,
        "country_name": str(place.country.name),
        "latitude": float(place.latitude),
        "longitude": float(place.longitude),
    }


def _organisation_out(entry, profile_base):
    organisation = entry.organisation
    return {
        "slug": organisation.slug,
        "name": organisation.name,
        "kind": organisation.kind,
        "kind_label": str(organisation.get_kind_display()),
        "sector": entry.sector,
        "place": _place_out(organisation.place),
        "website": organisation.website,
        "programme_partner": organisation.is_programme_partner,
        "inclusive_employer": organisation.is_inclusive_employer,
        "description": entry.public_description,
        "description_language": entry.description_language,
        "url": f"{profile_base}{organisation.slug}/" if profile_base else None,
    }


def _profile_base(request, language):
    page = selectors.directory_page(language)
    return page.get_url(request=request) if page is not None else None


@router.get(
    "/organisations",
    response=OrganisationListOut,
    auth=None,
    summary="Organisations listed in the partner directory (public fields)",
)
def organisation_list(
    request,
    filters: Query[ListFilters],
    limit: int = Query(None, ge=1, le=100),
    offset: int = Query(0, ge=0),
):
    language = _language(request, filters.language)
    country = _country(filters.country)
    limit = limit or setting("NETWORK_PAGE_SIZE")
    queryset = selectors.public_organisations(kind=filters.kind, country=country)
    with translation.override(language):
        entries = selectors.with_texts(queryset[offset : offset + limit], language)
        base = _profile_base(request, language)
        return {
            "count": queryset.count(),
            "limit": limit,
            "offset": offset,
            "items": [_organisation_out(entry, base) for entry in entries],
        }


@router.get(
    "/organisations/{slug}",
    response=OrganisationDetailOut,
    auth=None,
    summary="One organisation of the partner directory, with the accessibility of its premises",
)
def organisation_detail(request, slug: str, language: str = ""):
    language = _language(request, language)
    with translation.override(language):
        entry = selectors.organisation_profile(slug=slug, language_code=language)
        organisation = entry.organisation
        return {
            **_organisation_out(entry, _profile_base(request, language)),
            "accessibility": [
                {"key": key, "label": str(label), "value": getattr(organisation, key)}
                for key, label in ACCESSIBILITY_FACTS
            ],
            "accessibility_notes": entry.accessibility_notes,
            "accessibility_notes_language": entry.notes_language,
        }


@router.get(
    "/places",
    response=list[PlaceSummaryOut],
    auth=None,
    summary="Places with listed organisations or a partnership, with counts and partnership status",
)
def place_list(request, filters: Query[ListFilters]):
    language = _language(request, filters.language)
    with translation.override(language):
        return [
            {
                **_place_out(summary.place),
                "organisation_count": summary.organisation_count,
                "partnership": {"status": summary.partnership_key, "label": str(summary.partnership_label)}
                if summary.partnership_status is not None
                else None,
            }
            for summary in selectors.directory_places(kind=filters.kind, country=_country(filters.country))
        ]
