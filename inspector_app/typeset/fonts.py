"""The fonts every report is set in, embedded as subsets so any printer shows them.

Two Chinese faces give a document its hierarchy, as GB/T 9704 sets titles in
a 黑体/小标宋 face and the text in a 宋体/仿宋 one:

* HEI — Droid Sans Fallback (Apache 2.0), a sans face: titles, headings,
  table heads, figures that must stand out. It carries no Latin letters.
* SONG — AR PL UMing CN (Arphic Public License), a Ming (宋体) face cut
  down to GB 2312: body text and table cells. A character it lacks is set in
  HEI, so a rare character in a school's name still prints.

DejaVu Sans sets Latin letters and digits beside HEI (and ✓ ✗ → − × “ ”).
Text is split into runs, each set in the font that has its characters:
`runs()` feeds the text flowable, `draw_text()` canvas strings and
`string_group()` charts. STSong-Light (never embedded) is never used.
"""
from __future__ import annotations

import threading
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Group, String
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from inspector_app.paths import resource_path
from inspector_app.said import Said

REPORT_FONT_MISSING = Said('找不到报告字体文件 {0}，请重新安装本程序。',
                            'The report font file {0} is missing; install this program again.')


HEI = "InspectorHei"
SONG = "InspectorSong"
CJK = HEI  # the face charts and page furniture use
LATIN = "InspectorSans"
LATIN_BOLD = "InspectorSans-Bold"

FILES = {
    HEI: "DroidSansFallbackFull.ttf",
    SONG: "ARPLUMingCN-GB2312.ttf",
    LATIN: "DejaVuSans.ttf",
    LATIN_BOLD: "DejaVuSans-Bold.ttf",
}
# What a Word or WPS user has for the same roles (docx output names these).
WORD_FACES = {HEI: "黑体", SONG: "宋体", "fangsong": "仿宋_GB2312"}

_lock = threading.Lock()
_chars: dict[str, frozenset[int]] = {}


class FontMissingError(RuntimeError):
    """A font file shipped with the program is missing (a broken install)."""


def register_fonts() -> None:
    """Register the report fonts with reportlab once per process (thread-safe)."""
    with _lock:
        if _chars:
            return
        fonts = {}
        for name, filename in FILES.items():
            path = resource_path("fonts", filename)
            if not path.is_file():
                raise FontMissingError(REPORT_FONT_MISSING(path))
            fonts[name] = TTFont(name, str(path))
            pdfmetrics.registerFont(fonts[name])
        # One weight per Chinese face: bold and italic map to the same face, so <b> never fails.
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(HEI, bold, italic, HEI)
                addMapping(SONG, bold, italic, SONG)
                addMapping(LATIN, bold, italic, LATIN_BOLD if bold else LATIN)
                addMapping(LATIN_BOLD, bold, italic, LATIN_BOLD)
        _chars.update({name: frozenset(font.face.charToGlyph) for name, font in fonts.items()})


def _font_for(ch: str, face: str, bold: bool) -> str | None:
    """The font for one character; None for spaces, which join the run they sit in."""
    if ch in " \t":
        return None
    code = ord(ch)
    if face == SONG and code >= 0x2E80 and code in _chars[SONG]:
        return SONG  # UMing's Latin letters are typewriter-like: digits stay in DejaVu Sans
    if code >= 0x2E80 and code in _chars[HEI]:
        return HEI
    if code in _chars[LATIN]:
        return LATIN_BOLD if bold else LATIN
    if code in _chars[SONG]:
        return SONG
    return HEI


def runs(text: str, bold: bool = False, face: str = HEI) -> list[tuple[str, str]]:
    """Split text into (font name, text) runs, each set in a font that has its glyphs.

    face is the Chinese face wanted (HEI or SONG); Latin runs beside HEI are DejaVu Sans.
    """
    register_fonts()
    out: list[tuple[str, str]] = []
    current, buf = None, []
    for ch in text:
        font = _font_for(ch, face, bold)
        if font is None or font == current:
            buf.append(ch)
            continue
        if buf:
            out.append((current or font, "".join(buf)))
        current, buf = font, [ch]
    if buf:
        out.append((current or face, "".join(buf)))
    return out


def markup(text: str, bold: bool = False, face: str = HEI) -> str:
    """Paragraph markup for plain text: escaped, each run in its <font>, newlines as <br/>."""
    parts = []
    for line_no, line in enumerate(str(text).split("\n")):
        if line_no:
            parts.append("<br/>")
        for font, chunk in runs(line, bold, face):
            parts.append(f'<font face="{font}">{escape(chunk)}</font>')
    return "".join(parts)


def string_width(text: str, size: float, bold: bool = False, face: str = HEI) -> float:
    return sum(pdfmetrics.stringWidth(chunk, font, size) for font, chunk in runs(text, bold, face))


def draw_text(canvas, x: float, y: float, text: str, size: float, anchor: str = "start",
              bold: bool = False, face: str = HEI) -> float:
    """Draw one line of mixed text on a canvas; anchor is start, middle or end. Returns its width."""
    width = string_width(text, size, bold, face)
    if anchor == "middle":
        x -= width / 2
    elif anchor == "end":
        x -= width
    for font, chunk in runs(text, bold, face):
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
