from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "heart_site.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from heart_site import privacy

        from .privacy import erase_account, export_account

        privacy.register("account", label=_("Your account"), export=export_account, erase=erase_account)
