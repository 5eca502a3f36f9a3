"""Opening the live database: durable settings, migrations, integrity, unclean-exit recovery."""
from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:  # pragma: no cover
    import sqlite_utils


from inspector_app import paths
from inspector_app.fsutil import explain_os_error, is_removable_or_network, write_atomic
from inspector_app.store import migrations

DB_NAME = "inspector.db"
MARKER = "inspector.running"
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


class Store:
    """The data folder: the database (one writer connection) and the photo files."""

    def __init__(self, data_dir: Path, conn: sqlite3.Connection, report: OpenReport):
        self.data_dir = data_dir
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
    def tx(self) -> Iterator["sqlite_utils.Database"]:
        """One transaction; committed (on disk, synchronous=FULL) when the block ends."""
        try:
            with self.db.atomic():
                yield self.db
        except sqlite3.OperationalError as exc:
            raise StoreError(_explain_sqlite(exc, self.data_dir)) from exc
        self.changes_since_backup += 1

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
        if clean:
            with contextlib.suppress(OSError):
                (self.data_dir / MARKER).unlink()


def _explain_sqlite(exc: sqlite3.Error, where: Path) -> str:
    text = str(exc).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return f"磁盘空间已满，无法保存到 {where}。刚才这一项没有保存，之前保存的内容都在。请腾出空间后重试。"
    if "disk i/o error" in text:
        return (f"无法写入磁盘（磁盘空间已满，或存储设备出错）：{where}。刚才这一项没有保存，之前保存的内容都在。"
                "请腾出空间或检查存储设备后重试。")
    if "readonly" in text or "read-only" in text:
        return f"数据文件夹 {where} 是只读的，无法保存。之前保存的内容都在。"
    if "locked" in text or "busy" in text:
        return "数据库正被另一个 Inspector 窗口或程序使用，请稍后重试。"
    if "not a database" in text or "malformed" in text:
        return (f"数据库文件 {where / DB_NAME} 已损坏。原文件保持不动；"
                f"可用“inspector backup list / restore”从自动备份恢复。")
    return f"数据库错误（{where}）：{exc}"


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=10)
    conn.execute("PRAGMA busy_timeout = 10000")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if mode.lower() != "wal":
        raise StoreError(f"数据文件夹 {path.parent} 不支持 WAL 日志模式（{mode}），请放在本机硬盘上")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def open_store(data_dir: Path | None = None, *, check_integrity: bool = True) -> Store:
    if sqlite3.sqlite_version_info < MIN_SQLITE:
        raise StoreError(f"SQLite {sqlite3.sqlite_version} 太旧，需要 3.24 以上")
    data_dir = Path(data_dir or paths.data_dir())
    report = OpenReport()
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        (data_dir / "photos").mkdir(exist_ok=True)
    except OSError as exc:
        raise StoreError(explain_os_error(exc, data_dir)) from exc
    report.location_warning = is_removable_or_network(data_dir) or ""
    db_path = data_dir / DB_NAME
    report.created = not db_path.exists()
    marker = data_dir / MARKER
    previous = _read_marker(marker)
    if previous is not None and _pid_alive(previous.get("pid")) and previous.get("pid") != os.getpid():
        raise StoreError(f"另一个 Inspector（进程 {previous.get('pid')}）正在使用数据文件夹 {data_dir}，请先关闭它。")
    if not report.created and not os.access(db_path, os.W_OK):
        raise StoreError(f"数据库文件 {db_path} 是只读的，无法保存评分。请检查文件夹权限。")
    try:
        conn = _connect(db_path)
        if check_integrity and not report.created:
            result = conn.execute("PRAGMA integrity_check").fetchall()
            if result != [("ok",)]:
                conn.close()
                raise StoreError(f"数据库完整性检查未通过（{result[0][0]}）。" + _explain_sqlite(
                    sqlite3.DatabaseError("malformed"), data_dir))
        report.migrated = migrations.migrate(conn)
    except sqlite3.DatabaseError as exc:
        raise StoreError(_explain_sqlite(exc, data_dir)) from exc
    except OSError as exc:
        raise StoreError(explain_os_error(exc, db_path)) from exc
    store = Store(data_dir, conn, report)
    if previous is not None and previous.get("pid") != os.getpid():
        report.unclean = True
        report.recovered = _recovery_account(store, previous.get("started_at", ""))
    try:
        write_atomic(marker, json.dumps({"pid": os.getpid(), "started_at": now()}).encode())
    except OSError as exc:
        store.close(clean=False)
        raise StoreError(explain_os_error(exc, marker)) from exc
    return store


def _read_marker(marker: Path) -> dict | None:
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return {}


def _pid_alive(pid: object) -> bool:
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    # A zombie (killed, not yet reaped) is not a running program.
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return True


def _recovery_account(store: Store, started_at: str) -> str:
    conn = store.conn
    saved = conn.execute("SELECT COUNT(*) FROM history WHERE at >= ?", (started_at,)).fetchone()[0] if started_at else 0
    last = conn.execute("SELECT at, entity, key, field FROM history ORDER BY id DESC LIMIT 1").fetchone()
    parts = ["上次 Inspector 没有正常退出（可能是断电、死机或被强制关闭）。", "数据库完整性检查通过。"]
    if started_at:
        parts.append(f"上次启动（{started_at[:19].replace('T', ' ')}）以来保存的 {saved} 项修改全部保留。")
    if last:
        parts.append(f"最后保存的是 {last[0][11:19]} 的{_describe_key(last[1], last[2], last[3])}。")
    parts.append("屏幕上显示“已保存”之前正在输入、尚未保存的内容无法恢复。")
    return "".join(parts)


def _describe_key(entity: str, key: str, field_name: str) -> str:
    try:
        data = json.loads(key)
    except ValueError:
        data = {}
    names = {"points": "得分", "note": "备注", "evidence": "佐证材料", "methods": "评价方式", "cleared": "清除",
             "text": "意见", "caption": "照片说明", "added": "照片", "removed": "照片删除", "value": "否决项"}
    what = names.get(field_name, "输入项" if field_name.startswith("inputs.") else field_name)
    if entity == "entry" and isinstance(data, dict):
        return f"指标 {data.get('indicator', '')} 的{what}"
    kinds = {"finding": "考核组意见", "photo": "照片", "veto": "一票否决", "consensus": "合议得分", "plan": "考核计划",
             "bundle": "数据包"}
    return f"{kinds.get(entity, entity)}（{what}）"
