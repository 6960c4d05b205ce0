"""What "download my data" and "delete my account" do with SWOT data.

Export: the boards the person takes part in, and the items, comments and votes they made.

Erase: the person leaves every board, and the invitations sent to their address are deleted.
Their items, comments and votes stay, anonymised: the author or voter is removed and the
board shows "former participant". A SWOT board is the group's shared record of a workshop;
deleting one person's items would take away what the others commented on, voted for or had
merged into them, and change results already printed and exported. What stays says nothing
about who wrote it. (Someone who wants a text of theirs gone asks a facilitator to hide it.)
"""

from django.db.models import Q

from .models import SwotComment, SwotInvitation, SwotItem, SwotMembership, SwotVote
from .selectors.swot import topic_name


def export_swot_data(user):
    memberships = SwotMembership.objects.filter(user=user).select_related("board", "board__topic")
    items = SwotItem.objects.filter(author=user).select_related("board", "board__topic")
    comments = SwotComment.objects.filter(author=user).select_related("item")
    votes = SwotVote.objects.filter(user=user).select_related("item")
    return {
        "boards": [
            {
                "board": topic_name(m.board),
                "organisations": m.board.organisation_list,
                "role": m.role,
                "joined_at": m.joined_at.isoformat(),
            }
            for m in memberships
        ],
        "items": [
            {
                "board": topic_name(item.board),
                "quadrant": item.quadrant,
                "text": item.text,
                "created_at": item.created_at.isoformat(),
            }
            for item in items
        ],
        "comments": [
            {"item": c.item.text, "text": c.text, "created_at": c.created_at.isoformat()} for c in comments
        ],
        "votes": [{"item": v.item.text, "created_at": v.created_at.isoformat()} for v in votes],
    }


def erase_swot_data(user):
    SwotItem.objects.filter(author=user).update(author=None)
    SwotComment.objects.filter(author=user).update(author=None)
    SwotVote.objects.filter(user=user).update(user=None)
    SwotMembership.objects.filter(user=user).delete()
    # An invitation holds the address it was sent to, used or not.
    invitations = Q(accepted_by=user)
    if user.email:
        invitations |= Q(email__iexact=user.email)
    SwotInvitation.objects.filter(invitations).delete()
