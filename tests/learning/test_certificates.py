"""Certificates: the PDF carries the name, module and code in any script the font covers, and
codes are read back however a person types them."""

import datetime
import re

import pytest
from django.utils import translation
from fpdf import FPDF

from learning import certificate_pdf
from learning.certificate_pdf import certificate_pdf_bytes
from learning.models import Certificate
from learning.models.certificates import (
    CODE_ALPHABET,
    CODE_LENGTH,
    new_certificate_code,
    normalise_certificate_code,
)


def needs_swedish(*texts):
    """locale/sv is filled in after the code lands: until it has these strings the check is
    expected to fail, and it starts counting by itself once they are there."""
    with translation.override("sv"):
        missing = [text for text in texts if translation.gettext(text) == text]
    return pytest.mark.xfail(bool(missing), reason=f"not yet in the sv catalogue: {missing}", strict=True)


class UncompressedFPDF(FPDF):
    """Content streams in the clear, so a test can read the text back."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.set_compression(False)


@pytest.fixture
def uncompressed(monkeypatch):
    monkeypatch.setattr(certificate_pdf, "FPDF", UncompressedFPDF)


def certificate(
    name="Anna Andersson", title="Likabehandling i praktiken", language="sv", code="ABCD2345EFGH"
):
    # Unsaved: the PDF needs only the copied fields; issued_at is set as the database would.
    return Certificate(
        participant_name=name,
        module_title=title,
        language=language,
        code=code,
        issued_at=datetime.datetime(2026, 3, 14, 10, 0, tzinfo=datetime.UTC),
    )


# --- Reading text back out of a PDF ---------------------------------------------------------

_ESCAPES = {
    b"n": b"\n",
    b"r": b"\r",
    b"t": b"\t",
    b"b": b"\b",
    b"f": b"\f",
    b"(": b"(",
    b")": b")",
    b"\\": b"\\",
}


def _literal_strings(pdf):
    """The operands of every ``Tj`` in the content streams, unescaped."""
    strings = []
    for match in re.finditer(rb"\((?P<body>(?:\\.|[^\\)])*)\)\s*Tj", pdf, re.S):
        body = re.sub(rb"\\([0-7]{1,3}|.)", lambda m: _unescape(m.group(1)), match["body"], flags=re.S)
        strings.append(body)
    return strings


def _unescape(escape):
    if escape[:1].isdigit():
        return bytes([int(escape, 8)])
    return _ESCAPES.get(escape, escape)


def _to_unicode_maps(pdf):
    """Each embedded font's glyph id → text, from its ToUnicode CMap."""
    maps = []
    for section in re.findall(rb"beginbfchar(.*?)endbfchar", pdf, re.S):
        pairs = re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", section)
        maps.append(
            {int(glyph, 16): bytes.fromhex(text.decode()).decode("utf-16-be") for glyph, text in pairs}
        )
    return maps


def pdf_text(pdf: bytes) -> list[str]:
    """Every line of text the PDF shows: Latin-1 core-font strings as they are, embedded-font
    strings decoded through each font's ToUnicode map (only the right map gives sense)."""
    lines = []
    maps = _to_unicode_maps(pdf)
    for raw in _literal_strings(pdf):
        if not maps:
            lines.append(raw.decode("latin-1"))
            continue
        glyphs = [int.from_bytes(raw[i : i + 2], "big") for i in range(0, len(raw) - 1, 2)]
        for cmap in maps:
            if all(g in cmap for g in glyphs):
                lines.append("".join(cmap[g] for g in glyphs))
    return lines


def pdf_title(pdf: bytes) -> str:
    value = re.search(rb"/Title\s*<feff([0-9a-fA-F]*)>", pdf)
    if value:
        return bytes.fromhex(value.group(1).decode()).decode("utf-16-be")
    return re.search(rb"/Title\s*\((.*?)\)", pdf).group(1).decode("latin-1")


# --- The PDF -------------------------------------------------------------------------------


def test_pdf_shows_name_module_and_code(db, uncompressed):
    pdf = certificate_pdf_bytes(certificate())
    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")
    text = pdf_text(pdf)
    assert "Anna Andersson" in text
    assert "Likabehandling i praktiken" in text
    assert any("ABCD-2345-EFGH" in line for line in text)
    assert any("/sv/learning/" in line or "code=ABCD-2345-EFGH" in line for line in text)
    assert "Likabehandling i praktiken" in pdf_title(pdf)
    assert b"/Lang (sv)" in pdf


@needs_swedish("This certifies that", "Verification code: %(code)s")
def test_a_swedish_certificate_is_worded_in_swedish(db, uncompressed):
    text = pdf_text(certificate_pdf_bytes(certificate(language="sv")))
    assert "14 mars 2026" in text
    assert "This certifies that" not in text
    assert not any(line.startswith("Verification code") for line in text)


@pytest.mark.parametrize(
    "name", ["Łukasz Żółć", "Ngũgĩ wa Thiong'o", "Đorđe Šćepanović", "Αλέξανδρος Παπαδόπουλος"]
)
def test_names_beyond_latin_1_print_as_written(db, uncompressed, name):
    text = pdf_text(certificate_pdf_bytes(certificate(name=name)))
    assert name in text


def test_a_name_the_font_cannot_draw_does_not_crash(db):
    pdf = certificate_pdf_bytes(certificate(name="李小龍 محمد"))
    assert pdf.startswith(b"%PDF-")


def test_without_the_truetype_font_latin_1_names_still_print_and_others_do_not_crash(
    db, settings, uncompressed
):
    settings.LEARNING_CERTIFICATE_FONT = "/nonexistent/font.ttf"
    pdf = certificate_pdf_bytes(certificate(name="Åsa Öberg-Ñúñez"))
    assert "Åsa Öberg-Ñúñez" in pdf_text(pdf)
    pdf = certificate_pdf_bytes(certificate(name="Łukasz Żółć"))
    assert pdf.startswith(b"%PDF-")
    assert any("ukasz" in line for line in pdf_text(pdf))


def test_pdf_is_in_the_certificates_language(db, uncompressed):
    pdf = certificate_pdf_bytes(certificate(language="en", title="Equal treatment in practice"))
    assert b"/Lang (en)" in pdf
    text = pdf_text(pdf)
    assert "Certificate" in text
    assert any(line.startswith("Verification code: ") for line in text)
    assert any("/en/learning/" in line for line in text)


# --- Codes -----------------------------------------------------------------------------------


def test_codes_use_only_unambiguous_characters():
    codes = {new_certificate_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        assert len(code) == CODE_LENGTH
        assert set(code) <= set(CODE_ALPHABET)
    assert not set("01ILO") & set(CODE_ALPHABET)


@pytest.mark.parametrize(
    "typed",
    ["ABCD2345EFGH", "abcd-2345-efgh", " abcd 2345 efgh ", "ABCD–2345–EFGH", "abcd.2345.efgh\n"],
)
def test_normalise_certificate_code_accepts_lowercase_dashes_and_spaces(typed):
    assert normalise_certificate_code(typed) == "ABCD2345EFGH"


@pytest.mark.parametrize("typed", [None, "", "----", "   "])
def test_normalise_certificate_code_of_nothing_is_empty(typed):
    assert normalise_certificate_code(typed) == ""


def test_normalise_certificate_code_bounds_what_it_returns():
    assert len(normalise_certificate_code("A" * 10_000)) <= CODE_LENGTH + 8


def test_display_code_round_trips(db):
    issued = certificate(code="ABCD2345EFGH")
    assert issued.display_code == "ABCD-2345-EFGH"
    assert normalise_certificate_code(issued.display_code) == issued.code
