from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

SWEDEN = "SE"


class PlaceQuerySet(models.QuerySet):
    def in_sweden(self):
        return self.filter(country=SWEDEN)

    def abroad(self):
        return self.exclude(country=SWEDEN)


class Place(models.Model):
    """A city, municipality or region the programme works with, in Sweden or elsewhere in Europe."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        CITY = "city", _("City")
        REGION = "region", _("Region")

    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.CITY)
    country = CountryField(_("country"))
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )

    objects = PlaceQuerySet.as_manager()

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["country", "name"]
        constraints = [models.UniqueConstraint(fields=["name", "country"], name="unique_place_per_country")]

    def __str__(self):
        return f"{self.name} ({self.country.code})"

    @property
    def in_sweden(self):
        return self.country.code == SWEDEN
