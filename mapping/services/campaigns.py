"""A campaign's life: draft → scheduled → open → closed → archived.

Every transition is a conditional update on the state it leaves, so a double click, two
administrators or two beats racing each other make one transition and a clear "conflict" for
the other. Opening pins the questionnaire and queues the invitations in the same transaction:
a campaign is never open without its pinned versions. The periodic task calls
``campaigns_advance``, which opens, closes, invites and reminds whatever is due.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..errors import Conflict, MappingError
from ..models import Campaign, CampaignAccess, CampaignMessage, CampaignState

logger = logging.getLogger(__name__)

State = CampaignState

# The action, the states it may start from, and the message when it may not.
SOURCES = {
    "schedule": ({State.DRAFT}, gettext_lazy("Only a draft campaign can be scheduled.")),
    "unschedule": ({State.SCHEDULED}, gettext_lazy("Only a scheduled campaign can go back to draft.")),
    "open": (
        {State.DRAFT, State.SCHEDULED},
        gettext_lazy("Only a draft or scheduled campaign can be opened."),
    ),
    "close": ({State.OPEN}, gettext_lazy("Only an open campaign can be closed.")),
    "archive": ({State.CLOSED}, gettext_lazy("Only a closed campaign can be archived.")),
}

# Fields an administrator may no longer change once respondents could have seen the campaign:
# answers collected under one questionnaire, mode or set of breakdowns must stay comparable.
LOCKED_ONCE_OPEN = ("questionnaire", "mode", "access", "breakdowns", "opens_at")
EDITABLE_WHEN_DONE = ("name",)


class CampaignNotReady(MappingError):
    code = "campaign_not_ready"

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__(
            _("The campaign is not ready: %(problems)s")
            % {"problems": " ".join(str(p) for p in self.problems)}
        )


def locked_fields(campaign) -> tuple:
    """The fields the edit form must leave alone in the campaign's present state."""
    if campaign.pk is None or campaign.state in (State.DRAFT, State.SCHEDULED):
        return ()
    if campaign.state == State.OPEN:
        return LOCKED_ONCE_OPEN
    return ("questionnaire", "mode", "access", "breakdowns", "opens_at", "closes_at", "reminder_days")


def audience_languages(campaign) -> list:
    return sorted(set(campaign.invitations.values_list("language", flat=True)))


def campaign_problems(campaign, *, now=None) -> list:
    """Everything that stops ``campaign`` from being scheduled or opened, as translated
    sentences; an empty list when it is ready."""
    now = now or timezone.now()
    problems = []
    if campaign.closes_at <= campaign.opens_at:
        problems.append(_("The closing time must be after the opening time."))
    if campaign.closes_at <= now:
        problems.append(_("The closing time has already passed."))
    if not campaign.questionnaire.live:
        problems.append(_("The questionnaire is not published."))
    if campaign.access == CampaignAccess.INVITATION:
        languages = audience_languages(campaign)
        if not languages:
            problems.append(_("The campaign has no audience: upload or choose the people to invite."))
        kinds = [CampaignMessage.Kind.INVITATION]
        if campaign.reminder_days:
            kinds.append(CampaignMessage.Kind.REMINDER)
        complete = {
            (kind, language)
            for kind, language in campaign.messages.exclude(subject="")
            .exclude(body="")
            .values_list("kind", "language")
        }
        for kind in kinds:
            for language in languages:
                if (kind, language) not in complete:
                    problems.append(
                        _("The %(kind)s text in %(language)s is missing.")
                        % {
                            "kind": CampaignMessage.Kind(kind).label.lower(),
                            "language": _language_name(language),
                        }
                    )
    return problems


def _language_name(code):
    return str(dict(settings.LANGUAGES).get(code, code))


def _claim(campaign, action, to, **fields):
    """Move ``campaign`` to ``to`` if it is in a state ``action`` may start from."""
    sources, refusal = SOURCES[action]
    updated = Campaign.objects.filter(pk=campaign.pk, state__in=sources).update(state=to, **fields)
    if not updated:
        raise Conflict(str(refusal))
    for name, value in {"state": to, **fields}.items():
        setattr(campaign, name, value)


def _locked(campaign):
    """The campaign row, fresh and locked for the rest of the transaction (PostgreSQL)."""
    return (
        Campaign.objects.select_for_update(of=("self",)).select_related("questionnaire").get(pk=campaign.pk)
    )


