"""The directory API: public fields only, texts in the asked-for language, filters, translated
errors, and query counts that do not grow with the number of organisations."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from network.models import Interaction, Partnership
from tests.factories.network import (
    ContactFactory,
    OrganisationFactory,
    PartnerDirectoryPageFactory,
    PlaceFactory,
)
from tests.factories.pages import translate
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

API = "/api/v3/network"
NOTE = "Intern: förhandlar om avgiften"


def translate_organisation(organisation, **fields):
    translated = organisation.copy_for_translation(Locale.objects.get(language_code="en"))
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()
    return translated


@pytest.fixture
def directory(site_tree):
    home_sv, _home_en = site_tree
    page = PartnerDirectoryPageFactory(parent=home_sv)
    return page, translate(page, "en", title="Partners", slug="partners")


@pytest.fixture
def bologna():
    return PlaceFactory(name="Bologna", country="IT", latitude=44.49, longitude=11.34)


@pytest.fixture
def listed(bologna):
    organisation = OrganisationFactory(
        name="Centro Formazione",
        slug="centro",
        kind="training_centre",
        place=bologna,
        website="https://centro.example.it/",
        is_programme_partner=True,
        public_description="Ett utbildningscenter.",
        internal_notes=NOTE,
        step_free_entrance=True,
        lift=False,
    )
    translate_organisation(organisation, public_description="A training centre.", internal_notes=NOTE)
    contact = ContactFactory(
        organisation=organisation, full_name="Giulia Contatto", email="giulia@example.it"
    )
    Interaction.objects.create(
        kind=Interaction.Kind.CALL, date="2026-02-01", organisation=organisation, summary="Pris diskuterat"
    ).contacts.set([contact])
    return organisation


SECRETS = (NOTE, "Giulia Contatto", "giulia@example.it", "Pris diskuterat", "internal_notes", "contacts")


def test_the_list_has_public_fields_only_in_the_asked_language(client, directory, listed):
    OrganisationFactory(name="Dold", is_public=False)
    participant = UserFactory()
    for user in (None, participant):
        if user:
            client.force_login(user)
        response = client.get(f"{API}/organisations", {"language": "en"})
        assert response.status_code == 200
        body = response.json()
        assert body["count"] == 1
        (item,) = body["items"]
        assert item == {
            "slug": "centro",
            "name": "Centro Formazione",
            "kind": "training_centre",
            "kind_label": "Training centre",
            "sector": "",
            "place": {
                "id": listed.place.pk,
                "name": "Bologna",
                "kind": "municipality",
                "country": "IT",
                "country_name": "Italy",
                "latitude": 44.49,
                "longitude": 11.34,
            },
            "website": "https://centro.example.it/",
            "programme_partner": True,
            "inclusive_employer": False,
            "description": "A training centre.",
            "description_language": "en",
            "url": "/en/partners/centro/",
        }
        for secret in SECRETS:
            assert secret not in response.content.decode()


def test_swedish_is_the_default_for_a_swedish_caller(client, directory, listed):
    body = client.get(f"{API}/organisations", HTTP_ACCEPT_LANGUAGE="sv").json()

    (item,) = body["items"]
    assert item["description"] == "Ett utbildningscenter."
    assert item["place"]["country_name"] == "Italien"
    assert item["url"].endswith("/sv/partner/centro/")


def test_filters_and_paging(client, directory, bologna):
    stockholm = PlaceFactory(name="Stockholm", country="SE", latitude=59.33, longitude=18.07)
    OrganisationFactory(name="A kommun", kind="municipality", place=stockholm)
    OrganisationFactory(name="B universitet", kind="university", place=stockholm)
    OrganisationFactory(name="C università", kind="university", place=bologna)

    def names(**params):
        response = client.get(f"{API}/organisations", params)
        assert response.status_code == 200, response.content
        return [item["name"] for item in response.json()["items"]]

    assert names(kind="university") == ["B universitet", "C università"]
    assert names(kind="university", country="it") == ["C università"]
    assert names(country="SE") == ["A kommun", "B universitet"]
    assert names(limit=2, offset=1) == ["B universitet", "C università"]
    assert client.get(f"{API}/organisations", {"limit": 1}).json()["count"] == 3


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"kind": "castle"}, 422),
        ({"country": "ZZ"}, 400),
        ({"country": "Sweden"}, 400),
        ({"language": "de"}, 400),
        ({"limit": 0}, 422),
        ({"limit": 1000}, 422),
        ({"offset": -1}, 422),
    ],
)
def test_bad_parameters_get_a_translated_error(client, directory, params, status):
    response = client.get(f"{API}/organisations", params, HTTP_ACCEPT_LANGUAGE="sv")

    assert response.status_code == status
    assert response.json()["detail"]


def test_an_unknown_country_error_is_in_swedish_for_a_swedish_caller(client, directory):
    response = client.get(f"{API}/organisations", {"country": "ZZ"}, HTTP_ACCEPT_LANGUAGE="sv")

    assert response.status_code == 400
    assert "ZZ" in response.json()["detail"]


def test_one_organisation_with_accessibility_facts(client, directory, listed):
    response = client.get(f"{API}/organisations/centro", {"language": "en"})

    assert response.status_code == 200
    body = response.json()
    assert body["description"] == "A training centre."
    facts = {fact["key"]: fact["value"] for fact in body["accessibility"]}
    assert facts["step_free_entrance"] is True
    assert facts["lift"] is False
    assert facts["hearing_loop"] is None
    assert len(facts) == 7
    for secret in SECRETS:
        assert secret not in response.content.decode()


@pytest.mark.parametrize("slug", ["nope", "hidden"])
def test_unknown_or_hidden_organisations_are_404(client, directory, slug):
    OrganisationFactory(slug="hidden", is_public=False, name="Hemligt bolag")

    response = client.get(f"{API}/organisations/{slug}")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert "Hemligt bolag" not in response.content.decode()


def test_without_a_directory_page_profiles_have_no_url(client, site_tree, listed):
    (item,) = client.get(f"{API}/organisations").json()["items"]
    assert item["url"] is None


def test_places_with_counts_and_partnership_status(client, directory, listed, bologna):
    OrganisationFactory(place=bologna)
    OrganisationFactory(place=bologna, is_public=False)
    pisa = PlaceFactory(name="Pisa", country="IT", latitude=43.72, longitude=10.4)
    Partnership.objects.create(place=pisa, status=Partnership.Status.CONTACTED)
    Partnership.objects.create(place=bologna, status=Partnership.Status.ESTABLISHED)
    Partnership.objects.create(place=bologna, organisation=listed, status=Partnership.Status.COLLABORATING)
    PlaceFactory(name="Tom ort")

    response = client.get(f"{API}/places", {"language": "en"})

    assert response.status_code == 200
    by_name = {place["name"]: place for place in response.json()}
    assert set(by_name) == {"Bologna", "Pisa"}
    assert by_name["Bologna"]["organisation_count"] == 2
    assert by_name["Bologna"]["partnership"] == {"status": "collaborating", "label": "Collaborating"}
    assert by_name["Pisa"]["organisation_count"] == 0
    assert by_name["Pisa"]["partnership"] == {"status": "contacted", "label": "Contacted"}
    only_universities = client.get(f"{API}/places", {"kind": "university"}).json()
    assert only_universities == []


# --- Query counts ---------------------------------------------------------------------------


def add(count, start):
    for number in range(start, start + count):
        place = PlaceFactory(name=f"Stad {number}", country="SE" if number % 2 else "FI")
        organisation = OrganisationFactory(name=f"Org {number:03}", place=place)
        if number % 2:
            translate_organisation(organisation, public_description=f"Text {number}")
        Partnership.objects.create(place=place, status=1 + number % 4)


@pytest.mark.parametrize("path", ["/organisations?language=en", "/organisations?language=sv", "/places"])
def test_api_query_counts_do_not_grow(client, directory, path, django_assert_max_num_queries):
    add(2, 0)
    client.get(API + path)
    with CaptureQueriesContext(connection) as captured:
        small = client.get(API + path).json()
    add(10, 2)
    with django_assert_max_num_queries(len(captured)):
        large = client.get(API + path).json()
    items = large["items"] if isinstance(large, dict) else large
    assert len(items) == 12 and len(small["items"] if isinstance(small, dict) else small) == 2
    assert len(captured) <= 8
    print(f"API {path}: {len(captured)} queries with 2 and 12 organisations")
