"""What the reports need to know about the questions: their order, type and labels.

They come from the pinned questionnaire versions (``mapping.questionnaire.questions_of``) in the
reader's language where the campaign has it. Keys are language-independent, so answers given
in every language pool under one question. A key found in the answers but in no version
(a version lost, or data loaded by hand) is still reported, under its key, with a type guessed
from the answers, so that no answer silently disappears from a report.
"""

from dataclasses import dataclass, field

from django.conf import settings

from ..models import QuestionnaireVersion

DISTRIBUTION_TYPES = ("likert", "single", "multiple")
TEXT_TYPES = ("short_text", "long_text")


@dataclass
class ReportQuestion:
    key: str
    type: str
    label: str
    section: str = ""
    options: list = field(default_factory=list)  # [(key, label)]
    items: list = field(default_factory=list)
    scale: list = field(default_factory=list)
    allows_not_applicable: bool = False

    def steps(self):
        """The answer categories of a distribution, in order."""
        return self.scale if self.type in ("matrix", "competence") else self.options


def _from_versions(campaign_ids, language):
    from ..questionnaire import questions_of

    versions = {}
    fallback_language = settings.LANGUAGE_CODE
    for version in QuestionnaireVersion.objects.filter(campaign_id__in=campaign_ids).order_by(
        "campaign_id", "pk"
    ):
        current = versions.get(version.campaign_id)
        rank = 0 if version.language == language else 1 if version.language == fallback_language else 2
        if current is None or rank < current[0]:
            versions[version.campaign_id] = (rank, version)
    questions = {}
    for campaign_id in sorted(versions, reverse=True):  # the newest campaign's labels win
        for question in questions_of(versions[campaign_id][1]):
            _merge(
                questions,
                ReportQuestion(
                    key=question.key,
                    type=question.type,
                    label=question.label,
                    section=question.section,
                    options=list(question.options),
                    items=list(question.items),
                    scale=list(question.scale),
                    allows_not_applicable=question.allows_not_applicable,
                ),
            )
    return questions


def _merge(questions, question):
    """Across campaigns a question keeps its first labels; options or items another campaign
    added are appended."""
    known = questions.get(question.key)
    if known is None:
        questions[question.key] = question
        return
    for name in ("options", "items", "scale"):
        present = {key for key, _label in getattr(known, name)}
        getattr(known, name).extend(pair for pair in getattr(question, name) if pair[0] not in present)
    known.allows_not_applicable = known.allows_not_applicable or question.allows_not_applicable


def _guessed(key, rows):
    aspects = {row["aspect"] for row in rows}
    items = sorted({row["item_key"] for row in rows} - {""})
    options = sorted({row["option_key"] for row in rows} - {""}, key=_natural)
    if aspects & {"current", "importance"}:
        kind = "competence"
    elif items:
        kind = "matrix"
    elif options:
        kind = "single"
    elif any(row["texts"] for row in rows):
        kind = "long_text"
    else:
        kind = "number"
    question = ReportQuestion(key=key, type=kind, label=key, items=[(item, item) for item in items])
    steps = [(option, option) for option in options]
    if kind in ("matrix", "competence"):
        question.scale = steps
    else:
        question.options = steps
    question.allows_not_applicable = any(row["not_applicable"] for row in rows)
    return question


def _natural(key):
    return (0, int(key), key) if key.isdigit() else (1, 0, key)


def report_questions(*, campaign_ids, language, counts):
    """The questions of these campaigns in questionnaire order; ``counts`` are the rows of
    ``selectors.answer_counts`` (for keys no version knows)."""
    questions = _from_versions(campaign_ids, language)
    by_key = {}
    for row in counts:
        by_key.setdefault(row["question_key"], []).append(row)
    for key in sorted(set(by_key) - set(questions)):
        questions[key] = _guessed(key, by_key[key])
    for question in questions.values():
        # Steps and items answered but not in the questionnaire (e.g. from an older version).
        rows = by_key.get(question.key, [])
        steps = question.steps()
        known_steps = {key for key, _label in steps}
        steps.extend(
            (option, option)
            for option in sorted({row["option_key"] for row in rows} - known_steps - {""}, key=_natural)
        )
        if question.type in ("matrix", "competence"):
            known_items = {key for key, _label in question.items}
            question.items.extend(
                (item, item) for item in sorted({row["item_key"] for row in rows} - known_items - {""})
            )
    return list(questions.values())
