"""Numbered schema migrations; the version lives in `PRAGMA user_version`.

Each migration is a small function run in its own transaction. Never edit a
released migration: add the next number.
"""
from __future__ import annotations

import sqlite3
from typing import Callable


def _m1(conn: sqlite3.Connection) -> None:
    run_script(conn, """
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE rubrics (
        hash TEXT PRIMARY KEY, id TEXT NOT NULL, version TEXT NOT NULL, title TEXT NOT NULL,
        source BLOB NOT NULL);
    CREATE TABLE plans (
        id TEXT PRIMARY KEY, title TEXT NOT NULL, rubric_hash TEXT NOT NULL REFERENCES rubrics(hash),
        school_year TEXT NOT NULL, stage TEXT NOT NULL, consensus TEXT NOT NULL DEFAULT 'mean',
        spread_limit TEXT NOT NULL DEFAULT '2', demo INTEGER NOT NULL DEFAULT 0,
        export_location INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL);
    CREATE TABLE groups (
        id TEXT NOT NULL, plan_id TEXT NOT NULL REFERENCES plans(id), name TEXT NOT NULL,
        group_type TEXT, position INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (plan_id, id));
    CREATE TABLE schools (
        id TEXT NOT NULL, plan_id TEXT NOT NULL, group_id TEXT NOT NULL, name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('lead', 'member')), kind TEXT NOT NULL DEFAULT '',
        head_role TEXT NOT NULL DEFAULT '', position INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (plan_id, id),
        FOREIGN KEY (plan_id, group_id) REFERENCES groups (plan_id, id));
    CREATE TABLE experts (
        id TEXT NOT NULL, plan_id TEXT NOT NULL REFERENCES plans(id), name TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('lead', 'member')),
        key_id TEXT, public_key BLOB, fingerprint TEXT, PRIMARY KEY (plan_id, id));
    CREATE TABLE assignments (
        plan_id TEXT NOT NULL, expert_id TEXT NOT NULL,
        group_id TEXT NOT NULL, school_id TEXT NOT NULL DEFAULT '*', indicator TEXT NOT NULL DEFAULT '*',
        PRIMARY KEY (plan_id, expert_id, group_id, school_id, indicator));
    CREATE TABLE entries (
        id INTEGER PRIMARY KEY,
        plan_id TEXT NOT NULL, group_id TEXT NOT NULL, expert_id TEXT NOT NULL,
        school_id TEXT NOT NULL DEFAULT '', indicator TEXT NOT NULL,
        inputs TEXT NOT NULL DEFAULT '{}', evidence TEXT NOT NULL DEFAULT '[]',
        methods TEXT NOT NULL DEFAULT '[]', note TEXT NOT NULL DEFAULT '',
        points TEXT, explanation TEXT NOT NULL DEFAULT '[]', updated_at TEXT NOT NULL,
        UNIQUE (plan_id, group_id, expert_id, school_id, indicator));
    CREATE TABLE vetoes (
        plan_id TEXT NOT NULL, group_id TEXT NOT NULL, expert_id TEXT NOT NULL, key TEXT NOT NULL,
        value INTEGER NOT NULL, reason TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL,
        PRIMARY KEY (plan_id, group_id, expert_id, key));
    CREATE TABLE photos (
        id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL, plan_id TEXT NOT NULL, group_id TEXT NOT NULL,
        school_id TEXT NOT NULL DEFAULT '', indicator TEXT NOT NULL DEFAULT '', expert_id TEXT NOT NULL,
        caption TEXT NOT NULL DEFAULT '', taken_at TEXT, original TEXT NOT NULL, thumb TEXT NOT NULL,
        mime TEXT NOT NULL, width INTEGER, height INTEGER, size INTEGER, has_location INTEGER NOT NULL DEFAULT 0,
        chosen INTEGER NOT NULL DEFAULT 0, removed INTEGER NOT NULL DEFAULT 0, added_at TEXT NOT NULL,
        UNIQUE (sha256, plan_id, group_id, school_id, indicator, expert_id));
    CREATE TABLE self_scores (
        plan_id TEXT NOT NULL, group_id TEXT NOT NULL, school_id TEXT NOT NULL DEFAULT '',
        indicator TEXT NOT NULL, points TEXT NOT NULL,
        PRIMARY KEY (plan_id, group_id, school_id, indicator));
    CREATE TABLE baselines (
        plan_id TEXT NOT NULL, group_id TEXT NOT NULL, indicator TEXT NOT NULL, key TEXT NOT NULL,
        year TEXT NOT NULL, value TEXT NOT NULL,
        PRIMARY KEY (plan_id, group_id, indicator, key));
    CREATE TABLE prior_results (
        plan_id TEXT NOT NULL, group_id TEXT NOT NULL, year TEXT NOT NULL, total TEXT,
        grade TEXT, rank INTEGER, areas TEXT NOT NULL DEFAULT '{}',
        PRIMARY KEY (plan_id, group_id, year));
    CREATE TABLE findings (
        plan_id TEXT NOT NULL, group_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('achievements', 'problems', 'suggestions')),
        text TEXT NOT NULL DEFAULT '', expert_id TEXT NOT NULL, updated_at TEXT NOT NULL,
        PRIMARY KEY (plan_id, group_id, kind));
    CREATE TABLE consensus (
        plan_id TEXT NOT NULL, group_id TEXT NOT NULL, school_id TEXT NOT NULL DEFAULT '',
        indicator TEXT NOT NULL, points TEXT NOT NULL, method TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '',
        decided_by TEXT NOT NULL, decided_at TEXT NOT NULL, sources TEXT NOT NULL DEFAULT '{}',
        PRIMARY KEY (plan_id, group_id, school_id, indicator));
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
    CREATE INDEX entries_by_group ON entries (plan_id, group_id);
    CREATE INDEX photos_by_place ON photos (plan_id, group_id, school_id, indicator);
    CREATE INDEX history_by_key ON history (entity, key);
    """)


