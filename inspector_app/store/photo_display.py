"""Stored photos made ready for a viewer: upright, scaled, as JPEG (or PNG when transparent)."""
from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageOps

from inspector_app.store.photos import MAX_PIXELS, OPEN_FORMATS, PhotoError, exif_facts, read_source, to_rgb
from inspector_app.said import Said

DAMAGED_SHOWN = Said('“{0}”已损坏，无法显示。',
                      '"{0}" is damaged and cannot be shown.')
HAS_TOO_MANY_PIXELS = Said('“{0}”的像素数量过大，无法显示。',
                            '"{0}" has too many pixels to be shown.')

__all__ = ["DISPLAY_QUALITY", "display_image_bytes"]

DISPLAY_QUALITY = 90


def display_image_bytes(path: Path | str, *, max_side: int | None = None) -> tuple[bytes, str]:
    """An upright JPEG (or PNG when transparent) of a stored original, for a viewer.

    Returns (bytes, mime). A JPEG that needs no rotation or scaling is returned as stored.
    """
    path = Path(path)
    data, name = read_source(path, "")
    try:
        with Image.open(io.BytesIO(data), formats=OPEN_FORMATS) as im:
            if im.size[0] * im.size[1] > MAX_PIXELS:
                raise PhotoError(HAS_TOO_MANY_PIXELS(name), reason="too_many_pixels", name=name)
            orientation, _, _ = exif_facts(im)
            if im.format in ("JPEG", "MPO") and orientation == 1 and (
                max_side is None or max(im.size) <= max_side
            ):
                return data, "image/jpeg"
            if max_side and im.format in ("JPEG", "MPO"):
                im.draft("RGB", (max_side, max_side))
            im.load()
            upright = ImageOps.exif_transpose(im) or im
            if max_side:
                upright.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
            out = io.BytesIO()
            icc = im.info.get("icc_profile")
            extra = {"icc_profile": icc} if icc else {}
            if upright.mode in ("RGBA", "LA", "PA") or (upright.mode == "P" and "transparency" in upright.info):
                upright.save(out, "PNG", **extra)
                return out.getvalue(), "image/png"
            to_rgb(upright).save(out, "JPEG", quality=DISPLAY_QUALITY, **extra)
            return out.getvalue(), "image/jpeg"
    except PhotoError:
        raise
    except Exception as exc:
        raise PhotoError(DAMAGED_SHOWN(name), reason="damaged", name=name) from exc

