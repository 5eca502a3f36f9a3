"""The pages of every printed report, and writing the document.

`build_pdf` lays a story out on A4 (portrait pages in GB/T 9704's text block:
156 × 225 mm, 天头 37 mm, 订口 28 mm; landscape ones wider) with the plan's
title in the header and "第 N 页 共 M 页" in the footer (a canvas that keeps
each page until it knows how many there are). It marks every page 演示 for
demo data with a drawn (image, not text) watermark that search and copying
never see, every page 征求意见稿 while the result is not final, and puts an
initials box on every page of a sheet that is signed on its last; it writes through a temporary file that is renamed into place only
when the whole document is done, so a cancelled or failed report leaves
nothing at the destination. How the content looks is in `pdf_style`, photos
in `pdf_photos`.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from reportlab import rl_config
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from inspector_app.fsutil import atomic_writer
from inspector_app.reports.pdf_photos import PhotoPrefetcher
from inspector_app.reports.pdf_render import Progress, RenderContext
from inspector_app.typeset.fonts import LATIN, register_fonts
from inspector_app.typeset.page import (DRAFT_MARK, PageDecor, frame_width, make_canvas_class, margins, page_size,
                                        watermark)

__all__ = ["DRAFT_MARK", "PageDecor", "build_pdf", "frame_width", "make_canvas_class", "margins", "page_size"]


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
        m = margins(landscape_pages)
        doc = Doc(handle, pagesize=size, leftMargin=m.left, rightMargin=m.right, topMargin=m.top,
                  bottomMargin=m.bottom, title=decor.title, subject=subject, author=author,
                  creator="Inspector", lang="zh-CN", initialFontName=LATIN)
        frame = Frame(m.left, m.bottom, size[0] - m.left - m.right, size[1] - m.top - m.bottom,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame],
                                           onPage=lambda c, d: watermark(c, d, decor.demo))])
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
