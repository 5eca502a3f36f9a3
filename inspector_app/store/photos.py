"""Photo evidence at file level: validate, decode, describe, and hand the bytes to storage.

A photo is opened with the accepted formats only, checked for size, decoded in
full (a truncated file fails here, not later) and given a thumbnail; only then
is it stored (see photo_storage), so a refused photo leaves nothing behind.
The same photo added twice is stored once: the name is its hash.

Nothing here touches Qt or SQL. Messages in `PhotoError` are for the user and name the file.
"""
from __future__ import annotations

import concurrent.futures as cf
import hashlib
import io
import os
import re
import threading
import warnings
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable, Sequence

from PIL import ExifTags, Image, ImageOps, UnidentifiedImageError
from PIL import JpegImagePlugin, PngImagePlugin  # noqa: F401  registers the openers

from inspector_app.store.photo_storage import PHOTO_NOUN, EvidenceError, read_regular, store_photo, too_large
from inspector_app.said import Said

PHOTO_CAN_READ_ONLY = Said('“{0}”不是可识别的照片。只能添加 JPEG、PNG 或手机拍摄的 HEIC 照片。',
                            '"{0}" is not a photo that can be read. Only JPEG, PNG or HEIC photos taken by phones can be added.')
HAS_TOO_MANY_PIXELS = Said('“{0}”的像素数量过大（超过 {1} 百万像素），可能是损坏或恶意的文件，已拒绝。',
                            '"{0}" has too many pixels (more than {1} megapixels): it may be a damaged or malicious file; refused.')
DAMAGED_INCOMPLETE_READ_ADDED = Said('“{0}”已损坏或不完整，无法读取，未添加。',
                                      '"{0}" is damaged or incomplete and cannot be read; not added.')
CANCELLED_WAS_IMPORTED = Said('已取消，未导入“{0}”。',
                               'Cancelled: "{0}" was not imported.')

CANCELLED_WAS_SAVED = Said('已取消，未保存“{0}”。',
                            'Cancelled: "{0}" was not saved.')
EMPTY_FILE_PHOTO = Said('“{0}”是空文件，不是照片。',
                         '"{0}" is an empty file, not a photo.')
CONTENT_DIFFERS_WHAT_WAS = Said('“{0}”的内容与登记时不一致，无法使用。',
                                 'The content of "{0}" differs from what was recorded: it cannot be used.')
SAVING_FAILED = Said('保存“{0}”失败：{1}',
                      'Saving "{0}" failed: {1}')

try:  # phone HEIC/HEIF; registered once, at import
    import pillow_heif

    pillow_heif.register_heif_opener()
    HEIF_AVAILABLE = True
except ImportError:  # pragma: no cover - declared as a dependency
    HEIF_AVAILABLE = False

MAX_FILE_BYTES = 60 * 1024 * 1024
MAX_PIXELS = 120_000_000
THUMB_SIDE = 320
THUMB_QUALITY = 80

# Pillow warns above MAX_IMAGE_PIXELS and refuses above twice that. The explicit size check in
# `_decode` is what actually protects us (warning filters are process-wide, not thread-safe to
# change per call, and test runners reset them); these two lines make Pillow agree with it,
# for every image the process opens.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
warnings.filterwarnings("error", category=Image.DecompressionBombWarning)

OPEN_FORMATS = ["JPEG", "PNG"]  # a JPEG with MPF data opens as "MPO" through the JPEG opener
OPEN_FORMATS += (["HEIF"] if HEIF_AVAILABLE else [])
_HEIC_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs"}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
XMP_GPS_WORD = re.compile(rb"[\w.-]+:GPS(?:Lat|Long|Alt|Dest|Position|Coord)", re.I)

_TAG_ORIENTATION = ExifTags.Base.Orientation
_TAG_DATETIME_ORIGINAL = ExifTags.Base.DateTimeOriginal
_TAG_OFFSET_TIME_ORIGINAL = ExifTags.Base.OffsetTimeOriginal
_IFD_EXIF = ExifTags.IFD.Exif
IFD_GPS = ExifTags.IFD.GPSInfo


class PhotoError(EvidenceError):
    """A photo that was refused or could not be stored; `str(err)` is a Chinese message for the user.

    `reason` is one of: empty, too_large, unreadable, not_image, too_many_pixels, damaged,
    storage, location, cancelled.
    """


