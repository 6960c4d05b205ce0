"""The respondent API: the session's pinned questionnaire, drafts and one submission."""

import json

import pytest
from django.test import Client

from mapping.models import Answer, Invitation, QuestionnairePage, Response
from tests.mapping.respond_setup import MANAGER_ANSWERS, STAFF_ANSWERS, invite, open_campaign, questionnaire

pytestmark = pytest.mark.django_db

API = "/api/v3/mapping/respond"
CSRF = "a" * 32


@pytest.fixture
def campaign(site_tree):
    home_sv, _home_en = site_tree
    return open_campaign(questionnaire(home_sv))


@pytest.fixture
def respondent(campaign):
    """A browser that followed its invitation link, and sends the CSRF token as a client must."""
    invitation, token = invite(campaign)
    browser = Client(enforce_csrf_checks=True)
    assert browser.get(f"/sv/mapping/t/{token}/").status_code == 302
    browser.cookies["csrftoken"] = CSRF
    browser.invitation = invitation
    return browser


def send(client, method, path, data, **headers):
    call = getattr(client, method)
    return call(path, json.dumps(data), content_type="application/json", HTTP_X_CSRFTOKEN=CSRF, **headers)


def test_the_questionnaire_comes_from_the_pinned_version(respondent, campaign):
    # An edit after the campaign opened is not what respondents get.
    page = QuestionnairePage.objects.get(pk=campaign.questionnaire_id)
    page.title = "Ändrad"
    page.save_revision().publish()
    body = respondent.get(f"{API}/questionnaire").json()
    assert body["title"] == "Enkät" and body["language"] == "sv" and body["languages"] == ["en", "sv"]
    assert body["anonymous"] is True
    first = body["sections"][0]["questions"][0]
    assert (first["key"], first["type"], first["options"]) == (
        "role",
        "single",
        [["staff", "Medarbetare"], ["manager", "Chef"]],
    )
    assert body["sections"][2]["condition"] == {"question_key": "role", "option_key": "manager"}
    english = respondent.get(f"{API}/questionnaire?language=en").json()
    assert english["sections"][0]["questions"][0]["label"] == "What is your role?"


def test_no_session_no_questionnaire(client, campaign):
    response = client.get(f"{API}/questionnaire", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert response.json()["code"] == "link_not_valid"


def test_a_language_the_campaign_lacks_is_not_found(respondent):
    assert respondent.get(f"{API}/questionnaire?language=fr").status_code == 404
    response = send(respondent, "post", f"{API}/submit", {"language": "fr", "answers": STAFF_ANSWERS})
    assert response.status_code == 404
    assert not Response.objects.exists()


def test_draft_save_and_read_back(respondent):
    response = send(
        respondent, "put", f"{API}/draft", {"language": "sv", "answers": {"role": "staff", "x": 1}}
    )
    assert response.status_code == 200 and response.json() == {"answers": {"role": "staff"}}
    assert respondent.get(f"{API}/questionnaire").json()["draft"] == {"role": "staff"}


def test_an_invalid_draft_is_refused_with_the_questions_at_fault(respondent):
    response = send(
        respondent, "put", f"{API}/draft", {"language": "sv", "answers": {"role": "ceo", "short": "x" * 501}}
    )
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid_answers" and set(body["errors"]) == {"role", "short"}
    respondent.invitation.refresh_from_db()
    assert respondent.invitation.draft == {}


def test_writes_need_the_csrf_token(respondent):
    response = respondent.post(
        f"{API}/submit",
        json.dumps({"language": "sv", "answers": STAFF_ANSWERS}),
        content_type="application/json",
    )
    assert response.status_code == 403
    assert not Response.objects.exists()


def test_submit_once(respondent):
    response = send(respondent, "post", f"{API}/submit", {"language": "sv", "answers": MANAGER_ANSWERS})
    assert response.status_code == 200 and response.json() == {"submitted": True}
    assert Invitation.objects.get().responded
    again = send(respondent, "post", f"{API}/submit", {"language": "sv", "answers": MANAGER_ANSWERS})
    assert again.status_code == 404
    assert Response.objects.count() == 1


def test_a_tampered_submission_writes_nothing(respondent):
    answers = {**MANAGER_ANSWERS, "comp": {"equal-treatment": {"current": "99", "importance": "1"}}}
    response = send(respondent, "post", f"{API}/submit", {"language": "sv", "answers": answers})
    assert response.status_code == 400 and list(response.json()["errors"]) == ["comp"]
    assert not Response.objects.exists() and not Answer.objects.exists()
    assert not Invitation.objects.get().responded


def test_a_malformed_body_is_a_4xx(respondent):
    response = respondent.post(
        f"{API}/submit", "{not json", content_type="application/json", HTTP_X_CSRFTOKEN=CSRF
    )
    assert 400 <= response.status_code < 500
    response = send(respondent, "post", f"{API}/submit", {"language": "sv", "answers": ["role"]})
    assert 400 <= response.status_code < 500
    assert not Response.objects.exists()
