"""The campaign audience from the network plugin's contacts: chosen by organisation type,
country or place, with their organisation and preferred language. Left out when the network
plugin is not installed (tests/conftest.py); the mapping plugin then offers no such audience,
which tests/mapping/test_audience.py checks."""

import pytest

from mapping.errors import MappingError
from mapping.models import Invitation
from mapping.services import audience
from tests.factories.network import ContactFactory, OrganisationFactory, PlaceFactory

from .campaign_setup import campaign, questionnaire

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(site_tree):
    home_sv, _home_en = site_tree
    return campaign(questionnaire(home_sv))


# --- The network ------------------------------------------------------------------------


@pytest.fixture
def network(reference_data):
    solna = PlaceFactory(name="Solna", country="SE")
    pisa = PlaceFactory(name="Pisa", country="IT")
    kommun = OrganisationFactory(name="Solna stad", kind="municipality", place=solna)
    uni = OrganisationFactory(name="Università di Pisa", kind="university", place=pisa)
    company = OrganisationFactory(name="Bemanning AB", kind="company", place=solna)
    return {
        "solna": solna,
        "pisa": pisa,
        "kommun": kommun,
        "uni": uni,
        "anna": ContactFactory(organisation=kommun, email="Anna@Solna.example", preferred_language="sv"),
        "no_email": ContactFactory(organisation=kommun, email=""),
        "opted_out": ContactFactory(organisation=kommun, email="nej@solna.example", opted_out=True),
        "giulia": ContactFactory(organisation=uni, email="giulia@pisa.example", preferred_language="en"),
        "boss": ContactFactory(organisation=company, email="vd@bemanning.example"),
    }


def test_contacts_of_the_chosen_types_are_invited_with_their_organisation(draft, network):
    result = audience.audience_from_network(campaign=draft, organisation_types=["municipality", "university"])
    assert result.added == 2
    anna = Invitation.objects.get(email="anna@solna.example")
    assert (anna.organisation, anna.organisation_type, anna.region, anna.language) == (
        "Solna stad",
        "municipality",
        "Solna",
        "sv",
    )
    assert anna.organisation_ref == str(network["kommun"].pk)
    assert Invitation.objects.get(email="giulia@pisa.example").language == "en"
    # No email, opted out, or another type: not invited.
    assert set(Invitation.objects.values_list("email", flat=True)) == {
        "anna@solna.example",
        "giulia@pisa.example",
    }


def test_contacts_by_country_and_by_place(draft, network):
    audience.audience_from_network(campaign=draft, countries=["IT"])
    assert list(Invitation.objects.values_list("email", flat=True)) == ["giulia@pisa.example"]
    result = audience.audience_from_network(campaign=draft, place_ids=[network["solna"].pk])
    assert (result.added, Invitation.objects.count()) == (2, 3)  # Anna and the company's boss
    again = audience.audience_from_network(campaign=draft, place_ids=[network["solna"].pk])
    assert (again.added, again.already) == (0, 2)


def test_filters_of_different_kinds_narrow_each_other(draft, network):
    audience.audience_from_network(campaign=draft, organisation_types=["company"], countries=["IT"])
    assert not Invitation.objects.exists()


def test_a_choice_is_needed(draft, network):
    with pytest.raises(MappingError):
        audience.audience_from_network(campaign=draft)
