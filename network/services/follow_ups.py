"""Follow-ups of interactions: the reminder to the coordinator who owns one, and the "last
contacted" date of the people met, which the review of stale contacts reads."""

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from heart_site.notifications.services.emails import absolute_url
from heart_site.notifications.services.reminders import reminder_queue

from ..models import Contact, Interaction

KIND = "network_follow_up_reminder"


def dedupe_key(interaction) -> str:
    # The date is part of the key: moving the follow-up asks for a new reminder.
    return f"network:follow-up:{interaction.pk}:{interaction.follow_up_on.isoformat()}"


def follow_up_reminders_queue(*, today=None) -> int:
    """Queue one reminder per open follow-up whose day has come, to its owner, in the owner's
    language. The outbox's unique dedupe key makes it once only, also when two beats run this at
    the same time; keys already queued are skipped in one query, so an old overdue follow-up
    costs nothing on later runs."""
    from heart_site.notifications.models import OutboxMessage

    today = today or timezone.localdate()
    due = list(
        Interaction.objects.filter(
            follow_up_on__lte=today,
            follow_up_done=False,
            follow_up_owner__isnull=False,
            follow_up_owner__is_active=True,
        )
        .exclude(follow_up_owner__email="")
        .select_related("organisation", "follow_up_owner")
        .order_by("follow_up_on", "pk")
    )
    keys = {dedupe_key(interaction) for interaction in due}
    done = set(OutboxMessage.objects.filter(dedupe_key__in=keys).values_list("dedupe_key", flat=True))
    queued = 0
    for interaction in due:
        if dedupe_key(interaction) in done:
            continue
        owner = interaction.follow_up_owner
        language = owner.preferred_language or settings.LANGUAGE_CODE
        with transaction.atomic():
            _message, created = reminder_queue(
                dedupe_key=dedupe_key(interaction),
                to=owner.email,
                language=language,
                template="network/email/follow_up_reminder",
                # The summary stays behind the admin login: the email only says where to look.
                context={
                    "name": owner.full_name or owner.get_username(),
                    "organisation": interaction.organisation.name,
                    "kind": Interaction.Kind(interaction.kind).label,
                    "date": interaction.date,
                    "follow_up_on": interaction.follow_up_on,
                    "overdue": interaction.follow_up_on < today,
                    "edit_url": absolute_url(
                        reverse("wagtailsnippets_network_interaction:edit", args=[interaction.pk])
                    ),
                },
                kind=KIND,
            )
        queued += int(created)
    return queued


def interaction_recorded(*, interaction, user=None, created=False) -> int:
    """After a coordinator saves an interaction: note who recorded it, and move the "last
    contacted" date of the people met forward (never back, when an old meeting is entered
    late). Returns the number of contacts updated."""
    if created and user is not None and interaction.created_by_id is None:
        Interaction.objects.filter(pk=interaction.pk).update(created_by=user)
        interaction.created_by = user
    contact_ids = list(interaction.contacts.values_list("pk", flat=True))
    if not contact_ids:
        return 0
    return Contact.objects.filter(
        Q(last_contacted_on__isnull=True) | Q(last_contacted_on__lt=interaction.date), pk__in=contact_ids
    ).update(last_contacted_on=interaction.date)