@dataclass(frozen=True)
class PhotoFile:
    sha256: str
    original: str  # relative to the photos folder, with "/" separators
    thumb: str  # relative to the photos folder
    mime: str
    width: int  # as displayed, after EXIF orientation
    height: int
    taken_at: str | None  # EXIF DateTimeOriginal as ISO 8601 text, with offset when recorded
    has_location: bool  # GPS data present in the stored original
    size: int  # bytes of the original
    name: str = field(default="", compare=False)  # the name the expert had (shown with the thumbnail)
    file_time: str | None = field(default=None, compare=False)  # the file's modification time, ISO, local


# --------------------------------------------------------------------------------------------
# ingest


def ingest(
    source: Path | str | bytes,
    photos_dir: Path | str,
    *,
    name: str = "",
    cancelled: Callable[[], bool] | None = None,
) -> PhotoFile:
    """Validate one photo fully, store its original bytes and a thumbnail, describe it.

    Raises PhotoError (with the file named in the message) and leaves nothing behind when the
    photo is refused or cannot be written. `cancelled` is checked once more before writing.
    """
    photos_dir = Path(photos_dir)
    data, name = read_source(source, name)
    file_time = None
    if not isinstance(source, (bytes, bytearray, memoryview)):
        try:
            file_time = datetime.fromtimestamp(os.stat(source).st_mtime).isoformat(timespec="seconds")
        except (OSError, ValueError, OverflowError):
            file_time = None
    sha = hashlib.sha256(data).hexdigest()
    decoded = _decode(data, name)
    if cancelled is not None and cancelled():
        raise PhotoError(CANCELLED_WAS_SAVED(name), reason="cancelled", name=name)
    original_rel = f"originals/{sha[:2]}/{sha}.{decoded.ext}"
    thumb_rel = f"thumbs/{sha}.jpg"
    try:
        store_photo(photos_dir, sha, data, original_rel, decoded.thumb_jpeg, thumb_rel)
    except OSError as exc:  # StorageError carries the plain-words reason
        raise PhotoError(SAVING_FAILED(name, exc.strerror or exc), reason="storage", name=name) from exc
    return PhotoFile(
        sha256=sha,
        original=original_rel,
        thumb=thumb_rel,
        mime=decoded.mime,
        width=decoded.width,
        height=decoded.height,
        taken_at=decoded.taken_at,
        has_location=decoded.has_location,
        size=len(data),
        name=name,
        file_time=file_time,
    )


def describe(data: bytes, name: str, sha256: str | None = None) -> PhotoFile:
    """A photo that arrives inside a verified, signed bundle, described from its header alone.

    The expert's machine decoded it in full when it was added, and the bundle's manifest proves these
    are the same bytes; so merging checks the format and the pixel count but decodes nothing. The file
    is written, fully decoded and given its thumbnail on first use (`materialize`). `sha256`: the digest
    the caller has just verified these bytes against, so they are not hashed again.
    """
    if not data:
        raise PhotoError(EMPTY_FILE_PHOTO(name), reason="empty", name=name)
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(name, len(data))
    sha = sha256 or hashlib.sha256(data).hexdigest()
    head = _decode(data, name, full=False)
    return PhotoFile(sha256=sha, original=f"originals/{sha[:2]}/{sha}.{head.ext}", thumb=f"thumbs/{sha}.jpg",
                     mime=head.mime, width=head.width, height=head.height, taken_at=head.taken_at,
                     has_location=head.has_location, size=len(data), name=name)


def materialize(data: bytes, photos_dir: Path | str, photo_sha256: str, original_rel: str, thumb_rel: str,
                name: str = "") -> None:
    """Store a described photo's bytes and thumbnail durably, decoding it in full (a damaged file fails here)."""
    name = name or original_rel.rsplit("/", 1)[-1]
    if hashlib.sha256(data).hexdigest() != photo_sha256:
        raise PhotoError(CONTENT_DIFFERS_WHAT_WAS(name), reason="damaged", name=name)
    decoded = _decode(data, name)
    try:
        store_photo(Path(photos_dir), photo_sha256, data, original_rel, decoded.thumb_jpeg, thumb_rel)
    except OSError as exc:
        raise PhotoError(SAVING_FAILED(name, exc.strerror or exc), reason="storage", name=name) from exc


