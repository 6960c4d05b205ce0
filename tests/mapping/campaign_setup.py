"""Small builders shared by the campaign tests: a published questionnaire, a campaign with its
default texts, and invitees. (Not a test module: pytest does not collect it.)"""

import datetime

from django.contrib.auth.models import Group
from django.utils import timezone

from mapping.models import Campaign, Invitation, QuestionnairePage
from mapping.reference_data import CAMPAIGN_ADMINISTRATORS
from mapping.services.messages import messages_prefill
from mapping.tokens import new_token
from tests.factories.pages import translate
from tests.factories.users import UserFactory


def questionnaire(home_sv, *, slug="behov", with_translation=True):
    page = QuestionnairePage(title="Behovsinventering", slug=slug)
    home_sv.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    if with_translation:
        translate(page, "en", title="Needs survey", slug=slug)
    return page


def campaign(page, *, opens_at=None, closes_at=None, **fields):
    opens_at = opens_at or timezone.now() + datetime.timedelta(hours=1)
    closes_at = closes_at or opens_at + datetime.timedelta(days=14)
    fields.setdefault("name", "Behov 2026")
    fields.setdefault("reminder_days", [7, 2])
    made = Campaign.objects.create(questionnaire=page, opens_at=opens_at, closes_at=closes_at, **fields)
    messages_prefill(campaign=made)
    return made


def invite(
    campaign, email, *, language="sv", organisation="Solna stad", organisation_type="municipality", **fields
):
    return Invitation.objects.create(
        campaign=campaign,
        email=email,
        language=language,
        organisation=organisation,
        organisation_type=organisation_type,
        token_hash=new_token()[1],
        **fields,
    )


def campaign_administrator(**fields):
    user = UserFactory(**fields)
    user.groups.add(Group.objects.get(name=CAMPAIGN_ADMINISTRATORS))
    return user


def later(days=0, hours=0, minutes=0):
    return timezone.now() + datetime.timedelta(days=days, hours=hours, minutes=minutes)
