from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "heart_site.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from heart_site import privacy

        from . import digest_sections
        from .privacy import erase_subscriptions, export_subscriptions

        digest_sections.register_builtin_sections()
        privacy.register(
            "notifications",
            label=_("Email subscriptions"),
            export=export_subscriptions,
            erase=erase_subscriptions,
        )
