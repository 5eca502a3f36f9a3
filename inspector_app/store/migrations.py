"""Numbered schema migrations; the version lives in `PRAGMA user_version`.

Each migration is a small function run in its own transaction. Never change what a
released migration builds: add the next number (tests/test_schema_snapshot.py holds
the schema migrations 1–8 build). Plain tables, added columns and indexes are made with
sqlite-utils (`_table`, `add_column`, `create_index`; `transform` for a later change of a
column); raw SQL stays for what sqlite-utils does not say: CHECK and UNIQUE constraints,
foreign keys over two columns, AUTOINCREMENT and triggers.

sqlite-utils is imported only when a migration runs (a new or older database), never on
an ordinary start.
"""
from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any, Callable
from inspector_app.said import Said

DATABASE_VERSION_NEWER_THAN = Said('数据库版本 {0} 比本程序支持的 {1} 新，请升级 Inspector',
                                    "The database's version {0} is newer than {1}, which this program supports: please upgrade Inspector")

if TYPE_CHECKING:  # pragma: no cover
    import sqlite_utils


def _table(db: "sqlite_utils.Database", name: str, columns: dict[str, Any], pk: str | tuple[str, ...], *,
           defaults: dict[str, Any] | None = None, nullable: tuple[str, ...] = (),
           foreign_keys: list[tuple[str, str, str]] | None = None) -> None:
    """A plain table: every column NOT NULL but a single-column primary key and those named nullable."""
    single = pk if isinstance(pk, str) else None
    db[name].create(columns, pk=pk, not_null={c for c in columns if c != single and c not in nullable},
                    defaults=defaults or {}, foreign_keys=foreign_keys or [])


def _columns(db: "sqlite_utils.Database", table: str, names: tuple[str, ...], default: Any = "") -> None:
    """Added columns, each NOT NULL with the default."""
    for name in names:
        db[table].add_column(name, type(default), not_null_default=default)


