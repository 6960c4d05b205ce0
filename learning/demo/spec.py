"""How the demo texts are written down, and how they become StreamField data.

Every translatable text is a ``T(sv, en)`` pair, so a module is written once with both
languages side by side and its answer key (flags, points, order) exists only once. ``to_raw``
picks one language and gives every block and list item an id; ``overlay`` puts the English
wording onto the copy that ``copy_for_translation`` made, keeping that copy's ids, flags,
points and choices, which is what wagtail-localize does when a translator translates a page.
"""

import uuid
from dataclasses import dataclass


@dataclass(frozen=True)
class T:
    sv: str
    en: str

    def pick(self, language):
        return getattr(self, language)


# Values in these keys decide grading or layout; a translation never changes them.
KEPT_KEYS = {"id", "type", "correct", "correct_answer", "scoring", "points", "level", "min_percent"}


def to_raw(spec, language):
    """``spec`` in one language, as raw StreamField data with fresh ids."""
    if isinstance(spec, T):
        return spec.pick(language)
    if isinstance(spec, dict):
        raw = {key: to_raw(value, language) for key, value in spec.items()}
        if "type" in raw and "value" in raw:
            raw["id"] = str(uuid.uuid4())
        return raw
    if isinstance(spec, list | tuple):
        return [to_raw(value, language) for value in spec]
    return spec


def overlay(source, wording):
    """``source`` (raw data) with each text replaced by the one at the same place in ``wording``.

    Both must have the same shape; a mismatch is a mistake in the demo texts and raises."""
    if isinstance(source, dict):
        if set(source) != set(wording):
            raise ValueError(f"the translation's keys differ: {sorted(source)} != {sorted(wording)}")
        return {
            key: value if key in KEPT_KEYS else overlay(value, wording[key]) for key, value in source.items()
        }
    if isinstance(source, list):
        if not isinstance(wording, list) or len(source) != len(wording):
            raise ValueError(f"the translation has a different number of items than {source!r}")
        return [overlay(s, w) for s, w in zip(source, wording, strict=True)]
    if isinstance(source, str):
        if not isinstance(wording, str):
            raise ValueError(f"the translation of {source!r} is not text")
        return wording
    return source


# --- Lesson content ------------------------------------------------------------------------


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html):
    return {"type": "paragraph", "value": html}


def key_points(title, points):
    return {"type": "key_points", "value": {"title": title, "points": [_item(point) for point in points]}}


def case_study(title, html, questions):
    return {
        "type": "case_study",
        "value": {"title": title, "text": html, "questions": [_item(question) for question in questions]},
    }


def reflection(question, guidance):
    return {"type": "reflection", "value": {"question": question, "help_text": guidance}}


def _item(value):
    return {"type": "item", "value": value}


# --- Quiz questions ------------------------------------------------------------------------


def _question(kind, prompt, points, feedback, **value):
    """``feedback`` is (when right, when wrong, whatever the answer)."""
    right, wrong, general = feedback
    return {
        "type": kind,
        "value": {
            "prompt": prompt,
            "points": points,
            "feedback_correct": right,
            "feedback_incorrect": wrong,
            "general_feedback": general,
            **value,
        },
    }


def option(text, correct=False, feedback=T("", "")):
    return _item({"text": text, "correct": correct, "feedback": feedback})


def single_choice(prompt, options, feedback, points=1):
    return _question("single_choice", prompt, points, feedback, options=options)


def multiple_choice(prompt, options, feedback, points=2, scoring="partial"):
    return _question("multiple_choice", prompt, points, feedback, options=options, scoring=scoring)


def true_false(prompt, answer, feedback, points=1):
    return _question("true_false", prompt, points, feedback, correct_answer="true" if answer else "false")


def short_answer(prompt, accepted, feedback, points=1):
    """``accepted`` is a list of ``T``: the key counts accepted answers, so each language has
    as many as the other."""
    return _question(
        "short_answer", prompt, points, feedback, accepted_answers=[_item(text) for text in accepted]
    )


def ordering(prompt, items, feedback, points=2, scoring="partial"):
    """``items`` in the right order."""
    return _question(
        "ordering", prompt, points, feedback, items=[_item(text) for text in items], scoring=scoring
    )


def matching(prompt, pairs, feedback, points=2, scoring="partial"):
    """``pairs`` of (prompt, answer)."""
    return _question(
        "matching",
        prompt,
        points,
        feedback,
        pairs=[_item({"prompt": left, "answer": right}) for left, right in pairs],
        scoring=scoring,
    )


def score_bands(low, middle, high):
    """The overall feedback from 0 %, 50 % and 80 %."""
    return [
        {"type": "band", "value": {"min_percent": percent, "feedback": text}}
        for percent, text in ((0, low), (50, middle), (80, high))
    ]
