from django.utils.translation import gettext_lazy as _

MESSAGES = {
    "invalid_link": _("This link is not valid. It may have been copied incompletely."),
    "expired_link": _("This link has expired. Subscribe again to get a new one."),
    "unknown_subscription": _("We could not find that subscription. It may already have been removed."),
    "already_confirmed": _("Your subscription is already confirmed."),
    "unsubscribed": _("This subscription has ended. Subscribe again if you want the digest back."),
    "only_failed_can_be_retried": _("Only a failed or unconfirmed message can be retried."),
}


class NotificationError(Exception):
    """A rule was broken; ``code`` picks the translated message shown to the person."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code

    @property
    def message(self):
        return MESSAGES[self.code]
