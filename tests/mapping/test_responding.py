"""The respondent services: tokens, drafts, one submission per invitation, anonymity."""

import contextlib
import datetime
import threading

import pytest
from django.db import connection
from django.utils import timezone

from heart_site.notifications.models import OutboxMessage
from mapping.answers import InvalidAnswers
from mapping.errors import NotFound
from mapping.models import Answer, CampaignMode, CampaignState, IdentifiedResponse, Invitation, Response
from mapping.services import responding
from tests.concurrency import run_together
from tests.conftest import missing_service
from tests.mapping.respond_setup import MANAGER_ANSWERS, STAFF_ANSWERS, invite, open_campaign, questionnaire

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(site_tree):
    home_sv, _home_en = site_tree
    return questionnaire(home_sv)


@pytest.fixture
def campaign(page):
    return open_campaign(page)


def sv(campaign):
    return campaign.versions.get(language="sv")


def test_a_token_is_exchanged_for_its_invitation(campaign):
    invitation, token = invite(campaign)
    assert responding.invitation_from_token(token=token) == invitation


@pytest.mark.parametrize(
    "spoil",
    [
        lambda inv, token: "not-a-token",
        lambda inv, token: token[:-1],
        lambda inv, token: "x" * 5000,
        lambda inv, token: Invitation.objects.filter(pk=inv.pk).update(responded=True) and token,
        lambda inv, token: (
            type(inv.campaign).objects.filter(pk=inv.campaign_id).update(state=CampaignState.CLOSED) and token
        ),
        lambda inv, token: (
            type(inv.campaign)
            .objects.filter(pk=inv.campaign_id)
            .update(
                closes_at=timezone.now() - datetime.timedelta(minutes=1),
                opens_at=timezone.now() - datetime.timedelta(days=3),
            )
            and token
        ),
        lambda inv, token: (
            type(inv.campaign)
            .objects.filter(pk=inv.campaign_id)
            .update(opens_at=timezone.now() + datetime.timedelta(days=1))
            and token
        ),
    ],
    ids=["unknown", "truncated", "oversized", "used", "closed", "expired", "not-yet-open"],
)
def test_unusable_tokens_all_get_the_same_error(campaign, spoil):
    invitation, token = invite(campaign)
    with pytest.raises(responding.LinkNotValid) as error:
        responding.invitation_from_token(token=spoil(invitation, token))
    assert error.value.status == 404
    assert error.value.message == responding.LinkNotValid().message


def test_submitting_writes_an_anonymous_response(campaign):
    invitation, _token = invite(
        campaign, organisation="Solna stad", organisation_type="municipality", region="Solna"
    )
    responding.draft_save(invitation=invitation, version=sv(campaign), answers={"role": "staff"})
    response = responding.invitation_submit(
        invitation_id=invitation.pk, version=sv(campaign), answers=MANAGER_ANSWERS
    )
    invitation.refresh_from_db()
    assert invitation.responded and invitation.draft == {}
    stored = Response.objects.get()
    assert stored == response
    assert (stored.organisation_type, stored.region, stored.language) == ("municipality", "Solna", "sv")
    assert stored.submitted_on == timezone.localdate()
    assert Answer.objects.filter(response=stored, question_key="agree").get().number == 4.0
    assert not IdentifiedResponse.objects.exists()
    # Nothing on the response's row points back at anyone.
    fields = {f.name for f in Response._meta.get_fields()}
    assert not fields & {"invitation", "email", "user", "ip", "created_at", "submitted_at"}
    # And no email whose time could link it.
    assert not OutboxMessage.objects.exists()


def test_only_the_declared_breakdowns_are_kept(page):
    campaign = open_campaign(page, breakdowns=["region"])
    invitation, _token = invite(campaign, organisation_type="company", region="Huddinge")
    responding.invitation_submit(invitation_id=invitation.pk, version=sv(campaign), answers=STAFF_ANSWERS)
    stored = Response.objects.get()
    assert (stored.organisation_type, stored.region, stored.language) == ("", "Huddinge", "")


def test_an_identified_campaign_links_the_response(page):
    campaign = open_campaign(page, mode=CampaignMode.IDENTIFIED)
    invitation, _token = invite(campaign)
    response = responding.invitation_submit(
        invitation_id=invitation.pk, version=sv(campaign), answers=STAFF_ANSWERS
    )
    assert IdentifiedResponse.objects.get().invitation == invitation
    assert IdentifiedResponse.objects.get().response == response


