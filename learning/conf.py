"""The plugin's settings and their defaults; a project overrides any of them in its settings."""

from django.conf import settings

DEFAULTS = {
    # Days before a due date that a participant without an assignment-specific rule is reminded.
    "LEARNING_DUE_REMINDER_DAYS": 3,
    "LEARNING_GIFT_MAX_BYTES": 1_000_000,
    # A TrueType font with the glyphs of every participant's name (Debian: fonts-dejavu-core).
    # Without it the certificate falls back to the PDF core font, which covers Latin-1 only.
    "LEARNING_CERTIFICATE_FONT": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "LEARNING_CERTIFICATE_FONT_BOLD": "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    # Verification lookups per client address, against guessing codes.
    "LEARNING_VERIFY_RATE": "30/m",
    "LEARNING_MODULES_PER_PAGE": 20,
}


def setting(name):
    return getattr(settings, name, DEFAULTS[name])
