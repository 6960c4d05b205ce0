"""The network plugin's settings and their defaults; a project overrides any of them."""

from django.conf import settings

DEFAULTS = {
    # Contacts nobody has touched for this many years are flagged for review (GDPR storage limit).
    "NETWORK_CONTACT_REVIEW_YEARS": 3,
    # Hours before an event starts that registered people get their reminder.
    "NETWORK_EVENT_REMINDER_HOURS": 24,
    # How long an emailed registration-confirmation link stays valid.
    "NETWORK_CONFIRMATION_MAX_AGE_DAYS": 7,
    "NETWORK_IMPORT_MAX_BYTES": 2_000_000,
    # Registrations by email per client address, against floods.
    "NETWORK_REGISTRATION_RATE": "10/h",
    "NETWORK_PAGE_SIZE": 30,
}


def setting(name):
    return getattr(settings, name, DEFAULTS[name])
