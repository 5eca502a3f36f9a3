"""The bundles this store has taken in or written: identities, signers' sequence numbers, kept originals.

A bundle's identity (the hash of its signed tag manifest) is the key of the
`bundles` table; a second bundle with the same signer and sequence number hits
the unique key and is reported as a conflict, never written over.
"""
from __future__ import annotations

import hashlib
import io
import json
import sqlite3
import zipfile
from pathlib import Path

from inspector_app.fsutil import write_atomic
from inspector_app.store.db import Store, StoreError, now
from inspector_app.said import Said

KEPT_ORIGINAL_BUNDLE_MISSING = Said('保存的数据包原件缺失：{0}',
                                     'The kept original of a bundle is missing: {0}')
KEPT_PANEL_BUNDLE_DIFFERS = Said('保存的专家组数据包中的 {0} 与登记的数据包不一致',
                                  '{0} in the kept panel bundle differs from the recorded bundle')
READ_KEPT_BUNDLE = Said('无法从保存的数据包 {0} 中读取 {1}：{2}',
                         'Cannot read {1} from the kept bundle {0}: {2}')


def claim_bundle(store: Store, bundle_hash: str, kind: str, signer_key_id: str, sequence: int, plan_id: str,
                 group_id: str, file_name: str, status: str, info: dict, *, kept_in: str = "",
                 kept_name: str = "") -> str | None:
    """Record a bundle; None when newly recorded, else 'already' (this very bundle) or 'conflict' (nothing written).

    `kept_in`/`kept_name`: the bundle arrived inside another one (a member of a panel bundle), whose kept
    original holds it under that payload name; its own file is written only when first needed.
    """
    try:
        store.conn.execute(
            "INSERT INTO bundles (hash, kind, signer_key_id, sequence, plan_id, group_id, file_name, status, info,"
            " imported_at, kept_in, kept_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (bundle_hash, kind, signer_key_id, sequence, plan_id, group_id, file_name, status,
             json.dumps(info, ensure_ascii=False, sort_keys=True), now(), kept_in, kept_name))
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
    return originals_dir(store) / f"{bundle_hash}.zip"


def originals_dir(store: Store) -> Path:
    """The folder of the kept originals."""
    return store.data_dir / "bundles"


def merged_expert_bundles(store: Store, plan_id: str, group_id: str) -> list[tuple[str, Path]]:
    """The expert bundles merged (not superseded) for a group, oldest first, with their kept files."""
    hashes = [h for (h,) in store.conn.execute(
        "SELECT hash FROM bundles WHERE plan_id = ? AND group_id = ? AND kind = 'expert' AND status = 'merged'"
        " ORDER BY imported_at", (plan_id, group_id))]
    return [(h, kept_original(store, h)) for h in hashes]


def read_kept_file(store: Store, bundle_hash: str, member: str, name: str) -> bytes:
    """A payload file of a kept original, or of a member bundle inside it (read from the zip as kept)."""
    try:
        with zipfile.ZipFile(kept_original(store, bundle_hash)) as outer:
            if not member:
                return outer.read("data/" + name)
            with zipfile.ZipFile(io.BytesIO(outer.read("data/" + member))) as inner:
                return inner.read("data/" + name)
    except (OSError, KeyError, zipfile.BadZipFile) as exc:
        raise StoreError(READ_KEPT_BUNDLE(bundle_hash[:12], name, exc)) from exc


def kept_original(store: Store, bundle_hash: str) -> Path:
    """The kept file of a merged bundle; one that arrived inside a panel bundle is written out on first use."""
    path = original_path(store, bundle_hash)
    if path.is_file():
        return path
    row = store.conn.execute("SELECT kept_in, kept_name FROM bundles WHERE hash = ?", (bundle_hash,)).fetchone()
    if row is None or not row[0]:
        raise StoreError(KEPT_ORIGINAL_BUNDLE_MISSING(path))
    data = read_kept_file(store, row[0], "", row[1])
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as bag:
            same = hashlib.sha256(bag.read("tagmanifest-sha256.txt")).hexdigest() == bundle_hash
    except (KeyError, zipfile.BadZipFile):
        same = False
    if not same:
        raise StoreError(KEPT_PANEL_BUNDLE_DIFFERS(row[1]))
    write_atomic(path, data)
    return path


def next_sequence(store: Store, plan_id: str, kind: str) -> tuple[int, str]:
    """The sequence number the next bundle of this kind gets, and the hash of the last one written."""
    row = store.conn.execute("SELECT last, last_hash FROM sequences WHERE plan_id = ? AND kind = ?",
                             (plan_id, kind)).fetchone()
    return (row[0] + 1, row[1]) if row else (1, "")


def consume_sequence(store: Store, plan_id: str, kind: str, sequence: int, bundle_hash: str) -> None:
    """The bundle with this (reserved) number is written: its hash chains the next one."""
    with store.tx():
        store.conn.execute("INSERT INTO sequences (plan_id, kind, last, last_hash) VALUES (?, ?, ?, ?)"
                           " ON CONFLICT (plan_id, kind) DO UPDATE SET last = MAX(last, excluded.last),"
                           " last_hash = excluded.last_hash", (plan_id, kind, sequence, bundle_hash))


def reserve_sequence(store: Store, plan_id: str, kind: str, sequence: int) -> None:
    """Record a number as used before its bundle is written under its final name: a kill or a cancel
    afterwards skips the number, and no later bundle is ever signed with it again."""
    with store.tx():
        store.conn.execute("INSERT INTO sequences (plan_id, kind, last) VALUES (?, ?, ?)"
                           " ON CONFLICT (plan_id, kind) DO UPDATE SET last = MAX(last, excluded.last)",
                           (plan_id, kind, sequence))
