from django.db import models
from django.utils.translation import gettext_lazy as _


class PeriodicLock(models.Model):
    """Keeps periodic work single when two beats (or two workers) start it at once."""

    name = models.CharField(_("name"), max_length=100, primary_key=True)
    locked_until = models.DateTimeField(_("locked until"))
    holder = models.CharField(_("holder"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("periodic lock")

    def __str__(self):
        return self.name
