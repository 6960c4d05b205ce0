"""The coordinators' side of the demo: places, organisations with their English descriptions,
contacts, interactions and partnership states. Each row is found by a natural key and left as
it is when it exists, so a second run, or a coordinator's later edits, are kept."""

import datetime
import uuid

from django.utils import timezone
from wagtail.models import Locale

from ..models import Contact, Interaction, Organisation, Partnership, Place
from .content import CONTACTS, INTERACTIONS, LEGIT, ORGANISATIONS, PARTNERSHIPS, PLACES


def build_records(*, coordinator, result):
    """Return ``{"places": {key: Place}, "organisations": {slug: Organisation}}`` (source rows)."""
    places = {key: ensure_place(spec, result) for key, spec in PLACES.items()}
    sv, en = Locale.objects.get(language_code="sv"), Locale.objects.get(language_code="en")
    organisations = {}
    for spec in ORGANISATIONS:
        org = ensure_organisation(spec, places, sv, result)
        ensure_english(org, spec, en, result)
        organisations[spec["slug"]] = org
    contacts = {spec[3]: ensure_contact(spec, organisations, result) for spec in CONTACTS}
    for spec in INTERACTIONS:
        ensure_interaction(spec, organisations, contacts, coordinator, result)
    for place_key, slug, status in PARTNERSHIPS:
        ensure_partnership(places[place_key], organisations[slug], status, result)
    return {"places": places, "organisations": organisations}


def ensure_place(spec, result):
    name, kind, country, latitude, longitude = spec
    place, created = Place.objects.get_or_create(
        name=name, country=country, defaults={"kind": kind, "latitude": latitude, "longitude": longitude}
    )
    if created:
        result.created.append(f"place {place}")
    else:
        result.existing.append(place)
    return place


def ensure_organisation(spec, places, locale, result):
    existing = Organisation.objects.filter(locale=locale, slug=spec["slug"]).first()
    if existing is not None:
        result.existing.append(existing)
        return existing
    org = Organisation(
        locale=locale,
        translation_key=uuid.uuid4(),
        slug=spec["slug"],
        name=spec["name"],
        kind=spec["kind"],
        place=places[spec["place"]],
        sector=spec["sector"],
        website=spec["website"],
        is_programme_partner=spec["is_programme_partner"],
        is_inclusive_employer=spec["is_inclusive_employer"],
        public_description=spec["sv"],
        **spec["facts"],
    )
    org.save()
    result.created.append(f"organisation {org.name} (sv)")
    return org


def ensure_english(org, spec, locale, result):
    existing = org.get_translation_or_none(locale)
    if existing is not None:
        result.existing.append(existing)
        return existing
    translation = org.copy_for_translation(locale)
    translation.public_description = spec["en"]
    translation.save()
    result.created.append(f"organisation {org.name} (en)")
    return translation


def ensure_contact(spec, organisations, result):
    slug, full_name, role, email, language = spec
    contact, created = Contact.objects.get_or_create(
        email=email,
        defaults={
            "organisation": organisations[slug],
            "full_name": full_name,
            "role": role,
            "preferred_language": language,
            "lawful_basis": LEGIT,
        },
    )
    if created:
        result.created.append(f"contact {full_name}")
    else:
        result.existing.append(contact)
    return contact


def ensure_interaction(spec, organisations, contacts, coordinator, result):
    slug, kind, offset, summary, emails, follow_up = spec
    org = organisations[slug]
    existing = Interaction.objects.filter(organisation=org, kind=kind, summary=summary).first()
    if existing is not None:
        result.existing.append(existing)
        return existing
    today = timezone.localdate()
    interaction = Interaction.objects.create(
        organisation=org,
        kind=kind,
        date=today + datetime.timedelta(days=offset),
        summary=summary,
        follow_up_on=today + datetime.timedelta(days=follow_up) if follow_up is not None else None,
        follow_up_owner=coordinator if follow_up is not None else None,
        created_by=coordinator,
    )
    interaction.contacts.set([contacts[email] for email in emails])
    for contact in (contacts[email] for email in emails):
        if contact.last_contacted_on is None or contact.last_contacted_on < interaction.date:
            contact.last_contacted_on = interaction.date
            contact.save(update_fields=["last_contacted_on", "updated_at"])
    result.created.append(f"interaction {interaction}")
    return interaction


def ensure_partnership(place, org, status, result):
    partnership, created = Partnership.objects.get_or_create(
        place=place, organisation=org, defaults={"status": status}
    )
    if created:
        result.created.append(f"partnership {partnership}")
    else:
        result.existing.append(partnership)
    return partnership