def _m2(conn: sqlite3.Connection) -> None:
    # Sequence numbers of the bundles this install signed, per plan and kind.
    run_script(conn, """
    CREATE TABLE sequences (
        plan_id TEXT NOT NULL, kind TEXT NOT NULL, last INTEGER NOT NULL DEFAULT 0,
        last_hash TEXT NOT NULL DEFAULT '', PRIMARY KEY (plan_id, kind));
    """)


def _m3(conn: sqlite3.Connection) -> None:
    # Lookups the merge and the results make once per bundle or group: each reads only its own rows,
    # so its cost does not grow with the plan.
    run_script(conn, """
    CREATE INDEX schools_by_group ON schools (plan_id, group_id, position);
    CREATE INDEX experts_by_key ON experts (plan_id, key_id);
    CREATE INDEX history_by_expert ON history (plan_id, expert_id);
    CREATE INDEX bundles_by_group ON bundles (plan_id, group_id, kind, signer_key_id, sequence);
    """)


def _m4(conn: sqlite3.Connection) -> None:
    # What the bureau publishes with the results (公示) and asks of the units (整改报告), the
    # short name a school goes by in narrow table heads, the record of each feedback meeting
    # (反馈会) and the panel's problems (存在问题) as items, each with its indicator, school and deadline.
    run_script(conn, """
    ALTER TABLE plans ADD COLUMN issuing_body TEXT NOT NULL DEFAULT '';
    ALTER TABLE plans ADD COLUMN publicity_start TEXT NOT NULL DEFAULT '';
    ALTER TABLE plans ADD COLUMN publicity_end TEXT NOT NULL DEFAULT '';
    ALTER TABLE plans ADD COLUMN objection_channel TEXT NOT NULL DEFAULT '';
    ALTER TABLE plans ADD COLUMN rectification_due TEXT NOT NULL DEFAULT '';
    ALTER TABLE schools ADD COLUMN short_name TEXT NOT NULL DEFAULT '';
    CREATE TABLE feedback_meetings (
        plan_id TEXT NOT NULL, group_id TEXT NOT NULL, held_at TEXT NOT NULL DEFAULT '',
        place TEXT NOT NULL DEFAULT '', attendees TEXT NOT NULL DEFAULT '', response TEXT NOT NULL DEFAULT '',
        expert_id TEXT NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (plan_id, group_id));
    CREATE TABLE problem_items (
        plan_id TEXT NOT NULL, group_id TEXT NOT NULL, position INTEGER NOT NULL, text TEXT NOT NULL,
        indicator TEXT NOT NULL DEFAULT '', school_id TEXT NOT NULL DEFAULT '', deadline TEXT NOT NULL DEFAULT '',
        expert_id TEXT NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (plan_id, group_id, position));
    """)


