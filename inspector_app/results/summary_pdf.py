"""A short PDF for publication: the ranked table and the grade distribution.

Both fonts (TrueType outlines) are embedded as subsets, so the file prints the
same on a machine without Chinese fonts.
"""
from __future__ import annotations

import io
from pathlib import Path

from inspector_app.fsutil import write_atomic
from inspector_app.numbers import fmt_points
from inspector_app.results.model import Results

CJK_FONT = "ResultsCJK"
LATIN_FONT = "ResultsLatin"
FONT_FILES = {CJK_FONT: "DroidSansFallbackFull.ttf", LATIN_FONT: "DejaVuSans.ttf"}
_latin_chars: frozenset[int] = frozenset()


def register_fonts(font_dir: Path | str | None = None) -> None:
    """Register the shipped fonts once: Droid Sans Fallback has the Chinese but no Latin
    letters or digits, DejaVu Sans has those; text is set in runs of one or the other."""
    global _latin_chars
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    if _latin_chars:
        return
    fonts = {}
    for name, filename in FONT_FILES.items():
        if font_dir is None:
            from inspector_app.paths import resource_path
            path = resource_path("fonts", filename)
        else:
            path = Path(font_dir) / filename
        if not path.is_file():
            raise FileNotFoundError(f"找不到字体文件 {path}；请确认程序的 resources/fonts 文件夹完整")
        fonts[name] = TTFont(name, str(path))
        pdfmetrics.registerFont(fonts[name])
    _latin_chars = frozenset(fonts[LATIN_FONT].face.charToGlyph)


def runs(text: str) -> list[tuple[str, str]]:
    """(font, text) runs: CJK ideographs and punctuation in the CJK font, the rest in the Latin one."""
    out: list[tuple[str, str]] = []
    for ch in text:
        code = ord(ch)
        font = LATIN_FONT if code < 0x2E80 and code in _latin_chars else CJK_FONT
        if ch == " " and out:
            font = out[-1][0]
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + ch)
        else:
            out.append((font, ch))
    return out


def markup(text: str) -> str:
    from xml.sax.saxutils import escape
    return "".join(escape(chunk) if font == CJK_FONT else f'<font face="{font}">{escape(chunk)}</font>'
                   for font, chunk in runs(str(text)))


def _label_font(labels: list[str]) -> str:
    return LATIN_FONT if all(ord(ch) < 0x2E80 for label in labels for ch in label) else CJK_FONT


def grade_chart(results: Results, width: float = 420, height: float = 200):
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors
    counts = results.grade_counts()
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 50, 35, width - 80, height - 70
    chart.data = [[n for _, n in counts]]
    chart.categoryAxis.categoryNames = [label for label, _ in counts]
    chart.categoryAxis.labels.fontName = _label_font([label for label, _ in counts])
    chart.categoryAxis.labels.fontSize = 10
    chart.valueAxis.valueMin = 0
    top = max([n for _, n in counts] + [1])
    chart.valueAxis.valueMax = top + 1
    chart.valueAxis.valueStep = max(1, (top + 1) // 5)
    chart.valueAxis.labels.fontName = LATIN_FONT
    chart.bars[0].fillColor = colors.HexColor("#4472C4")
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = LATIN_FONT
    chart.barLabels.nudge = 7
    drawing.add(chart)
    drawing.add(String(width / 2, height - 18, "等次分布（单位个数）", fontName=CJK_FONT, fontSize=11,
                       textAnchor="middle"))
    return drawing


def build_summary_pdf(results: Results, font_dir: Path | str | None = None) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

    register_fonts(font_dir)
    font = CJK_FONT
    title_style = ParagraphStyle("t", fontName=font, fontSize=16, leading=22, alignment=1, wordWrap="CJK")
    body = ParagraphStyle("b", fontName=font, fontSize=9, leading=12, wordWrap="CJK")
    centre = ParagraphStyle("c", fontName=font, fontSize=9, leading=12, alignment=1)
    small = ParagraphStyle("s", fontName=font, fontSize=8, leading=11, wordWrap="CJK")
    title = f"{results.year} 年度{results.rubric_title}考核结果"

    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=landscape(A4), leftMargin=15 * mm, rightMargin=15 * mm,
                            topMargin=15 * mm, bottomMargin=15 * mm, title=title, author="", subject="考核结果")
    story = [Paragraph(markup(title), title_style), Spacer(1, 4 * mm),
             Paragraph(markup(f"参评单位 {len(results.units)} 个；"
                            + "，".join(f"{label} {n} 个" for label, n in results.grade_counts())), body),
             Spacer(1, 3 * mm), grade_chart(results), Spacer(1, 4 * mm)]

    head = ["排名", "集团", "类型", "核心校", "总分", "等次", "类内排名", "标记"]
    rows = [[Paragraph(markup(h), body) for h in head]]
    for r in results.units:
        u = r.unit
        cells = [str(r.rank), u.name, u.group_type, u.lead_school, fmt_points(u.total), u.grade or "未定",
                 f"{r.class_rank}/{r.class_size}", r.flag_text]
        rows.append([Paragraph(markup(c), centre if i in (0, 4, 5, 6) else body) for i, c in enumerate(cells)])
    widths = [x * mm for x in (14, 62, 22, 52, 18, 16, 18, 65)]
    table = LongTable(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDEBF7")),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    story += [table, Spacer(1, 5 * mm)]
    for note in results.notes:
        story.append(Paragraph(markup(note), small))
    for label, basis in results.rules:
        story.append(Paragraph(markup(f"{label}：{basis}"), small))
    doc.build(story, onFirstPage=_footer(), onLaterPages=_footer())
    return buf.getvalue()


def _footer():
    def draw(canvas, doc):
        canvas.saveState()
        parts = [(CJK_FONT, "第 "), (LATIN_FONT, str(doc.page)), (CJK_FONT, " 页")]
        from reportlab.pdfbase.pdfmetrics import stringWidth
        x = doc.pagesize[0] / 2 - sum(stringWidth(t, f, 8) for f, t in parts) / 2
        for f, t in parts:
            canvas.setFont(f, 8)
            canvas.drawString(x, 8 * 2.835, t)
            x += stringWidth(t, f, 8)
        canvas.restoreState()
    return draw


def write_summary_pdf(results: Results, out_path: Path | str, font_dir: Path | str | None = None) -> Path:
    """`font_dir`: where DroidSansFallbackFull.ttf and DejaVuSans.ttf are (default: resources/fonts)."""
    out = Path(out_path)
    write_atomic(out, build_summary_pdf(results, font_dir))
    return out
