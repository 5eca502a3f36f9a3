"""Rectification items (整改事项): each 存在问题 the panel found, followed to its 复查 and into next year.

An item names the indicator(s) and school(s) it concerns, its area (分门别类, 003: by default the
indicator's 一级指标, overridable), its deadline and the unit and person responsible. Its status is one of
STATUSES; every change is an event (who, when, why) in an append-only table, and the item's row is the
fold of its events, so the same events arriving in a bundle from another laptop give the same row
(`import_item`). An item belongs to the plan whose panel found it; a 复查 package and next year's plan
carry it by a link (`link`), so each shows it on its indicator pages and in its reports.
"""
from __future__ import annotations

import datetime as _dt
import json
import os
from dataclasses import dataclass, field
from datetime import datetime

from inspector_app.store.db import Store, StoreError
from inspector_app.store.text import text_problem
from inspector_app.said import Said

SCHOOL_NOT_IN_GROUP = Said('学校 “{0}” 不在考核计划中的 {1}：{2}',
                            'School “{0}” is not in {1} in this inspection: {2}')
NO_ITEM_NUMBERED = Said('没有编号为 “{0}” 的整改事项（用 inspector rectify list 查看编号）',
                         'No rectification item numbered “{0}” (see the numbers with inspector rectify list)')
ITEM_NUMBER_AMBIGUOUS = Said('编号 “{0}” 对应多个整改事项，请写全编号',
                              'Number “{0}” matches several rectification items; write the whole number')

STATE_RECTIFICATION_ITEM_CAN = Said('状态 “{0}” 不是整改事项的状态；只能是 {1} 之一',
                                     '"{0}" is not a state of a rectification item: it can only be one of {1}')
MUST_NOT_BE_EMPTY = Said('{0}不能为空',
                          '{0} may not be empty')
TOO_LONG_CHARACTERS_MOST = Said('{0}过长（{1} 字，最多 {2} 字）',
                                 '{0} is too long ({1} characters, at most {2})')
DEADLINE_BEFORE_VISIT_DATE = Said('整改时限 {0} 早于考核日期 {1}（{2}）；整改时限应在考核之后',
                                   'The deadline {0} is before the visit date {1} ({2}); a deadline must come after the visit')
RECTIFICATION_ITEM_HAS_BEEN = Said('整改事项 {0} 已删去，不能再改',
                                    'Rectification item {0} has been removed and cannot be changed')
INDICATOR_RUBRIC_INSPECTION = Said('指标 {0} 不在考核计划“{1}”的指标体系中（{2}）',
                                    'Indicator {0} is not in the rubric of inspection “{1}” ({2})')
INDICATOR_DOES_APPLY = Said('指标 {0} 不适用于 {1}（{2}）',
                             'Indicator {0} does not apply to {1} ({2})')
DATE_LIKE_2024_12 = Said('{0}应写成 2024-12-31 这样的日期，而不是 “{1}”',
                          '{0} must be a date such as 2024-12-31, not “{1}”')

STATUSES = ("未整改", "整改中", "已整改", "复查通过", "复查未通过")
NOT_FIXED, IN_PROGRESS, FIXED, PASSED, REJECTED = STATUSES
ACTIONS = ("created", "edited", "status", "evidence", "removed")
EDITABLE = ("text", "indicators", "schools", "area", "deadline", "unit", "person")
MAX_TEXT = 20_000
WHOLE_GROUP = "全集团"


class RectifyError(StoreError):
    """Input refused; the message names the field and what is allowed. Nothing was changed."""


@dataclass(frozen=True)
class Actor:
    """Who makes a change here: a name people read, the expert id in the plan (if any) and this laptop's key."""
    name: str
    expert_id: str = ""
    key_id: str = ""


@dataclass(frozen=True)
class Evidence:
    sha256: str
    name: str
    mime: str
    size: int
    stored: str  # relative to the store's evidence folder (Store.photos_dir)
    added_by: str
    added_on: str


@dataclass(frozen=True)
class Event:
    eid: str
    uid: str
    at: str
    n: int
    on_date: str
    actor: str
    expert_id: str
    key_id: str
    action: str
    fields: dict
    reason: str
    plan_id: str

    def to_json(self) -> dict:
        return {"eid": self.eid, "at": self.at, "n": self.n, "on": self.on_date, "actor": self.actor,
                "expert": self.expert_id, "key_id": self.key_id, "action": self.action, "fields": self.fields,
                "reason": self.reason, "plan": self.plan_id}