def _m1(db: "sqlite_utils.Database") -> None:
    _table(db, "settings", {"key": str, "value": str}, "key")
    _table(db, "rubrics", {"hash": str, "id": str, "version": str, "title": str, "source": bytes}, "hash")
    _table(db, "plans", {"id": str, "title": str, "rubric_hash": str, "school_year": str, "stage": str,
                         "consensus": str, "spread_limit": str, "demo": int, "export_location": int,
                         "created_at": str}, "id",
           defaults={"consensus": "mean", "spread_limit": "2", "demo": 0, "export_location": 0},
           foreign_keys=[("rubric_hash", "rubrics", "hash")])
    _table(db, "groups", {"id": str, "plan_id": str, "name": str, "group_type": str, "position": int},
           ("plan_id", "id"), defaults={"position": 0}, nullable=("group_type",),
           foreign_keys=[("plan_id", "plans", "id")])
    run_script(db.conn, """
    CREATE TABLE schools (
        id TEXT NOT NULL, plan_id TEXT NOT NULL, group_id TEXT NOT NULL, name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('lead', 'member')), kind TEXT NOT NULL DEFAULT '',
        head_role TEXT NOT NULL DEFAULT '', position INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (plan_id, id),
        FOREIGN KEY (plan_id, group_id) REFERENCES groups (plan_id, id));
    CREATE TABLE experts (
        id TEXT NOT NULL, plan_id TEXT NOT NULL REFERENCES plans(id), name TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('lead', 'member')),
        key_id TEXT, public_key BLOB, fingerprint TEXT, PRIMARY KEY (plan_id, id));
    """)
    _table(db, "assignments", {"plan_id": str, "expert_id": str, "group_id": str, "school_id": str,
                               "indicator": str}, ("plan_id", "expert_id", "group_id", "school_id", "indicator"),
           defaults={"school_id": "*", "indicator": "*"})
    run_script(db.conn, """
    CREATE TABLE entries (
        id INTEGER PRIMARY KEY,
        plan_id TEXT NOT NULL, group_id TEXT NOT NULL, expert_id TEXT NOT NULL,
        school_id TEXT NOT NULL DEFAULT '', indicator TEXT NOT NULL,
        inputs TEXT NOT NULL DEFAULT '{}', evidence TEXT NOT NULL DEFAULT '[]',
        methods TEXT NOT NULL DEFAULT '[]', note TEXT NOT NULL DEFAULT '',
        points TEXT, explanation TEXT NOT NULL DEFAULT '[]', updated_at TEXT NOT NULL,
        UNIQUE (plan_id, group_id, expert_id, school_id, indicator));
    """)
    _table(db, "vetoes", {"plan_id": str, "group_id": str, "expert_id": str, "key": str, "value": int,
                          "reason": str, "updated_at": str}, ("plan_id", "group_id", "expert_id", "key"),
           defaults={"reason": ""})
    run_script(db.conn, """
    CREATE TABLE photos (
        id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL, plan_id TEXT NOT NULL, group_id TEXT NOT NULL,
        school_id TEXT NOT NULL DEFAULT '', indicator TEXT NOT NULL DEFAULT '', expert_id TEXT NOT NULL,
        caption TEXT NOT NULL DEFAULT '', taken_at TEXT, original TEXT NOT NULL, thumb TEXT NOT NULL,
        mime TEXT NOT NULL, width INTEGER, height INTEGER, size INTEGER, has_location INTEGER NOT NULL DEFAULT 0,
        chosen INTEGER NOT NULL DEFAULT 0, removed INTEGER NOT NULL DEFAULT 0, added_at TEXT NOT NULL,
        UNIQUE (sha256, plan_id, group_id, school_id, indicator, expert_id));
    """)
    _table(db, "self_scores", {"plan_id": str, "group_id": str, "school_id": str, "indicator": str, "points": str},
           ("plan_id", "group_id", "school_id", "indicator"), defaults={"school_id": ""})
    _table(db, "baselines", {"plan_id": str, "group_id": str, "indicator": str, "key": str, "year": str,
                             "value": str}, ("plan_id", "group_id", "indicator", "key"))
    _table(db, "prior_results", {"plan_id": str, "group_id": str, "year": str, "total": str, "grade": str,
                                 "rank": int, "areas": str}, ("plan_id", "group_id", "year"),
           defaults={"areas": "{}"}, nullable=("total", "grade", "rank"))
    run_script(db.conn, """
    CREATE TABLE findings (
        plan_id TEXT NOT NULL, group_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('achievements', 'problems', 'suggestions')),
        text TEXT NOT NULL DEFAULT '', expert_id TEXT NOT NULL, updated_at TEXT NOT NULL,
        PRIMARY KEY (plan_id, group_id, kind));
    """)
    _table(db, "consensus", {"plan_id": str, "group_id": str, "school_id": str, "indicator": str, "points": str,
                             "method": str, "reason": str, "decided_by": str, "decided_at": str, "sources": str},
           ("plan_id", "group_id", "school_id", "indicator"),
           defaults={"school_id": "", "reason": "", "sources": "{}"})
    run_script(db.conn, """
    CREATE TABLE bundles (
        hash TEXT PRIMARY KEY, kind TEXT NOT NULL, signer_key_id TEXT NOT NULL, sequence INTEGER NOT NULL,
        plan_id TEXT NOT NULL, group_id TEXT NOT NULL DEFAULT '', file_name TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'merged', info TEXT NOT NULL DEFAULT '{}', imported_at TEXT NOT NULL,
        UNIQUE (signer_key_id, plan_id, kind, sequence));
    CREATE TABLE history (
        id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, expert_id TEXT NOT NULL DEFAULT '',
        plan_id TEXT NOT NULL DEFAULT '', entity TEXT NOT NULL, key TEXT NOT NULL, field TEXT NOT NULL,
        old TEXT, new TEXT, reason TEXT NOT NULL DEFAULT '');
    CREATE TRIGGER history_no_update BEFORE UPDATE ON history
        BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
    CREATE TRIGGER history_no_delete BEFORE DELETE ON history
        BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
    """)
    db["entries"].create_index(["plan_id", "group_id"], index_name="entries_by_group")
    db["photos"].create_index(["plan_id", "group_id", "school_id", "indicator"], index_name="photos_by_place")
    db["history"].create_index(["entity", "key"], index_name="history_by_key")


