"""The report in the Wagtail admin and on the API: permission-checked, suppressed the same way
in HTML, CSV, XLSX and JSON, and raw identified answers only with their own permission and
never for an anonymous campaign. Tampered ids and filters get a clear 4xx, never a 500."""

import csv
import io

import openpyxl
import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.users.models import UserProfile

from mapping.models import CampaignMode, CampaignState
from tests.factories.users import UserFactory

from .report_setup import campaign, invite, respond, typical_answers

pytestmark = pytest.mark.django_db

API = "/api/v3/mapping/reports"


@pytest.fixture(autouse=True)
def _english(client):
    """The assertions read English; the API follows Accept-Language, the admin the profile."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def staff(*codenames):
    user = UserFactory()
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        *(Permission.objects.get(content_type__app_label="mapping", codename=name) for name in codenames),
    )
    return user


@pytest.fixture
def analyst(reference_data):
    return staff("view_campaign_reports")


@pytest.fixture
def survey(reference_data):
    made = campaign()
    for i in range(15):
        respond(made, typical_answers(i), region="Solna" if i < 11 else "Nacka")
    return made


def test_report_page_shows_tables_charts_and_hidden_cells(client, analyst, survey):
    client.force_login(analyst)
    response = client.get(reverse("mapping_reports"), {"campaign": survey.pk})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hur stor är organisationen?" in html
    assert "hidden (fewer than 5)" in html
    assert "<svg" in html and "<title id=" in html and "<desc id=" in html
    assert '<th scope="col">' in html  # the data table beside the chart
    assert "export=csv" in html and "export=xlsx" in html
    assert "Download identified responses" not in html


def test_breakdown_and_tampered_filters(client, analyst, survey):
    client.force_login(analyst)
    response = client.get(reverse("mapping_reports"), {"campaign": survey.pk, "breakdown": "region"})
    assert response.status_code == 200
    assert "Nacka" in response.content.decode()
    for query in (
        {"campaign": "999999"},
        {"campaign": "abc"},
        {"campaign": survey.pk, "breakdown": "email"},
        {"campaign": ""},
    ):
        response = client.get(reverse("mapping_reports"), query)
        assert response.status_code == 200, query
        html = response.content.decode()
        assert 'id="mapping-report-errors"' in html and 'href="#' in html, query
        assert "Respondents:" not in html, query


def test_the_reports_menu_lists_the_report_for_analysts_only(client, analyst):
    client.force_login(analyst)
    assert "Mapping: campaign reports" in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(staff())
    assert "Mapping: campaign reports" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_without_permission_the_report_is_forbidden(client, reference_data, survey):
    client.force_login(staff())
    response = client.get(reverse("mapping_reports"), {"campaign": survey.pk})
    assert response.status_code == 403
    assert "Hur stor" not in response.content.decode()
    response = client.get(reverse("mapping_reports"), {"campaign": survey.pk, "export": "csv"})
    assert response.status_code == 403


def test_csv_export_hides_the_same_cells(client, analyst, survey):
    client.force_login(analyst)
    response = client.get(reverse("mapping_reports"), {"campaign": survey.pk, "export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    lines = list(csv.reader(io.StringIO(response.content.decode())))
    storlek = lines.index(["Hur stor är organisationen?"])
    assert lines[storlek + 1] == ["Answer", "Respondents", "Share (%)"]
    assert lines[storlek + 2][:2] == ["Liten", "10"]
    assert lines[storlek + 3][:2] == ["Stor", "5"]
    trivsel = lines.index(["Vi arbetar med likabehandling"])
    first = lines[trivsel + 2]  # 3 of 15 chose each step
    assert first[1:] == ["hidden (fewer than 5)", "hidden (fewer than 5)"]  # the count and its share
    assert "3" not in sum(lines[trivsel + 2 : trivsel + 7], [])


def test_xlsx_export(client, analyst, survey):
    client.force_login(analyst)
    response = client.get(
        reverse("mapping_reports"), {"campaign": survey.pk, "export": "xlsx", "breakdown": "region"}
    )
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    sheet = next(ws for ws in workbook.worksheets if ws.title.endswith("storlek"))
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[1] == ["Answer", "Nacka", "Solna", "Total"]
    assert "hidden (fewer than 5)" in values[2] + values[3]


def test_free_text_that_looks_like_a_formula_is_defused(client, analyst, reference_data):
    made = campaign()
    for i in range(10):
        respond(made, [{"question_key": "ovrigt", "text": f'=HYPERLINK("x{i}")'}])
    client.force_login(analyst)
    body = client.get(reverse("mapping_reports"), {"campaign": made.pk, "export": "csv"}).content.decode()
    assert "'=HYPERLINK" in body and "\n=HYPERLINK" not in body


def test_identified_raw_responses_need_their_own_permission(client, reference_data):
    identified = campaign(mode=CampaignMode.IDENTIFIED)
    invitation = invite(identified, "anna@solna.example", responded=True)
    respond(identified, [{"question_key": "storlek", "option_key": "liten"}], invitation=invitation)
    raw = reverse("mapping_report_raw", args=[identified.pk])

    client.force_login(staff("view_campaign_reports"))
    assert client.get(raw).status_code == 403
    page = client.get(reverse("mapping_reports"), {"campaign": identified.pk}).content.decode()
    assert "Download identified responses" not in page

    client.force_login(staff("view_campaign_reports", "view_identified_responses"))
    page = client.get(reverse("mapping_reports"), {"campaign": identified.pk}).content.decode()
    assert "Download identified responses" in page
    response = client.get(raw)
    assert response.status_code == 200 and "anna@solna.example" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_anonymous_campaigns_never_offer_raw_rows(client, survey):
    client.force_login(staff("view_campaign_reports", "view_identified_responses"))
    page = client.get(reverse("mapping_reports"), {"campaign": survey.pk}).content.decode()
    assert "Download identified responses" not in page
    assert client.get(reverse("mapping_report_raw", args=[survey.pk])).status_code == 404
    assert client.get(reverse("mapping_report_raw", args=[999999])).status_code == 404


def test_api_report_is_suppressed_and_permission_checked(client, analyst, survey):
    url = f"{API}/campaigns/{survey.pk}"
    assert client.get(url).status_code == 401
    client.force_login(staff())
    response = client.get(url)
    assert response.status_code == 403 and response.json()["code"] == "not_allowed"

    client.force_login(analyst)
    data = client.get(url).json()
    assert data["k"] == 5 and data["respondents"]["value"] == 15
    trivsel = next(table for table in data["tables"] if table["key"] == "trivsel")
    assert trivsel["rows"][0]["cells"][0] == {"value": None, "hidden": True, "text": "hidden (fewer than 5)"}

    data = client.get(url, {"breakdown": "region"}).json()
    assert data["breakdown"] == "region"


def test_api_refuses_tampered_requests_with_a_clear_message(client, analyst, survey):
    client.force_login(analyst)
    assert client.get(f"{API}/campaigns/999999").status_code == 404
    response = client.get(f"{API}/campaigns/{survey.pk}", {"breakdown": "email"})
    assert response.status_code == 400 and "breakdown" in response.json()["detail"]
    assert client.get(f"{API}/campaigns/abc").status_code == 422
    assert client.get(API).status_code == 400
    response = client.get(API, {"campaign": [survey.pk, 999999]})
    assert response.status_code == 404
    response = client.get(API, {"campaign": list(range(1, 30))})
    assert response.status_code == 400


def test_api_answers_in_the_language_asked_for(client, analyst, survey):
    client.force_login(analyst)
    english = client.get(f"{API}/campaigns/{survey.pk}").json()
    swedish = client.get(f"{API}/campaigns/{survey.pk}", HTTP_ACCEPT_LANGUAGE="sv").json()
    assert english["tables"][0]["title"] == swedish["tables"][0]["title"] == "Vi arbetar med likabehandling"
    assert client.get(f"{API}/campaigns/999999", HTTP_ACCEPT_LANGUAGE="sv").json()["detail"]


def test_draft_campaigns_have_no_report(client, analyst, survey):
    survey.state = CampaignState.DRAFT
    survey.save()
    client.force_login(analyst)
    assert client.get(f"{API}/campaigns/{survey.pk}").status_code == 404


def test_openapi_documents_the_report(client):
    schema = client.get("/api/v3/openapi.json").json()
    assert "/api/v3/mapping/reports/campaigns/{campaign_id}" in schema["paths"]
