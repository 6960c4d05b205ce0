"""CSV and XLSX of a report's aggregated tables, with the same suppression as on screen: the
exports read the same ``ReportTable`` cells, whose hidden values are not there to leak.

Texts that a spreadsheet would run as a formula (=, +, -, @ first) are prefixed with an
apostrophe: free-text answers come from anyone.
"""

import csv
import io

from django.utils.translation import gettext
from openpyxl import Workbook
from openpyxl.styles import Font

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _figure(cell):
    """The value for a spreadsheet: the number when shown, the hidden label otherwise."""
    if cell.hidden or cell.value is None:
        return cell.text
    return cell.value


def _preamble(report):
    names = ", ".join(campaign.name for campaign in report.campaigns)
    lines = [
        [gettext("Campaigns"), names],
        [gettext("Respondents"), _figure(report.respondents)],
        [
            gettext("Disclosure control"),
            gettext(
                "Figures resting on fewer than %(k)s respondents are hidden, and as many others as "
                "needed so that none can be worked out from the totals. Free text needs %(k_text)s answers."
            )
            % {"k": report.k, "k_text": report.k_text},
        ],
    ]
    if report.breakdown:
        lines.append([gettext("Breakdown"), str(report.breakdown_label)])
    return lines


def table_lines(table):
    """A table as lines of values: its title, its headings, its rows (or its free texts)."""
    lines = [[table.title]]
    if table.texts is not None or not table.columns:
        if table.note:
            lines.append([table.note])
        lines.extend([text] for text in table.texts or [])
        return lines
    lines.append([table.row_heading, *table.columns])
    lines.extend([row.label, *(_figure(cell) for cell in row.cells)] for row in table.rows)
    if table.note:
        lines.append([table.note])
    return lines


def _all_tables(report):
    return [report.rates, *report.tables]


def report_csv(report):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for line in _preamble(report):
        writer.writerow([safe(value) for value in line])
    for table in _all_tables(report):
        writer.writerow([])
        for line in table_lines(table):
            writer.writerow([safe(value) for value in line])
    return buffer.getvalue()


def report_xlsx(report):
    """One sheet for the overview and one per table."""
    workbook = Workbook()
    overview = workbook.active
    overview.title = gettext("Overview")[:31]
    for line in _preamble(report):
        overview.append([safe(value) for value in line])
    bold = Font(bold=True)
    for number, table in enumerate(_all_tables(report), start=1):
        # Sheet names: at most 31 characters, unique, none of []:*?/\
        name = f"{number} {table.key}"
        for character in "[]:*?/\\":
            name = name.replace(character, "-")
        sheet = workbook.create_sheet(name[:31])
        for index, line in enumerate(table_lines(table)):
            sheet.append([safe(value) for value in line])
            if index < 2:
                for cell in sheet[sheet.max_row]:
                    cell.font = bold
        sheet.column_dimensions["A"].width = 40
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def identified_csv(rows):
    """The raw answers of an identified campaign (the caller checked the permission)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            gettext("Email"),
            gettext("Organisation"),
            gettext("Submitted"),
            gettext("Question"),
            gettext("Item"),
            gettext("Aspect"),
            gettext("Option"),
            gettext("Number"),
            gettext("Text"),
            gettext("Not applicable"),
        ]
    )
    for row in rows:
        writer.writerow([safe(value) if isinstance(value, str) else value for value in row])
    return buffer.getvalue()
