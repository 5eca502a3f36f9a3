"""The one text flowable every report sets its words in: paragraphs, table cells and headings.

Lines are broken by `linebreak.break_lines` (避头尾), never by reportlab, so
the rule holds in every path; Chinese text gets its full-width punctuation
first. Justified lines spread their slack evenly over the characters
(两端对齐), the last line of a paragraph stays flush left. A block splits
between lines across pages, keeping at least two lines on each side.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.platypus import Flowable

from inspector_app.typeset.fonts import HEI, SONG, runs, string_width
from inspector_app.typeset.linebreak import break_lines, fullwidth

__all__ = ["HeadingBlock", "TextBlock", "TextStyle"]


@dataclass(frozen=True)
class TextStyle:
    name: str
    size: float
    leading: float
    face: str = SONG  # SONG for text, HEI for headings and emphasis
    color: object = colors.black
    align: str = "left"  # left | center | right | justify
    first_indent: float = 0.0
    space_before: float = 0.0
    space_after: float = 0.0
    bold: bool = False

    def but(self, **changes) -> "TextStyle":
        return dataclasses.replace(self, **changes)


class TextBlock(Flowable):
    def __init__(self, text: object, style: TextStyle, bold: bool = False,
                 lines: list[tuple[str, bool]] | None = None,
                 indent_first: bool = True):
        super().__init__()
        self.text = fullwidth("" if text is None else str(text))
        self.style = style.but(bold=True) if bold and not style.bold else style
        self._lines = lines
        self._width_for: float | None = None
        self.indent_first = indent_first

    # reportlab's Paragraph offers these; tables and KeepTogether ask for them
    def getSpaceBefore(self):
        return self.style.space_before

    def getSpaceAfter(self):
        return self.style.space_after

    def measure(self, text: str) -> float:
        return string_width(text, self.style.size, self.style.bold, self.style.face)

    def lines(self, width: float) -> list[tuple[str, bool]]:
        """(line, ends its paragraph) at this width."""
        if self._lines is not None and self._width_for is None:
            return self._lines  # the rest of a split block keeps the breaks it was given
        if self._width_for != width:
            indent = self.style.first_indent if self.indent_first else 0
            out: list[tuple[str, bool]] = []
            for p_no, paragraph in enumerate(self.text.split("\n")):
                first = width - indent if p_no == 0 else width
                got = break_lines(paragraph, width, self.measure, first_width=first)
                out += [(line, k == len(got) - 1) for k, line in enumerate(got)]
            self._lines, self._width_for = out, width
        return self._lines

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        self.text_height = len(self.lines(avail_width)) * self.style.leading
        self.height = self.text_height
        return avail_width, self.height

    def minWidth(self):
        return max((self.measure(c) for c in self.text.split()), default=0)

    def split(self, avail_width, avail_height):
        lines = self.lines(avail_width)
        fit = int(avail_height // self.style.leading)
        if fit >= len(lines):
            return [self]
        if len(lines) - fit < 2:
            fit = len(lines) - 2  # no widow: two lines at least go over
        if fit < 2:
            return []  # no orphan: the whole block moves on
        head = TextBlock(self.text, self.style.but(space_after=0), lines=lines[:fit], indent_first=self.indent_first)
        tail = TextBlock(self.text, self.style.but(space_before=0), lines=lines[fit:], indent_first=False)
        return [head, tail]

    def draw(self):
        st = self.style
        c = self.canv
        lines = self.lines(self.width)
        top = self.text_height - (st.leading - st.size) / 2 - st.size * 0.86
        c.saveState()
        c.setFillColor(st.color)
        faux_bold = st.bold and st.face == HEI
        if faux_bold:
            c.setStrokeColor(st.color)
            c.setLineWidth(st.size * 0.03)  # Droid Sans Fallback has no bold: a hairline outline adds weight
        for i, (line, last) in enumerate(lines):
            if not line:
                continue
            indent = st.first_indent if (i == 0 and self.indent_first) else 0
            avail = self.width - indent
            line_w = self.measure(line)
            x, char_space = indent, 0.0
            if st.align == "center":
                x += (avail - line_w) / 2
            elif st.align == "right":
                x += avail - line_w
            elif st.align == "justify" and not last and len(line) > 1:
                slack = avail - line_w
                if 0 < slack < st.size * 2.5:
                    char_space = slack / (len(line) - 1)
            text = c.beginText(x, top - i * st.leading)
            if char_space:
                text.setCharSpace(char_space)
            if faux_bold:
                text.setTextRenderMode(2)
            for font, chunk in runs(line, st.bold, st.face):
                text.setFont(font, st.size)
                text.textOut(chunk)
            c.drawText(text)
        c.restoreState()


class HeadingBlock(TextBlock):
    """A heading in the heading face, kept with what follows, with an optional rule and outline entry."""

    RULE_GAP = 5

    def __init__(self, text: str, style: TextStyle, rule_color=None, outline_level: int | None = 0):
        super().__init__(text, style)
        self.rule_color = rule_color
        self.outline_level = outline_level
        self.keepWithNext = True

    def wrap(self, avail_width, avail_height):
        w, h = super().wrap(avail_width, avail_height)
        if self.rule_color is not None:
            self.height = h + self.RULE_GAP
        return w, self.height

    def split(self, avail_width, avail_height):
        return []

    def draw(self):
        c = self.canv
        if self.rule_color is not None:
            c.saveState()
            c.translate(0, self.RULE_GAP)
            super().draw()
            c.restoreState()
            c.saveState()
            c.setStrokeColor(self.rule_color)
            c.setLineWidth(0.8)
            c.line(0, 1, self.width, 1)
            c.restoreState()
        else:
            super().draw()
        if self.outline_level is not None:
            key = f"h{id(self)}"
            c.bookmarkPage(key, fit="XYZ", top=self.height)
            c.addOutlineEntry(self.text, key, level=self.outline_level)


def text_width(text: str, style: TextStyle) -> float:
    return string_width(fullwidth(text), style.size, style.bold, style.face)

