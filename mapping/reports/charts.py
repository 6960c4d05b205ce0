"""Charts as SVG drawn on the server: no JavaScript, readable by screen readers (a <title>
and a <desc> that says what the chart shows), and every mark carries a text label, so nothing
is told by colour alone. The template always puts the chart's data table beside it.

A hidden figure is never drawn: its bar or point is left out and its label says it is hidden.
"""

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

BAR_HEIGHT = 22
GAP = 8
LABEL_WIDTH = 230
BAR_WIDTH = 300
VALUE_WIDTH = 170


def _text(x, y, content, **attributes):
    extra = "".join(f' {name.replace("_", "-")}="{escape(value)}"' for name, value in attributes.items())
    return f'<text x="{x}" y="{y}"{extra}>{escape(content)}</text>'


def _shorten(label, length=34):
    return label if len(label) <= length else label[: length - 1] + "…"


def _svg(element_id, width, height, title, description, body):
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="mapping-chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="100%" style="max-width:{width}px" '
        f'aria-labelledby="{element_id}-title {element_id}-desc" font-family="sans-serif" font-size="13">'
        f'<title id="{element_id}-title">{escape(title)}</title>'
        f'<desc id="{element_id}-desc">{escape(description)}</desc>'
        # A hatch as well as a colour, so the bars read in greyscale and high contrast.
        f'<defs><pattern id="{element_id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="#1d5a8c"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2"/></pattern></defs>'
        f"{body}</svg>"
    )


def bar_chart(table, element_id):
    """Horizontal bars of a distribution's counts (the first value column; not the total)."""
    rows = [row for row in table.rows if not row.total]
    if not rows:
        return ""
    shown = [row.cells[0].value for row in rows if not row.cells[0].hidden]
    largest = max(shown, default=0) or 1
    height = len(rows) * (BAR_HEIGHT + GAP) + GAP
    width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
    parts = []
    for index, row in enumerate(rows):
        y = GAP + index * (BAR_HEIGHT + GAP)
        middle = y + BAR_HEIGHT / 2 + 4
        parts.append(_text(LABEL_WIDTH - 8, middle, _shorten(row.label), text_anchor="end"))
        cell = row.cells[0]
        if cell.hidden:
            parts.append(_text(LABEL_WIDTH + 4, middle, cell.text, font_style="italic"))
            continue
        length = round(BAR_WIDTH * cell.value / largest)
        parts.append(
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{max(length, 1)}" height="{BAR_HEIGHT}" '
            f'fill="url(#{element_id}-hatch)" stroke="#1d5a8c"/>'
        )
        parts.append(_text(LABEL_WIDTH + length + 6, middle, cell.text))
    described = "; ".join(f"{row.label}: {row.cells[0].text}" for row in rows)
    description = gettext("Bar chart of the number of respondents per answer. %(values)s.") % {
        "values": described
    }
    return _svg(element_id, width, height, table.title, description, "".join(parts))


def priority_matrix(table, element_id, *, scale_max=None):
    """Themes placed by mean current level (across) and mean importance (up): high importance
    and low current level, top left, is where training is needed first. Each point is numbered
    and the numbers are listed beside the plot with the theme names."""
    points = []
    for number, row in enumerate(table.rows, start=1):
        current, importance = row.cells[1], row.cells[3]
        if current.hidden or importance.hidden or current.value is None or importance.value is None:
            continue
        points.append((number, row.label, current.value, importance.value))
    low = 1
    high = scale_max or max([4, *(max(p[2], p[3]) for p in points)])
    size, margin = 360, 56
    span = max(high - low, 1)

    def x(value):
        return margin + (value - low) / span * size

    def y(value):
        return margin + size - (value - low) / span * size

    parts = [
        f'<rect x="{margin}" y="{margin}" width="{size}" height="{size}" fill="none" stroke="#444"/>',
        f'<line x1="{x((low + high) / 2)}" y1="{margin}" x2="{x((low + high) / 2)}" y2="{margin + size}" '
        f'stroke="#888" stroke-dasharray="4 4"/>',
        f'<line x1="{margin}" y1="{y((low + high) / 2)}" x2="{margin + size}" y2="{y((low + high) / 2)}" '
        f'stroke="#888" stroke-dasharray="4 4"/>',
        _text(margin + size / 2, margin + size + 40, gettext("Mean current level"), text_anchor="middle"),
        _text(
            16,
            margin + size / 2,
            gettext("Mean importance"),
            text_anchor="middle",
            transform=f"rotate(-90 16 {margin + size / 2})",
        ),
        _text(
            margin + 6, margin + 16, gettext("Priority: important, little competence"), font_style="italic"
        ),
    ]
    for step in range(low, int(high) + 1):
        parts.append(_text(x(step), margin + size + 18, str(step), text_anchor="middle"))
        parts.append(_text(margin - 10, y(step) + 4, str(step), text_anchor="end"))
    legend_x = margin + size + 24
    for index, (number, label, current, importance) in enumerate(points):
        parts.append(
            f'<circle cx="{x(current):.1f}" cy="{y(importance):.1f}" r="11" fill="#ffffff" '
            f'stroke="#1d5a8c" stroke-width="2"/>'
        )
        parts.append(
            _text(f"{x(current):.1f}", f"{y(importance) + 4:.1f}", str(number), text_anchor="middle")
        )
        parts.append(_text(legend_x, margin + 16 + index * 20, f"{number}. {_shorten(label, 30)}"))
    described = "; ".join(
        gettext("%(number)s. %(theme)s: current %(current)s, importance %(importance)s")
        % {
            "number": number,
            "theme": label,
            "current": number_format(round(current, 2), 2),
            "importance": number_format(round(importance, 2), 2),
        }
        for number, label, current, importance in points
    )
    hidden = len(table.rows) - len(points)
    description = gettext("Priority matrix of the themes. %(values)s.") % {"values": described}
    if hidden:
        description += " " + gettext("%(count)s themes with hidden figures are not drawn.") % {
            "count": hidden
        }
    width = legend_x + 260
    return _svg(element_id, width, margin * 2 + size, table.title, description, "".join(parts))


def chart_for(table, element_id):
    if table.chart == "bar":
        return bar_chart(table, element_id)
    if table.chart == "priority":
        return priority_matrix(table, element_id, scale_max=table.scale or None)
    return ""
