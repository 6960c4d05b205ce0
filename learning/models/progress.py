"""A participant's progress. Progress belongs to a module in every language at once: rows name
modules and lessons by their wagtail-localize translation key, so switching language keeps
what was done."""

import threading
from collections import OrderedDict

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..quiz import PinnedQuiz, questions_from_stream, read_only, score_bands_from_stream
from .deletion import move_to_another_language


class EnrollmentQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user=user)

    def open(self):
        return self.filter(completed_at__isnull=True)


class Enrollment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learning_enrollments"
    )
    # The module in the language the participant enrolled in; progress counts for all languages.
    module = models.ForeignKey(
        "learning.TrainingModulePage", on_delete=move_to_another_language, related_name="+"
    )
    module_key = models.UUIDField(db_index=True)
    assignment = models.ForeignKey(
        "learning.Assignment", null=True, blank=True, on_delete=models.SET_NULL, related_name="enrollments"
    )
    enrolled_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    due_date = models.DateField(null=True, blank=True)
    remind_on = models.DateField(null=True, blank=True, db_index=True)
    reminder_queued_at = models.DateTimeField(null=True, blank=True)
    last_lesson = models.ForeignKey(
        "learning.LessonPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_activity_at = models.DateTimeField(null=True, blank=True)

    objects = EnrollmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["user", "module_key"], name="one_enrollment_per_module")
        ]
        permissions = [
            ("view_learning_reports", _("Can view learning reports")),
        ]

    def __str__(self):
        return f"{self.user} – {self.module_id}"

    @property
    def is_completed(self):
        return self.completed_at is not None


class LessonCompletion(models.Model):
    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="lesson_completions")
    lesson_key = models.UUIDField()
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["enrollment", "lesson_key"], name="one_completion_per_lesson")
        ]

    def __str__(self):
        return f"{self.enrollment_id}: {self.lesson_key}"


class ReflectionAnswer(models.Model):
    """A participant's own answer to a reflection question. Nobody else reads it: there is no
    admin view of these and no report uses them."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    lesson_key = models.UUIDField()
    block_id = models.CharField(max_length=36)
    text = models.TextField(max_length=5000)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson_key", "block_id"], name="one_reflection_per_question"
            )
        ]

    def __str__(self):
        return f"{self.user_id}: {self.lesson_key}/{self.block_id}"


class QuizVersion(models.Model):
    """The quiz exactly as one published revision of a module had it, kept for the attempts
    taken against it. Wagtail may purge old revisions (``purge_revisions``); the copy here
    lives as long as the module, so an attempt is always graded against what it showed."""

    module = models.ForeignKey(
        "learning.TrainingModulePage", on_delete=move_to_another_language, related_name="+"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revision_number = models.PositiveBigIntegerField(
        unique=True, help_text="The id of the revision, kept when the revision itself is purged."
    )
    content = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.module_id} @ revision {self.revision_number}"

    def as_module(self):
        """The module page as it was in that revision (fields only; the tree is today's)."""
        return self.module.with_content_json(self.content)

    def quiz(self) -> PinnedQuiz:
        """The questions and rules of that revision. Grading and feedback need only these, so
        they are read straight from ``content`` (``as_module`` costs nine queries), and parsed
        once per process: ``content`` never changes once written."""
        return _parsed_quizzes.get(self)


class _ParsedQuizzes:
    """A small LRU of ``PinnedQuiz`` by version. The key holds ``created_at`` as well as the
    primary key, so a key reused after a rolled-back insert (SQLite) or a flushed test
    database never finds another version's quiz. Thread-safe for gthread workers."""

    def __init__(self, size):
        self.size = size
        self.entries = OrderedDict()
        self.lock = threading.Lock()

    def get(self, version) -> PinnedQuiz:
        key = (version.pk, version.created_at)
        with self.lock:
            quiz = self.entries.get(key)
            if quiz is not None:
                self.entries.move_to_end(key)
                return quiz
        quiz = _quiz_from_content(version.content)  # outside the lock: a race only parses twice
        with self.lock:
            self.entries[key] = quiz
            if len(self.entries) > self.size:
                self.entries.popitem(last=False)
        return quiz


# A version's quiz is a few kilobytes parsed; 256 covers every quiz a site runs at once.
_parsed_quizzes = _ParsedQuizzes(size=256)


def _quiz_from_content(content) -> PinnedQuiz:
    """Each field as ``Page.with_content_json`` restores it (``field.to_python``, the model's
    default when the revision predates the field), without building the page."""
    from .pages import TrainingModulePage

    def value(name):
        field = TrainingModulePage._meta.get_field(name)
        return field.to_python(content[name]) if name in content else field.get_default()

    return PinnedQuiz(
        questions=tuple(read_only(q) for q in questions_from_stream(value("quiz"))),
        pass_mark=value("pass_mark"),
        max_attempts=value("max_attempts"),
        shuffle_options=value("shuffle_options"),
        feedback_timing=value("feedback_timing"),
        score_bands=score_bands_from_stream(value("score_bands")),
    )


class QuizAttempt(models.Model):
    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="attempts")
    # The module page taken (its language) and the revision its questions came from; grading
    # reads the questions from that version, never from the live page.
    module = models.ForeignKey(
        "learning.TrainingModulePage", on_delete=move_to_another_language, related_name="+"
    )
    quiz_version = models.ForeignKey(QuizVersion, on_delete=models.CASCADE, related_name="attempts")
    number = models.PositiveSmallIntegerField()
    seed = models.BigIntegerField(
        help_text="Secret per attempt: orders the options and hides matching pairs."
    )
    started_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    answers = models.JSONField(default=dict, blank=True)
    results = models.JSONField(default=list, blank=True)
    score = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    max_score = models.PositiveIntegerField(null=True, blank=True)
    percent = models.DecimalField(max_digits=5, decimal_places=1, null=True, blank=True)
    passed = models.BooleanField(default=False)

    class Meta:
        ordering = ["enrollment", "number"]
        constraints = [
            models.UniqueConstraint(fields=["enrollment", "number"], name="unique_attempt_number"),
            # At most one unfinished attempt per participant and module, even under races.
            models.UniqueConstraint(
                fields=["enrollment"], condition=Q(submitted_at__isnull=True), name="one_open_attempt"
            ),
        ]

    def __str__(self):
        return f"{self.enrollment_id} #{self.number}"

    @property
    def is_submitted(self):
        return self.submitted_at is not None

    @property
    def revision_number(self):
        return self.quiz_version.revision_number

    def pinned_module(self):
        """The module as the revision this attempt was started against had it."""
        if not hasattr(self, "_pinned_module"):
            self._pinned_module = self.quiz_version.as_module()
        return self._pinned_module
