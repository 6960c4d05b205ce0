"""The audience: a CSV file checked as a whole (row-numbered, translated errors; nothing added
on any error), and the network plugin's contacts when it is installed, never imported when it
is not."""

import ast
import pathlib

import pytest
from django.utils import translation

from mapping.errors import Conflict, MappingError
from mapping.models import CampaignAccess, Invitation
from mapping.services import audience, campaigns

from .campaign_setup import campaign, questionnaire

pytestmark = pytest.mark.django_db

GOOD = (
    "email,organisation,organisation type,municipality or region,language\n"
    "anna@solna.example,Solna stad,municipality,Solna,sv\n"
    "Ben@Pisa.example,Università di Pisa,university,Pisa,English\n"
)


@pytest.fixture
def draft(site_tree):
    home_sv, _home_en = site_tree
    return campaign(questionnaire(home_sv))


def errors_of(draft, data):
    with translation.override("en"), pytest.raises(audience.AudienceImportFailed) as failed:
        audience.audience_import_csv(campaign=draft, data=data)
    assert not Invitation.objects.exists()  # nothing on any error
    return [(e.row, e.column, e.message) for e in failed.value.errors]


# --- CSV --------------------------------------------------------------------------------


def test_a_good_file_adds_everyone_with_their_attributes(draft):
    result = audience.audience_import_csv(campaign=draft, data=GOOD.encode())
    assert (result.added, result.already) == (2, 0)
    ben = Invitation.objects.get(email="ben@pisa.example")
    assert (ben.organisation, ben.organisation_type, ben.region, ben.language) == (
        "Università di Pisa",
        "university",
        "Pisa",
        "en",
    )
    assert ben.invited_at is None and len(ben.token_hash) == 64
    assert Invitation.objects.get(email="anna@solna.example").language == "sv"


def test_swedish_headers_semicolons_and_a_byte_order_mark(draft):
    data = (
        "\ufeffE-post;Organisation;Organisationstyp;Kommun;Språk\r\n"
        "anna@solna.example;Solna stad;kommun;Solna;svenska\r\n"
    )
    audience.audience_import_csv(campaign=draft, data=data.encode())
    anna = Invitation.objects.get()
    assert (anna.region, anna.language) == ("Solna", "sv")


def test_uploading_the_same_file_again_adds_only_the_new_people(draft):
    audience.audience_import_csv(campaign=draft, data=GOOD.encode())
    more = GOOD + "cecilia@sundbyberg.example,Sundbybergs stad,municipality,Sundbyberg,sv\n"
    result = audience.audience_import_csv(campaign=draft, data=more.encode())
    assert (result.added, result.already) == (1, 2)
    assert Invitation.objects.count() == 3


def test_every_problem_is_reported_with_its_row_and_nothing_is_added(draft):
    data = (
        "email,organisation,language\n"
        "anna@solna.example,Solna stad,sv\n"
        "not-an-email,Solna stad,sv\n"
        "ANNA@solna.example,Solna stad,sv\n"
        "ben@pisa.example,,klingon\n"
    )
    found = errors_of(draft, data.encode())
    assert (3, "email", "“not-an-email” is not an email address.") in found
    assert (4, "email", "Row 2 has the same email address.") in found
    assert (5, "organisation", "This cell must not be empty.") in found
    assert (5, "language", "Write one of the site's languages: sv, en.") in found
    assert len(found) == 4


def test_a_missing_column_is_named(draft):
    found = errors_of(draft, b"email,organisation\nanna@solna.example,Solna stad\n")
    assert found == [(1, "language", "The file needs this column.")]


def test_an_unknown_column_is_named(draft):
    found = errors_of(draft, b"email,organisation,language,shoe size\na@b.example,X,sv,42\n")
    assert found[0][:2] == (1, "shoe size")


def test_a_file_that_is_not_utf8_is_refused_with_its_line(draft):
    data = "email,organisation,language\nanna@solna.example,Järfälla kommun,sv\n".encode("latin-1")
    found = errors_of(draft, data)
    assert found == [(2, "", "The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.")]


def test_a_too_large_file_is_refused(draft, settings):
    settings.MAPPING_AUDIENCE_MAX_BYTES = 100
    found = errors_of(draft, GOOD.encode() * 3)
    assert found == [(None, "", "The file is larger than 100\xa0bytes.")]


@pytest.mark.parametrize("data", [b"", b"   \n", b"email,organisation,language\n"])
def test_an_empty_file_is_refused(draft, data):
    assert errors_of(draft, data)


def test_a_broken_quotation_mark_is_reported(draft):
    found = errors_of(draft, b'email,organisation,language\n"anna@solna.example,Solna,sv\n')
    assert found[0][0] == 2


def test_the_errors_are_translated(draft):
    with translation.override("sv"), pytest.raises(audience.AudienceImportFailed) as failed:
        audience.audience_import_csv(campaign=draft, data=b"email,organisation\na@b.example,X\n")
    assert failed.value.errors[0].column == "language"


def test_a_closed_campaign_takes_nobody(draft):
    audience.audience_import_csv(campaign=draft, data=GOOD.encode())
    campaigns.campaign_open(campaign=draft)
    campaigns.campaign_close(campaign=draft)
    with pytest.raises(Conflict):
        audience.audience_import_csv(campaign=draft, data=GOOD.replace("anna", "ada").encode())
    assert Invitation.objects.count() == 2


def test_an_open_access_campaign_has_no_audience(site_tree):
    home_sv, _home_en = site_tree
    public = campaign(questionnaire(home_sv), access=CampaignAccess.OPEN)
    with pytest.raises(Conflict):
        audience.audience_import_csv(campaign=public, data=GOOD.encode())


def test_without_the_network_plugin_the_network_audience_is_refused(draft, monkeypatch):
    monkeypatch.setattr(audience, "network_available", lambda: False)
    with pytest.raises(MappingError) as refused:
        audience.audience_from_network(campaign=draft, organisation_types=["municipality"])
    assert "not installed" in refused.value.message or refused.value.message
    assert audience.network_choices() == {"types": [], "countries": [], "places": []}


def test_network_available_follows_the_app_registry(monkeypatch):
    monkeypatch.setattr(audience.apps, "is_installed", lambda name: name != "network")
    assert not audience.network_available()


def test_the_mapping_code_never_imports_network_at_module_level():
    """The plugin must load without network: any import of it sits inside a function."""
    root = pathlib.Path(audience.__file__).resolve().parents[1]
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in tree.body:
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            assert not any(name == "network" or name.startswith("network.") for name in names), path
