"""The bundles this store has taken in or written: identities, signers' sequence numbers, kept originals.

A bundle's identity (the hash of its signed tag manifest) is the key of the
`bundles` table; a second bundle with the same signer and sequence number hits
the unique key and is reported as a conflict, never written over.
"""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from inspector_app.store.db import Store, now


def claim_bundle(store: Store, bundle_hash: str, kind: str, signer_key_id: str, sequence: int, plan_id: str,
                 group_id: str, file_name: str, status: str, info: dict) -> str | None:
    """Record a bundle; None when newly recorded, else 'already' (this very bundle) or 'conflict' (nothing written)."""
    try:
        store.conn.execute(
            "INSERT INTO bundles (hash, kind, signer_key_id, sequence, plan_id, group_id, file_name, status, info,"
            " imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (bundle_hash, kind, signer_key_id, sequence, plan_id, group_id, file_name, status,
             json.dumps(info, ensure_ascii=False, sort_keys=True), now()))
    except sqlite3.IntegrityError:
        return "already" if bundle_known(store, bundle_hash) else "conflict"
    return None


def bundle_known(store: Store, bundle_hash: str) -> bool:
    return store.conn.execute("SELECT 1 FROM bundles WHERE hash = ?", (bundle_hash,)).fetchone() is not None


def newest_sequence(store: Store, signer_key_id: str, plan_id: str, group_id: str, kind: str) -> int | None:
    """The highest sequence number already recorded from this signer for this group and kind."""
    return store.conn.execute(
        "SELECT MAX(sequence) FROM bundles WHERE signer_key_id = ? AND plan_id = ? AND group_id = ? AND kind = ?",
        (signer_key_id, plan_id, group_id, kind)).fetchone()[0]


def other_panel_signer(store: Store, plan_id: str, group_id: str, signer_key_id: str) -> str | None:
    """The key of another lead whose panel bundle for this group is already here, if any."""
    row = store.conn.execute("SELECT signer_key_id FROM bundles WHERE plan_id = ? AND group_id = ? AND kind = 'panel'"
                             " AND signer_key_id != ?", (plan_id, group_id, signer_key_id)).fetchone()
    return row[0] if row else None


def original_path(store: Store, bundle_hash: str) -> Path:
    """Where the verified file of a merged bundle is kept (its chain of custody)."""
    return store.data_dir / "bundles" / f"{bundle_hash}.zip"


def merged_expert_bundles(store: Store, plan_id: str, group_id: str) -> list[tuple[str, Path]]:
    """The expert bundles merged (not superseded) for a group, oldest first, with their kept files."""
    return [(h, original_path(store, h)) for (h,) in store.conn.execute(
        "SELECT hash FROM bundles WHERE plan_id = ? AND group_id = ? AND kind = 'expert' AND status = 'merged'"
        " ORDER BY imported_at", (plan_id, group_id))]


def next_sequence(store: Store, plan_id: str, kind: str) -> tuple[int, str]:
    """The sequence number the next bundle of this kind gets, and the hash of the last one written."""
    row = store.conn.execute("SELECT last, last_hash FROM sequences WHERE plan_id = ? AND kind = ?",
                             (plan_id, kind)).fetchone()
    return (row[0] + 1, row[1]) if row else (1, "")


def consume_sequence(store: Store, plan_id: str, kind: str, sequence: int, bundle_hash: str) -> None:
    with store.tx():
        store.conn.execute("INSERT INTO sequences (plan_id, kind, last, last_hash) VALUES (?, ?, ?, ?)"
                           " ON CONFLICT (plan_id, kind) DO UPDATE SET last = excluded.last,"
                           " last_hash = excluded.last_hash", (plan_id, kind, sequence, bundle_hash))
