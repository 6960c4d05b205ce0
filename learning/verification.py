"""Looking up a certificate by its code, for the public verification page and the API alike.
Limited per client address: the codes are short enough that guessing at speed would find some."""

from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited

from .conf import setting
from .errors import LearningError, NotFound
from .models import Certificate
from .models.certificates import normalise_certificate_code


class RateLimited(LearningError):
    status = 429
    code = "rate_limited"


def certificate_for_code(request, code: str) -> Certificate:
    if is_ratelimited(
        request, group="learning-verify", key="ip", rate=setting("LEARNING_VERIFY_RATE"), increment=True
    ):
        raise RateLimited(_("Too many lookups. Wait a minute and try again."))
    certificate = Certificate.objects.filter(code=normalise_certificate_code(code)).first()
    if certificate is None:
        raise NotFound(_("No certificate has this code. Check that you typed it as printed."))
    return certificate
