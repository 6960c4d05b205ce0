from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    contact_email = models.EmailField(_("contact email"), blank=True)
    accessibility_email = models.EmailField(
        _("accessibility feedback email"),
        blank=True,
        help_text=_("Where visitors report content they cannot use."),
    )

    panels = [FieldPanel("contact_email"), FieldPanel("accessibility_email")]

    class Meta:
        verbose_name = _("site settings")
