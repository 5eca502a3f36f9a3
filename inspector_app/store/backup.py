"""Backups of the live database, kept by age, and restoring one.

A backup is made with SQLite's online backup API into a temporary file,
synced, checked with integrity_check, then renamed. Backups are kept by age,
not by count (so a script of command-line edits cannot push the good ones out):
every backup of the last hour, the newest of each hour for a day, the newest of
each day for a month, and always the newest few. Nothing is ever pruned after a
backup that failed its check, so a damaged database never rotates good backups
away. Restoring works on a damaged live database: it is moved aside under a
name that says so, never tidied.
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
from inspector_app.store import health
from inspector_app.store.db import DB_NAME, MARKER, FolderLock, Store, StoreError
from inspector_app.said import Said

BACKUP_FAILED_DATABASE = Said('备份失败：{0}',
                               'Backup failed: {0}')

DATABASE_OPEN_PROGRAM_CLOSE = Said('数据库正在本程序中打开，请先关闭它再恢复备份。',
                                    'The database is open in this program: close it before restoring a backup.')
RESTORED_DATABASE_FAILED_CHECK = Said('恢复后的数据库未通过校验（{0}）；原数据库保留在 {1}。',
                                       'The restored database failed its check ({0}); the former database is kept at {1}.')
BACKUP_FAILED = Said('备份失败：{0}',
                      'Backup failed: {0}')
INSPECTOR_USING_DATA_FOLDER = Said('Inspector 正在使用这个数据文件夹，请先关闭窗口再恢复备份。',
                                    'Inspector is using this data folder: close its window before restoring a backup.')
COPIED_BACKUP_FAILED_CHECK = Said('复制的备份未通过校验（{0}），未恢复；当前数据库没有改变。',
                                   'The copied backup failed its check ({0}): not restored; the current database is unchanged.')
DATABASE_FAILED_INTEGRITY_CHECK = Said('数据库未通过完整性检查（{0}），没有备份，已有的备份都保留。请用“inspector backup restore latest”从备份恢复。',
                                        'The database failed its integrity check ({0}): no backup made, the existing backups are all kept. Restore from a backup with "inspector backup restore latest".')

KEEP_NEWEST = 3
KEEP_ALL_S = 3600
KEEP_HOURLY_S = 24 * 3600
KEEP_DAILY_S = 31 * 24 * 3600
INTERVAL_S = 300  # at most one automatic backup per five minutes of activity (the window)
CLI_INTERVAL_S = 60  # a command-line write backs up when the newest backup is older than this
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


def newest_good_backup(data_dir: Path) -> Backup | None:
    """The newest backup that passes the full check (the ones that fail are skipped)."""
    for made in list_backups(data_dir):
        if health.check_file(made.path).ok:
            return made
    return None


def backup_now(store: Store) -> Backup:
    folder = backup_dir(store.data_dir)
    final = _free_name(folder, f"{PREFIX}{datetime.now():%Y%m%d-%H%M%S-%f}", ".db")
    try:
        with temp_beside(final) as tmp:
            target = sqlite3.connect(str(tmp))
            try:
                store.conn.backup(target)
                target.execute("PRAGMA journal_mode = DELETE")
                check = target.execute("PRAGMA integrity_check").fetchall()
            finally:
                target.close()
            if check != [("ok",)]:
                raise StoreError(DATABASE_FAILED_INTEGRITY_CHECK(check[0][0]))
    except sqlite3.Error as exc:
        from inspector_app.store.db import _explain_sqlite
        raise StoreError(BACKUP_FAILED_DATABASE(_explain_sqlite(exc, folder))) from exc
    except StorageError as exc:
        raise StoreError(BACKUP_FAILED(exc.strerror or exc)) from exc
    prune(store.data_dir)
    store.changes_since_backup = 0
    store.last_backup = time.monotonic()
    return next(b for b in list_backups(store.data_dir) if b.path == final)


def to_prune(backups: list[Backup], now: datetime | None = None) -> list[Backup]:
    """Which backups the age rule lets go (newest first in, oldest first considered)."""
    now = now or datetime.now()
    kept_slots: set[tuple[str, str]] = set()
    drop = []
    for index, made in enumerate(backups):  # newest first: the first in each slot is kept
        age = (now - made.made_at).total_seconds()
        if index < KEEP_NEWEST or age < KEEP_ALL_S:
            continue
        if age < KEEP_HOURLY_S:
            slot = ("hour", made.made_at.strftime("%Y%m%d%H"))
        elif age < KEEP_DAILY_S:
            slot = ("day", made.made_at.strftime("%Y%m%d"))
        else:
            drop.append(made)
            continue
        if slot in kept_slots:
            drop.append(made)
        else:
            kept_slots.add(slot)
    return drop


def prune(data_dir: Path) -> None:
    for old in to_prune(list_backups(data_dir)):
        with contextlib.suppress(OSError):
            old.path.unlink()


def maybe_backup(store: Store, interval_s: float = INTERVAL_S) -> Backup | None:
    """Called after edits and on exit: back up when there were changes and enough time has passed."""
    last = store.last_backup
    if store.changes_since_backup == 0:
        return None
    if last is not None and time.monotonic() - last < interval_s:
        return None
    return backup_now(store)


def cli_backup(store: Store) -> Backup | None:
    """After a command-line write: a backup unless the newest one is under a minute old."""
    if store.changes_since_backup == 0:
        return None
    newest = list_backups(store.data_dir)[:1]
    if newest and (datetime.now() - newest[0].made_at).total_seconds() < CLI_INTERVAL_S:
        return None
    return backup_now(store)


def _free_name(folder: Path, stem: str, suffix: str) -> Path:
    path, n = folder / f"{stem}{suffix}", 1
    while path.exists():
        n += 1
        path = folder / f"{stem}-{n}{suffix}"
    return path


@dataclass(frozen=True)
class Contents:
    """What a backup holds, read without changing it: the plans by title and the entries scored."""
    plans: tuple[str, ...] = ()
    entries: int = 0
    photos: int = 0
    problem: str = ""  # why it could not be read ("" when it could)

    def text(self) -> str:
        if self.problem:
            return self.problem
        if not self.plans:
            return "没有考核计划"
        return f"{'、'.join(self.plans)}；评分 {self.entries} 条，照片 {self.photos} 张"


def contents(path: Path) -> Contents:
    """Opened read-only and immutable (a backup is never written), cheap enough for a list of them."""
    try:
        conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error as exc:
        return Contents(problem=f"无法读取（{exc}）")
    try:
        plans = tuple(r[0] for r in conn.execute("SELECT title FROM plans ORDER BY created_at"))
        entries = conn.execute("SELECT COUNT(*) FROM entries").fetchone()[0]
        photos = conn.execute("SELECT COUNT(*) FROM photos WHERE removed = 0").fetchone()[0]
        return Contents(plans, entries, photos)
    except sqlite3.Error:
        return Contents(problem="不是 Inspector 的数据库，或已损坏")
    finally:
        conn.close()


def refusal(backup: Path) -> str:
    """Why `backup` cannot be restored ("" when it can): missing, a folder, foreign, newer, damaged."""
    backup = Path(backup)
    if not backup.is_file():
        kind = "是一个文件夹，不是备份文件" if backup.is_dir() else "不存在"
        return f"{backup} {kind}，未恢复。可用“inspector backup list”查看已有的备份。"
    found = health.check_file(backup)
    if found.ok:
        return ""
    what = {"newer": "由更新版本的 Inspector 建立，本程序不能使用",
            "foreign": "不是 Inspector 的数据库备份"}.get(found.kind, f"不是可以使用的备份（{found.problem}）")
    return f"{backup} {what}，未恢复。可用“inspector backup list”查看已有的备份。"


def restore(data_dir: Path, backup: Path) -> Path | None:
    """Replace the live database by a backup; the current one is moved aside and its path returned
    (None when there was none). Works on a damaged live database; refuses what is not a sound
    Inspector database of this version or older, and checks the result."""
    backup = Path(backup)
    refused = refusal(backup)
    if refused:
        raise StoreError(refused)
    if FolderLock.held_here(data_dir):
        raise StoreError(DATABASE_OPEN_PROGRAM_CLOSE())
    try:
        lock = FolderLock(data_dir)
    except StoreError:
        raise StoreError(INSPECTOR_USING_DATA_FOLDER()) from None
    try:
        return _restore_locked(data_dir, backup)
    finally:
        lock.release()


def _restore_locked(data_dir: Path, backup: Path) -> Path | None:
    live = data_dir / DB_NAME
    folder = backup_dir(data_dir)
    tmp = data_dir / f".{DB_NAME}.restore"
    wal, shm = Path(f"{live}-wal"), Path(f"{live}-shm")
    held_wal = data_dir / f".{DB_NAME}-wal.restoring"
    aside = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(backup, tmp)
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        copied = health.check_file(tmp)
        if not copied.ok:
            raise StoreError(COPIED_BACKUP_FAILED_CHECK(copied.problem))
        if live.exists() or wal.exists():
            # The live files are copied aside as they are (database and WAL together, so the copy opens as the
            # live one would), never checkpointed: a damaged database cannot be tidied, and need not be.
            sound = live.exists() and _live_is_sound(live)
            stamp = f"{'replaced' if sound else 'damaged'}-{datetime.now():%Y%m%d-%H%M%S}"
            aside = _free_name(folder, stamp, ".db")
            for source, target in ((live, aside), (wal, Path(f"{aside}-wal"))):
                if source.exists():
                    with temp_beside(target) as part:
                        shutil.copyfile(source, part)
        # The live database stays in place until the backup replaces it in one rename. Its WAL is held
        # under another name meanwhile (a WAL left beside the restored file would be replayed into it).
        if wal.exists():
            os.replace(wal, held_wal)
        try:
            os.replace(tmp, live)
        except OSError:
            if held_wal.exists():
                os.replace(held_wal, wal)
            raise
        fsync_dir(data_dir)
        for leftover in (held_wal, shm, data_dir / MARKER):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
    except OSError as exc:
        raise StorageError(exc.errno, explain_os_error(exc, live)) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()  # gone already when the restore succeeded
    restored = health.check_file(live)
    if not restored.ok:
        raise StoreError(RESTORED_DATABASE_FAILED_CHECK(restored.problem, aside))
    return aside


def _live_is_sound(live: Path) -> bool:
    """Judged without touching it (immutable: no WAL recovery, no checkpoint), only to name the copy kept."""
    if not health.header_problem(live).ok:
        return False
    try:
        conn = sqlite3.connect(f"file:{live}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return False
    try:
        if not health.schema_problem(conn).ok:
            return False
        return conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    except sqlite3.Error:
        return False
    finally:
        conn.close()
