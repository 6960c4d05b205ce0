"""The questionnaire as an HTML form: field names for each question, the posted form read back
into the answers mapping the services take, and what the templates show for each question.

Names: ``q-<key>`` (one value, or a list for multiple choice), ``q-<key>-na`` (the "don't know"
box of text and number questions), ``q-<key>-<item>`` (a matrix row) and
``q-<key>-<item>-<aspect>`` (a competence rating). Choice fields carry option and step keys,
never labels, so the form is the same in every language.
"""

from django.utils.translation import gettext

from ..answers import NOT_APPLICABLE
from ..questionnaire import ASPECTS


def _name(*parts):
    return "-".join(["q", *parts])


def answers_from_post(questions, post) -> dict:
    answers = {}
    for q in questions:
        name = _name(q.key)
        if q.type == "multiple":
            answers[q.key] = post.getlist(name)
        elif q.type in ("short_text", "long_text", "number"):
            if q.allows_not_applicable and post.get(f"{name}-na") == NOT_APPLICABLE:
                answers[q.key] = NOT_APPLICABLE
            else:
                answers[q.key] = post.get(name, "")
        elif q.type == "matrix":
            answers[q.key] = {key: post.get(_name(q.key, key), "") for key, _label in q.items}
        elif q.type == "competence":
            answers[q.key] = {
                key: {aspect: post.get(_name(q.key, key, aspect), "") for aspect in ASPECTS}
                for key, _label in q.items
            }
        else:
            answers[q.key] = post.get(name, "")
    return answers


def _steps(question, name, selected):
    steps = [
        {"key": key, "label": label, "id": f"{name}-{key}", "checked": selected == key}
        for key, label in question.scale
    ]
    if question.allows_not_applicable:
        steps.append(
            {
                "key": NOT_APPLICABLE,
                "label": gettext("Don’t know / not applicable"),
                "id": f"{name}-na",
                "checked": selected == NOT_APPLICABLE,
            }
        )
    return steps


def _choices(question, name, value):
    chosen = value if isinstance(value, list) else [value]
    choices = [
        {"key": key, "label": label, "id": f"{name}-{key}", "checked": key in chosen}
        for key, label in question.options
    ]
    if question.allows_not_applicable:
        choices.append(
            {
                "key": NOT_APPLICABLE,
                "label": gettext("Don’t know / not applicable"),
                "id": f"{name}-na",
                "checked": NOT_APPLICABLE in chosen,
            }
        )
    return choices


def present(questions, answers, errors, *, hints=None) -> list[dict]:
    """What the templates need for each question, with the respondent's answers filled in."""
    hints = hints or {}
    shown = []
    for q in questions:
        name = _name(q.key)
        value = answers.get(q.key)
        field = {
            "q": q,
            "name": name,
            "id": name,
            "error": errors.get(q.key, ""),
            "hint": hints.get(q.key, ""),
            "not_applicable": value == NOT_APPLICABLE,
            "text": "" if value in (None, NOT_APPLICABLE) or isinstance(value, dict | list) else value,
        }
        if q.type in ("likert", "single", "multiple"):
            field["choices"] = _choices(q, name, value)
        elif q.type in ("matrix", "competence"):
            rows = value if isinstance(value, dict) else {}
            field["rows"] = []
            for key, label in q.items:
                row_name = _name(q.key, key)
                row = {"key": key, "label": label, "name": row_name, "id": row_name}
                if q.type == "matrix":
                    row["steps"] = _steps(q, row_name, rows.get(key))
                else:
                    ratings = rows.get(key) if isinstance(rows.get(key), dict) else {}
                    row["aspects"] = [
                        {
                            "heading": heading,
                            "name": f"{row_name}-{aspect}",
                            "id": f"{row_name}-{aspect}",
                            "steps": _steps(q, f"{row_name}-{aspect}", ratings.get(aspect)),
                        }
                        for aspect, heading in q.aspects
                    ]
                field["rows"].append(row)
        field["anchor"] = _anchor(field)
        field["has_hint"] = bool(q.help_text or field["hint"] or q.type == "multiple")
        described = [f"{name}-hint" if field["has_hint"] else "", f"{name}-error" if field["error"] else ""]
        field["describedby"] = " ".join(part for part in described if part)
        shown.append(field)
    return shown


def _anchor(field):
    """The input an error summary's link takes the respondent to: the first of the question."""
    if field.get("choices"):
        return field["choices"][0]["id"]
    rows = field.get("rows")
    if rows:
        steps = rows[0]["steps"] if "steps" in rows[0] else rows[0]["aspects"][0]["steps"]
        return steps[0]["id"]
    return field["id"]


def condition_hints(questionnaire, section) -> dict:
    """For questions whose condition refers to a question in the same step (which the page
    cannot hide without JavaScript): a note saying when to answer them."""
    keys = {q.key: q for q in section.questions}
    hints = {}
    for q in section.questions:
        condition = q.condition
        if condition is None or condition.question_key not in keys:
            continue
        target = keys[condition.question_key]
        label = dict(target.options).get(condition.option_key, condition.option_key)
        hints[q.key] = gettext("Answer only if you chose “%(option)s” in question %(number)s.") % {
            "option": label,
            "number": target.number,
        }
    return hints
