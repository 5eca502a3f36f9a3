"""Last year's results written as this plan's baseline (reading them is `results.prior_years`)."""
from __future__ import annotations

from inspector_app.numbers import stored_points
from inspector_app.store.db import Store
from inspector_app.store.history import record
from inspector_app.store.plans import Plan, groups


def import_history(store: Store, plan: Plan, history, *, actor: str = "", source: str = "") -> list[str]:
    """Write a results History (group id → year → PastResult) into the plan's prior results, in one transaction.

    Returns the names of the groups that received figures; groups of the history
    that are not in the plan are ignored (a group's id is kept from year to year).
    """
    by_id = {g.id: g for g in groups(store, plan.id)}
    touched = []
    with store.tx():
        for gid, years in history.years.items():
            if gid not in by_id:
                continue
            for year, past in years.items():
                label = f"{year}—{year + 1}"
                store.conn.execute(
                    "INSERT INTO prior_results (plan_id, group_id, year, total, grade, rank) VALUES (?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT (plan_id, group_id, year) DO UPDATE SET total = excluded.total,"
                    " grade = excluded.grade, rank = excluded.rank",
                    (plan.id, gid, label, stored_points(past.total), past.grade, past.rank))
                record(store, actor, plan.id, "prior_result", {"plan": plan.id, "group": gid, "year": label},
                       "imported", None, {"total": stored_points(past.total), "grade": past.grade,
                                         "rank": past.rank}, source)
            touched.append(by_id[gid].name)
    return touched
