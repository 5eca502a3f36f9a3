"""The panel's findings per group (主要成绩, 存在问题, 整改建议), for the feedback report."""
from __future__ import annotations

from inspector_app.store.db import Store, now
from inspector_app.store.history import record
from inspector_app.store.text import text_problem
from inspector_app.said import Said

UNKNOWN_KIND_FINDING_POSSIBLE = Said('未知的意见类别 {0}；可用: {1}',
                                      'Unknown kind of finding {0}; possible: {1}')

FINDING_KINDS = {"achievements": "主要成绩", "problems": "存在问题", "suggestions": "整改建议"}
MAX_TEXT = 500_000

KEY = ("plan_id", "group_id", "kind")  # the findings table's primary key


def get_findings(store: Store, plan_id: str, group_id: str) -> dict[str, str]:
    found = {k: "" for k in FINDING_KINDS}
    for kind, text in store.conn.execute("SELECT kind, text FROM findings WHERE plan_id = ? AND group_id = ?",
                                         (plan_id, group_id)):
        found[kind] = text
    return found


def set_finding(store: Store, plan_id: str, group_id: str, kind: str, text: str, expert_id: str) -> None:
    if kind not in FINDING_KINDS:
        raise ValueError(UNKNOWN_KIND_FINDING_POSSIBLE(kind, ', '.join(FINDING_KINDS)))
    problem = text_problem(text, MAX_TEXT)
    if problem:
        raise ValueError(f"{FINDING_KINDS[kind]}{problem}")
    old = get_findings(store, plan_id, group_id)[kind]
    if old == text:
        return
    with store.tx() as db:
        db.table("findings").upsert({"plan_id": plan_id, "group_id": group_id, "kind": kind, "text": text,
                                     "expert_id": expert_id, "updated_at": now()}, pk=KEY)
        record(store, expert_id, plan_id, "finding", {"plan": plan_id, "group": group_id, "kind": kind},
               "text", old, text)


def authors(store: Store, plan_id: str, group_id: str) -> dict[str, str]:
    """kind -> expert id of who last wrote it."""
    return dict(store.conn.execute("SELECT kind, expert_id FROM findings WHERE plan_id = ? AND group_id = ?",
                                   (plan_id, group_id)).fetchall())


def merge_findings(store: Store, plan_id: str, group_id: str, texts: dict[str, str], expert_id: str,
                   source: str = "", *, keep_author: str = "") -> None:
    """Take the findings a lead's bundle carries (known kinds only), inside the caller's transaction;
    a text `keep_author` (this laptop's user) wrote is kept as it is."""
    old = {k: "" for k in FINDING_KINDS}
    written_by: dict[str, str] = {}
    for kind, text, author in store.conn.execute(
            "SELECT kind, text, expert_id FROM findings WHERE plan_id = ? AND group_id = ?", (plan_id, group_id)):
        old[kind], written_by[kind] = text, author
    rows, at = [], now()
    for kind, text in texts.items():
        if kind not in FINDING_KINDS or not isinstance(text, str):
            continue
        if keep_author and keep_author != expert_id and written_by.get(kind) == keep_author:
            continue
        rows.append((plan_id, group_id, kind, text, expert_id, at))
        if old[kind] != text:
            record(store, expert_id, plan_id, "finding", {"plan": plan_id, "group": group_id, "kind": kind},
                   "merged", old[kind], text, source)
    if rows:  # one statement for the bundle's findings
        store.conn.executemany(
            "INSERT INTO findings (plan_id, group_id, kind, text, expert_id, updated_at) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (plan_id, group_id, kind) DO UPDATE SET text = excluded.text,"
            " expert_id = excluded.expert_id, updated_at = excluded.updated_at", rows)
