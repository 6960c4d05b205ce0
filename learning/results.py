"""What a participant is told after an attempt: the score and the band feedback always; the
per-question feedback and the right answers only when the module's rule allows it (after each
attempt, or once no attempt is left or the quiz is passed), so a participant who may try again
does not get the key from the first try."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .models import Certificate, TrainingModulePage
from .quiz import Question, matching_token


@dataclass
class QuestionFeedback:
    id: str
    number: int
    kind: str
    prompt: str
    score: float
    max_score: int
    outcome: str
    feedback: list[str] = field(default_factory=list)
    your_answer: list[str] = field(default_factory=list)
    correct_answer: list[str] = field(default_factory=list)
    correct_answer_data: object = None

    @property
    def outcome_label(self):
        return {
            "correct": _("Correct"),
            "partial": _("Partly correct"),
            "incorrect": _("Incorrect"),
            "unanswered": _("Not answered"),
        }[self.outcome]


@dataclass
class AttemptFeedback:
    attempt: object
    band_feedback: str
    details_visible: bool
    module_completed: bool
    certificate: Certificate | None
    attempts_remaining: int | None
    questions: list[QuestionFeedback]


def _answer_texts(q: Question, answer, seed):
    if answer is None:
        return []
    if q.kind in ("single_choice", "multiple_choice"):
        chosen = {answer} if isinstance(answer, str) else set(answer)
        return [c.text for c in q.options if c.id in chosen]
    if q.kind == "true_false":
        return [_("True") if answer == "true" else _("False")]
    if q.kind == "short_answer":
        return [answer]
    if q.kind == "ordering":
        texts = {c.id: c.text for c in q.items}
        return [texts[i] for i in answer]
    if q.kind == "matching":
        answers = {matching_token(seed, p.id): p.answer for p in q.pairs}
        return [f"{p.prompt} → {answers.get(answer.get(p.id), '–')}" for p in q.pairs]
    return []


def _correct(q: Question, seed):
    """The right answer as text for the page and as data for the API."""
    if q.kind in ("single_choice", "multiple_choice"):
        right = [c for c in q.options if c.correct]
        data = right[0].id if q.kind == "single_choice" else [c.id for c in right]
        return [c.text for c in right], data
    if q.kind == "true_false":
        return [_("True") if q.correct_answer else _("False")], q.correct_answer
    if q.kind == "short_answer":
        return list(q.accepted_answers), list(q.accepted_answers)
    if q.kind == "ordering":
        return [c.text for c in q.items], [c.id for c in q.items]
    if q.kind == "matching":
        return [f"{p.prompt} → {p.answer}" for p in q.pairs], {
            p.id: matching_token(seed, p.id) for p in q.pairs
        }
    return [], None


def attempt_feedback(*, attempt) -> AttemptFeedback:
    """From the attempt as ``attempt_for_user`` or ``quiz_attempt_submit`` returns it: its
    enrolment is read with it and kept current, and the quiz comes from its pinned version."""
    quiz = attempt.quiz_version.quiz()
    enrollment = attempt.enrollment
    remaining = None
    if quiz.max_attempts:
        submitted = enrollment.attempts.filter(submitted_at__isnull=False).count()
        remaining = max(0, quiz.max_attempts - submitted)
    details_visible = (
        quiz.feedback_timing == TrainingModulePage.FeedbackTiming.EACH_ATTEMPT
        or attempt.passed
        or remaining == 0
    )
    results = {r["question_id"]: r for r in attempt.results}
    shown = []
    for number, q in enumerate(quiz.questions, start=1):
        result = results.get(
            q.id, {"score": 0, "max_score": q.points, "outcome": "unanswered", "option_feedback": []}
        )
        answer = attempt.answers.get(q.id)
        item = QuestionFeedback(
            id=q.id,
            number=number,
            kind=q.kind,
            prompt=q.prompt,
            score=result["score"],
            max_score=result["max_score"],
            outcome=result["outcome"],
            your_answer=_answer_texts(q, answer, attempt.seed),
        )
        if details_visible:
            item.feedback = list(result.get("option_feedback", []))
            extra = q.feedback_correct if result["outcome"] == "correct" else q.feedback_incorrect
            item.feedback += [text for text in (extra, q.general_feedback) if text]
            item.correct_answer, item.correct_answer_data = _correct(q, attempt.seed)
        shown.append(item)
    return AttemptFeedback(
        attempt=attempt,
        band_feedback=quiz.band_feedback(float(attempt.percent or 0)),
        details_visible=details_visible,
        module_completed=enrollment.completed_at is not None,
        certificate=Certificate.objects.filter(
            user_id=enrollment.user_id, module_key=enrollment.module_key
        ).first(),
        attempts_remaining=remaining,
        questions=shown,
    )