def _m5(conn: sqlite3.Connection) -> None:
    # Who issued each plan (only that key signs its packages), who typed an entry for another expert (代录)
    # and which bundle an entry came from, and the panel's finalised (定稿) results, every version kept.
    run_script(conn, """
    ALTER TABLE plans ADD COLUMN issuer_key_id TEXT NOT NULL DEFAULT '';
    ALTER TABLE entries ADD COLUMN typed_by TEXT NOT NULL DEFAULT '';
    ALTER TABLE entries ADD COLUMN source TEXT NOT NULL DEFAULT '';
    CREATE TABLE finalisations (
        plan_id TEXT NOT NULL, group_id TEXT NOT NULL, version INTEGER NOT NULL,
        visit_date TEXT NOT NULL, meeting_date TEXT NOT NULL, result TEXT NOT NULL,
        consensus TEXT NOT NULL DEFAULT '[]', reason TEXT NOT NULL DEFAULT '', finalised_by TEXT NOT NULL,
        finalised_at TEXT NOT NULL, signer_key_id TEXT NOT NULL DEFAULT '', bundle_hash TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (plan_id, group_id, version));
    CREATE TRIGGER finalisations_no_update BEFORE UPDATE ON finalisations
        BEGIN SELECT RAISE(ABORT, 'a finalised version is never changed; add the next'); END;
    """)


def _m6(conn: sqlite3.Connection) -> None:
    # Files that arrive inside a merged bundle stay in the kept original (durable once, with the bundle)
    # until first used: a merged photo's bytes, a member bundle inside a panel bundle.
    run_script(conn, """
    CREATE TABLE photo_sources (
        sha256 TEXT PRIMARY KEY, bundle_hash TEXT NOT NULL, member TEXT NOT NULL DEFAULT '', name TEXT NOT NULL);
    ALTER TABLE bundles ADD COLUMN kept_in TEXT NOT NULL DEFAULT '';
    ALTER TABLE bundles ADD COLUMN kept_name TEXT NOT NULL DEFAULT '';
    """)


def _m7(conn: sqlite3.Connection) -> None:
    # A group's register of awards and projects (004 C15–C19, C21–C23), from which the counts are derived.
    run_script(conn, """
    CREATE TABLE register_items (
        id INTEGER PRIMARY KEY, plan_id TEXT NOT NULL, group_id TEXT NOT NULL, indicator TEXT NOT NULL,
        name TEXT NOT NULL, level TEXT NOT NULL, year TEXT NOT NULL DEFAULT '', school_id TEXT NOT NULL DEFAULT '',
        evidence TEXT NOT NULL DEFAULT '', added_by TEXT NOT NULL DEFAULT '', added_at TEXT NOT NULL,
        FOREIGN KEY (plan_id, group_id) REFERENCES groups (plan_id, id));
    CREATE INDEX register_by_group ON register_items (plan_id, group_id, indicator);
    """)


def _m8(conn: sqlite3.Connection) -> None:
    # A photo's own file name (its label beside the time taken), its markup layer (shapes as JSON, drawn over
    # the untouched original), and evidence files other than photos (documents, spreadsheets, recordings),
    # kept by hash in the same evidence folder.
    run_script(conn, """
    ALTER TABLE photos ADD COLUMN name TEXT NOT NULL DEFAULT '';
    ALTER TABLE photos ADD COLUMN markup TEXT NOT NULL DEFAULT '';
    CREATE TABLE evidence_files (
        id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL, plan_id TEXT NOT NULL, group_id TEXT NOT NULL,
        school_id TEXT NOT NULL DEFAULT '', indicator TEXT NOT NULL DEFAULT '', expert_id TEXT NOT NULL,
        name TEXT NOT NULL, kind TEXT NOT NULL, mime TEXT NOT NULL, size INTEGER NOT NULL, stored TEXT NOT NULL,
        removed INTEGER NOT NULL DEFAULT 0, added_at TEXT NOT NULL,
        UNIQUE (sha256, plan_id, group_id, school_id, indicator, expert_id));
    CREATE INDEX evidence_files_by_place ON evidence_files (plan_id, group_id, school_id, indicator);
    """)


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_m1, _m2, _m3, _m4, _m5, _m6, _m7, _m8]
LATEST = len(MIGRATIONS)


def current_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, target: int = LATEST) -> list[int]:
    """Run every migration above the database's version; return the numbers run."""
    version = current_version(conn)
    if version > LATEST:
        raise RuntimeError(f"数据库版本 {version} 比本程序支持的 {LATEST} 新，请升级 Inspector")
    ran = []
    for number in range(version + 1, target + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[number - 1](conn)
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
