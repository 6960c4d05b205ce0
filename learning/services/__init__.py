"""Every write of the learning plugin that has rules. Views, the API, tasks and commands call
these; they take keyword arguments, never a request, and raise ``learning.errors`` errors."""

from .assignments import assignment_apply, assignments_apply_open
from .attempts import attempt_for_user, quiz_attempt_start, quiz_attempt_submit
from .certificates import certificate_issue
from .enrollment import (
    enrollment_create,
    enrollment_refresh_completion,
    ensure_available,
    lesson_complete,
    lesson_visited,
    reflection_save,
)
from .quiz_import import quiz_import_questions
from .reminders import due_reminders_queue

__all__ = [
    "assignment_apply",
    "attempt_for_user",
    "ensure_available",
    "lesson_visited",
    "assignments_apply_open",
    "certificate_issue",
    "due_reminders_queue",
    "enrollment_create",
    "enrollment_refresh_completion",
    "lesson_complete",
    "quiz_attempt_start",
    "quiz_import_questions",
    "quiz_attempt_submit",
    "reflection_save",
]
