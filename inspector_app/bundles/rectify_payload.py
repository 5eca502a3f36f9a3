"""Rectification items (整改事项) and the 反馈会 record in bundles: rectification.json and meeting.json.

A panel bundle carries its group's items with every event (who, when, why) and the evidence files the
events name, under rectification/; the bureau merges them by item and event id, so a repeat changes
nothing and no event is lost. A plan package carries the items a 复查 plan re-checks, or that next
year's plan carries over, with the 复查 rule. Only events signed by the bundle's own key may be new
in a panel bundle: a panel never speaks for the bureau. See docs/bundle-format.md.
"""
from __future__ import annotations

from typing import Any

from inspector_app.bundles import canonical
from inspector_app.bundles.bag import Bag, read_json
from inspector_app.bundles.merge_checks import Reject
from inspector_app.store import feedback as FB
from inspector_app.store import rectification as R
from inspector_app.store.rectification_transfer import import_item, item_json
from inspector_app.store.rectify_plans import mark_recheck_plan, recheck_of
from inspector_app.store import rectify_evidence as RE
from inspector_app.store.db import Store
from inspector_app.said import Said

POINTS_EVIDENCE_FILE_WHICH = Said('{0} 指向数据包中不存在的佐证文件 {1}',
                                   '{0} points to evidence file {1}, which the bundle does not hold')
RECTIFICATION_EVIDENCE_DOES_MATCH = Said('整改佐证 {0} 与其登记的校验值不符',
                                          'Rectification evidence {0} does not match its recorded checksum')
RECTIFICATION_ITEM_DOES_BELONG = Said('{0} 中的整改事项 {1} 不属于本集团或本考核计划',
                                       'Rectification item {1} in {0} does not belong to this group or this inspection')

ITEMS, MEETING = "rectification.json", "meeting.json"


def _body(store: Store, shown: list[R.Item], payload: dict[str, Any]) -> dict:
    rows, files = [], {}
    for item in shown:
        evs = R.events(store, item.uid)
        rows.append(item_json(item, evs))
        for ev in evs:
            for meta in ev.fields.get("files", []) if ev.action == "evidence" else []:
                name = RE.bundle_name(meta)
                if name not in files:
                    payload[name] = RE.read_stored(store, meta)  # re-hashed as it leaves
                    files[name] = {"file": name, "sha256": meta["sha256"], "name": meta["name"]}
    return {"items": rows, "files": list(files.values())}


def add_panel_files(store: Store, plan_id: str, group_id: str, payload: dict[str, Any]) -> None:
    """The group's items (with removed ones: their removal travels too) and the 反馈会 record."""
    shown = R.items(store, plan_id, group_id, include_removed=True)
    if shown:
        payload[ITEMS] = canonical.dumps(_body(store, shown, payload))
    meeting = FB.meeting(store, plan_id, group_id)
    if meeting.recorded:
        payload[MEETING] = canonical.dumps({"held_at": meeting.held_at, "place": meeting.place,
                                            "attendees": meeting.attendees, "response": meeting.response})


def add_plan_files(store: Store, plan_id: str, payload: dict[str, Any]) -> None:
    """Items a plan package carries: those a 复查 plan re-checks or that next year's plan carries over."""
    carried = R.links(store, plan_id)
    if not carried:
        return
    shown = [i for i in R.items(store, plan_id) if i.uid in carried]
    body = _body(store, shown, payload)
    body["links"] = [{"uid": i.uid, "role": carried[i.uid]} for i in shown]
    recheck = recheck_of(store, plan_id)
    if recheck is not None:
        body["recheck_of"], body["rescore"] = recheck[0], recheck[1]
    payload[ITEMS] = canonical.dumps(body)


def _take_files(store: Store, bag: Bag, body: dict) -> None:
    for f in body.get("files", []):
        if f["file"] not in bag.sha256:
            raise Reject(POINTS_EVIDENCE_FILE_WHICH(ITEMS, f['file']))
        meta = RE.store_bytes(store, bag.files[f["file"]], f["name"])
        if meta["sha256"] != f["sha256"]:
            raise Reject(RECTIFICATION_EVIDENCE_DOES_MATCH(f['name']))


