"""Invitation and reminder texts, one per kind and language.

A new campaign gets sensible texts in every site language at once, so that an administrator
edits rather than writes. The personal link, the closing date and (in anonymous campaigns)
the promise of anonymity are added by the email template below the text, so an edited text
can never drop or contradict them.
"""

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from ..errors import Conflict, MappingError
from ..models import CampaignMessage, CampaignState

Kind = CampaignMessage.Kind
SUBJECT_MAX = CampaignMessage._meta.get_field("subject").max_length
BODY_MAX = 5000


def default_text(*, kind, language, campaign_name) -> tuple[str, str]:
    with translation.override(language):
        if kind == Kind.INVITATION:
            subject = _("Questionnaire: %(campaign)s") % {"campaign": campaign_name}
            body = _(
                "Hello,\n\n"
                "We would like to know what competence your organisation needs in equal treatment, "
                "social responsibility and accessibility, so that the training we plan meets real "
                "needs. Answering takes about ten minutes.\n\n"
                "The link below is personal: please do not forward it.\n\n"
                "Thank you for your help."
            )
        else:
            subject = _("Reminder: %(campaign)s") % {"campaign": campaign_name}
            body = _(
                "Hello,\n\n"
                "We have not yet received your answers. There is still time, and every answer "
                "helps us plan training that meets real needs.\n\n"
                "Thank you for your help."
            )
    return subject, body


def messages_prefill(*, campaign) -> int:
    """Create the missing texts of ``campaign`` from the defaults; returns how many."""
    created = 0
    for kind in Kind.values:
        for language, _name in settings.LANGUAGES:
            subject, body = default_text(kind=kind, language=language, campaign_name=campaign.name)
            _message, made = CampaignMessage.objects.get_or_create(
                campaign=campaign, kind=kind, language=language, defaults={"subject": subject, "body": body}
            )
            created += int(made)
    return created


@transaction.atomic
def messages_save(*, campaign, texts: dict) -> int:
    """Store ``texts``, {(kind, language): (subject, body)}; returns how many changed. Texts
    may change until the campaign closes (a reminder can still be improved while it is open)."""
    if campaign.state in (CampaignState.CLOSED, CampaignState.ARCHIVED):
        raise Conflict(_("The texts of a closed campaign can no longer change."))
    languages = {code for code, _name in settings.LANGUAGES}
    changed = 0
    for (kind, language), (subject, body) in texts.items():
        if kind not in Kind.values or language not in languages:
            raise MappingError(_("Unknown kind of text or language."))
        subject, body = subject.strip(), body.strip()
        if not subject or not body:
            raise MappingError(_("Every text needs a subject and a body."))
        if len(subject) > SUBJECT_MAX or len(body) > BODY_MAX:
            raise MappingError(_("A subject or a body is too long."))
        message, created = CampaignMessage.objects.get_or_create(
            campaign=campaign, kind=kind, language=language, defaults={"subject": subject, "body": body}
        )
        if created:
            changed += 1
        elif (message.subject, message.body) != (subject, body):
            message.subject, message.body = subject, body
            message.save(update_fields=["subject", "body"])
            changed += 1
    return changed
