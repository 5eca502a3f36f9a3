"""Photo evidence at file level: validate, store the original unchanged, make a thumbnail.

Layout under a photos folder:

    originals/<sha256[:2]>/<sha256>.<jpg|png|heic|heif>   the bytes exactly as received
    thumbs/<sha256>.jpg                                    oriented, at most 320 px on the long side

Every file is written durably (temporary name, fsync, rename, fsync the folder) before
`ingest` returns, so the caller commits its database row only after the file is safe.
The same photo added twice is stored once: the name is its hash.

Nothing here touches Qt or SQL. Messages in `PhotoError` are for the user and name the file.
"""
from __future__ import annotations

import concurrent.futures as cf
import contextlib
import hashlib
import io
import os
import re
import threading
import warnings
import zlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterable, Sequence

from PIL import ExifTags, Image, ImageOps, UnidentifiedImageError
from PIL import JpegImagePlugin, PngImagePlugin  # noqa: F401  registers the openers

from inspector_app.fsutil import fsync_dir, write_atomic

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
DISPLAY_QUALITY = 90

# Pillow warns above MAX_IMAGE_PIXELS and refuses above twice that. The explicit size check in
# `_decode` is what actually protects us (warning filters are process-wide, not thread-safe to
# change per call, and test runners reset them); these two lines make Pillow agree with it,
# for every image the process opens.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
warnings.filterwarnings("error", category=Image.DecompressionBombWarning)

_OPEN_FORMATS = ["JPEG", "PNG"]  # a JPEG with MPF data opens as "MPO" through the JPEG opener
_OPEN_FORMATS += (["HEIF"] if HEIF_AVAILABLE else [])
_HEIC_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs"}

_TAG_ORIENTATION = ExifTags.Base.Orientation
_TAG_DATETIME_ORIGINAL = ExifTags.Base.DateTimeOriginal
_TAG_OFFSET_TIME_ORIGINAL = ExifTags.Base.OffsetTimeOriginal
_IFD_EXIF = ExifTags.IFD.Exif
_IFD_GPS = ExifTags.IFD.GPSInfo


class PhotoError(Exception):
    """A photo that was refused or could not be stored; `str(err)` is a Chinese message for the user.

    `reason` is one of: empty, too_large, unreadable, not_image, too_many_pixels, damaged,
    storage, location, cancelled.
    """

    def __init__(self, message: str, *, reason: str, name: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.reason = reason
        self.name = name

    def __reduce__(self):  # keyword-only arguments: rebuild explicitly (queues, processes)
        return (_rebuild_photo_error, (self.message, self.reason, self.name))


def _rebuild_photo_error(message: str, reason: str, name: str) -> PhotoError:
    return PhotoError(message, reason=reason, name=name)


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
    data, name = _read_source(source, name)
    sha = hashlib.sha256(data).hexdigest()
    decoded = _decode(data, name)
    if cancelled is not None and cancelled():
        raise PhotoError(f"已取消，未保存“{name}”。", reason="cancelled", name=name)
    original_rel = f"originals/{sha[:2]}/{sha}.{decoded.ext}"
    thumb_rel = f"thumbs/{sha}.jpg"
    _store(photos_dir, sha, data, original_rel, decoded.thumb_jpeg, thumb_rel, name)
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
    )


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
            results[index] = PhotoError(f"已取消，未导入“{fname}”。", reason="cancelled", name=fname)
    return results  # type: ignore[return-value]


# --------------------------------------------------------------------------------------------
# reading and decoding


def _read_source(source: Path | str | bytes, name: str) -> tuple[bytes, str]:
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        name = name or "照片"
    else:
        path = Path(source)
        name = name or path.name
        try:
            with open(path, "rb") as handle:
                size = os.fstat(handle.fileno()).st_size
                if size > MAX_FILE_BYTES:
                    raise _too_large(name, size)
                data = handle.read(MAX_FILE_BYTES + 1)
        except FileNotFoundError:
            raise PhotoError(f"找不到文件“{name}”。", reason="unreadable", name=name) from None
        except IsADirectoryError:
            raise PhotoError(f"“{name}”是文件夹，不是照片。", reason="not_image", name=name) from None
        except OSError as exc:
            raise PhotoError(
                f"无法读取“{name}”：{exc.strerror or exc}", reason="unreadable", name=name
            ) from exc
    if not data:
        raise PhotoError(f"“{name}”是空文件，不是照片。", reason="empty", name=name)
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(name, len(data))
    return data, name


