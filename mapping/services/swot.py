"""The rules of SWOT boards: who may add, comment, vote and facilitate; invitations; closing,
hiding and merging. Views, the API, the admin and the demo all come through here.

A board is visible to its members only. Anything asked of a board (or an item of it) by
someone who is not a member is ``NotFound``, never ``NotAllowed``, so that ids reveal nothing.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from heart_site.notifications.services.emails import absolute_url
from heart_site.notifications.services.reminders import reminder_queue

from .. import tokens
from ..errors import Conflict, MappingError, NotAllowed, NotFound
from ..models import (
    Quadrant,
    SwotBoard,
    SwotComment,
    SwotInvitation,
    SwotItem,
    SwotMembership,
    SwotVote,
)
from ..models.swot import MAX_COMMENT_LENGTH, MAX_ITEM_LENGTH
from ..selectors.swot import is_facilitator, membership, topic_name

INVITATION_KIND = "mapping_swot_invitation"
MAX_INVITATIONS_AT_ONCE = 50


def invitation_days() -> int:
    return getattr(settings, "MAPPING_SWOT_INVITATION_DAYS", 30)


def _not_found():
    return NotFound(_("This SWOT board does not exist, or you are not taking part in it."))


def _require_member(*, board, user) -> SwotMembership:
    member = membership(user=user, board=board)
    if member is None:
        raise _not_found()
    return member


def _require_open(board):
    if board.is_closed:
        raise Conflict(_("This board is closed. It can be read, but no longer changed."))


def _require_facilitator(*, board, user) -> SwotMembership:
    member = _require_member(board=board, user=user)
    if not is_facilitator(user=user, board=board, member=member):
        raise NotAllowed(_("Only the board's facilitators can do this."))
    return member


def _clean_text(text, *, limit, empty_message):
    text = (text or "").strip()
    if not text:
        raise MappingError(empty_message)
    if len(text) > limit:
        raise MappingError(
            _("Keep it to %(limit)s characters; this text has %(length)s.")
            % {"limit": limit, "length": len(text)}
        )
    return text


def _locked(board) -> SwotBoard:
    """The board row, locked until the transaction ends, so that closing it waits for (and
    is never overtaken by) a write in progress."""
    return SwotBoard.objects.select_for_update().get(pk=board.pk)


# --- Boards and members ----------------------------------------------------------------------


@transaction.atomic
def swot_board_create(*, user, title="", topic=None, organisations="", description="") -> SwotBoard:
    if not user.has_perm("mapping.facilitate_swot"):
        raise NotAllowed(_("Only SWOT facilitators can create boards."))
    if not title.strip() and topic is None:
        raise MappingError(_("Choose a topic or give the board a title."))
    board = SwotBoard.objects.create(
        title=title.strip()[:200],
        topic=topic,
        organisations=organisations.strip(),
        description=description.strip(),
        created_by=user,
    )
    swot_facilitator_add(board=board, user=user)
    return board


def swot_facilitator_add(*, board, user) -> SwotMembership:
    """Make ``user`` a facilitator of ``board`` (the creator is one; the admin can add more)."""
    member, created = SwotMembership.objects.get_or_create(
        board=board, user=user, defaults={"role": SwotMembership.Role.FACILITATOR}
    )
    if not created and member.role != SwotMembership.Role.FACILITATOR:
        member.role = SwotMembership.Role.FACILITATOR
        member.save(update_fields=["role"])
    return member


@transaction.atomic
def swot_board_close(*, board, user) -> bool:
    """Close the board; returns False when it already was."""
    _require_facilitator(board=board, user=user)
    board = _locked(board)
    if board.is_closed:
        return False
    board.closed_at = timezone.now()
    board.save(update_fields=["closed_at"])
    return True


# --- Invitations -----------------------------------------------------------------------------


def _parse_emails(emails) -> list[str]:
    if isinstance(emails, str):
        emails = emails.replace(",", "\n").replace(";", "\n").splitlines()
    wanted, invalid = [], []
    for email in emails:
        email = email.strip().lower()
        if not email:
            continue
        try:
            validate_email(email)
        except ValidationError:
            invalid.append(email[:80])
            continue
        if email not in wanted:
            wanted.append(email)
    if invalid:
        raise MappingError(_("These are not email addresses: %(emails)s") % {"emails": ", ".join(invalid)})
    if not wanted:
        raise MappingError(_("Give at least one email address."))
    if len(wanted) > MAX_INVITATIONS_AT_ONCE:
        raise MappingError(
            _("Invite at most %(count)s people at a time.") % {"count": MAX_INVITATIONS_AT_ONCE}
        )
    return wanted


@transaction.atomic
def swot_invite(*, board, user, emails, language) -> list[SwotInvitation]:
    """Invite each address once: queue an email with a personal link in ``language``. Addresses
    already invited (or members) are skipped; returns the new invitations."""
    _require_facilitator(board=board, user=user)
    _require_open(board)
    wanted = _parse_emails(emails)
    taken = set(board.invitations.filter(email__in=wanted).values_list("email", flat=True))
    taken |= {e.lower() for e in board.memberships.values_list("user__email", flat=True)}
    created = []
    for email in wanted:
        if email in taken:
            continue
        token, token_hash = tokens.new_token()
        invitation = SwotInvitation.objects.create(
            board=board,
            email=email,
            token_hash=token_hash,
            invited_by=user,
            expires_at=timezone.now() + timedelta(days=invitation_days()),
        )
        with translation.override(language):
            link = absolute_url(reverse("mapping:swot_invitation", args=[token]))
            board_name = topic_name(board, language)
        reminder_queue(
            dedupe_key=f"mapping:swot-invitation:{invitation.pk}",
            to=email,
            language=language,
            template="mapping/swot/email/invitation",
            context={
                "board": board_name,
                "organisations": ", ".join(board.organisation_list),
                "inviter": user.get_full_name() or user.get_username(),
                "link": link,
                "days": invitation_days(),
            },
            kind=INVITATION_KIND,
        )
        created.append(invitation)
    return created


def swot_invitation_find(*, token) -> SwotInvitation:
    """The invitation a token names, or an error saying why it cannot be used."""
    if not token or len(token) > 200:
        raise NotFound(_("This invitation link is not valid. It may have been copied incompletely."))
    invitation = (
        SwotInvitation.objects.filter(token_hash=tokens.hash_token(token)).select_related("board").first()
    )
    if invitation is None:
        raise NotFound(_("This invitation link is not valid. It may have been copied incompletely."))
    return invitation


@transaction.atomic
def swot_invitation_accept(*, token, user) -> SwotBoard:
    """Make ``user`` a participant of the board the token invites to. One use: a second person
    with the same link is refused; the same person again simply gets the board."""
    if user is None or not user.is_authenticated:
        raise NotAllowed(_("Log in to accept the invitation."))
    found = swot_invitation_find(token=token)
    invitation = SwotInvitation.objects.select_for_update().select_related("board").get(pk=found.pk)
    if invitation.accepted_at is not None:
        if invitation.accepted_by_id == user.pk:
            return invitation.board
        raise Conflict(_("This invitation has already been used. Ask the facilitator for a new one."))
    if invitation.expires_at <= timezone.now():
        raise MappingError(_("This invitation has expired. Ask the facilitator for a new one."))
    SwotMembership.objects.get_or_create(board=invitation.board, user=user)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return invitation.board


# --- Items, comments and votes ---------------------------------------------------------------


@transaction.atomic
def swot_item_add(*, board, user, quadrant, text) -> SwotItem:
    _require_member(board=board, user=user)
    if quadrant not in Quadrant.values:
        raise MappingError(_("Choose strengths, weaknesses, opportunities or threats."))
    text = _clean_text(text, limit=MAX_ITEM_LENGTH, empty_message=_("Write the item before adding it."))
    _require_open(_locked(board))
    return SwotItem.objects.create(board=board, quadrant=quadrant, text=text, author=user)


def _usable_item(*, item, user):
    """The item for a participant's action: on an open board they belong to, not hidden or
    merged away (a facilitator still sees a hidden one)."""
    member = _require_member(board=item.board, user=user)
    if (item.hidden or item.merged_into_id) and not is_facilitator(
        user=user, board=item.board, member=member
    ):
        raise NotFound(_("This item is no longer on the board."))
    if item.merged_into_id:
        raise Conflict(_("This item was merged into another one; comment or vote there."))
    _require_open(_locked(item.board))


@transaction.atomic
def swot_comment_add(*, item, user, text) -> SwotComment:
    _usable_item(item=item, user=user)
    text = _clean_text(
        text, limit=MAX_COMMENT_LENGTH, empty_message=_("Write the comment before sending it.")
    )
    return SwotComment.objects.create(item=item, author=user, text=text)


def swot_vote_set(*, item, user, voted: bool) -> bool:
    """Vote for the item (``voted``) or take the vote back. Repeating it changes nothing, and two
    at once make one vote: the unique constraint refuses the second row. Returns whether the
    user's vote is now on the item."""
    with transaction.atomic():
        _usable_item(item=item, user=user)
        if not voted:
            SwotVote.objects.filter(item=item, user=user).delete()
            return False
        try:
            with transaction.atomic():
                SwotVote.objects.get_or_create(item=item, user=user)
        except IntegrityError:
            pass  # the same vote, inserted by a request that ran at the same moment
        return True


