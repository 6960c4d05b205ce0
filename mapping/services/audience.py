"""A campaign's audience: from an uploaded CSV file, or from the network plugin's contacts.

The CSV is read by ``heart_site.core.csv_import``, the project's one reader: every problem is
reported with its row and nothing is imported while any remains. An email already in the
audience is left as it is, so uploading a corrected file again only adds the new people.

The network plugin is optional: it is imported inside the function that reads it, only when
installed, so this module loads without it.
"""

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from heart_site.core.csv_import import (
    Column,
    ImportFailed,
    RowReader,
    parse_email,
    parse_language,
    read_table,
)

from ..errors import Conflict, MappingError
from ..models import Campaign, Invitation
from ..tokens import new_token
from .campaigns import campaign_accepts_audience

MAX_BYTES_DEFAULT = 2 * 1024 * 1024


def max_bytes() -> int:
    return getattr(settings, "MAPPING_AUDIENCE_MAX_BYTES", MAX_BYTES_DEFAULT)


class AudienceImportFailed(ImportFailed, MappingError):
    """The shared reader's failure, kept a ``MappingError`` for the plugin's views."""

    code = "audience_import_failed"


@dataclass
class AudienceResult:
    added: int = 0
    already: int = 0  # emails already in the audience, left alone


COLUMNS = [
    Column(
        "email", ("e_mail", "e_post", "epost", "mail", "mejl"), True, gettext_lazy("The invitee's address.")
    ),
    Column(
        "organisation",
        ("organization", "organisation_name", "organisationens_namn", "org"),
        True,
        gettext_lazy("The organisation the invitee answers for."),
    ),
    Column(
        "organisation_type",
        ("organization_type", "type", "organisationstyp", "typ"),
        False,
        gettext_lazy("Such as municipality, agency, company or NGO; used to break reports down."),
    ),
    Column(
        "region",
        (
            "municipality",
            "municipality_or_region",
            "kommun",
            "region_eller_kommun",
            "kommun_eller_region",
            "län",
        ),
        False,
        gettext_lazy("Municipality or region; used to break reports down."),
    ),
    Column(
        "language", ("språk", "sprak", "lang"), True, gettext_lazy("sv or en: the language of the emails.")
    ),
]


def parse_audience(data: bytes) -> list[dict]:
    """The people of an audience file, checked; raises ``AudienceImportFailed`` with every problem."""
    try:
        table = read_table(data, COLUMNS, max_bytes=max_bytes())
    except ImportFailed as failure:
        raise AudienceImportFailed(failure.errors) from None
    errors, people, seen = [], [], {}
    for number, values in table.rows:
        cells = RowReader(table, number, values, errors)
        email = cells.get("email", parse_email, required=True, max_length=254)
        if email:
            email = email.lower()
            if email in seen:
                cells.error("email", _("Row %(row)s has the same email address.") % {"row": seen[email]})
            seen.setdefault(email, number)
        people.append(
            {
                "email": email,
                "organisation": cells.get("organisation", required=True, max_length=255),
                "organisation_type": cells.get("organisation_type", max_length=64),
                "region": cells.get("region", max_length=255),
                "language": cells.get("language", parse_language, required=True),
            }
        )
    if errors:
        raise AudienceImportFailed(errors)
    return people


def _check_open_to_audience(campaign):
    if not campaign_accepts_audience(campaign):
        raise Conflict(_("People can be added only to a draft, scheduled or open campaign by invitation."))


@transaction.atomic
def _add(campaign, people) -> AudienceResult:
    # Checked again on the locked row: the campaign may have closed since the caller read it.
    _check_open_to_audience(Campaign.objects.select_for_update().get(pk=campaign.pk))
    existing = set(Invitation.objects.filter(campaign=campaign).values_list("email", flat=True))
    result = AudienceResult()
    new = []
    for person in people:
        if person["email"] in existing:
            result.already += 1
            continue
        existing.add(person["email"])
        # A hash of a token nobody holds: the real token is made when the invitation is sent.
        new.append(Invitation(campaign=campaign, token_hash=new_token()[1], **person))
    Invitation.objects.bulk_create(new)
    result.added = len(new)
    return result


def audience_import_csv(*, campaign, data: bytes) -> AudienceResult:
    """Add the people of a CSV file to ``campaign``'s audience, or nothing if the file has a problem."""
    _check_open_to_audience(campaign)
    return _add(campaign, parse_audience(data))


def network_available() -> bool:
    return apps.is_installed("network")


def network_choices() -> dict:
    """What the network audience form offers: organisation types, countries and places."""
    if not network_available():
        return {"types": [], "countries": [], "places": []}
    from network.models import Organisation, Place

    countries = sorted(
        {(place.country.code, place.country.name) for place in Place.objects.all()}, key=lambda c: c[1]
    )
    return {
        "types": list(Organisation.Kind.choices),
        "countries": countries,
        "places": [(str(place.pk), str(place)) for place in Place.objects.order_by("country", "name")],
    }


def audience_from_network(*, campaign, organisation_types=(), countries=(), place_ids=()) -> AudienceResult:
    """Invite the reachable contacts (an email, not opted out) of the network's organisations
    of the chosen types and places, with the organisation's name, type and place and the
    contact's preferred language."""
    _check_open_to_audience(campaign)
    if not network_available():
        raise MappingError(_("The network plugin is not installed: upload a CSV file instead."))
    from network.models import Contact

    if not (organisation_types or countries or place_ids):
        raise MappingError(_("Choose at least one organisation type, country or place."))
    contacts = Contact.objects.reachable().filter(organisation__locale__language_code=settings.LANGUAGE_CODE)
    if organisation_types:
        contacts = contacts.filter(organisation__kind__in=organisation_types)
    if countries:
        contacts = contacts.filter(organisation__place__country__in=countries)
    if place_ids:
        contacts = contacts.filter(organisation__place_id__in=place_ids)
    languages = {code for code, _name in settings.LANGUAGES}
    people, seen = [], set()
    for contact in contacts.select_related("organisation__place").order_by("organisation__name", "pk"):
        email = contact.email.strip().lower()
        if email in seen:
            continue  # one person at two organisations answers once
        seen.add(email)
        organisation = contact.organisation
        people.append(
            {
                "email": email,
                "organisation": organisation.name[:255],
                "organisation_ref": str(organisation.pk),
                "organisation_type": organisation.kind,
                "region": organisation.place.name if organisation.place else "",
                "language": contact.preferred_language
                if contact.preferred_language in languages
                else settings.LANGUAGE_CODE,
            }
        )
    return _add(campaign, people)