def ingest_many(
    paths: Sequence[Path | str],
    photos_dir: Path | str,
    *,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    workers: int | None = None,
) -> list[PhotoFile | PhotoError]:
    """Ingest many files; the result lines up with `paths` (a PhotoFile or the PhotoError).

    `progress(done, total, name)` and `cancelled()` are called on the calling thread only.
    Once `cancelled()` is true no new photo is started and photos in flight stop before
    writing; every photo not stored gets a PhotoError with reason "cancelled". Files already
    stored are whole (each write is atomic); temporary files never remain.
    Work runs on a few threads: Pillow, hashlib and fsync release the GIL.
    """
    paths = list(paths)
    total = len(paths)
    results: list[PhotoFile | PhotoError | None] = [None] * total
    if workers is None:
        workers = min(4, os.cpu_count() or 1)  # more threads than cores measured slower
    workers = max(1, workers)
    stop = threading.Event()

    def is_cancelled() -> bool:
        if not stop.is_set() and cancelled is not None and cancelled():
            stop.set()
        return stop.is_set()

    def work(path: Path | str) -> PhotoFile | PhotoError:
        try:
            return ingest(Path(path), photos_dir, cancelled=stop.is_set)
        except PhotoError as err:
            return err

    done = 0
    next_index = 0
    pending: dict[cf.Future, int] = {}
    with cf.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="photo-ingest") as pool:
        while next_index < total or pending:
            while next_index < total and len(pending) < workers * 2 and not is_cancelled():
                pending[pool.submit(work, paths[next_index])] = next_index
                next_index += 1
            if not pending:
                break
            finished, _ = cf.wait(pending, timeout=0.1, return_when=cf.FIRST_COMPLETED)
            for future in finished:
                index = pending.pop(future)
                results[index] = future.result()
                done += 1
                if progress is not None:
                    progress(done, total, Path(paths[index]).name)
            is_cancelled()
    for index, result in enumerate(results):
        if result is None:
            fname = Path(paths[index]).name
            results[index] = PhotoError(CANCELLED_WAS_IMPORTED(fname), reason="cancelled", name=fname)
    return results  # type: ignore[return-value]


# --------------------------------------------------------------------------------------------
# reading and decoding


def read_source(source: Path | str | bytes, name: str) -> tuple[bytes, str]:
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        name = name or "照片"
        if not data:
            raise PhotoError(EMPTY_FILE_PHOTO(name), reason="empty", name=name)
        if len(data) > MAX_FILE_BYTES:
            raise _too_large(name, len(data))
        return data, name
    path = Path(source)
    name = name or path.name
    try:
        return read_regular(path, name, max_bytes=MAX_FILE_BYTES, noun=PHOTO_NOUN(), error=PhotoError), name
    except PhotoError as err:
        if err.reason == "not_regular":  # a photo's callers know this refusal as "not an image"
            raise PhotoError(err.message, reason="not_image", name=name) from None
        raise


def _too_large(name: str, size: int) -> PhotoError:
    return too_large(name, size, MAX_FILE_BYTES, "照片文件", PhotoError)  # type: ignore[return-value]


@dataclass
class _Decoded:
    mime: str
    ext: str
    width: int
    height: int
    taken_at: str | None
    has_location: bool
    thumb_jpeg: bytes