def swot_vote_toggle(*, item, user) -> bool:
    return swot_vote_set(
        item=item, user=user, voted=not SwotVote.objects.filter(item=item, user=user).exists()
    )


# --- Facilitation ----------------------------------------------------------------------------


@transaction.atomic
def swot_item_hide(*, item, user, hidden=True) -> SwotItem:
    _require_facilitator(board=item.board, user=user)
    _require_open(_locked(item.board))
    if item.hidden != hidden:
        item.hidden = hidden
        item.save(update_fields=["hidden"])
    return item


@transaction.atomic
def swot_items_merge(*, item, into, user) -> SwotItem:
    """Fold the duplicate ``item`` into ``into`` (same board): its votes move over (a person who
    voted for both keeps one vote) and so do its comments; the item stays, marked as merged."""
    _require_facilitator(board=item.board, user=user)
    if into.board_id != item.board_id:
        raise MappingError(_("Items can only be merged with another item of the same board."))
    if into.pk == item.pk:
        raise MappingError(_("Choose another item to merge this one into."))
    if item.merged_into_id or into.merged_into_id:
        raise Conflict(_("One of these items has already been merged."))
    _require_open(_locked(item.board))
    voters = SwotVote.objects.filter(item=into).exclude(user=None).values("user")
    SwotVote.objects.filter(item=item, user__in=voters).delete()
    SwotVote.objects.filter(item=item).update(item=into)
    SwotComment.objects.filter(item=item).update(item=into)
    SwotItem.objects.filter(merged_into=item).update(merged_into=into)
    item.merged_into = into
    item.save(update_fields=["merged_into"])
    return into
