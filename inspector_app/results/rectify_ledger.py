"""The bureau's 整改台账: every rectification item of a plan, overdue first, and the 整改 figures per group.

One list serves the command line (`rectify list`), the window's ledger and the workbook's sheet, so the
three always agree. Overdue is judged on a given day (`as_of`): past the deadline without having been
reported fixed by then.
"""
from __future__ import annotations

from dataclasses import dataclass

from inspector_app.said import Said
from inspector_app.store import plans as P
from inspector_app.store import rectification as R
from inspector_app.store.db import Store

COLUMNS = ("编号", "集团", "类别", "指标", "学校", "存在问题", "责任单位", "责任人", "整改时限", "状态", "逾期",
           "报告整改日期", "复查通过日期", "整改情况", "佐证")


@dataclass(frozen=True)
class GroupCounts:
    """The 整改 column of a group: items, closed on time, overdue, rejected at 复查."""
    items: int = 0
    on_time: int = 0
    overdue: int = 0
    rejected: int = 0

    def text(self) -> str:
        if not self.items:
            return "无"
        return f"{self.items} 项：按期整改 {self.on_time}，逾期 {self.overdue}，复查未通过 {self.rejected}"

    def to_json(self) -> dict:
        return {"items": self.items, "closed_on_time": self.on_time, "overdue": self.overdue,
                "rejected": self.rejected}


def today() -> str:
    import datetime as _dt
    return _dt.date.today().isoformat()


def _sort_key(row: dict) -> tuple:
    return (not row["overdue"], row["deadline"] or "9999", row["group_name"], row["position"])


def ledger(store: Store, plan: P.Plan, as_of: str, *, group: str | None = None, status: str | None = None,
           area: str | None = None) -> list[dict]:
    """Rows of the ledger, filtered, overdue first, then by deadline."""
    rubric = P.plan_rubric(store, plan)
    groups = {g.id: g for g in P.groups(store, plan.id)}
    rows = []
    for item in R.items(store, plan.id, group):
        row = row_of(item, rubric, groups.get(item.group_id), as_of)
        row["carried"] = item.plan_id != plan.id
        if status and row["status"] != status:
            continue
        if area and area not in row["area"]:
            continue
        rows.append(row)
    return sorted(rows, key=_sort_key)


def row_of(item: R.Item, rubric, group: P.Group | None, as_of: str) -> dict:
    """One item as the ledger, `rectify list --json` and `rectify show --json` give it."""
    names = {s.id: s.name for s in group.schools} if group else {}
    return {"id": item.uid, "plan": item.plan_id, "group": item.group_id,
            "group_name": group.name if group else item.group_id, "position": item.position, "text": item.text,
            "indicators": list(item.indicators), "schools": [names.get(s, s) for s in item.schools],
            "area": item.area_for(rubric), "deadline": item.deadline, "unit": item.unit, "person": item.person,
            "status": item.status, "overdue": item.overdue(as_of), "fixed_on": item.fixed_on,
            "closed_on": item.closed_on, "response": item.response, "recheck_points": item.recheck_points,
            "removed": item.removed,
            "evidence": [{"name": e.name, "sha256": e.sha256, "size": e.size} for e in item.evidence]}


def as_cells(row: dict) -> list:
    """A ledger row as the workbook and the window show it, in COLUMNS order."""
    return [row["id"], row["group_name"], row["area"], "、".join(row["indicators"]) or "—",
            "、".join(row["schools"]) or R.WHOLE_GROUP, row["text"], row["unit"], row["person"], row["deadline"],
            row["status"], "逾期" if row["overdue"] else "", row["fixed_on"], row["closed_on"], row["response"],
            "、".join(e["name"] for e in row["evidence"])]


def group_counts(store: Store, plan: P.Plan, as_of: str) -> dict[str, GroupCounts]:
    """Per group, the plan's own items (those found in this inspection)."""
    found: dict[str, list[R.Item]] = {}
    for item in R.items(store, plan.id, own_only=True):
        found.setdefault(item.group_id, []).append(item)
    return {g: GroupCounts(len(rows), sum(i.closed_on_time() for i in rows), sum(i.overdue(as_of) for i in rows),
                           sum(i.status == R.REJECTED for i in rows)) for g, rows in found.items()}


# What one change of an item did, as its history says it (event_summary); the window says it in English.
LISTED = Said("列出", "listed")
REMOVED = Said("删去", "removed")
STATUS_CHANGED = Said("状态 {0} → {1}", "status {0} → {1}")
RESPONSE_WRITTEN = Said("更新整改情况", "rectification report updated")
RECHECK_SCORE = Said("指标 {0} 复查得分 {1}", "indicator {0}: re-check score {1}")
EVIDENCE_ADDED = Said("添加佐证：{0}", "evidence added: {0}")
EDITED = {"text": Said("修改整改事项的内容", "text corrected"),
          "indicators": Said("修改所涉指标", "indicators corrected"),
          "schools": Said("修改所涉学校", "schools corrected"),
          "area": Said("修改问题类别", "area corrected"),
          "deadline": Said("修改整改时限", "deadline corrected"),
          "unit": Said("修改责任单位", "responsible unit corrected"),
          "person": Said("修改责任人", "responsible person corrected")}
FIELD_EDITED = Said("修改字段 {0}", "field {0} corrected")  # a field without a word of its own (from a later version)


def event_summary(event: R.Event) -> str:
    """What one change did, as `rectify show` and the window's history say it: the parts of a change joined
    by "；", each a declared message (the window says each in English)."""
    if event.action == "created":
        return LISTED()
    if event.action == "removed":
        return REMOVED()
    parts = []
    if event.action == "status":
        if "status" in event.fields:
            parts.append(STATUS_CHANGED(event.fields.get("old_status", ""), event.fields["status"]))
        if "response" in event.fields:
            parts.append(RESPONSE_WRITTEN())
        for code, points in (event.fields.get("recheck_points") or {}).items():
            parts.append(RECHECK_SCORE(code, points))
    elif event.action == "edited":
        parts = [EDITED[k]() if k in EDITED else FIELD_EDITED(k) for k in event.fields]
    elif event.action == "evidence":
        parts.append(EVIDENCE_ADDED("、".join(f.get("name", "") for f in event.fields.get("files", []))))
    return "；".join(parts)
