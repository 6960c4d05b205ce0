from django.db import IntegrityError, transaction
from django.utils import translation

from ..models import Certificate


def certificate_issue(*, enrollment, module) -> Certificate:
    """Issue the certificate for a completed enrolment, once. The name is the participant's as
    it is now; the title is the module's in the language they completed it in."""
    user = enrollment.user
    existing = Certificate.objects.filter(user=user, module_key=enrollment.module_key).first()
    if existing is not None:
        return existing
    enrolled_module = enrollment.module
    try:
        with transaction.atomic():
            return Certificate.objects.create(
                user=user,
                module=enrolled_module,
                module_key=enrollment.module_key,
                # The title in the certificate's language, so the PDF is in one language.
                module_title=module.title,
                participant_name=user.full_name or user.get_username(),
                language=module.locale.language_code or translation.get_language(),
            )
    except IntegrityError:
        return Certificate.objects.get(user=user, module_key=enrollment.module_key)
