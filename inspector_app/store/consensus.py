"""The panel's score where several experts scored the same indicator for the same school.

Each place (group-level indicator, or indicator × school) gets the panel's
points: an explicit decision by the lead when there is one, otherwise the
plan's rule (mean or median) over the experts' points. Every settled score
keeps who scored what.
"""
from __future__ import annotations

import json
import statistics
from dataclasses import dataclass, field
from decimal import Decimal

from inspector_app.numbers import NumberError, fmt_points, parse_decimal, stored_points
from inspector_app.rubric.model import Rubric
from inspector_app.scoring.engine import Scorer
from inspector_app.rubric.rules import OVERRIDE_REASON, Outcome, not_applicable_reason, q
from inspector_app.store import entries as E
from inspector_app.store.db import Store, now
from inspector_app.store.history import record
from inspector_app.store.plans import Expert, Group, Plan, experts, experts_of_group

METHODS = {"mean": "平均分", "median": "中位数", "lead": "组长决定", "single": "一位专家评分"}


class ConsensusError(ValueError):
    pass


@dataclass
class Place:
    """One indicator (for one school, or the group) with every expert's score."""
    school_id: str
    indicator: str
    scores: dict[str, Decimal]  # expert id -> points
    notes: dict[str, str] = field(default_factory=dict)
    explanations: dict[str, tuple[str, ...]] = field(default_factory=dict)
    decided: Decimal | None = None
    decided_reason: str = ""
    decided_method: str = ""
    overrides: dict[str, str] = field(default_factory=dict)  # expert id -> reason, where an expert overrode the rule
    not_applicable: dict[str, str] = field(default_factory=dict)  # expert id -> why the indicator does not apply

    @property
    def spread(self) -> Decimal:
        return max(self.scores.values()) - min(self.scores.values()) if self.scores else Decimal(0)


def places(store: Store, plan: Plan, group: Group) -> list[Place]:
    found: dict[tuple[str, str], Place] = {}
    for expert_id, school_id, code, points, note, explanation, inputs in E.scored(store, plan.id, group.id):
        na = not_applicable_reason(inputs)
        if points is None and not na:
            continue
        place = found.setdefault((school_id, code), Place(school_id, code, {}))
        if na:
            place.not_applicable[expert_id] = na
            continue
        place.scores[expert_id] = points
        if inputs.get(OVERRIDE_REASON):
            place.overrides[expert_id] = str(inputs[OVERRIDE_REASON])
        place.notes[expert_id] = note
        place.explanations[expert_id] = explanation
    for school_id, code, points, method, reason in store.conn.execute(
            "SELECT school_id, indicator, points, method, reason FROM consensus WHERE plan_id = ? AND group_id = ?",
            (plan.id, group.id)):
        place = found.setdefault((school_id, code), Place(school_id, code, {}))
        place.decided, place.decided_method, place.decided_reason = Decimal(points), method, reason
    return sorted(found.values(), key=lambda p: (p.indicator, p.school_id))


def settled_points(place: Place, rule: str) -> tuple[Decimal | None, str]:
    """The panel's points for a place and how they were reached."""
    if place.decided is not None:
        return place.decided, place.decided_method
    values = list(place.scores.values())
    if not values:
        return None, ""
    if len(set(values)) == 1:
        return values[0], "single" if len(values) == 1 else "mean"
    if rule == "median":
        return q(Decimal(statistics.median(values))), "median"
    if rule == "lead":
        return None, "lead"  # waits for the lead's decision
    return q(sum(values, Decimal(0)) / len(values)), "mean"


def disagreements(store: Store, plan: Plan, group: Group) -> list[Place]:
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
        raise ConsensusError(f"指标 {code} 的合议得分应在 0–{fmt_points(ind.points)} 之间")
    if not reason.strip():
        raise ConsensusError(f"指标 {code}：组长决定的分数须写明理由")
    sources = {p: fmt_points(v) for pl in places(store, plan, group)
               if pl.school_id == school_id and pl.indicator == code for p, v in pl.scores.items()}
    old = store.conn.execute("SELECT points FROM consensus WHERE plan_id = ? AND group_id = ? AND school_id = ?"
                             " AND indicator = ?", (plan.id, group.id, school_id, code)).fetchone()
    with store.tx():
        store.conn.execute(
            "INSERT INTO consensus (plan_id, group_id, school_id, indicator, points, method, reason, decided_by,"
            " decided_at, sources) VALUES (?, ?, ?, ?, ?, 'lead', ?, ?, ?, ?)"
            " ON CONFLICT (plan_id, group_id, school_id, indicator) DO UPDATE SET points = excluded.points,"
            " method = excluded.method, reason = excluded.reason, decided_by = excluded.decided_by,"
            " decided_at = excluded.decided_at, sources = excluded.sources",
            (plan.id, group.id, school_id, code, fmt_points(value), reason.strip(), lead_id, now(),
             json.dumps(sources, ensure_ascii=False, sort_keys=True)))
        record(store, lead_id, plan.id, "consensus", {"plan": plan.id, "group": group.id, "school": school_id,
                                                      "indicator": code},
               "points", old[0] if old else None, fmt_points(value), reason.strip())


