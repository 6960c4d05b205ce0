"""A questionnaire as plain data, read from a pinned ``QuestionnaireVersion`` (or from a page's
StreamField), with its conditions.

Answering (``mapping.answers``), the HTML form, the API and the reports all work on these
dataclasses, so none of them depends on how Wagtail stores blocks. Reports code against
``questions_of(version)``: keep its attributes.
"""

import json
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

QUESTION_TYPES = ("likert", "single", "multiple", "short_text", "long_text", "number", "matrix", "competence")
CHOICE_TYPES = ("likert", "single", "multiple")  # the ones a condition can refer to
ASPECTS = ("current", "importance")

LIKERT_DEFAULT_LABELS = (
    _("Strongly disagree"),
    _("Disagree"),
    _("Neither agree nor disagree"),
    _("Agree"),
    _("Strongly agree"),
)


@dataclass(frozen=True)
class Condition:
    question_key: str
    option_key: str


@dataclass
class Question:
    key: str
    type: str
    label: str  # the prompt
    section: str  # the section's title
    section_index: int = 0
    number: int = 0  # 1-based, over the whole questionnaire
    help_text: str = ""
    required: bool = False
    allows_not_applicable: bool = False
    options: list[tuple[str, str]] = field(default_factory=list)  # likert, single, multiple
    items: list[tuple[str, str]] = field(default_factory=list)  # matrix statements, competence themes
    scale: list[tuple[str, str]] = field(default_factory=list)  # matrix and competence steps
    aspects: list[tuple[str, str]] = field(default_factory=list)  # competence: (aspect, heading)
    condition: Condition | None = None
    min_value: float | None = None
    max_value: float | None = None
    whole_number: bool = False

    @property
    def option_keys(self):
        return {key for key, _label in self.options}

    @property
    def item_keys(self):
        return {key for key, _label in self.items}

    @property
    def scale_keys(self):
        return {key for key, _label in self.scale}


@dataclass
class Section:
    index: int
    title: str
    intro: str
    condition: Condition | None
    questions: list[Question]


@dataclass
class Questionnaire:
    title: str
    intro: str
    language: str
    sections: list[Section]

    @property
    def questions(self) -> list[Question]:
        return [question for section in self.sections for question in section.questions]

    def question(self, key) -> Question | None:
        return next((q for q in self.questions if q.key == key), None)


# --- Reading --------------------------------------------------------------------------------


def _items(raw_list):
    """The values of a ListBlock's raw data, new ({"type": "item", "value": …}) or old format."""
    values = []
    for item in raw_list or []:
        if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
            values.append(item["value"])
        else:
            values.append(item)
    return values


def _condition(raw):
    raw = raw or {}
    if raw.get("question_key") and raw.get("option_key"):
        return Condition(raw["question_key"], str(raw["option_key"]))
    return None


def _float(value):
    if value in (None, ""):
        return None
    return float(value)


def _question(kind, raw, *, section, number):
    question = Question(
        key=raw.get("key") or "",
        type=kind,
        label=raw.get("prompt") or "",
        section=section.title,
        section_index=section.index,
        number=number,
        help_text=raw.get("help_text") or "",
        required=bool(raw.get("required")),
        allows_not_applicable=bool(raw.get("allow_not_applicable")),
        condition=_condition(raw.get("condition")),
    )
    if kind == "likert":
        question.options = [
            (str(step), raw.get(f"label_{step}") or str(LIKERT_DEFAULT_LABELS[step - 1]))
            for step in range(1, 6)
        ]
    elif kind in ("single", "multiple"):
        question.options = [(item["key"], item["label"]) for item in _items(raw.get("options"))]
    elif kind == "number":
        question.min_value = _float(raw.get("min_value"))
        question.max_value = _float(raw.get("max_value"))
        question.whole_number = bool(raw.get("whole_number"))
    elif kind in ("matrix", "competence"):
        list_name = "statements" if kind == "matrix" else "themes"
        question.items = [(item["key"], item["label"]) for item in _items(raw.get(list_name))]
        question.scale = [(str(step), label) for step, label in enumerate(_items(raw.get("scale")), start=1)]
    if kind == "competence":
        question.aspects = [
            ("current", raw.get("current_label") or gettext("Current level")),
            ("importance", raw.get("importance_label") or gettext("Importance")),
        ]
    return question


