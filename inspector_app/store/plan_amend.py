"""Correcting a plan after it went out (修订): the roster brought in line with a corrected spec.

The bureau amends its plan and sends the next plan package; a laptop that already has scores applies
the same amendment. Nothing typed is touched: a school or expert that anything was recorded for may
not be removed, and the whole amendment is one transaction, so a refusal changes nothing.
"""
from __future__ import annotations

import json

from inspector_app.numbers import parse_decimal, stored_points
from inspector_app.rubric.model import Rubric
from inspector_app.store.db import Store, StoreError
from inspector_app.store.history import record
from inspector_app.store.plans import Plan, PlanSpec, _write_publication, get_plan, validate_spec
from inspector_app.said import Said

AMENDED_PLAN_HAS_ERRORS = Said('修订后的考核计划有误：{0}',
                                'The amended inspection plan has errors: {0}')

AMENDMENT_ADD_REMOVE_GROUPS = Said('修订不能增减集团（增减集团请新建考核计划）',
                                    'An amendment cannot add or remove groups (create a new inspection for that)')
AMENDMENT_REMOVES_SCHOOL_BUT = Said('修订要删去学校“{0}”，但本机已为它录入 {1}；删去会使这些记录失去归属，未修订',
                                     'The amendment removes school "{0}", but this computer has entered {1} for it; removing it would leave them belonging nowhere: not amended')
AMENDMENT_REMOVES_EXPERT_BUT = Said('修订要删去专家“{0}”，但本机已有其 {1}；删去会使这些记录失去归属，未修订',
                                     'The amendment removes expert "{0}", but this computer holds their {1}; removing them would leave it belonging nowhere: not amended')

REVISION_KEY = "plan_revision:{}"

# What a removed school or expert would leave without an owner, and how it is named to the user.
_SCHOOL_DATA = (("entries", "项评分"), ("photos", "张照片"), ("consensus", "项组长定分"))
_EXPERT_DATA = (("entries", "项评分"), ("photos", "张照片"), ("vetoes", "项一票否决判断"))


class AmendError(StoreError):
    """An amendment that would orphan what someone recorded, or that no amendment may make."""


def revision(store: Store, plan_id: str) -> int:
    """The number of the newest plan package applied here (the package's sequence), 0 if none was."""
    value = store.setting(REVISION_KEY.format(plan_id))
    return int(value) if value and value.isdigit() else 0


def set_revision(store: Store, plan_id: str, number: int) -> None:
    store.set_setting(REVISION_KEY.format(plan_id), str(number))


def _count(store: Store, table: str, column: str, plan_id: str, value: str) -> int:
    return store.conn.execute(f"SELECT COUNT(*) FROM {table} WHERE plan_id = ? AND {column} = ?",
                              (plan_id, value)).fetchone()[0]


def _orphans(store: Store, plan_id: str, column: str, value: str, tables) -> str:
    found = [f"{n} {label}" for table, label in tables if (n := _count(store, table, column, plan_id, value))]
    return "、".join(found)


