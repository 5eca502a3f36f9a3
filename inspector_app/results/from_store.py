"""The bureau's results for a plan, gathered from the store: panel scores, roster, self-scores, history."""
from __future__ import annotations

import re
from decimal import Decimal

from inspector_app.results.cards import results_from_cards
from inspector_app.results.model import History, PastResult, Results, SchoolInfo
from inspector_app.results.roster import Roster, RosterGroup
from inspector_app.store import entries as E
from inspector_app.store import plans as P
from inspector_app.store.consensus import panel_scorer
from inspector_app.store.db import Store


def first_year(school_year: str) -> int:
    """"2023—2024" → 2023; the year a school year starts in."""
    found = re.search(r"\d{4}", school_year or "")
    return int(found.group()) if found else 0


def plan_results(store: Store, plan: P.Plan, grades: dict[str, str] | None = None) -> Results:
    rubric = P.plan_rubric(store, plan)
    plan_experts = P.experts(store, plan.id)  # read once for every group
    names = {e.id: e.name for e in plan_experts}
    roster = Roster(groups=[], schools={})
    history = History()
    cards, experts = {}, {}
    for group in P.groups(store, plan.id):
        roster.groups.append(RosterGroup(group.id, group.name, group.group_type or ""))
        roster.schools[group.id] = [SchoolInfo(s.id, s.name, s.role, s.kind, s.head_role) for s in group.schools]
        roster.self_scores[group.id] = {code: points for (school, code), points in
                                        P.self_scores(store, plan.id, group.id).items() if not school}
        for prior in P.prior_results(store, plan.id, group.id):
            year = first_year(prior["year"])
            if year:
                history.add(group.id, year, PastResult(Decimal(prior["total"]) if prior["total"] else None,
                                                       prior["grade"], prior["rank"]))
        cards[group.id] = panel_scorer(store, plan, rubric, group, plan_experts).card()
        who: dict[str, set[str]] = {}
        for entry in E.entries(store, plan.id, group.id):
            who.setdefault(entry.indicator, set()).add(names.get(entry.expert_id, entry.expert_id))
        experts[group.id] = {code: sorted(v) for code, v in who.items()}
    return results_from_cards(rubric, first_year(plan.school_year), cards, roster, experts=experts,
                              grades=grades, history=history)