def _too_large(name: str, size: int) -> PhotoError:
    return PhotoError(
        f"“{name}”太大（{size / 1024 / 1024:.0f} MB），照片文件不能超过 {MAX_FILE_BYTES // 1024 // 1024} MB。",
        reason="too_large",
        name=name,
    )


@dataclass
class _Decoded:
    mime: str
    ext: str
    width: int
    height: int
    taken_at: str | None
    has_location: bool
    thumb_jpeg: bytes


def _decode(data: bytes, name: str) -> _Decoded:
    """Open with the allowed formats only, check the size, decode everything, make the thumbnail."""
    not_image = PhotoError(
        f"“{name}”不是可识别的照片。只能添加 JPEG、PNG 或手机拍摄的 HEIC 照片。",
        reason="not_image",
        name=name,
    )
    too_many = PhotoError(
        f"“{name}”的像素数量过大（超过 {MAX_PIXELS // 1_000_000} 百万像素），可能是损坏或恶意的文件，已拒绝。",
        reason="too_many_pixels",
        name=name,
    )
    damaged = PhotoError(f"“{name}”已损坏或不完整，无法读取，未添加。", reason="damaged", name=name)
    try:
        im = Image.open(io.BytesIO(data), formats=_OPEN_FORMATS)
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
        try:
            if fmt in ("JPEG", "MPO"):
                im.draft("RGB", (THUMB_SIDE, THUMB_SIDE))  # decode at 1/2..1/8 scale
            im.load()  # decodes every byte: a truncated file fails here
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise too_many from None
        except Exception as exc:
            raise damaged from exc
        orientation, taken_at, has_location = _exif_facts(im)
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
    if data.startswith(b"\xff\xd8\xff") or data.startswith(_PNG_SIGNATURE):
        return True
    return data[4:8] == b"ftyp" and (data[8:12] in _HEIC_BRANDS or data[8:12] in (b"mif1", b"msf1"))


def _exif_facts(im: Image.Image) -> tuple[int, str | None, bool]:
    """Orientation, DateTimeOriginal as ISO text, whether GPS data is present. Bad EXIF is ignored."""
    try:
        exif = im.getexif()
        orientation = int(exif.get(_TAG_ORIENTATION) or 1)
        sub = exif.get_ifd(_IFD_EXIF) if _IFD_EXIF in exif else {}
        taken_at = _iso_datetime(sub.get(_TAG_DATETIME_ORIGINAL), sub.get(_TAG_OFFSET_TIME_ORIGINAL))
        has_location = bool(exif.get_ifd(_IFD_GPS)) if _IFD_GPS in exif else False
    except Exception:
        return 1, None, False
    xmp = im.info.get("xmp") or im.info.get("XML:com.adobe.xmp")
    if not has_location and xmp:
        if isinstance(xmp, str):
            xmp = xmp.encode("utf-8", "replace")
        has_location = bool(_XMP_GPS_WORD.search(xmp))
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


def _to_rgb(im: Image.Image) -> Image.Image:
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
    small = _to_rgb(small)
    small.thumbnail((THUMB_SIDE, THUMB_SIDE), Image.Resampling.BICUBIC)
    out = io.BytesIO()
    icc = im.info.get("icc_profile")
    small.save(out, "JPEG", quality=THUMB_QUALITY, **({"icc_profile": icc} if icc else {}))
    return out.getvalue()


# --------------------------------------------------------------------------------------------
# storing

_LOCKS = [threading.Lock() for _ in range(64)]  # one writer per hash in this process


def _store(
    photos_dir: Path,
    sha: str,
    data: bytes,
    original_rel: str,
    thumb_jpeg: bytes,
    thumb_rel: str,
    name: str,
) -> None:
    original = photos_dir / original_rel
    thumb = photos_dir / thumb_rel
    created: list[Path] = []
    with _LOCKS[int(sha[:2], 16) % len(_LOCKS)]:
        try:
            if not _file_has_hash(original, sha):
                _ensure_dir(original.parent, photos_dir)
                existed = original.exists()
                write_atomic(original, data)
                if not existed:
                    created.append(original)
            if not _nonempty(thumb):
                _ensure_dir(thumb.parent, photos_dir)
                write_atomic(thumb, thumb_jpeg)
                created.append(thumb)
        except BaseException as exc:
            for path in created:  # keep the pair consistent: no original without its thumbnail
                with contextlib.suppress(OSError):
                    path.unlink()
            if isinstance(exc, OSError):  # StorageError carries the plain-words reason
                raise PhotoError(
                    f"保存“{name}”失败：{exc.strerror or exc}", reason="storage", name=name
                ) from exc
            raise


