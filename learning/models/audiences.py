from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin
from wagtail.search import index


class AudienceQuerySet(models.QuerySet):
    def in_locale(self, locale):
        return self.filter(locale=locale).order_by("sort_order", "name")


class Audience(TranslatableMixin, index.Indexed, models.Model):
    """Who a training module is written for. Like themes, modules in every language point at the
    Swedish source rows (wagtail-localize copies the links), so an audience is identified across
    languages by its translation key and has one slug in every language."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"), max_length=100, help_text=_("Used in addresses; the same in every language.")
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    objects = AudienceQuerySet.as_manager()

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_audience_slug_per_locale"),
        ]

    def __str__(self):
        return self.name
