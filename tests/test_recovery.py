"""Damaged, missing and emptied databases, lost WALs, the folder lock: said in words, recovered from backups.

Each damaged database of the corpus is made from a real one with good backups
beside it. The program must refuse to start on it (never replace it), name what
it found and the command that recovers, and that command must bring back the
backed-up work.
"""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from inspector_app.store import backup as B
from inspector_app.store import entries as E
from inspector_app.store.db import DB_NAME, MARKER, StoreError, open_store
from inspector_app.store.plans import find_plan, get_group, plan_rubric

from store_helpers import small_plan

ROOT = Path(__file__).resolve().parents[1]


def cli(folder: Path, *args: str) -> int:
    from inspector_app.cli.main import main
    return main(["--data-dir", str(folder), *args])


def _made(data_dir: Path) -> tuple:
    """A database with one saved entry (C6 met) and a good backup of it; closed."""
    store = open_store(data_dir)
    plan, rubric, group = small_plan(store)
    E.set_entry(store, plan, rubric, group, "e0", E.GROUP, "C6", inputs={"met": True}, note="保存的")
    B.backup_now(store)
    store.close()
    return plan, group


def _pages(path: Path) -> int:
    return path.stat().st_size // 4096


def _damage(path: Path, how: str) -> None:
    data = path.read_bytes()
    if how == "missing":
        path.unlink()
    elif how == "empty":
        path.write_bytes(b"")
    elif how == "truncated-99":
        path.write_bytes(data[:len(data) * 99 // 100])
    elif how == "truncated-half":
        path.write_bytes(data[:len(data) // 2])
    elif how == "one-page-short":
        path.write_bytes(data[:-4096])
    elif how == "header-garbage":
        path.write_bytes(os.urandom(100) + data[100:])
    elif how == "all-garbage":
        path.write_bytes(os.urandom(len(data)))
    elif how == "zeroed-middle":
        middle = len(data) // 2 // 4096 * 4096
        path.write_bytes(data[:middle] + b"\0" * 8192 + data[middle + 8192:])
    elif how == "text-file":
        path.write_text("这不是数据库", encoding="utf-8")
    elif how == "foreign-sqlite":
        path.unlink()
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
        conn.close()
    elif how == "newer-version":
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA user_version = 99")
        conn.commit()
        conn.close()
    else:  # pragma: no cover
        raise AssertionError(how)


DAMAGE = ["missing", "empty", "truncated-99", "truncated-half", "one-page-short", "header-garbage", "all-garbage",
          "zeroed-middle", "text-file", "foreign-sqlite", "newer-version"]


@pytest.mark.parametrize("how", DAMAGE)
def test_a_damaged_database_is_never_replaced_and_the_named_command_recovers_it(data_dir, capsys, how):
    plan, group = _made(data_dir)
    db = data_dir / DB_NAME
    # A damage that only a full check sees is found at the next start after an unclean exit or a day.
    (data_dir / MARKER).write_text(json.dumps({"pid": 999_999_999}), encoding="utf-8")
    _damage(db, how)
    before = db.read_bytes() if db.exists() else None
    capsys.readouterr()
    assert cli(data_dir, "progress") == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and str(db) in err, err
    assert (db.read_bytes() if db.exists() else None) == before, "the damaged file was changed"
    if how == "newer-version":
        assert "升级" in err
        return
    assert "inspector backup restore latest" in err and "没有新建" in err, err
    assert cli(data_dir, "backup", "restore", "latest") == 0
    out = capsys.readouterr().out
    assert "通过完整性检查" in out
    if before is not None:
        kept = [p for p in B.backup_dir(data_dir).glob("*.db") if not p.name.startswith(B.PREFIX)]
        assert len(kept) == 1 and kept[0].name.startswith("damaged-") and kept[0].read_bytes() == before
    store = open_store(data_dir)
    assert E.get_entry(store, plan.id, group.id, "e0", E.GROUP, "C6").note == "保存的"
    store.close()


def test_eleven_edits_after_losing_the_database_rotate_no_good_backup_away(data_dir, capsys):
    plan, group = _made(data_dir)
    (data_dir / DB_NAME).unlink()
    for _ in range(11):
        assert cli(data_dir, "entry", "set", "--plan", plan.id, "--group", "g4", "--indicator", "C6",
                   "--expert", "e0", "met=false") == 1
    assert not (data_dir / DB_NAME).exists()
    assert B.newest_good_backup(data_dir) is not None


def test_a_cheap_start_catches_truncation_without_the_full_check(data_dir):
    _made(data_dir)
    store = open_store(data_dir)  # clean exit before, checked today: the full check does not run again
    assert not store.report.full_check
    store.close()
    _damage(data_dir / DB_NAME, "truncated-99")
    with pytest.raises(StoreError, match="截断"):
        open_store(data_dir)


def test_the_full_check_runs_after_an_unclean_exit_and_once_a_day(data_dir):
    _made(data_dir)
    first = open_store(data_dir)
    assert not first.report.full_check
    first.conn.execute("UPDATE settings SET value = ? WHERE key = 'integrity_checked_at'",
                       (str(int(time.time()) - 2 * 86400),))
    first.conn.commit()
    first.close()
    later = open_store(data_dir)
    assert later.report.full_check  # more than a day since the last one
    later.close()
    (data_dir / MARKER).write_text(json.dumps({"pid": 999_999_999}), encoding="utf-8")
    after_crash = open_store(data_dir)
    assert after_crash.report.unclean and after_crash.report.full_check
    after_crash.close()


def test_restore_refuses_a_foreign_or_newer_database_and_changes_nothing(data_dir, tmp_path):
    _made(data_dir)
    live = (data_dir / DB_NAME).read_bytes()
    foreign = tmp_path / "other.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    newer = tmp_path / "newer.db"
    newer.write_bytes(B.list_backups(data_dir)[0].path.read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="不是 Inspector"):
        B.restore(data_dir, foreign)
    with pytest.raises(StoreError, match="更新版本"):
        B.restore(data_dir, newer)
    assert (data_dir / DB_NAME).read_bytes() == live
    assert not list(B.backup_dir(data_dir).glob("replaced-*")) and not list(B.backup_dir(data_dir).glob("damaged-*"))


def test_restore_while_the_folder_is_open_elsewhere_is_refused(data_dir):
    _made(data_dir)
    child = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from inspector_app.store.db import open_store; s = open_store(sys.argv[1]);"
        "print('open', flush=True); time.sleep(30)"), str(data_dir)],
        stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert child.stdout.readline().strip() == "open"
        with pytest.raises(StoreError, match="正在使用"):
            B.restore(data_dir, B.list_backups(data_dir)[0].path)
    finally:
        child.kill()
        child.wait()
    B.restore(data_dir, B.list_backups(data_dir)[0].path)  # the dead process holds nothing


def _writer(data_dir: Path, count: int) -> None:
    """Save `count` entries, then die without closing (the WAL keeps them)."""
    store = open_store(data_dir, check_integrity=False)
    plan = find_plan(store, None)
    rubric, group = plan_rubric(store, plan), get_group(store, plan.id, "g4")
    for n in range(count):
        E.set_entry(store, plan, rubric, group, "e0", E.GROUP, "C6", inputs={"met": n % 2 == 0}, note=f"n{n}")
    store.conn.execute("INSERT INTO sequences (plan_id, kind, last) VALUES (?, 'expert', 7)", (plan.id,))
    store.conn.commit()
    store._note_commit()
    os.kill(os.getpid(), signal.SIGKILL)


@pytest.mark.parametrize("how", ["deleted", "garbage"])
def test_a_lost_wal_is_named_as_a_loss_and_no_sequence_number_is_reused(data_dir, how):
    plan, _group = _made(data_dir)
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child dies by SIGKILL
        try:
            _writer(data_dir, 20)
        finally:
            os._exit(3)
    os.waitpid(pid, 0)
    wal = Path(f"{data_dir / DB_NAME}-wal")
    assert wal.stat().st_size > 0
    if how == "deleted":
        wal.unlink()
    else:
        wal.write_bytes(os.urandom(wal.stat().st_size))
    store = open_store(data_dir)
    assert store.report.unclean and store.report.lost
    assert "丢失或损坏" in store.report.recovered and "全部保留" not in store.report.recovered
    last = store.conn.execute("SELECT last FROM sequences WHERE plan_id = ? AND kind = 'expert'",
                              (plan.id,)).fetchone()
    assert last == (7,)  # the next export takes 8: a number once used is never signed again
    store.close()


def test_an_unclean_exit_with_the_wal_intact_says_everything_was_kept(data_dir):
    _made(data_dir)
    pid = os.fork()
    if pid == 0:  # pragma: no cover
        try:
            _writer(data_dir, 5)
        finally:
            os._exit(3)
    os.waitpid(pid, 0)
    store = open_store(data_dir)
    assert store.report.unclean and not store.report.lost
    assert "全部保留" in store.report.recovered
    store.close()


RACE_CHILD = """
import sys, time
from inspector_app.store.db import StoreError, open_store
start = float(sys.argv[2])
while time.time() < start:
    pass
try:
    s = open_store(sys.argv[1], check_integrity=False)
except StoreError as exc:
    print("refused", flush=True)
    sys.exit(0)
print("opened", flush=True)
time.sleep(1.0)
s.close()
"""


def test_two_programs_started_together_never_both_open_the_folder(data_dir):
    open_store(data_dir).close()
    tries, both = 10, 0
    for _ in range(tries):
        start = time.time() + 0.8
        children = [subprocess.Popen([sys.executable, "-c", RACE_CHILD, str(data_dir), str(start)],
                                     stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
                    for _ in range(2)]
        said = sorted(c.communicate(timeout=30)[0].strip() for c in children)
        both += said == ["opened", "opened"]
        assert said in (["opened", "refused"], ["opened", "opened"]), said
    assert both == 0


def test_a_stale_marker_naming_a_live_unrelated_process_does_not_lock_the_folder(data_dir):
    _made(data_dir)
    (data_dir / MARKER).write_text(json.dumps({"pid": 1, "started_at": "2024-01-01T00:00:00"}), encoding="utf-8")
    store = open_store(data_dir)  # pid 1 is alive, but holds no lock on this folder
    assert store.report.unclean
    store.close()


def test_a_backup_that_fails_its_check_prunes_nothing(data_dir, monkeypatch):
    store = open_store(data_dir)
    small_plan(store)
    B.backup_now(store)
    before = B.list_backups(data_dir)
    monkeypatch.setattr(B, "to_prune", lambda backups, now=None: list(backups))  # would drop everything
    real = sqlite3.Connection.execute

    class Damaged(sqlite3.Connection):
        def execute(self, sql, *args):
            if sql == "PRAGMA integrity_check":
                return real(self, "SELECT 'row 7 missing from index'")
            return real(self, sql, *args)

    connect = sqlite3.connect
    monkeypatch.setattr(B.sqlite3, "connect", lambda *a, **k: connect(*a, factory=Damaged, **k))
    with pytest.raises(StoreError, match="完整性检查"):
        B.backup_now(store)
    monkeypatch.undo()
    assert B.list_backups(data_dir) == before
    store.close()


def test_a_read_only_backups_folder_is_said_not_hidden(request, data_dir, capsys):
    from permissions import read_only, rerun_without_overrides
    if rerun_without_overrides(request, unless_mount=True):
        return
    plan, _group = _made(data_dir)
    folder = B.backup_dir(data_dir)
    for old in folder.glob("*.db"):
        old.unlink()
    with read_only(folder):
        assert cli(data_dir, "me", "--set", "专家甲") == 0  # a command-line write: it is saved, the backup is not
    err = capsys.readouterr().err
    assert "备份失败" in err and "只读" in err and "Traceback" not in err


def test_last_saved_change_is_named_in_chinese_words_only():
    """The start-up sentence names the last saved change for the expert: no table or field name of the store."""
    import re

    from inspector_app.store.recovery import _last_saved
    said = [_last_saved("09:30:00", "finalisation", '{"group": "g1"}', "version", lost=False),
            _last_saved("09:30:00", "prior_result", '{"group": "g1"}', "points", lost=True),
            _last_saved("09:30:00", "some_new_table", "{}", "some_field", lost=False)]
    assert said[0] == "最后保存的是定稿的版本（09:30:00）"
    for text in said:
        assert not re.search(r"[A-Za-z_]", text), text
