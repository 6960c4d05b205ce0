"""A whole report of one or more campaigns, optionally broken down by one response attribute:
a fixed handful of queries (``selectors``), then the tables (``tables``), suppressed.

The number of queries depends on the campaigns' questionnaires, never on their responses.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext

from ..models import Breakdown
from . import labels, selectors, tables
from .suppression import is_primary


def min_cell():
    return getattr(settings, "MAPPING_MIN_CELL", 5)


def min_cell_free_text():
    return getattr(settings, "MAPPING_MIN_CELL_FREE_TEXT", 10)


def free_text_limit():
    return getattr(settings, "MAPPING_REPORT_FREE_TEXT_LIMIT", 500)


NOT_APPLICABLE = "_na"  # the row key of "don't know / not applicable" in the counts


@dataclass
class Report:
    campaigns: list
    breakdown: str
    k: int
    k_text: int
    respondents: tables.Cell
    rates: tables.ReportTable
    tables: list = field(default_factory=list)

    @property
    def breakdown_label(self):
        return Breakdown(self.breakdown).label if self.breakdown else ""

    @property
    def hidden_cells(self):
        return sum(table.hidden_cells for table in self.tables)


class _Counts:
    """The rows of ``answer_counts`` indexed: (question, item, aspect) -> group -> option -> n,
    and the sums of the numbers for means."""

    def __init__(self, rows):
        self.n = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
        self.sums = defaultdict(lambda: defaultdict(lambda: tables.Mean(0, 0.0)))
        self.texts = defaultdict(int)
        self.groups = set()
        for row in rows:
            where = (row["question_key"], row["item_key"], row["aspect"])
            group = row.get("group")
            self.groups.add(group)
            option = NOT_APPLICABLE if row["not_applicable"] else row["option_key"]
            self.n[where][group][option] += row["n"]
            if not row["not_applicable"] and row["total"] is not None:
                mean = self.sums[where][group]
                mean.n += row["n"]
                mean.total += row["total"]
            self.texts[row["question_key"]] += row["texts"]

    def mean(self, where, group=None, *, over_groups=False):
        if not over_groups:
            return self.sums[where][group]
        means = self.sums[where].values()
        return tables.Mean(sum(m.n for m in means), sum(m.total for m in means))

    def options(self, where, group=None, *, over_groups=False):
        if not over_groups:
            return self.n[where][group]
        merged = defaultdict(int)
        for counts in self.n[where].values():
            for option, n in counts.items():
                merged[option] += n
        return merged


def _steps(question, counts_by_option):
    """The categories of a distribution: the steps, then "not applicable" when it can occur."""
    steps = list(question.steps())
    if question.allows_not_applicable or counts_by_option.get(NOT_APPLICABLE):
        steps.append((NOT_APPLICABLE, gettext("Don't know / not applicable")))
    return steps


def _group_label(value):
    return value or gettext("Not stated")


def build_report(*, campaign_ids, language, breakdown=""):
    k, k_text = min_cell(), min_cell_free_text()
    campaigns = selectors.campaigns(campaign_ids)
    ids = [campaign.pk for campaign in campaigns]
    rows = selectors.answer_counts(campaign_ids=ids, breakdown=breakdown or None)
    counts = _Counts(rows)
    questions = labels.report_questions(campaign_ids=ids, language=language, counts=rows)
    texts = selectors.free_texts(
        campaign_ids=ids,
        question_keys=[
            q.key for q in questions if q.type in labels.TEXT_TYPES and counts.texts[q.key] >= k_text
        ],
        limit=free_text_limit(),
    )
    respondents = selectors.respondents(campaign_ids=ids)[None]
    report = Report(
        campaigns=campaigns,
        breakdown=breakdown,
        k=k,
        k_text=k_text,
        respondents=tables.Cell.count(respondents, is_primary(respondents, k), k),
        rates=tables.response_rates(selectors.response_rates(campaign_ids=ids), k=k),
    )
    groups = sorted(counts.groups, key=lambda value: (value in ("", None), value or ""))
    for question in questions:
        builder = _BUILDERS.get(question.type)
        if builder:
            report.tables.extend(
                builder(
                    question,
                    counts=counts,
                    groups=groups if breakdown else None,
                    k=k,
                    k_text=k_text,
                    texts=texts,
                    respondents=respondents,
                )
            )
    return report


def _choice_tables(question, *, counts, groups, k, respondents, **_ignored):
    # A multiple-choice question's shares are of all respondents: counting the respondents of
    # each such question would take a second pass over its answers (a COUNT DISTINCT) that
    # costs about as much as the whole report.
    where = (question.key, "", "")
    total = respondents if question.type == "multiple" else None
    return [_distribution_or_cross(question, where, question.label, question.key, counts, groups, k, total)]


def _distribution_or_cross(question, where, title, key, counts, groups, k, respondents=None):
    merged = counts.options(where, over_groups=True)
    steps = _steps(question, merged)
    if groups is None:
        return tables.distribution(
            key=key,
            title=title,
            labels=[label for _key, label in steps],
            counts=[merged.get(step, 0) for step, _label in steps],
            total=respondents,
            k=k,
            section=question.section,
            note=(
                gettext("Respondents could choose more than one answer; shares are of all respondents.")
                if question.type == "multiple"
                else ""
            ),
            total_label=gettext("All respondents") if question.type == "multiple" else None,
        )
    return tables.cross_table(
        key=key,
        title=title,
        labels=[label for _key, label in steps],
        groups=[_group_label(group) for group in groups],
        cells=[[counts.options(where, group).get(step, 0) for group in groups] for step, _label in steps],
        k=k,
        section=question.section,
    )


def _matrix_tables(question, *, counts, groups, k, **_ignored):
    if groups is None:
        merged = [
            counts.options((question.key, item, ""), over_groups=True) for item, _label in question.items
        ]
        any_na = {NOT_APPLICABLE: sum(m.get(NOT_APPLICABLE, 0) for m in merged)}
        steps = _steps(question, any_na)
        return [
            tables.statements(
                key=question.key,
                title=question.label,
                items=[label for _key, label in question.items],
                steps=[label for _key, label in steps],
                counts=[[m.get(step, 0) for step, _label in steps] for m in merged],
                k=k,
                section=question.section,
            )
        ]
    return [
        _distribution_or_cross(
            question,
            (question.key, item, ""),
            f"{question.label}: {label}",
            f"{question.key}-{item}",
            counts,
            groups,
            k,
        )
        for item, label in question.items
    ]


def _competence_tables(question, *, counts, groups, k, **_ignored):
    themes = question.items
    labels_ = [label for _key, label in themes]
    if groups is None:
        return [
            tables.themes(
                key=question.key,
                title=question.label,
                labels=labels_,
                current=[
                    counts.mean((question.key, item, "current"), over_groups=True) for item, _l in themes
                ],
                importance=[
                    counts.mean((question.key, item, "importance"), over_groups=True) for item, _l in themes
                ],
                k=k,
                section=question.section,
                scale=len(question.scale),
            )
        ]
    result = []
    for aspect, heading in (
        ("current", gettext("Mean current level")),
        ("importance", gettext("Mean importance")),
    ):
        result.append(
            tables.means_by_group(
                key=f"{question.key}-{aspect}",
                title=f"{question.label}: {heading}",
                labels=labels_,
                groups=[_group_label(group) for group in groups],
                means=[
                    [counts.mean((question.key, item, aspect), group) for group in groups]
                    for item, _l in themes
                ],
                overall=[counts.mean((question.key, item, aspect), over_groups=True) for item, _l in themes],
                k=k,
                section=question.section,
            )
        )
    return result


def _number_tables(question, *, counts, groups, k, **_ignored):
    where = (question.key, "", "")
    if groups is None:
        return [
            tables.numbers(
                key=question.key, title=question.label, mean=counts.mean(where, over_groups=True), k=k
            )
        ]
    return [
        tables.means_by_group(
            key=question.key,
            title=question.label,
            labels=[gettext("Mean")],
            groups=[_group_label(group) for group in groups],
            means=[[counts.mean(where, group) for group in groups]],
            overall=[counts.mean(where, over_groups=True)],
            k=k,
            section=question.section,
            row_heading=gettext("Figure"),
        )
    ]


def _text_tables(question, *, counts, k_text, texts, **_ignored):
    return [
        tables.free_text(
            key=question.key,
            title=question.label,
            count=counts.texts[question.key],
            texts=texts.get(question.key, []),
            k=k_text,
            section=question.section,
        )
    ]


_BUILDERS = {
    "likert": _choice_tables,
    "single": _choice_tables,
    "multiple": _choice_tables,
    "matrix": _matrix_tables,
    "competence": _competence_tables,
    "number": _number_tables,
    "short_text": _text_tables,
    "long_text": _text_tables,
}
