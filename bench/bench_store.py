"""An expert's edit: validate, score, save durably with history, rescore the group.

Printed beside the floor measured in the same run on the same disk: a bare
one-row UPSERT committed with the same pragmas (WAL, synchronous=FULL).
Goal: p99 under 5 ms per edit.

    python bench/bench_store.py [--edits 500] [--dir DIR]
"""
from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import line, timings  # noqa: E402

from inspector_app.store import entries as E  # noqa: E402
from inspector_app.store.db import open_store  # noqa: E402
from inspector_app.store.demo import make_demo  # noqa: E402
from inspector_app.store.plans import get_group, plan_rubric  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=500)
    parser.add_argument("--dir", help="folder on the disk to measure (default: a temporary folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        store = open_store(Path(tmp) / "data")
        plan = make_demo(store)
        rubric = plan_rubric(store, plan)
        group = get_group(store, plan.id, "g4")
        scorer = E.expert_scorer(store, plan, rubric, group, "demo-lead")
        counter = [0]

        def edit():
            counter[0] += 1
            value = str(10 + counter[0] % 10)
            entry = E.set_entry(store, plan, rubric, group, "demo-lead", E.GROUP, "C5",
                                inputs={"ratio.value": value})
            scorer.set_answer("C5", entry.inputs)
            scorer.card()

        conn = sqlite3.connect(Path(tmp) / "floor.db")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)")

        def floor():
            counter[0] += 1
            conn.execute("INSERT INTO t VALUES (1, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v", (str(counter[0]),))
            conn.commit()

        floor_t = timings(floor, args.edits)
        edit_t = timings(edit, args.edits)
        print(f"{args.edits} edits of one indicator in the demo inspection ({tmp})")
        print(line("save + history + rescore", edit_t, floor_t, "p99 < 5 ms"))
        print(line("bare durable commit (floor)", floor_t))
        store.close()


if __name__ == "__main__":
    main()