def _m2(db: "sqlite_utils.Database") -> None:
    # Sequence numbers of the bundles this install signed, per plan and kind.
    _table(db, "sequences", {"plan_id": str, "kind": str, "last": int, "last_hash": str}, ("plan_id", "kind"),
           defaults={"last": 0, "last_hash": ""})


def _m3(db: "sqlite_utils.Database") -> None:
    # Lookups the merge and the results make once per bundle or group: each reads only its own rows,
    # so its cost does not grow with the plan.
    db["schools"].create_index(["plan_id", "group_id", "position"], index_name="schools_by_group")
    db["experts"].create_index(["plan_id", "key_id"], index_name="experts_by_key")
    db["history"].create_index(["plan_id", "expert_id"], index_name="history_by_expert")
    db["bundles"].create_index(["plan_id", "group_id", "kind", "signer_key_id", "sequence"],
                               index_name="bundles_by_group")


def _m4(db: "sqlite_utils.Database") -> None:
    # What the bureau publishes with the results (公示) and asks of the units (整改报告), the
    # short name a school goes by in narrow table heads, the record of each feedback meeting
    # (反馈会) and the panel's problems (存在问题) as items, each with its indicator, school and deadline.
    _columns(db, "plans", ("issuing_body", "publicity_start", "publicity_end", "objection_channel",
                           "rectification_due"))
    _columns(db, "schools", ("short_name",))
    _table(db, "feedback_meetings", {"plan_id": str, "group_id": str, "held_at": str, "place": str,
                                     "attendees": str, "response": str, "expert_id": str, "updated_at": str},
           ("plan_id", "group_id"), defaults={"held_at": "", "place": "", "attendees": "", "response": ""})
    _table(db, "problem_items", {"plan_id": str, "group_id": str, "position": int, "text": str, "indicator": str,
                                 "school_id": str, "deadline": str, "expert_id": str, "updated_at": str},
           ("plan_id", "group_id", "position"), defaults={"indicator": "", "school_id": "", "deadline": ""})


def _m5(db: "sqlite_utils.Database") -> None:
    # Who issued each plan (only that key signs its packages), who typed an entry for another expert (代录)
    # and which bundle an entry came from, and the panel's finalised (定稿) results, every version kept.
    _columns(db, "plans", ("issuer_key_id",))
    _columns(db, "entries", ("typed_by", "source"))
    _table(db, "finalisations", {"plan_id": str, "group_id": str, "version": int, "visit_date": str,
                                 "meeting_date": str, "result": str, "consensus": str, "reason": str,
                                 "finalised_by": str, "finalised_at": str, "signer_key_id": str,
                                 "bundle_hash": str}, ("plan_id", "group_id", "version"),
           defaults={"consensus": "[]", "reason": "", "signer_key_id": "", "bundle_hash": ""})
    run_script(db.conn, """
    CREATE TRIGGER finalisations_no_update BEFORE UPDATE ON finalisations
        BEGIN SELECT RAISE(ABORT, 'a finalised version is never changed; add the next'); END;
    """)


def _m6(db: "sqlite_utils.Database") -> None:
    # Files that arrive inside a merged bundle stay in the kept original (durable once, with the bundle)
    # until first used: a merged photo's bytes, a member bundle inside a panel bundle.
    _table(db, "photo_sources", {"sha256": str, "bundle_hash": str, "member": str, "name": str}, "sha256",
           defaults={"member": ""})
    _columns(db, "bundles", ("kept_in", "kept_name"))


