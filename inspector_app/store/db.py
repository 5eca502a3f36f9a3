"""Opening the live database: the folder lock, durable settings, migrations, integrity, unclean-exit recovery.

Integrity policy: every start runs the cheap checks of `health` (header, size
against the declared page count, schema); the full `integrity_check` runs after
an unclean exit and when the last full check is more than a day old. A missing,
empty or unreadable database is never replaced while backups exist beside it:
the error names what was found and the newest good backup.
"""
from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from dataclasses import dataclass, field
import time
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator
from inspector_app.said import Said

# A database file found damaged, missing or newer: each sentence declared on its own (the window says a message
# sentence by sentence); an English sentence that another follows ends in a space.
DB_NEWER = Said("数据库文件 {0} {1}，请升级 Inspector 后再打开。",
                "The database file {0} {1}: upgrade Inspector, then open it. ")
DB_KEPT = Said("文件保持不动。", "The file is left as it is. ")

DB_NEWER_BACKUP = Said("也可以回到本程序能打开的最新备份 {0} 的 {1}（现有的文件会改名保留）：inspector backup restore {2}",
                       "Or go back to the newest backup this program can open, {1} of {0} (the present file is kept, "
                       "renamed): inspector backup restore {2}")
DB_DAMAGED = Said("数据库文件 {0} {1}。", "The database file {0} {1}. ")
DB_NOT_CHANGED = Said("Inspector 没有改动它，也没有新建空的数据库。",
                      "Inspector did not change it and did not make a new empty database. ")
NO_GOOD_BACKUP = Said("没有可用的自动备份。", "There is no automatic backup that can be used. ")
NO_GOOD_BACKUP_OF = Said("没有可用的自动备份（{0} 个备份都未通过校验）。",
                         "There is no automatic backup that can be used (all {0} backups failed the check). ")
RESTORE_ELSEWHERE = Said("如有别处的备份，可用“inspector backup restore 文件”恢复。",
                         "With a backup kept elsewhere, restore it with “inspector backup restore FILE”.")
NEWEST_GOOD = Said("最新的完好备份是 {0} 的 {1}，其后的修改不在其中；",
                   "The newest sound backup is {1} of {0}; changes made after it are not in it; ")
RESTORE_LATEST = Said("用“inspector backup restore latest”恢复它。", "restore it with “inspector backup restore latest”.")
RESTORE_LATEST_KEPT = Said("用“inspector backup restore latest”恢复它（现有的文件会改名保留在 backups/ 中）。",
                           "restore it with “inspector backup restore latest” (the present file is kept, renamed, in "
                           "backups/).")
# SQLite's errors while the program runs
DISK_FULL = Said("磁盘空间已满，无法保存到 {0}。刚才这一项没有保存，之前保存的内容都在。请腾出空间后重试。",
                 "The disk is full: nothing can be saved to {0}. This last change was not saved; everything saved "
                 "before is there. Make room, then try again.")
DISK_IO = Said("无法写入磁盘（磁盘空间已满，或存储设备出错）：{0}。刚才这一项没有保存，之前保存的内容都在。"
               "请腾出空间或检查存储设备后重试。",
               "The disk cannot be written (it is full, or the storage device failed): {0}. This last change was "
               "not saved; everything saved before is there. Make room or check the storage device, then try again.")
FOLDER_READ_ONLY = Said("数据文件夹 {0} 是只读的，无法保存。之前保存的内容都在。",
                        "The data folder {0} is read-only: nothing can be saved. Everything saved before is there.")
DB_BUSY = Said("数据库正被另一个 Inspector 窗口或程序使用，请稍后重试。",
               "The database is in use by another Inspector window or program; try again in a moment.")
DB_BROKEN = Said("数据库文件 {0} 已损坏。原文件保持不动；可用“inspector backup list / restore”从自动备份恢复。",
                 "The database file {0} is damaged. The file is left as it is; “inspector backup list / restore” "
                 "restores an automatic backup.")
DB_ERROR = Said("数据库错误（{0}）：{1}", "database error ({0}): {1}")

