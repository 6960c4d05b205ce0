"""A quiz as plain data: read from a module's StreamField (or from one of its revisions),
shown to a participant without its key, and written back as block data by the GIFT import.

Grading, the HTML form, the API and the GIFT format all work on these dataclasses, so none of
them depends on how Wagtail stores blocks.
"""

import hashlib
import hmac
import random
import uuid
from dataclasses import dataclass, field, replace

QUESTION_KINDS = ("single_choice", "multiple_choice", "true_false", "short_answer", "ordering", "matching")


@dataclass
class Choice:
    """An option of a choice question, or an item of an ordering question."""

    id: str
    text: str
    correct: bool = False
    feedback: str = ""


@dataclass
class Pair:
    id: str
    prompt: str
    answer: str


@dataclass
class Question:
    id: str
    kind: str
    prompt: str
    points: int = 1
    feedback_correct: str = ""
    feedback_incorrect: str = ""
    general_feedback: str = ""
    scoring: str = "all_or_nothing"
    options: list[Choice] = field(default_factory=list)  # single and multiple choice
    correct_answer: bool | None = None  # true/false
    accepted_answers: list[str] = field(default_factory=list)  # short answer
    items: list[Choice] = field(default_factory=list)  # ordering, in the right order
    pairs: list[Pair] = field(default_factory=list)  # matching


def _list_items(list_value):
    """(id, value) for each item of a ListBlock value, new or legacy format."""
    bound = getattr(list_value, "bound_blocks", None)
    if bound is not None:
        return [(str(item.id), item.value) for item in bound]
    return [(str(uuid.uuid4()), value) for value in list_value]


def questions_from_stream(stream_value) -> list[Question]:
    questions = []
    for child in stream_value:
        value = child.value
        question = Question(
            id=str(child.id),
            kind=child.block_type,
            prompt=value.get("prompt") or "",
            points=int(value.get("points") or 1),
            feedback_correct=value.get("feedback_correct") or "",
            feedback_incorrect=value.get("feedback_incorrect") or "",
            general_feedback=value.get("general_feedback") or "",
            scoring=value.get("scoring") or "all_or_nothing",
        )
        if child.block_type in ("single_choice", "multiple_choice"):
            question.options = [
                Choice(
                    id=item_id,
                    text=item["text"],
                    correct=bool(item["correct"]),
                    feedback=item["feedback"] or "",
                )
                for item_id, item in _list_items(value["options"])
            ]
        elif child.block_type == "true_false":
            question.correct_answer = value["correct_answer"] == "true"
        elif child.block_type == "short_answer":
            question.accepted_answers = [text for _id, text in _list_items(value["accepted_answers"])]
        elif child.block_type == "ordering":
            question.items = [Choice(id=item_id, text=text) for item_id, text in _list_items(value["items"])]
        elif child.block_type == "matching":
            question.pairs = [
                Pair(id=item_id, prompt=pair["prompt"], answer=pair["answer"])
                for item_id, pair in _list_items(value["pairs"])
            ]
        questions.append(question)
    return questions


@dataclass(frozen=True)
class PinnedQuiz:
    """What grading and feedback need from one stored revision of a module: the questions and
    the quiz rules as that revision had them. Built once per ``QuizVersion`` and shared, so it
    is read-only: the questions' lists are tuples."""

    questions: tuple[Question, ...]
    pass_mark: int
    max_attempts: int  # 0: unlimited
    shuffle_options: bool
    feedback_timing: str
    score_bands: tuple[tuple[int, str], ...]  # (min_percent, feedback), highest first

    def band_feedback(self, percent) -> str:
        return band_feedback(self.score_bands, percent)


def score_bands_from_stream(stream_value) -> tuple[tuple[int, str], ...]:
    bands = ((int(band.value["min_percent"]), band.value["feedback"]) for band in stream_value)
    return tuple(sorted(bands, key=lambda band: band[0], reverse=True))


def band_feedback(bands, percent) -> str:
    """The feedback of the band with the highest starting score at or below ``percent``."""
    return next((feedback for min_percent, feedback in bands if percent >= min_percent), "")


def read_only(question: Question) -> Question:
    """A copy whose lists are tuples, for sharing between requests."""
    return replace(
        question,
        options=tuple(question.options),
        accepted_answers=tuple(question.accepted_answers),
        items=tuple(question.items),
        pairs=tuple(question.pairs),
    )


