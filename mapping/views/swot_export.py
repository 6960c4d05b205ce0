"""A board, and the combined board of a topic, as a printable page and as an XLSX workbook.

A board's print page and workbook are for its members, like the board; the combined board
(every organisation's items on a topic) is for SWOT facilitators. Texts are typed by
participants, so the workbook never lets a spreadsheet read one as a formula.
"""

import io

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from ..models import Quadrant
from ..selectors import swot as selectors
from .swot import board_or_404, personal

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _author(user):
    return (user.get_full_name() or user.get_username()) if user is not None else _("Former participant")


def board_rows(board):
    header = [_("Quadrant"), _("Item"), _("Votes"), _("Added by"), _("Comments")]
    labels = dict(Quadrant.choices)
    rows = []
    for quadrant in selectors.board_quadrants(board=board):
        for item in quadrant.items:
            comments = "\n".join(f"{_author(c.author)}: {c.text}" for c in item.comments.all())
            rows.append(
                [str(labels[item.quadrant]), item.text, item.vote_count, _author(item.author), comments]
            )
    return header, rows


def combined_rows(quadrants):
    header = [_("Quadrant"), _("Item"), _("Votes"), _("Organisations"), _("Boards")]
    labels = dict(Quadrant.choices)
    rows = []
    for quadrant in quadrants:
        for item in quadrant.items:
            rows.append(
                [
                    str(labels[item.quadrant]),
                    item.text,
                    item.vote_count,
                    ", ".join(item.organisations),
                    item.boards,
                ]
            )
    return header, rows


def xlsx_bytes(header, rows, *, title) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import TYPE_STRING
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = (
        (title.replace("/", "-").replace("\\", "-").replace("*", "").replace("?", "")[:31]) or "SWOT"
    )
    for char in "[]:":
        sheet.title = sheet.title.replace(char, "")
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            # openpyxl stores text starting with "=" as a formula; these are always text.
            if cell.data_type == "f":
                cell.data_type = TYPE_STRING
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for column, width in zip("ABCDE", (16, 60, 8, 30, 60), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _download(content, filename):
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    return personal(response)


@login_required
@require_GET
def board_print(request, board_id):
    board = board_or_404(request, board_id)
    context = {
        "board": board,
        "name": selectors.topic_name(board),
        "quadrants": selectors.board_quadrants(board=board),
    }
    return personal(render(request, "mapping/swot/print.html", context))


@login_required
@require_GET
def board_export(request, board_id):
    board = board_or_404(request, board_id)
    name = selectors.topic_name(board)
    header, rows = board_rows(board)
    return _download(xlsx_bytes(header, rows, title=name), f"swot-{board.pk}-{slugify(name)[:40]}.xlsx")


def _topic_or_404(request, slug):
    topic = selectors.topic_by_slug(slug) if request.user.has_perm(selectors.FACILITATE) else None
    if topic is None:
        raise Http404(_("There is no combined SWOT board here."))
    return topic


def _combined_context(topic):
    boards, quadrants = selectors.combined_board(topic=topic)
    return {
        "topic": topic,
        "name": selectors.theme_names_by_key().get(topic.translation_key, topic.name),
        "boards": boards,
        "quadrants": quadrants,
    }


@login_required
@require_GET
def combined(request, slug):
    context = _combined_context(_topic_or_404(request, slug))
    return personal(render(request, "mapping/swot/combined.html", context))


@login_required
@require_GET
def combined_print(request, slug):
    context = _combined_context(_topic_or_404(request, slug))
    return personal(render(request, "mapping/swot/print.html", {**context, "combined": True}))


@login_required
@require_GET
def combined_export(request, slug):
    context = _combined_context(_topic_or_404(request, slug))
    header, rows = combined_rows(context["quadrants"])
    return _download(xlsx_bytes(header, rows, title=context["name"]), f"swot-{context['topic'].slug}.xlsx")
