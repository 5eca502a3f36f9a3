"""A small plan on the 004 rubric, shared by the store tests."""
from __future__ import annotations

from inspector_app.rubric.catalog import load_catalog
from inspector_app.store import plans as P
from inspector_app.store.db import Store

# 002 附件: 中卫市第四中学教育集团 — 总校 plus three 校区.
ROSTER = [("中卫市第四中学教育集团总校", "lead", "初中"), ("中卫市第四中学教育集团镇罗校区", "member", "初中"),
          ("中卫市第四中学教育集团郭滩校区", "member", "九年制"), ("中卫市第四中学教育集团观音校区", "member", "九年制")]


def small_plan(store: Store, *, experts=("专家甲", "专家乙")) -> tuple[P.Plan, object, P.Group]:
    rubric = load_catalog().get("suizhou-jlt")
    spec = P.PlanSpec(
        title="测试考核", school_year="2023—2024", stage="复评",
        groups=[P.GroupSpec("中卫市第四中学教育集团", [P.SchoolSpec(n, r, k, id=f"s{i}")
                                                   for i, (n, r, k) in enumerate(ROSTER)],
                            group_type="共建型", id="g4", self_scores={"C6": "5", "C5": "９"})],
        experts=[P.ExpertSpec(name, "lead" if i == 0 else "member", f"e{i}") for i, name in enumerate(experts)])
    plan = P.create_plan(store, rubric, spec)
    return plan, P.plan_rubric(store, plan), P.groups(store, plan.id)[0]


def past_plan(store: Store, school_year: str = "2021—2022") -> tuple[P.Plan, object, P.Group]:
    """The same group (id g4) inspected in an earlier school year, in the same data folder."""
    spec = P.PlanSpec(title="上年考核", school_year=school_year, stage="复评",
                      groups=[P.GroupSpec("中卫市第四中学教育集团", [P.SchoolSpec(n, r, k, id=f"s{i}")
                                                                 for i, (n, r, k) in enumerate(ROSTER)],
                                          group_type="共建型", id="g4")],
                      experts=[P.ExpertSpec("专家甲", "lead", "e0")])
    plan = P.create_plan(store, load_catalog().get("suizhou-jlt"), spec)
    return plan, P.plan_rubric(store, plan), P.groups(store, plan.id)[0]


def crashed_after_an_entry(data_dir) -> tuple[str, str]:
    """A data folder whose program stopped without its clean close right after C6 was saved (as after a crash):
    the running marker stays, naming a process that no longer exists. (the plan id, the group id)"""
    import json
    from inspector_app.store import entries as E
    from inspector_app.store.db import open_store
    store = open_store(data_dir)
    plan, rubric, group = small_plan(store)
    E.set_entry(store, plan, rubric, group, "e0", E.GROUP, "C6", inputs={"met": True})
    store.conn.close()
    marker = data_dir / "inspector.running"
    data = json.loads(marker.read_text())
    data["pid"] = 999_999_999
    marker.write_text(json.dumps(data))
    return plan.id, group.id