def _decode(data: bytes, name: str, *, full: bool = True) -> _Decoded:
    """Open with the allowed formats only, check the size, decode everything, make the thumbnail
    (`full=False`: the header only, no thumbnail)."""
    not_image = PhotoError(
        PHOTO_CAN_READ_ONLY(name),
        reason="not_image",
        name=name,
    )
    too_many = PhotoError(
        HAS_TOO_MANY_PIXELS(name, MAX_PIXELS // 1000000),
        reason="too_many_pixels",
        name=name,
    )
    damaged = PhotoError(DAMAGED_INCOMPLETE_READ_ADDED(name), reason="damaged", name=name)
    try:
        im = Image.open(io.BytesIO(data), formats=OPEN_FORMATS)
    except UnidentifiedImageError:
        raise (damaged if _looks_like_photo(data) else not_image) from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_many from None
    except Exception as exc:  # any failure parsing untrusted headers
        raise damaged from exc
    try:
        width, height = im.size
        if width <= 0 or height <= 0:
            raise damaged
        if width * height > MAX_PIXELS:
            raise too_many
        fmt = im.format or ""
        if fmt in ("JPEG", "MPO"):
            mime, ext = "image/jpeg", "jpg"
        elif fmt == "PNG":
            mime, ext = "image/png", "png"
        elif fmt == "HEIF":
            brand = data[8:12] if data[4:8] == b"ftyp" else b""
            mime, ext = ("image/heic", "heic") if brand in _HEIC_BRANDS else ("image/heif", "heif")
        else:  # pragma: no cover - excluded by formats=
            raise not_image
        if not full:
            orientation, taken_at, has_location = exif_facts(im)
            if orientation in (5, 6, 7, 8):
                width, height = height, width
            return _Decoded(mime, ext, width, height, taken_at, has_location, b"")
        try:
            if fmt in ("JPEG", "MPO"):
                im.draft("RGB", (THUMB_SIDE, THUMB_SIDE))  # decode at 1/2..1/8 scale
            im.load()  # decodes every byte: a truncated file fails here
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise too_many from None
        except Exception as exc:
            raise damaged from exc
        orientation, taken_at, has_location = exif_facts(im)
        if orientation in (5, 6, 7, 8):
            width, height = height, width
        try:
            thumb = _thumbnail(im)
        except Exception as exc:
            raise damaged from exc
        return _Decoded(mime, ext, width, height, taken_at, has_location, thumb)
    finally:
        im.close()


def _looks_like_photo(data: bytes) -> bool:
    """The signature of a format we accept (so a refusal is "damaged", not "not a photo")."""
    if data.startswith(b"\xff\xd8\xff") or data.startswith(PNG_SIGNATURE):
        return True
    return data[4:8] == b"ftyp" and (data[8:12] in _HEIC_BRANDS or data[8:12] in (b"mif1", b"msf1"))


def exif_facts(im: Image.Image) -> tuple[int, str | None, bool]:
    """Orientation, DateTimeOriginal as ISO text, whether GPS data is present. Bad EXIF is ignored."""
    try:
        exif = im.getexif()
        orientation = int(exif.get(_TAG_ORIENTATION) or 1)
        sub = exif.get_ifd(_IFD_EXIF) if _IFD_EXIF in exif else {}
        taken_at = _iso_datetime(sub.get(_TAG_DATETIME_ORIGINAL), sub.get(_TAG_OFFSET_TIME_ORIGINAL))
        has_location = bool(exif.get_ifd(IFD_GPS)) if IFD_GPS in exif else False
    except Exception:
        return 1, None, False
    xmp = im.info.get("xmp") or im.info.get("XML:com.adobe.xmp")
    if not has_location and xmp:
        if isinstance(xmp, str):
            xmp = xmp.encode("utf-8", "replace")
        has_location = bool(XMP_GPS_WORD.search(xmp))
    return (orientation if 1 <= orientation <= 8 else 1), taken_at, has_location


def _iso_datetime(value: object, offset: object) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    if not isinstance(value, str):
        return None
    value = value.strip("\x00 ")
    try:
        moment = datetime.strptime(value[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    text = moment.isoformat()
    if isinstance(offset, bytes):
        offset = offset.decode("ascii", "replace")
    if isinstance(offset, str) and re.fullmatch(r"[+-]\d\d:\d\d", offset.strip("\x00 ")):
        text += offset.strip("\x00 ")
    return text


def to_rgb(im: Image.Image) -> Image.Image:
    if im.mode == "RGB":
        return im
    if im.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        return im.convert("I").point(lambda v: v * (1 / 256)).convert("L").convert("RGB")
    if im.mode in ("RGBA", "LA", "PA", "RGBa", "La") or (im.mode == "P" and "transparency" in im.info):
        rgba = im.convert("RGBA")
        canvas = Image.new("RGB", rgba.size, (255, 255, 255))
        canvas.paste(rgba, mask=rgba.getchannel("A"))
        return canvas
    return im.convert("RGB")


def _thumbnail(im: Image.Image) -> bytes:
    small = ImageOps.exif_transpose(im)
    if small is None:  # pragma: no cover - only with in_place=True
        small = im
    small = to_rgb(small)
    small.thumbnail((THUMB_SIDE, THUMB_SIDE), Image.Resampling.BICUBIC)
    out = io.BytesIO()
    icc = im.info.get("icc_profile")
    small.save(out, "JPEG", quality=THUMB_QUALITY, **({"icc_profile": icc} if icc else {}))
    return out.getvalue()



__all__ = [
    "HEIF_AVAILABLE",
    "IFD_GPS",
    "MAX_FILE_BYTES",
    "MAX_PIXELS",
    "OPEN_FORMATS",
    "PNG_SIGNATURE",
    "PhotoError",
    "PhotoFile",
    "THUMB_QUALITY",
    "THUMB_SIDE",
    "XMP_GPS_WORD",
    "describe",
    "exif_facts",
    "ingest",
    "ingest_many",
    "materialize",
    "read_source",
    "to_rgb",
]