def amend_plan(store: Store, plan: Plan, rubric: Rubric, spec: PlanSpec, *, actor: str, reason: str,
               changes: list[str], revision_number: int | None = None) -> Plan:
    """Make the stored plan equal `spec` (same groups; schools, experts, self-scores, division of work,
    baselines, prior results and plan fields may change); `changes` are the differences in words."""
    problems = validate_spec(spec, rubric)
    if problems:
        raise AmendError(AMENDED_PLAN_HAS_ERRORS("；".join(problems)))
    c, pid = store.conn, plan.id
    old_groups = {r[0] for r in c.execute("SELECT id FROM groups WHERE plan_id = ?", (pid,))}
    new_groups = {g.id for g in spec.groups}
    if old_groups != new_groups:
        raise AmendError(AMENDMENT_ADD_REMOVE_GROUPS())
    new_schools = {s.id for g in spec.groups for s in g.schools}
    for (sid, name) in c.execute("SELECT id, name FROM schools WHERE plan_id = ?", (pid,)).fetchall():
        if sid not in new_schools and (left := _orphans(store, pid, "school_id", sid, _SCHOOL_DATA)):
            raise AmendError(AMENDMENT_REMOVES_SCHOOL_BUT(name, left))
    new_experts = {e.id for e in spec.experts}
    for (eid, name) in c.execute("SELECT id, name FROM experts WHERE plan_id = ?", (pid,)).fetchall():
        if eid not in new_experts and (left := _orphans(store, pid, "expert_id", eid, _EXPERT_DATA)):
            raise AmendError(AMENDMENT_REMOVES_EXPERT_BUT(name, left))
    with store.tx():
        c.execute("UPDATE plans SET title = ?, school_year = ?, stage = ?, consensus = ?, spread_limit = ?"
                  " WHERE id = ?", (spec.title, spec.school_year, spec.stage, spec.consensus,
                                    str(spec.spread_limit), pid))
        if spec.publication is not None:
            _write_publication(store, pid, spec.publication)
        for gi, g in enumerate(spec.groups):
            c.execute("UPDATE groups SET name = ?, group_type = ?, position = ? WHERE plan_id = ? AND id = ?",
                      (g.name, g.group_type, gi, pid, g.id))
            keep = [s.id for s in g.schools]
            c.execute(f"DELETE FROM schools WHERE plan_id = ? AND group_id = ? AND id NOT IN "
                      f"({','.join('?' * len(keep))})", (pid, g.id, *keep))
            for si, s in enumerate(g.schools):
                c.execute("INSERT INTO schools (id, plan_id, group_id, name, role, kind, head_role, position, short_name)"
                          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (plan_id, id) DO UPDATE SET"
                          " name = excluded.name, role = excluded.role, kind = excluded.kind,"
                          " head_role = excluded.head_role, position = excluded.position,"
                          " short_name = excluded.short_name",
                          (s.id, pid, g.id, s.name, s.role, s.kind, s.head_role, si, s.short_name))
            c.execute("DELETE FROM self_scores WHERE plan_id = ? AND group_id = ?", (pid, g.id))
            rows = [("", code, v) for code, v in g.self_scores.items()] + [
                (school, code, v) for (school, code), v in g.school_self_scores.items()]
            for school_id, code, value in rows:
                c.execute("INSERT INTO self_scores (plan_id, group_id, school_id, indicator, points)"
                          " VALUES (?, ?, ?, ?, ?)", (pid, g.id, school_id, code, stored_points(parse_decimal(value))))
            c.execute("DELETE FROM baselines WHERE plan_id = ? AND group_id = ?", (pid, g.id))
            for code, values in g.baselines.items():
                years = {h.key: h.year for h in rubric.indicator(code).history}
                for key, value in values.items():
                    c.execute("INSERT INTO baselines (plan_id, group_id, indicator, key, year, value)"
                              " VALUES (?, ?, ?, ?, ?, ?)", (pid, g.id, code, key, years.get(key, ""), str(value)))
            c.execute("DELETE FROM prior_results WHERE plan_id = ? AND group_id = ?", (pid, g.id))
            for ly in ([g.last_year] if g.last_year else []) + list(g.prior_results):
                c.execute("INSERT OR REPLACE INTO prior_results (plan_id, group_id, year, total, grade, rank, areas)"
                          " VALUES (?, ?, ?, ?, ?, ?, ?)",
                          (pid, g.id, str(ly.get("year", "")), None if ly.get("total") is None else str(ly["total"]),
                           ly.get("grade"), ly.get("rank"),
                           json.dumps({k: str(v) for k, v in (ly.get("areas") or {}).items()}, ensure_ascii=False)))
        keep = [e.id for e in spec.experts]
        c.execute(f"DELETE FROM experts WHERE plan_id = ? AND id NOT IN ({','.join('?' * len(keep))})", (pid, *keep))
        c.execute("DELETE FROM assignments WHERE plan_id = ?", (pid,))
        for e in spec.experts:
            c.execute("INSERT INTO experts (id, plan_id, name, role, key_id, public_key, fingerprint)"
                      " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (plan_id, id) DO UPDATE SET name = excluded.name,"
                      " role = excluded.role, key_id = COALESCE(excluded.key_id, experts.key_id),"
                      " public_key = COALESCE(excluded.public_key, experts.public_key),"
                      " fingerprint = COALESCE(excluded.fingerprint, experts.fingerprint)",
                      (e.id, pid, e.name, e.role, e.key_id, e.public_key, e.fingerprint))
            for gid, sid, code in e.assignments or [("*", "*", "*")]:
                c.execute("INSERT OR IGNORE INTO assignments (plan_id, expert_id, group_id, school_id, indicator)"
                          " VALUES (?, ?, ?, ?, ?)", (pid, e.id, gid, sid, code))
        if revision_number is not None:  # inside this transaction: the roster and its revision change together
            c.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET"
                      " value = excluded.value", (REVISION_KEY.format(pid), str(revision_number)))
        record(store, actor, pid, "plan", {"plan": pid}, "amended", None, changes, reason)
    return get_plan(store, pid)
