"""Report tables built from the database's counts, with small-cell suppression applied.

A table is plain data (headings, rows of cells) that the admin template, the CSV and XLSX
exports, the charts and the API all read, so a figure hidden here is hidden everywhere: no
output has the value of a hidden cell to leak (``Cell.value`` is ``None``).
"""

from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.translation import gettext

from . import suppression


def hidden_text(k):
    return gettext("hidden (fewer than %(k)s)") % {"k": k}


@dataclass
class Cell:
    value: float | int | None
    hidden: bool = False
    text: str = ""

    @classmethod
    def count(cls, value, hidden, k):
        if hidden:
            return cls(None, True, hidden_text(k))
        return cls(value, False, number_format(value, force_grouping=True))

    @classmethod
    def mean(cls, value, hidden, k, places=2):
        if hidden:
            return cls(None, True, hidden_text(k))
        if value is None:
            return cls(None, False, "–")
        value = round(value, places)
        return cls(value, False, number_format(value, places))


@dataclass
class Row:
    label: str
    cells: list
    total: bool = False  # a totals row, set apart in the template


@dataclass
class ReportTable:
    key: str  # unique in a report: anchors, XLSX sheet names
    title: str
    columns: list  # headings of the value columns; the first column holds the row labels
    rows: list = field(default_factory=list)
    row_heading: str = ""
    section: str = ""
    note: str = ""
    chart: str = ""  # "bar" (first value column per row) or "priority" (themes)
    texts: list | None = None  # free-text answers, when shown
    k: int = 0
    scale: int = 0  # the number of steps of a competence scale (the priority matrix's axes)

    @property
    def hidden_cells(self):
        return sum(cell.hidden for row in self.rows for cell in row.cells)


def _share(count, total, hidden, k):
    if hidden or not total:
        return Cell.mean(None, hidden, k, places=1)
    return Cell.mean(100 * count / total, False, k, places=1)


def distribution(*, key, title, labels, counts, k, total=None, section="", note="", total_label=None):
    """One question's answers: a count and a share per category, then the total.
    ``total`` is the number of respondents when it is not the sum (multiple choice)."""
    respondents = sum(counts) if total is None else total
    hidden = suppression.suppress_distribution(counts, k, respondents)
    rows = [
        Row(
            label,
            [
                Cell.count(count, index in hidden.hidden, k),
                _share(count, respondents, index in hidden.hidden, k),
            ],
        )
        for index, (label, count) in enumerate(zip(labels, counts, strict=True))
    ]
    rows.append(
        Row(
            total_label or gettext("Total"),
            [Cell.count(respondents, hidden.total_hidden, k), Cell.mean(None, False, k)],
            True,
        )
    )
    return ReportTable(
        key=key,
        title=title,
        columns=[gettext("Respondents"), gettext("Share (%)")],
        rows=rows,
        row_heading=gettext("Answer"),
        section=section,
        note=note,
        chart="bar",
        k=k,
    )


def cross_table(*, key, title, labels, groups, cells, k, section=""):
    """Answers × breakdown values, with both margins."""
    hidden = suppression.suppress_table(cells, k)
    rows = []
    for r, label in enumerate(labels):
        values = [Cell.count(cells[r][c], hidden.hides(r, c), k) for c in range(len(groups))]
        values.append(Cell.count(sum(cells[r]), r in hidden.row_totals, k))
        rows.append(Row(label, values))
    totals = [
        Cell.count(sum(row[c] for row in cells), c in hidden.column_totals, k) for c in range(len(groups))
    ]
    totals.append(Cell.count(sum(map(sum, cells)), hidden.grand_total, k))
    rows.append(Row(gettext("Total"), totals, True))
    return ReportTable(
        key=key,
        title=title,
        columns=[*groups, gettext("Total")],
        rows=rows,
        row_heading=gettext("Answer"),
        section=section,
        k=k,
    )


def statements(*, key, title, items, steps, counts, k, section=""):
    """A matrix question: each statement's answers are a distribution of their own."""
    rows = []
    for label, row_counts in zip(items, counts, strict=True):
        hidden = suppression.suppress_distribution(row_counts, k)
        cells = [Cell.count(count, index in hidden.hidden, k) for index, count in enumerate(row_counts)]
        cells.append(Cell.count(sum(row_counts), hidden.total_hidden, k))
        rows.append(Row(label, cells))
    return ReportTable(
        key=key,
        title=title,
        columns=[*steps, gettext("Total")],
        rows=rows,
        row_heading=gettext("Statement"),
        section=section,
        k=k,
    )


@dataclass
class Mean:
    n: int
    total: float

    @property
    def value(self):
        return self.total / self.n if self.n else None