@dataclass(frozen=True)
class Draft:
    """What the lead or the bureau writes for a new item."""
    text: str
    indicators: tuple[str, ...] = ()
    schools: tuple[str, ...] = ()
    deadline: str = ""
    unit: str = ""
    person: str = ""
    area: str = ""  # empty: the indicator's 一级指标


@dataclass(frozen=True)
class Item:
    uid: str
    plan_id: str
    group_id: str
    position: int
    text: str
    indicators: tuple[str, ...]
    schools: tuple[str, ...]
    area: str  # the override; see area_for
    deadline: str
    unit: str
    person: str
    status: str
    response: str  # 整改情况, as last reported
    fixed_on: str  # when reported fixed (已整改), kept while it stays fixed
    closed_on: str  # when 复查通过
    recheck_points: dict = field(default_factory=dict)  # indicator -> the 复查 panel's score (rescoring rule)
    removed: bool = False
    created_by: str = ""
    created_at: str = ""
    evidence: tuple[Evidence, ...] = ()

    @property
    def is_open(self) -> bool:
        return self.status != PASSED and not self.removed

    def area_for(self, rubric) -> str:
        """分门别类: the area written on the item, else the 一级指标 of its first indicator."""
        if self.area:
            return self.area
        for code in self.indicators:
            if rubric is not None and rubric.has_indicator(code):
                return rubric.area(rubric.indicator(code).area_code).title
        return "综合"

    def overdue(self, as_of: str) -> bool:
        """Past its deadline without being reported fixed by then (a fix reported late counts as overdue too)."""
        if not self.deadline or self.removed:
            return False
        done = self.fixed_on if self.status in (FIXED, PASSED) else ""
        return (done or as_of) > self.deadline

    def closed_on_time(self) -> bool:
        return self.status == PASSED and (not self.deadline or (self.fixed_on or self.closed_on) <= self.deadline)

    def short(self) -> str:
        return f"{self.uid}（{'、'.join(self.indicators) or '—'}）{shortened(self.text)}"


_OPENING, _CLOSING = "（(", "）)"


def shortened(text: str, limit: int = 30, slack: int = 15) -> str:
    """The first `limit` characters of `text`, never ending inside a bracket: a bracket left open by the cut is kept
    whole when it closes within `slack` more characters, else the text is cut before it."""
    if len(text) <= limit:
        return text
    cut, depth, first = text[:limit], 0, None
    for i, ch in enumerate(cut):
        if ch in _OPENING:
            first = i if depth == 0 else first
            depth += 1
        elif ch in _CLOSING and depth:
            depth -= 1
    if depth == 0:
        return cut
    depth = 0
    for j in range(first, min(len(text), limit + slack)):
        depth += (text[j] in _OPENING) - (text[j] in _CLOSING and depth > 0)
        if depth == 0:
            return text[:j + 1]
    return text[:first].rstrip()


def bureau_actor(plan, key_id: str = "", by: str | None = None) -> Actor:
    """The bureau recording: the plan's issuing body by name (or who is named), with this laptop's key."""
    return Actor(by or plan.publication.issuing_body or "教育局", "", key_id)


# --------------------------------------------------------------------------- checks


def status_word(value: str) -> str:
    """The status as given on the command line or in a file; RectifyError naming the allowed words."""
    value = (value or "").strip()
    if value not in STATUSES:
        raise RectifyError(STATE_RECTIFICATION_ITEM_CAN(value, ' / '.join(STATUSES)))
    return value


def check_date(value: str, what: str) -> str:
    value = (value or "").strip()
    if value:
        try:
            _dt.date.fromisoformat(value)
        except ValueError:
            raise RectifyError(DATE_LIKE_2024_12(what, value)) from None
    return value


def _check_text(value: str, what: str, limit: int = MAX_TEXT, *, nonempty: bool = False) -> str:
    value = (value or "").strip()
    problem = text_problem(value)
    if problem:
        raise RectifyError(f"{what}{problem}")
    if nonempty and not value:
        raise RectifyError(MUST_NOT_BE_EMPTY(what))
    if len(value) > limit:
        raise RectifyError(TOO_LONG_CHARACTERS_MOST(what, len(value), limit))
    return value


def visit_date(store: Store, plan_id: str, group_id: str) -> str:
    from inspector_app.store.finalisation import latest
    final = latest(store, plan_id, group_id)
    return final.visit_date if final else ""


