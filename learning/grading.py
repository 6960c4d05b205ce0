"""Server-side grading. Answers are checked against the question they claim to answer (an id
that is not an option of that question is an error, not a wrong answer) and then scored by the
rule each question type states in its help text."""

import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from .errors import LearningError
from .quiz import Question, matching_token

MAX_TEXT_ANSWER = 500


class InvalidAnswer(LearningError):
    status = 400
    code = "invalid_answer"

    def __init__(self, message, *, question_id=None):
        super().__init__(message)
        self.question_id = question_id  # lets a form link its error summary to the question


def _invalid(q, number, message):
    return InvalidAnswer(
        _("Question %(number)s: %(problem)s") % {"number": number, "problem": message}, question_id=q.id
    )


def normalise_text(text: str) -> str:
    """Case-, width- and whitespace-insensitive form of a short answer."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def clean_answers(questions: list[Question], raw: dict, *, seed: int) -> dict:
    """Check a submitted ``{question id: answer}`` mapping and return it in stored form.

    Unanswered questions are allowed (they score zero); anything that could not come from the
    form or the documented API shape raises ``InvalidAnswer``.
    """
    if not isinstance(raw, dict):
        raise InvalidAnswer(_("The answers must be an object keyed by question id."))
    by_id = {q.id: (number, q) for number, q in enumerate(questions, start=1)}
    unknown = set(raw) - set(by_id)
    if unknown:
        raise InvalidAnswer(_("The answers name a question that is not in this quiz."))
    cleaned = {}
    for question_id, answer in raw.items():
        number, q = by_id[question_id]
        if answer is None or answer == "" or answer == [] or answer == {}:
            continue
        cleaned[question_id] = _clean_one(q, number, answer, seed)
    return cleaned


def _clean_one(q: Question, number: int, answer, seed: int):
    option_ids = {c.id for c in q.options}
    if q.kind == "single_choice":
        if not isinstance(answer, str) or answer not in option_ids:
            raise _invalid(q, number, _("choose one of the options given."))
        return answer
    if q.kind == "multiple_choice":
        if isinstance(answer, str):
            answer = [answer]
        if not isinstance(answer, list) or not all(isinstance(a, str) for a in answer):
            raise _invalid(q, number, _("choose among the options given."))
        if not set(answer) <= option_ids or len(set(answer)) != len(answer):
            raise _invalid(q, number, _("choose among the options given."))
        return sorted(answer)
    if q.kind == "true_false":
        # Identity, not equality: 1 == True, and a number is not an answer to true or false.
        if answer is True or answer == "true":
            return "true"
        if answer is False or answer == "false":
            return "false"
        raise _invalid(q, number, _("answer true or false."))
    if q.kind == "short_answer":
        if not isinstance(answer, str):
            raise _invalid(q, number, _("the answer must be text."))
        if len(answer) > MAX_TEXT_ANSWER:
            raise _invalid(
                q, number, _("the answer is longer than %(max)s characters.") % {"max": MAX_TEXT_ANSWER}
            )
        return answer.strip()
    if q.kind == "ordering":
        item_ids = [c.id for c in q.items]
        if not isinstance(answer, list) or sorted(map(str, answer)) != sorted(item_ids):
            raise _invalid(q, number, _("place every item exactly once."))
        return [str(a) for a in answer]
    if q.kind == "matching":
        tokens = {matching_token(seed, p.id) for p in q.pairs}
        pair_ids = {p.id for p in q.pairs}
        if not isinstance(answer, dict) or not set(answer) <= pair_ids:
            raise _invalid(q, number, _("match the prompts given."))
        if not all(isinstance(v, str) and v in tokens for v in answer.values()):
            raise _invalid(q, number, _("choose among the answers given."))
        return {k: v for k, v in answer.items() if v}
    raise _invalid(q, number, _("this question cannot be answered."))


@dataclass
class QuestionResult:
    question_id: str
    score: float
    max_score: int
    outcome: str  # "correct", "partial", "incorrect" or "unanswered"
    option_feedback: list[str] = field(default_factory=list)

    def as_dict(self):
        return {
            "question_id": self.question_id,
            "score": self.score,
            "max_score": self.max_score,
            "outcome": self.outcome,
            "option_feedback": self.option_feedback,
        }


def _fraction(q: Question, answer, seed: int) -> tuple[float, list[str]]:
    if q.kind == "single_choice":
        chosen = next(c for c in q.options if c.id == answer)
        return (1.0 if chosen.correct else 0.0), [chosen.feedback] if chosen.feedback else []
    if q.kind == "multiple_choice":
        chosen = [c for c in q.options if c.id in set(answer)]
        feedback = [c.feedback for c in chosen if c.feedback]
        correct_ids = {c.id for c in q.options if c.correct}
        if q.scoring == "all_or_nothing":
            return (1.0 if set(answer) == correct_ids else 0.0), feedback
        hits = sum(1 for c in chosen if c.correct)
        misses = len(chosen) - hits
        return max(0.0, (hits - misses) / len(correct_ids)), feedback
    if q.kind == "true_false":
        return (1.0 if (answer == "true") == q.correct_answer else 0.0), []
    if q.kind == "short_answer":
        accepted = {normalise_text(a) for a in q.accepted_answers}
        return (1.0 if normalise_text(answer) in accepted else 0.0), []
    if q.kind == "ordering":
        right = sum(1 for given, item in zip(answer, q.items, strict=True) if given == item.id)
        if q.scoring == "all_or_nothing":
            return (1.0 if right == len(q.items) else 0.0), []
        return right / len(q.items), []
    if q.kind == "matching":
        right = sum(1 for p in q.pairs if answer.get(p.id) == matching_token(seed, p.id))
        if q.scoring == "all_or_nothing":
            return (1.0 if right == len(q.pairs) else 0.0), []
        return right / len(q.pairs), []
    return 0.0, []


def grade_question(q: Question, answer, *, seed: int) -> QuestionResult:
    if answer is None:
        return QuestionResult(q.id, 0.0, q.points, "unanswered")
    fraction, feedback = _fraction(q, answer, seed)
    outcome = "correct" if fraction >= 1 else "partial" if fraction > 0 else "incorrect"
    return QuestionResult(q.id, round(fraction * q.points, 2), q.points, outcome, feedback)


@dataclass
class QuizResult:
    score: float
    max_score: int
    questions: list[QuestionResult]

    @property
    def percent(self) -> float:
        return round(100 * self.score / self.max_score, 1) if self.max_score else 0.0


def grade_quiz(questions: list[Question], answers: dict, *, seed: int) -> QuizResult:
    results = [grade_question(q, answers.get(q.id), seed=seed) for q in questions]
    return QuizResult(
        score=round(sum(r.score for r in results), 2),
        max_score=sum(r.max_score for r in results),
        questions=results,
    )
