from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "heart_site.core"
    label = "core"
    verbose_name = _("HEART core")

    def ready(self):
        from . import page_cache, signal_handlers  # noqa: F401
