"""The append-only history of every change: who, when, old value, new value, reason.

Rows are written in the same transaction as the change they describe; triggers
in the schema refuse UPDATE and DELETE on the table.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from inspector_app.store.db import Store, now


@dataclass(frozen=True)
class HistoryRow:
    id: int
    at: str
    expert_id: str
    plan_id: str
    entity: str
    key: dict
    field: str
    old: object
    new: object
    reason: str


# Made once (json.dumps with options builds an encoder per call); the same text as json.dumps with them.
_encode = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=str).encode
_encode_key = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


class Encoded(str):
    """A key or value already written as the JSON text history stores (sorted keys, no ASCII escapes): a
    bundle's hundreds of rows are made from the parts their entries were encoded in, not encoded again."""


def _dump(value: object) -> str | None:
    return None if value is None else value if isinstance(value, Encoded) else _encode(value)


def _key_text(key: dict | Encoded) -> str:
    return key if isinstance(key, Encoded) else _encode_key(key)


def record(store: Store, expert_id: str, plan_id: str, entity: str, key: dict, field: str,
           old: object, new: object, reason: str = "") -> None:
    """Must be called inside the transaction of the change itself."""
    store.conn.execute(
        "INSERT INTO history (at, expert_id, plan_id, entity, key, field, old, new, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (now(), expert_id, plan_id, entity, _encode_key(key), field,
         _dump(old), _dump(new), reason))


def record_many(store: Store, rows: list[tuple[str, str, str, dict, str, object, object, str]]) -> None:
    """Several `record` calls in one statement: (expert_id, plan_id, entity, key, field, old, new, reason) each.
    Must be called inside the transaction of the changes themselves."""
    at = now()
    store.conn.executemany(
        "INSERT INTO history (at, expert_id, plan_id, entity, key, field, old, new, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(at, e, p, entity, _key_text(key), field, _dump(old), _dump(new), reason)
         for e, p, entity, key, field, old, new, reason in rows])


def last_change_at(store: Store) -> str:
    """When the newest change in this data folder was saved (its history row's time, ISO text), "" when none."""
    row = store.conn.execute("SELECT at FROM history ORDER BY id DESC LIMIT 1").fetchone()
    return row[0] if row else ""


def changes(store: Store, plan_id: str | None = None, *, entity: str | None = None, key: dict | None = None,
            limit: int | None = None, expert_id: str | None = None, group_id: str | None = None) -> list[HistoryRow]:
    """The history, oldest first, filtered in SQL (an expert's bundle reads only its own rows)."""
    sql, args = "SELECT id, at, expert_id, plan_id, entity, key, field, old, new, reason FROM history WHERE 1=1", []
    if plan_id:
        sql += " AND plan_id = ?"
        args.append(plan_id)
    if expert_id is not None:
        sql += " AND expert_id = ?"
        args.append(expert_id)
    if group_id is not None:
        sql += " AND json_extract(key, '$.group') = ?"
        args.append(group_id)
    if entity:
        sql += " AND entity = ?"
        args.append(entity)
    if key is not None:
        sql += " AND key = ?"
        args.append(_encode_key(key))
    sql += " ORDER BY id"
    if limit:
        sql = f"SELECT * FROM ({sql.replace('ORDER BY id', 'ORDER BY id DESC')} LIMIT {int(limit)}) ORDER BY id"
    return [HistoryRow(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), r[6],
                   None if r[7] is None else json.loads(r[7]), None if r[8] is None else json.loads(r[8]), r[9])
            for r in store.conn.execute(sql, args)]
