"""Reading a CSV file that a person exported from a spreadsheet, for the imports of every app.

UTF-8 with or without a byte order mark, commas or semicolons (Swedish Excel writes
semicolons), a header row naming the columns in English or Swedish. The whole file is checked
first and every problem is reported with its row (the header is row 1, as in the spreadsheet)
and column, so that an import can write nothing unless the file has no problem at all.
"""

import csv
import datetime
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email, validate_slug
from django.template.defaultfilters import filesizeformat
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .errors import DomainError

# --- Errors and results ---------------------------------------------------------------------


@dataclass(frozen=True)
class RowError:
    row: int | None  # None: the file as a whole
    column: str  # as the file names it; "" for the whole row
    message: str


class ImportFailed(DomainError):
    code = "import_failed"

    def __init__(self, errors):
        self.errors = sorted(errors, key=lambda e: (e.row or 0, e.column))
        count = len(self.errors)
        super().__init__(
            ngettext(
                "Nothing was imported: the file has %(count)s problem.",
                "Nothing was imported: the file has %(count)s problems.",
                count,
            )
            % {"count": count}
        )


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0


# --- Columns ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    name: str
    aliases: tuple = ()
    required: bool = False
    help: str = ""


TRUE = {"yes", "y", "ja", "j", "true", "sant", "1", "x"}
FALSE = {"no", "n", "nej", "false", "falskt", "0", ""}


def _normalise(header):
    return "_".join(header.strip().lower().replace("-", " ").replace("_", " ").split())


# --- Reading the file -----------------------------------------------------------------------


@dataclass
class Table:
    headers: dict  # canonical name -> the header as written
    rows: list = field(default_factory=list)  # (row number, {canonical name: value})

    def has(self, name):
        return name in self.headers


