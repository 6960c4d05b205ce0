"""Property test over random response sets and breakdowns, through the database, the report
and its CSV export: no shown or exported figure rests on fewer than k respondents, and no
hidden cell of a table can be worked out from the figures shown in it."""

import csv
import io
from collections import Counter

import pytest
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mapping.reports import exports
from mapping.reports.report import build_report

from .report_setup import campaign, respond
from .test_suppression import _figures, determined

pytestmark = pytest.mark.django_db

REGIONS = ["Botkyrka", "Nacka", "Solna", ""]
SIZES = ["liten", "stor"]

responses = st.lists(
    st.tuples(
        st.sampled_from(REGIONS),
        st.sampled_from(SIZES),
        st.integers(1, 4),  # current level
        st.integers(1, 4),  # importance
    ),
    max_size=45,
)


def _answers(size, current, importance):
    return [
        {"question_key": "storlek", "option_key": size},
        {
            "question_key": "kompetens",
            "item_key": "jamstalldhet",
            "aspect": "current",
            "option_key": str(current),
            "number": current,
        },
        {
            "question_key": "kompetens",
            "item_key": "jamstalldhet",
            "aspect": "importance",
            "option_key": str(importance),
            "number": importance,
        },
    ]


def _check_cross_table(table, truth, groups, k):
    """``truth[(size, group)]``: the real counts. Shown counts are 0 or >= k and match the
    truth; the hidden ones are not determined by the shown ones."""
    cells = [[truth[size, group] for group in groups] for size in SIZES]
    figures, equations = _figures(cells)
    hidden = set()
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            key = (
                ("grand",)
                if row.total and c == len(groups)
                else ("column", c)
                if row.total
                else ("row", r)
                if c == len(groups)
                else ("cell", r, c)
            )
            if cell.hidden:
                assert cell.value is None
                hidden.add(key)
            else:
                assert cell.value == figures[key]
                assert cell.value == 0 or cell.value >= k, (key, cell.value)
    assert determined(equations, hidden) == set()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=responses, breakdown=st.sampled_from(["", "region"]), k=st.sampled_from([3, 5]))
def test_no_shown_figure_rests_on_fewer_than_k_and_no_hidden_one_can_be_derived(
    reference_data, django_settings_k, data, breakdown, k
):
    django_settings_k.MAPPING_MIN_CELL = k
    survey = campaign()
    for region, size, current, importance in data:
        respond(survey, _answers(size, current, importance), region=region)
    with translation.override("en"):
        report = build_report(campaign_ids=[survey.pk], language="en", breakdown=breakdown)
        exported = exports.report_csv(report)
    assert report.respondents.hidden == (0 < len(data) < k)

    storlek = next(table for table in report.tables if table.key == "storlek")
    if breakdown:
        groups = sorted({region for region, *_rest in data}, key=lambda v: (v == "", v))
        truth = Counter((size, region) for region, size, *_rest in data)
        _check_cross_table(storlek, truth, groups, k)
        current = next(table for table in report.tables if table.key == "kompetens-current")
        per_group = Counter(region for region, *_rest in data)
        # The groups' means and the mean of all: never exactly one of them hidden.
        hidden = [cell.hidden for cell in current.rows[0].cells]
        assert sum(hidden) != 1
        for group, is_hidden in zip(groups, hidden[:-1], strict=True):
            assert is_hidden or per_group[group] >= k
    else:
        truth = Counter(size for _region, size, *_rest in data)
        _check_cross_table(_as_cross(storlek), {(size, "all"): truth[size] for size in SIZES}, ["all"], k)
        themes = next(table for table in report.tables if table.key == "kompetens")
        assert themes.rows[0].cells[1].hidden == (0 < len(data) < k)

    # The export has the same figures: each hidden cell is the hidden text, never a number.
    lines = list(csv.reader(io.StringIO(exported)))
    start = lines.index([storlek.title])
    for row, line in zip(storlek.rows, lines[start + 2 :], strict=False):
        for cell, value in zip(row.cells, line[1:], strict=False):
            assert value == (cell.text if cell.hidden or cell.value is None else str(cell.value))


def _as_cross(distribution):
    """A one-way table in the shape of a cross table with one group: count, then the total."""

    class Row:
        def __init__(self, row):
            self.total = row.total
            first = row.cells[0]
            self.cells = [first, first]

    class Table:
        rows = [Row(row) for row in distribution.rows]

    return Table


@pytest.fixture
def django_settings_k(settings):
    return settings
