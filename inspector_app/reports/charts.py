"""Charts drawn with reportlab.graphics, labelled in the embedded fonts."""
from __future__ import annotations

from decimal import Decimal

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, Line, Rect
from reportlab.lib import colors

from inspector_app.numbers import fmt_points
from inspector_app.typeset.fonts import LATIN, string_group, string_width
from inspector_app.reports.pdf_style import ACCENT, INK, MUTED, RULE

SERIES_COLORS = [ACCENT, colors.HexColor("#A7B1BC"), colors.HexColor("#D9A066")]


def area_percent_chart(categories: list[str], series: list[tuple[str, list[Decimal | None]]],
                       width: float) -> Drawing:
    """Horizontal bars: one group per area, one bar per series (本次考核, 上学年, 自评), 0–100%.

    A missing value (None) draws no bar and no label.
    """
    label_size, value_size = 9, 7
    label_w = max(string_width(c, label_size) for c in categories) + 8
    n_series = max(len(series), 1)
    bar_h = 7 if n_series > 1 else 10
    group_h = n_series * bar_h + 10
    plot_h = group_h * len(categories)
    legend_h = 18
    height = plot_h + legend_h + 22
    drawing = Drawing(width, height)
    drawing.initialFontName = LATIN  # the renderer's starting font, else the unembedded Helvetica

    chart = HorizontalBarChart()
    chart.x = label_w
    chart.y = 16
    chart.width = width - label_w - 30
    chart.height = plot_h
    # the first category at the top, as people read a list
    # series drawn bottom-up inside a group: reverse them so the first (本次考核) sits on top
    chart.data = [[float(v) if v is not None else None for v in reversed(values)] for _, values in reversed(series)]
    chart.categoryAxis.categoryNames = [""] * len(categories)
    chart.categoryAxis.labels.visible = False
    chart.categoryAxis.labels.fontName = LATIN
    chart.categoryAxis.visibleTicks = False
    chart.categoryAxis.strokeColor = RULE
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = 100
    chart.valueAxis.valueStep = 20
    chart.valueAxis.labels.fontName = LATIN
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.labels.fillColor = MUTED
    chart.valueAxis.labelTextFormat = "%d%%"
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#E3E7EB")
    chart.valueAxis.gridStrokeWidth = 0.5
    chart.barSpacing = 1
    chart.groupSpacing = 10
    chart.bars.strokeColor = None
    for i in range(len(series)):
        chart.bars[len(series) - 1 - i].fillColor = SERIES_COLORS[i % len(SERIES_COLORS)]
    chart.barLabels.fontName = LATIN
    chart.barLabels.fontSize = value_size
    chart.barLabels.fillColor = INK
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.barLabelFormat = lambda v: "" if v is None else fmt_points(Decimal(str(v)).quantize(Decimal("0.1")))
    drawing.add(chart)

    # category labels, each set in the fonts its characters need
    step = plot_h / len(categories)
    for i, name in enumerate(categories):
        y = chart.y + plot_h - step * (i + 0.5) - label_size * 0.35
        drawing.add(string_group(label_w - 8, y, name, label_size, anchor="end", color=INK))

    # legend above the plot
    x = label_w
    y = chart.y + plot_h + 8
    for i, (label, _) in enumerate(series):
        drawing.add(Rect(x, y, 9, 7, fillColor=SERIES_COLORS[i % len(SERIES_COLORS)], strokeColor=None))
        drawing.add(string_group(x + 13, y, label, 8.5, color=INK))
        x += 13 + string_width(label, 8.5) + 16
    drawing.add(Line(chart.x, chart.y, chart.x, chart.y + plot_h, strokeColor=RULE, strokeWidth=0.6))
    return drawing
