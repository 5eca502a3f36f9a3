"""Kill a saving process at random moments; nothing acknowledged may be lost.

A forked child saves entries in a loop and writes each sequence number to a
pipe only after `set_entry` returned (the transaction is committed). The
parent kills it with SIGKILL after a random delay, or the child kills itself
from inside SQLite through a progress handler, mid-statement. After every
kill a fresh connection must find every acknowledged number in the history
and `PRAGMA integrity_check` must say ok.

INSPECTOR_CRASH_KILLS sets the number of kills (200 by default; 1,000 for a
closing note).
"""
from __future__ import annotations

import json
import os
import random
import resource
import select
import signal
import sqlite3
import time

import pytest

from inspector_app.store import entries as E
from inspector_app.store.db import DB_NAME, StoreError, open_store
from inspector_app.store.plans import find_plan, get_group, plan_rubric

from store_helpers import small_plan

KILLS = int(os.environ.get("INSPECTOR_CRASH_KILLS", "200"))
CODES = ["C5", "C6", "C9", "C12"]


def _child(data_dir, start: int, write_fd: int, self_kill_every: int) -> None:
    try:
        store = open_store(data_dir, check_integrity=False)
        plan = find_plan(store, None)
        rubric = plan_rubric(store, plan)
        group = get_group(store, plan.id, "g4")
        if self_kill_every:
            rng = random.Random(os.getpid())
            store.conn.set_progress_handler(
                lambda: os.kill(os.getpid(), signal.SIGKILL) if rng.random() < 1 / self_kill_every else 0, 50)
        n = start
        while True:
            code = CODES[n % len(CODES)]
            inputs = {"ratio.value": str(n % 100), "cycle.value": "100"} if code == "C5" else {"met": n % 2 == 0}
            E.set_entry(store, plan, rubric, group, "e0", E.GROUP, code, inputs=inputs, note=f"n{n}")
            os.write(write_fd, f"{n}\n".encode())
            n += 1
    finally:
        os._exit(3)


def _acknowledged(read_fd: int) -> list[int]:
    data = b""
    while True:
        ready, _, _ = select.select([read_fd], [], [], 0)
        if not ready:
            break
        chunk = os.read(read_fd, 65536)
        if not chunk:
            break
        data += chunk
    lines = data.decode().split("\n")
    return [int(x) for x in lines[:-1]]  # a torn last line was never acknowledged


def _notes_in_history(db_path) -> set[str]:
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return {json.loads(r[0]) for r in conn.execute("SELECT new FROM history WHERE field = 'note'")}
    finally:
        conn.close()


def test_sigkill_loses_nothing_acknowledged(data_dir):
    store = open_store(data_dir)
    small_plan(store)
    store.close()
    rng = random.Random(8493)
    next_n, total_acked, self_kills = 0, 0, 0
    for i in range(KILLS):
        read_fd, write_fd = os.pipe()
        self_kill = i % 4 == 3  # a quarter die inside SQLite
        pid = os.fork()
        if pid == 0:
            os.close(read_fd)
            _child(data_dir, next_n, write_fd, 40 if self_kill else 0)
        os.close(write_fd)
        time.sleep(rng.uniform(0.005, 0.06))
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        _, status = os.waitpid(pid, 0)
        acked = _acknowledged(read_fd)
        os.close(read_fd)
        assert os.WIFSIGNALED(status), "the child must die by SIGKILL, not by an error"
        self_kills += self_kill
        notes = _notes_in_history(data_dir / DB_NAME)
        missing = [n for n in acked if f"n{n}" not in notes]
        assert not missing, f"kill {i}: acknowledged saves lost: {missing[:5]}"
        total_acked += len(acked)
        next_n = (acked[-1] + 1 if acked else next_n) + 1000
    store = open_store(data_dir)
    assert store.report.unclean
    store.close()
    print(f"\n{KILLS} kills ({self_kills} from inside SQLite), {total_acked} acknowledged saves, none lost")
    assert total_acked > 0


def test_disk_full_loses_nothing(data_dir):
    store = open_store(data_dir)
    plan, rubric, group = small_plan(store)
    E.set_entry(store, plan, rubric, group, "e0", E.GROUP, "C6", inputs={"met": True}, note="before")
    store.close()
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        code = 3
        try:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            s = open_store(data_dir, check_integrity=False)
            limit = max(p.stat().st_size for p in data_dir.glob(f"{DB_NAME}*")) + 200_000
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
            p = find_plan(s, None)
            g = get_group(s, p.id, "g4")
            r = plan_rubric(s, p)
            for n in range(100_000):
                try:
                    E.set_entry(s, p, r, g, "e0", E.GROUP, "C6", inputs={"met": n % 2 == 0},
                                note=f"n{n} " + "长" * 20_000)
                except StoreError as exc:
                    os.write(write_fd, f"ERR {exc}\n".encode())
                    break
                os.write(write_fd, f"{n}\n".encode())
            code = 0
        finally:
            os._exit(code)
    os.close(write_fd)
    _, status = os.waitpid(pid, 0)
    out = b""
    while chunk := os.read(read_fd, 65536):
        out += chunk
    os.close(read_fd)
    lines = out.decode().splitlines()
    assert lines and lines[-1].startswith("ERR"), lines[-3:]
    assert "磁盘空间已满" in lines[-1] or "无法保存" in lines[-1], lines[-1]
    acked = [int(x) for x in lines[:-1]]
    assert acked, "some saves fit before the disk filled"
    store = open_store(data_dir)  # integrity_check runs on open
    notes = {c[0] for c in store.conn.execute("SELECT new FROM history WHERE field = 'note'")}
    assert all(any(n.startswith(f'"n{a} ') for n in notes) for a in acked)
    entry = E.get_entry(store, plan.id, group.id, "e0", E.GROUP, "C6")
    assert entry.note.startswith(f"n{acked[-1]} ")
    store.close()
