"""Checking submitted answers against a pinned questionnaire and turning them into ``Answer``
rows. Nothing a client sends reaches the database unchecked: unknown keys are ignored, option
and step keys must exist, numbers must be in range, texts have a length limit, and answers to
questions that the respondent's own answers hid are dropped.

Answers travel (in forms, drafts and the API) as one mapping from question key to a value:
likert and single choice: an option key; multiple choice: a list of option keys; texts: a
string; number: a number; matrix: {statement key: step key}; competence: {theme key:
{"current": step key, "importance": step key}}. ``NOT_APPLICABLE`` stands for "don't know /
not applicable", for a whole question or (matrix and competence) for one row or rating.
"""

import math
from dataclasses import dataclass

from django.utils.translation import gettext

from .errors import MappingError
from .questionnaire import ASPECTS, Question, Questionnaire, visible_keys

NOT_APPLICABLE = "_na"  # keys start with a letter or digit, so no option can be called this
SHORT_TEXT_MAX = 500
LONG_TEXT_MAX = 5000


class InvalidAnswers(MappingError):
    code = "invalid_answers"

    def __init__(self, message, errors):
        super().__init__(message)
        self.errors = errors  # {question key: message}


@dataclass(frozen=True)
class AnswerRow:
    question_key: str
    item_key: str = ""
    aspect: str = ""
    option_key: str = ""
    number: float | None = None
    text: str = ""
    not_applicable: bool = False


class _Invalid(Exception):
    pass


def _empty(value):
    return value is None or value == "" or value == [] or value == {}


def _choice(question, value, keys):
    if value == NOT_APPLICABLE and question.allows_not_applicable:
        return NOT_APPLICABLE
    if not isinstance(value, str) or value not in keys:
        raise _Invalid(gettext("Choose one of the options given."))
    return value


def _multiple(question, value):
    if value == NOT_APPLICABLE or value == [NOT_APPLICABLE]:
        return _choice(question, NOT_APPLICABLE, ())
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or len(value) > len(question.options):
        raise _Invalid(gettext("Choose among the options given."))
    chosen = {_choice(question, item, question.option_keys) for item in value if item != ""}
    return [key for key, _label in question.options if key in chosen]  # in the questionnaire's order


def _text(question, value):
    if value == NOT_APPLICABLE and question.allows_not_applicable:
        return NOT_APPLICABLE
    if not isinstance(value, str):
        raise _Invalid(gettext("Write your answer as text."))
    value = value.replace("\r\n", "\n").strip()
    limit = SHORT_TEXT_MAX if question.type == "short_text" else LONG_TEXT_MAX
    if len(value) > limit:
        raise _Invalid(
            gettext("Write at most %(limit)s characters (you wrote %(count)s).")
            % {
                "limit": limit,
                "count": len(value),
            }
        )
    if "\x00" in value:
        raise _Invalid(gettext("The text contains a character that cannot be stored."))
    return value or None


def _number(question, value):
    if value == NOT_APPLICABLE and question.allows_not_applicable:
        return NOT_APPLICABLE
    if isinstance(value, str):
        text = value.strip().replace(" ", "").replace("\u2212", "-").replace(",", ".")
        if not text:
            return None
        try:
            value = float(text) if len(text) <= 30 else math.nan
        except ValueError:
            value = math.nan
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise _Invalid(gettext("Enter a number."))
    if question.whole_number:
        if value != int(value):
            raise _Invalid(gettext("Enter a whole number."))
        value = int(value)
    if question.min_value is not None and value < question.min_value:
        raise _Invalid(gettext("Enter a number of at least %(min)s.") % {"min": _shown(question.min_value)})
    if question.max_value is not None and value > question.max_value:
        raise _Invalid(gettext("Enter a number of at most %(max)s.") % {"max": _shown(question.max_value)})
    return value


def _shown(number):
    return int(number) if number == int(number) else number


def _step(question, value):
    if value == NOT_APPLICABLE and question.allows_not_applicable:
        return NOT_APPLICABLE
    if not isinstance(value, str) or value not in question.scale_keys:
        raise _Invalid(gettext("Choose a step of the scale."))
    return value


