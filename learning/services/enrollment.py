from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import selectors
from ..errors import LearningError, NotAllowed, NotFound
from ..models import Enrollment, LessonCompletion, LessonPage, ReflectionAnswer, TrainingModulePage

MAX_REFLECTION_LENGTH = 5000


class PrerequisitesMissing(NotAllowed):
    code = "prerequisites_missing"


def ensure_available(module: TrainingModulePage) -> None:
    """Unpublished or restricted modules do not exist as far as participants are concerned."""
    if not module.live or module.get_view_restrictions().exists():
        raise NotFound(_("This training module is not available."))


@transaction.atomic
def enrollment_create(*, user, module: TrainingModulePage, assignment=None, due_date=None):
    """Enrol ``user`` in ``module`` (in all its languages). Returns ``(enrollment, created)``.

    A participant enrolling themselves must have completed the prerequisites; an assignment
    is staff's decision and skips that check.
    """
    ensure_available(module)
    existing = Enrollment.objects.filter(user=user, module_key=module.translation_key).first()
    if existing is None and assignment is None:
        missing = selectors.missing_prerequisites(user=user, module=module)
        if missing:
            raise PrerequisitesMissing(
                _("Complete these modules first: %(modules)s.")
                % {"modules": ", ".join(m.title for m in missing)}
            )
    if existing is not None:
        if assignment is not None and existing.completed_at is None:
            _set_due_date(existing, assignment=assignment, due_date=due_date)
            existing.save(update_fields=["assignment", "due_date", "remind_on", "reminder_queued_at"])
        return existing, False
    enrollment = Enrollment(user=user, module=module, module_key=module.translation_key)
    if assignment is not None:
        _set_due_date(enrollment, assignment=assignment, due_date=due_date)
    try:
        with transaction.atomic():
            enrollment.save()
    except IntegrityError:
        # A double submit or a concurrent request enrolled first: the result is the same.
        return Enrollment.objects.get(user=user, module_key=module.translation_key), False
    return enrollment, True


def _set_due_date(enrollment, *, assignment, due_date):
    import datetime

    due_date = due_date or assignment.due_date
    if enrollment.due_date != due_date:
        enrollment.reminder_queued_at = None
    enrollment.assignment = assignment
    enrollment.due_date = due_date
    enrollment.remind_on = due_date - datetime.timedelta(days=assignment.reminder_days_before)


def _lesson_module(lesson: LessonPage) -> TrainingModulePage:
    module = lesson.get_parent().specific
    if not isinstance(module, TrainingModulePage):
        raise LearningError(_("This lesson does not belong to a training module."))
    return module


@transaction.atomic
def lesson_complete(*, user, lesson: LessonPage):
    """Mark a lesson done, enrolling the participant if needed. Safe to repeat."""
    ensure_available(lesson)
    module = _lesson_module(lesson)
    enrollment, _created = enrollment_create(user=user, module=module)
    LessonCompletion.objects.get_or_create(enrollment=enrollment, lesson_key=lesson.translation_key)
    Enrollment.objects.filter(pk=enrollment.pk).update(last_lesson=lesson, last_activity_at=timezone.now())
    enrollment.refresh_from_db()
    if enrollment_refresh_completion(enrollment=enrollment, module=module):
        enrollment.refresh_from_db(fields=["completed_at"])
    return enrollment


def lesson_visited(*, user, lesson: LessonPage) -> None:
    """Remember where an enrolled participant was, for "continue where you left off"."""
    Enrollment.objects.filter(user=user, module_key=lesson.get_parent().translation_key).update(
        last_lesson=lesson, last_activity_at=timezone.now()
    )


@transaction.atomic
def reflection_save(*, user, lesson: LessonPage, block_id: str, text: str) -> ReflectionAnswer | None:
    ensure_available(lesson)
    if block_id not in lesson.reflection_block_ids():
        raise NotFound(_("This reflection question is not on the lesson."))
    if len(text) > MAX_REFLECTION_LENGTH:
        raise LearningError(
            _("Your answer is longer than %(max)s characters. Shorten it and save again.")
            % {"max": MAX_REFLECTION_LENGTH}
        )
    if not text.strip():
        ReflectionAnswer.objects.filter(
            user=user, lesson_key=lesson.translation_key, block_id=block_id
        ).delete()
        return None
    answer, _created = ReflectionAnswer.objects.update_or_create(
        user=user, lesson_key=lesson.translation_key, block_id=block_id, defaults={"text": text}
    )
    return answer


# No savepoint of its own: every caller runs it inside its own transaction and lets its
# errors through, which rolls that transaction back whole.
@transaction.atomic(savepoint=False)
def enrollment_refresh_completion(*, enrollment: Enrollment, module: TrainingModulePage, quiz_passed=False):
    """Complete the enrolment when every lesson is done and the quiz (if any) is passed, and
    issue the certificate the module promises. Returns True when it completed now.

    ``quiz_passed``: the caller has just graded a passing attempt in this transaction, so the
    quiz requirement is met without asking. ``enrollment.completed_at`` is brought up to date."""
    from .certificates import certificate_issue

    locked = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
    enrollment.completed_at = locked.completed_at
    if locked.completed_at is not None:
        return False
    if not selectors.requirements_met(enrollment=locked, module=module, quiz_passed=quiz_passed):
        return False
    locked.completed_at = enrollment.completed_at = timezone.now()
    locked.save(update_fields=["completed_at"])
    if module.issues_certificate:
        certificate_issue(enrollment=locked, module=module)
    return True
