"""Photos in printed reports: read upright and downscaled, ahead on worker threads, fitted into a box."""
from __future__ import annotations

import io
import math
import warnings
from pathlib import Path

from PIL import Image, ImageOps
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable

from inspector_app.store import photo_markup
from inspector_app.typeset.fonts import draw_text, string_width
from inspector_app.reports.pdf_render import RenderContext, ReportCancelled
from inspector_app.reports.pdf_style import MUTED, RULE, ZEBRA, Styles

try:  # phone photos (HEIC) when pillow-heif is present
    from pillow_heif import register_heif_opener
    register_heif_opener()
except Exception:  # pragma: no cover - optional
    pass

__all__ = ["PHOTO_MAX_PX", "PhotoFlowable", "PhotoPrefetcher", "downscaled_jpeg", "photo_problem", "photo_size"]

PHOTO_MAX_PX = 1200
# JPEG decoding at 1/2, 1/4 or 1/8 scale may stop at 80% of PHOTO_MAX_PX (a 12 MP photo at 1/4 is
# 1000 px, over 300 dpi at the printed size): four times less work than decoding at 1/2.
PHOTO_DRAFT_FLOOR = 0.8
PHOTO_FORMATS = ["JPEG", "PNG", "WEBP", "TIFF", "BMP", "GIF", "MPO", "HEIF"]


class PhotoPrefetcher:
    """Downscales the next few photos on worker threads while the pages are laid out.

    Decoding a 12 MP JPEG dominates a photo's cost and Pillow releases the GIL
    while it decodes, so a small pool hides most of it. At most `window`
    photos are in flight or waiting, so memory stays flat however many there are.
    """

    def __init__(self, paths: list[Path | tuple[Path, str]], window: int = 0):
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
                self.futures[self.next] = self.pool.submit(_downscaled, self.paths[self.next])
            self.next += 1
        future = self.futures.pop(index, None)
        if future is None:
            return _downscaled(self.paths[index])
        return future.result()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.futures.clear()


def _downscaled(item: Path | tuple[Path, str]) -> bytes:
    if isinstance(item, tuple):
        return downscaled_jpeg(item[0], markup=item[1])
    return downscaled_jpeg(item)


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


def downscaled_jpeg(path: Path | str, max_px: int = PHOTO_MAX_PX, *, markup: str = "") -> bytes:
    """The photo, upright, at most max_px on its long side, as JPEG bytes (one photo in memory at a time);
    `markup`: shapes painted over this copy (the stored original is never touched)."""
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
            if markup:
                upright = photo_markup.draw(upright, photo_markup.parse(markup))
            buf = io.BytesIO()
            upright.save(buf, "JPEG", quality=82)
            return buf.getvalue()


class PhotoFlowable(Flowable):
    """A photo fitted into a box; decoded, turned upright and downscaled only when drawn."""

    def __init__(self, path: Path | str, box_width: float, box_height: float, ctx: RenderContext,
                 styles: Styles, index: int | None = None, markup: str = ""):
        super().__init__()
        self.path, self.ctx, self.styles, self.index = Path(path), ctx, styles, index
        self.markup = markup
        self.error = ""
        try:
            pw, ph = photo_size(self.path)
            scale = min(box_width / pw, box_height / ph)
            self.width, self.height = pw * scale, ph * scale
        except Exception as exc:  # unreadable, missing, not an image, too large
            self.error = photo_problem(exc)
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
                    data = downscaled_jpeg(self.path, markup=self.markup)
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
                self.error = photo_problem(exc)
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


def photo_problem(exc: Exception) -> str:
    """Why a photo is not printed, in the words put where it would have been."""
    if isinstance(exc, FileNotFoundError):
        return "照片文件不存在"
    if isinstance(exc, Image.DecompressionBombWarning) or isinstance(exc, Image.DecompressionBombError):
        return "照片像素过多，未插入"
    return "照片无法读取"