def test_a_second_submission_changes_nothing(campaign):
    invitation, _token = invite(campaign)
    responding.invitation_submit(invitation_id=invitation.pk, version=sv(campaign), answers=STAFF_ANSWERS)
    with pytest.raises(responding.LinkNotValid):
        responding.invitation_submit(
            invitation_id=invitation.pk, version=sv(campaign), answers=MANAGER_ANSWERS
        )
    with pytest.raises(responding.AlreadyResponded):
        responding.draft_save(invitation=invitation, version=sv(campaign), answers={"role": "staff"})
    assert Response.objects.count() == 1
    assert not Answer.objects.filter(question_key="short").exists()


def test_invalid_answers_write_nothing(campaign):
    invitation, _token = invite(campaign)
    with pytest.raises(InvalidAnswers):
        responding.invitation_submit(
            invitation_id=invitation.pk, version=sv(campaign), answers={**MANAGER_ANSWERS, "role": "admin"}
        )
    invitation.refresh_from_db()
    assert not invitation.responded and not Response.objects.exists()


def test_another_campaigns_version_is_refused(page, campaign):
    other = open_campaign(page, name="Annan")
    invitation, _token = invite(campaign)
    with pytest.raises(NotFound):
        responding.invitation_submit(invitation_id=invitation.pk, version=sv(other), answers=STAFF_ANSWERS)
    with pytest.raises(NotFound):
        responding.draft_save(invitation=invitation, version=sv(other), answers={})
    assert not Response.objects.exists()


def test_a_version_in_a_language_the_campaign_lacks_is_not_found(campaign):
    with pytest.raises(NotFound):
        responding.version_for(campaign=campaign, language="fr")
    assert responding.version_for(campaign=campaign, language="fr", fallback="en").language == "en"
    assert responding.version_for(campaign=campaign, language="en").language == "en"


def test_english_and_swedish_answers_pool_under_the_same_keys(campaign):
    first, _ = invite(campaign, "sv@example.org")
    second, _ = invite(campaign, "en@example.org", language="en")
    responding.invitation_submit(invitation_id=first.pk, version=sv(campaign), answers=STAFF_ANSWERS)
    responding.invitation_submit(
        invitation_id=second.pk, version=campaign.versions.get(language="en"), answers=STAFF_ANSWERS
    )
    assert Answer.objects.filter(question_key="role", option_key="staff").count() == 2
    assert sorted(Response.objects.values_list("language", flat=True)) == ["en", "sv"]


def test_store_response_checks_answers_and_declared_attributes(page):
    campaign = open_campaign(page, breakdowns=["language"])
    response = responding.store_response(
        campaign=campaign,
        version=sv(campaign),
        answers=STAFF_ANSWERS,
        attributes={"language": "sv", "region": "Solna", "email": "x@example.org"},
    )
    assert (response.language, response.region) == ("sv", "")
    with pytest.raises(InvalidAnswers):
        responding.store_response(
            campaign=campaign, version=sv(campaign), answers={"role": "x"}, attributes={}
        )
    assert Response.objects.count() == 1


def test_open_submissions_need_an_open_access_campaign(page, campaign):
    with pytest.raises(responding.CampaignNotOpen):
        responding.open_submit(campaign=campaign, version=sv(campaign), answers=STAFF_ANSWERS)
    public = open_campaign(page, access="open")
    responding.open_submit(campaign=public, version=sv(public), answers=STAFF_ANSWERS)
    assert Response.objects.get().language == "sv"


# --- Two submissions of one token at once (PostgreSQL) ----------------------------------------


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_submissions_make_one_response(site_tree, monkeypatch):
    if connection.vendor != "postgresql":
        missing_service("PostgreSQL is needed for real concurrent transactions (set DATABASE_URL)")
    home_sv, _home_en = site_tree
    campaign = open_campaign(questionnaire(home_sv))
    invitation, _token = invite(campaign)
    version = sv(campaign)

    # Both have checked the invitation and the answers before either writes: the race the
    # conditional update must settle.
    barrier = threading.Barrier(2, timeout=5)
    answer_rows = responding.answer_rows

    def rows_then_wait(*args, **kwargs):
        rows = answer_rows(*args, **kwargs)
        with contextlib.suppress(threading.BrokenBarrierError):
            barrier.wait()
        return rows

    monkeypatch.setattr(responding, "answer_rows", rows_then_wait)
    outcomes = run_together(
        lambda: responding.invitation_submit(
            invitation_id=invitation.pk, version=version, answers=STAFF_ANSWERS
        ),
        lambda: responding.invitation_submit(
            invitation_id=invitation.pk, version=version, answers=MANAGER_ANSWERS
        ),
    )
    errors = [o for o in outcomes if isinstance(o, Exception)]
    assert len(errors) == 1 and isinstance(errors[0], responding.AlreadyResponded), outcomes
    assert Response.objects.count() == 1
    winner = next(o for o in outcomes if isinstance(o, Response))
    assert Answer.objects.exclude(response_id=winner.pk).count() == 0
    assert Invitation.objects.get().responded
