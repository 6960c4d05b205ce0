"""SWOT boards: one analysis of a topic by one organisation, or jointly by several.

Facilitators create a board and invite people; participants add items to the four quadrants,
comment on them and vote for them. Only members (``SwotMembership``) see a board. An item,
comment or vote outlives its author's account: erasure anonymises it (see
``mapping/privacy_swot.py``), because the board is the group's shared work.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

MAX_ITEM_LENGTH = 500
MAX_COMMENT_LENGTH = 1000


class Quadrant(models.TextChoices):
    STRENGTH = "strength", _("Strengths")
    WEAKNESS = "weakness", _("Weaknesses")
    OPPORTUNITY = "opportunity", _("Opportunities")
    THREAT = "threat", _("Threats")


def _source_topics():
    return {"kind": "topic", "locale__language_code": settings.LANGUAGE_CODE}


class SwotBoard(models.Model):
    title = models.CharField(
        _("title"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty to use the topic's name; give a title when the topic is not in the list."),
    )
    # The source-language theme: a theme is the same topic in every language, so boards on it
    # from different organisations combine into one.
    topic = models.ForeignKey(
        "core.Theme",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        limit_choices_to=_source_topics,
        related_name="+",
        verbose_name=_("topic"),
    )
    organisations = models.TextField(
        _("organisations"),
        blank=True,
        help_text=_("One organisation per line; several make a joint board."),
    )
    description = models.TextField(_("description"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Set when a facilitator closes the board: read-only from then on.
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("SWOT board")
        verbose_name_plural = _("SWOT boards")
        ordering = ["-created_at", "-pk"]
        permissions = [("facilitate_swot", _("Can facilitate SWOT boards"))]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(title="") | models.Q(topic__isnull=False),
                name="swot_board_has_a_topic",
                violation_error_message=_("Choose a topic or give the board a title."),
            )
        ]

    def __str__(self):
        return self.title or (self.topic.name if self.topic_id else str(self.pk))

    @property
    def is_closed(self):
        return self.closed_at is not None

    @property
    def organisation_list(self):
        return [line.strip() for line in self.organisations.splitlines() if line.strip()]

    @property
    def is_joint(self):
        return len(self.organisation_list) > 1


class SwotMembership(models.Model):
    class Role(models.TextChoices):
        PARTICIPANT = "participant", _("Participant")
        FACILITATOR = "facilitator", _("Facilitator")

    board = models.ForeignKey(SwotBoard, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="swot_memberships"
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.PARTICIPANT)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["board", "user"], name="one_swot_membership_per_user")]

    def __str__(self):
        return f"{self.board_id}: {self.user_id} ({self.role})"


class SwotInvitation(models.Model):
    """An emailed invitation to join a board; the token is only in the email (see tokens.py)."""

    board = models.ForeignKey(SwotBoard, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email"))
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["board", "email"], name="one_swot_invitation_per_email")
        ]

    def __str__(self):
        return f"{self.board_id}: {self.email}"


class SwotItemQuerySet(models.QuerySet):
    def shown(self):
        """Items on the board: neither hidden by a facilitator nor merged into another."""
        return self.filter(hidden=False, merged_into__isnull=True)


class SwotItem(models.Model):
    board = models.ForeignKey(SwotBoard, on_delete=models.CASCADE, related_name="items")
    quadrant = models.CharField(_("quadrant"), max_length=20, choices=Quadrant.choices)
    text = models.CharField(_("text"), max_length=MAX_ITEM_LENGTH)
    # None once the author's account is deleted: shown as "former participant".
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    hidden = models.BooleanField(default=False)
    # A duplicate a facilitator folded into another item; its votes and comments moved there.
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged_items"
    )

    objects = SwotItemQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["board", "quadrant"])]

    def __str__(self):
        return self.text[:60]


class SwotComment(models.Model):
    item = models.ForeignKey(SwotItem, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("comment"), max_length=MAX_COMMENT_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:60]


class SwotVote(models.Model):
    item = models.ForeignKey(SwotItem, on_delete=models.CASCADE, related_name="votes")
    # None once the voter's account is deleted: the vote still counts, nobody's name is on it.
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # The database, not a check in Python, makes it one vote per person and item, also
        # when two requests arrive at once.
        constraints = [models.UniqueConstraint(fields=["item", "user"], name="one_swot_vote_per_user")]

    def __str__(self):
        return f"{self.item_id}: {self.user_id}"
