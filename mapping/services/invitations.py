"""Invitations and reminders, through the notifications outbox.

A token exists in clear only in the email that carries it: it is made when the email is
queued, and only its hash is kept. So a reminder cannot resend the invitation's link; it
carries a fresh token whose hash replaces the old one (the reminder says that its link
replaces earlier ones). Each email is claimed by a conditional update of its invitation
(``invited_at`` still empty; the token hash still the one read) in the transaction that
queues it, under a dedupe key per invitation and reminder day: a second or concurrent run
queues nothing more, and a token never changes without the email that carries it.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from heart_site.notifications.services.emails import absolute_url, render_email
from heart_site.notifications.services.outbox import outbox_queue

from ..models import CampaignMessage, Invitation
from ..tokens import new_token

TEMPLATE = "mapping/email/campaign_message"


class _AlreadyQueued(Exception):
    """The dedupe key was taken by someone else: undo the token we just stored."""


def respondent_url(*, language, token) -> str:
    """The personal link, /<language>/mapping/t/<token>/: the respondent views exchange it for
    a session and drop it."""
    with translation.override(language):
        return absolute_url(reverse("mapping:token_exchange", args=[token]))


def invitation_key(invitation) -> str:
    return f"mapping:invitation:{invitation.pk}"


def reminder_key(invitation, day) -> str:
    return f"mapping:reminder:{invitation.pk}:{day}"


def _messages(campaign, kind):
    return {message.language: message for message in campaign.messages.filter(kind=kind)}


def _message_for(messages, language):
    return (
        messages.get(language) or messages.get(settings.LANGUAGE_CODE) or next(iter(messages.values()), None)
    )


def _queue(*, invitation, campaign, message, kind, key, claim, new_fields):
    """Store a fresh token hash if ``claim`` still matches, and queue its email; all or nothing.
    Returns whether an email was queued."""
    token, token_hash = new_token()
    language = invitation.language or settings.LANGUAGE_CODE
    email = render_email(
        TEMPLATE,
        to=invitation.email,
        language=language,
        context={
            "subject": message.subject,
            "body": message.body,
            "url": respondent_url(language=language, token=token),
            "closes_at": campaign.closes_at,
            "anonymous": campaign.is_anonymous,
            "is_reminder": kind == CampaignMessage.Kind.REMINDER,
        },
    )
    try:
        with transaction.atomic():
            if not Invitation.objects.filter(pk=invitation.pk, **claim).update(
                token_hash=token_hash, **new_fields
            ):
                return False
            _message, created = outbox_queue(
                dedupe_key=key, kind=f"mapping_{kind}", email=email, language=language
            )
            if not created:
                raise _AlreadyQueued
    except _AlreadyQueued:
        return False
    return True


def invitations_queue(*, campaign, now=None) -> int:
    """Queue the invitation of everyone in an open campaign's audience not yet invited."""
    now = now or timezone.now()
    messages = _messages(campaign, CampaignMessage.Kind.INVITATION)
    queued = 0
    pending = Invitation.objects.filter(campaign=campaign, invited_at__isnull=True).order_by("pk")
    for invitation in pending:
        message = _message_for(messages, invitation.language)
        if message is None:
            break  # scheduling checks the texts; nothing to send without one
        queued += _queue(
            invitation=invitation,
            campaign=campaign,
            message=message,
            kind=CampaignMessage.Kind.INVITATION,
            key=invitation_key(invitation),
            claim={"invited_at__isnull": True},
            new_fields={"invited_at": now},
        )
    return queued


def due_reminder_days(campaign, *, now) -> list:
    """The reminder days whose moment has come, the latest (fewest days left) first."""
    due = [
        day
        for day in campaign.reminder_days
        if campaign.closes_at - datetime.timedelta(days=day) <= now < campaign.closes_at
    ]
    return sorted(due)


def reminders_queue(*, campaign, now=None) -> int:
    """Remind each invitee who has not responded, once per reminder day. When the schedule
    missed a day (the beat was down), only the latest due reminder goes out and the missed one
    is recorded as passed: two reminders at once would only annoy."""
    now = now or timezone.now()
    due = due_reminder_days(campaign, now=now)
    if not due:
        return 0
    day = due[0]
    moment = campaign.closes_at - datetime.timedelta(days=day)
    messages = _messages(campaign, CampaignMessage.Kind.REMINDER)
    queued = 0
    # Invited before the reminder's moment: someone added the day before closing just got
    # their invitation and needs no reminder of it.
    candidates = Invitation.objects.filter(
        campaign=campaign, responded=False, invited_at__isnull=False, invited_at__lt=moment
    ).order_by("pk")
    for invitation in candidates.only("pk", "email", "language", "token_hash", "reminders_sent"):
        if day in invitation.reminders_sent:
            continue
        message = _message_for(messages, invitation.language)
        if message is None:
            break
        sent = sorted({*invitation.reminders_sent, *due}, reverse=True)
        queued += _queue(
            invitation=invitation,
            campaign=campaign,
            message=message,
            kind=CampaignMessage.Kind.REMINDER,
            key=reminder_key(invitation, day),
            claim={"token_hash": invitation.token_hash, "responded": False},
            new_fields={"reminders_sent": sent},
        )
    return queued
