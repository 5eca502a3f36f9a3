"""The fonts every report is set in, embedded as subsets so any printer shows them.

Droid Sans Fallback carries the Chinese characters and CJK punctuation but no
Latin letters or digits; DejaVu Sans carries those (and ✓ ✗ → − × “ ”). Text
is therefore split into runs, each set in the font that has its characters:
`markup()` for platypus paragraphs, `draw_text()` for canvas strings and
`string_group()` for charts. STSong-Light (never embedded) is never used.
"""
from __future__ import annotations

import threading
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Group, String
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from inspector_app.paths import resource_path

CJK = "InspectorCJK"
LATIN = "InspectorSans"
LATIN_BOLD = "InspectorSans-Bold"

FILES = {
    CJK: "DroidSansFallbackFull.ttf",
    LATIN: "DejaVuSans.ttf",
    LATIN_BOLD: "DejaVuSans-Bold.ttf",
}

_lock = threading.Lock()
_cjk_chars: frozenset[int] = frozenset()
_latin_chars: frozenset[int] = frozenset()


class FontMissingError(RuntimeError):
    """A font file shipped with the program is missing (a broken install)."""


def register_fonts() -> None:
    """Register the report fonts with reportlab once per process (thread-safe)."""
    global _cjk_chars, _latin_chars
    with _lock:
        if _cjk_chars:
            return
        fonts = {}
        for name, filename in FILES.items():
            path = resource_path("fonts", filename)
            if not path.is_file():
                raise FontMissingError(f"找不到报告字体文件 {path}，请重新安装本程序。")
            fonts[name] = TTFont(name, str(path))
            pdfmetrics.registerFont(fonts[name])
        # One CJK face only: bold and italic map to the same face, so <b> never fails.
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(CJK, bold, italic, CJK)
                addMapping(LATIN, bold, italic, LATIN_BOLD if bold else LATIN)
                addMapping(LATIN_BOLD, bold, italic, LATIN_BOLD)
        _latin_chars = frozenset(fonts[LATIN].face.charToGlyph)
        _cjk_chars = frozenset(fonts[CJK].face.charToGlyph)


def _font_for(ch: str) -> str | None:
    """The font for one character; None for spaces, which join the run they sit in."""
    code = ord(ch)
    if ch in " \t":
        return None
    if code >= 0x2E80 and code in _cjk_chars:
        return CJK
    if code in _latin_chars:
        return LATIN
    return CJK


def runs(text: str, bold: bool = False) -> list[tuple[str, str]]:
    """Split text into (font name, text) runs, each set in a font that has its glyphs."""
    register_fonts()
    latin = LATIN_BOLD if bold else LATIN
    out: list[tuple[str, str]] = []
    current, buf = None, []
    for ch in text:
        font = _font_for(ch)
        if font == LATIN:
            font = latin
        if font is None or font == current:
            buf.append(ch)
            continue
        if buf:
            out.append((current or font, "".join(buf)))
        current, buf = font, [ch]
    if buf:
        out.append((current or CJK, "".join(buf)))
    return out


def markup(text: str, bold: bool = False) -> str:
    """Paragraph markup for plain text: escaped, Latin runs wrapped in <font>, newlines as <br/>."""
    parts = []
    for line_no, line in enumerate(str(text).split("\n")):
        if line_no:
            parts.append("<br/>")
        for font, chunk in runs(line, bold):
            chunk = escape(chunk)
            parts.append(chunk if font == CJK else f'<font face="{font}">{chunk}</font>')
    return "".join(parts)


def string_width(text: str, size: float, bold: bool = False) -> float:
    return sum(pdfmetrics.stringWidth(chunk, font, size) for font, chunk in runs(text, bold))


def draw_text(canvas, x: float, y: float, text: str, size: float, anchor: str = "start",
              bold: bool = False) -> float:
    """Draw one line of mixed text on a canvas; anchor is start, middle or end. Returns its width."""
    width = string_width(text, size, bold)
    if anchor == "middle":
        x -= width / 2
    elif anchor == "end":
        x -= width
    for font, chunk in runs(text, bold):
        canvas.setFont(font, size)
        canvas.drawString(x, y, chunk)
        x += pdfmetrics.stringWidth(chunk, font, size)
    return width


def string_group(x: float, y: float, text: str, size: float, anchor: str = "start",
                 color=None, bold: bool = False) -> Group:
    """A reportlab.graphics Group drawing one line of mixed text (chart labels)."""
    width = string_width(text, size, bold)
    if anchor == "middle":
        x -= width / 2
    elif anchor == "end":
        x -= width
    group = Group()
    for font, chunk in runs(text, bold):
        kwargs = {"fontName": font, "fontSize": size}
        if color is not None:
            kwargs["fillColor"] = color
        group.add(String(x, y, chunk, **kwargs))
        x += pdfmetrics.stringWidth(chunk, font, size)
    return group
