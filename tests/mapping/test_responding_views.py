"""The respondent's pages: the emailed link, the steps, resuming, the friendly page for a link
that cannot be used, open-access questionnaires and the embed address."""

import datetime

import pytest
from django.utils import timezone

from mapping.models import Answer, CampaignState, Invitation, Response
from tests.mapping.respond_setup import invite, open_campaign, questionnaire

pytestmark = pytest.mark.django_db

RESPOND = "/sv/mapping/respond/"


@pytest.fixture
def page(site_tree):
    home_sv, _home_en = site_tree
    return questionnaire(home_sv)


@pytest.fixture
def campaign(page):
    return open_campaign(page)


def start(client, campaign, **fields):
    invitation, token = invite(campaign, **fields)
    response = client.get(f"/sv/mapping/t/{token}/")
    assert response.status_code == 302
    return invitation, token, response


STEP_1 = {"q-role": "manager", "q-agree": "4", "q-measures": ["plan", "audit"], "action": "next"}
STEP_2 = {
    "q-comp-equal-treatment-current": "1",
    "q-comp-equal-treatment-importance": "3",
    "q-comp-csr-current": "2",
    "q-comp-csr-importance": "_na",
    "q-mx-meetings": "2",
    "q-count": "12",
    "action": "next",
}
STEP_3 = {"q-short": "Kort", "q-long": "Granskning", "action": "submit"}


def test_the_link_is_exchanged_and_the_token_leaves_the_address(client, campaign):
    invitation, token, response = start(client, campaign)
    assert response["Location"] == RESPOND
    assert token not in response["Location"]
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"
    page = client.get(RESPOND)
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    assert token not in page.content.decode()
    assert "Vilken roll har du?" in page.content.decode()


def test_an_english_invitee_is_sent_to_the_english_version(client, campaign):
    _invitation, _token, response = start(client, campaign, language="en", email="en@example.org")
    # The address's language has its own pinned version, so the link's language wins.
    assert response["Location"] == RESPOND
    english = client.get("/en/mapping/respond/").content.decode()
    assert "What is your role?" in english
    assert 'hreflang="sv"' in english  # the switch to the other language's version


def test_a_whole_questionnaire_by_steps(client, campaign):
    invitation, _token, _response = start(client, campaign)
    assert client.post(RESPOND, STEP_1)["Location"] == RESPOND
    assert "Kunskap och betydelse" in client.get(RESPOND).content.decode()
    assert client.post(RESPOND, STEP_2).status_code == 302
    third = client.get(RESPOND).content.decode()
    assert "För chefer" in third and 'value="submit"' in third
    done = client.post(RESPOND, STEP_3)
    assert done["Location"] == "/sv/mapping/respond/thanks/"
    assert "Tack!" in client.get(done["Location"]).content.decode()
    invitation.refresh_from_db()
    assert invitation.responded and invitation.draft == {}
    response = Response.objects.get()
    assert Answer.objects.filter(response=response, question_key="long").get().text == "Granskning"
    assert Answer.objects.filter(response=response, question_key="comp").count() == 4