def questions_from_revision(revision) -> list[Question]:
    """The quiz exactly as it was in a saved revision of a module page."""
    from .blocks import QuizBlocks

    raw = revision.content.get("quiz") or []
    if isinstance(raw, str):
        import json

        raw = json.loads(raw)
    return questions_from_stream(QuizBlocks().to_python(raw))


def answer_key(questions: list[Question]) -> list[tuple]:
    """What decides grading, without wording: equal in a module and its translations."""
    key = []
    for q in questions:
        key.append(
            (
                q.id,
                q.kind,
                q.points,
                q.scoring,
                tuple((c.id, c.correct) for c in q.options),
                q.correct_answer,
                len(q.accepted_answers),
                tuple(c.id for c in q.items),
                tuple(p.id for p in q.pairs),
            )
        )
    return key


# --- Block data, for imports --------------------------------------------------------------


def _item(value):
    return {"type": "item", "id": str(uuid.uuid4()), "value": value}


def question_to_block_data(question: Question) -> dict:
    """Raw StreamField data for one question, as ``QuizBlocks`` stores it."""
    value = {
        "prompt": question.prompt,
        "points": question.points,
        "feedback_correct": question.feedback_correct,
        "feedback_incorrect": question.feedback_incorrect,
        "general_feedback": question.general_feedback,
    }
    if question.kind in ("single_choice", "multiple_choice"):
        value["options"] = [
            _item({"text": c.text, "correct": c.correct, "feedback": c.feedback}) for c in question.options
        ]
    if question.kind in ("multiple_choice", "ordering", "matching"):
        value["scoring"] = question.scoring
    if question.kind == "true_false":
        value["correct_answer"] = "true" if question.correct_answer else "false"
    elif question.kind == "short_answer":
        value["accepted_answers"] = [_item(text) for text in question.accepted_answers]
    elif question.kind == "ordering":
        value["items"] = [_item(c.text) for c in question.items]
    elif question.kind == "matching":
        value["pairs"] = [_item({"prompt": p.prompt, "answer": p.answer}) for p in question.pairs]
    return {"type": question.kind, "id": question.id or str(uuid.uuid4()), "value": value}


# --- What a participant sees ----------------------------------------------------------------


@dataclass
class PresentedQuestion:
    """A question without its key, in the order this attempt shows it."""

    id: str
    kind: str
    number: int
    prompt: str
    points: int
    options: list[tuple[str, str]] = field(default_factory=list)  # (id, text)
    items: list[tuple[str, str]] = field(default_factory=list)  # ordering: shuffled (id, text)
    prompts: list[tuple[str, str]] = field(default_factory=list)  # matching: (pair id, prompt)
    answers: list[tuple[str, str]] = field(default_factory=list)  # matching: (token, answer text)


def matching_token(seed: int, pair_id: str) -> str:
    """The value a matching answer carries in a form. Derived from the attempt's secret seed, so
    the page cannot tell which answer belongs to which prompt (both would otherwise carry the
    pair's id)."""
    return hmac.new(str(seed).encode(), pair_id.encode(), hashlib.sha256).hexdigest()[:12]


def _shuffled(values, seed, salt):
    values = list(values)
    random.Random(f"{seed}:{salt}").shuffle(values)
    return values


def present(questions: list[Question], *, seed: int, shuffle_options: bool) -> list[PresentedQuestion]:
    presented = []
    for number, q in enumerate(questions, start=1):
        options = [(c.id, c.text) for c in q.options]
        if shuffle_options:
            options = _shuffled(options, seed, q.id)
        shown = PresentedQuestion(
            id=q.id, kind=q.kind, number=number, prompt=q.prompt, points=q.points, options=options
        )
        if q.kind == "ordering":
            # Always shuffled: in the stored order they would be the answer.
            shown.items = _shuffled([(c.id, c.text) for c in q.items], seed, q.id)
        elif q.kind == "matching":
            shown.prompts = [(p.id, p.prompt) for p in q.pairs]
            shown.answers = _shuffled([(matching_token(seed, p.id), p.answer) for p in q.pairs], seed, q.id)
        presented.append(shown)
    return presented
