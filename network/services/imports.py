"""Import of organisations and of contacts from CSV, as spreadsheets export it.

The file is read and its cells checked by ``heart_site.core.csv_import``: every problem is
reported with its row and column, and only a file without problems is written, in one
transaction. Importing the same
file again updates what the first import created: organisations are matched by slug, contacts
by email (or, without one, by name) within their organisation. A column left out of the file
leaves that field alone; a column present with an empty cell empties it.
"""

import uuid

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries
from wagtail.models import Locale

from heart_site.core.csv_import import (
    CellError,
    Column,
    ImportFailed,
    ImportResult,
    RowError,
    RowReader,
    parse_bool,
    parse_choice,
    parse_coordinate,
    parse_date,
    parse_email,
    parse_language,
    parse_slug,
    parse_url,
    read_table,
)

from ..conf import setting
from ..models import Contact, Organisation, Place

__all__ = ["ImportFailed", "ImportResult", "RowError", "contacts_import", "organisations_import"]

# --- Columns --------------------------------------------------------------------------------


ORGANISATION_COLUMNS = [
    Column(
        "name",
        ("namn", "organisation", "organisationens_namn"),
        True,
        gettext_lazy("The organisation's name."),
    ),
    Column(
        "slug",
        ("kortnamn", "adressnamn"),
        help=gettext_lazy("Its address in the directory; made from the name if empty."),
    ),
    Column(
        "type",
        ("kind", "typ", "organisationstyp"),
        True,
        gettext_lazy("municipality, agency, company, ngo, university, training_centre or other."),
    ),
    Column("sector", ("sektor", "bransch"), help=gettext_lazy("Free text, such as “Health care”.")),
    Column(
        "place",
        ("place_name", "city", "region", "plats", "ort", "stad"),
        help=gettext_lazy("City or region; matched by name and country."),
    ),
    Column(
        "country",
        ("country_code", "iso", "land", "landskod"),
        help=gettext_lazy("ISO 3166 code of the place's country, such as SE."),
    ),
    Column("latitude", ("lat", "latitud"), help=gettext_lazy("Decimal degrees; needed for a new place.")),
    Column(
        "longitude",
        ("lon", "lng", "long", "longitud"),
        help=gettext_lazy("Decimal degrees; needed for a new place."),
    ),
    Column("website", ("url", "web", "webbplats", "webb", "hemsida")),
    Column("programme_partner", ("partner", "programpartner"), help=gettext_lazy("yes or no")),
    Column(
        "inclusive_employer",
        ("inkluderande_arbetsgivare", "inclusion", "inkludering"),
        help=gettext_lazy("yes or no"),
    ),
    Column(
        "public_description",
        ("description", "beskrivning", "offentlig_beskrivning"),
        help=gettext_lazy("Shown in the directory, in Swedish."),
    ),
]

CONTACT_COLUMNS = [
    Column(
        "name", ("full_name", "namn", "person", "kontaktperson"), True, gettext_lazy("The person's name.")
    ),
    Column(
        "organisation",
        ("organization", "organisation_slug", "organisation_name", "org"),
        True,
        gettext_lazy("The slug or the name of an organisation already in the network."),
    ),
    Column("role", ("roll", "titel", "title")),
    Column(
        "email",
        ("e_mail", "e_post", "epost", "mail", "mejl"),
        help=gettext_lazy("Matches the person on a later import."),
    ),
    Column("phone", ("telephone", "telefon", "tel", "mobil")),
    Column(
        "preferred_language",
        ("language", "språk", "sprak", "föredraget_språk"),
        help=gettext_lazy("sv or en"),
    ),
    Column(
        "lawful_basis",
        ("rättslig_grund", "rattslig_grund", "legal_basis"),
        True,
        gettext_lazy("consent, legitimate_interest, contract or public_task"),
    ),
    Column(
        "consent_date",
        ("samtycke_datum", "samtyckesdatum", "datum_för_samtycke", "consent"),
        help=gettext_lazy("YYYY-MM-DD; needed when the basis is consent."),
    ),
    Column(
        "opted_out",
        ("opt_out", "avregistrerad", "vill_inte_kontaktas", "avstår"),
        help=gettext_lazy("yes or no"),
    ),
]

