"""The bureau's results for a plan, gathered from the store: panel scores, roster, self-scores, history."""
from __future__ import annotations

from decimal import Decimal

from inspector_app.results.cards import results_from_cards
from inspector_app.results.model import History, PastResult, Results, Unfinished
from inspector_app.results.roster import Roster, RosterGroup
from inspector_app.store import entries as E
from inspector_app.store import finalisation as F
from inspector_app.store import experts as EX
from inspector_app.store import plans as P
from inspector_app.store.consensus import ExpertRoster, panel_scorer
from inspector_app.store.db import Store
from inspector_app.said import Said

FINAL_DIFFERS_FROM_RECOUNT = Said('定稿结果（第 {0} 版）与重算不一致：{1}',
                                   'The final result (version {0}) differs from the recount: {1}')
NOTHING_FINALISED = Said('还没有任何集团定稿，不能发布结果（排名、等次和奖惩只用于已定稿的集团）：{0}',
                          'No group is final yet, so no results can be published (rankings, grades, awards and consequences are only for final groups): {0}')
PLAN_HAS_NO_GROUPS = Said('本计划没有集团',
                           'This inspection has no groups')



def first_year(school_year: str) -> int:
    """"2023—2024" → 2023; the year a school year starts in."""
    return P.start_year(school_year)


def plan_results(store: Store, plan: P.Plan, grades: dict[str, str] | None = None) -> Results:
    """Ranking and consequences of the groups whose result is finalised (定稿) and recomputes to the same
    figures; every other group is listed in `Results.unfinished` with its progress."""
    rubric = P.plan_rubric(store, plan)
    plan_experts = EX.experts(store, plan.id)  # read once for every group
    names = {e.id: e.name for e in plan_experts}
    roster_of_experts = ExpertRoster(plan_experts)
    roster = Roster(groups=[], schools={})
    history = History()
    cards, experts, unfinished = {}, {}, []
    for group in P.groups(store, plan.id):
        for prior in P.prior_results(store, plan.id, group.id):
            year = first_year(prior["year"])
            if year:
                history.add(group.id, year, PastResult(Decimal(prior["total"]) if prior["total"] else None,
                                                       prior["grade"], prior["rank"]))
        card = panel_scorer(store, plan, rubric, group, roster_of_experts).card()
        scored = E.who_scored(store, plan.id, group.id)  # who scored what, without reading every entry
        reason = _not_final(store, group, card, bool(scored))
        if reason:
            unfinished.append(Unfinished(group.id, group.name, group.group_type or "", card.done, card.count, reason))
            continue
        roster.groups.append(RosterGroup(group.id, group.name, group.group_type or ""))
        roster.schools[group.id] = list(group.schools)
        roster.self_scores[group.id] = {code: points for (school, code), points in
                                        P.self_scores(store, plan.id, group.id).items() if not school}
        cards[group.id] = card
        who: dict[str, set[str]] = {}
        for code, expert_id, typed_by in scored:
            label = names.get(expert_id, expert_id)
            if typed_by and typed_by != expert_id:  # 代录
                label += f"（{E.TRANSCRIBED}：{names.get(typed_by, typed_by)}）"
            who.setdefault(code, set()).add(label)
        experts[group.id] = {code: sorted(v) for code, v in who.items()}
    finalised = {g: grade for g, grade in (grades or {}).items() if g in cards}
    results = results_from_cards(rubric, first_year(plan.school_year), cards, roster, experts=experts,
                                 grades=finalised, history=history)
    results.unfinished = unfinished
    pub = plan.publication
    results.plan_title, results.school_year, results.demo = plan.title, plan.school_year, plan.demo
    results.issuing_body, results.objection_channel = pub.issuing_body, pub.objection_channel
    results.publicity_start, results.publicity_end = pub.publicity_start, pub.publicity_end
    from inspector_app.results.rectify_ledger import as_cells, group_counts, ledger, today
    as_of = today()
    results.rectification = {g: c for g, c in group_counts(store, plan, as_of).items()}
    results.rectify_rows = [as_cells(row) for row in ledger(store, plan, as_of)]
    return results


def _not_final(store: Store, group: P.Group, card, scored: bool) -> str:
    """Why a group's result cannot be ranked yet ("" when it is finalised and recomputes the same)."""
    final = F.latest(store, group.plan_id, group.id)
    if final is None:
        return "未定稿" if scored else "尚无专家组结果"
    changed = F.differences(final.result, card.to_json())
    if changed:
        return FINAL_DIFFERS_FROM_RECOUNT(final.version, "；".join(changed[:4]))
    return ""


class NothingFinalised(ValueError):
    """No group of the plan has a finalised result: there is nothing to publish."""


def publishable(results: Results) -> Results:
    if not results.units:
        listed = "；".join(f"{u.name}（{u.reason}，{u.progress}）" for u in results.unfinished)
        raise NothingFinalised(NOTHING_FINALISED(listed or PLAN_HAS_NO_GROUPS()))
    return results