DATA_FOLDER_DOES_SUPPORT = Said('数据文件夹 {0} 不支持 WAL 日志模式（{1}），请放在本机硬盘上',
                                 "Data folder {0} does not support WAL journal mode ({1}): put it on this computer's own disk")
SQLITE_TOO_OLD_3 = Said('SQLite {0} 太旧，需要 3.24 以上',
                         'SQLite {0} is too old: 3.24 or later is needed')
DATABASE_FILE_READ_ONLY = Said('数据库文件 {0} 是只读的，无法保存评分。请检查文件夹权限。',
                                "Database file {0} is read-only: scores cannot be saved. Check the folder's permissions.")
ANOTHER_INSPECTOR_USING_DATA = Said('另一个 Inspector 正在使用数据文件夹 {0}，请先关闭它。',
                                     'Another Inspector is using data folder {0}: close it first.')

if TYPE_CHECKING:  # pragma: no cover
    import sqlite_utils


from inspector_app import paths
from inspector_app.fsutil import explain_os_error, is_removable_or_network, remove_stale_parts, write_atomic
from inspector_app.store import health, migrations

DB_NAME = "inspector.db"
MARKER = "inspector.running"  # present while a program has the folder open; left behind by a crash
LOCK = "inspector.lock"       # the OS file lock itself: released by the OS when the process dies
SUSPECT = "inspector.check"   # a read failed as damaged: the next start runs the full check
FULL_CHECK_EVERY_S = 24 * 3600
MARKER_BYTES = 4096  # the marker is rewritten in place after each commit, padded to one size
MIN_SQLITE = (3, 24, 0)  # UPSERT


class StoreError(Exception):
    """A problem with the data folder, said in plain words."""


def now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


@dataclass
class OpenReport:
    created: bool = False
    migrated: list[int] = field(default_factory=list)
    unclean: bool = False
    recovered: str = ""  # a plain account after an unclean exit
    location_warning: str = ""
    lost: bool = False   # an unclean exit whose last saved changes are gone (the WAL was lost)
    full_check: bool = False  # the full integrity_check ran at this start


class FolderLock:
    """One program at a time per data folder, as an OS lock (flock) on inspector.lock.

    Held per process with a count, so the same program may open its folder twice (tests, the window's
    helpers); a second process is refused at once, and a dead one holds nothing."""

    _held: dict[str, list] = {}

    def __init__(self, data_dir: Path):
        self.key = str(Path(data_dir).resolve())
        self.released = False
        entry = self._held.get(self.key)
        if entry is not None:
            entry[1] += 1
            return
        from filelock import FileLock, Timeout
        lock = FileLock(Path(data_dir) / LOCK, timeout=0, thread_local=False, fallback_to_soft=False,
                        preserve_lock_file=True)
        try:
            lock.acquire()
        except Timeout:
            raise StoreError(ANOTHER_INSPECTOR_USING_DATA(data_dir)) from None
        except OSError as exc:
            raise StoreError(explain_os_error(exc, Path(data_dir) / LOCK)) from exc
        self._held[self.key] = [lock, 1]

    def release(self) -> None:
        if self.released:
            return
        self.released = True
        entry = self._held.get(self.key)
        if entry is None:
            return
        entry[1] -= 1
        if entry[1] <= 0:
            del self._held[self.key]
            entry[0].release()

    @classmethod
    def held_here(cls, data_dir: Path) -> bool:
        return str(Path(data_dir).resolve()) in cls._held


