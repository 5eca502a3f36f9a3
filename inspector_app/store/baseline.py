"""Last year's results written as this plan's baseline (reading them is `results.prior_years`)."""
from __future__ import annotations

from inspector_app.numbers import stored_points
from inspector_app.store.db import Store, StoreError
from inspector_app.store.history import record
from inspector_app.store.plans import Plan, groups, start_year
from inspector_app.said import Said

THESE_RESULTS = Said("这份结果", "this result file")

HOLDS_RESULTS_SCHOOL_YEAR = Said('{0}是 {1}—{2} 学年的结果，不早于考核计划“{3}”（{4}）：不能把本计划自己（或以后）的结果写成它的上年结果。请用 --plan 指明下一学年的考核计划',
                                  '{0} holds the results of school year {1}–{2}, not earlier than inspection "{3}" ({4}): this inspection\'s own (or later) results cannot be its prior-year results. Name the next year\'s inspection with --plan')


def import_history(store: Store, plan: Plan, history, *, actor: str = "", source: str = "") -> list[str]:
    """Write a results History (group id → year → PastResult) into the plan's prior results, in one transaction.

    Returns the names of the groups that received figures; groups of the history
    that are not in the plan are ignored (a group's id is kept from year to year).
    """
    own = start_year(plan.school_year)
    years = sorted({year for by_year in history.years.values() for year in by_year})
    if own and any(year >= own for year in years):
        year = max(years)
        raise StoreError(HOLDS_RESULTS_SCHOOL_YEAR(source or THESE_RESULTS(), year, year + 1, plan.title, plan.school_year))
    by_id = {g.id: g for g in groups(store, plan.id)}
    touched = []
    with store.tx() as db:
        for gid, years in history.years.items():
            if gid not in by_id:
                continue
            for year, past in years.items():
                label = f"{year}—{year + 1}"
                db.table("prior_results").upsert(
                    {"plan_id": plan.id, "group_id": gid, "year": label, "total": stored_points(past.total),
                     "grade": past.grade, "rank": past.rank}, pk=("plan_id", "group_id", "year"))
                record(store, actor, plan.id, "prior_result", {"plan": plan.id, "group": gid, "year": label},
                       "imported", None, {"total": stored_points(past.total), "grade": past.grade,
                                         "rank": past.rank}, source)
            touched.append(by_id[gid].name)
    return touched