def merge_panel_files(store: Store, bag: Bag, plan_id: str, group_id: str) -> int:
    """At the bureau, inside the panel merge's transaction: the items and the 反馈会 record. Returns how many
    items changed. Reject (rolling back the whole merge) on an item of another group or plan, or on an event
    the bundle's signer did not record."""
    changed = 0
    if ITEMS in bag.sha256:
        body = read_json(bag, ITEMS)
        carried = R.links(store, plan_id)
        for row in body["items"]:
            if row["group"] != group_id or (row["plan"] != plan_id and row["uid"] not in carried):
                raise Reject(RECTIFICATION_ITEM_DOES_BELONG(ITEMS, row['uid']))
        _take_files(store, bag, body)
        for row in body["items"]:
            try:
                changed += import_item(store, row, allowed_keys={bag.signer_key_id})
            except R.RectifyError as exc:
                raise Reject(str(exc)) from None
    if MEETING in bag.sha256:
        m = read_json(bag, MEETING)
        lead = (bag_head_expert(bag) or "")
        FB.set_meeting(store, plan_id, group_id, FB.Meeting(m.get("held_at", ""), m.get("place", ""),
                                                            m.get("attendees", ""), m.get("response", "")), lead)
    return changed


def bag_head_expert(bag: Bag) -> str:
    head = read_json(bag, "bundle.json")
    return str((head.get("expert") or {}).get("id", ""))


def import_plan_files(store: Store, bag: Bag, plan_id: str) -> int:
    """On a panel laptop, inside the plan import's transaction: the items a plan package carries, their links
    and the 复查 rule (the package is the bureau's, signed by the plan's issuer). A repeated or amended package
    merges its items' events by id, so what is here already stays as it is; returns how many items changed."""
    if ITEMS not in bag.sha256:
        return 0
    body = read_json(bag, ITEMS)
    _take_files(store, bag, body)
    changed = 0
    linked = R.links(store, plan_id)
    for row in body["items"]:
        try:
            changed += import_item(store, row)
        except R.RectifyError as exc:
            raise Reject(str(exc)) from None
    for entry in body.get("links", []):
        if entry["uid"] not in linked:
            R.link(store, plan_id, entry["uid"], entry["role"])
            changed += not any(entry["uid"] == row["uid"] for row in body["items"])
    if body.get("recheck_of"):
        mark_recheck_plan(store, plan_id, body["recheck_of"], bool(body.get("rescore")))
    return changed


# The history reason of a re-check score the bureau's rule recorded: stored in Chinese as it is (the
# window says it in English).
RESCORE_REASON = Said("复查通过：按教育局的复查规则，以复查专家组对该指标的合议得分为复查得分",
                      "passed at re-check: by the bureau's re-check rule, the re-check panel's settled score of the "
                      "indicator is its re-check score")


def rescore(store: Store, plan_id: str, group_id: str, recomputed: dict, actor: R.Actor) -> None:
    """The bureau's rule of a 复查 plan set with --rescore: each item that passed 复查 records, as its
    复查得分, the 复查 panel's settled score of its indicators, recomputed here from the signed entries.
    The year's finalised (定稿) result, rank and grade are not changed (docs/manual.md, 整改)."""
    recheck = recheck_of(store, plan_id)
    if recheck is None or not recheck[1]:
        return
    scored = {row.get("code"): row for row in recomputed.get("indicators") or [] if isinstance(row, dict)}
    carried = R.links(store, plan_id)
    for item in R.items(store, plan_id, group_id):
        if item.status != R.PASSED or item.uid not in carried:
            continue
        points = {code: scored[code]["points"] for code in item.indicators
                  if isinstance(scored.get(code), dict) and scored[code].get("points") is not None}
        if points and any(item.recheck_points.get(k) != v for k, v in points.items()):
            R.set_status(store, item, None, actor, RESCORE_REASON(), plan_id=plan_id, recheck_points=points)