# Swedish names coordinators use, whatever the catalogues hold.
SWEDISH_CHOICES = {
    "kommun": "municipality",
    "myndighet": "agency",
    "företag": "company",
    "ideell organisation": "ngo",
    "ideell förening": "ngo",
    "universitet": "university",
    "högskola": "university",
    "utbildningscenter": "training_centre",
    "annan": "other",
    "övrig": "other",
    "samtycke": "consent",
    "berättigat intresse": "legitimate_interest",
    "avtal": "contract",
    "allmänt intresse": "public_task",
    "uppgift av allmänt intresse": "public_task",
}


def parse_country(value):
    code = value.strip().upper()
    if len(code) == 2 and code in countries:
        return code
    for language, _name in settings.LANGUAGES:
        found = countries.by_name(value.strip(), language=language)
        if found:
            return found
    raise CellError(_("“%(value)s” is not a country code (ISO 3166, such as SE or IT).") % {"value": value})


# --- Organisations --------------------------------------------------------------------------


def organisations_import(*, data: bytes) -> ImportResult:
    """Create or update organisations (rows in the default language, the source of their
    translations) and their places from a CSV file."""
    table = read_table(data, ORGANISATION_COLUMNS, max_bytes=setting("NETWORK_IMPORT_MAX_BYTES"))
    source = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    errors, rows, slugs_seen = [], [], {}
    kind = parse_choice(Organisation.Kind.choices, SWEDISH_CHOICES)
    for number, values in table.rows:
        cells = RowReader(table, number, values, errors)
        row = {"number": number, "name": cells.get("name", required=True, max_length=200)}
        row["kind"] = cells.get("type", kind, required=True)
        slug = cells.get("slug", parse_slug, max_length=200)
        if not values.get("slug") and row["name"]:
            slug = slugify(row["name"])[:200].strip("-")
            if not slug:
                cells.error("slug", _("Give a slug: none can be made from this name."))
        if slug in slugs_seen:
            cells.error(
                "slug" if table.has("slug") else "name",
                _("The slug “%(slug)s” is also on row %(row)s; each organisation needs its own.")
                % {"slug": slug, "row": slugs_seen[slug]},
            )
        elif slug:
            slugs_seen[slug] = number
        row["slug"] = slug
        for name, parse, length in (
            ("sector", None, 120),
            ("website", parse_url, None),
            ("programme_partner", parse_bool, None),
            ("inclusive_employer", parse_bool, None),
            ("public_description", None, 2000),
        ):
            if table.has(name):
                row[name] = cells.get(name, parse, max_length=length)
        if table.has("place"):
            row["place"] = _place_cells(cells, table)
        rows.append(row)
    places = _resolve_places([r for r in rows if r.get("place")])
    if errors:
        raise ImportFailed(errors)
    return _write_organisations(rows, places, source)


def _place_cells(cells, table):
    errors_before = len(cells.errors)
    name = cells.get("place", max_length=120)
    country = cells.get("country", parse_country) if table.has("country") else None
    latitude = cells.get("latitude", parse_coordinate(90)) if table.has("latitude") else None
    longitude = cells.get("longitude", parse_coordinate(180)) if table.has("longitude") else None
    if len(cells.errors) > errors_before:
        return None
    if not name:
        if country or latitude is not None or longitude is not None:
            cells.error("place", _("Name the place these coordinates or this country belong to."))
        return None
    if not country:
        cells.error("country", _("Give the place's country as a code, such as SE or IT."))
        return None
    if (latitude is None) != (longitude is None):
        cells.error(
            "latitude" if latitude is None else "longitude",
            _("Give both latitude and longitude, or neither."),
        )
        return None
    return {"name": name, "country": country, "latitude": latitude, "longitude": longitude, "cells": cells}


