from django.db import transaction
from django.utils import timezone

from heart_site.notifications.services.reminders import reminder_queue

from ..models import Enrollment


def due_reminders_queue(*, today=None) -> int:
    """Queue one reminder per enrolment whose reminder day has come, before its due date, if the
    module is not completed. The outbox's dedupe key (enrolment and due date) and the
    ``reminder_queued_at`` mark, written in the same transaction, make it once only, even when
    two beats run this at the same time."""
    today = today or timezone.localdate()
    due = (
        Enrollment.objects.filter(
            remind_on__lte=today,
            due_date__gte=today,
            completed_at__isnull=True,
            reminder_queued_at__isnull=True,
        )
        .select_related("user", "module", "module__locale")
        .order_by("pk")
    )
    queued = 0
    for enrollment in due:
        with transaction.atomic():
            user = enrollment.user
            if not user.is_active or not user.email:
                continue
            language = user.preferred_language or enrollment.module.locale.language_code
            module = _module_in(enrollment.module, language)
            _message, created = reminder_queue(
                dedupe_key=f"learning:due:{enrollment.pk}:{enrollment.due_date.isoformat()}",
                to=user.email,
                language=language,
                template="learning/email/due_reminder",
                context={
                    "name": user.full_name or user.get_username(),
                    "module_title": module.title,
                    "module_url": module.get_full_url(),
                    "due_date": enrollment.due_date,
                    "days_left": (enrollment.due_date - today).days,
                },
                kind="learning_due_reminder",
            )
            Enrollment.objects.filter(pk=enrollment.pk).update(reminder_queued_at=timezone.now())
            queued += int(created)
    return queued


def _module_in(module, language):
    from wagtail.models import Locale

    locale = Locale.objects.filter(language_code=language).first()
    if locale is None or locale.pk == module.locale_id:
        return module
    translated = module.get_translation_or_none(locale)
    return translated if translated is not None and translated.live else module
