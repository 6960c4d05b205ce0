"""CSV import of organisations and contacts: the dialects spreadsheets write, row- and
column-numbered errors that import nothing, re-imports that update, and the admin views."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from network.models import Contact, Organisation, Place
from network.reference_data import COORDINATORS
from network.services import imports
from network.services.imports import ImportFailed
from tests.factories.network import ContactFactory, OrganisationFactory, PlaceFactory
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

ORGANISATIONS = (
    "name,slug,type,sector,place,country,latitude,longitude,website,programme_partner,"
    "inclusive_employer,public_description\n"
    "Södertälje kommun,,municipality,Offentlig sektor,Södertälje,SE,59.1955,17.6253,"
    "https://www.sodertalje.se,yes,yes,En kommun söder om Stockholm.\n"
    "Centro Formazione,centro,training_centre,Utbildning,Bologna,IT,44.4949,11.3426,centro.example.it,no,,"
    '"Ett centrum, i Emilia-Romagna."\n'
)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def run_organisations(text, encoding="utf-8"):
    return imports.organisations_import(data=text.encode(encoding))


def run_contacts(text):
    return imports.contacts_import(data=text.encode("utf-8"))


def failure_of(function, text, **kwargs):
    with pytest.raises(ImportFailed) as caught:
        function(text, **kwargs)
    return [(e.row, e.column, e.message) for e in caught.value.errors]


def nothing_imported():
    assert Organisation.objects.count() == 0
    assert Place.objects.count() == 0
    assert Contact.objects.count() == 0


# --- Organisations --------------------------------------------------------------------------


def test_organisations_and_places_are_created(reference_data):
    result = run_organisations(ORGANISATIONS)

    assert (result.created, result.updated) == (2, 0)
    sodertalje = Organisation.objects.get(slug="sodertalje-kommun")
    assert sodertalje.locale.language_code == "sv"
    assert sodertalje.kind == "municipality"
    assert sodertalje.is_programme_partner and sodertalje.is_inclusive_employer
    assert sodertalje.place.name == "Södertälje" and sodertalje.place.country.code == "SE"
    assert float(sodertalje.place.latitude) == 59.1955
    centro = Organisation.objects.get(slug="centro")
    assert centro.website == "https://centro.example.it"
    assert centro.public_description == "Ett centrum, i Emilia-Romagna."
    assert not centro.is_programme_partner and not centro.is_inclusive_employer
    assert Place.objects.count() == 2


def test_importing_the_same_file_again_updates_instead_of_duplicating(reference_data):
    run_organisations(ORGANISATIONS)
    first_keys = set(Organisation.objects.values_list("translation_key", flat=True))

    result = run_organisations(ORGANISATIONS.replace("Utbildning", "Yrkesutbildning"))

    assert (result.created, result.updated) == (0, 2)
    assert Organisation.objects.count() == 2 and Place.objects.count() == 2
    assert set(Organisation.objects.values_list("translation_key", flat=True)) == first_keys
    assert Organisation.objects.get(slug="centro").sector == "Yrkesutbildning"


def test_a_reimport_keeps_translations_in_step_but_leaves_their_texts(reference_data):
    run_organisations(ORGANISATIONS)
    source = Organisation.objects.get(slug="centro")
    english = source.copy_for_translation(Locale.objects.get(language_code="en"))
    english.public_description = "A centre in Emilia-Romagna."
    english.save()

    run_organisations(
        ORGANISATIONS.replace("Centro Formazione,centro,training_centre", "Centro Nuovo,centro,ngo")
    )

    english.refresh_from_db()
    assert (english.name, english.kind) == ("Centro Nuovo", "ngo")
    assert english.public_description == "A centre in Emilia-Romagna."


def test_semicolons_a_byte_order_mark_swedish_headers_and_decimal_commas(reference_data):
    text = (
        "\ufeffNamn;Typ;Ort;Land;Latitud;Longitud;Programpartner;Inkluderande arbetsgivare\r\n"
        "Huddinge kommun;Kommun;Huddinge;Sverige;59,2367;17,9817;ja;nej\r\n"
        "Università di Pisa;University;Pisa;it;43,7167;10,4;Nej;JA\r\n"
        ";;;;;;;\r\n"
    )

    result = run_organisations(text)

    assert result.created == 2
    huddinge = Organisation.objects.get(slug="huddinge-kommun")
    assert (
        huddinge.kind == "municipality"
        and huddinge.is_programme_partner
        and not huddinge.is_inclusive_employer
    )
    assert huddinge.place.country.code == "SE" and float(huddinge.place.longitude) == 17.9817
    pisa = Organisation.objects.get(slug="universita-di-pisa")
    assert pisa.kind == "university" and pisa.place.country.code == "IT" and pisa.is_inclusive_employer


def test_places_are_matched_by_name_and_country_in_any_case(reference_data):
    existing = PlaceFactory(name="Bologna", country="IT", latitude=44.1, longitude=11.1)
    other_country = PlaceFactory(name="Bologna", country="AR", latitude=-34.6, longitude=-58.4)

    run_organisations("name,type,place,country\nCentro,ngo,BOLOGNA,IT\n")
    run_organisations(
        "name,slug,type,place,country,latitude,longitude\nAltro,altro,ngo,bologna,it,44.49,11.34\n"
    )

    assert Place.objects.count() == 2
    assert Organisation.objects.get(slug="centro").place == existing
    existing.refresh_from_db()
    assert float(existing.latitude) == 44.49  # coordinates given in the file correct the place
    other_country.refresh_from_db()
    assert float(other_country.latitude) == -34.6


def test_every_problem_is_reported_with_its_row_and_column_and_nothing_is_imported(reference_data):
    text = (
        "name,type,place,country,latitude,longitude,website,programme_partner\n"
        "Bra kommun,municipality,Umeå,SE,63.8,20.3,https://umea.se,yes\n"
        ",castle,Umeå,SE,63.8,20.3,https://umea.se,maybe\n"
        "Tredje,ngo,Nowhere,XX,abc,20.3,not a url,no\n"
        "Fjärde,ngo,Ny ort,SE,,,,\n"
        "Femte,ngo,Långt bort,SE,95,200,,\n"
    )

    errors = failure_of(run_organisations, text)

    assert errors == [
        (3, "name", "This cell must not be empty."),
        (3, "programme_partner", "Write yes or no."),
        (
            3,
            "type",
            "“castle” is not one of: municipality, agency, company, ngo, university, training_centre, other.",
        ),
        (4, "country", "“XX” is not a country code (ISO 3166, such as SE or IT)."),
        (4, "latitude", "Write a number in decimal degrees, such as 59.3293."),
        (4, "website", "“not a url” is not a web address."),
        (5, "latitude", "“Ny ort” is a new place: give its latitude and longitude."),
        (6, "latitude", "Write a number between -90 and 90."),
        (6, "longitude", "Write a number between -180 and 180."),
    ]
    nothing_imported()


def test_errors_name_the_column_as_the_file_writes_it(reference_data):
    errors = failure_of(run_organisations, "Namn;Typ\nKommunen;slott\n")

    assert errors == [
        (
            2,
            "Typ",
            "“slott” is not one of: municipality, agency, company, ngo, university, training_centre, other.",
        )
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("name,slug,type\nEtt,samma,ngo\nTvå,samma,ngo\n", (3, "slug", "samma", "2")),
        ("name,type\nMalmö stad,municipality\nMalmo Stad,company\n", (3, "name", "malmo-stad", "2")),
    ],
)
def test_duplicate_slugs_within_a_file(reference_data, text, expected):
    errors = failure_of(run_organisations, text)

    assert len(errors) == 1
    row, column, message = errors[0]
    assert (row, column) == expected[:2]
    assert expected[2] in message and f"row {expected[3]}" in message
    nothing_imported()


def test_a_bad_slug_is_reported_once_and_not_replaced_by_one_made_from_the_name(reference_data):
    errors = failure_of(run_organisations, "name,slug,type\nA kommun,ogiltig slug!,municipality\n")

    assert [(row, column) for row, column, _message in errors] == [(2, "slug")]
    nothing_imported()


def test_one_place_with_two_sets_of_coordinates_is_an_error(reference_data):
    text = "name,type,place,country,latitude,longitude\nA,ngo,Lund,SE,55.7,13.2\nB,ngo,Lund,SE,56.7,13.2\n"

    errors = failure_of(run_organisations, text)

    assert errors == [(3, "latitude", "Row 2 gives “Lund” other coordinates.")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("name\nKommunen\n", [(1, "type", "The file needs this column.")]),
        ("name,type,colour\nA,ngo,red\n", [(1, "colour", "Unknown column.")]),
        ("name,namn,type\nA,B,ngo\n", [(1, "namn", "This column is also “name”.")]),
        ("name,type\n", [(None, "", "The file has a header but no rows.")]),
        ("", [(None, "", "The file is empty.")]),
        ("name,type\nA,ngo,extra\n", [(2, "", "This row has more cells than the header has columns.")]),
        ('name,type\n"A,ngo\n', [(2, "", "This row cannot be read as CSV")]),
    ],
)
def test_file_level_problems(reference_data, text, expected):
    errors = failure_of(run_organisations, text)

    assert [(row, column) for row, column, _m in errors] == [(row, column) for row, column, _m in expected]
    for (_r, _c, message), (_er, _ec, wanted) in zip(errors, expected, strict=True):
        assert message.startswith(wanted)
    nothing_imported()


def test_a_file_that_is_not_utf8_is_refused(reference_data):
    errors = failure_of(run_organisations, "name,type\nSödertälje,municipality\n", encoding="latin-1")

    assert errors == [(2, "", "The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.")]
    nothing_imported()


def test_an_oversized_file_is_refused(reference_data, settings):
    settings.NETWORK_IMPORT_MAX_BYTES = 100
    text = "name,type\n" + "".join(f"Organisation {n},ngo\n" for n in range(10))

    errors = failure_of(run_organisations, text)

    assert errors == [(None, "", "The file is larger than 100\xa0bytes.")]
    nothing_imported()


def test_a_failure_while_writing_leaves_nothing_behind(reference_data, monkeypatch):
    saved = []
    original = Organisation.save

    def fail_on_second(self, *args, **kwargs):
        saved.append(self.name)
        if len(saved) == 2:
            from django.db import IntegrityError

            raise IntegrityError("simulated")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Organisation, "save", fail_on_second)

    with pytest.raises(ImportFailed):
        run_organisations(ORGANISATIONS)

    assert saved == ["Södertälje kommun", "Centro Formazione"]
    nothing_imported()


# --- Contacts -------------------------------------------------------------------------------


@pytest.fixture
def organisations(reference_data):
    return OrganisationFactory(name="Södertälje kommun", slug="sodertalje"), OrganisationFactory(
        name="Centro Formazione", slug="centro"
    )


CONTACTS = (
    "name;organisation;role;email;phone;preferred_language;lawful_basis;consent_date;opted_out\n"
    "Anna Andersson;sodertalje;HR-chef;anna@sodertalje.example;08-123 45;svenska;legitimate_interest;;nej\n"
    "Giulia Rossi;Centro Formazione;Direttrice;giulia@centro.example;;English;Samtycke;2025-05-01;\n"
    "Utan Epost;SÖDERTÄLJE KOMMUN;Vaktmästare;;;sv;Avtal;;ja\n"
)


def test_contacts_are_created_at_their_organisations(organisations):
    sodertalje, centro = organisations

    result = run_contacts(CONTACTS)

    assert (result.created, result.updated) == (3, 0)
    anna = Contact.objects.get(email="anna@sodertalje.example")
    assert (anna.organisation, anna.role, anna.phone) == (sodertalje, "HR-chef", "08-123 45")
    assert (anna.preferred_language, anna.lawful_basis, anna.opted_out) == (
        "sv",
        "legitimate_interest",
        False,
    )
    giulia = Contact.objects.get(full_name="Giulia Rossi")
    assert giulia.organisation == centro
    assert (giulia.preferred_language, giulia.lawful_basis) == ("en", "consent")
    assert giulia.consent_date == datetime.date(2025, 5, 1)
    no_email = Contact.objects.get(full_name="Utan Epost")
    assert (no_email.organisation, no_email.lawful_basis, no_email.opted_out) == (
        sodertalje,
        "contract",
        True,
    )


def test_reimporting_contacts_updates_them(organisations):
    sodertalje, centro = organisations
    other_org_same_email = ContactFactory(organisation=centro, email="anna@sodertalje.example", role="Gäst")
    run_contacts(CONTACTS)

    result = run_contacts(CONTACTS.replace("HR-chef", "Personaldirektör").replace("Vaktmästare", "Fastighet"))

    assert (result.created, result.updated) == (0, 3)
    assert Contact.objects.count() == 4
    assert (
        Contact.objects.get(organisation=sodertalje, email="anna@sodertalje.example").role
        == "Personaldirektör"
    )
    assert Contact.objects.get(full_name="Utan Epost").role == "Fastighet"
    other_org_same_email.refresh_from_db()
    assert other_org_same_email.role == "Gäst"


def test_contact_errors_are_all_reported_and_nothing_is_imported(organisations):
    OrganisationFactory(name="Dubbel")
    OrganisationFactory(name="dubbel")
    future = (datetime.date.today() + datetime.timedelta(days=3)).isoformat()
    text = (
        "name,organisation,email,preferred_language,lawful_basis,consent_date,opted_out\n"
        "Ok Person,centro,ok@example.org,sv,consent,2024-01-01,no\n"
        "Utan Datum,centro,utan@example.org,sv,consent,,no\n"
        "Okänd Org,finns-inte,x@example.org,sv,contract,,no\n"
        "Tvetydig,Dubbel,y@example.org,sv,contract,,no\n"
        "Fel,centro,inte-en-adress,tyska,whim,31/12/2024,kanske\n"
        "Framtid,centro,f@example.org,en,consent,FUTURE,no\n"
        "Ok Igen,centro,OK@example.org,sv,contract,,no\n"
    ).replace("FUTURE", future)

    errors = failure_of(run_contacts, text)

    assert [(row, column) for row, column, _message in errors] == [
        (3, "consent_date"),
        (4, "organisation"),
        (5, "organisation"),
        (6, "consent_date"),
        (6, "email"),
        (6, "lawful_basis"),
        (6, "opted_out"),
        (6, "preferred_language"),
        (7, "consent_date"),
        (8, "email"),
    ]
    messages = {(row, column): message for row, column, message in errors}
    assert "Import the organisations first" in messages[(4, "organisation")]
    assert "use the slug" in messages[(5, "organisation")]
    assert messages[(7, "consent_date")] == "The date is in the future."
    assert messages[(8, "email")] == "Row 2 is the same person at the same organisation."
    assert Contact.objects.count() == 0


# --- The admin views ------------------------------------------------------------------------


def staff(*, coordinator):
    from wagtail.users.models import UserProfile

    user = UserFactory()
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    if coordinator:
        user.groups.add(Group.objects.get(name=COORDINATORS))
    else:
        from django.contrib.auth.models import Permission

        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def upload(text, name="organisations.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


@pytest.fixture
def coordinator_client(client, reference_data):
    client.force_login(staff(coordinator=True))
    return client


def test_a_coordinator_imports_organisations(coordinator_client):
    url = reverse("network_import_organisations")
    assert coordinator_client.get(url).status_code == 200

    response = coordinator_client.post(url, {"file": upload(ORGANISATIONS)})

    assert response.status_code == 302 and response["Location"] == url
    assert Organisation.objects.count() == 2
    page = coordinator_client.get(url).content.decode()
    assert "2 organisations created, 0 organisations updated." in page


def test_the_form_lists_every_problem(coordinator_client):
    response = coordinator_client.post(
        reverse("network_import_organisations"), {"file": upload("name;type\nA;castle\n;ngo\n")}
    )

    assert response.status_code == 400
    alert = BeautifulSoup(response.content, "html.parser").find(attrs={"role": "alert"})
    assert "Nothing was imported: the file has 2 problems." in alert.get_text()
    rows = [[td.get_text(strip=True) for td in tr.find_all("td")] for tr in alert.select("tbody tr")]
    assert [row[:2] for row in rows] == [["2", "type"], ["3", "name"]]
    assert rows[1][2] == "This cell must not be empty."
    assert Organisation.objects.count() == 0


def test_the_form_refuses_an_oversized_file(coordinator_client, settings):
    settings.NETWORK_IMPORT_MAX_BYTES = 50

    response = coordinator_client.post(
        reverse("network_import_organisations"), {"file": upload(ORGANISATIONS)}
    )

    assert response.status_code == 400
    assert "The file is larger than 50" in response.content.decode()
    assert Organisation.objects.count() == 0


def test_a_coordinator_imports_contacts(coordinator_client, organisations):
    response = coordinator_client.post(reverse("network_import_contacts"), {"file": upload(CONTACTS)})

    assert response.status_code == 302
    assert Contact.objects.count() == 3


def test_the_header_file_names_the_columns(coordinator_client):
    response = coordinator_client.get(reverse("network_import_contacts"), {"template": "1"})

    assert response.status_code == 200
    assert response.content.decode("utf-8-sig").strip() == (
        "name,organisation,role,email,phone,preferred_language,lawful_basis,consent_date,opted_out"
    )


@pytest.mark.parametrize("name", ["network_import_organisations", "network_import_contacts"])
def test_staff_without_network_permissions_get_403_and_import_nothing(client, reference_data, name):
    client.force_login(staff(coordinator=False))

    assert client.get(reverse(name)).status_code == 403
    response = client.post(reverse(name), {"file": upload(ORGANISATIONS)})

    assert response.status_code == 403
    assert Organisation.objects.count() == 0


def test_anonymous_visitors_are_sent_to_log_in(client, reference_data):
    response = client.get(reverse("network_import_organisations"))

    assert response.status_code == 302
    assert "login" in response["Location"]