def questionnaire_from_raw(*, title, intro, body, language) -> Questionnaire:
    """``body`` is the raw data of ``QuestionnairePage.body`` (a list, or JSON text as revisions
    may hold it). Default labels are given in ``language``, the language of the content."""
    if isinstance(body, str):
        body = json.loads(body or "[]")
    sections = []
    number = 0
    with translation.override(language or None):
        for index, block in enumerate(body or []):
            value = block.get("value") or {}
            section = Section(
                index=index,
                title=value.get("title") or "",
                intro=value.get("intro") or "",
                condition=_condition(value.get("condition")),
                questions=[],
            )
            for child in value.get("questions") or []:
                if child.get("type") not in QUESTION_TYPES:
                    continue
                number += 1
                section.questions.append(
                    _question(child["type"], child.get("value") or {}, section=section, number=number)
                )
            sections.append(section)
    return Questionnaire(title=title, intro=intro, language=language, sections=sections)


def questionnaire_of(version) -> Questionnaire:
    """The questionnaire a ``QuestionnaireVersion`` pinned; parsed once per instance."""
    parsed = getattr(version, "_parsed_questionnaire", None)
    if parsed is None:
        content = version.content or {}
        parsed = questionnaire_from_raw(
            title=content.get("title") or "",
            intro=content.get("intro") or "",
            body=content.get("body") or [],
            language=version.language,
        )
        version._parsed_questionnaire = parsed
    return parsed


def questions_of(version) -> list[Question]:
    return questionnaire_of(version).questions


def questionnaire_of_page(page) -> Questionnaire:
    return questionnaire_from_raw(
        title=page.title,
        intro=page.intro,
        body=list(page.body.raw_data),
        language=page.locale.language_code if page.locale_id else "",
    )


# --- Conditions -----------------------------------------------------------------------------


def _has_option(value, option_key):
    if isinstance(value, list):
        return option_key in value
    return value == option_key


def visible_keys(questionnaire: Questionnaire, answers: dict) -> set[str]:
    """The keys of the questions shown for these answers. A condition on a hidden question is
    never met, so hiding cascades."""
    visible = set()
    for section in questionnaire.sections:
        if not _met(section.condition, answers, visible):
            continue
        for question in section.questions:
            if _met(question.condition, answers, visible):
                visible.add(question.key)
    return visible


def _met(condition, answers, visible):
    if condition is None:
        return True
    return condition.question_key in visible and _has_option(
        answers.get(condition.question_key), condition.option_key
    )


def visible_sections(questionnaire: Questionnaire, answers: dict) -> list[Section]:
    """The sections that have at least one question to show (or none at all, for text-only
    steps), in order: the steps of this respondent."""
    keys = visible_keys(questionnaire, answers)
    steps = []
    for section in questionnaire.sections:
        if not _met(section.condition, answers, keys):
            continue
        if not section.questions or any(q.key in keys for q in section.questions):
            steps.append(section)
    return steps


# --- Structure: what translation must keep ---------------------------------------------------


def key_signature(questionnaire: Questionnaire) -> list[tuple]:
    """Everything but the wording: equal in a questionnaire and its translations."""
    return [
        (
            section.index,
            section.condition,
            tuple(
                (
                    q.key,
                    q.type,
                    q.required,
                    q.allows_not_applicable,
                    q.condition,
                    tuple(key for key, _label in q.options),
                    tuple(key for key, _label in q.items),
                    len(q.scale),
                    q.min_value,
                    q.max_value,
                    q.whole_number,
                )
                for q in section.questions
            ),
        )
        for section in questionnaire.sections
    ]


def structure_errors(questionnaire: Questionnaire) -> list[str]:
    """What makes a questionnaire unanswerable or its answers ambiguous: repeated keys, and
    conditions that do not name an earlier choice question and one of its options."""
    errors = []
    seen = {}
    for question in questionnaire.questions:
        if question.key in seen:
            errors.append(
                gettext("The key “%(key)s” is used by more than one question.") % {"key": question.key}
            )
        for keys in (question.options, question.items):
            codes = [key for key, _label in keys]
            if len(codes) != len(set(codes)):
                errors.append(
                    gettext("Question “%(key)s” uses an option, statement or theme key twice.")
                    % {"key": question.key}
                )
        if question.condition is not None:
            errors.extend(_condition_errors(question.condition, seen, question.key))
        seen[question.key] = question
    seen = {}
    for section in questionnaire.sections:
        if section.condition is not None:
            errors.extend(_condition_errors(section.condition, seen, section.title))
        seen.update({q.key: q for q in section.questions})
    return errors


def _condition_errors(condition, earlier, where):
    target = earlier.get(condition.question_key)
    if target is None or target.type not in CHOICE_TYPES:
        return [
            gettext(
                "The condition of “%(where)s” must name an earlier single choice, multiple choice or "
                "Likert question; “%(key)s” is not one."
            )
            % {"where": where, "key": condition.question_key}
        ]
    if condition.option_key not in target.option_keys:
        return [
            gettext("The condition of “%(where)s”: question “%(key)s” has no option “%(option)s”.")
            % {"where": where, "key": condition.question_key, "option": condition.option_key}
        ]
    return []
