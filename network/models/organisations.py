from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .places import Place

# The accessibility of premises as facts (not prose), so the mapping of premises can count them.
ACCESSIBILITY_FACTS = [
    ("step_free_entrance", _("Step-free entrance")),
    ("accessible_toilet", _("Accessible toilet")),
    ("hearing_loop", _("Hearing loop")),
    ("quiet_room", _("Quiet room")),
    ("clear_signage", _("Clear signage and wayfinding")),
    ("accessible_parking", _("Accessible parking")),
    ("lift", _("Lift to every floor")),
]


class OrganisationQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)

    def in_locale_code(self, language_code):
        return self.filter(locale__language_code=language_code)


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    """A partner, employer or other organisation of the network.

    Like themes, the Swedish row is the source; its English translation (wagtail-localize)
    carries the translated public description, every other field is copied from the source.
    Contacts, interactions and partnerships point at the source row.
    """

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        AGENCY = "agency", _("Government agency")
        COMPANY = "company", _("Company")
        NGO = "ngo", _("NGO")
        UNIVERSITY = "university", _("University")
        TRAINING_CENTRE = "training_centre", _("Training centre")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=200, help_text=_("Used in addresses; the same in every language.")
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    sector = models.CharField(_("sector"), max_length=120, blank=True)
    place = models.ForeignKey(
        Place, verbose_name=_("place"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    website = models.URLField(_("website"), blank=True)
    is_programme_partner = models.BooleanField(_("programme partner"), default=False)
    is_inclusive_employer = models.BooleanField(_("employer committed to inclusion"), default=False)
    is_public = models.BooleanField(
        _("listed in the partner directory"), default=True, help_text=_("Only public fields are ever shown.")
    )
    public_description = models.TextField(_("public description"), blank=True, max_length=2000)
    internal_notes = models.TextField(
        _("internal notes"), blank=True, help_text=_("Seen only by network coordinators; never published.")
    )
    step_free_entrance = models.BooleanField(_("step-free entrance"), null=True, blank=True)
    accessible_toilet = models.BooleanField(_("accessible toilet"), null=True, blank=True)
    hearing_loop = models.BooleanField(_("hearing loop"), null=True, blank=True)
    quiet_room = models.BooleanField(_("quiet room"), null=True, blank=True)
    clear_signage = models.BooleanField(_("clear signage and wayfinding"), null=True, blank=True)
    accessible_parking = models.BooleanField(_("accessible parking"), null=True, blank=True)
    lift = models.BooleanField(_("lift to every floor"), null=True, blank=True)
    accessibility_notes = models.TextField(_("accessibility notes"), blank=True, max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("public_description"),
        index.FilterField("kind"),
    ]
    # Only the public description is translated; notes, flags and facts are one set of facts.
    override_translatable_fields = [
        TranslatableField("public_description"),
        TranslatableField("accessibility_notes"),
        SynchronizedField("name", overridable=False),
        SynchronizedField("internal_notes", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_organisation_slug_per_locale"),
        ]

    def __str__(self):
        return self.name

    def accessibility_facts(self):
        """(label, True/False/None) for each fact; None means not known."""
        return [(label, getattr(self, name)) for name, label in ACCESSIBILITY_FACTS]
