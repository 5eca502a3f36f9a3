"""The panel's decisions in the store: every expert's score per place, the lead's decisions, withdrawals.

The rules that settle a place (the lead's decision, else the plan's mean or
median) are `scoring.panel`; this module gathers what they work on.
"""
from __future__ import annotations

import json
from decimal import Decimal

from inspector_app.said import Said
from inspector_app.numbers import NumberError, fmt_points, parse_decimal, stored_points
from inspector_app.rubric.model import Rubric
from inspector_app.scoring.engine import Scorer
from inspector_app.scoring.panel import PlaceScores
from inspector_app.scoring.panel import panel_scorer as settle
from inspector_app.store import entries as E
from inspector_app.store.db import Store, now
from inspector_app.store.history import record
from inspector_app.store.plans import Group, Plan
from inspector_app.store.experts import Expert, experts_of_group

KEY = ("plan_id", "group_id", "school_id", "indicator")  # the consensus table's primary key


OUT_OF_RANGE = Said("指标 {0} 的合议得分应在 0–{1} 之间", "the panel's points of indicator {0} should be within 0–{1}")
NEEDS_REASON = Said("指标 {0}：组长决定的分数须写明理由", "indicator {0}: the lead's decision needs a written reason")

class ConsensusError(ValueError):
    pass


def places(store: Store, plan: Plan, group: Group) -> list[PlaceScores]:
    found: dict[tuple[str, str], PlaceScores] = {}
    for expert_id, school_id, code, points, note, explanation, na, override in E.scored(store, plan.id, group.id):
        if points is None and not na:
            continue
        place = found.setdefault((school_id, code), PlaceScores(school_id, code, {}))
        if na:
            place.not_applicable[expert_id] = na
            continue
        place.scores[expert_id] = points
        if override:
            place.overrides[expert_id] = override
        place.notes[expert_id] = note
        place.explanations[expert_id] = explanation
    for school_id, code, points, method, reason in store.conn.execute(
            "SELECT school_id, indicator, points, method, reason FROM consensus WHERE plan_id = ? AND group_id = ?",
            (plan.id, group.id)):
        place = found.setdefault((school_id, code), PlaceScores(school_id, code, {}))
        place.decided, place.decided_method, place.decided_reason = Decimal(points), method, reason
    return sorted(found.values(), key=lambda p: (p.indicator, p.school_id))


def disagreements(store: Store, plan: Plan, group: Group) -> list[PlaceScores]:
    """Places scored differently by several experts, largest spread first."""
    return sorted((p for p in places(store, plan, group) if len(set(p.scores.values())) > 1),
                  key=lambda p: -p.spread)


def decide(store: Store, plan: Plan, rubric: Rubric, group: Group, school_id: str, code: str, points: object,
           reason: str, lead_id: str) -> None:
    """The lead settles a place with a written reason."""
    ind = E.check_place(rubric, group, school_id, code)
    try:
        value = parse_decimal(points, what=f"指标 {code} 的合议得分")
    except NumberError as exc:
        raise ConsensusError(str(exc)) from exc
    if not 0 <= value <= ind.points:
        raise ConsensusError(OUT_OF_RANGE(code, fmt_points(ind.points)))
    if not reason.strip():
        raise ConsensusError(NEEDS_REASON(code))
    sources = {p: fmt_points(v) for pl in places(store, plan, group)
               if pl.school_id == school_id and pl.indicator == code for p, v in pl.scores.items()}
    old = store.conn.execute("SELECT points FROM consensus WHERE plan_id = ? AND group_id = ? AND school_id = ?"
                             " AND indicator = ?", (plan.id, group.id, school_id, code)).fetchone()
    with store.tx() as db:
        db.table("consensus").upsert(
            {"plan_id": plan.id, "group_id": group.id, "school_id": school_id, "indicator": code,
             "points": fmt_points(value), "method": "lead", "reason": reason.strip(), "decided_by": lead_id,
             "decided_at": now(), "sources": json.dumps(sources, ensure_ascii=False, sort_keys=True)}, pk=KEY)
        record(store, lead_id, plan.id, "consensus", {"plan": plan.id, "group": group.id, "school": school_id,
                                                      "indicator": code},
               "points", old[0] if old else None, fmt_points(value), reason.strip())


def withdraw_decision(store: Store, plan: Plan, rubric: Rubric, group: Group, school_id: str, code: str,
                      reason: str, lead_id: str) -> bool:
    """The lead takes back a decision: the place is settled by the plan's rule again. False if none stood."""
    code = E.check_place(rubric, group, school_id, code).code
    key = (plan.id, group.id, school_id, code)
    old = store.conn.execute("SELECT points FROM consensus WHERE plan_id = ? AND group_id = ? AND school_id = ?"
                             " AND indicator = ? AND method = 'lead'", key).fetchone()
    if old is None:
        return False
    with store.tx():
        store.conn.execute("DELETE FROM consensus WHERE plan_id = ? AND group_id = ? AND school_id = ?"
                           " AND indicator = ? AND method = 'lead'", key)
        record(store, lead_id, plan.id, "consensus", {"plan": plan.id, "group": group.id, "school": school_id,
                                                      "indicator": code}, "points", old[0], None, reason.strip())
    return True


