"""Last year's results as this plan's baseline: from a results workbook or from an earlier data folder."""
from __future__ import annotations

from pathlib import Path

from inspector_app.store.db import Store, StoreError
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
                    (plan.id, gid, label, None if past.total is None else str(past.total), past.grade, past.rank))
                record(store, actor, plan.id, "prior_result", {"plan": plan.id, "group": gid, "year": label},
                       "imported", None, {"total": None if past.total is None else str(past.total), "grade": past.grade,
                                         "rank": past.rank}, source)
            touched.append(by_id[gid].name)
    return touched


def history_from_source(source: Path):
    """A results workbook (.xlsx) or an earlier data folder, read as a History."""
    if source.is_dir():
        from inspector_app.results.from_store import plan_results
        from inspector_app.store.db import DB_NAME, open_store
        if not (source / DB_NAME).is_file():
            raise StoreError(f"{source} 不是 Inspector 的数据文件夹（其中没有 {DB_NAME}），没有可导入的上年结果")
        from inspector_app.store.plans import list_plans
        old = open_store(source)
        try:
            plans = [p for p in list_plans(old) if not p.demo]
            if not plans:
                raise StoreError(f"{source} 中没有考核计划")
            return plan_results(old, plans[0]).to_history()
        finally:
            old.close()
    from inspector_app.results.history import read_history
    return read_history(source)
