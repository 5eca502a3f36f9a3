"""Photos travel in bundles without their location, unless the plan asks for it; the original keeps it."""
from __future__ import annotations

import io

from PIL import Image

from inspector_app.bundles.bag import read_bag, read_json
from inspector_app.bundles.export import export_expert
from inspector_app.bundles.keys import KeyStore
from inspector_app.store import entries as E
from inspector_app.store import photo_records as PR
from inspector_app.store.db import open_store

from store_helpers import small_plan

GPS_IFD = 0x8825


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (320, 240), (30, 120, 200))
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation must survive
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (39.0, 54.0, 27.0), 3: "E", 4: (116.0, 23.0, 17.0)})
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def gps_of(data: bytes) -> dict:
    with Image.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        return {k: v for k, v in exif.get_ifd(GPS_IFD).items() if v not in (0, b"", "", None)}, exif.get(0x0112)


def test_location_left_out_of_bundles(data_dir, tmp_path):
    store = open_store(data_dir)
    plan, rubric, group = small_plan(store)
    source = tmp_path / "phone.jpg"
    source.write_bytes(jpeg_with_gps())
    E.set_entry(store, plan, rubric, group, "e0", E.GROUP, "C3", inputs={"principals.met": True})
    [photo] = PR.add_photos(store, plan, group, "e0", E.GROUP, "C3", [source]).added
    assert photo.has_location
    keys = KeyStore(data_dir)
    result = export_expert(store, keys, plan, group, "e0", tmp_path / "usb")
    bag = read_bag(result.path, keys)
    [meta] = read_json(bag, "photos.json")
    exported = bag.files[meta["file"]]
    gps, orientation = gps_of(exported)
    assert gps == {} and orientation == 6
    assert meta["original_sha256"] == photo.sha256 != meta["sha256"]
    # the stored original is untouched evidence
    original = PR.file_path(store, photo).read_bytes()
    assert gps_of(original)[0] and original == source.read_bytes()
    store.close()


def test_the_export_result_lists_each_photo_and_says_where_location_was_removed(data_dir, tmp_path):
    store = open_store(data_dir)
    plan, rubric, group = small_plan(store)
    (tmp_path / "phone.jpg").write_bytes(jpeg_with_gps())
    Image.new("RGB", (64, 48), (200, 20, 20)).save(tmp_path / "plain.jpg", "JPEG")
    E.set_entry(store, plan, rubric, group, "e0", E.GROUP, "C3", inputs={"principals.met": True})
    PR.add_photos(store, plan, group, "e0", E.GROUP, "C3", [tmp_path / "phone.jpg", tmp_path / "plain.jpg"])
    keys = KeyStore(data_dir)
    result = export_expert(store, keys, plan, group, "e0", tmp_path / "usb")
    assert sorted(result.photo_list) == [("phone.jpg", True), ("plain.jpg", False)]
    assert "phone.jpg（已去除位置信息）" in result.photos_said and "plain.jpg（" not in result.photos_said
    bag = read_bag(result.path, keys)
    for meta in read_json(bag, "photos.json"):
        assert gps_of(bag.files[meta["file"]])[0] == {}  # the listed copy carries no GPS
    store.close()