def _ensure_dir(folder: Path, root: Path) -> None:
    """Create `folder` and make the new directory entries durable too."""
    if folder.is_dir():
        return
    missing = []
    probe = folder
    while not probe.is_dir():
        missing.append(probe)
        if probe == root or probe.parent == probe:
            break
        probe = probe.parent
    folder.mkdir(parents=True, exist_ok=True)
    for made in reversed(missing):
        fsync_dir(made.parent)


def _nonempty(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def _file_has_hash(path: Path, sha: str) -> bool:
    try:
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return False
    return digest.hexdigest() == sha


# --------------------------------------------------------------------------------------------
# checking stored files


def _resolve_inside(photos_dir: Path, rel_path: str) -> Path | None:
    rel = Path(rel_path)
    if rel.is_absolute() or ".." in rel.parts or not rel.parts:
        return None
    return Path(photos_dir) / rel


def verify(photos_dir: Path | str, sha256: str, rel_path: str) -> bool:
    """True when the stored file exists and its bytes still have this hash."""
    path = _resolve_inside(Path(photos_dir), rel_path)
    return path is not None and _file_has_hash(path, sha256.lower())


def problem(photos_dir: Path | str, sha256: str, rel_path: str, *, name: str = "") -> str | None:
    """None when the stored photo is fine, otherwise a plain-words Chinese description."""
    label = name or Path(rel_path).name
    path = _resolve_inside(Path(photos_dir), rel_path)
    if path is None or not path.is_file():
        return f"照片“{label}”的文件不见了（{rel_path}）。请从备份或原始设备重新添加。"
    if not _file_has_hash(path, sha256.lower()):
        return f"照片“{label}”的文件已被改动或损坏（{rel_path}），与登记时的内容不一致。"
    return None


# --------------------------------------------------------------------------------------------
# viewing


def display_image_bytes(path: Path | str, *, max_side: int | None = None) -> tuple[bytes, str]:
    """An upright JPEG (or PNG when transparent) of a stored original, for a viewer.

    Returns (bytes, mime). A JPEG that needs no rotation or scaling is returned as stored.
    """
    path = Path(path)
    data, name = _read_source(path, "")
    try:
        with Image.open(io.BytesIO(data), formats=_OPEN_FORMATS) as im:
            if im.size[0] * im.size[1] > MAX_PIXELS:
                raise PhotoError(f"“{name}”的像素数量过大，无法显示。", reason="too_many_pixels", name=name)
            orientation, _, _ = _exif_facts(im)
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
            _to_rgb(upright).save(out, "JPEG", quality=DISPLAY_QUALITY, **extra)
            return out.getvalue(), "image/jpeg"
    except PhotoError:
        raise
    except Exception as exc:
        raise PhotoError(f"“{name}”已损坏，无法显示。", reason="damaged", name=name) from exc


# --------------------------------------------------------------------------------------------
# removing location for export

_TIFF_TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4, 16: 8, 17: 8, 18: 8}
_EXIF_MARK = re.compile(rb"Exif\x00\x00(?=II\*\x00|MM\x00\*)")
_XMP_PACKET = re.compile(rb"<x:xmpmeta\b.*?</x:xmpmeta\s*>", re.S)
_XMP_GPS_WORD = re.compile(rb"[\w.-]+:GPS(?:Lat|Long|Alt|Dest|Position|Coord)", re.I)
_XMP_GPS_ATTR = re.compile(rb"""\s[\w.-]+:GPS\w*\s*=\s*(?:"[^"]*"|'[^']*')""", re.I)
_XMP_GPS_EMPTY_ELEM = re.compile(rb"<([\w.-]+:GPS\w*)\b[^>]*/>", re.I)
_XMP_GPS_ELEM = re.compile(rb"<([\w.-]+:GPS\w*)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def strip_location(data: bytes, *, name: str = "") -> bytes:
    """A copy of the photo without GPS coordinates, for export; other EXIF (orientation, date) stays.

    Works in place without re-encoding: the GPS directory of every EXIF block is emptied (its
    entries and values overwritten with zeros, nothing moved, so other offsets such as maker
    notes stay valid) and GPS properties in XMP packets are overwritten with spaces. The file
    keeps its length; for PNG the chunk checksums are recomputed. A photo without location
    data is returned unchanged, so its hash stays that of the stored original.

    Raises PhotoError (reason "location") if location data remains that this cannot remove
    (for example XMP inside a compressed PNG text chunk) — better no export than a leak.
    """
    label = name or "照片"
    buf = bytearray(data)
    changed = False
    tiff_starts = {m.end() for m in _EXIF_MARK.finditer(data)}
    png_chunks = _png_chunks(data) if data.startswith(_PNG_SIGNATURE) else []
    for kind, start, length in png_chunks:
        if kind == b"eXIf":
            tiff_starts.add(start)
    for start in sorted(tiff_starts):
        changed |= _blank_gps_ifd(buf, start)
    for packet in _XMP_PACKET.finditer(data):
        changed |= _blank_xmp_gps(buf, packet.start(), packet.end())
    if not changed:
        out = data
    else:
        for kind, start, length in png_chunks:
            crc = zlib.crc32(buf[start - 4 : start + length]) & 0xFFFFFFFF
            buf[start + length : start + length + 4] = crc.to_bytes(4, "big")
        out = bytes(buf)
    if _still_located(out):
        raise PhotoError(
            f"无法去除“{label}”中的位置信息，为避免泄露位置，未导出这张照片。",
            reason="location",
            name=label,
        )
    return out


def _png_chunks(data: bytes) -> list[tuple[bytes, int, int]]:
    chunks = []
    pos = len(_PNG_SIGNATURE)
    while pos + 12 <= len(data):
        length = int.from_bytes(data[pos : pos + 4], "big")
        kind = data[pos + 4 : pos + 8]
        start = pos + 8
        if start + length + 4 > len(data):
            break
        chunks.append((kind, start, length))
        pos = start + length + 4
        if kind == b"IEND":
            break
    return chunks


def _blank_gps_ifd(buf: bytearray, base: int) -> bool:
    """Empty the GPS IFD of the TIFF structure starting at `base`. True if anything was removed."""
    end = len(buf)
    if base + 8 > end:
        return False
    order = bytes(buf[base : base + 2])
    if order == b"II":
        bo = "little"
    elif order == b"MM":
        bo = "big"
    else:
        return False

    def u16(off: int) -> int:
        return int.from_bytes(buf[base + off : base + off + 2], bo)

    def u32(off: int) -> int:
        return int.from_bytes(buf[base + off : base + off + 4], bo)

    if u16(2) != 42:
        return False
    ifd0 = u32(4)
    if base + ifd0 + 2 > end:
        return False
    gps = None
    for i in range(u16(ifd0)):
        entry = ifd0 + 2 + 12 * i
        if base + entry + 12 > end:
            return False
        if u16(entry) == 0x8825:
            gps = u32(entry + 8)
            break
    if gps is None or gps == 0 or base + gps + 2 > end:
        return False
    count = u16(gps)
    if count == 0:
        return False
    table_end = min(base + gps + 2 + 12 * count + 4, end)
    for i in range(count):
        entry = gps + 2 + 12 * i
        if base + entry + 12 > end:
            break
        size = _TIFF_TYPE_SIZES.get(u16(entry + 2), 1) * u32(entry + 4)
        if size > 4:
            value = u32(entry + 8)
            lo, hi = base + value, min(base + value + size, end)
            if base + 8 <= lo < hi:
                buf[lo:hi] = bytes(hi - lo)
    buf[base + gps : table_end] = bytes(table_end - (base + gps))  # count 0, next IFD 0
    return True


def _blank_xmp_gps(buf: bytearray, start: int, end: int) -> bool:
    packet = bytes(buf[start:end])
    spans = []
    for pattern in (_XMP_GPS_ELEM, _XMP_GPS_EMPTY_ELEM, _XMP_GPS_ATTR):
        spans += [m.span() for m in pattern.finditer(packet)]
    if not spans:
        return False
    for lo, hi in spans:  # XML allows whitespace where an attribute or element was
        buf[start + lo : start + hi] = b" " * (hi - lo)
    return True


def _still_located(data: bytes) -> bool:
    try:
        with Image.open(io.BytesIO(data), formats=_OPEN_FORMATS) as im:
            for frame in range(min(getattr(im, "n_frames", 1), 64)):  # MPO: every picture
                im.seek(frame)
                exif = im.getexif()
                if _IFD_GPS in exif and exif.get_ifd(_IFD_GPS):
                    return True
                xmp = im.info.get("xmp") or im.info.get("XML:com.adobe.xmp") or b""
                if isinstance(xmp, str):
                    xmp = xmp.encode("utf-8", "replace")
                if _XMP_GPS_WORD.search(xmp):
                    return True
            return False
    except Exception:
        return False  # not an image we read; nothing of ours to check


__all__ = [
    "MAX_FILE_BYTES",
    "MAX_PIXELS",
    "PhotoError",
    "PhotoFile",
    "display_image_bytes",
    "ingest",
    "ingest_many",
    "problem",
    "strip_location",
    "verify",
]
