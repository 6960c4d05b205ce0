""" "Download my data" and "delete my account" for campaign data: the invitations to the
person's address and, in identified campaigns, their answers; anonymous answers are nobody's."""

import pytest

from heart_site import privacy
from mapping.models import Answer, CampaignMode, IdentifiedResponse, Invitation, Response
from mapping.services import responding
from tests.factories.users import UserFactory
from tests.mapping.respond_setup import STAFF_ANSWERS, invite, open_campaign, questionnaire

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(site_tree):
    home_sv, _home_en = site_tree
    return questionnaire(home_sv)


def answer(campaign, invitation):
    return responding.invitation_submit(
        invitation_id=invitation.pk, version=campaign.versions.get(language="sv"), answers=STAFF_ANSWERS
    )


def test_export_holds_invitations_and_only_identified_answers(page):
    person = UserFactory(email="Anna@Example.org")
    identified = open_campaign(page, name="Identifierad", mode=CampaignMode.IDENTIFIED)
    anonymous = open_campaign(page, name="Anonym")
    answer(identified, invite(identified, "anna@example.org")[0])
    answer(anonymous, invite(anonymous, "anna@example.org")[0])
    invite(identified, "someone@example.org")

    exported = privacy.user_data_export(user=person)["mapping_campaigns"]["invitations"]

    by_campaign = {entry["campaign"]: entry for entry in exported}
    assert set(by_campaign) == {"Identifierad", "Anonym"}
    assert by_campaign["Identifierad"]["responded"] and by_campaign["Identifierad"]["answers"]
    assert by_campaign["Anonym"]["responded"] and by_campaign["Anonym"]["answers"] is None


def test_erasing_unlinks_identified_answers_and_forgets_the_address(page):
    person = UserFactory(email="anna@example.org")
    campaign = open_campaign(page, mode=CampaignMode.IDENTIFIED)
    invitation, _token = invite(campaign, "anna@example.org")
    response = answer(campaign, invitation)
    other, _token = invite(campaign, "bo@example.org")
    answers_before = Answer.objects.count()

    for handler in privacy.handlers():
        if handler.key == "mapping_campaigns":
            handler.erase(person)

    invitation.refresh_from_db()
    assert "anna" not in invitation.email and invitation.responded
    assert not IdentifiedResponse.objects.filter(response=response).exists()
    assert Response.objects.filter(pk=response.pk).exists() and Answer.objects.count() == answers_before
    assert Invitation.objects.get(pk=other.pk).email == "bo@example.org"
