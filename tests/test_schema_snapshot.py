"""The migration chain builds the same schema as when it was written in raw SQL.

`schema_v8.json` was taken from a fresh database of migrations 1–8 while they were still SQL
scripts; each table's columns, keys, foreign keys, indexes, checks and triggers must stay as they were
whatever builds them (sqlite-utils now creates the plain tables and indexes). Refresh the file only for
a new migration, never for an old one: `python tests/test_schema_snapshot.py` prints it.
"""
from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from inspector_app.store import migrations  # noqa: E402

SNAPSHOT = Path(__file__).with_name("schema_v8.json")
VERSION = 8


def normalized(sql: str | None) -> str:
    """The statement as SQLite keeps it, without identifier quotes and layout: `"a" TEXT`, `[a] TEXT`, `a  TEXT` agree."""
    if sql is None:
        return ""
    text = re.sub(r"\[([^\]]+)\]", r"\1", sql)
    text = re.sub(r'"([A-Za-z_][A-Za-z0-9_]*)"', r"\1", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"\s*([(),])\s*", r"\1", text)


def schema(conn: sqlite3.Connection) -> dict:
    out: dict = {}
    for kind, name, table, sql in conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"):
        item = {"type": kind, "table": table, "sql": normalized(sql)}
        if kind == "table":
            item["columns"] = [list(r) for r in conn.execute(f"PRAGMA table_xinfo('{name}')")]
            item["foreign_keys"] = [list(r) for r in conn.execute(f"PRAGMA foreign_key_list('{name}')")]
            item["indexes"] = sorted(
                [r[1], r[2], r[3], r[4], [list(c) for c in conn.execute(f"PRAGMA index_xinfo('{r[1]}')")]]
                for r in conn.execute(f"PRAGMA index_list('{name}')"))
        out[f"{kind} {name}"] = item
    return out


def fresh(tmp: Path) -> dict:
    conn = sqlite3.connect(tmp / "fresh.db")
    try:
        migrations.migrate(conn, target=VERSION)
        return schema(conn)
    finally:
        conn.close()


def test_the_migration_chain_builds_the_schema_it_always_built(tmp_path):
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    found = fresh(tmp_path)
    assert sorted(found) == sorted(expected)
    for key in expected:
        assert found[key] == expected[key], key


def test_an_ordinary_start_does_not_import_sqlite_utils(tmp_path):
    # Opening an up-to-date database reads with the bare connection: sqlite-utils waits for the first write.
    code = ("import sys\n"
            "from inspector_app.store.db import open_store\n"
            f"store = open_store({str(tmp_path)!r})\n"
            "print('sqlite_utils' in sys.modules)\n"
            "store.close()\n")
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           cwd=Path(__file__).resolve().parent.parent) for _ in range(2)]
    assert runs[1].stdout.strip() == "False", [r.stderr for r in runs]  # the database the first run made


if __name__ == "__main__":
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        found = fresh(Path(tmp))
        print("{\n" + ",\n".join(f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in found.items()) + "\n}")
