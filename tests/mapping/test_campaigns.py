"""The campaign state machine: scheduling checks, opening pins the questionnaire and queues one
invitation per invitee with a personal link, illegal or repeated transitions are refused with
a translated 409 and change nothing, and the periodic task drives the schedule."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone, translation
from django_celery_beat.models import PeriodicTask

from heart_site.notifications.models import OutboxMessage
from mapping.errors import Conflict
from mapping.models import (
    Campaign,
    CampaignAccess,
    CampaignMessage,
    CampaignState,
    Invitation,
    QuestionnaireVersion,
)
from mapping.reference_data import CAMPAIGN_ADMINISTRATORS, CAMPAIGN_TASK
from mapping.services import campaigns as services
from mapping.tasks import advance_campaigns
from mapping.tokens import hash_token

from .campaign_setup import campaign, invite, later, questionnaire

pytestmark = pytest.mark.django_db

URL = re.compile(r"https?://[^/\s]+/(sv|en)/mapping/t/([A-Za-z0-9_-]+)/")


@pytest.fixture
def page(site_tree):
    home_sv, _home_en = site_tree
    return questionnaire(home_sv)


@pytest.fixture
def ready(page):
    """A draft with two invitees, one in each language."""
    made = campaign(page)
    invite(made, "anna@solna.example")
    invite(
        made,
        "ben@pisa.example",
        language="en",
        organisation="Università di Pisa",
        organisation_type="university",
    )
    return made


def state(campaign):
    return Campaign.objects.get(pk=campaign.pk).state


# --- Scheduling -------------------------------------------------------------------------


def test_a_complete_draft_is_scheduled(ready):
    services.campaign_schedule(campaign=ready)
    assert state(ready) == CampaignState.SCHEDULED


def test_scheduling_without_an_audience_is_refused_with_the_reason(page):
    draft = campaign(page)
    with translation.override("en"), pytest.raises(services.CampaignNotReady) as refused:
        services.campaign_schedule(campaign=draft)
    assert "no audience" in refused.value.message
    assert refused.value.status == 400
    assert state(draft) == CampaignState.DRAFT


def test_scheduling_needs_the_texts_in_each_audience_language(ready):
    CampaignMessage.objects.filter(campaign=ready, language="en", kind="reminder").delete()
    with translation.override("en"), pytest.raises(services.CampaignNotReady) as refused:
        services.campaign_schedule(campaign=ready)
    assert refused.value.problems == ["The reminder text in English is missing."]
    assert state(ready) == CampaignState.DRAFT


def test_without_reminders_no_reminder_text_is_needed(ready):
    Campaign.objects.filter(pk=ready.pk).update(reminder_days=[])
    CampaignMessage.objects.filter(campaign=ready, kind="reminder").delete()
    ready.refresh_from_db()
    services.campaign_schedule(campaign=ready)
    assert state(ready) == CampaignState.SCHEDULED


def test_a_campaign_that_has_already_closed_cannot_be_scheduled(ready):
    Campaign.objects.filter(pk=ready.pk).update(opens_at=later(days=-10), closes_at=later(days=-1))
    ready.refresh_from_db()
    with translation.override("en"), pytest.raises(services.CampaignNotReady) as refused:
        services.campaign_schedule(campaign=ready)
    assert "already passed" in refused.value.message


def test_an_open_access_campaign_needs_no_audience(page):
    public = campaign(page, access=CampaignAccess.OPEN)
    services.campaign_schedule(campaign=public)
    assert state(public) == CampaignState.SCHEDULED


def test_the_problems_are_translated(page):
    draft = campaign(page)
    with translation.override("sv"):
        problems = services.campaign_problems(draft)
    with translation.override("en"):
        english = services.campaign_problems(draft)
    assert english == ["The campaign has no audience: upload or choose the people to invite."]
    assert len(problems) == 1


# --- Illegal and repeated transitions ---------------------------------------------------


@pytest.mark.parametrize(
    "action",
    ["unschedule", "close", "archive"],
)
def test_a_draft_refuses_transitions_it_cannot_make(ready, action):
    with translation.override("en"), pytest.raises(Conflict) as refused:
        services.ACTIONS[action](campaign=ready)
    assert refused.value.status == 409
    assert refused.value.message.startswith("Only ")
    assert state(ready) == CampaignState.DRAFT


def test_scheduling_twice_is_one_transition_and_one_conflict(ready):
    services.campaign_schedule(campaign=ready)
    with pytest.raises(Conflict):
        services.campaign_schedule(campaign=ready)
    assert state(ready) == CampaignState.SCHEDULED


def test_a_stale_object_cannot_reopen_a_closed_campaign(ready):
    stale = Campaign.objects.get(pk=ready.pk)
    services.campaign_open(campaign=ready)
    services.campaign_close(campaign=ready)
    with pytest.raises(Conflict):
        services.campaign_open(campaign=stale)  # the stale object still says "draft"
    assert state(ready) == CampaignState.CLOSED


def test_back_to_draft_then_schedule_again(ready):
    services.campaign_schedule(campaign=ready)
    services.campaign_unschedule(campaign=ready)
    assert state(ready) == CampaignState.DRAFT


def test_the_full_life(ready):
    services.campaign_schedule(campaign=ready)
    services.campaign_open(campaign=ready)
    services.campaign_close(campaign=ready)
    services.campaign_archive(campaign=ready)
    ready.refresh_from_db()
    assert ready.state == CampaignState.ARCHIVED
    assert ready.opened_at is not None and ready.closed_at is not None
    with pytest.raises(Conflict):
        services.campaign_archive(campaign=ready)


# --- Opening ----------------------------------------------------------------------------


def test_opening_pins_the_questionnaire_in_each_language(ready, page):
    services.campaign_open(campaign=ready)
    versions = QuestionnaireVersion.objects.filter(campaign=ready)
    assert sorted(versions.values_list("language", flat=True)) == ["en", "sv"]
    sv = versions.get(language="sv")
    assert sv.revision_id == page.live_revision_id


def test_opening_queues_one_invitation_per_invitee_with_a_personal_link(ready):
    before = {i.pk: i.token_hash for i in Invitation.objects.filter(campaign=ready)}
    services.campaign_open(campaign=ready)
    messages = OutboxMessage.objects.filter(kind="mapping_invitation")
    assert messages.count() == 2
    for invitation in Invitation.objects.filter(campaign=ready):
        message = messages.get(dedupe_key=f"mapping:invitation:{invitation.pk}")
        assert message.to_email == invitation.email
        assert invitation.invited_at is not None
        language, token = URL.search(message.body_text).groups()
        assert language == invitation.language
        assert f"/{language}/mapping/t/{token}/" in message.body_html
        # Only the hash is stored, and it is the hash of the emailed token.
        assert invitation.token_hash == hash_token(token) != before[invitation.pk]
        assert token not in str(Invitation.objects.filter(pk=invitation.pk).values().get())
    english = messages.get(to_email="ben@pisa.example")
    assert english.subject == "Questionnaire: Behov 2026"
    assert english.language == "en"
    swedish = messages.get(to_email="anna@solna.example")
    assert swedish.language == "sv"
    assert "anonymous" in english.body_text  # the promise the template adds in anonymous campaigns


def test_opening_by_hand_before_the_opening_time_opens_now(ready):
    services.campaign_open(campaign=ready)
    ready.refresh_from_db()
    assert ready.state == CampaignState.OPEN
    assert ready.opens_at <= timezone.now()


def test_opening_twice_sends_nothing_more(ready):
    services.campaign_open(campaign=ready)
    with pytest.raises(Conflict):
        services.campaign_open(campaign=ready)
    assert OutboxMessage.objects.filter(kind="mapping_invitation").count() == 2


def test_an_unpublished_questionnaire_stops_the_opening_and_nothing_is_sent(ready, page):
    page.unpublish()
    ready.refresh_from_db()
    with pytest.raises(services.CampaignNotReady):
        services.campaign_open(campaign=ready)
    assert state(ready) == CampaignState.DRAFT
    assert not OutboxMessage.objects.exists()
    assert not QuestionnaireVersion.objects.exists()


def test_an_open_access_campaign_opens_without_invitations(page):
    public = campaign(page, access=CampaignAccess.OPEN)
    services.campaign_open(campaign=public)
    assert state(public) == CampaignState.OPEN
    assert QuestionnaireVersion.objects.filter(campaign=public).exists()
    assert not OutboxMessage.objects.exists()


def test_closing_early_ends_the_campaign_now(ready):
    services.campaign_open(campaign=ready)
    services.campaign_close(campaign=ready)
    ready.refresh_from_db()
    assert ready.closes_at <= timezone.now()
    assert ready.closed_at is not None


# --- The schedule -----------------------------------------------------------------------


def test_the_task_opens_a_due_campaign_and_closes_it_when_due(ready):
    services.campaign_schedule(campaign=ready)
    assert advance_campaigns()["opened"] == 0  # not yet its time
    Campaign.objects.filter(pk=ready.pk).update(opens_at=later(minutes=-1))
    done = advance_campaigns()
    assert done["opened"] == 1 and done["invited"] == 0  # invited while opening
    assert state(ready) == CampaignState.OPEN
    assert OutboxMessage.objects.count() == 2
    assert advance_campaigns() == {"opened": 0, "closed": 0, "invited": 0, "reminded": 0}
    Campaign.objects.filter(pk=ready.pk).update(closes_at=later(minutes=-1))
    assert advance_campaigns()["closed"] == 1
    assert state(ready) == CampaignState.CLOSED
    assert OutboxMessage.objects.count() == 2


def test_the_task_invites_people_added_to_an_open_campaign(ready):
    services.campaign_open(campaign=ready)
    invite(ready, "cecilia@sundbyberg.example")
    assert services.campaigns_advance()["invited"] == 1
    assert services.campaigns_advance()["invited"] == 0
    assert OutboxMessage.objects.filter(to_email="cecilia@sundbyberg.example").count() == 1


def test_a_scheduled_campaign_that_became_unready_waits_and_others_still_open(ready, page, caplog):
    other = campaign(page, name="Andra")
    invite(other, "dan@jarfalla.example")
    services.campaign_schedule(campaign=ready)
    services.campaign_schedule(campaign=other)
    Invitation.objects.filter(campaign=ready).delete()
    Campaign.objects.filter(pk__in=[ready.pk, other.pk]).update(opens_at=later(minutes=-1))
    assert services.campaigns_advance()["opened"] == 1
    assert state(ready) == CampaignState.SCHEDULED
    assert state(other) == CampaignState.OPEN
    assert "could not open" in caplog.text


def test_the_schedule_runs_every_five_minutes(reference_data):
    task = PeriodicTask.objects.get(task=CAMPAIGN_TASK)
    assert (task.interval.every, task.interval.period) == (5, "minutes")
    assert task.enabled


def test_campaign_administrators_get_campaigns_and_reports_but_not_identified_answers(reference_data):
    codenames = set(
        Group.objects.get(name=CAMPAIGN_ADMINISTRATORS).permissions.values_list("codename", flat=True)
    )
    assert {"manage_campaigns", "view_campaign_reports", "access_admin"} <= codenames
    assert "view_identified_responses" not in codenames


def test_locked_fields_follow_the_state(ready):
    assert services.locked_fields(ready) == ()
    services.campaign_open(campaign=ready)
    ready.refresh_from_db()
    assert {"questionnaire", "mode", "breakdowns", "access"} <= set(services.locked_fields(ready))
    services.campaign_close(campaign=ready)
    ready.refresh_from_db()
    assert "closes_at" in services.locked_fields(ready)


def test_closing_early_keeps_closes_after_opens(page):
    made = campaign(page, opens_at=later(minutes=-5), closes_at=later(days=3))
    invite(made, "eva@norrtalje.example")
    services.campaign_open(campaign=made)
    services.campaign_close(campaign=made)
    made.refresh_from_db()
    assert made.closes_at > made.opens_at
    assert made.closes_at - made.opens_at < datetime.timedelta(minutes=6)
