"""Rolling backups of the live database, and restoring one.

A backup is made with SQLite's online backup API into a temporary file,
synced, checked with integrity_check, then renamed; the newest generations are
kept. Restoring keeps the replaced database aside, so a restore can be undone.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from inspector_app.fsutil import StorageError, explain_os_error, fsync_dir, temp_beside
from inspector_app.store.db import DB_NAME, MARKER, Store, StoreError, _pid_alive, _read_marker

KEEP = 10
INTERVAL_S = 300  # at most one automatic backup per five minutes of activity
PREFIX = "inspector-"


@dataclass(frozen=True)
class Backup:
    path: Path
    made_at: datetime
    size: int


def backup_dir(data_dir: Path) -> Path:
    return data_dir / "backups"


def list_backups(data_dir: Path) -> list[Backup]:
    folder = backup_dir(data_dir)
    if not folder.is_dir():
        return []
    result = []
    for path in folder.glob(f"{PREFIX}*.db"):
        try:
            made = datetime.strptime(path.stem[len(PREFIX):len(PREFIX) + 22], "%Y%m%d-%H%M%S-%f")
        except ValueError:
            continue
        result.append(Backup(path, made, path.stat().st_size))
    return sorted(result, key=lambda b: b.made_at, reverse=True)


def backup_now(store: Store, keep: int = KEEP) -> Backup:
    folder = backup_dir(store.data_dir)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    final = folder / f"{PREFIX}{stamp}.db"
    with temp_beside(final) as tmp:
        target = sqlite3.connect(str(tmp))
        try:
            store.conn.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
            check = target.execute("PRAGMA integrity_check").fetchall()
        finally:
            target.close()
        if check != [("ok",)]:
            raise StoreError(f"备份校验未通过：{check[0][0]}")
    for old in list_backups(store.data_dir)[keep:]:
        with contextlib.suppress(OSError):
            old.path.unlink()
    store.changes_since_backup = 0
    store.last_backup = time.monotonic()
    return list_backups(store.data_dir)[0]


def maybe_backup(store: Store, interval_s: float = INTERVAL_S) -> Backup | None:
    """Called after edits and on exit: back up when there were changes and enough time has passed."""
    last = store.last_backup
    if store.changes_since_backup == 0:
        return None
    if last is not None and time.monotonic() - last < interval_s:
        return None
    return backup_now(store)


def restore(data_dir: Path, backup: Path) -> Path:
    """Replace the live database by a backup; the current one is kept aside and its path returned.

    The program must not have the database open (checked with the running marker).
    """
    marker = _read_marker(data_dir / MARKER)
    if marker and _pid_alive(marker.get("pid")) and marker.get("pid") != os.getpid():
        raise StoreError("Inspector 正在使用这个数据文件夹，请先关闭窗口再恢复备份。")
    backup = Path(backup)
    if not backup.is_file():
        kind = "是一个文件夹，不是备份文件" if backup.is_dir() else "不存在"
        raise StoreError(f"{backup} {kind}，未恢复。可用“inspector backup list”查看已有的备份。")
    try:
        conn = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        try:
            check = conn.execute("PRAGMA integrity_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{backup} 不是可以读取的 Inspector 数据库备份，未恢复。") from exc
    if check != [("ok",)]:
        raise StoreError(f"备份文件 {backup} 已损坏（{check[0][0]}），未恢复。")
    live = data_dir / DB_NAME
    aside = backup_dir(data_dir) / f"replaced-{datetime.now().strftime('%Y%m%d-%H%M%S')}.db"
    tmp = data_dir / f".{DB_NAME}.restore"
    try:
        backup_dir(data_dir).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(backup, tmp)
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        if live.exists():
            # Fold the WAL into the live file, then keep a durable copy of it aside. The live file
            # stays in place until the backup replaces it in one rename: a failure or a crash on the
            # way leaves the live database as it was, never no database at all.
            try:
                c = sqlite3.connect(str(live))
                try:
                    c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                finally:
                    c.close()
            except sqlite3.Error as exc:
                raise StoreError(f"无法整理当前数据库 {live}，未恢复：请先关闭 Inspector 后重试。") from exc
            with temp_beside(aside) as part:
                shutil.copyfile(live, part)
        for suffix in ("-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(str(live) + suffix)
        os.replace(tmp, live)
        fsync_dir(data_dir)
    except OSError as exc:
        raise StorageError(exc.errno, explain_os_error(exc, live)) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()  # gone already when the restore succeeded
    return aside
