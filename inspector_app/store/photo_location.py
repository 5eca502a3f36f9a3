"""Location (GPS in EXIF, GPS properties in XMP) removed from a photo before it leaves in a bundle."""
from __future__ import annotations

import io
import re
import zlib

from PIL import Image

from inspector_app.store.photos import IFD_GPS, OPEN_FORMATS, PNG_SIGNATURE, XMP_GPS_WORD, PhotoError
from inspector_app.said import Said

LOCATION_DATA_REMOVED_PHOTO = Said('无法去除“{0}”中的位置信息，为避免泄露位置，未导出这张照片。',
                                    'The location data in "{0}" cannot be removed: the photo was not exported, so as not to give the location away.')

__all__ = ["strip_location"]

_TIFF_TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4, 16: 8, 17: 8, 18: 8}
_EXIF_MARK = re.compile(rb"Exif\x00\x00(?=II\*\x00|MM\x00\*)")
_XMP_PACKET = re.compile(rb"<x:xmpmeta\b.*?</x:xmpmeta\s*>", re.S)
_XMP_GPS_ATTR = re.compile(rb"""\s[\w.-]+:GPS\w*\s*=\s*(?:"[^"]*"|'[^']*')""", re.I)
_XMP_GPS_EMPTY_ELEM = re.compile(rb"<([\w.-]+:GPS\w*)\b[^>]*/>", re.I)
_XMP_GPS_ELEM = re.compile(rb"<([\w.-]+:GPS\w*)\b[^>]*>.*?</\1\s*>", re.I | re.S)


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
    png_chunks = _png_chunks(data) if data.startswith(PNG_SIGNATURE) else []
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
            LOCATION_DATA_REMOVED_PHOTO(label),
            reason="location",
            name=label,
        )
    return out


def _png_chunks(data: bytes) -> list[tuple[bytes, int, int]]:
    chunks = []
    pos = len(PNG_SIGNATURE)
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
        with Image.open(io.BytesIO(data), formats=OPEN_FORMATS) as im:
            for frame in range(min(getattr(im, "n_frames", 1), 64)):  # MPO: every picture
                im.seek(frame)
                exif = im.getexif()
                if IFD_GPS in exif and exif.get_ifd(IFD_GPS):
                    return True
                xmp = im.info.get("xmp") or im.info.get("XML:com.adobe.xmp") or b""
                if isinstance(xmp, str):
                    xmp = xmp.encode("utf-8", "replace")
                if XMP_GPS_WORD.search(xmp):
                    return True
            return False
    except Exception:
        return False  # not an image we read; nothing of ours to check