def test_a_missing_required_answer_stays_on_the_step_with_an_error_summary(client, campaign):
    start(client, campaign)
    response = client.post(RESPOND, {"q-agree": "3", "action": "next"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html and 'href="#q-role-staff"' in html
    assert 'aria-describedby="q-role-error"' in html
    assert 'value="3" checked' in html  # what was given is kept
    assert "Vilken roll har du?" in html


def test_a_tampered_option_is_refused_and_nothing_is_saved(client, campaign):
    invitation, _token, _response = start(client, campaign)
    response = client.post(RESPOND, {**STEP_1, "q-role": "owner"})
    assert response.status_code == 400
    invitation.refresh_from_db()
    assert invitation.draft == {}


def test_oversized_text_gets_a_clear_error(client, campaign):
    start(client, campaign)
    client.post(RESPOND, STEP_1)
    client.post(RESPOND, STEP_2)
    response = client.post(RESPOND, {**STEP_3, "q-short": "x" * 600})
    assert response.status_code == 400
    assert "500" in response.content.decode()
    assert not Response.objects.exists()


def test_save_and_resume_later_with_the_same_link(client, campaign):
    invitation, token, _response = start(client, campaign)
    client.post(RESPOND, STEP_1)
    client.post(RESPOND, {"q-count": "7", "action": "save"})
    invitation.refresh_from_db()
    assert invitation.draft["role"] == "manager" and invitation.draft["count"] == 7
    assert "Dina svar har sparats" in client.get(RESPOND).content.decode()  # /sv/: Swedish
    # Another day, another browser: the link brings the answers back.
    client.logout()
    client.cookies.clear()
    assert client.get(RESPOND).status_code == 404
    client.get(f"/sv/mapping/t/{token}/")
    assert 'value="manager" checked' in client.get(RESPOND).content.decode()
    client.post(RESPOND, {"q-role": "manager", "q-agree": "4", "action": "next"})
    assert 'value="7"' in client.get(RESPOND).content.decode()
    client.post(RESPOND, {"q-count": "8", "action": "back"})
    invitation.refresh_from_db()
    assert invitation.draft["count"] == 8  # going back keeps what was written


def test_a_staff_member_skips_the_managers_section(client, campaign):
    start(client, campaign)
    client.post(RESPOND, {"q-role": "staff", "q-agree": "_na", "action": "next"})
    last = client.get(RESPOND).content.decode()
    assert 'value="submit"' in last and "För chefer" not in last
    fields = {k: v for k, v in STEP_2.items() if k != "action"}
    assert client.post(RESPOND, {**fields, "action": "submit"}).status_code == 302
    assert not Answer.objects.filter(question_key__in=["short", "long"]).exists()


def test_submitting_twice_makes_one_response(client, campaign):
    _invitation, token, _response = start(client, campaign)
    client.post(RESPOND, STEP_1)
    client.post(RESPOND, STEP_2)
    client.post(RESPOND, STEP_3)
    again = client.post(RESPOND, STEP_3)
    assert again.status_code == 404
    replay = client.get(f"/sv/mapping/t/{token}/")
    assert replay.status_code == 404
    assert Response.objects.count() == 1


def friendly(response):
    html = response.content.decode()
    return response.status_code, html[html.index("<main") :]


def test_every_unusable_link_gets_the_same_page(client, page, campaign):
    used, used_token = invite(campaign, "used@example.org")
    Invitation.objects.filter(pk=used.pk).update(responded=True)
    closed = open_campaign(page, name="Stängd")
    _inv, closed_token = invite(closed, "closed@example.org")
    closed.state = CampaignState.CLOSED
    closed.save()
    expired = open_campaign(page, name="Utgången")
    _inv, expired_token = invite(expired, "expired@example.org")
    type(expired).objects.filter(pk=expired.pk).update(
        opens_at=timezone.now() - datetime.timedelta(days=9),
        closes_at=timezone.now() - datetime.timedelta(days=1),
    )
    pages = {
        friendly(client.get(f"/sv/mapping/t/{token}/"))
        for token in ("unknown-token", used_token, closed_token, expired_token, "x" * 300)
    }
    assert len(pages) == 1
    status, html = pages.pop()
    assert status == 404 and "Länken kan inte användas" in html


def test_a_session_of_one_campaign_answers_only_its_own(client, page, campaign):
    # The session holds an invitation; the version comes from that invitation's campaign, so
    # no address or form field can point it at another campaign.
    other = open_campaign(page, name="Annan")
    invite(other, "other@example.org")
    start(client, campaign)
    client.post(RESPOND, STEP_1)
    client.post(RESPOND, STEP_2)
    client.post(RESPOND, {**STEP_3, "campaign": other.pk, "version": other.versions.first().pk})
    assert Response.objects.get().campaign == campaign


# --- Open access -----------------------------------------------------------------------------


@pytest.fixture
def public(page):
    return open_campaign(page, access="open")


def test_the_page_says_when_no_campaign_is_open(client, page):
    html = client.get(page.url).content.decode()
    assert "Enkäten är inte öppen för svar just nu" in html and "Om enkäten" in html


def test_an_open_questionnaire_is_answered_on_its_page(client, page, public):
    assert "Vilken roll har du?" in client.get(page.url).content.decode()
    client.post(page.url, {"q-role": "staff", "q-agree": "2", "action": "next"})
    fields = {k: v for k, v in STEP_2.items() if k != "action"}
    done = client.post(page.url, {**fields, "action": "submit"})
    assert done.status_code == 302
    assert "Tack!" in client.get(done["Location"]).content.decode()
    response = Response.objects.get()
    assert (response.campaign, response.language, response.region) == (public, "sv", "")


def test_a_filled_honeypot_stores_nothing(client, page, public):
    client.post(page.url, {"q-role": "staff", "q-agree": "2", "action": "next"})
    fields = {k: v for k, v in STEP_2.items() if k != "action"}
    response = client.post(page.url, {**fields, "action": "submit", "website": "http://spam.example"})
    assert response.status_code == 302
    assert not Response.objects.exists()


def test_open_submissions_are_rate_limited(client, page, public, monkeypatch):
    from mapping.views import open_access

    monkeypatch.setattr(open_access, "SUBMIT_RATE", "2/h")
    answers = {"q-role": "staff", "q-agree": "2", "action": "next"}
    fields = {k: v for k, v in STEP_2.items() if k != "action"}
    statuses = []
    for _ in range(3):
        client.post(page.url, answers)
        statuses.append(client.post(page.url, {**fields, "action": "submit"}).status_code)
    assert statuses == [302, 302, 429]
    assert Response.objects.count() == 2


def test_the_embed_address_may_be_framed_by_configured_origins(client, settings, public):
    settings.MAPPING_EMBED_ORIGINS = ["https://partner.example"]
    response = client.get(f"/sv/mapping/embed/{public.pk}/")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert "frame-ancestors 'self' https://partner.example" in response["Content-Security-Policy"]
    assert "Vilken roll har du?" in response.content.decode()
    # Everything else keeps the site's framing rules.
    other = client.get(RESPOND)
    assert other["X-Frame-Options"] in ("DENY", "SAMEORIGIN")
    assert "partner.example" not in other.get("Content-Security-Policy", "")


def test_the_embedded_form_submits_without_a_session(client, public):
    data = {
        "q-role": "staff",
        "q-agree": "3",
        "q-comp-equal-treatment-current": "1",
        "q-comp-equal-treatment-importance": "2",
        "q-comp-csr-current": "_na",
        "q-comp-csr-importance": "_na",
        "q-short": "dropped: managers only",
    }
    response = client.post(f"/sv/mapping/embed/{public.pk}/", data)
    assert response.status_code == 302 and "answered=1" in response["Location"]
    assert not Answer.objects.filter(question_key="short").exists()
    assert Response.objects.count() == 1
    bad = client.post(f"/sv/mapping/embed/{public.pk}/", {**data, "q-role": "nope"})
    assert bad.status_code == 400 and Response.objects.count() == 1


def test_an_invitation_campaign_cannot_be_embedded(client, campaign):
    response = client.get(f"/sv/mapping/embed/{campaign.pk}/")
    assert response.status_code == 404
    assert client.post(f"/sv/mapping/embed/{campaign.pk}/", {"q-role": "staff"}).status_code == 404
    assert not Response.objects.exists()
