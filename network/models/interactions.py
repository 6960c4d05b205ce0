from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel


class InteractionQuerySet(models.QuerySet):
    def follow_ups_open(self):
        return self.filter(follow_up_on__isnull=False, follow_up_done=False).order_by("follow_up_on")


class Interaction(ClusterableModel):
    class Kind(models.TextChoices):
        MEETING = "meeting", _("Meeting")
        CALL = "call", _("Call")
        EMAIL = "email", _("Email")
        STUDY_VISIT = "study_visit", _("Study visit")
        SEMINAR = "seminar", _("Seminar")
        CONFERENCE = "conference", _("Conference")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    date = models.DateField(_("date"))
    organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="interactions",
    )
    contacts = ParentalManyToManyField(
        "network.Contact", verbose_name=_("people"), blank=True, related_name="+"
    )
    summary = models.TextField(_("summary"), max_length=5000)
    follow_up_on = models.DateField(_("follow up on"), null=True, blank=True)
    follow_up_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("follow-up by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Reminded by email on the day."),
    )
    follow_up_done = models.BooleanField(_("follow-up done"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = InteractionQuerySet.as_manager()

    class Meta:
        verbose_name = _("interaction")
        verbose_name_plural = _("interactions")
        ordering = ["-date"]

    def __str__(self):
        return f"{self.get_kind_display()} – {self.organisation} ({self.date})"
