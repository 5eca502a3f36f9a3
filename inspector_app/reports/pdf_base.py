"""The pages of every printed report, and writing the document.

`build_pdf` lays a story out on A4 (portrait or landscape) with the plan's
title in the header and "第 N 页 共 M 页" in the footer (a canvas that keeps
each page until it knows how many there are), marks every page 演示 for demo
data, and writes through a temporary file that is renamed into place only
when the whole document is done, so a cancelled or failed report leaves
nothing at the destination. How the content looks is in `pdf_style`, photos
in `pdf_photos`.
"""
from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from inspector_app.fsutil import atomic_writer
from inspector_app.reports.fonts import CJK, LATIN, draw_text, register_fonts, string_width
from inspector_app.reports.pdf_photos import PhotoPrefetcher
from inspector_app.reports.pdf_render import Progress, RenderContext
from inspector_app.reports.pdf_style import DEMO, MUTED, RULE

__all__ = ["MARGIN_BOTTOM", "MARGIN_TOP", "MARGIN_X", "PageDecor", "build_pdf", "frame_width",
           "make_canvas_class", "page_size"]

MARGIN_X = 18 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 20 * mm


@dataclass
class PageDecor:
    title: str  # the plan's title, left of the header
    right: str  # what the document is, right of the header
    demo: bool = False


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
            self.saveState()
            top = height - 12 * mm
            self.setFillColor(MUTED)
            right = ("演示 · " if decor.demo else "") + decor.right
            right_w = string_width(right, 8.5) if right else 0
            title = _ellipsize(decor.title, 8.5, width - 2 * MARGIN_X - right_w - 12 * mm)
            draw_text(self, MARGIN_X, top, title, 8.5)
            if decor.demo:
                self.setFillColor(DEMO)
            draw_text(self, width - MARGIN_X, top, right, 8.5, anchor="end")
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN_X, top - 3.5 * mm, width - MARGIN_X, top - 3.5 * mm)
            self.setFillColor(MUTED)
            draw_text(self, width / 2, 10 * mm, f"第 {self._pageNumber} 页 共 {total} 页", 8.5, anchor="middle")
            if decor.demo:
                self.setFillColor(DEMO)
                draw_text(self, MARGIN_X, 10 * mm, "演示数据，不作为考核结果", 8.5)
            self.restoreState()

    return NumberedCanvas


def _watermark(canvas, doc, demo: bool) -> None:
    """Drawn before the page's content, so text stays on top of it."""
    if not demo:
        return
    width, height = canvas._pagesize
    canvas.saveState()
    canvas.setFillColor(DEMO)
    canvas.setFillAlpha(0.08)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(35)
    canvas.setFont(CJK, 150)
    canvas.drawCentredString(0, -50, "演示")
    canvas.restoreState()


def page_size(landscape_pages: bool = False) -> tuple[float, float]:
    return landscape(A4) if landscape_pages else A4


def frame_width(landscape_pages: bool = False) -> float:
    return page_size(landscape_pages)[0] - 2 * MARGIN_X


def build_pdf(story: list, out_path: Path | str, decor: PageDecor, *, subject: str = "",
              author: str = "", landscape_pages: bool = False, progress: Progress | None = None,
              ctx: RenderContext | None = None, photos: list[Path] | None = None) -> int:
    """Lay the story out and write it atomically to out_path; returns the number of pages.

    photos, in the order they appear, lets them be downscaled ahead on worker threads.
    """
    register_fonts()
    ctx = ctx or RenderContext()
    ctx.check()
    size = page_size(landscape_pages)
    total = len(story)
    seen = {"count": 0, "pages": 0}

    class Doc(BaseDocTemplate):
        def afterFlowable(self, flowable):
            seen["count"] += 1
            if progress is not None:
                progress(min(seen["count"], total), total)
            ctx.check()

        def afterPage(self):
            seen["pages"] = self.page

    with atomic_writer(out_path) as handle, tempfile.TemporaryDirectory(prefix="inspector-report-") as work:
        ctx.workdir = Path(work)
        ctx.photos = PhotoPrefetcher(photos) if photos else None
        doc = Doc(handle, pagesize=size, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
                  bottomMargin=MARGIN_BOTTOM, title=decor.title, subject=subject, author=author,
                  creator="Inspector", lang="zh-CN", initialFontName=LATIN)
        frame = Frame(MARGIN_X, MARGIN_BOTTOM, size[0] - 2 * MARGIN_X, size[1] - MARGIN_TOP - MARGIN_BOTTOM,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame],
                                           onPage=lambda c, d: _watermark(c, d, decor.demo))])
        a85 = rl_config.useA85
        rl_config.useA85 = 0  # binary streams: ASCII85 in pure Python costs seconds and 25% more bytes
        try:
            doc.build(story, canvasmaker=make_canvas_class(decor))
        finally:
            rl_config.useA85 = a85
            if ctx.photos is not None:
                ctx.photos.close()
            ctx.photos = None
            ctx.workdir = None
        ctx.check()
    if progress is not None:
        progress(total, total)
    return seen["pages"]
