"""Settling the panel's score where several experts scored the same indicator."""
from __future__ import annotations

from decimal import Decimal

import pytest

from inspector_app.store import entries as E
from inspector_app.store.consensus import ConsensusError, decide, disagreements, panel_scorer
from inspector_app.store.db import open_store
from inspector_app.store.history import changes

from store_helpers import small_plan


@pytest.fixture
def panel(data_dir):
    store = open_store(data_dir)
    plan, rubric, group = small_plan(store, experts=("组长", "专家乙", "专家丙"))
    # 004 C5 "按完成比例计分": 交流教师比例 against the 20% target, 8 points, plus 2 for the cycle.
    # By hand: 20% → 8 + 2 = 10;  15% → 6 + 2 = 8;  10% → 4 + 2 = 6.
    for expert, ratio in (("e0", "20"), ("e1", "15"), ("e2", "10")):
        E.set_entry(store, plan, rubric, group, expert, E.GROUP, "C5", inputs={"ratio.value": ratio, "cycle.value": "100"},
                    note=f"{expert} 的依据")
    yield store, plan, rubric, group
    store.close()


def test_mean_by_default(panel):
    store, plan, rubric, group = panel
    card = panel_scorer(store, plan, rubric, group).card()
    assert card.indicators["C5"].points == Decimal(8)  # (10 + 8 + 6) / 3
    [place] = disagreements(store, plan, group)
    assert place.spread == Decimal(4)
    assert place.notes["e1"] == "e1 的依据"


def test_median_rule(panel):
    store, plan, rubric, group = panel
    store.conn.execute("UPDATE plans SET consensus = 'median'")
    store.conn.commit()
    E.set_entry(store, plan, rubric, group, "e2", E.GROUP, "C5", inputs={"ratio.value": "4"})  # 1.6 + 2 = 3.6
    from inspector_app.store.plans import get_plan
    card = panel_scorer(store, get_plan(store, plan.id), rubric, group).card()
    assert card.indicators["C5"].points == Decimal(8)  # median of 10, 8, 3.6


def test_lead_rule_waits_for_a_decision_with_reason(panel):
    store, plan, rubric, group = panel
    store.conn.execute("UPDATE plans SET consensus = 'lead'")
    store.conn.commit()
    from inspector_app.store.plans import get_plan
    plan = get_plan(store, plan.id)
    assert panel_scorer(store, plan, rubric, group).card().indicators["C5"].points is None
    with pytest.raises(ConsensusError, match="理由"):
        decide(store, plan, rubric, group, E.GROUP, "C5", "9", " ", "e0")
    with pytest.raises(ConsensusError, match="0–10"):
        decide(store, plan, rubric, group, E.GROUP, "C5", "11", "理由", "e0")
    decide(store, plan, rubric, group, E.GROUP, "C5", "９", "交流名单核实为 18 人", "e0")
    result = panel_scorer(store, plan, rubric, group).card().indicators["C5"]
    assert result.points == Decimal(9)
    assert any("交流名单核实" in line for line in result.lines)
    # who scored what is kept with the decision
    [row] = store.conn.execute("SELECT sources FROM consensus").fetchall()
    assert '"e1": "8"' in row[0]
    assert [c.reason for c in changes(store, plan.id, entity="consensus")] == ["交流名单核实为 18 人"]


def test_lead_settles_a_veto(data_dir):
    """000 附件4 同时考虑（二）: a major incident with the principal held responsible → 不合格; the lead's finding settles it."""
    from inspector_app.rubric.catalog import load_catalog
    from inspector_app.store import plans as P
    store = open_store(data_dir)
    rubric = load_catalog().get("ankang-2022")
    spec = P.PlanSpec("测试", "2023—2024", "复评", [P.GroupSpec("甲集团", [P.SchoolSpec("甲校", "lead", id="s0")], id="g")],
                      [P.ExpertSpec("组长", "lead", "e0"), P.ExpertSpec("专家乙", "member", "e1")])
    plan = P.create_plan(store, rubric, spec)
    rubric, [group] = P.plan_rubric(store, plan), P.groups(store, plan.id)
    [veto] = [v for v in rubric.vetoes if not v.withholds_top]
    E.set_veto(store, plan, rubric, group, "e1", veto.key, True, "该校发生校园安全责任事件，校长被问责")
    card = panel_scorer(store, plan, rubric, group).card()
    assert card.vetoed and card.grade == "不合格"
    E.set_veto(store, plan, rubric, group, "e0", veto.key, False, "经核实，事件不属于学校责任")
    assert not panel_scorer(store, plan, rubric, group).card().vetoed
    store.close()