def _m7(db: "sqlite_utils.Database") -> None:
    # A group's register of awards and projects (004 C15–C19, C21–C23), from which the counts are derived.
    run_script(db.conn, """
    CREATE TABLE register_items (
        id INTEGER PRIMARY KEY, plan_id TEXT NOT NULL, group_id TEXT NOT NULL, indicator TEXT NOT NULL,
        name TEXT NOT NULL, level TEXT NOT NULL, year TEXT NOT NULL DEFAULT '', school_id TEXT NOT NULL DEFAULT '',
        evidence TEXT NOT NULL DEFAULT '', added_by TEXT NOT NULL DEFAULT '', added_at TEXT NOT NULL,
        FOREIGN KEY (plan_id, group_id) REFERENCES groups (plan_id, id));
    """)
    db["register_items"].create_index(["plan_id", "group_id", "indicator"], index_name="register_by_group")


def _m8(db: "sqlite_utils.Database") -> None:
    # A photo's own file name (its label beside the time taken), its markup layer (shapes as JSON, drawn over
    # the untouched original), and evidence files other than photos (documents, spreadsheets, recordings),
    # kept by hash in the same evidence folder.
    _columns(db, "photos", ("name", "markup"))
    run_script(db.conn, """
    CREATE TABLE evidence_files (
        id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL, plan_id TEXT NOT NULL, group_id TEXT NOT NULL,
        school_id TEXT NOT NULL DEFAULT '', indicator TEXT NOT NULL DEFAULT '', expert_id TEXT NOT NULL,
        name TEXT NOT NULL, kind TEXT NOT NULL, mime TEXT NOT NULL, size INTEGER NOT NULL, stored TEXT NOT NULL,
        removed INTEGER NOT NULL DEFAULT 0, added_at TEXT NOT NULL,
        UNIQUE (sha256, plan_id, group_id, school_id, indicator, expert_id));
    """)
    db["evidence_files"].create_index(["plan_id", "group_id", "school_id", "indicator"],
                                      index_name="evidence_files_by_place")


def _m9(db: "sqlite_utils.Database") -> None:
    # Bundles of a plan are encrypted to their recipients unless the bureau chose plain ones; plans made
    # before encryption stay plain (their packages carried no encryption keys).
    _columns(db, "plans", ("encrypted",), default=0)


