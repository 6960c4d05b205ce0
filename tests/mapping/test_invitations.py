"""Reminders: to non-respondents only, once per reminder day whatever runs the schedule (twice,
concurrently, after a crash), in the invitee's language, with a fresh token whose hash
replaces the old one."""

import datetime
import re

import pytest
from django.db import connection, connections

from heart_site.notifications.models import OutboxMessage
from heart_site.notifications.services.emails import render_email
from mapping.models import Campaign, CampaignMessage, Invitation
from mapping.services import campaigns, invitations
from mapping.tokens import hash_token
from tests.conftest import missing_service

from .campaign_setup import campaign, invite, later, questionnaire

URL = re.compile(r"/(sv|en)/mapping/t/([A-Za-z0-9_-]+)/")


def reminders():
    return OutboxMessage.objects.filter(kind="mapping_reminder")


def open_campaign(site_tree, *, closes_in_days=10):
    """An open campaign closing in ``closes_in_days``, invited 4 days ago: Anna has responded,
    Ben (English) and Cecilia have not."""
    home_sv, _home_en = site_tree
    made = campaign(questionnaire(home_sv), opens_at=later(days=-5), closes_at=later(days=closes_in_days))
    anna = invite(made, "anna@solna.example")
    ben = invite(made, "ben@pisa.example", language="en", organisation="Università di Pisa")
    cecilia = invite(made, "cecilia@sundbyberg.example", organisation="Sundbybergs stad")
    campaigns.campaign_open(campaign=made)
    Invitation.objects.filter(campaign=made).update(invited_at=later(days=-4))
    Invitation.objects.filter(pk=anna.pk).update(responded=True)
    made.refresh_from_db()
    return made, anna, ben, cecilia


def at(made, days_before_close, hours=0):
    """The moment ``days_before_close`` days (and a few hours more) before closing."""
    return made.closes_at - datetime.timedelta(days=days_before_close, hours=hours)


