"""What "download my data" and "delete my account" do with campaign data: the invitations sent
to the person's address and, in identified campaigns only, the answers linked to them.

An anonymous response cannot be found from a person (that is the point of it), so there is
nothing of theirs to export or erase there. Erasing keeps what reports count: the invitation
stays as "responded" or not without its address, and an identified response stays as an
anonymous one, without the link to the invitation.
"""

from .models import IdentifiedResponse, Invitation


def _invitations(user):
    if not user.email:
        return Invitation.objects.none()
    return Invitation.objects.filter(email__iexact=user.email)


def export_campaign_data(user):
    invitations = list(_invitations(user).select_related("campaign"))
    identified = {
        link.invitation_id: link.response
        for link in IdentifiedResponse.objects.filter(invitation__in=invitations).select_related("response")
    }
    answers = {}
    for response in identified.values():
        answers[response.pk] = [
            {
                "question": a.question_key,
                "item": a.item_key,
                "aspect": a.aspect,
                "option": a.option_key,
                "number": a.number,
                "text": a.text,
                "not_applicable": a.not_applicable,
            }
            for a in response.answers.order_by("pk")
        ]
    return {
        "invitations": [
            {
                "campaign": invitation.campaign.name,
                "email": invitation.email,
                "organisation": invitation.organisation,
                "language": invitation.language,
                "invited_at": invitation.invited_at.isoformat() if invitation.invited_at else None,
                "responded": invitation.responded,
                "saved_draft": invitation.draft or None,
                "answers": answers.get(identified[invitation.pk].pk) if invitation.pk in identified else None,
            }
            for invitation in invitations
        ]
    }


def erase_campaign_data(user):
    invitations = _invitations(user)
    IdentifiedResponse.objects.filter(invitation__in=invitations).delete()
    for invitation in invitations:
        # The row stays for the response rate; nothing in it points at the person any more.
        invitation.email = f"erased-{invitation.pk}@invalid"
        invitation.organisation_ref = ""
        invitation.draft = {}
        invitation.save(update_fields=["email", "organisation_ref", "draft"])
