"""The page every printed paper is set on: A4 in GB/T 9704's text block, header, 第 N 页 共 M 页, marks.

Portrait pages use GB/T 9704's text block (156 × 225 mm, 天头 37 mm, 订口
28 mm), landscape ones a wider one. `make_canvas_class` gives a canvas that
keeps every page until it knows how many there are, then stamps the header
(the plan's title, what the paper is), "第 N 页 共 M 页", 演示 for demo data,
征求意见稿 while the result is not final and, on a sheet signed on its last
page, a box for the signer's initials. The 演示 watermark is a picture, never
text, so search and copying never see it.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from inspector_app.typeset.fonts import LATIN, draw_text, string_width

__all__ = ["DEMO", "DEMO_MARK", "DRAFT_MARK", "MUTED", "RULE", "Margins", "PageDecor", "frame_width",
           "make_canvas_class", "margins", "page_size", "watermark"]

MUTED = colors.HexColor("#5B6570")
RULE = colors.HexColor("#B8C2CC")
DEMO = colors.HexColor("#C0392B")

DRAFT_MARK = "征求意见稿"
DEMO_MARK = "演示数据，不作为考核结果"


@dataclass(frozen=True)
class Margins:
    left: float
    right: float
    top: float
    bottom: float


PORTRAIT = Margins(28 * mm, 26 * mm, 37 * mm, 35 * mm)  # GB/T 9704: 版心 156 × 225 mm
LANDSCAPE = Margins(18 * mm, 18 * mm, 22 * mm, 22 * mm)


def margins(landscape_pages: bool = False) -> Margins:
    return LANDSCAPE if landscape_pages else PORTRAIT


@dataclass
class PageDecor:
    title: str  # the plan's title, left of the header
    right: str  # what the document is, right of the header
    demo: bool = False
    draft: bool = False  # not final: 征求意见稿 on every page
    initials: str = ""  # e.g. "评分专家本页签名" : a box on every page for the signer's initials


def _ellipsize(text: str, size: float, width: float) -> str:
    if string_width(text, size) <= width:
        return text
    while text and string_width(text + "…", size) > width:
        text = text[:-1]
    return text + "…"


def make_canvas_class(decor: PageDecor):
    """A canvas that holds every page until save(), then stamps header and "第 N 页 共 M 页"."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            if not kwargs.get("initialFontName"):
                kwargs["initialFontName"] = LATIN  # never the unembedded Helvetica
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict] = []

        def showPage(self):
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved_pages)
            for state in self._saved_pages:
                self.__dict__.update(state)
                self._decorate(total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _decorate(self, total: int) -> None:
            width, height = self._pagesize
            m = margins(width > height)
            self.saveState()
            top = height - m.top + 10 * mm
            self.setFillColor(MUTED)
            right = ("演示 · " if decor.demo else "") + decor.right
            right_w = string_width(right, 9) if right else 0
            title = _ellipsize(decor.title, 9, width - m.left - m.right - right_w - 12 * mm)
            draw_text(self, m.left, top, title, 9)
            if decor.demo:
                self.setFillColor(DEMO)
            draw_text(self, width - m.right, top, right, 9, anchor="end")
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(m.left, top - 3 * mm, width - m.right, top - 3 * mm)
            if decor.draft:
                self.setFillColor(DEMO)
                self.setStrokeColor(DEMO)
                label_w = string_width(DRAFT_MARK, 12)
                x, y = width - m.right - label_w - 4 * mm, top + 5 * mm
                self.setLineWidth(0.8)
                self.rect(x - 2 * mm, y - 1.6 * mm, label_w + 4 * mm, 6.4 * mm, stroke=1, fill=0)
                draw_text(self, x, y, DRAFT_MARK, 12)
            foot = m.bottom - 14 * mm
            self.setFillColor(MUTED)
            draw_text(self, width / 2, foot, f"第 {self._pageNumber} 页 共 {total} 页", 9, anchor="middle")
            if decor.demo:
                self.setFillColor(DEMO)
                draw_text(self, m.left, foot, DEMO_MARK, 9)
            if decor.initials:
                self.setFillColor(MUTED)
                self.setStrokeColor(MUTED)
                box = 16 * mm
                x = width - m.right - box
                self.setLineWidth(0.6)
                self.rect(x, foot - 3 * mm, box, 9 * mm, stroke=1, fill=0)
                draw_text(self, x - 2 * mm, foot, decor.initials, 9, anchor="end")
            self.restoreState()

    return NumberedCanvas


@lru_cache(maxsize=1)
def _watermark_image():
    """演示 as a picture (not text): a translucent image the PDF reuses on every page."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.utils import ImageReader

    from inspector_app.paths import resource_path
    font = ImageFont.truetype(str(resource_path("fonts", "DroidSansFallbackFull.ttf")), 400)
    mask = Image.new("L", (900, 480), 0)
    ImageDraw.Draw(mask).text((450, 240), "演示", fill=255, font=font, anchor="mm")
    r, g, b = (int(DEMO.red * 255), int(DEMO.green * 255), int(DEMO.blue * 255))
    image = Image.new("RGBA", mask.size, (r, g, b, 0))
    image.putalpha(mask.point(lambda v: v * 18 // 255))  # about 7% ink
    buf = io.BytesIO()
    image.save(buf, "PNG", optimize=True)
    buf.seek(0)
    return ImageReader(buf)


def watermark(canvas, doc, demo: bool) -> None:
    """Drawn before the page's content, so text stays on top of it."""
    if not demo:
        return
    width, height = canvas._pagesize
    canvas.saveState()
    canvas.translate(width / 2, height / 2)
    canvas.rotate(35)
    w = min(width, height) * 0.9
    canvas.drawImage(_watermark_image(), -w / 2, -w * 0.27, width=w, height=w * 480 / 900, mask="auto")
    canvas.restoreState()


def page_size(landscape_pages: bool = False) -> tuple[float, float]:
    return landscape(A4) if landscape_pages else A4


def frame_width(landscape_pages: bool = False) -> float:
    m = margins(landscape_pages)
    return page_size(landscape_pages)[0] - m.left - m.right