def _rows(question, value):
    if value == NOT_APPLICABLE and question.allows_not_applicable:
        return NOT_APPLICABLE
    if not isinstance(value, dict) or len(value) > len(question.items):
        raise _Invalid(gettext("Answer for the statements given."))
    cleaned = {}
    for item_key, _label in question.items:
        rating = value.get(item_key)
        if _empty(rating):
            continue
        if question.type == "matrix":
            cleaned[item_key] = _step(question, rating)
            continue
        if rating == NOT_APPLICABLE:
            rating = dict.fromkeys(ASPECTS, NOT_APPLICABLE)
        if not isinstance(rating, dict):
            raise _Invalid(gettext("Rate both the current level and the importance."))
        pair = {
            aspect: _step(question, rating[aspect]) for aspect in ASPECTS if not _empty(rating.get(aspect))
        }
        if pair:
            cleaned[item_key] = pair
    if set(value) - question.item_keys:
        raise _Invalid(gettext("Answer for the statements given."))
    return cleaned or None


def _complete(question, value):
    """Whether a required question's answer is whole (every row, both ratings)."""
    if value == NOT_APPLICABLE or question.type not in ("matrix", "competence"):
        return True
    if question.type == "matrix":
        return set(value) == question.item_keys
    return set(value) == question.item_keys and all(len(pair) == len(ASPECTS) for pair in value.values())


def _clean_one(question: Question, value):
    if _empty(value):
        return None
    if question.type in ("likert", "single"):
        return _choice(question, value, question.option_keys)
    if question.type == "multiple":
        return _multiple(question, value) or None
    if question.type in ("short_text", "long_text"):
        return _text(question, value)
    if question.type == "number":
        return _number(question, value)
    return _rows(question, value)


def clean_answers(questionnaire: Questionnaire, answers, *, check_required=None) -> dict:
    """The answers, checked and normalised, or ``InvalidAnswers`` naming each question at fault.

    ``check_required=None`` is a submission: every shown required question must be answered
    and answers to hidden questions are dropped. A set of keys (a step) checks only those
    questions' required answers and keeps the rest as they are, as a draft does (empty set).
    """
    if not isinstance(answers, dict):
        raise InvalidAnswers(gettext("The answers could not be read."), {})
    cleaned, errors = {}, {}
    for question in questionnaire.questions:
        try:
            value = _clean_one(question, answers.get(question.key))
        except _Invalid as error:
            errors[question.key] = str(error)
            continue
        if value is not None:
            cleaned[question.key] = value
    shown = visible_keys(questionnaire, cleaned)
    submitting = check_required is None
    required_keys = shown if submitting else set(check_required) & shown
    for question in questionnaire.questions:
        if question.key not in required_keys or not question.required or question.key in errors:
            continue
        value = cleaned.get(question.key)
        if value is None or not _complete(question, value):
            errors[question.key] = gettext("Answer this question.")
    if submitting:
        errors = {key: message for key, message in errors.items() if key in shown}
        cleaned = {key: value for key, value in cleaned.items() if key in shown}
    if errors:
        raise InvalidAnswers(gettext("Some answers need your attention."), errors)
    return cleaned


def answer_rows(questionnaire: Questionnaire, cleaned: dict) -> list[AnswerRow]:
    """``Answer`` rows for checked answers. Scale steps and Likert values are stored both as
    their key and as their number, so reports can count and average in SQL."""
    rows = []
    for question in questionnaire.questions:
        value = cleaned.get(question.key)
        if value is None:
            continue
        key = question.key
        if value == NOT_APPLICABLE:
            rows.append(AnswerRow(key, not_applicable=True))
        elif question.type == "likert":
            rows.append(AnswerRow(key, option_key=value, number=float(value)))
        elif question.type == "single":
            rows.append(AnswerRow(key, option_key=value))
        elif question.type == "multiple":
            rows.extend(AnswerRow(key, option_key=option) for option in value)
        elif question.type in ("short_text", "long_text"):
            rows.append(AnswerRow(key, text=value))
        elif question.type == "number":
            rows.append(AnswerRow(key, number=float(value)))
        elif question.type == "matrix":
            rows.extend(_step_row(key, item, "", step) for item, step in value.items())
        else:
            rows.extend(
                _step_row(key, item, aspect, step)
                for item, pair in value.items()
                for aspect, step in pair.items()
            )
    return rows


def _step_row(question_key, item_key, aspect, step):
    if step == NOT_APPLICABLE:
        return AnswerRow(question_key, item_key=item_key, aspect=aspect, not_applicable=True)
    return AnswerRow(question_key, item_key=item_key, aspect=aspect, option_key=step, number=float(step))
