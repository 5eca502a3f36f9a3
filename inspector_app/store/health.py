"""Is a database file a sound Inspector database? Cheap checks for every start, a full one when it matters.

The cheap check reads the 100-byte SQLite header and compares the file's size
with the page count the header declares: a truncated file (a copy cut short,
a full stick) is caught without reading the pages. `full_check` runs
`PRAGMA integrity_check`, which reads every page (about 0.6 s for 50 MB), so
the store runs it only after an unclean exit or once a day (see db.open_store).
"""
from __future__ import annotations

import sqlite3
import struct
from dataclasses import dataclass
from pathlib import Path

from inspector_app.store import migrations
from inspector_app.said import Said

# What is wrong with a database file, said after its name ("数据库文件 … 是空的（0 字节）"): the English goes on
# "The database file … ".
IS_EMPTY = Said("是空的（0 字节）", "is empty (0 bytes)")
IS_EMPTY_NO_TABLES = Said("是空的（没有任何数据表）", "is empty (it has no tables)")
IS_MISSING = Said("不存在", "does not exist")
CANNOT_READ = Said("无法读取（{0}）", "cannot be read ({0})")
NOT_SQLITE = Said("不是 SQLite 数据库（文件开头已损坏，或是别的文件）",
                  "is not an SQLite database (the start of the file is damaged, or it is another file)")
BAD_HEADER = Said("文件头已损坏（页大小无效）", "has a damaged header (the page size is not valid)")
TRUNCATED = Said("被截断了：应有 {0} 字节，只有 {1} 字节", "is cut short: it should have {0} bytes, it has only {1}")
NEWER = Said("由更新版本的 Inspector 建立（数据库版本 {0}，本程序支持到 {1}）",
             "was made by a newer version of Inspector (database version {0}; this program reads up to {1})")
NOT_OURS = Said("不是 Inspector 的数据库（缺少考核数据表）", "is not an Inspector database (the inspection tables are missing)")
CHECK_UNFINISHED = Said("完整性检查无法完成（{0}）", "could not be checked through (integrity check: {0})")
CHECK_FAILED = Said("完整性检查未通过（{0}）", "failed the integrity check ({0})")
CANNOT_OPEN = Said("无法打开（{0}）", "cannot be opened ({0})")
DAMAGED_ON_READING = Said("读取时发现已损坏（{0}）", "was found damaged when read ({0})")

HEADER = b"SQLite format 3\x00"
# Tables every Inspector database has had since the first migration: a file without them is not ours.
OWN_TABLES = {"settings", "plans", "entries", "history", "bundles"}


@dataclass(frozen=True)
class Health:
    ok: bool
    problem: str = ""   # in words, for the message; empty when ok
    kind: str = ""      # "missing", "empty", "foreign", "truncated", "damaged", "newer"


def header_problem(path: Path) -> Health:
    """What the file's first bytes and size say, without opening it with SQLite."""
    try:
        size = path.stat().st_size
        if size == 0:
            return Health(False, IS_EMPTY(), "empty")
        with open(path, "rb") as handle:
            head = handle.read(100)
    except FileNotFoundError:
        return Health(False, IS_MISSING(), "missing")
    except OSError as exc:
        return Health(False, CANNOT_READ(exc.strerror or exc), "damaged")
    if len(head) < 100 or not head.startswith(HEADER):
        return Health(False, NOT_SQLITE(), "foreign")
    page_size = struct.unpack(">H", head[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    change_counter, pages, valid_for = (struct.unpack(">I", head[o:o + 4])[0] for o in (24, 28, 92))
    if page_size < 512 or page_size & (page_size - 1):
        return Health(False, BAD_HEADER(), "damaged")
    if pages and valid_for == change_counter and size < pages * page_size:
        return Health(False, TRUNCATED(pages * page_size, size), "truncated")
    return Health(True)


def schema_problem(conn: sqlite3.Connection) -> Health:
    """Ours, and not from a newer program? Reads only the schema."""
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        return Health(False, CANNOT_READ(exc), "damaged")
    if version > migrations.LATEST:
        return Health(False, NEWER(version, migrations.LATEST), "newer")
    if version == 0 and not tables:
        return Health(True)  # a new, empty database
    if not OWN_TABLES <= tables:
        return Health(False, NOT_OURS(), "foreign")
    return Health(True)


def full_check(conn: sqlite3.Connection) -> Health:
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return Health(False, CHECK_UNFINISHED(exc), "damaged")
    if rows != [("ok",)]:
        return Health(False, CHECK_FAILED(rows[0][0]), "damaged")
    return Health(True)


def check_file(path: Path, *, full: bool = True) -> Health:
    """A database file at rest (a backup, a file to restore): header, schema and, when full, every page."""
    found = header_problem(path)
    if not found.ok:
        return found
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return Health(False, CANNOT_OPEN(exc), "damaged")
    try:
        found = schema_problem(conn)
        if found.ok and full:
            found = full_check(conn)
        return found
    finally:
        conn.close()
