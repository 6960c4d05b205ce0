"""Signed links in registration emails: they work without logging in and name one registration
and one purpose. Each purpose has its own salt, so a cancellation link can never be used to
confirm (or the other way round), and a link only works on the registration it was made for.

Django's signed values separate their parts with ":", which Wagtail's page URLs do not allow
(a path segment is letters, digits, "_" and "-" only), so the signed value travels
base64url-encoded.
"""

import base64

from django.core import signing
from django.utils.translation import gettext_lazy as _

from .errors import NetworkError

CONFIRM, CANCEL = "confirm", "cancel"
PURPOSES = (CONFIRM, CANCEL)
_SALTS = {CONFIRM: "heart.network.registration.confirm", CANCEL: "heart.network.registration.cancel"}


class InvalidLink(NetworkError):
    code = "invalid_link"


class ExpiredLink(NetworkError):
    code = "expired_link"


def make_token(registration, purpose: str) -> str:
    signed = signing.TimestampSigner(salt=_SALTS[purpose]).sign(str(registration.pk))
    return base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")


def read_token(token: str, purpose: str, *, max_age=None) -> int:
    """The id of the registration ``token`` names, or an error that says why not."""
    if purpose not in _SALTS:
        raise InvalidLink(_("This link is not valid."))
    invalid = InvalidLink(_("This link is not valid. It may have been copied incompletely."))
    try:
        signed = base64.urlsafe_b64decode((token or "") + "=" * (-len(token or "") % 4)).decode("ascii")
        value = signing.TimestampSigner(salt=_SALTS[purpose]).unsign(signed, max_age=max_age)
    except signing.SignatureExpired as error:
        raise ExpiredLink(_("This link has expired. Register again to get a new one.")) from error
    except (signing.BadSignature, ValueError) as error:  # ValueError: not base64 or not ASCII
        raise invalid from error
    if not value.isdigit():
        raise invalid
    return int(value)
