"""A killed export may skip a sequence number but never lets one be signed twice; leftovers are cleaned.

A forked child exports one expert's bundle again and again to a folder (the
stick) and is killed with SIGKILL at a random moment. After each kill, the next
export must carry a number above every bundle already on the stick, so the
lead never sees two different bundles under one number ("冲突").
"""
from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import pytest

from inspector_app.bundles.bag import read_bag
from inspector_app.bundles.export import export_expert
from inspector_app.bundles.keys import KeyStore
from inspector_app.store import entries as E
from inspector_app.store.db import open_store
from inspector_app.store.plans import find_plan, get_group

from store_helpers import small_plan

KILLS = int(os.environ.get("INSPECTOR_EXPORT_KILLS", "30"))


def _exporting_child(data_dir: Path, stick: Path) -> None:
    try:
        store = open_store(data_dir, check_integrity=False)
        keys = KeyStore(data_dir)
        plan = find_plan(store, None)
        group = get_group(store, plan.id, "g4")
        while True:
            export_expert(store, keys, plan, group, "e0", stick)
    finally:
        os._exit(3)


def _numbers_on(stick: Path, keys: KeyStore) -> list[int]:
    return [int(read_bag(p, keys).field("sequence")) for p in sorted(stick.glob("*.zip"))]


def test_a_killed_export_never_lets_a_number_be_signed_twice(data_dir, tmp_path):
    _kill_exports(data_dir, tmp_path, KILLS)


def _kill_exports(data_dir: Path, tmp_path: Path, kills: int) -> None:
    store = open_store(data_dir)
    plan, rubric, group = small_plan(store)
    E.set_entry(store, plan, rubric, group, "e0", E.GROUP, "C6", inputs={"met": True}, note="长" * 200_000)
    keys = KeyStore(data_dir)
    keys.own_key()
    store.close()
    stick = tmp_path / "stick"
    stick.mkdir()
    rng = random.Random(2031)
    published_then_killed = 0
    for _ in range(kills):
        pid = os.fork()
        if pid == 0:  # pragma: no cover - dies by SIGKILL
            _exporting_child(data_dir, stick)
        time.sleep(rng.uniform(0.02, 0.25))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        before = _numbers_on(stick, keys)
        store = open_store(data_dir)
        made = export_expert(store, keys, find_plan(store, None), get_group(store, plan.id, "g4"), "e0", stick)
        store.close()
        assert not before or made.sequence > max(before), f"number {made.sequence} reused ({before})"
        published_then_killed += bool(before)
        numbers = _numbers_on(stick, keys)
        assert len(numbers) == len(set(numbers)), numbers
        assert not [p for p in stick.iterdir() if p.name.endswith(".part")
                    and time.time() - p.stat().st_mtime > 120]
        for old in stick.glob("*.zip"):
            old.unlink()
    print(f"\n{kills} kills during export ({published_then_killed} after the bundle was on the stick), "
          "no number reused")
    assert published_then_killed > 0, "no kill came after a bundle was published: the test proves nothing"


def test_two_exports_in_the_same_second_get_different_names_and_numbers(data_dir, tmp_path):
    store = open_store(data_dir)
    plan, rubric, group = small_plan(store)
    E.set_entry(store, plan, rubric, group, "e0", E.GROUP, "C6", inputs={"met": True})
    keys = KeyStore(data_dir)
    first = export_expert(store, keys, plan, group, "e0", tmp_path)
    second = export_expert(store, keys, plan, group, "e0", tmp_path)
    assert first.path != second.path and second.sequence == first.sequence + 1
    store.close()


def test_leftover_temporary_files_are_cleaned_at_start_and_after_a_job(data_dir, tmp_path):
    store = open_store(data_dir)
    plan, rubric, group = small_plan(store)
    E.set_entry(store, plan, rubric, group, "e0", E.GROUP, "C6", inputs={"met": True})
    store.conn.close()  # as after a kill: the running marker stays
    shard = data_dir / "photos" / "originals" / "ab"
    shard.mkdir(parents=True, exist_ok=True)
    leftovers = [data_dir / "photos" / "thumbs" / ".x.jpg.abc.part", shard / ".y.jpg.def.part",
                 data_dir / "backups" / ".inspector-1.db.ghi.part", data_dir / ".inspector.running.jkl.part"]
    for path in leftovers:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"half")
    kept = data_dir / "photos" / "thumbs" / "real.jpg"
    kept.write_bytes(b"photo")
    store = open_store(data_dir)
    assert not [p for p in leftovers if p.exists()] and kept.exists()
    stick = tmp_path / "stick"
    stick.mkdir()
    old_part = stick / ".李专家-第四中学-20240101-120000-1.zip.0a1b2c3d.part"
    old_part.write_bytes(b"half a bundle")
    os.utime(old_part, (time.time() - 600, time.time() - 600))
    fresh_part = stick / ".someone-else.zip.ffff.part"  # another program may be writing this one now
    fresh_part.write_bytes(b"being written")
    export_expert(store, KeyStore(data_dir), plan, group, "e0", stick)
    assert not old_part.exists() and fresh_part.exists()
    store.close()


@pytest.mark.slow
def test_many_killed_exports(data_dir, tmp_path):
    _kill_exports(data_dir, tmp_path, 200)