def check_draft(store: Store, plan, rubric, group, draft: Draft) -> Draft:
    """A new item's fields, each checked against the plan: its indicators in the plan's rubric (and for the
    group's type), its schools in the group, its deadline a date not before the visit."""
    text = _check_text(draft.text, "整改事项的内容", nonempty=True)
    codes = []
    for code in draft.indicators:
        code = (code or "").strip().upper()
        if not code:
            continue
        if not rubric.has_indicator(code):
            raise RectifyError(INDICATOR_RUBRIC_INSPECTION(code, plan.title, rubric.title))
        if not rubric.indicator(code).applies_to(group.group_type):
            raise RectifyError(INDICATOR_DOES_APPLY(code, group.name, group.group_type))
        if code not in codes:
            codes.append(code)
    schools = []
    for key in draft.schools:
        key = (key or "").strip()
        if not key or key == WHOLE_GROUP:
            continue
        hits = [s for s in group.schools if key in (s.id, s.name, s.short_name)] or \
               [s for s in group.schools if key in s.name]
        if len(hits) != 1:
            raise RectifyError(SCHOOL_NOT_IN_GROUP(key, group.name, "、".join(s.name for s in group.schools)))
        if hits[0].id not in schools:
            schools.append(hits[0].id)
    deadline = check_date(draft.deadline, "整改时限")
    if not deadline:
        deadline = plan.publication.rectification_due
    visited = visit_date(store, plan.id, group.id)
    if deadline and visited and deadline < visited:
        raise RectifyError(DEADLINE_BEFORE_VISIT_DATE(deadline, visited, group.name))
    return Draft(text, tuple(codes), tuple(schools), deadline, _check_text(draft.unit, "责任单位", 500),
                 _check_text(draft.person, "责任人", 200), _check_text(draft.area, "问题类别", 100))


# --------------------------------------------------------------------------- reading


def _evidence_of(events: list[Event]) -> tuple[Evidence, ...]:
    seen, out = set(), []
    for ev in events:
        if ev.action == "evidence":
            for f in ev.fields.get("files", []):
                if f["sha256"] not in seen:
                    seen.add(f["sha256"])
                    out.append(Evidence(f["sha256"], f.get("name", ""), f.get("mime", ""), int(f.get("size", 0)),
                                        f.get("stored", ""), ev.actor, ev.on_date or ev.at[:10]))
    return tuple(out)


def _item(row, events: list[Event] | None = None) -> Item:
    return Item(row[0], row[1], row[2], row[3], row[4], tuple(json.loads(row[5])), tuple(json.loads(row[6])), row[7],
                row[8], row[9], row[10], row[11], row[12], row[13], row[14], json.loads(row[15]), bool(row[16]),
                row[17], row[18], _evidence_of(events or []))


_COLS = ("uid, plan_id, group_id, position, text, indicators, schools, area, deadline, unit, person, status, response,"
         " fixed_on, closed_on, recheck_points, removed, created_by, created_at")


def events(store: Store, uid: str) -> list[Event]:
    return [Event(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], json.loads(r[9]), r[10], r[11])
            for r in store.conn.execute(
                "SELECT eid, uid, at, n, on_date, actor, expert_id, key_id, action, fields, reason, plan_id"
                " FROM rectification_events WHERE uid = ? ORDER BY at, n, eid", (uid,))]


def items(store: Store, plan_id: str, group_id: str | None = None, *, include_removed: bool = False,
          own_only: bool = False) -> list[Item]:
    """The items a plan shows: those its panel found and (unless own_only) those a link carries into it."""
    where = "(plan_id = ?" + ("" if own_only else " OR uid IN (SELECT uid FROM rectification_links WHERE plan_id = ?)")
    args: list = [plan_id] if own_only else [plan_id, plan_id]
    where += ")"
    if group_id is not None:
        where += " AND group_id = ?"
        args.append(group_id)
    if not include_removed:
        where += " AND removed = 0"
    rows = store.conn.execute(f"SELECT {_COLS} FROM rectification_items WHERE {where}"
                              " ORDER BY group_id, plan_id, position, created_at", args).fetchall()
    return [_item(r, events(store, r[0])) for r in rows]


