"""The campaigns of the demo: a closed campaign with at least 60 synthetic responses from the
six municipalities and the other partner types, with breakdown cells under five; an open
campaign with reminders still to come; deterministic, and a second run creates nothing."""

import datetime

import pytest
from django.db.models import Count

from heart_site.core.management.commands.load_demo import Result
from heart_site.notifications.models import OutboxMessage
from mapping.demo import campaigns as demo
from mapping.demo import questionnaires
from mapping.models import Answer, Campaign, CampaignState, Invitation, QuestionnaireVersion, Response
from mapping.services.invitations import reminders_queue

pytestmark = pytest.mark.django_db

MUNICIPALITIES = {"Järfälla", "Norrtälje", "Sollentuna", "Solna", "Sundbyberg", "Upplands Väsby"}


def load(home_sv, home_en):
    result = Result()
    questionnaires.load(home_sv=home_sv, home_en=home_en, result=result)
    demo.load(home_sv=home_sv, home_en=home_en, result=result)
    return result


@pytest.fixture
def loaded(site_tree):
    home_sv, home_en = site_tree
    return load(home_sv, home_en)


def test_the_closed_campaign_has_enough_responses_from_every_kind_of_partner(loaded):
    closed = Campaign.objects.get(name=demo.CLOSED_NAME)
    assert closed.state == CampaignState.CLOSED and closed.is_anonymous
    assert set(closed.breakdowns) == {"organisation_type", "region", "language"}
    responses = Response.objects.filter(campaign=closed)
    assert responses.count() >= 60
    assert responses.count() == Invitation.objects.filter(campaign=closed, responded=True).count()
    regions = dict(responses.values_list("region").annotate(n=Count("pk")))
    assert set(regions) >= MUNICIPALITIES
    types = dict(responses.values_list("organisation_type").annotate(n=Count("pk")))
    assert {"municipality", "agency", "company", "ngo", "university", "training_centre"} <= set(types)
    # Small cells, so that suppression shows, next to large ones.
    assert min(types.values()) < 5 and min(regions.values()) < 5
    assert max(types.values()) >= 10
    assert set(responses.values_list("language", flat=True)) == {"sv", "en"}
    assert QuestionnaireVersion.objects.filter(campaign=closed).count() == 2
    assert Answer.objects.filter(response__campaign=closed, question_key="competence").exists()


def test_the_open_campaign_has_reminders_to_come(loaded):
    running = Campaign.objects.get(name=demo.OPEN_NAME)
    assert running.state == CampaignState.OPEN
    waiting = Invitation.objects.filter(campaign=running, responded=False)
    assert waiting.exists() and Invitation.objects.filter(campaign=running, responded=True).exists()
    assert all(invitation.reminders_sent == [] for invitation in waiting)
    assert not OutboxMessage.objects.exists()  # the demo itself sends nothing
    seven_days_before = running.closes_at - datetime.timedelta(days=7, hours=-1)
    assert reminders_queue(campaign=running, now=seven_days_before) == waiting.count()


def test_the_demo_is_deterministic(loaded):
    closed = Campaign.objects.get(name=demo.CLOSED_NAME)
    answers = Answer.objects.filter(response__campaign=closed, question_key="org_size")
    first = sorted(answers.values_list("option_key", flat=True))
    Response.objects.all().delete()  # versions are protected while responses use them
    Campaign.objects.all().delete()
    home_sv, home_en = _homes()
    load(home_sv, home_en)
    closed = Campaign.objects.get(name=demo.CLOSED_NAME)
    again = sorted(
        Answer.objects.filter(response__campaign=closed, question_key="org_size").values_list(
            "option_key", flat=True
        )
    )
    assert again == first


def test_a_second_run_creates_nothing(loaded):
    before = (Campaign.objects.count(), Invitation.objects.count(), Response.objects.count())
    home_sv, home_en = _homes()
    result = load(home_sv, home_en)
    assert (Campaign.objects.count(), Invitation.objects.count(), Response.objects.count()) == before
    assert not [line for line in result.created if "campaign" in line]
    assert demo.ADMINISTRATOR in result.logins


def _homes():
    from heart_site.core.models import HomePage

    return HomePage.objects.get(locale__language_code="sv"), HomePage.objects.get(locale__language_code="en")
