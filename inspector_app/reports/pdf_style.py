"""How every printed report looks: palette, paragraph styles, headings, tables and notices."""
from __future__ import annotations

from decimal import Decimal

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from inspector_app.numbers import fmt_points
from inspector_app.reports.fonts import CJK, LATIN, markup, register_fonts

__all__ = ["ACCENT", "ACCENT_LIGHT", "DEMO", "INK", "MUTED", "RULE", "WARN", "WARN_BG", "ZEBRA", "Heading",
           "Styles", "data_table", "fmt_percent", "is_keep_with_next", "notice", "para", "percent", "pts",
           "table_style"]

# --- palette --------------------------------------------------------------------------
INK = colors.HexColor("#1F2328")
MUTED = colors.HexColor("#5B6570")
ACCENT = colors.HexColor("#1F3A5F")  # headings, the panel's own bars
ACCENT_LIGHT = colors.HexColor("#E9EEF4")  # table headers
RULE = colors.HexColor("#B8C2CC")
ZEBRA = colors.HexColor("#F6F8FA")
WARN = colors.HexColor("#9A3412")
WARN_BG = colors.HexColor("#FDF1E7")
DEMO = colors.HexColor("#C0392B")


# --- styles ---------------------------------------------------------------------------

def _style(name: str, size: float, leading: float, **kw) -> ParagraphStyle:
    kw.setdefault("textColor", INK)
    return ParagraphStyle(name, fontName=CJK, fontSize=size, leading=leading, wordWrap="CJK", **kw)


class Styles:
    def __init__(self) -> None:
        register_fonts()
        self.body = _style("body", 10.5, 17, spaceAfter=4, firstLineIndent=21)
        self.body_plain = _style("body_plain", 10.5, 16)
        self.small = _style("small", 9, 13)
        self.muted = _style("muted", 8.5, 12, textColor=MUTED)
        self.note = _style("note", 9, 13.5, textColor=MUTED, spaceBefore=2, spaceAfter=4)
        self.cell = _style("cell", 9, 12.5)
        self.cell_muted = _style("cell_muted", 8, 11, textColor=MUTED)
        self.cell_right = _style("cell_right", 9, 12.5, alignment=TA_RIGHT)
        self.cell_center = _style("cell_center", 9, 12.5, alignment=TA_CENTER)
        self.cell_head = _style("cell_head", 9, 12.5, textColor=ACCENT)
        self.cell_head_center = _style("cell_head_center", 9, 12.5, textColor=ACCENT, alignment=TA_CENTER)
        self.cell_head_right = _style("cell_head_right", 9, 12.5, textColor=ACCENT, alignment=TA_RIGHT)
        self.caption = _style("caption", 8.5, 12, textColor=MUTED, alignment=TA_CENTER)
        self.cover_kicker = _style("cover_kicker", 12, 18, textColor=MUTED, alignment=TA_CENTER)
        self.cover_title = _style("cover_title", 26, 36, textColor=ACCENT, alignment=TA_CENTER)
        self.cover_group = _style("cover_group", 17, 25, alignment=TA_CENTER)
        self.label = _style("label", 10, 15, textColor=MUTED)
        self.value = _style("value", 10.5, 15.5)
        self.left = _style("left", 10.5, 16, alignment=TA_LEFT)


def para(text: object, style: ParagraphStyle, bold: bool = False) -> Paragraph:
    """A paragraph of plain (unescaped) text, any mix of Chinese, Latin and digits."""
    return Paragraph(markup("" if text is None else str(text), bold), style)


def pts(value: Decimal | None) -> str:
    return fmt_points(value)


def percent(points: Decimal | None, maximum: Decimal | None) -> Decimal | None:
    if points is None or not maximum:
        return None
    return (Decimal(points) / Decimal(maximum) * 100).quantize(Decimal("0.1"))


def fmt_percent(value: Decimal | None) -> str:
    if value is None:
        return "—"
    return f"{fmt_points(Decimal(value).quantize(Decimal('0.1')))}%"


# --- headings -------------------------------------------------------------------------

class Heading(Flowable):
    """A one-line heading set slightly heavier (fill and stroke), with an optional rule under it.

    Droid Sans Fallback has no bold face; a thin outline on the glyphs gives
    headings their weight without faking a font. Long headings fall back to a
    wrapped paragraph.
    """

    def __init__(self, text: str, size: float = 15, color=ACCENT, rule: bool = True,
                 space_before: float = 10, space_after: float = 8, outline_level: int | None = 0):
        super().__init__()
        self.text, self.size, self.color, self.rule = text, size, color, rule
        self.space_before, self.space_after = space_before, space_after
        self.outline_level = outline_level
        self._height = size * 1.5 + (5 if rule else 0)

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        return avail_width, self._height

    def getSpaceBefore(self):
        return self.space_before

    def getSpaceAfter(self):
        return self.space_after

    def draw(self):
        c = self.canv
        c.saveState()
        c.setFillColor(self.color)
        c.setStrokeColor(self.color)
        c.setLineWidth(self.size * 0.025)
        y = self._height - self.size * 1.1
        text = c.beginText()
        text.setTextRenderMode(2)
        text.setTextOrigin(0, y)
        from inspector_app.reports.fonts import runs
        for font, chunk in runs(self.text, bold=True):
            text.setFont(font, self.size)
            text.textOut(chunk)
        c.drawText(text)
        if self.rule:
            c.setLineWidth(0.8)
            c.line(0, 1, self.width, 1)
        if self.outline_level is not None:
            key = f"h{id(self)}"
            c.bookmarkPage(key, fit="XYZ", top=self._height)
            c.addOutlineEntry(self.text, key, level=self.outline_level)
        c.restoreState()


def is_keep_with_next(flowable) -> None:
    flowable.keepWithNext = True


# --- tables ---------------------------------------------------------------------------

def table_style(commands: list) -> TableStyle:
    """A TableStyle whose cell font is an embedded one (the default would be Helvetica, never embedded)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), LATIN)] + list(commands))


def data_table(rows: list[list], widths: list[float], header_rows: int = 1, zebra: bool = True,
               extra: list | None = None, repeat: bool = True, split_rows: bool = False) -> Table:
    """A plain, printable table: tinted header repeated on every page, hairlines, light zebra rows.

    split_rows lets a row taller than what is left of a page continue on the next one.
    """
    table = Table(rows, colWidths=widths, repeatRows=header_rows if repeat else 0, hAlign="LEFT",
                  splitInRow=1 if split_rows else 0)
    style = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("LINEABOVE", (0, 0), (-1, 0), 1, ACCENT),
    ]
    if header_rows:
        style += [("BACKGROUND", (0, 0), (-1, header_rows - 1), ACCENT_LIGHT),
                  ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, ACCENT)]
    if zebra:
        for r in range(header_rows, len(rows)):
            if (r - header_rows) % 2 == 1:
                style.append(("BACKGROUND", (0, r), (-1, r), ZEBRA))
    style += extra or []
    table.setStyle(table_style(style))
    return table


def notice(text: str, styles: Styles, width: float, color=WARN, background=WARN_BG) -> Table:
    """A tinted box for something the reader must not miss (unscored indicators, a veto)."""
    style = ParagraphStyle("notice", parent=styles.small, textColor=color)
    table = Table([[para(text, style)]], colWidths=[width])
    table.setStyle(table_style([
        ("BACKGROUND", (0, 0), (-1, -1), background),
        ("LINEBEFORE", (0, 0), (0, -1), 2.5, color),
        ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
    ]))
    return table