def replace_lead_decisions(store: Store, plan_id: str, group_id: str, lead_id: str,
                           decisions: list[tuple[str, str, Decimal, str, dict]], source: str = "") -> None:
    """Replace a group's lead decisions with a panel bundle's (school, indicator, points, reason, scores seen),
    inside the caller's transaction; each decision that changes gets a history row."""
    old = {(r[0], r[1]): r[2] for r in store.conn.execute(
        "SELECT school_id, indicator, points FROM consensus WHERE plan_id = ? AND group_id = ?", (plan_id, group_id))}
    store.conn.execute("DELETE FROM consensus WHERE plan_id = ? AND group_id = ?", (plan_id, group_id))
    for school_id, code, points, reason, scores in decisions:
        text = stored_points(points)
        store.db.table("consensus").insert(
            {"plan_id": plan_id, "group_id": group_id, "school_id": school_id, "indicator": code, "points": text,
             "method": "lead", "reason": reason, "decided_by": lead_id, "decided_at": now(),
             "sources": json.dumps(scores, ensure_ascii=False, sort_keys=True)})
        before = old.pop((school_id, code), None)
        if before is None or Decimal(before) != points:
            record(store, lead_id, plan_id, "consensus", {"plan": plan_id, "group": group_id, "school": school_id,
                                                          "indicator": code}, "merged", before, text, reason or source)
    for (school_id, code), before in sorted(old.items()):
        record(store, lead_id, plan_id, "consensus", {"plan": plan_id, "group": group_id, "school": school_id,
                                                      "indicator": code}, "cleared", before, None, source)


def decision_reasons(store: Store, plan_id: str, group_id: str) -> list[tuple[str, str, str]]:
    """The lead's written reasons: (school, indicator, reason) for every decision that has one."""
    return [tuple(r) for r in store.conn.execute(
        "SELECT school_id, indicator, reason FROM consensus WHERE plan_id = ? AND group_id = ? AND reason != ''",
        (plan_id, group_id))]


def withdraw_stale_decisions(store: Store, plan_id: str, group_id: str, expert_id: str) -> list[str]:
    """Withdraw the lead's decisions that one expert's scores no longer match (they changed since).

    Called inside the transaction that replaced the expert's entries; each withdrawal is in the
    history, and the place waits for a new decision (or falls back to the plan's rule).
    """
    decisions = store.conn.execute(
        "SELECT school_id, indicator, points, sources FROM consensus WHERE plan_id = ? AND group_id = ?"
        " AND method = 'lead' ORDER BY indicator, school_id", (plan_id, group_id)).fetchall()
    if not decisions:  # nothing to withdraw: the expert's scores are not read (most merges at the bureau)
        return []
    current = {(r[0], r[1]): Decimal(r[2]) for r in store.conn.execute(
        "SELECT school_id, indicator, points FROM entries WHERE plan_id = ? AND group_id = ? AND expert_id = ?"
        " AND points IS NOT NULL", (plan_id, group_id, expert_id))}
    withdrawn = []
    for school_id, code, points, sources in decisions:
        try:
            seen = json.loads(sources).get(expert_id)
            seen = None if seen is None else parse_decimal(seen)
        except (ValueError, AttributeError, TypeError):
            seen = None
        if seen == current.get((school_id, code)):
            continue
        store.conn.execute("DELETE FROM consensus WHERE plan_id = ? AND group_id = ? AND school_id = ? AND indicator = ?",
                           (plan_id, group_id, school_id, code))
        record(store, expert_id, plan_id, "consensus",
               {"plan": plan_id, "group": group_id, "school": school_id, "indicator": code},
               "withdrawn", points, None, "专家评分已改变，组长须重新决定")
        withdrawn.append(code)
    return withdrawn


class ExpertRoster:
    """Experts' names and the leads among them, made once for a caller that scores every group."""

    def __init__(self, experts: list[Expert]):
        self.names = {e.id: e.name for e in experts}
        self.leads = {e.id for e in experts if e.role == "lead"}


def panel_scorer(store: Store, plan: Plan, rubric: Rubric, group: Group,
                 plan_experts: "list[Expert] | ExpertRoster | None" = None) -> Scorer:
    """The group's score as the panel settles it (the rules: `scoring.panel`).

    A caller scoring every group passes the plan's experts read once, best as an `ExpertRoster` (made
    once too); otherwise only this group's are read (a merge recomputes one group per bundle: reading,
    or even walking, the whole plan's each time would be quadratic).
    """
    if plan_experts is None:
        plan_experts = experts_of_group(store, plan.id, group.id)
    roster = plan_experts if isinstance(plan_experts, ExpertRoster) else ExpertRoster(plan_experts)
    return settle(rubric, group.schools, group.group_type, places(store, plan, group), plan.consensus,
                  roster.names, E.vetoes(store, plan.id, group.id), roster.leads)