def themes(*, key, title, labels, current, importance, k, section="", scale=0):
    """Per theme: respondents and mean of the current level and of the importance, and the gap
    between the two means. A mean over fewer than k is hidden, and a gap with either mean."""
    rows = []
    for label, now, need in zip(labels, current, importance, strict=True):
        now_hidden, need_hidden = suppression.is_primary(now.n, k), suppression.is_primary(need.n, k)
        gap = None if now.value is None or need.value is None else need.value - now.value
        rows.append(
            Row(
                label,
                [
                    Cell.count(now.n, suppression.is_primary(now.n, k), k),
                    Cell.mean(now.value, now_hidden, k),
                    Cell.count(need.n, suppression.is_primary(need.n, k), k),
                    Cell.mean(need.value, need_hidden, k),
                    Cell.mean(gap, now_hidden or need_hidden, k),
                ],
            )
        )
    return ReportTable(
        key=key,
        title=title,
        columns=[
            gettext("Respondents (current level)"),
            gettext("Mean current level"),
            gettext("Respondents (importance)"),
            gettext("Mean importance"),
            gettext("Gap (importance − current)"),
        ],
        rows=rows,
        row_heading=gettext("Theme"),
        section=section,
        note=gettext(
            "Themes with the largest gap and high importance are the first candidates for training."
        ),
        chart="priority",
        k=k,
        scale=scale,
    )


def means_by_group(*, key, title, labels, groups, means, overall, k, section="", row_heading=""):
    """Means per breakdown value (rows × groups, then all groups). A group's mean can be
    worked out from the overall mean and the other groups' means and counts, so the counts of
    each row are suppressed as a distribution and a mean is hidden with its count."""
    rows = []
    for label, row_means, all_groups in zip(labels, means, overall, strict=True):
        hidden, total_hidden = suppression.hide_means([mean.n for mean in row_means], k)
        cells = [Cell.mean(mean.value, index in hidden, k) for index, mean in enumerate(row_means)]
        cells.append(Cell.mean(all_groups.value, total_hidden or suppression.is_primary(all_groups.n, k), k))
        rows.append(Row(label, cells))
    return ReportTable(
        key=key,
        title=title,
        columns=[*groups, gettext("All")],
        rows=rows,
        row_heading=row_heading or gettext("Theme"),
        section=section,
        note=gettext(
            "Means; a group of fewer than k respondents is hidden, with a second group where needed."
        ),
        k=k,
    )


def numbers(*, key, title, mean, k, section=""):
    return ReportTable(
        key=key,
        title=title,
        columns=[gettext("Respondents"), gettext("Mean")],
        rows=[
            Row(
                gettext("All"),
                [
                    Cell.count(mean.n, suppression.is_primary(mean.n, k), k),
                    Cell.mean(mean.value, suppression.is_primary(mean.n, k), k),
                ],
            )
        ],
        row_heading=gettext("Group"),
        section=section,
        k=k,
    )


def free_text(*, key, title, count, texts, k, section=""):
    """Free-text answers are listed only when at least k (the free-text k) people wrote one:
    a text can identify its writer in ways a count cannot."""
    shown = count >= k
    note = (
        gettext("%(count)s answers.") % {"count": count}
        if shown
        else gettext("Fewer than %(k)s answers: hidden.") % {"k": k}
    )
    return ReportTable(
        key=key,
        title=title,
        columns=[],
        section=section,
        note=note,
        texts=list(texts) if shown else None,
        k=k,
    )


def response_rates(rows, *, k):
    """Invited and responded per organisation. These count invitations, not answers: an
    invitation records only that its invitee responded, never which response is theirs, and a
    campaign's administrators see the invitations anyway, so nothing here needs hiding."""
    table_rows = []
    for row in rows:
        rate = 100 * row["responded"] / row["invited"] if row["invited"] else None
        table_rows.append(
            Row(
                row["organisation"] or gettext("No organisation"),
                [
                    Cell.count(row["invited"], False, k),
                    Cell.count(row["responded"], False, k),
                    Cell.mean(rate, False, k, places=1),
                ],
            )
        )
    invited = sum(row["invited"] for row in rows)
    responded = sum(row["responded"] for row in rows)
    table_rows.append(
        Row(
            gettext("Total"),
            [
                Cell.count(invited, False, k),
                Cell.count(responded, False, k),
                Cell.mean(100 * responded / invited if invited else None, False, k, places=1),
            ],
            True,
        )
    )
    return ReportTable(
        key="response-rates",
        title=gettext("Response rate by organisation"),
        columns=[gettext("Invited"), gettext("Responded"), gettext("Response rate (%)")],
        rows=table_rows,
        row_heading=gettext("Organisation"),
        note=gettext(
            "From the invitations: an invitation records only that it was answered, never which answer."
        ),
        k=k,
    )
