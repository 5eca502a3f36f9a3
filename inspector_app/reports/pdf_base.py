"""What every printed report shares: styles, tables, headings, photos, header and footer, writing.

`build_pdf` lays a story out on A4 (portrait or landscape) with the plan's
title in the header and "第 N 页 共 M 页" in the footer (a canvas that keeps
each page until it knows how many there are), marks every page 演示 for demo
data, and writes through a temporary file that is renamed into place only
when the whole document is done, so a cancelled or failed report leaves
nothing at the destination.
"""
from __future__ import annotations

import io
import math
import tempfile
import warnings
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Callable

from PIL import Image, ImageOps
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table, TableStyle

from inspector_app.fsutil import atomic_writer
from inspector_app.numbers import fmt_points
from inspector_app.reports.fonts import CJK, LATIN, draw_text, markup, register_fonts, string_width

try:  # phone photos (HEIC) when pillow-heif is present
    from pillow_heif import register_heif_opener
    register_heif_opener()
except Exception:  # pragma: no cover - optional
    pass

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

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

MARGIN_X = 18 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 20 * mm
PHOTO_MAX_PX = 1200
# JPEG decoding at 1/2, 1/4 or 1/8 scale may stop at 80% of PHOTO_MAX_PX (a 12 MP photo at 1/4 is
# 1000 px, over 300 dpi at the printed size): four times less work than decoding at 1/2.
PHOTO_DRAFT_FLOOR = 0.8
PHOTO_FORMATS = ["JPEG", "PNG", "WEBP", "TIFF", "BMP", "GIF", "MPO", "HEIF"]


class ReportCancelled(Exception):
    """The person stopped the report; nothing was written at the destination."""


class ReportError(Exception):
    """A report that cannot be made, said in plain words."""


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


# --- photos ---------------------------------------------------------------------------

@dataclass
class RenderContext:
    cancelled: Cancelled | None = None
    workdir: Path | None = None  # downscaled photos wait here until reportlab has read them
    photos: "PhotoPrefetcher | None" = None

    def check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ReportCancelled("报告生成已取消")


class PhotoPrefetcher:
    """Downscales the next few photos on worker threads while the pages are laid out.

    Decoding a 12 MP JPEG dominates a photo's cost and Pillow releases the GIL
    while it decodes, so a small pool hides most of it. At most `window`
    photos are in flight or waiting, so memory stays flat however many there are.
    """

    def __init__(self, paths: list[Path], window: int = 0):
        import os
        from concurrent.futures import ThreadPoolExecutor
        workers = max(1, min(4, (os.cpu_count() or 1)))
        self.window = window or workers * 2
        self.paths = paths
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="report-photo")
        self.futures: dict[int, object] = {}
        self.next = 0

    def get(self, index: int) -> bytes:
        while self.next < len(self.paths) and self.next <= index + self.window:
            if self.next >= index:
                self.futures[self.next] = self.pool.submit(downscaled_jpeg, self.paths[self.next])
            self.next += 1
        future = self.futures.pop(index, None)
        if future is None:
            return downscaled_jpeg(self.paths[index])
        return future.result()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.futures.clear()


def _open_image(path: Path | str) -> Image.Image:
    return Image.open(path, formats=PHOTO_FORMATS)


def photo_size(path: Path | str) -> tuple[int, int]:
    """Pixel size as the photo should be seen (EXIF orientation applied), read from the header only."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with _open_image(path) as im:
            width, height = im.size
            orientation = im.getexif().get(0x0112, 1)
    if orientation in (5, 6, 7, 8):
        width, height = height, width
    return width, height


def downscaled_jpeg(path: Path | str, max_px: int = PHOTO_MAX_PX) -> bytes:
    """The photo, upright, at most max_px on its long side, as JPEG bytes (one photo in memory at a time)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with _open_image(path) as im:
            if im.format == "JPEG":
                # decode at 1/2, 1/4 or 1/8 scale, never below the size wanted
                scale = max_px * PHOTO_DRAFT_FLOOR / max(im.size)
                if scale < 1:
                    im.draft("RGB", (math.ceil(im.size[0] * scale), math.ceil(im.size[1] * scale)))
            im.load()
            upright = ImageOps.exif_transpose(im)
            upright.thumbnail((max_px, max_px), Image.Resampling.BICUBIC, reducing_gap=2.0)
            if upright.mode in ("RGBA", "LA", "P", "PA"):
                rgba = upright.convert("RGBA")
                flat = Image.new("RGB", rgba.size, "white")
                flat.paste(rgba, mask=rgba.getchannel("A"))
                upright = flat
            elif upright.mode not in ("RGB", "L"):
                upright = upright.convert("RGB")
            buf = io.BytesIO()
            upright.save(buf, "JPEG", quality=82)
            return buf.getvalue()


class PhotoFlowable(Flowable):
    """A photo fitted into a box; decoded, turned upright and downscaled only when drawn."""

    def __init__(self, path: Path | str, box_width: float, box_height: float, ctx: RenderContext,
                 styles: Styles, index: int | None = None):
        super().__init__()
        self.path, self.ctx, self.styles, self.index = Path(path), ctx, styles, index
        self.error = ""
        try:
            pw, ph = photo_size(self.path)
            scale = min(box_width / pw, box_height / ph)
            self.width, self.height = pw * scale, ph * scale
        except Exception as exc:  # unreadable, missing, not an image, too large
            self.error = _photo_problem(exc)
            self.width, self.height = box_width, box_height * 0.6

    def wrap(self, avail_width, avail_height):
        return self.width, self.height

    def draw(self):
        self.ctx.check()
        c = self.canv
        if not self.error:
            try:
                if self.ctx.photos is not None and self.index is not None:
                    data = self.ctx.photos.get(self.index)
                else:
                    data = downscaled_jpeg(self.path)
                if self.ctx.workdir is None:
                    c.drawImage(ImageReader(io.BytesIO(data)), 0, 0, self.width, self.height)
                    return
                # a JPEG file is embedded as it is; an in-memory reader would be decoded again
                tmp = self.ctx.workdir / f"photo-{id(self)}.jpg"
                tmp.write_bytes(data)
                del data
                try:
                    c.drawImage(str(tmp), 0, 0, self.width, self.height)
                finally:
                    tmp.unlink(missing_ok=True)
                return
            except ReportCancelled:
                raise
            except Exception as exc:
                self.error = _photo_problem(exc)
        c.saveState()
        c.setStrokeColor(RULE)
        c.setFillColor(ZEBRA)
        c.rect(0, 0, self.width, self.height, stroke=1, fill=1)
        c.setFillColor(MUTED)
        draw_text(c, self.width / 2, self.height / 2 + 2, self.error, 8.5, anchor="middle")
        name = self.path.name
        while len(name) > 8 and string_width(name, 7.5) > self.width - 8:
            name = "…" + name[2:]
        draw_text(c, self.width / 2, self.height / 2 - 11, name, 7.5, anchor="middle")
        c.restoreState()


def _photo_problem(exc: Exception) -> str:
    if isinstance(exc, FileNotFoundError):
        return "照片文件不存在"
    if isinstance(exc, Image.DecompressionBombWarning) or isinstance(exc, Image.DecompressionBombError):
        return "照片像素过多，未插入"
    return "照片无法读取"


# --- pages ----------------------------------------------------------------------------

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
