import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ContactQuerySet(models.QuerySet):
    def due_for_review(self, *, years=None, today=None):
        """Contacts nobody has touched (edited or met) for ``years`` years."""
        from ..conf import setting

        years = years if years is not None else setting("NETWORK_CONTACT_REVIEW_YEARS")
        today = today or timezone.localdate()
        limit = today - datetime.timedelta(days=round(365.25 * years))
        # The later of the two: a coordinator who reviews and saves an old contact clears the flag.
        touched = Greatest(Coalesce("last_contacted_on", "updated_at__date"), "updated_at__date")
        return self.annotate(touched=touched).filter(touched__lt=limit)

    def reachable(self):
        return self.filter(opted_out=False).exclude(email="")


class Contact(models.Model):
    """A person at an organisation. Personal data: seen only by network coordinators, exported
    and erased through the privacy registry, reviewed when untouched for years."""

    class LawfulBasis(models.TextChoices):
        CONSENT = "consent", _("Consent")
        LEGITIMATE_INTEREST = "legitimate_interest", _("Legitimate interest")
        CONTRACT = "contract", _("Contract")
        PUBLIC_TASK = "public_task", _("Task in the public interest")

    full_name = models.CharField(_("name"), max_length=200)
    organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="contacts",
    )
    role = models.CharField(_("role"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True, db_index=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=10, choices=settings.LANGUAGES, default="sv"
    )
    lawful_basis = models.CharField(_("lawful basis"), max_length=30, choices=LawfulBasis.choices)
    consent_date = models.DateField(_("date of consent"), null=True, blank=True)
    opted_out = models.BooleanField(_("opted out"), default=False, help_text=_("Never contact this person."))
    last_contacted_on = models.DateField(_("last contacted"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ContactQuerySet.as_manager()

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["full_name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(lawful_basis="consent") | Q(consent_date__isnull=False),
                name="consent_has_a_date",
            )
        ]

    def __str__(self):
        return f"{self.full_name} ({self.organisation})"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.lawful_basis == self.LawfulBasis.CONSENT and not self.consent_date:
            raise ValidationError({"consent_date": _("Give the date the person consented.")})