def replace_lead_decisions(store: Store, plan_id: str, group_id: str, lead_id: str,
                           decisions: list[tuple[str, str, Decimal, str, dict]], source: str = "") -> None:
    """Replace a group's lead decisions with a panel bundle's (school, indicator, points, reason, scores seen),
    inside the caller's transaction; each decision that changes gets a history row."""
    old = {(r[0], r[1]): r[2] for r in store.conn.execute(
        "SELECT school_id, indicator, points FROM consensus WHERE plan_id = ? AND group_id = ?", (plan_id, group_id))}
    store.conn.execute("DELETE FROM consensus WHERE plan_id = ? AND group_id = ?", (plan_id, group_id))
    for school_id, code, points, reason, scores in decisions:
        text = stored_points(points)
        store.conn.execute(
            "INSERT INTO consensus (plan_id, group_id, school_id, indicator, points, method, reason, decided_by,"
            " decided_at, sources) VALUES (?, ?, ?, ?, ?, 'lead', ?, ?, ?, ?)",
            (plan_id, group_id, school_id, code, text, reason, lead_id, now(),
             json.dumps(scores, ensure_ascii=False, sort_keys=True)))
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
    current = {(r[0], r[1]): Decimal(r[2]) for r in store.conn.execute(
        "SELECT school_id, indicator, points FROM entries WHERE plan_id = ? AND group_id = ? AND expert_id = ?"
        " AND points IS NOT NULL", (plan_id, group_id, expert_id))}
    withdrawn = []
    for school_id, code, points, sources in store.conn.execute(
            "SELECT school_id, indicator, points, sources FROM consensus WHERE plan_id = ? AND group_id = ?"
            " AND method = 'lead' ORDER BY indicator, school_id", (plan_id, group_id)).fetchall():
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


def panel_scorer(store: Store, plan: Plan, rubric: Rubric, group: Group,
                 plan_experts: list[Expert] | None = None) -> Scorer:
    """The group's score as the panel settles it.

    A caller scoring every group passes the plan's experts, read once; otherwise only this group's are
    read (a merge recomputes one group per bundle: reading the whole plan's each time would be quadratic).
    """
    if plan_experts is None:
        plan_experts = experts_of_group(store, plan.id, group.id)
    names = {e.id: e.name for e in plan_experts}
    scorer = Scorer(rubric, group.refs, group.group_type)
    for place in places(store, plan, group):
        if not rubric.has_indicator(place.indicator):
            continue
        points, method = settled_points(place, plan.consensus)
        who = "；".join(f"{names.get(e, e)} {fmt_points(v)}" for e, v in sorted(place.scores.items()))
        if not place.scores and place.not_applicable and place.decided is None:
            why = "；".join(f"{names.get(e, e)}：{r}" for e, r in sorted(place.not_applicable.items()))
            scorer.settle(place.indicator, Outcome(None, [f"不适用（{why}）"], applicable=False),
                          place.school_id or None)
            continue
        if points is None:
            outcome = Outcome(None, [f"专家评分不一致（{who}），待组长决定"], ["组长决定"])
        else:
            lines = [f"{METHODS.get(method, method)}：{fmt_points(points)}" + (f"（{who}）" if who else "")]
            if place.decided_reason:
                lines.append(f"理由：{place.decided_reason}")
            if len(place.scores) == 1:
                only = next(iter(place.scores))
                lines += list(place.explanations.get(only, ()))
            outcome = Outcome(points, lines)
            if place.overrides and place.decided is None:
                outcome.override_reason = "；".join(f"{names.get(e, e)}：{r}" for e, r in sorted(place.overrides.items()))
                outcome.lines.append(f"含专家改定得分，理由：{outcome.override_reason}")
        scorer.settle(place.indicator, outcome, place.school_id or None)
    leads = {e.id for e in plan_experts if e.role == "lead"}
    keys = {v.key for v in rubric.vetoes}
    rows = [r for r in E.vetoes(store, plan.id, group.id) if r[1] in keys]
    for key in keys:
        by_lead = [value for expert_id, k, value, _reason in rows if k == key and expert_id in leads]
        if by_lead:
            decided = by_lead[0]  # the lead's own finding settles the panel's view
        else:
            decided = any(value for _e, k, value, _r in rows if k == key)  # a documented veto stands
        if decided:
            scorer.set_veto(key, True)
    return scorer
