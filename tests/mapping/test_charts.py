"""Server-rendered SVG charts: accessible names, a text label on every mark, hidden figures
never drawn, and labels escaped."""

import xml.etree.ElementTree as ET

from django.utils import translation

from mapping.reports import charts, tables
from mapping.reports.tables import Mean

SVG = "{http://www.w3.org/2000/svg}"


def _parse(svg):
    return ET.fromstring(str(svg))


def test_bar_chart_draws_shown_counts_only_and_labels_every_bar():
    with translation.override("en"):
        table = tables.distribution(
            key="q",
            title="Size <b>",
            labels=["Small & co", "Large", "Huge", "Tiny"],
            counts=[3, 30, 12, 4],
            k=5,
        )
        svg = charts.bar_chart(table, "c1")
    root = _parse(svg)
    assert root.get("role") == "img" and root.get("aria-labelledby") == "c1-title c1-desc"
    assert root.find(f"{SVG}title").text == "Size <b>"
    description = root.find(f"{SVG}desc").text
    assert "Large: 30" in description and "Small & co: hidden (fewer than 5)" in description
    bars = [rect for rect in root.iter(f"{SVG}rect") if rect.get("fill", "").startswith("url(")]
    assert len(bars) == 2  # 3 and 4 are hidden: two hidden counts need no complement
    texts = [text.text for text in root.iter(f"{SVG}text")]
    assert "Small & co" in texts and "30" in texts and "hidden (fewer than 5)" in texts
    assert "3" not in texts and "4" not in texts and "12" in texts


def test_a_distribution_with_one_small_count_hides_a_second_one_in_the_chart_too():
    with translation.override("en"):
        table = tables.distribution(key="q", title="T", labels=["A", "B", "C"], counts=[3, 30, 12], k=5)
    hidden = [row.label for row in table.rows if row.cells[0].hidden]
    assert hidden == ["A", "C"]
    svg = charts.bar_chart(table, "c2")
    texts = [text.text for text in _parse(svg).iter(f"{SVG}text")]
    assert "12" not in texts and "3" not in texts and "30" in texts


def test_priority_matrix_plots_themes_with_both_means_shown():
    with translation.override("en"):
        table = tables.themes(
            key="kompetens",
            title="Competence",
            labels=["Equality", "Accessibility", "CSR"],
            current=[Mean(10, 20.0), Mean(8, 24.0), Mean(2, 8.0)],
            importance=[Mean(10, 40.0), Mean(8, 24.0), Mean(2, 6.0)],
            k=5,
            scale=4,
        )
        svg = charts.priority_matrix(table, "c3", scale_max=4)
    root = _parse(svg)
    circles = list(root.iter(f"{SVG}circle"))
    assert len(circles) == 2  # CSR rests on 2 respondents
    description = root.find(f"{SVG}desc").text
    assert "1. Equality: current 2.00, importance 4.00" in description
    assert "CSR" not in description and "1 themes with hidden figures" in description
    texts = [text.text for text in root.iter(f"{SVG}text")]
    assert "1. Equality" in texts and "2. Accessibility" in texts
    assert "Mean current level" in texts and "Mean importance" in texts


def test_chart_for_tables_without_a_chart_is_empty():
    with translation.override("en"):
        table = tables.numbers(key="n", title="Staff", mean=Mean(10, 100.0), k=5)
    assert charts.chart_for(table, "c4") == ""
