from django.db import models
from django.utils.translation import gettext_lazy as _


class SchedulerHeartbeat(models.Model):
    """One row that a periodic task touches, so /healthz can say the scheduler really runs."""

    beat_at = models.DateTimeField(_("last run"))

    class Meta:
        verbose_name = _("scheduler heartbeat")

    def __str__(self):
        return self.beat_at.isoformat()
