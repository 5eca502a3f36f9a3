"""A group's register of awards and projects: the list a panel holds, from which 004 C15–C19 and
C21–C23 are counted (see rubric/rules/register.py for how)."""
from __future__ import annotations

from dataclasses import dataclass

from inspector_app.rubric.model import Rubric
from inspector_app.rubric.rules.register import REGISTER, parse_items
from inspector_app.store.db import Store, now
from inspector_app.store.history import record
from inspector_app.store.plans import Group, Plan


class RegisterError(ValueError):
    pass


@dataclass(frozen=True)
class RegisterItem:
    id: int
    indicator: str
    name: str
    level: str
    year: str
    school_id: str
    evidence: str

    def as_input(self, school_name: str = "") -> dict:
        data = {"name": self.name, "level": self.level}
        if self.year:
            data["year"] = self.year
        if self.school_id or school_name:
            data["school"] = school_name or self.school_id
        if self.evidence:
            data["evidence"] = self.evidence
        return data


def _rule(rubric: Rubric, code: str):
    if not rubric.has_indicator(code):
        raise RegisterError(f"指标体系中没有指标 {code}")
    rule = rubric.indicator(code).rule
    if rule.type not in ("awards", "highest"):
        kinds = "、".join(i.code for i in rubric.indicators if i.rule.type in ("awards", "highest"))
        raise RegisterError(f"指标 {code} 不按获奖/项目级别计分，没有登记表；可登记的指标: {kinds}")
    return rule


def add_item(store: Store, plan: Plan, rubric: Rubric, group: Group, code: str, *, name: str, level: str,
             year: str = "", school_id: str = "", evidence: str = "", by: str = "") -> RegisterItem:
    rule = _rule(rubric, code)
    if school_id and school_id not in {s.id for s in group.schools}:
        raise RegisterError(f"学校 “{school_id}” 不在集团 {group.name} 中")
    try:
        [item] = parse_items([{"name": name, "level": level, "year": year, "evidence": evidence}], rule.level_names)
    except ValueError as exc:
        raise RegisterError(f"指标 {code}: {exc}") from exc
    with store.tx() as db:
        table = db.table("register_items").insert(
            {"plan_id": plan.id, "group_id": group.id, "indicator": code, "name": item.name, "level": item.level,
             "year": item.year, "school_id": school_id, "evidence": item.evidence, "added_by": by, "added_at": now()})
        added = RegisterItem(table.last_rowid, code, item.name, item.level, item.year, school_id, item.evidence)
        record(store, by, plan.id, "register", {"plan": plan.id, "group": group.id, "indicator": code,
                                                 "item": added.id}, "added", None, added.as_input())
    return added


def items(store: Store, plan_id: str, group_id: str, code: str | None = None) -> list[RegisterItem]:
    sql = ("SELECT id, indicator, name, level, year, school_id, evidence FROM register_items"
           " WHERE plan_id = ? AND group_id = ?")
    args: list = [plan_id, group_id]
    if code:
        sql += " AND indicator = ?"
        args.append(code)
    return [RegisterItem(*row) for row in store.conn.execute(sql + " ORDER BY indicator, id", args)]


def remove_item(store: Store, plan: Plan, group: Group, item_id: int, by: str = "", reason: str = "") -> RegisterItem:
    found = [x for x in items(store, plan.id, group.id) if x.id == item_id]
    if not found:
        raise RegisterError(f"集团 {group.name} 的登记表中没有第 {item_id} 项")
    with store.tx():
        store.conn.execute("DELETE FROM register_items WHERE id = ? AND plan_id = ? AND group_id = ?",
                           (item_id, plan.id, group.id))
        record(store, by, plan.id, "register", {"plan": plan.id, "group": group.id, "indicator": found[0].indicator,
                                                 "item": item_id}, "removed", found[0].as_input(), None, reason)
    return found[0]


def register_input(store: Store, plan: Plan, rubric: Rubric, group: Group, code: str) -> dict:
    """The entry inputs that score `code` from the group's register (the list travels in the entry)."""
    _rule(rubric, code)
    names = {s.id: s.name for s in group.schools}
    return {REGISTER: [x.as_input(names.get(x.school_id, "")) for x in items(store, plan.id, group.id, code)]}


__all__ = ["RegisterError", "RegisterItem", "add_item", "items", "register_input", "remove_item"]