def _done(campaign, fresh):
    """Hand the caller's object the new state too, so that it is never left stale."""
    for field in Campaign._meta.concrete_fields:
        setattr(campaign, field.attname, getattr(fresh, field.attname))
    return campaign


@transaction.atomic
def campaign_schedule(*, campaign, now=None) -> Campaign:
    fresh = _locked(campaign)
    if fresh.state not in SOURCES["schedule"][0]:
        raise Conflict(str(SOURCES["schedule"][1]))
    problems = campaign_problems(fresh, now=now)
    if problems:
        raise CampaignNotReady(problems)
    _claim(fresh, "schedule", State.SCHEDULED)
    return _done(campaign, fresh)


@transaction.atomic
def campaign_unschedule(*, campaign) -> Campaign:
    fresh = _locked(campaign)
    _claim(fresh, "unschedule", State.DRAFT)
    return _done(campaign, fresh)


@transaction.atomic
def campaign_open(*, campaign, now=None) -> Campaign:
    """Open now (an administrator's "open now", or the schedule): pin the questionnaire and
    queue the invitations, all or nothing."""
    from .invitations import invitations_queue
    from .pinning import pin_versions  # the questionnaire work's; imported here so a gap is loud

    now = now or timezone.now()
    fresh = _locked(campaign)
    if fresh.state not in SOURCES["open"][0]:
        raise Conflict(str(SOURCES["open"][1]))
    problems = campaign_problems(fresh, now=now)
    if problems:
        raise CampaignNotReady(problems)
    # Opened early by hand: the campaign now really opens now.
    _claim(fresh, "open", State.OPEN, opened_at=now, opens_at=min(fresh.opens_at, now))
    pin_versions(fresh)
    if fresh.access == CampaignAccess.INVITATION:
        invitations_queue(campaign=fresh, now=now)
    return _done(campaign, fresh)


@transaction.atomic
def campaign_close(*, campaign, now=None) -> Campaign:
    now = now or timezone.now()
    fresh = _locked(campaign)
    fields = {"closed_at": now}
    if fresh.closes_at > now > fresh.opens_at:
        fields["closes_at"] = now  # closed early by hand: tokens and reports see the real end
    _claim(fresh, "close", State.CLOSED, **fields)
    return _done(campaign, fresh)


@transaction.atomic
def campaign_archive(*, campaign) -> Campaign:
    fresh = _locked(campaign)
    _claim(fresh, "archive", State.ARCHIVED)
    return _done(campaign, fresh)


ACTIONS = {
    "schedule": campaign_schedule,
    "unschedule": campaign_unschedule,
    "open": campaign_open,
    "close": campaign_close,
    "archive": campaign_archive,
}


def campaign_delete_allowed(campaign) -> bool:
    """Only a draft may be deleted: anything later may have sent mail or collected answers."""
    return campaign.state == State.DRAFT


def campaigns_advance(*, now=None) -> dict:
    """The schedule's work, safe to run twice or concurrently: open what is due, close what is
    due, then invite and remind in the open campaigns. One campaign's problem never stops the
    others."""
    from .invitations import invitations_queue, reminders_queue

    now = now or timezone.now()
    done = {"opened": 0, "closed": 0, "invited": 0, "reminded": 0}
    for campaign in Campaign.objects.filter(state=State.SCHEDULED, opens_at__lte=now).order_by("pk"):
        try:
            campaign_open(campaign=campaign, now=now)
            done["opened"] += 1
        except Conflict:
            pass  # another beat opened it first
        except MappingError as error:
            logger.warning("Campaign %s could not open: %s", campaign.pk, error.message)
    for campaign in Campaign.objects.filter(state=State.OPEN, closes_at__lte=now).order_by("pk"):
        try:
            campaign_close(campaign=campaign, now=now)
            done["closed"] += 1
        except Conflict:
            pass
    for campaign in Campaign.objects.filter(state=State.OPEN, access=CampaignAccess.INVITATION).order_by(
        "pk"
    ):
        done["invited"] += invitations_queue(campaign=campaign, now=now)
        done["reminded"] += reminders_queue(campaign=campaign, now=now)
    return done


def campaign_accepts_audience(campaign) -> bool:
    return campaign.access == CampaignAccess.INVITATION and campaign.state in (
        State.DRAFT,
        State.SCHEDULED,
        State.OPEN,
    )
