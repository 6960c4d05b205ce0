"""Reads behind the public partner directory, the profiles, the map and the directory API.

An organisation is listed when its source row (the default language's, where coordinators enter
it) is public. Facts (type, place, flags, accessibility) come from that row; the texts (sector,
public description, accessibility notes) from its translation in the visitor's language where one
exists. A stale translation therefore never lists a hidden organisation or shows old facts.
Every function here costs a fixed number of queries, whatever the number of organisations.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, IntegerField, Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from heart_site.core.selectors import public

from ..errors import NotFound
from ..models import Organisation, PartnerDirectoryPage, Partnership, Place

# Only what a public page or the API may show; internal notes are never even loaded.
PUBLIC_FIELDS = [
    "id",
    "translation_key",
    "locale_id",
    "name",
    "slug",
    "kind",
    "sector",
    "place",
    "website",
    "is_programme_partner",
    "is_inclusive_employer",
    "public_description",
    "step_free_entrance",
    "accessible_toilet",
    "hearing_loop",
    "quiet_room",
    "clear_signage",
    "accessible_parking",
    "lift",
    "accessibility_notes",
]
PLACE_FIELDS = ["id", "name", "kind", "country", "latitude", "longitude"]
TEXT_FIELDS = ["id", "translation_key", "locale_id", "sector", "public_description", "accessibility_notes"]


@dataclass
class DirectoryEntry:
    """A listed organisation: ``organisation`` holds the facts, ``text`` the row whose texts
    (sector, descriptions) are shown (the translation, or the source itself), ``language`` its
    language. A text the translation left empty falls back to the source's."""

    organisation: Organisation
    text: Organisation
    language: str

    @property
    def sector(self):
        return self.text.sector or self.organisation.sector

    @property
    def sector_language(self):
        return self.language if self.text.sector else settings.LANGUAGE_CODE

    @property
    def public_description(self):
        return self.text.public_description or self.organisation.public_description

    @property
    def accessibility_notes(self):
        return self.text.accessibility_notes or self.organisation.accessibility_notes

    @property
    def description_language(self):
        """The language the description is actually in (a translation may have left it empty)."""
        return self.language if self.text.public_description else settings.LANGUAGE_CODE

    @property
    def notes_language(self):
        return self.language if self.text.accessibility_notes else settings.LANGUAGE_CODE


@dataclass
class PlaceSummary:
    place: Place
    organisation_count: int
    partnership_status: int | None

    @property
    def partnership_label(self):
        if self.partnership_status is None:
            return ""
        return Partnership.Status(self.partnership_status).label

    @property
    def partnership_key(self):
        if self.partnership_status is None:
            return None
        return Partnership.Status(self.partnership_status).name.lower()


def valid_kind(value):
    return value if value in Organisation.Kind.values else None


def valid_country(value):
    code = (value or "").strip().upper()
    return code if code and code in countries else None


def public_organisations(*, kind=None, country=None):
    """The source rows of listed organisations, with their places, ordered by name."""
    queryset = (
        Organisation.objects.filter(locale__language_code=settings.LANGUAGE_CODE, is_public=True)
        .select_related("place")
        .only(*PUBLIC_FIELDS, *[f"place__{name}" for name in PLACE_FIELDS])
        .order_by("name", "pk")
    )
    if kind:
        queryset = queryset.filter(kind=kind)
    if country:
        queryset = queryset.filter(place__country=country)
    return queryset


def with_texts(organisations, language_code) -> list[DirectoryEntry]:
    """Pair each source row with its translation into ``language_code``: one query at most."""
    organisations = list(organisations)
    translations = {}
    if organisations and language_code != settings.LANGUAGE_CODE:
        translations = {
            row.translation_key: row
            for row in Organisation.objects.filter(
                translation_key__in=[o.translation_key for o in organisations],
                locale__language_code=language_code,
            ).only(*TEXT_FIELDS)
        }
    entries = []
    for organisation in organisations:
        translated = translations.get(organisation.translation_key)
        if translated is not None:
            entries.append(DirectoryEntry(organisation, translated, language_code))
        else:
            entries.append(DirectoryEntry(organisation, organisation, settings.LANGUAGE_CODE))
    return entries


def organisation_profile(*, slug, language_code) -> DirectoryEntry:
    """A listed organisation by the slug of its source row; ``NotFound`` for anything else,
    hidden ones included, so a hidden organisation looks like one that never existed."""
    organisation = public_organisations().filter(slug=slug).first()
    if organisation is None:
        raise NotFound(_("There is no organisation at this address in the partner directory."))
    return with_texts([organisation], language_code)[0]


def listed_countries():
    """(code, name) of the countries with listed organisations, in django-countries' order for
    the active language (which sorts accented names where their readers expect them)."""
    codes = set(
        Place.objects.filter(
            pk__in=Organisation.objects.filter(
                locale__language_code=settings.LANGUAGE_CODE, is_public=True, place__isnull=False
            ).values("place_id")
        )
        .order_by()
        .values_list("country", flat=True)
        .distinct()
    )
    return [(country.code, country.name) for country in countries if country.code in codes]


def country_name(code):
    return countries.name(code) or code


def directory_places(*, kind=None, country=None) -> list[PlaceSummary]:
    """Places with listed organisations (of ``kind``, in ``country``) or, unless a type is asked
    for, with a partnership; with the number of listed organisations and the furthest status a
    partnership there has reached. One query."""
    listed = Organisation.objects.filter(
        locale__language_code=settings.LANGUAGE_CODE, is_public=True, place=OuterRef("pk")
    )
    if kind:
        listed = listed.filter(kind=kind)
    count = listed.order_by().values("place").annotate(n=Count("pk")).values("n")
    places = Place.objects.annotate(
        organisation_count=Coalesce(Subquery(count, output_field=IntegerField()), 0),
        partnership_status=Max("partnerships__status"),
    ).only(*PLACE_FIELDS)
    if kind:
        places = places.filter(organisation_count__gt=0)
    else:
        places = places.filter(Q(organisation_count__gt=0) | Q(partnership_status__isnull=False))
    if country:
        places = places.filter(country=country)
    summaries = [
        PlaceSummary(
            place=p, organisation_count=p.organisation_count, partnership_status=p.partnership_status
        )
        for p in places
    ]
    summaries.sort(key=lambda s: (country_name(s.place.country.code).casefold(), s.place.name.casefold()))
    return summaries


def directory_page(language_code):
    """The live, public partner directory page in ``language_code``, else in the default
    language; ``None`` when the site has none. One query."""
    pages = public(PartnerDirectoryPage.objects.live()).filter(
        locale__language_code__in={language_code, settings.LANGUAGE_CODE}
    )
    by_language = {page.locale.language_code: page for page in pages.select_related("locale")}
    return by_language.get(language_code) or by_language.get(settings.LANGUAGE_CODE)