def _m10(db: "sqlite_utils.Database") -> None:
    # The panel's problem items become rectification items (整改事项), followed from the 反馈会 to the 复查
    # and into next year. An item's row is the fold of its events (created, edited, status, evidence, removed),
    # which are append-only and travel in bundles by id; links say which other plans carry an item (a 复查
    # package, next year's plan); rectification_plans marks a 复查 plan and the bureau's rescoring rule.
    # Raw SQL: a CHECK on the status, append-only triggers, a CHECK on the link's role.
    run_script(db.conn, f"""
    CREATE TABLE rectification_items (
        uid TEXT PRIMARY KEY, plan_id TEXT NOT NULL, group_id TEXT NOT NULL, position INTEGER NOT NULL DEFAULT 0,
        text TEXT NOT NULL, indicators TEXT NOT NULL DEFAULT '[]', schools TEXT NOT NULL DEFAULT '[]',
        area TEXT NOT NULL DEFAULT '', deadline TEXT NOT NULL DEFAULT '', unit TEXT NOT NULL DEFAULT '',
        person TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT '未整改'
            CHECK (status IN ('未整改', '整改中', '已整改', '复查通过', '复查未通过')),
        response TEXT NOT NULL DEFAULT '', fixed_on TEXT NOT NULL DEFAULT '', closed_on TEXT NOT NULL DEFAULT '',
        recheck_points TEXT NOT NULL DEFAULT '{{}}', removed INTEGER NOT NULL DEFAULT 0,
        created_by TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
    CREATE INDEX rectification_by_group ON rectification_items (plan_id, group_id, position);
    CREATE TABLE rectification_events (
        eid TEXT PRIMARY KEY, uid TEXT NOT NULL, at TEXT NOT NULL, n INTEGER NOT NULL DEFAULT 0,
        on_date TEXT NOT NULL DEFAULT '', actor TEXT NOT NULL, expert_id TEXT NOT NULL DEFAULT '',
        key_id TEXT NOT NULL DEFAULT '', action TEXT NOT NULL, fields TEXT NOT NULL DEFAULT '{{}}',
        reason TEXT NOT NULL DEFAULT '', plan_id TEXT NOT NULL DEFAULT '');
    CREATE INDEX rectification_events_by_item ON rectification_events (uid, at, n);
    CREATE TRIGGER rectification_events_no_update BEFORE UPDATE ON rectification_events
        BEGIN SELECT RAISE(ABORT, 'rectification history is append-only'); END;
    CREATE TRIGGER rectification_events_no_delete BEFORE DELETE ON rectification_events
        BEGIN SELECT RAISE(ABORT, 'rectification history is append-only'); END;
    CREATE TABLE rectification_links (
        plan_id TEXT NOT NULL, uid TEXT NOT NULL, role TEXT NOT NULL CHECK (role IN ('recheck', 'carried')),
        PRIMARY KEY (plan_id, uid));
    CREATE TABLE rectification_plans (
        plan_id TEXT PRIMARY KEY, parent_plan_id TEXT NOT NULL, rescore INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL);
    INSERT INTO rectification_items (uid, plan_id, group_id, position, text, indicators, schools, deadline,
        created_by, created_at, updated_at)
        SELECT lower(hex(randomblob(4))), plan_id, group_id, position, text,
               CASE WHEN indicator = '' THEN '[]' ELSE json_array(indicator) END,
               CASE WHEN school_id = '' THEN '[]' ELSE json_array(school_id) END,
               deadline, expert_id, updated_at, updated_at FROM problem_items;
    INSERT INTO rectification_events (eid, uid, at, actor, expert_id, action, fields, reason, plan_id)
        SELECT lower(hex(randomblob(8))), uid, created_at, created_by, created_by, 'created',
               json_object('text', text, 'indicators', json(indicators), 'schools', json(schools),
                           'deadline', deadline, 'position', position, 'plan', plan_id, 'group', group_id),
               '由存在问题转为整改事项', plan_id FROM rectification_items;
    DROP TABLE problem_items;
    """)


def _m11(db: "sqlite_utils.Database") -> None:
    # When a photo without EXIF DateTimeOriginal was made, as its file said (the label's time; NULL when unknown).
    db["photos"].add_column("file_time", str)


def _m12(db: "sqlite_utils.Database") -> None:
    # The entries' unique key begins with (plan_id, group_id): its index serves every query by group, and the
    # second index on those two columns only cost an insert and a delete for each entry merged.
    db.conn.execute("DROP INDEX IF EXISTS entries_by_group")


MIGRATIONS: list[Callable[["sqlite_utils.Database"], None]] = [_m1, _m2, _m3, _m4, _m5, _m6, _m7, _m8, _m9, _m10,
                                                                _m11, _m12]
LATEST = len(MIGRATIONS)


def current_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, target: int = LATEST) -> list[int]:
    """Run every migration above the database's version; return the numbers run."""
    version = current_version(conn)
    if version > LATEST:
        raise RuntimeError(DATABASE_VERSION_NEWER_THAN(version, LATEST))
    ran: list[int] = []
    if version >= target:
        return ran
    import sqlite_utils
    db = sqlite_utils.Database(conn, execute_plugins=False)
    for number in range(version + 1, target + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[number - 1](db)
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        ran.append(number)
    return ran


def run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run statements one by one: executescript() would commit our open transaction."""
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                conn.execute(buf)
            buf = ""
    if buf.strip():
        conn.execute(buf)
