from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


class Partnership(models.Model):
    """How far the programme has come with a place (and, optionally, one organisation there)."""

    class Status(models.IntegerChoices):
        IDENTIFIED = 1, _("Identified")
        CONTACTED = 2, _("Contacted")
        ESTABLISHED = 3, _("Established")
        COLLABORATING = 4, _("Collaborating")

    place = models.ForeignKey(
        "network.Place", verbose_name=_("place"), on_delete=models.CASCADE, related_name="partnerships"
    )
    organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="partnerships",
    )
    status = models.PositiveSmallIntegerField(_("status"), choices=Status.choices, default=Status.IDENTIFIED)
    note = models.CharField(_("note"), max_length=300, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["place__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["place", "organisation"], name="one_partnership_per_place_and_org"
            ),
            models.UniqueConstraint(
                fields=["place"],
                condition=models.Q(organisation__isnull=True),
                name="one_place_level_partnership",
            ),
        ]

    def __str__(self):
        who = self.organisation or self.place
        return f"{who}: {self.get_status_display()}"


@register_setting(icon="globe")
class NetworkSettings(BaseGenericSetting):
    place_goal = models.PositiveSmallIntegerField(
        _("goal: cities or regions with an established contact"),
        default=3,
        help_text=_("The programme's target, shown on the dashboard against the places reached."),
    )

    class Meta:
        verbose_name = _("network goal")