@pytest.mark.django_db
class TestReminders:
    def test_nothing_is_due_before_the_first_reminder_day(self, site_tree):
        made, *_ = open_campaign(site_tree)
        assert invitations.reminders_queue(campaign=made, now=at(made, 8)) == 0
        assert not reminders().exists()

    def test_non_respondents_get_one_reminder_and_respondents_none(self, site_tree):
        made, anna, ben, cecilia = open_campaign(site_tree)
        assert invitations.reminders_queue(campaign=made, now=at(made, 7, hours=-1)) == 2
        assert set(reminders().values_list("to_email", flat=True)) == {ben.email, cecilia.email}
        assert Invitation.objects.get(pk=anna.pk).reminders_sent == []
        assert Invitation.objects.get(pk=ben.pk).reminders_sent == [7]

    def test_running_again_or_later_the_same_day_sends_nothing_more(self, site_tree):
        made, *_ = open_campaign(site_tree)
        invitations.reminders_queue(campaign=made, now=at(made, 7, hours=-1))
        assert invitations.reminders_queue(campaign=made, now=at(made, 7, hours=-1)) == 0
        assert invitations.reminders_queue(campaign=made, now=at(made, 5)) == 0
        assert campaigns.campaigns_advance(now=at(made, 5))["reminded"] == 0
        assert reminders().count() == 2

    def test_the_second_reminder_day_sends_a_second_reminder_once(self, site_tree):
        made, *_ = open_campaign(site_tree)
        invitations.reminders_queue(campaign=made, now=at(made, 7, hours=-1))
        assert invitations.reminders_queue(campaign=made, now=at(made, 2, hours=-1)) == 2
        assert invitations.reminders_queue(campaign=made, now=at(made, 1)) == 0
        assert reminders().count() == 4
        keys = set(reminders().values_list("dedupe_key", flat=True))
        assert any(key.endswith(":7") for key in keys) and any(key.endswith(":2") for key in keys)

    def test_someone_who_responds_between_reminders_gets_no_more(self, site_tree):
        made, _anna, ben, _cecilia = open_campaign(site_tree)
        invitations.reminders_queue(campaign=made, now=at(made, 7, hours=-1))
        Invitation.objects.filter(pk=ben.pk).update(responded=True)
        assert invitations.reminders_queue(campaign=made, now=at(made, 2, hours=-1)) == 1
        assert reminders().filter(to_email=ben.email).count() == 1

    def test_a_missed_day_gives_one_reminder_not_two(self, site_tree):
        made, _anna, ben, _cecilia = open_campaign(site_tree)
        assert invitations.reminders_queue(campaign=made, now=at(made, 1)) == 2  # 7 and 2 both passed
        assert reminders().filter(to_email=ben.email).count() == 1
        assert Invitation.objects.get(pk=ben.pk).reminders_sent == [7, 2]
        assert invitations.reminders_queue(campaign=made, now=at(made, 1)) == 0

    def test_no_reminder_after_closing(self, site_tree):
        made, *_ = open_campaign(site_tree)
        assert invitations.reminders_queue(campaign=made, now=made.closes_at) == 0

    def test_someone_invited_after_the_reminder_moment_is_not_reminded_of_it(self, site_tree):
        made, *_ = open_campaign(site_tree)
        late = invite(made, "dan@jarfalla.example")
        invitations.invitations_queue(campaign=made, now=at(made, 6))
        invitations.reminders_queue(campaign=made, now=at(made, 6))
        assert not reminders().filter(to_email=late.email).exists()
        invitations.reminders_queue(campaign=made, now=at(made, 2, hours=-1))
        assert reminders().filter(to_email=late.email).count() == 1

    def test_the_reminder_is_in_the_invitees_language_with_a_fresh_token(self, site_tree):
        made, _anna, ben, cecilia = open_campaign(site_tree)
        old = Invitation.objects.get(pk=ben.pk).token_hash
        invitations.reminders_queue(campaign=made, now=at(made, 7, hours=-1))
        english = reminders().get(to_email=ben.email)
        assert english.subject == "Reminder: Behov 2026"
        assert "replaces the link in earlier emails" in english.body_text
        language, token = URL.search(english.body_text).groups()
        assert language == "en"
        new = Invitation.objects.get(pk=ben.pk).token_hash
        assert new == hash_token(token) != old
        swedish = reminders().get(to_email=cecilia.email)
        assert swedish.language == "sv"
        assert URL.search(swedish.body_text).group(1) == "sv"

    def test_an_edited_reminder_text_is_used(self, site_tree):
        made, *_ = open_campaign(site_tree)
        CampaignMessage.objects.filter(campaign=made, kind="reminder", language="sv").update(
            subject="Glöm inte enkäten", body="Hej! Vi väntar på dina svar."
        )
        invitations.reminders_queue(campaign=made, now=at(made, 7, hours=-1))
        message = reminders().get(to_email="cecilia@sundbyberg.example")
        assert message.subject == "Glöm inte enkäten"
        assert message.body_text.startswith("Hej! Vi väntar på dina svar.")

    def test_a_concurrent_run_that_read_before_the_other_wrote_sends_nothing(self, site_tree, monkeypatch):
        """The second run read the invitations before the first committed: its claim on the old
        token hash fails, so nobody gets two reminders and no token changes without its email."""
        made, *_ = open_campaign(site_tree)
        now = at(made, 7, hours=-1)
        ran = []

        def render_after_the_other_run(*args, **kwargs):
            if not ran:
                ran.append(True)
                invitations.reminders_queue(campaign=made, now=now)  # the "other" beat
            return render_email(*args, **kwargs)

        monkeypatch.setattr(invitations, "render_email", render_after_the_other_run)
        assert invitations.reminders_queue(campaign=made, now=now) == 0  # the other run sent both
        assert reminders().count() == 2
        for message in reminders():
            invitation = Invitation.objects.get(email=message.to_email, campaign=made)
            assert invitation.token_hash == hash_token(URL.search(message.body_text).group(2))

    def test_a_key_already_in_the_outbox_keeps_the_token_unchanged(self, site_tree):
        made, _anna, ben, _cecilia = open_campaign(site_tree)
        before = Invitation.objects.get(pk=ben.pk)
        OutboxMessage.objects.create(
            dedupe_key=invitations.reminder_key(before, 7),
            kind="mapping_reminder",
            to_email=ben.email,
            from_email="heart@example.org",
            subject="s",
            body_text="b",
            language="en",
        )
        invitations.reminders_queue(campaign=made, now=at(made, 7, hours=-1))
        after = Invitation.objects.get(pk=ben.pk)
        assert after.token_hash == before.token_hash
        assert after.reminders_sent == []
        assert reminders().filter(to_email=ben.email).count() == 1

    def test_the_task_reminds_through_the_schedule(self, site_tree):
        made, *_ = open_campaign(site_tree, closes_in_days=6)
        assert campaigns.campaigns_advance()["reminded"] == 2
        assert campaigns.campaigns_advance()["reminded"] == 0

    def test_a_closed_campaign_reminds_nobody(self, site_tree):
        made, *_ = open_campaign(site_tree, closes_in_days=6)
        campaigns.campaign_close(campaign=made)
        assert campaigns.campaigns_advance()["reminded"] == 0
        assert not reminders().exists()


# --- Real concurrency (PostgreSQL) ------------------------------------------------------


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_beats_at_the_same_moment_remind_each_person_once(site_tree):
    if connection.vendor != "postgresql":
        missing_service("PostgreSQL is needed for real concurrent transactions (set DATABASE_URL)")
    import threading

    made, *_ = open_campaign(site_tree, closes_in_days=6)
    barrier = threading.Barrier(3, timeout=10)
    errors = []

    def run():
        try:
            barrier.wait()
            invitations.reminders_queue(campaign=Campaign.objects.get(pk=made.pk))
        except Exception as error:  # noqa: BLE001 - the test inspects it
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    assert reminders().count() == 2
    for message in reminders():
        invitation = Invitation.objects.get(email=message.to_email, campaign=made)
        assert invitation.token_hash == hash_token(URL.search(message.body_text).group(2))
