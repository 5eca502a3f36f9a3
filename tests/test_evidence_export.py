"""Evidence files are hashed again as they leave: a missing or changed photo is named, and once the user
removes it the bundle exports without it."""
from __future__ import annotations

import pytest

from inspector_app.bundles.bag import read_bag, read_json
from inspector_app.bundles.canonical import BundleError
from inspector_app.bundles.export import export_expert
from inspector_app.bundles.keys import KeyStore
from inspector_app.store import entries as E
from inspector_app.store import photo_records as PR
from inspector_app.store.db import StoreError, open_store
from inspector_app.store.demo import demo_photo_bytes

from store_helpers import small_plan


@pytest.fixture
def scored(data_dir, tmp_path):
    store = open_store(data_dir)
    plan, rubric, group = small_plan(store)
    E.set_entry(store, plan, rubric, group, "e0", E.GROUP, "C6", inputs={"met": True})
    picture = tmp_path / "会议记录.jpg"
    picture.write_bytes(demo_photo_bytes("会议记录", (50, 90, 160), size=(320, 240)))
    photo = PR.add_photos(store, plan, group, "e0", E.GROUP, "C3", [picture]).added[0]
    PR.set_caption(store, photo.id, "集团章程会议", "e0")
    yield store, plan, group, photo, tmp_path / "stick"
    store.close()


def _export(store, plan, group, stick):
    return export_expert(store, KeyStore(store.data_dir), plan, group, "e0", stick)


@pytest.mark.parametrize("fault", ["changed", "missing"])
def test_a_changed_or_missing_photo_is_named_and_exports_once_removed(scored, fault):
    store, plan, group, photo, stick = scored
    original = store.photos_dir / photo.original
    if fault == "changed":
        original.write_bytes(demo_photo_bytes("别的照片", (160, 90, 50), size=(320, 240)))
    else:
        original.unlink()
    with pytest.raises((BundleError, StoreError)) as caught:
        _export(store, plan, group, stick)
    message = str(caught.value)
    assert "集团章程会议" in message and "C3" in message and ("改动" if fault == "changed" else "缺失") in message
    assert not list(stick.glob("*.zip")) if stick.exists() else True
    PR.remove_photo(store, photo.id, "e0")
    made = _export(store, plan, group, stick)
    bag = read_bag(made.path, KeyStore(store.data_dir))
    assert all(m["original_sha256"] != photo.sha256 for m in read_json(bag, "photos.json"))


def test_an_intact_photo_is_exported_with_its_hash(scored):
    store, plan, group, photo, stick = scored
    made = _export(store, plan, group, stick)
    metas = read_json(read_bag(made.path, KeyStore(store.data_dir)), "photos.json")
    assert [m["original_sha256"] for m in metas] == [photo.sha256]
