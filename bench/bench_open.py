"""Opening the data folder: the cheap start (every time) against the full integrity check (after a crash or
once a day), and the crash loop at length.

The database is grown to about --mb megabytes of entries and history. Printed beside the floor measured in
the same run: reading the file once (what any check must at least do for the full one) and a bare
sqlite3.connect. Goal: the everyday start does not grow with the database; the full check does.

    python bench/bench_open.py [--mb 50] [--repeat 15] [--kills 0]

--kills N also runs the SIGKILL crash loop of tests/test_crash_loop.py N times (INSPECTOR_CRASH_KILLS).
"""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import line, timings  # noqa: E402

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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--kills", type=int, default=0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        store = open_store(data)
        make_demo(store)
        grow(store, args.mb)
        store.close()
        size = (data / D.DB_NAME).stat().st_size / 1024 / 1024

        def cheap():
            open_store(data).close()

        def full():
            (data / D.MARKER).write_text(json.dumps({"pid": 999_999_999}), encoding="utf-8")  # as after a crash
            opened = open_store(data)
            assert opened.report.full_check
            opened.close()

        def floor_read():
            with open(data / D.DB_NAME, "rb") as handle:
                while handle.read(1 << 20):
                    pass

        def floor_connect():
            sqlite3.connect(data / D.DB_NAME).close()

        print(f"database {size:.1f} MB")
        print(line("everyday start (cheap checks)", timings(cheap, args.repeat), timings(floor_connect, args.repeat),
                   "does not grow with the database (the full check does)"))
        print(line("start after a crash (full integrity_check)", timings(full, max(3, args.repeat // 3)),
                   timings(floor_read, max(3, args.repeat // 3))))
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
