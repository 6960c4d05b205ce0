"""Reads for respondents: which campaign a questionnaire page (or an embed address) answers."""

from django.utils import timezone

from ..models import Campaign, CampaignAccess, CampaignState


def open_access_campaigns(*, now=None):
    now = now or timezone.now()
    return Campaign.objects.filter(
        access=CampaignAccess.OPEN, state=CampaignState.OPEN, opens_at__lte=now, closes_at__gt=now
    )


def open_campaign_for_page(page) -> Campaign | None:
    """The open-access campaign running on ``page``'s questionnaire (in any of its languages:
    campaigns name the source page), the latest opened if there are several."""
    if page is None or not page.translation_key:
        return None
    return (
        open_access_campaigns()
        .filter(questionnaire__translation_key=page.translation_key)
        .order_by("-opens_at", "-pk")
        .first()
    )


def open_campaign(campaign_id) -> Campaign | None:
    return open_access_campaigns().filter(pk=campaign_id).first()