def _resolve_places(rows):
    """Existing places by name (any case) and country, and the new ones the file describes."""
    wanted = {(r["place"]["name"].casefold(), r["place"]["country"]) for r in rows}
    existing = {}
    if wanted:
        names = {name for name, _country in wanted}
        for place in Place.objects.annotate(lname=Lower("name")).filter(
            lname__in=names, country__in={c for _n, c in wanted}
        ):
            existing[(place.name.casefold(), place.country.code)] = place
    resolved = {}
    for row in rows:
        place = row["place"]
        key = (place["name"].casefold(), place["country"])
        coordinates = (place["latitude"], place["longitude"])
        entry = resolved.setdefault(key, {"place": existing.get(key), "spec": place, "row": row["number"]})
        if coordinates[0] is None:
            if entry["place"] is None and entry["spec"]["latitude"] is None:
                place["cells"].error(
                    "latitude",
                    _("“%(place)s” is a new place: give its latitude and longitude.")
                    % {"place": place["name"]},
                )
            continue
        if entry["spec"]["latitude"] is None:
            entry["spec"], entry["row"] = place, row["number"]
        elif (entry["spec"]["latitude"], entry["spec"]["longitude"]) != coordinates:
            place["cells"].error(
                "latitude",
                _("Row %(row)s gives “%(place)s” other coordinates.")
                % {"row": entry["row"], "place": place["name"]},
            )
    return resolved


def _save_places(resolved):
    places = {}
    for key, entry in resolved.items():
        spec, place = entry["spec"], entry["place"]
        if place is None:
            place = Place.objects.create(
                name=spec["name"],
                country=spec["country"],
                latitude=spec["latitude"],
                longitude=spec["longitude"],
            )
        elif spec["latitude"] is not None and (place.latitude, place.longitude) != (
            spec["latitude"],
            spec["longitude"],
        ):
            place.latitude, place.longitude = spec["latitude"], spec["longitude"]
            place.save(update_fields=["latitude", "longitude"])
        places[key] = place
    return places


# Facts the translations share with their source (wagtail-localize synchronises them); texts
# that translators translate are left alone.
SYNCHRONISED = ("name", "kind", "place", "website", "is_programme_partner", "is_inclusive_employer")
# An empty cell stores the field's empty value.
EMPTY = {
    "sector": "",
    "website": "",
    "is_programme_partner": False,
    "is_inclusive_employer": False,
    "public_description": "",
}
FIELDS = {
    "sector": "sector",
    "website": "website",
    "programme_partner": "is_programme_partner",
    "inclusive_employer": "is_inclusive_employer",
    "public_description": "public_description",
}


def _write_organisations(rows, resolved, source):
    result = ImportResult()
    try:
        with transaction.atomic():
            places = _save_places(resolved)
            existing = {
                o.slug: o
                for o in Organisation.objects.select_for_update().filter(
                    locale=source, slug__in=[r["slug"] for r in rows]
                )
            }
            for row in rows:
                organisation = existing.get(row["slug"])
                created = organisation is None
                if created:
                    organisation = Organisation(locale=source, translation_key=uuid.uuid4(), slug=row["slug"])
                organisation.name, organisation.kind = row["name"], row["kind"]
                for column, attribute in FIELDS.items():
                    if column in row:
                        value = row[column]
                        setattr(organisation, attribute, EMPTY[attribute] if value is None else value)
                if "place" in row:
                    spec = row["place"]
                    organisation.place = places[(spec["name"].casefold(), spec["country"])] if spec else None
                organisation.save()
                if created:
                    result.created += 1
                else:
                    result.updated += 1
                    Organisation.objects.filter(translation_key=organisation.translation_key).exclude(
                        pk=organisation.pk
                    ).update(**{name: getattr(organisation, name) for name in SYNCHRONISED})
    except IntegrityError:
        raise ImportFailed(
            [
                RowError(
                    None, "", _("Someone changed the organisations while the file was imported. Try again.")
                )
            ]
        ) from None
    return result


# --- Contacts -------------------------------------------------------------------------------


