"""How a panel settles its score from its experts' scores: the lead's decision, else the plan's rule.

Each place (a group-level indicator, or indicator × school) gets the panel's
points: an explicit decision by the lead when there is one, otherwise the
plan's rule (mean or median) over the experts' points. A veto stands as the
lead finds it, or, without the lead's finding, when any expert documented it.
The store gathers the scores (`store.consensus.places`); the rules are here.
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterable

from inspector_app.numbers import fmt_points
from inspector_app.rubric.model import Rubric
from inspector_app.rubric.rules import Outcome, q
from inspector_app.scoring.engine import Scorer
from inspector_app.scoring.school import School

# How a place's points were reached, in words.
SETTLED_BY = {"mean": "平均分", "median": "中位数", "lead": "组长决定", "single": "一位专家评分"}


@dataclass
class PlaceScores:
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


def settled_points(place: PlaceScores, rule: str) -> tuple[Decimal | None, str]:
    """The panel's points for a place and how they were reached (a key of SETTLED_BY)."""
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


def settled_outcome(place: PlaceScores, rule: str, names: dict[str, str]) -> Outcome:
    """The place's settled points with the lines that explain them (who gave what, how it was settled)."""
    if not place.scores and place.not_applicable and place.decided is None:
        why = "；".join(f"{names.get(e, e)}：{r}" for e, r in sorted(place.not_applicable.items()))
        return Outcome(None, [f"不适用（{why}）"], applicable=False)
    points, method = settled_points(place, rule)
    who = "；".join(f"{names.get(e, e)} {fmt_points(v)}" for e, v in sorted(place.scores.items()))
    if points is None:
        return Outcome(None, [f"专家评分不一致（{who}），待组长决定"], ["组长决定"])
    lines = [f"{SETTLED_BY.get(method, method)}：{fmt_points(points)}" + (f"（{who}）" if who else "")]
    if place.decided_reason:
        lines.append(f"理由：{place.decided_reason}")
    if len(place.scores) == 1:
        lines += list(place.explanations.get(next(iter(place.scores)), ()))
    outcome = Outcome(points, lines)
    if place.overrides and place.decided is None:
        outcome.override_reason = "；".join(f"{names.get(e, e)}：{r}" for e, r in sorted(place.overrides.items()))
        outcome.lines.append(f"含专家改定得分，理由：{outcome.override_reason}")
    return outcome


def settled_vetoes(rubric: Rubric, findings: Iterable[tuple[str, str, bool, str]], leads: set[str]) -> set[str]:
    """The veto keys that stand for the panel, from every expert's (expert id, key, value, reason)."""
    keys = {v.key for v in rubric.vetoes}
    rows = [r for r in findings if r[1] in keys]
    standing = set()
    for key in keys:
        by_lead = [value for expert_id, k, value, _reason in rows if k == key and expert_id in leads]
        if by_lead:
            decided = by_lead[0]  # the lead's own finding settles the panel's view
        else:
            decided = any(value for _e, k, value, _r in rows if k == key)  # a documented veto stands
        if decided:
            standing.add(key)
    return standing


def panel_scorer(rubric: Rubric, schools: list[School], group_type: str | None, places: Iterable[PlaceScores],
                 rule: str, names: dict[str, str], veto_findings: Iterable[tuple[str, str, bool, str]],
                 leads: set[str]) -> Scorer:
    """The group's score as the panel settles it."""
    scorer = Scorer(rubric, schools, group_type)
    for place in places:
        if rubric.has_indicator(place.indicator):
            scorer.settle(place.indicator, settled_outcome(place, rule, names), place.school_id or None)
    for key in settled_vetoes(rubric, veto_findings, leads):
        scorer.set_veto(key, True)
    return scorer
