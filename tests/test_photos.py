"""Photo evidence files: ingest, refusal of bad input, dedupe, orientation, location removal."""
from __future__ import annotations

import errno
import hashlib
import io
import os
import struct
import threading
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from PIL import Image

from inspector_app.store import photo_display, photo_location, photo_storage, photos
from inspector_app.store.photos import PhotoError, PhotoFile

GPS = {1: "N", 2: (39.0, 54.0, 27.0), 3: "E", 4: (116.0, 23.0, 17.0)}


def make_image(width: int, height: int, mode: str = "RGB") -> Image.Image:
    """A gradient with a red block in the stored top-left corner, to see where it ends up."""
    im = Image.linear_gradient("L").resize((width, height)).convert(mode)
    block = (max(1, width // 5), max(1, height // 5))
    im.paste((255, 0, 0) if mode == "RGB" else (255, 0, 0, 255), (0, 0, *block))
    return im


def exif_bytes(orientation: int | None = None, gps: bool = False, date: str | None = None) -> bytes:
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    if date:
        exif.get_ifd(0x8769)[0x9003] = date
        exif.get_ifd(0x8769)[0x9011] = "+08:00"
    if gps:
        exif.get_ifd(0x8825).update(GPS)
    exif[0x010F] = "TestCam"
    return exif.tobytes()


def jpeg(width=400, height=300, *, orientation=None, gps=False, date=None, **kw) -> bytes:
    out = io.BytesIO()
    make_image(width, height).save(
        out, "JPEG", quality=85, exif=exif_bytes(orientation, gps, date), **kw
    )
    return out.getvalue()


def png(width=300, height=200, *, mode="RGB", **kw) -> bytes:
    out = io.BytesIO()
    make_image(width, height, mode).save(out, "PNG", **kw)
    return out.getvalue()


def heic(width=400, height=300, *, gps=False, date=None) -> bytes:
    out = io.BytesIO()
    make_image(width, height).save(out, "HEIF", quality=70, exif=exif_bytes(None, gps, date))
    return out.getvalue()


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def put(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / "in" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    return path


def red_corner(thumb: Image.Image) -> str:
    """Which corner of the displayed thumbnail holds the red block."""
    rgb = thumb.convert("RGB")
    w, h = rgb.size
    corners = {
        "top-left": (2, 2),
        "top-right": (w - 3, 2),
        "bottom-left": (2, h - 3),
        "bottom-right": (w - 3, h - 3),
    }
    for label, xy in corners.items():
        r, g, b = rgb.getpixel(xy)
        if r > 180 and g < 90 and b < 90:
            return label
    return "none"


# ---------------------------------------------------------------------------- accepted photos


def test_jpeg_ingest_stores_original_unchanged_and_thumbnail(tmp_path):
    data = jpeg(1600, 1200, gps=True, date="2024:05:01 10:20:30")
    src = put(tmp_path, "现场.jpg", data)
    store = tmp_path / "photos"
    pf = photos.ingest(src, store)
    sha = hashlib.sha256(data).hexdigest()
    assert pf.sha256 == sha
    assert pf.original == f"originals/{sha[:2]}/{sha}.jpg"
    assert pf.thumb == f"thumbs/{sha}.jpg"
    assert (store / pf.original).read_bytes() == data
    assert (pf.mime, pf.width, pf.height, pf.size) == ("image/jpeg", 1600, 1200, len(data))
    assert pf.taken_at == "2024-05-01T10:20:30+08:00"
    assert pf.has_location is True
    with Image.open(store / pf.thumb) as thumb:
        assert thumb.format == "JPEG"
        assert thumb.size == (320, 240)
        assert "exif" not in thumb.info  # no location leaks into thumbnails
    assert not [p for p in files_under(store) if p.name.endswith(".part")]
    assert photo_storage.verify(store, sha, pf.original)


def test_png_and_bytes_source(tmp_path):
    data = png(500, 250, mode="RGBA")
    pf = photos.ingest(data, tmp_path, name="截图.png")
    assert (pf.mime, pf.width, pf.height) == ("image/png", 500, 250)
    assert pf.original.endswith(".png") and pf.taken_at is None and not pf.has_location
    with Image.open(tmp_path / pf.thumb) as thumb:
        assert thumb.size == (320, 160) and thumb.mode == "RGB"


def test_sixteen_bit_png(tmp_path):
    out = io.BytesIO()
    Image.linear_gradient("L").resize((256, 64)).convert("I").point(lambda v: v * 256).convert(
        "I;16"
    ).save(out, "PNG")
    pf = photos.ingest(out.getvalue(), tmp_path, name="depth.png")
    assert (pf.width, pf.height) == (256, 64)


def test_heic_ingest(tmp_path):
    data = heic(640, 480, gps=True, date="2023:11:02 08:00:00")
    src = put(tmp_path, "IMG_0001.HEIC", data)
    pf = photos.ingest(src, tmp_path / "photos")
    assert pf.mime == "image/heic" and pf.original.endswith(".heic")
    assert (pf.width, pf.height) == (640, 480)
    assert pf.taken_at == "2023-11-02T08:00:00+08:00" and pf.has_location
    assert (tmp_path / "photos" / pf.original).read_bytes() == data
    with Image.open(tmp_path / "photos" / pf.thumb) as thumb:
        assert thumb.size == (320, 240)


def test_same_photo_twice_is_stored_once(tmp_path, monkeypatch):
    data = jpeg()
    first = photos.ingest(put(tmp_path, "a.jpg", data), tmp_path / "p")
    writes = []
    real = photo_storage.write_atomic
    monkeypatch.setattr(photo_storage, "write_atomic", lambda *a, **k: (writes.append(a[0]), real(*a, **k)))
    second = photos.ingest(put(tmp_path, "b (copy).jpg", data), tmp_path / "p")
    assert first == second
    assert writes == []  # same hash: nothing rewritten
    assert len(files_under(tmp_path / "p")) == 2  # one original, one thumbnail


def test_damaged_stored_copy_is_repaired_on_reingest(tmp_path):
    data = jpeg()
    pf = photos.ingest(data, tmp_path, name="a.jpg")
    (tmp_path / pf.original).write_bytes(data[:100])
    assert not photo_storage.verify(tmp_path, pf.sha256, pf.original)
    assert "损坏" in photo_storage.problem(tmp_path, pf.sha256, pf.original)
    photos.ingest(data, tmp_path, name="a.jpg")
    assert photo_storage.verify(tmp_path, pf.sha256, pf.original)
    assert photo_storage.problem(tmp_path, pf.sha256, pf.original) is None


def test_verify_missing_and_escaping_paths(tmp_path):
    pf = photos.ingest(jpeg(), tmp_path / "p", name="a.jpg")
    assert photo_storage.verify(tmp_path / "p", pf.sha256, pf.original)
    assert not photo_storage.verify(tmp_path / "p", pf.sha256, "../" + pf.original)
    assert not photo_storage.verify(tmp_path / "p", pf.sha256, str((tmp_path / "p" / pf.original).resolve()))
    (tmp_path / "p" / pf.original).unlink()
    assert not photo_storage.verify(tmp_path / "p", pf.sha256, pf.original)
    assert "不见了" in photo_storage.problem(tmp_path / "p", pf.sha256, pf.original, name="a.jpg")


# ---------------------------------------------------------------------------- orientation


@pytest.mark.parametrize(
    "orientation, corner", [(1, "top-left"), (3, "bottom-right"), (6, "top-right"), (8, "bottom-left")]
)
def test_orientation_applied_to_thumbnail_and_size(tmp_path, orientation, corner):
    pf = photos.ingest(jpeg(1200, 900, orientation=orientation), tmp_path, name=f"o{orientation}.jpg")
    with Image.open(tmp_path / pf.thumb) as thumb:
        if orientation in (6, 8):
            assert (pf.width, pf.height) == (900, 1200)
            assert thumb.width < thumb.height
        else:
            assert (pf.width, pf.height) == (1200, 900)
            assert thumb.width > thumb.height
        assert red_corner(thumb) == corner


def test_display_image_upright(tmp_path):
    plain = jpeg(800, 600)
    pf = photos.ingest(plain, tmp_path, name="plain.jpg")
    data, mime = photo_display.display_image_bytes(tmp_path / pf.original)
    assert (data, mime) == (plain, "image/jpeg")  # nothing to do: the stored bytes
    pf = photos.ingest(jpeg(800, 600, orientation=6), tmp_path, name="turned.jpg")
    data, mime = photo_display.display_image_bytes(tmp_path / pf.original, max_side=400)
    with Image.open(io.BytesIO(data)) as shown:
        assert mime == "image/jpeg" and shown.size == (300, 400)
        assert red_corner(shown) == "top-right"


# ---------------------------------------------------------------------------- refused input


def png_claiming(width: int, height: int) -> bytes:
    """A real tiny PNG whose IHDR says width x height, with the CRC recomputed."""
    data = bytearray(png(4, 4))
    ihdr = 8 + 8  # signature, length+type
    data[ihdr : ihdr + 8] = struct.pack(">II", width, height)
    crc = zlib.crc32(bytes(data[12 : ihdr + 13])) & 0xFFFFFFFF
    data[ihdr + 13 : ihdr + 17] = struct.pack(">I", crc)
    return bytes(data)


def jpeg_claiming(width: int, height: int) -> bytes:
    data = bytearray(jpeg(16, 16))
    sof = data.find(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


BAD_INPUTS = {
    "truncated.jpg": (lambda: jpeg(800, 600)[:9000], "damaged"),
    "bomb.png": (lambda: png_claiming(20000, 20000), "too_many_pixels"),
    "bomb.jpg": (lambda: jpeg_claiming(20000, 20000), "too_many_pixels"),
    "just-over.png": (lambda: png_claiming(11000, 11000), "too_many_pixels"),
    "notes.jpg": (lambda: "这是一段文字，不是照片。\n".encode() * 20, "not_image"),
    "empty.jpg": (lambda: b"", "empty"),
    "animation.gif": (lambda: _gif(), "not_image"),
    "truncated.png": (lambda: png(300, 200)[:-200], "damaged"),
    "truncated.heic": (lambda: heic()[:-300], "damaged"),
}


def _gif() -> bytes:
    out = io.BytesIO()
    Image.new("P", (8, 8)).save(out, "GIF")
    return out.getvalue()


@pytest.mark.parametrize("fname", sorted(BAD_INPUTS))
def test_bad_input_refused_with_file_name_and_nothing_stored(tmp_path, fname):
    make, reason = BAD_INPUTS[fname]
    src = put(tmp_path, fname, make())
    store = tmp_path / "photos"
    with pytest.raises(PhotoError) as info:
        photos.ingest(src, store)
    assert info.value.reason == reason
    assert fname in str(info.value)
    assert files_under(store) == []


def test_bomb_refused_without_allocating(tmp_path, monkeypatch):
    def no_load(self):
        raise AssertionError("pixels were decoded")

    bomb = png_claiming(20000, 20000)
    monkeypatch.setattr(Image.Image, "load", no_load)
    with pytest.raises(PhotoError, match="bomb.png") as info:
        photos.ingest(bomb, tmp_path, name="bomb.png")
    assert info.value.reason == "too_many_pixels"


def test_too_large_file_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(photos, "MAX_FILE_BYTES", 10_000)
    src = put(tmp_path, "huge.jpg", jpeg(800, 600))
    with pytest.raises(PhotoError, match="huge.jpg") as info:
        photos.ingest(src, tmp_path / "p")
    assert info.value.reason == "too_large" and files_under(tmp_path / "p") == []


def test_photo_error_survives_pickling():
    import pickle

    err = pickle.loads(pickle.dumps(PhotoError("“a.jpg”是空文件", reason="empty", name="a.jpg")))
    assert (str(err), err.reason, err.name) == ("“a.jpg”是空文件", "empty", "a.jpg")


def test_missing_source_file(tmp_path):
    with pytest.raises(PhotoError, match="gone.jpg") as info:
        photos.ingest(tmp_path / "gone.jpg", tmp_path / "p")
    assert info.value.reason == "unreadable"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0, max_value=4000), flips=st.lists(st.integers(0, 4000), max_size=4))
def test_damaged_bytes_give_photo_error_or_whole_files(tmp_path, cut, flips):
    base = SMALL_JPEG
    data = bytearray(base[: len(base) - cut] if cut else base)
    for pos in flips:
        if pos < len(data):
            data[pos] ^= 0x55
    store = tmp_path / f"p{cut}-{'-'.join(map(str, flips))}"
    try:
        pf = photos.ingest(bytes(data), store, name="x.jpg")
    except PhotoError as err:
        assert "x.jpg" in str(err)
        assert files_under(store) == []
    else:
        assert photo_storage.verify(store, pf.sha256, pf.original)
        assert (store / pf.thumb).stat().st_size > 0


SMALL_JPEG = jpeg(160, 120, orientation=6, gps=True, date="2024:01:01 00:00:00")


# ---------------------------------------------------------------------------- storage failures


def test_disk_full_gives_plain_message_and_leaves_nothing(tmp_path, monkeypatch):
    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    store = tmp_path / "photos"
    with pytest.raises(PhotoError) as info:
        photos.ingest(put(tmp_path, "会议记录.jpg", jpeg()), store)
    assert info.value.reason == "storage"
    assert "磁盘空间已满" in str(info.value) and "会议记录.jpg" in str(info.value)
    assert files_under(store) == []


def test_failure_on_thumbnail_removes_the_new_original(tmp_path, monkeypatch):
    real = os.replace
    calls = []

    def second_fails(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(src, dst)

    monkeypatch.setattr(os, "replace", second_fails)
    with pytest.raises(PhotoError, match="磁盘空间已满"):
        photos.ingest(jpeg(), tmp_path / "p", name="a.jpg")
    assert len(calls) == 2 and files_under(tmp_path / "p") == []


# ---------------------------------------------------------------------------- bulk import


def test_ingest_many_results_line_up_with_paths(tmp_path):
    paths = [put(tmp_path, f"{i:02}.jpg", jpeg(320 + i, 240)) for i in range(6)]
    paths.insert(3, put(tmp_path, "bad.jpg", b"not a photo"))
    seen = []
    results = photos.ingest_many(
        paths, tmp_path / "p", progress=lambda d, t, n: seen.append((d, t, n)), workers=3
    )
    assert len(results) == 7
    assert isinstance(results[3], PhotoError) and results[3].reason == "not_image"
    for path, res in zip(paths, results):
        if path.name != "bad.jpg":
            assert isinstance(res, PhotoFile)
            assert res.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert [d for d, _, _ in seen] == list(range(1, 8)) and {t for _, t, _ in seen} == {7}
    assert sorted(n for _, _, n in seen) == sorted(p.name for p in paths)


def test_cancelled_ingest_many_stops_and_leaves_only_whole_files(tmp_path):
    paths = [put(tmp_path, f"{i:03}.jpg", jpeg(640, 480 + i)) for i in range(40)]
    store = tmp_path / "p"
    progress_thread = []

    def progress(done, total, name):
        progress_thread.append(threading.current_thread())

    results = photos.ingest_many(
        paths, store, progress=progress, cancelled=lambda: len(progress_thread) >= 3, workers=2
    )
    stored = [r for r in results if isinstance(r, PhotoFile)]
    cancelled = [r for r in results if isinstance(r, PhotoError)]
    assert len(results) == 40
    assert 3 <= len(stored) <= 3 + 4  # at most the photos already in flight
    assert all(r.reason == "cancelled" for r in cancelled) and len(cancelled) >= 30
    assert set(progress_thread) == {threading.current_thread()}
    files = files_under(store)
    assert not [p for p in files if ".part" in p.name or p.name.startswith(".")]
    assert len(files) == 2 * len(stored)
    for pf in stored:
        assert photo_storage.verify(store, pf.sha256, pf.original)
        assert (store / pf.thumb).is_file()


def test_cancel_before_start_stores_nothing(tmp_path):
    paths = [put(tmp_path, "a.jpg", jpeg())]
    results = photos.ingest_many(paths, tmp_path / "p", cancelled=lambda: True)
    assert results[0].reason == "cancelled" and "a.jpg" in str(results[0])
    assert files_under(tmp_path / "p") == []


# ---------------------------------------------------------------------------- location removal


def _exif_of(data: bytes):
    with Image.open(io.BytesIO(data)) as im:
        exif = im.getexif()
        return (
            exif.get(0x0112),
            exif.get_ifd(0x8769).get(0x9003),
            dict(exif.get_ifd(0x8825)),
            exif.get(0x010F),
        )


def _pixels(data: bytes) -> bytes:
    with Image.open(io.BytesIO(data)) as im:
        return im.convert("RGB").tobytes()


def test_strip_location_jpeg_keeps_orientation_date_and_pixels(tmp_path):
    data = jpeg(640, 480, orientation=6, gps=True, date="2024:05:01 10:20:30")
    assert _exif_of(data)[2]
    out = photo_location.strip_location(data)
    assert len(out) == len(data) and out != data
    orientation, date, gps, make = _exif_of(out)
    assert (orientation, date, gps, make) == (6, "2024:05:01 10:20:30", {}, "TestCam")
    assert _pixels(out) == _pixels(data)  # not re-encoded
    latitude = struct.pack("<6I", 39, 1, 54, 1, 27, 1)  # as Pillow writes the rationals
    assert latitude in data and latitude not in out
    pf = photos.ingest(out, tmp_path, name="out.jpg")
    assert not pf.has_location and pf.width == 480


def test_strip_location_without_gps_returns_same_bytes():
    data = jpeg(orientation=8, date="2024:05:01 10:20:30")
    assert photo_location.strip_location(data) == data
    plain_png = png()
    assert photo_location.strip_location(plain_png) == plain_png


def test_strip_location_xmp_gps(tmp_path):
    xmp = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="39,54.45N"'
        b' exif:GPSLongitude="116,23.28E" exif:DateTimeOriginal="2024-05-01T10:20:30">'
        b"<exif:GPSAltitude>50/1</exif:GPSAltitude></rdf:Description></rdf:RDF></x:xmpmeta>"
    )
    data = jpeg(orientation=6, xmp=xmp)
    assert photos.ingest(data, tmp_path, name="x.jpg").has_location
    out = photo_location.strip_location(data)
    assert b"GPSLatitude" not in out and b"GPSAltitude" not in out and b"54.45" not in out
    assert b'exif:DateTimeOriginal="2024-05-01T10:20:30"' in out
    with Image.open(io.BytesIO(out)) as im:
        assert im.getexif().get(0x0112) == 6
        assert "DateTimeOriginal" in (im.info["xmp"].decode() if isinstance(im.info["xmp"], bytes) else im.info["xmp"])


def test_strip_location_png_recomputes_crc():
    data = png(exif=exif_bytes(orientation=1, gps=True, date="2024:05:01 10:20:30"))
    out = photo_location.strip_location(data)
    assert len(out) == len(data) and out != data
    _, date, gps, _ = _exif_of(out)
    assert gps == {} and date == "2024:05:01 10:20:30"
    with Image.open(io.BytesIO(out)) as im:
        im.verify()  # checks every chunk CRC


def test_strip_location_heic():
    data = heic(gps=True, date="2023:11:02 08:00:00")
    out = photo_location.strip_location(data, name="IMG_0001.HEIC")
    assert len(out) == len(data)
    _, date, gps, _ = _exif_of(out)
    assert gps == {} and date == "2023:11:02 08:00:00"
    assert _pixels(out) == _pixels(data)


def test_multi_picture_jpeg_every_picture_stripped(tmp_path):
    out = io.BytesIO()
    make_image(640, 480).save(
        out, "MPO", save_all=True, append_images=[make_image(320, 240)],
        exif=exif_bytes(6, gps=True, date="2024:05:01 10:20:30"),
    )
    data = out.getvalue()
    pf = photos.ingest(data, tmp_path, name="phone.jpg")
    assert (pf.mime, pf.width, pf.height, pf.has_location) == ("image/jpeg", 480, 640, True)
    stripped = photo_location.strip_location(data)
    with Image.open(io.BytesIO(stripped)) as im:
        assert im.n_frames == 2
        for frame in range(2):
            im.seek(frame)
            assert im.getexif().get(0x0112) == 6 and not im.getexif().get_ifd(0x8825)


def test_strip_location_refuses_when_it_cannot(monkeypatch):
    data = jpeg(gps=True)
    monkeypatch.setattr(photo_location, "_blank_gps_ifd", lambda buf, start: False)
    with pytest.raises(PhotoError, match="位置") as info:
        photo_location.strip_location(data, name="a.jpg")
    assert info.value.reason == "location" and "a.jpg" in str(info.value)
