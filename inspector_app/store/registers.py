"""A group's register of awards and projects: the list a panel holds, from which 004 C15–C19 and
C21–C23 are counted (see rubric/rules/register.py for how)."""
from __future__ import annotations

from dataclasses import dataclass

from inspector_app.rubric.model import Rubric
from inspector_app.rubric.rules.register import REGISTER, parse_items
from inspector_app.store.db import Store, now
from inspector_app.store.history import record
from inspector_app.store.plans import Group, Plan, list_plans, start_year
from inspector_app.said import Said

RUBRIC_HAS_INDICATOR = Said('指标体系中没有指标 {0}',
                             'The rubric has no indicator {0}')
INDICATOR_SCORED_AWARD_PROJECT = Said('指标 {0} 不按获奖/项目级别计分，没有登记表；可登记的指标: {1}',
                                       'Indicator {0} is not scored by award or project level and has no register; indicators with a register: {1}')
SCHOOL_GROUP = Said('学校 “{0}” 不在集团 {1} 中',
                     'School "{0}" is not in group {1}')
REGISTER_GROUP_HAS_ITEM = Said('集团 {0} 的登记表中没有第 {1} 项',
                                'The register of group {0} has no item {1}')
INDICATOR_SAYS = Said('指标 {0}: {1}',
                  'Indicator {0}: {1}')


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

    def as_input(self, school_name: str = "", *, year: str = "", source: str = "") -> dict:
        data = {"name": self.name, "level": self.level}
        if year or self.year:
            data["year"] = year or self.year
        if self.school_id or school_name:
            data["school"] = school_name or self.school_id
        if self.evidence:
            data["evidence"] = self.evidence
        if source:
            data["source"] = source
        return data


def _rule(rubric: Rubric, code: str):
    if not rubric.has_indicator(code):
        raise RegisterError(RUBRIC_HAS_INDICATOR(code))
    rule = rubric.indicator(code).rule
    if rule.type not in ("awards", "highest"):
        kinds = "、".join(i.code for i in rubric.indicators if i.rule.type in ("awards", "highest"))
        raise RegisterError(INDICATOR_SCORED_AWARD_PROJECT(code, kinds))
    return rule


def add_item(store: Store, plan: Plan, rubric: Rubric, group: Group, code: str, *, name: str, level: str,
             year: str = "", school_id: str = "", evidence: str = "", by: str = "") -> RegisterItem:
    rule = _rule(rubric, code)
    if school_id and school_id not in {s.id for s in group.schools}:
        raise RegisterError(SCHOOL_GROUP(school_id, group.name))
    try:
        [item] = parse_items([{"name": name, "level": level, "year": year, "evidence": evidence}], rule.level_names)
    except ValueError as exc:
        raise RegisterError(INDICATOR_SAYS(code, exc)) from exc
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
        raise RegisterError(REGISTER_GROUP_HAS_ITEM(group.name, item_id))
    with store.tx():
        store.conn.execute("DELETE FROM register_items WHERE id = ? AND plan_id = ? AND group_id = ?",
                           (item_id, plan.id, group.id))
        record(store, by, plan.id, "register", {"plan": plan.id, "group": group.id, "indicator": found[0].indicator,
                                                 "item": item_id}, "removed", found[0].as_input(), None, reason)
    return found[0]


def baseline_plans(store: Store, plan: Plan, year: str) -> list[Plan]:
    """The other plans of this data folder for the baseline year: those whose school year starts in it
    ("2021" → 2021—2022), newest first."""
    return [p for p in list_plans(store) if p.id != plan.id and year.isdigit()
            and start_year(p.school_year) == int(year)]


def baseline_items(store: Store, plan: Plan, group: Group, code: str, year: str) -> list[dict]:
    """The baseline year's register of `code` for this group (same group id), read from that year's plan in the
    same data folder; each item is dated the baseline year and says which plan it came from. Only the first
    (newest) plan that registers the group is read, so a year scored twice is not counted twice."""
    for past in baseline_plans(store, plan, year):
        if not store.conn.execute("SELECT 1 FROM groups WHERE plan_id = ? AND id = ?", (past.id, group.id)).fetchone():
            continue
        names = dict(store.conn.execute("SELECT id, name FROM schools WHERE plan_id = ? AND group_id = ?",
                                        (past.id, group.id)).fetchall())
        source = f"{past.school_year}学年考核计划“{past.title}”的登记表"
        return [x.as_input(names.get(x.school_id, ""), year=year, source=source)
                for x in items(store, past.id, group.id, code)]
    return []


def register_input(store: Store, plan: Plan, rubric: Rubric, group: Group, code: str) -> dict:
    """The entry inputs that score `code` from the group's register (the list travels in the entry).

    Where the rule counts the increase over a baseline year (004 C16–C19 "在2021年基础上有所增加"), the
    baseline year's register comes with it: from that year's plan in the same data folder, and any items
    of this register dated the baseline year (typed or imported here). The plan's history totals are
    shown beside the indicator but never subtracted: only a list can be de-duplicated level by level."""
    rule = _rule(rubric, code)
    names = {s.id: s.name for s in group.schools}
    listed = [x.as_input(names.get(x.school_id, "")) for x in items(store, plan.id, group.id, code)]
    year = getattr(rule, "baseline", "")
    if year:
        listed += baseline_items(store, plan, group, code, year)
    return {REGISTER: listed}


__all__ = ["REGISTER", "RegisterError", "RegisterItem", "add_item", "baseline_items", "baseline_plans", "items", "register_input",
           "remove_item"]
