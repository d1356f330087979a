"""The executive summary's chart: one stacked horizontal bar per reference category."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from reportlab.graphics import shapes
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from criteria_compare.report.data import STATUS_ORDER, Counts
from criteria_compare.report.fonts import BODY_FONT, has_cjk
from criteria_compare.report.pdf_styles import INK, MUTED, STATUS_BAR

if TYPE_CHECKING:
    from criteria_compare.report.i18n import Translator

__all__ = ["MAX_CHART_CATEGORIES", "category_chart"]

MAX_CHART_CATEGORIES = 30

# A drawing starts its graphics state in reportlab's default font, Helvetica, which would be
# referenced (unembedded) even though every string is set in DejaVu: start it in DejaVu.
shapes.STATE_DEFAULTS["fontName"] = BODY_FONT
_BAR = 13.0
_GAP = 5.0


def _label(name: str, limit: int = 40) -> str:
    if has_cjk(name):  # the chart font has no CJK glyphs; the tables name the category
        return "…"
    name = " ".join(name.split())
    return name if len(name) <= limit else name[: limit - 1] + "…"


def category_chart(
    by_section: Mapping[str, Counts], width: float, t: Translator | None = None
) -> Drawing:
    """Stacked bars of assessment counts per category, with a legend naming every colour."""
    names = list(by_section)[:MAX_CHART_CATEGORIES]
    label_width = 175.0
    plot_height = len(names) * (_BAR + _GAP)
    legend_height = 28.0
    axis_height = 16.0
    height = plot_height + legend_height + axis_height + 6
    drawing = Drawing(width, height)

    chart = HorizontalBarChart()
    chart.x = label_width
    chart.y = legend_height + axis_height
    chart.width = width - label_width - 10
    chart.height = plot_height
    # Reverse so the first category is drawn at the top.
    ordered = list(reversed(names))
    chart.data = [[by_section[name].count(status) for name in ordered] for status in STATUS_ORDER]
    chart.categoryAxis.categoryNames = [_label(n) for n in ordered]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.labels.fontName = BODY_FONT
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.fillColor = INK
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = MUTED
    chart.categoryAxis.tickLeft = 0
    chart.valueAxis.valueMin = 0
    biggest = max((c.total for c in by_section.values()), default=1)
    chart.valueAxis.valueMax = max(1, biggest)
    chart.valueAxis.labels.fontName = BODY_FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labels.fillColor = MUTED
    chart.valueAxis.strokeColor = MUTED
    chart.valueAxis.gridStrokeColor = colors.HexColor("#E3E7EC")
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.forceZero = 1
    chart.barSpacing = 0
    chart.groupSpacing = _GAP
    chart.barWidth = _BAR
    for i, status in enumerate(STATUS_ORDER):
        chart.bars[i].fillColor = STATUS_BAR[status]
        chart.bars[i].strokeColor = colors.white
        chart.bars[i].strokeWidth = 0.4
    drawing.add(chart)

    # The legend: a swatch and the assessment's name for every colour, in one row.
    from criteria_compare.report.i18n import translator

    t = t or translator()
    x = label_width
    for status in STATUS_ORDER:
        name = t.status(status)
        drawing.add(
            Rect(x, 10, 8, 8, fillColor=STATUS_BAR[status], strokeColor=MUTED, strokeWidth=0.3)
        )
        drawing.add(String(x + 11, 11, name, fontName=BODY_FONT, fontSize=7.5, fillColor=INK))
        x += 11 + stringWidth(name, BODY_FONT, 7.5) + 14
    return drawing