def get_item(store: Store, key: str) -> Item:
    """An item by its id, or by a prefix of it that names one item."""
    key = (key or "").strip().lower()
    rows = store.conn.execute(f"SELECT {_COLS} FROM rectification_items WHERE uid = ? OR"
                              " (length(?) >= 3 AND uid LIKE ? || '%')", (key, key, key)).fetchall()
    exact = [r for r in rows if r[0] == key]
    rows = exact or rows
    if len(rows) != 1:
        raise RectifyError(NO_ITEM_NUMBERED(key) if not rows else ITEM_NUMBER_AMBIGUOUS(key))
    return _item(rows[0], events(store, rows[0][0]))


def link(store: Store, plan_id: str, uid: str, role: str) -> None:
    """Must be called inside a transaction."""
    store.conn.execute("INSERT OR IGNORE INTO rectification_links (plan_id, uid, role) VALUES (?, ?, ?)",
                       (plan_id, uid, role))


def links(store: Store, plan_id: str) -> dict[str, str]:
    return dict(store.conn.execute("SELECT uid, role FROM rectification_links WHERE plan_id = ?", (plan_id,)))


def carried_items(store: Store, plan_id: str, group_id: str, code: str | None = None) -> list[Item]:
    """Items from an earlier year carried into this plan (for an indicator page when `code` is given)."""
    carried = {u for u, role in links(store, plan_id).items() if role == "carried"}
    return [i for i in items(store, plan_id, group_id) if i.uid in carried and (code is None or code in i.indicators)]


# --------------------------------------------------------------------------- writing


def _new_id(n: int = 4) -> str:
    return os.urandom(n).hex()


def _stamp() -> str:
    return datetime.now().astimezone().isoformat(timespec="microseconds")


def _append(store: Store, uid: str, actor: Actor, action: str, fields: dict, reason: str, plan_id: str,
            on_date: str = "") -> None:
    n = store.conn.execute("SELECT count(*) FROM rectification_events WHERE uid = ?", (uid,)).fetchone()[0]
    store.conn.execute(
        "INSERT INTO rectification_events (eid, uid, at, n, on_date, actor, expert_id, key_id, action, fields,"
        " reason, plan_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (_new_id(8), uid, _stamp(), n, on_date, actor.name, actor.expert_id, actor.key_id, action,
         json.dumps(fields, ensure_ascii=False, sort_keys=True), reason, plan_id))


def refold(store: Store, uid: str) -> None:
    """The item's row from its events, in their order (must be called inside a transaction)."""
    state: dict = {"plan_id": "", "group_id": "", "position": 0, "text": "", "indicators": [], "schools": [],
                   "area": "", "deadline": "", "unit": "", "person": "", "status": NOT_FIXED, "response": "",
                   "fixed_on": "", "closed_on": "", "recheck_points": {}, "removed": 0, "created_by": "",
                   "created_at": "", "updated_at": ""}
    evs = events(store, uid)
    for ev in evs:
        f = ev.fields
        day = ev.on_date or ev.at[:10]
        if ev.action == "created":
            state.update({k: f[k] for k in EDITABLE if k in f})
            state.update(plan_id=f.get("plan", ev.plan_id), group_id=f.get("group", ""),
                         position=int(f.get("position", 0)), created_by=ev.actor, created_at=ev.at)
        elif ev.action == "edited":
            state.update({k: f[k] for k in EDITABLE if k in f})
        elif ev.action == "status":
            status = f.get("status", state["status"])
            if status in STATUSES:
                state["status"] = status
                if status == FIXED:
                    state["fixed_on"] = day
                elif status in (NOT_FIXED, IN_PROGRESS, REJECTED):
                    state["fixed_on"] = ""
                state["closed_on"] = day if status == PASSED else ""
            if "response" in f:
                state["response"] = f["response"]
            if "recheck_points" in f:
                state["recheck_points"] = dict(state["recheck_points"], **f["recheck_points"])
        elif ev.action == "removed":
            state["removed"] = 1
        state["updated_at"] = ev.at
    if not state["plan_id"]:
        return  # its creation has not arrived (cannot happen with whole bundles)
    values = [state[k] for k in ("plan_id", "group_id", "position", "text")] + [
        json.dumps(list(state["indicators"]), ensure_ascii=False), json.dumps(list(state["schools"]), ensure_ascii=False)
    ] + [state[k] for k in ("area", "deadline", "unit", "person", "status", "response", "fixed_on", "closed_on")] + [
        json.dumps(state["recheck_points"], ensure_ascii=False, sort_keys=True), state["removed"],
        state["created_by"], state["created_at"], state["updated_at"]]
    store.conn.execute(
        "INSERT INTO rectification_items (uid, plan_id, group_id, position, text, indicators, schools, area, deadline,"
        " unit, person, status, response, fixed_on, closed_on, recheck_points, removed, created_by, created_at,"
        " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uid) DO UPDATE SET"
        " plan_id = excluded.plan_id, group_id = excluded.group_id, position = excluded.position,"
        " text = excluded.text, indicators = excluded.indicators, schools = excluded.schools, area = excluded.area,"
        " deadline = excluded.deadline, unit = excluded.unit, person = excluded.person, status = excluded.status,"
        " response = excluded.response, fixed_on = excluded.fixed_on, closed_on = excluded.closed_on,"
        " recheck_points = excluded.recheck_points, removed = excluded.removed, created_by = excluded.created_by,"
        " created_at = excluded.created_at, updated_at = excluded.updated_at", [uid] + values)