def read_table(data: bytes, columns, *, max_bytes) -> Table:
    limit = max_bytes
    if len(data) > limit:
        raise ImportFailed(
            [RowError(None, "", _("The file is larger than %(limit)s.") % {"limit": filesizeformat(limit)})]
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportFailed(
            [
                RowError(
                    line,
                    "",
                    _("The file is not UTF-8 text. Save it as “CSV UTF-8” and try again."),
                )
            ]
        ) from None
    if not text.strip():
        raise ImportFailed([RowError(None, "", _("The file is empty."))])
    first_line = text.lstrip("\r\n").splitlines()[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    # Strict, so that a stray quotation mark is reported instead of swallowing the rows after it.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records = []
    try:
        for record in reader:
            records.append(record)
    except csv.Error:
        # Python's own message is English and technical; the row is what helps.
        raise ImportFailed(
            [RowError(len(records) + 1, "", _("This row cannot be read as CSV (check its quotation marks)."))]
        ) from None
    return _table(records, columns)


def _table(records, columns):
    by_alias = {}
    for column in columns:
        for alias in (column.name, *column.aliases):
            by_alias[_normalise(alias)] = column.name
    header = records[0]
    errors, headers, positions = [], {}, {}
    for position, written in enumerate(header):
        written = written.strip()
        if not written:
            continue
        name = by_alias.get(_normalise(written))
        if name is None:
            errors.append(
                RowError(
                    1,
                    written,
                    _("Unknown column. The columns are: %(columns)s.")
                    % {"columns": ", ".join(c.name for c in columns)},
                )
            )
        elif name in headers:
            errors.append(
                RowError(1, written, _("This column is also “%(other)s”.") % {"other": headers[name]})
            )
        else:
            headers[name] = written
            positions[name] = position
    for column in columns:
        if column.required and column.name not in headers:
            errors.append(RowError(1, column.name, _("The file needs this column.")))
    if errors:
        raise ImportFailed(errors)
    table = Table(headers)
    for number, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue  # blank lines, and the empty rows spreadsheets leave at the end
        extra = [cell for position, cell in enumerate(record) if position >= len(header) and cell.strip()]
        if extra:
            errors.append(RowError(number, "", _("This row has more cells than the header has columns.")))
            continue
        values = {name: (record[pos].strip() if pos < len(record) else "") for name, pos in positions.items()}
        table.rows.append((number, values))
    if errors:
        raise ImportFailed(errors)
    if not table.rows:
        raise ImportFailed([RowError(None, "", _("The file has a header but no rows."))])
    return table


# --- Checking cells -------------------------------------------------------------------------


class CellError(Exception):
    def __init__(self, message):
        self.message = message


class RowReader:
    """Reads the cells of one row, collecting a ``RowError`` per bad cell."""

    def __init__(self, table, number, values, errors):
        self.table, self.number, self.values, self.errors = table, number, values, errors

    def error(self, name, message):
        self.errors.append(RowError(self.number, self.table.headers.get(name, name), message))

    def get(self, name, parse=None, *, required=False, max_length=None):
        value = self.values.get(name, "")
        if not value:
            if required:
                self.error(name, _("This cell must not be empty."))
            return None if parse else ""
        if max_length and len(value) > max_length:
            self.error(name, _("Keep this to %(limit)s characters or fewer.") % {"limit": max_length})
            return None
        if parse is None:
            return value
        try:
            return parse(value)
        except CellError as error:
            self.error(name, error.message)
            return None


def parse_bool(value):
    lowered = value.strip().lower()
    if lowered in TRUE:
        return True
    if lowered in FALSE:
        return False
    raise CellError(_("Write yes or no."))


def _labels(choices, aliases):
    """Every way a choice may be written: its value, its label in each site language, and the
    usual Swedish name."""
    values = {value for value, _label in choices}
    known = {name: value for name, value in (aliases or {}).items() if value in values}
    for value, label in choices:
        known[value.lower()] = value
        known[value.replace("_", " ").lower()] = value
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                known.setdefault(str(label).lower(), value)
    return known


def parse_choice(choices, aliases=None):
    """``aliases``: other names people write for a value (lowercase name -> value)."""
    known = _labels(choices, aliases)

    def parse(value):
        found = known.get(" ".join(value.lower().split()))
        if found is None:
            raise CellError(
                _("“%(value)s” is not one of: %(choices)s.")
                % {"value": value, "choices": ", ".join(value for value, _label in choices)}
            )
        return found

    return parse


def parse_coordinate(limit):
    def parse(value):
        try:
            number = Decimal(value.replace(",", ".").replace(" ", ""))
        except InvalidOperation:
            raise CellError(_("Write a number in decimal degrees, such as 59.3293.")) from None
        if not number.is_finite() or not -limit <= number <= limit:
            raise CellError(_("Write a number between -%(limit)s and %(limit)s.") % {"limit": limit})
        return number.quantize(Decimal("0.00001"))

    return parse


def parse_url(value):
    url = value if "://" in value else f"https://{value}"
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise CellError(_("“%(value)s” is not a web address.") % {"value": value}) from None
    if len(url) > 200:
        raise CellError(_("Keep this to %(limit)s characters or fewer.") % {"limit": 200})
    return url


def parse_slug(value):
    try:
        validate_slug(value)
    except ValidationError:
        raise CellError(
            _("A slug has only letters a–z, digits, hyphens and underscores, such as “malmo-stad”.")
        ) from None
    return value.lower()


def parse_email(value):
    try:
        validate_email(value)
    except ValidationError:
        raise CellError(_("“%(value)s” is not an email address.") % {"value": value}) from None
    return value


def parse_date(value):
    try:
        date = datetime.date.fromisoformat(value)
    except ValueError:
        raise CellError(_("Write the date as YYYY-MM-DD, such as 2026-03-31.")) from None
    if date > timezone.localdate():
        raise CellError(_("The date is in the future."))
    return date


def parse_language(value):
    """A language code, or its name in English, in itself or in any site language."""
    lowered = value.strip().lower()
    for code, _name in settings.LANGUAGES:
        info = translation.get_language_info(code)
        names = {code, info["name"].lower(), info["name_local"].lower()}
        for other, _other_name in settings.LANGUAGES:
            with translation.override(other):
                names.add(str(info["name_translated"]).lower())
        if lowered in names:
            return code
    raise CellError(
        _("Write one of the site's languages: %(codes)s.")
        % {"codes": ", ".join(code for code, _name in settings.LANGUAGES)}
    )
