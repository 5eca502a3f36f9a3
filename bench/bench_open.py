"""Opening the data folder at three sizes: the cheap start (every time) against the full integrity check
(after a crash or once a day), and the crash loop at length.

Sizes (`--sizes`, comma-separated): `demo` (the demo plan), `city` and `province` (the bureau's database
after merging every panel bundle of `bench/generate.py`'s world, cached under /tmp), or `<N>mb` (the demo
grown with history rows to about N megabytes). Each is a copy of the database and the key folder.

Printed beside floors measured in the same run, interleaved: a bare sqlite3.connect and first query (what
any start must do) for the everyday start; reading the file once (what any check must at least do) for the
full check. Goal: the everyday start does not grow with the database (its ratio stays flat from the demo
to the province); the full check does, and runs only after an unclean exit or once a day.

    python bench/bench_open.py [--sizes demo,city,province] [--repeat 15] [--kills 0]

--kills N also runs the SIGKILL crash loop of tests/test_crash_loop.py N times (INSPECTOR_CRASH_KILLS).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import pct  # noqa: E402

from inspector_app.store import db as D  # noqa: E402
from inspector_app.store.db import open_store  # noqa: E402
from inspector_app.store.demo import make_demo  # noqa: E402


def grow(store, megabytes: int) -> None:
    """History rows of realistic size until the file reaches the size wanted."""
    note = json.dumps("交流名单 26 人；" * 40, ensure_ascii=False)
    path = store.data_dir / D.DB_NAME
    while path.stat().st_size < megabytes * 1024 * 1024:
        with store.tx():
            store.conn.executemany(
                "INSERT INTO history (at, expert_id, plan_id, entity, key, field, old, new, reason)"
                " VALUES (?, 'demo-lead', 'demo-2023', 'entry', '{}', 'note', NULL, ?, '')",
                [(D.now(), note)] * 2000)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def prepare(size: str, folder: Path) -> Path:
    data = folder / size / "data"
    if size in ("city", "province"):
        import generate as G
        merged = G.merged_bureau(G.build_world(size))
        data.mkdir(parents=True)
        shutil.copy2(merged / D.DB_NAME, data / D.DB_NAME)
        shutil.copytree(merged / "keys", data / "keys")
    else:
        store = open_store(data)
        make_demo(store)
        if size.endswith("mb"):
            grow(store, int(size[:-2]))
        store.close()
    open_store(data).close()  # the first start after copying runs the day's full check; not timed
    return data


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="demo,city,province")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--kills", type=int, default=0)
    args = parser.parse_args()
    sizes = args.sizes.split(",")
    rows = []
    with tempfile.TemporaryDirectory(dir="/tmp") as tmp:
        datas = {size: prepare(size, Path(tmp)) for size in sizes}
        times = {size: {"cheap": [], "connect": [], "full": [], "read": []} for size in sizes}

        def cheap(data: Path) -> None:
            open_store(data).close()

        def full(data: Path) -> None:
            (data / D.MARKER).write_text(json.dumps({"pid": 999_999_999}), encoding="utf-8")  # as after a crash
            opened = open_store(data)
            assert opened.report.full_check
            opened.close()

        def floor_connect(data: Path) -> None:
            conn = sqlite3.connect(data / D.DB_NAME)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            conn.close()

        def floor_read(data: Path) -> None:
            with open(data / D.DB_NAME, "rb") as handle:
                while handle.read(1 << 20):
                    pass

        # Interleaved across the sizes too (the order rotating): the shared disk's fsync latency, which
        # every start pays for its running marker, then weighs on each size alike.
        for r in range(args.repeat):
            order = sizes[r % len(sizes):] + sizes[:r % len(sizes)]
            for size in order:
                pairs = [("cheap", cheap), ("connect", floor_connect)]
                if r < max(3, args.repeat // 5):
                    pairs += [("full", full), ("read", floor_read)]
                for name, fn in (pairs if r % 2 == 0 else pairs[::-1]):
                    start = time.perf_counter()
                    fn(datas[size])
                    times[size][name].append((time.perf_counter() - start) * 1000)
        for size in sizes:
            mb = (datas[size] / D.DB_NAME).stat().st_size / 1024 / 1024
            t = times[size]
            med = {k: statistics.median(v) for k, v in t.items()}
            rows.append((size, mb, med, t))
            print(f"{size:>9} {mb:8.1f} MB: everyday start p50 {med['cheap']:7.1f} ms (p95 {pct(t['cheap'], 95):7.1f}), "
                  f"floor connect {med['connect']:6.2f} ms; full check {med['full']:8.1f} ms, floor read "
                  f"{med['read']:7.1f} ms", flush=True)
    first = rows[0][2]["cheap"]
    print("\n| size | database | everyday start | floor (connect) | start / smallest's | full check (after a crash) | floor (read the file) |")
    print("|---|---|---|---|---|---|---|")
    for size, mb, med, _t in rows:
        print(f"| {size} | {mb:.1f} MB | {med['cheap']:.1f} ms | {med['connect']:.2f} ms | {med['cheap'] / first:.2f}× "
              f"| {med['full']:.0f} ms | {med['read']:.0f} ms |")
    print("goal: the everyday start does not grow with the database (last column of starts stays ~1×)")
    if args.kills:
        start = time.perf_counter()
        env = {**os.environ, "INSPECTOR_CRASH_KILLS": str(args.kills), "PYTHONPATH": str(ROOT)}
        result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:cacheprovider",
                                 str(ROOT / "tests" / "test_crash_loop.py::test_sigkill_loses_nothing_acknowledged")],
                                env=env, capture_output=True, text=True)
        lines = [x for x in result.stdout.splitlines() if "kills" in x]
        print(f"crash loop: {lines[-1] if lines else result.stdout[-300:]} ({time.perf_counter() - start:.0f} s)")


if __name__ == "__main__":
    main()
