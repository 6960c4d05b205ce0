import secrets
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..errors import Conflict, LearningError, NotAllowed, NotFound
from ..grading import clean_answers, grade_quiz
from ..models import Enrollment, QuizAttempt, QuizVersion, TrainingModulePage
from ..models.pages import MODULE_STREAM_FIELDS
from .enrollment import enrollment_create, enrollment_refresh_completion, ensure_available


class AttemptLimitReached(NotAllowed):
    code = "attempt_limit_reached"


class AlreadySubmitted(Conflict):
    code = "already_submitted"


def _enrollment_for(user, module):
    enrollment = (
        Enrollment.objects.select_for_update().filter(user=user, module_key=module.translation_key).first()
    )
    if enrollment is None:
        enrollment, _created = enrollment_create(user=user, module=module)
        enrollment = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
    return enrollment


def attempts_remaining(*, module, submitted_count):
    if not module.max_attempts:
        return None
    return max(0, module.max_attempts - submitted_count)


def quiz_attempt_start(*, user, module: TrainingModulePage) -> QuizAttempt:
    """Start an attempt, or return the one already open (a reload or a second tab resumes it).

    The attempt pins the module's live revision: it is graded against exactly the questions it
    showed, whatever editors publish meanwhile.
    """
    ensure_available(module)
    if not module.has_quiz or module.live_revision_id is None:
        raise NotFound(_("This module has no quiz."))
    try:
        with transaction.atomic():
            enrollment = _enrollment_for(user, module)
            open_attempt = (
                enrollment.attempts.filter(submitted_at__isnull=True)
                .select_related("quiz_version")
                .defer("quiz_version__content")
                .first()
            )
            if open_attempt is not None:
                return open_attempt
            submitted = enrollment.attempts.count()
            if module.max_attempts and submitted >= module.max_attempts:
                raise AttemptLimitReached(
                    _("You have used all %(count)s attempts at this quiz.") % {"count": module.max_attempts}
                )
            return QuizAttempt.objects.create(
                enrollment=enrollment,
                module=module,
                quiz_version=_quiz_version(module),
                number=submitted + 1,
                seed=secrets.randbits(62),
            )
    except IntegrityError:
        # Two starts raced past the checks (SQLite has no row locks): the constraint let one win.
        attempt = QuizAttempt.objects.filter(
            enrollment__user=user, enrollment__module_key=module.translation_key, submitted_at__isnull=True
        ).first()
        if attempt is None:
            raise
        return attempt


def _quiz_version(module):
    """The stored copy of the module's live revision: looked up by the revision's id, so the
    revision itself (the whole page as JSON) is read only the first time."""
    version = QuizVersion.objects.filter(revision_number=module.live_revision_id).defer("content").first()
    if version is None:
        revision = module.live_revision
        with transaction.atomic():
            version, _created = QuizVersion.objects.get_or_create(
                revision_number=revision.pk,
                defaults={"module": module, "revision": revision, "content": revision.content},
            )
    return version


def attempt_for_user(*, user, attempt_id: int, module: TrainingModulePage | None = None) -> QuizAttempt:
    """The participant's own attempt; anyone else's is reported as not found. The pinned
    version's content and the module's StreamFields are left unread: the parsed quiz comes
    from ``QuizVersion.quiz()``, which reads the content only when it has not parsed it yet."""
    attempt = (
        QuizAttempt.objects.select_related("enrollment", "quiz_version", "module")
        .defer("quiz_version__content", *(f"module__{name}" for name in MODULE_STREAM_FIELDS))
        .filter(pk=attempt_id, enrollment__user=user)
        .first()
    )
    if attempt is None or (module is not None and attempt.enrollment.module_key != module.translation_key):
        raise NotFound(_("There is no such attempt."))
    return attempt


def quiz_attempt_submit(*, user, attempt_id: int, answers: dict) -> QuizAttempt:
    """Grade an attempt once, against the revision it was started on. A second submission,
    concurrent or later, changes nothing and gets ``AlreadySubmitted``.

    The attempt returned carries what was written, and its enrolment's ``completed_at`` is
    current, so feedback needs no second read of either row."""
    attempt = attempt_for_user(user=user, attempt_id=attempt_id)
    if attempt.is_submitted:
        raise AlreadySubmitted(_("This attempt has already been submitted."))
    module = attempt.module
    ensure_available(module)
    quiz = attempt.quiz_version.quiz()
    cleaned = clean_answers(quiz.questions, answers, seed=attempt.seed)
    result = grade_quiz(quiz.questions, cleaned, seed=attempt.seed)
    passed = result.percent >= quiz.pass_mark
    graded = {
        "submitted_at": timezone.now(),
        "answers": cleaned,
        "results": [r.as_dict() for r in result.questions],
        # Quantized as the columns store them, so the values kept below equal a fresh read.
        "score": Decimal(str(result.score)).quantize(Decimal("0.01")),
        "max_score": result.max_score,
        "percent": Decimal(str(result.percent)).quantize(Decimal("0.1")),
        "passed": passed,
    }
    with transaction.atomic():
        # The condition on submitted_at makes this the single point where an attempt is graded:
        # of two concurrent submissions exactly one updates the row.
        updated = QuizAttempt.objects.filter(pk=attempt.pk, submitted_at__isnull=True).update(**graded)
        if not updated:
            raise AlreadySubmitted(_("This attempt has already been submitted."))
        Enrollment.objects.filter(pk=attempt.enrollment_id).update(last_activity_at=graded["submitted_at"])
        if passed:
            enrollment_refresh_completion(enrollment=attempt.enrollment, module=module, quiz_passed=True)
    for name, value in graded.items():
        setattr(attempt, name, value)
    attempt.enrollment.last_activity_at = graded["submitted_at"]
    return attempt


__all__ = [
    "AlreadySubmitted",
    "AttemptLimitReached",
    "LearningError",
    "attempt_for_user",
    "attempts_remaining",
    "quiz_attempt_start",
    "quiz_attempt_submit",
]