def add_item(store: Store, plan, rubric, group, draft: Draft, actor: Actor, reason: str = "") -> Item:
    clean = check_draft(store, plan, rubric, group, draft)
    uid = _new_id()
    while store.conn.execute("SELECT 1 FROM rectification_items WHERE uid = ?", (uid,)).fetchone():
        uid = _new_id()
    position = store.conn.execute("SELECT count(*) FROM rectification_items WHERE plan_id = ? AND group_id = ?",
                                  (plan.id, group.id)).fetchone()[0]
    fields = {"plan": plan.id, "group": group.id, "position": position, "text": clean.text,
              "indicators": list(clean.indicators), "schools": list(clean.schools), "area": clean.area,
              "deadline": clean.deadline, "unit": clean.unit, "person": clean.person}
    with store.tx():
        _append(store, uid, actor, "created", fields, _check_text(reason, "理由", 2000), plan.id)
        refold(store, uid)
    return get_item(store, uid)


def edit_item(store: Store, plan, rubric, group, item: Item, changes: dict, actor: Actor, reason: str) -> Item:
    """Change an item's fields (text, indicators, schools, area, deadline, unit, person), with a reason."""
    reason = _check_text(reason, "修改理由", 2000, nonempty=True)
    merged = {k: getattr(item, k) for k in EDITABLE}
    merged.update({k: v for k, v in changes.items() if v is not None})
    clean = check_draft(store, plan, rubric, group, Draft(**merged))
    fields = {k: (list(getattr(clean, k)) if k in ("indicators", "schools") else getattr(clean, k))
              for k in EDITABLE if changes.get(k) is not None and getattr(clean, k) != getattr(item, k)}
    if not fields:
        return item
    with store.tx():
        _append(store, item.uid, actor, "edited", fields, reason, plan.id)
        refold(store, item.uid)
    return get_item(store, item.uid)


def set_status(store: Store, item: Item, status: str | None, actor: Actor, reason: str, *, plan_id: str = "",
               response: str | None = None, on_date: str = "", evidence: tuple[dict, ...] = (),
               recheck_points: dict | None = None) -> Item:
    """The unit's response or a 复查 verdict: a status among STATUSES, 整改情况 text and evidence files
    (already stored by hash: see rectify_files), each change with who, when and why."""
    if item.removed:
        raise RectifyError(RECTIFICATION_ITEM_HAS_BEEN(item.uid))
    new = status_word(status) if status is not None else None
    reason = _check_text(reason, "理由", 2000, nonempty=True)
    on_date = check_date(on_date, "日期（--on）")
    fields: dict = {}
    if new is not None and new != item.status:
        fields["status"] = new
    if response is not None and _check_text(response, "整改情况") != item.response:
        fields["response"] = _check_text(response, "整改情况")
    if recheck_points:
        fields["recheck_points"] = recheck_points
    known = {e.sha256 for e in item.evidence}
    files = [f for f in evidence if f["sha256"] not in known]
    if not fields and not files:
        return item
    with store.tx():
        if fields:
            _append(store, item.uid, actor, "status", dict(fields, old_status=item.status), reason,
                    plan_id or item.plan_id, on_date)
        if files:
            _append(store, item.uid, actor, "evidence", {"files": list(files)}, reason, plan_id or item.plan_id,
                    on_date)
        refold(store, item.uid)
    return get_item(store, item.uid)


def remove_item(store: Store, item: Item, actor: Actor, reason: str) -> Item:
    reason = _check_text(reason, "删去理由", 2000, nonempty=True)
    if item.removed:
        return item
    with store.tx():
        _append(store, item.uid, actor, "removed", {}, reason, item.plan_id)
        refold(store, item.uid)
    return get_item(store, item.uid)
