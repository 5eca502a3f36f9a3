"""How every printed report looks: palette, paragraph styles, headings, tables and notices."""
from __future__ import annotations

from decimal import Decimal

from reportlab.lib import colors
from reportlab.platypus import Table, TableStyle

from inspector_app.numbers import fmt_points
from inspector_app.typeset.fonts import HEI, LATIN, SONG, register_fonts
from inspector_app.typeset.page import DEMO, MUTED, RULE
from inspector_app.typeset.text_block import HeadingBlock, TextBlock, TextStyle

__all__ = ["ACCENT", "ACCENT_LIGHT", "DEMO", "INK", "MUTED", "RULE", "WARN", "WARN_BG", "ZEBRA", "Heading",
           "Styles", "TextStyle", "data_table", "fmt_percent", "is_keep_with_next", "notice", "para", "percent", "pts",
           "table_style"]

# --- palette --------------------------------------------------------------------------
INK = colors.HexColor("#1F2328")
# MUTED, RULE and DEMO come with the page furniture (typeset.page)
ACCENT = colors.HexColor("#1F3A5F")  # headings, the panel's own bars
ACCENT_LIGHT = colors.HexColor("#E9EEF4")  # table headers
ZEBRA = colors.HexColor("#F6F8FA")
WARN = colors.HexColor("#9A3412")
WARN_BG = colors.HexColor("#FDF1E7")


# --- styles ---------------------------------------------------------------------------
# Sizes in the Chinese 号 system (GB/T 9704): 二号 22 pt title, 三号 16 pt headings, 四号 14 pt
# sub-titles, 小四 12 pt text, 五号 10.5 pt tables, 小五 9 pt notes and furniture.

def _style(name: str, size: float, leading: float, face: str = SONG, **kw) -> TextStyle:
    kw.setdefault("color", INK)
    return TextStyle(name, size, leading, face=face, **kw)


class Styles:
    def __init__(self) -> None:
        register_fonts()
        self.body = _style("body", 12, 21, align="justify", first_indent=24, space_after=3)
        self.body_plain = _style("body_plain", 12, 19)
        self.small = _style("small", 10.5, 15)
        self.muted = _style("muted", 9, 13, color=MUTED)
        self.note = _style("note", 9, 13.5, color=MUTED, space_before=2, space_after=4, align="justify")
        self.cell = _style("cell", 9.5, 13)
        self.cell_muted = _style("cell_muted", 8.5, 11.5, color=MUTED)
        self.cell_right = _style("cell_right", 9.5, 13, align="right")
        self.cell_center = _style("cell_center", 9.5, 13, align="center")
        self.cell_head = _style("cell_head", 9.5, 13, face=HEI, color=ACCENT)
        self.cell_head_center = _style("cell_head_center", 9.5, 13, face=HEI, color=ACCENT, align="center")
        self.cell_head_right = _style("cell_head_right", 9.5, 13, face=HEI, color=ACCENT, align="right")
        self.cell_strong = _style("cell_strong", 9.5, 13, face=HEI)
        self.caption = _style("caption", 9, 12, color=MUTED, align="center")
        self.cover_kicker = _style("cover_kicker", 14, 21, face=HEI, color=MUTED, align="center")
        self.cover_title = _style("cover_title", 22, 33, face=HEI, color=ACCENT, align="center")
        self.cover_group = _style("cover_group", 16, 25, align="center")
        self.label = _style("label", 10.5, 15, face=HEI, color=MUTED)
        self.value = _style("value", 10.5, 15.5)
        self.left = _style("left", 12, 19)
        self.h1 = _style("h1", 16, 24, face=HEI, color=ACCENT, space_before=14, space_after=6)
        self.h2 = _style("h2", 14, 21, face=HEI, color=INK, space_before=8, space_after=3)
        self.draft = _style("draft", 16, 24, face=HEI, color=DEMO, align="center")


def para(text: object, style: TextStyle, bold: bool = False) -> TextBlock:
    """A block of plain (unescaped) text, any mix of Chinese, Latin and digits, broken by 避头尾."""
    return TextBlock("" if text is None else str(text), style, bold=bold)


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

def Heading(text: str, size: float = 16, color=ACCENT, rule: bool = True, space_before: float = 10,
            space_after: float = 8, outline_level: int | None = 0) -> HeadingBlock:
    """A heading in the heading face (黑体-style), with an optional rule under it; long ones wrap."""
    register_fonts()
    style = TextStyle("heading", size, size * 1.5, face=HEI, color=color, space_before=space_before,
                      space_after=space_after)
    return HeadingBlock(text, style, rule_color=color if rule else None, outline_level=outline_level)


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
    style = styles.small.but(color=color)
    table = Table([[para(text, style)]], colWidths=[width])
    table.setStyle(table_style([
        ("BACKGROUND", (0, 0), (-1, -1), background),
        ("LINEBEFORE", (0, 0), (0, -1), 2.5, color),
        ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
    ]))
    return table