class Store:
    """The data folder: the database (one writer connection) and the photo files."""

    def __init__(self, data_dir: Path, conn: sqlite3.Connection, report: OpenReport,
                 lock: FolderLock | None = None):
        self.data_dir = data_dir
        self._lock = lock
        self._marker_fd: int | None = None
        self._marker_head: dict = {}
        self._conn = conn
        self._db: "sqlite_utils.Database | None" = None
        self.report = report
        self.photos_dir = data_dir / "photos"
        self.changes_since_backup = 0
        self.last_backup: float | None = None  # time.monotonic() of the last backup

    @property
    def conn(self) -> sqlite3.Connection:
        return self._conn

    @property
    def db(self) -> "sqlite_utils.Database":
        # sqlite-utils (with click, dateutil, pluggy) is imported on the first write, not at start-up:
        # reading what the window shows first needs only the connection.
        if self._db is None:
            import sqlite_utils
            self._db = sqlite_utils.Database(self._conn, execute_plugins=False)
        return self._db

    @contextlib.contextmanager
    def tx(self, *, first: Callable[[], Any] | None = None) -> Iterator["sqlite_utils.Database"]:
        """One transaction; committed (on disk, synchronous=FULL) when the block ends. `first`: a wait for
        what must be durable before the commit (a kept file the transaction names, its folder synced on a
        thread meanwhile); not called when the block fails, as nothing is committed then."""
        try:
            with self.db.atomic():
                yield self.db
                if first is not None:
                    first()
        except sqlite3.OperationalError as exc:
            raise StoreError(_explain_sqlite(exc, self.data_dir)) from exc
        self.changes_since_backup += 1
        if not self.conn.in_transaction:
            self._note_commit()

    def _note_commit(self) -> None:
        """What the database holds after this commit, in the marker: if the WAL is lost after a crash,
        the next start sees that the database has less than this, and says so."""
        if self._marker_fd is None:
            return
        with contextlib.suppress(OSError, sqlite3.Error):
            data = dict(self._marker_head, **commit_state(self.conn))
            os.pwrite(self._marker_fd, json.dumps(data).encode().ljust(MARKER_BYTES), 0)

    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        if self.setting(key) == value:
            return
        with self.tx():
            self.conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))

    def close(self, clean: bool = True) -> None:
        try:
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error:
            pass
        self._conn.close()
        if self._marker_fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._marker_fd)
            self._marker_fd = None
        if clean and self._lock is not None and not self._lock.released:
            with contextlib.suppress(OSError):
                (self.data_dir / MARKER).unlink()
        if self._lock is not None:
            self._lock.release()


def commit_state(conn: sqlite3.Connection) -> dict:
    """Counters that only grow: the last history id and every sequence number signed here."""
    row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'history'").fetchone()
    seqs = {f"{p}\t{k}": last for p, k, last in conn.execute("SELECT plan_id, kind, last FROM sequences")}
    return {"history": row[0] if row else 0, "sequences": seqs}


def _explain_sqlite(exc: sqlite3.Error, where: Path) -> str:
    text = str(exc).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return DISK_FULL(where)
    if "disk i/o error" in text:
        return DISK_IO(where)
    if "readonly" in text or "read-only" in text:
        return FOLDER_READ_ONLY(where)
    if "locked" in text or "busy" in text:
        return DB_BUSY()
    if "not a database" in text or "malformed" in text:
        return DB_BROKEN(where / DB_NAME)
    return DB_ERROR(where, exc)


def explain_database_error(exc: sqlite3.Error, data_dir: Path) -> str:
    """An error SQLite raised while the program was running: damage is named, with the way back."""
    text = str(exc).lower()
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        with contextlib.suppress(OSError):
            (Path(data_dir) / SUSPECT).touch()
        return damaged_message(Path(data_dir), health.Health(False, health.DAMAGED_ON_READING(exc), "damaged"))
    return _explain_sqlite(exc, Path(data_dir))


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=10)
    conn.execute("PRAGMA busy_timeout = 10000")
    # Statement journals and sorts in memory, not in the system's temporary folder: no page of an inspection
    # leaves its data folder, and a merge's every insert no longer writes a scratch file (one a bundle, ~1.7 MB).
    conn.execute("PRAGMA temp_store = MEMORY")
    return conn


def _configure(conn: sqlite3.Connection, path: Path) -> None:
    """Durable settings, once the file is known to be ours (setting WAL writes the file's header)."""
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if mode.lower() != "wal":
        raise StoreError(DATA_FOLDER_DOES_SUPPORT(path.parent, mode))
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")


