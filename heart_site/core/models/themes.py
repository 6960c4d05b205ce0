from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin
from wagtail.search import index


class ThemeQuerySet(models.QuerySet):
    def in_locale(self, locale):
        return self.filter(locale=locale).order_by("sort_order", "name")

    def in_locale_code(self, language_code):
        return self.filter(locale__language_code=language_code).order_by("sort_order", "name")


class Theme(TranslatableMixin, index.Indexed, models.Model):
    """A subject of the programme that every plugin tags its content with.

    Content in any language points at the Swedish source theme (wagtail-localize copies
    many-to-many links unchanged), so a theme is identified across languages by its
    ``translation_key``, and its ``slug`` is kept identical in every language.
    """

    class Kind(models.TextChoices):
        GROUND = "ground", _("Discrimination ground")
        TOPIC = "topic", _("Topic")

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"), max_length=100, help_text=_("Used in addresses; the same in every language.")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.TOPIC)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    objects = ThemeQuerySet.as_manager()

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_theme_slug_per_locale"),
        ]

    def __str__(self):
        return self.name
