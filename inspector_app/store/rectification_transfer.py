"""Rectification items as bundles carry them: an item with its events out, and its new events in (a bundle brings
only what its signer recorded; an event already here is never written again)."""
from __future__ import annotations

import json

from inspector_app.said import Said
from inspector_app.store import rectification as R
from inspector_app.store.db import Store

RECORD_RECTIFICATION_ITEM_WAS = Said('整改事项 {0} 的一条记录（{1}，{2}）不是本数据包签名者所记，不能由本数据包带入',
                                      "A record of rectification item {0} ({1}, {2}) was not made by this bundle's signer: this bundle cannot bring it in")
RECORD_TYPE_RECTIFICATION_ITEM = Said('整改事项 {0} 的记录类型 “{1}” 无法识别',
                                       'The record type "{1}" of rectification item {0} is not known')


def item_json(item: R.Item, evs: list[R.Event]) -> dict:
    return {"uid": item.uid, "plan": item.plan_id, "group": item.group_id, "events": [e.to_json() for e in evs]}


def import_item(store: Store, row: dict, *, allowed_keys: set[str] | None = None) -> bool:
    """Merge an item's events from a bundle (must be called inside a transaction); True when anything was new.

    `allowed_keys`: the keys whose new events this bundle may bring (its signer's); an event of another key
    that is not here already is refused, so a bundle never speaks for someone else."""
    uid = row["uid"]
    known = {e.eid for e in R.events(store, uid)}
    new = [e for e in row["events"] if e["eid"] not in known]
    for e in new:
        if allowed_keys is not None and e.get("key_id", "") not in allowed_keys:
            raise R.RectifyError(RECORD_RECTIFICATION_ITEM_WAS(uid, e.get('actor', ''), e.get('at', '')))
        if e["action"] not in R.ACTIONS:
            raise R.RectifyError(RECORD_TYPE_RECTIFICATION_ITEM(uid, e['action']))
        if e["action"] == "status" and "status" in e.get("fields", {}):
            R.status_word(e["fields"]["status"])
        store.conn.execute(
            "INSERT INTO rectification_events (eid, uid, at, n, on_date, actor, expert_id, key_id, action, fields,"
            " reason, plan_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (e["eid"], uid, e["at"], int(e.get("n", 0)), e.get("on", ""), e.get("actor", ""), e.get("expert", ""),
             e.get("key_id", ""), e["action"], json.dumps(e.get("fields", {}), ensure_ascii=False, sort_keys=True),
             e.get("reason", ""), e.get("plan", "")))
    if new:
        R.refold(store, uid)
    return bool(new)