def contacts_import(*, data: bytes) -> ImportResult:
    """Create or update contacts of existing organisations from a CSV file."""
    table = read_table(data, CONTACT_COLUMNS, max_bytes=setting("NETWORK_IMPORT_MAX_BYTES"))
    errors, rows, seen = [], [], {}
    organisations = _organisations_named([values.get("organisation", "") for _n, values in table.rows])
    basis = parse_choice(Contact.LawfulBasis.choices, SWEDISH_CHOICES)
    for number, values in table.rows:
        cells = RowReader(table, number, values, errors)
        row = {"number": number, "full_name": cells.get("name", required=True, max_length=200)}
        row["organisation"] = _organisation_cell(cells, organisations)
        row["lawful_basis"] = cells.get("lawful_basis", basis, required=True)
        for name, attribute, parse, length in (
            ("role", "role", None, 200),
            ("email", "email", parse_email, 254),
            ("phone", "phone", None, 40),
            ("preferred_language", "preferred_language", parse_language, None),
            ("consent_date", "consent_date", parse_date, None),
            ("opted_out", "opted_out", parse_bool, None),
        ):
            if table.has(name):
                row[attribute] = cells.get(name, parse, max_length=length)
        consent_missing = not row.get("consent_date") and not values.get("consent_date")
        if row["lawful_basis"] == Contact.LawfulBasis.CONSENT and consent_missing:
            cells.error("consent_date", _("The lawful basis is consent: give the date the person consented."))
        if row["organisation"] is not None and row["full_name"]:
            key = _contact_key(row["organisation"].pk, row.get("email") or "", row["full_name"])
            if key in seen:
                cells.error(
                    "email" if row.get("email") else "name",
                    _("Row %(row)s is the same person at the same organisation.") % {"row": seen[key]},
                )
            else:
                seen[key] = number
        rows.append(row)
    if errors:
        raise ImportFailed(errors)
    return _write_contacts(rows)


def _organisations_named(values):
    """Source organisations whose slug or name (any case) is among ``values``."""
    wanted = {value.strip().casefold() for value in values if value.strip()}
    if not wanted:
        return []
    return list(
        Organisation.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        .annotate(lname=Lower("name"))
        .filter(Q(slug__in=wanted) | Q(lname__in=wanted))
        .only("id", "name", "slug")
    )


def _organisation_cell(cells, organisations):
    value = cells.get("organisation", required=True)
    if not value:
        return None
    folded = value.casefold()
    by_slug = [o for o in organisations if o.slug == folded]
    if by_slug:
        return by_slug[0]
    by_name = [o for o in organisations if o.name.casefold() == folded]
    if len(by_name) == 1:
        return by_name[0]
    if by_name:
        cells.error(
            "organisation",
            _("Several organisations are called “%(value)s”; use the slug.") % {"value": value},
        )
    else:
        cells.error(
            "organisation",
            _("No organisation has the slug or name “%(value)s”. Import the organisations first.")
            % {"value": value},
        )
    return None


def _contact_key(organisation_id, email, name):
    return (
        (organisation_id, "email", email.casefold()) if email else (organisation_id, "name", name.casefold())
    )


def _write_contacts(rows):
    result = ImportResult()
    with transaction.atomic():
        existing = {}
        for contact in Contact.objects.select_for_update().filter(
            organisation__in={row["organisation"].pk for row in rows}
        ):
            existing.setdefault(
                _contact_key(contact.organisation_id, contact.email, contact.full_name), contact
            )
        for row in rows:
            key = _contact_key(row["organisation"].pk, row.get("email") or "", row["full_name"])
            contact = existing.get(key)
            created = contact is None
            if created:
                contact = Contact()
            contact.full_name, contact.organisation = row["full_name"], row["organisation"]
            contact.lawful_basis = row["lawful_basis"]
            for attribute in ("role", "email", "phone", "preferred_language", "consent_date", "opted_out"):
                if attribute in row:
                    setattr(contact, attribute, _stored(attribute, row[attribute]))
            contact.save()
            if created:
                result.created += 1
            else:
                result.updated += 1
    return result


def _stored(attribute, value):
    """An empty cell: the field's empty value (text ""), default (language) or False (flag)."""
    if value is not None:
        return value
    return {"opted_out": False, "preferred_language": settings.LANGUAGE_CODE, "consent_date": None}.get(
        attribute, ""
    )
