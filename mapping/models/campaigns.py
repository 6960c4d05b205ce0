"""Campaigns: a questionnaire sent to an audience between two times, and the invitations.

An invitation is the only row that knows who was asked. In an anonymous campaign it records
only *that* its invitee responded (``responded``), never which response is theirs: see
``responses.py``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CampaignState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SCHEDULED = "scheduled", _("Scheduled")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
    ARCHIVED = "archived", _("Archived")


class CampaignMode(models.TextChoices):
    ANONYMOUS = "anonymous", _("Anonymous")
    IDENTIFIED = "identified", _("Identified")


class CampaignAccess(models.TextChoices):
    # Invitees get a personal link; an open campaign is a public (embeddable) questionnaire,
    # always anonymous, protected by a honeypot and a rate limit instead of tokens.
    INVITATION = "invitation", _("By invitation")
    OPEN = "open", _("Open to anyone")


class Breakdown(models.TextChoices):
    """The only attributes an anonymous response may carry, when its campaign declares them."""

    ORGANISATION_TYPE = "organisation_type", _("Organisation type")
    REGION = "region", _("Municipality or region")
    LANGUAGE = "language", _("Language")


class Campaign(models.Model):
    name = models.CharField(_("name"), max_length=200)
    # The source-language questionnaire; its translations are pinned with it when it opens.
    questionnaire = models.ForeignKey(
        "mapping.QuestionnairePage",
        on_delete=models.PROTECT,
        related_name="campaigns",
        verbose_name=_("questionnaire"),
    )
    mode = models.CharField(
        _("mode"), max_length=20, choices=CampaignMode.choices, default=CampaignMode.ANONYMOUS
    )
    access = models.CharField(
        _("access"), max_length=20, choices=CampaignAccess.choices, default=CampaignAccess.INVITATION
    )
    breakdowns = models.JSONField(
        _("breakdowns"),
        default=list,
        blank=True,
        help_text=_("Attributes kept with each response for reports (values of Breakdown)."),
    )
    state = models.CharField(
        _("state"), max_length=20, choices=CampaignState.choices, default=CampaignState.DRAFT, db_index=True
    )
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    # Days before closing on which non-respondents are reminded, e.g. [7, 2].
    reminder_days = models.JSONField(_("reminder days"), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["-opens_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")), name="campaign_closes_after_it_opens"
            )
        ]
        permissions = [
            ("manage_campaigns", _("Can manage mapping campaigns")),
            ("view_campaign_reports", _("Can view mapping reports")),
            ("view_identified_responses", _("Can view identified raw responses")),
        ]

    def __str__(self):
        return self.name

    @property
    def is_anonymous(self):
        return self.mode == CampaignMode.ANONYMOUS


class CampaignMessage(models.Model):
    """Invitation and reminder texts in one language."""

    class Kind(models.TextChoices):
        INVITATION = "invitation", _("Invitation")
        REMINDER = "reminder", _("Reminder")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="messages")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    language = models.CharField(max_length=10)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("body"), help_text=_("Plain text; the personal link is added below it."))

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "kind", "language"], name="one_message_per_kind_and_language"
            )
        ]

    def __str__(self):
        return f"{self.campaign_id}: {self.kind} ({self.language})"


class QuestionnaireVersion(models.Model):
    """The questionnaire as it was when its campaign opened, one row per language: later edits
    to the page change only later campaigns. Never edited once written."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="versions")
    language = models.CharField(max_length=10)
    page = models.ForeignKey("wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="+")
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # A copy of the revision's content, so purging revisions cannot change a campaign.
    content = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["campaign", "language"], name="one_version_per_campaign_language")
        ]

    def __str__(self):
        return f"{self.campaign_id}: {self.language}"


class Invitation(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email"))
    language = models.CharField(_("language"), max_length=10)
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    # A network organisation's id when the audience came from the network plugin; a plain
    # value, so the mapping plugin works without it.
    organisation_ref = models.CharField(max_length=64, blank=True)
    organisation_type = models.CharField(_("organisation type"), max_length=64, blank=True)
    region = models.CharField(_("municipality or region"), max_length=255, blank=True)
    # sha256 of the token; the token itself is only ever in the email.
    token_hash = models.CharField(max_length=64, unique=True)
    invited_at = models.DateTimeField(null=True, blank=True)
    reminders_sent = models.JSONField(default=list, blank=True)  # the reminder_days already sent
    responded = models.BooleanField(default=False, db_index=True)
    # Answers saved but not submitted, cleared in the transaction that submits them.
    draft = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [models.UniqueConstraint(fields=["campaign", "email"], name="one_invitation_per_email")]

    def __str__(self):
        return f"{self.campaign_id}: {self.email}"