def open_store(data_dir: Path | None = None, *, check_integrity: bool = True) -> Store:
    if sqlite3.sqlite_version_info < MIN_SQLITE:
        raise StoreError(SQLITE_TOO_OLD_3(sqlite3.sqlite_version))
    data_dir = Path(data_dir or paths.data_dir())
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        (data_dir / "photos").mkdir(exist_ok=True)
    except OSError as exc:
        raise StoreError(explain_os_error(exc, data_dir)) from exc
    lock = FolderLock(data_dir)
    try:
        if (data_dir / MARKER).exists():  # only a program that died leaves temporary files behind
            _clean_leftovers(data_dir)
        return _open_locked(data_dir, lock, check_integrity)
    except BaseException:
        lock.release()
        raise


def _open_locked(data_dir: Path, lock: FolderLock, check_integrity: bool) -> Store:
    report = OpenReport()
    report.location_warning = is_removable_or_network(data_dir) or ""
    db_path = data_dir / DB_NAME
    found = health.header_problem(db_path)
    if not found.ok and found.kind not in ("missing", "empty"):
        raise StoreError(damaged_message(data_dir, found))
    report.created = found.kind == "missing"
    if (report.created or not os.path.exists(f"{db_path}-wal")) and found.kind in ("missing", "empty") \
            and _backups(data_dir):
        raise StoreError(damaged_message(data_dir, found))  # before connecting, which would create the file
    marker = data_dir / MARKER
    previous = _read_marker(marker)
    unclean = previous is not None and previous.get("pid") != os.getpid()
    if not report.created and not os.access(db_path, os.W_OK):
        raise StoreError(DATABASE_FILE_READ_ONLY(db_path))
    try:
        conn = _connect(db_path)
    except sqlite3.DatabaseError as exc:
        raise StoreError(_open_failure(exc, data_dir)) from exc
    except OSError as exc:
        raise StoreError(explain_os_error(exc, db_path)) from exc
    try:
        found = health.schema_problem(conn)
        if found.ok and not conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone():
            # Nothing in it (a missing or emptied file): a new database, unless backups say there was one.
            if _backups(data_dir):
                raise StoreError(damaged_message(data_dir, health.Health(
                    False, health.IS_MISSING() if report.created else health.IS_EMPTY_NO_TABLES(), "empty")))
            report.created = True
        suspect = data_dir / SUSPECT
        if found.ok and not report.created and (suspect.exists() or check_integrity and (unclean or _full_check_due(conn))):
            found = health.full_check(conn)
            report.full_check = found.ok
            if found.ok:
                with contextlib.suppress(OSError):
                    suspect.unlink()
        if not found.ok:
            raise StoreError(damaged_message(data_dir, found))
        _configure(conn, db_path)
        report.migrated = migrations.migrate(conn)
        if report.full_check or report.created:
            conn.execute("INSERT INTO settings (key, value) VALUES ('integrity_checked_at', ?) "
                         "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (str(int(time.time())),))
            conn.commit()
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(_open_failure(exc, data_dir)) from exc
    except BaseException:
        conn.close()
        raise
    store = Store(data_dir, conn, report, lock)
    if unclean:
        report.unclean = True
        from inspector_app.store.recovery import recovery_account  # only after an unclean exit
        report.recovered, report.lost = recovery_account(store, previous)
    try:
        _start_marker(store, marker)
    except OSError as exc:
        store.close(clean=False)
        raise StoreError(explain_os_error(exc, marker)) from exc
    return store


LEFTOVER_FOLDERS = ("", "photos", "photos/originals", "photos/files", "photos/thumbs", "backups", "bundles", "cache",
                    "exports")
SHARDED_FOLDERS = ("photos/originals", "photos/files")  # evidence kept in shards (originals/ab/…, files/ab/…)


def _clean_leftovers(data_dir: Path) -> None:
    """Temporary files a killed program left (photos, backups, bundles): the lock says none is being written."""
    for name in LEFTOVER_FOLDERS:
        folder = data_dir / name
        remove_stale_parts(folder, older_than_s=0)
        if name in SHARDED_FOLDERS and folder.is_dir():
            with contextlib.suppress(OSError):
                for shard in os.scandir(folder):
                    if shard.is_dir(follow_symlinks=False):
                        remove_stale_parts(shard.path, older_than_s=0)


def _open_failure(exc: sqlite3.Error, data_dir: Path) -> str:
    """A full disk, a read-only folder or a busy file is said as such (the database is fine); only an error that
    says the file is damaged offers the backups."""
    text = str(exc).lower()
    if isinstance(exc, sqlite3.OperationalError) and not ("malformed" in text or "not a database" in text):
        return _explain_sqlite(exc, data_dir)
    return damaged_message(data_dir, health.Health(False, health.CANNOT_READ(exc), "damaged"))


def _full_check_due(conn: sqlite3.Connection) -> bool:
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = 'integrity_checked_at'").fetchone()
    except sqlite3.DatabaseError:
        return True
    try:
        return row is None or time.time() - int(row[0]) > FULL_CHECK_EVERY_S
    except ValueError:
        return True


def _start_marker(store: Store, marker: Path) -> None:
    store._marker_head = {"pid": os.getpid(), "started_at": now()}
    data = dict(store._marker_head, **commit_state(store.conn))
    write_atomic(marker, json.dumps(data).encode().ljust(MARKER_BYTES))
    store._marker_fd = os.open(marker, os.O_WRONLY)


def _backups(data_dir: Path) -> list:
    from inspector_app.store.backup import list_backups  # backup imports this module
    return list_backups(data_dir)


def damaged_message(data_dir: Path, found: "health.Health") -> str:
    """What was found, that nothing was replaced, and the command that recovers (the newest good backup)."""
    db_path = data_dir / DB_NAME
    from inspector_app.store.backup import newest_good_backup
    if found.kind == "newer":
        text = DB_NEWER(db_path, found.problem) + DB_KEPT()
        good = newest_good_backup(data_dir)
        if good is not None:  # the backups this version can open are offered, the newer file kept aside
            text += DB_NEWER_BACKUP(f"{good.made_at:%Y-%m-%d %H:%M:%S}", good.path.name, good.path)
        return text
    text = DB_DAMAGED(db_path, found.problem) + DB_NOT_CHANGED()
    good = newest_good_backup(data_dir)
    if good is None:
        count = len(_backups(data_dir))
        return text + (NO_GOOD_BACKUP_OF(count) if count else NO_GOOD_BACKUP()) + RESTORE_ELSEWHERE()
    restore = RESTORE_LATEST_KEPT if db_path.exists() else RESTORE_LATEST
    return text + NEWEST_GOOD(f"{good.made_at:%Y-%m-%d %H:%M:%S}", good.path.name) + restore()


def _read_marker(marker: Path) -> dict | None:
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return {}


def rows_at(store: "Store", table: str, cols: str, plan_id: str, *, group_id: str | None = None,
            school_id: str | None = None, indicator: str | None = None, expert_id: str | None = None,
            include_removed: bool = False) -> list:
    """Rows of a per-place table (photos, evidence files) of one plan, narrowed by whichever place fields are given."""
    sql, args = f"SELECT {cols} FROM {table} WHERE plan_id = ?", [plan_id]
    for column, value in (("group_id", group_id), ("school_id", school_id), ("indicator", indicator),
                          ("expert_id", expert_id)):
        if value is not None:
            sql += f" AND {column} = ?"
            args.append(value)
    if not include_removed:
        sql += " AND removed = 0"
    return store.conn.execute(sql + " ORDER BY id", args).fetchall()


def revive_at(store: "Store", table: str, sha256: str, plan_id: str, group_id: str, school_id: str, indicator: str,
              expert_id: str) -> int | None:
    """The id of the row holding this file at this place (photos, evidence files), put back if it was removed;
    None when the place has no such file yet. Adding a file twice to one place keeps one row."""
    existing = store.conn.execute(
        f"SELECT id, removed FROM {table} WHERE sha256 = ? AND plan_id = ? AND group_id = ? AND school_id = ?"
        " AND indicator = ? AND expert_id = ?", (sha256, plan_id, group_id, school_id, indicator, expert_id)).fetchone()
    if existing is None:
        return None
    if existing[1]:
        store.conn.execute(f"UPDATE {table} SET removed = 0 WHERE id = ?", (existing[0],))
    return existing[0]
