from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..conf import setting


def default_reminder_days():
    return setting("LEARNING_DUE_REMINDER_DAYS")


class Assignment(models.Model):
    """A module given to a group of participants or to everyone of an organisation, with a due
    date. Applying it enrols the members; people who join later are enrolled by the hourly
    learning task until the due date passes."""

    module = models.ForeignKey(
        "learning.TrainingModulePage", verbose_name=_("module"), on_delete=models.CASCADE, related_name="+"
    )
    group = models.ForeignKey(
        "auth.Group",
        verbose_name=_("group"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Everyone in this group."),
    )
    organisation_name = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("Everyone whose profile names this organisation (upper and lower case do not matter)."),
    )
    due_date = models.DateField(_("due date"))
    reminder_days_before = models.PositiveSmallIntegerField(
        _("remind this many days before"),
        default=default_reminder_days,
        help_text=_("0 sends the reminder on the due date."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["-due_date"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(group__isnull=False) & models.Q(organisation_name=""))
                | (models.Q(group__isnull=True) & ~models.Q(organisation_name="")),
                name="assignment_has_one_audience",
            )
        ]

    def __str__(self):
        return f"{self.module} → {self.group or self.organisation_name} ({self.due_date})"

    def clean(self):
        if bool(self.group_id) == bool(self.organisation_name.strip()):
            raise ValidationError(_("Choose a group or name an organisation, not both."))
        self.organisation_name = self.organisation_name.strip()
