"""The certificate as a PDF: name, module, date and the code anyone can check at the public
verification page. Drawn with fpdf2 (pure Python) and a TrueType font, so names in any script
the font covers print correctly; tagged with a title and language for screen readers."""

import os

from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _
from fpdf import FPDF

from .conf import setting


def _fonts(pdf):
    regular, bold = setting("LEARNING_CERTIFICATE_FONT"), setting("LEARNING_CERTIFICATE_FONT_BOLD")
    if os.path.exists(regular) and os.path.exists(bold):
        pdf.add_font("body", "", regular)
        pdf.add_font("body", "B", bold)
        return "body", False
    return "helvetica", True  # core font: Latin-1 only


def _text(value, latin1_only):
    return value.encode("latin-1", "replace").decode("latin-1") if latin1_only else value


def certificate_pdf_bytes(certificate, *, request=None) -> bytes:
    with translation.override(certificate.language):
        verify_path = reverse("learning:verify") + f"?code={certificate.display_code}"
        verify_url = request.build_absolute_uri(verify_path) if request is not None else verify_path
        pdf = FPDF(orientation="landscape", format="A4")
        pdf.set_title(_("Certificate") + f" – {certificate.module_title}")
        pdf.set_author("HEART")
        pdf.set_lang(certificate.language)
        pdf.set_auto_page_break(False)
        pdf.add_page()
        family, latin1 = _fonts(pdf)
        pdf.set_draw_color(20, 80, 120)
        pdf.set_line_width(1.2)
        pdf.rect(10, 10, pdf.w - 20, pdf.h - 20)

        def line(text, size, style="", gap=4):
            pdf.set_font(family, style, size)
            pdf.multi_cell(0, size * 0.5, _text(text, latin1), align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(gap)

        pdf.set_y(35)
        line(_("Certificate"), 30, "B", 10)
        line(_("This certifies that"), 14)
        line(certificate.participant_name, 26, "B", 6)
        line(_("has completed the training module"), 14)
        line(certificate.module_title, 20, "B", 10)
        line(formats.date_format(certificate.issued_at.date(), "DATE_FORMAT"), 14, gap=20)
        line(_("Verification code: %(code)s") % {"code": certificate.display_code}, 12, gap=2)
        line(_("Check it at %(url)s") % {"url": verify_url}, 10)
        return bytes(pdf.output())
