"""The core context both front ends use: who am I, my groups, an expert's and the panel's card, report data, results."""
from __future__ import annotations

from decimal import Decimal

import pytest

from inspector_app.cli.main import main
from inspector_app.inspection import Inspection
from inspector_app.store import entries as E
from inspector_app.store.db import StoreError, open_store
from inspector_app.workspace import Workspace

from store_helpers import small_plan


@pytest.fixture
def opened(data_dir):
    store = open_store(data_dir)
    plan, rubric, group = small_plan(store, experts=("组长", "专家乙"))
    # 004 C5 "按完成比例计分": 交流教师比例 against the 20% target, 8 points, plus 2 for the cycle.
    # By hand: 20% → 8 + 2 = 10;  10% → 4 + 2 = 6.
    for expert, ratio in (("e0", "20"), ("e1", "10")):
        E.set_entry(store, plan, rubric, group, expert, E.GROUP, "C5", inputs={"ratio.value": ratio, "cycle.value": "100"})
    yield store, plan, group
    store.close()


def test_who_am_i(opened):
    store, plan, _group = opened
    inspection = Inspection(store, plan)
    with pytest.raises(StoreError, match="me --set"):
        inspection.me()  # two experts and none chosen on this install
    assert inspection.me("专家乙").id == "e1"
    store.set_setting(f"me:{plan.id}", "e0")
    assert inspection.me().name == "组长"
    assert Workspace(store, plan).expert_id == "e0"  # the window asks the same question


def test_groups_schools_and_cards(opened):
    store, plan, group = opened
    inspection = Inspection.open(store, plan.id[:6])
    assert [g.id for g in inspection.my_groups("e1")] == [group.id]  # every expert is assigned everything by default
    assert inspection.group("第四中学").id == group.id
    assert inspection.school_id(group, "镇罗") == "s1" and inspection.school_id(group, "") == E.GROUP
    with pytest.raises(StoreError, match="校区"):
        inspection.school_id(group, "校区")  # three campuses match: not unique
    assert inspection.score_card(group, "e0").indicators["C5"].points == Decimal(10)
    assert inspection.score_card(group, "e1").indicators["C5"].points == Decimal(6)
    assert inspection.panel_card(group).indicators["C5"].points == Decimal(8)  # the plan's mean of 10 and 6
    assert inspection.report_data(group).card.indicators["C5"].points == Decimal(8)
    results = inspection.results()
    assert results.units == [] and [u.group_id for u in results.unfinished] == [group.id]  # not finalised yet
    assert inspection.report_state(group).is_final is False


def test_command_line_names_the_same_place(opened, data_dir, capsys):
    store, plan, group = opened
    store.close()
    # The command line and the window agree on the panel's card: both ask the Inspection.
    assert main(["--data-dir", str(data_dir), "panel", "score", "--group", "第四中学", "--json"]) == 0
    import json
    [c5] = [i for i in json.loads(capsys.readouterr().out)["indicators"] if i["code"] == "C5"]
    assert c5["points"] == "8"
    code = main(["--data-dir", str(data_dir), "entry", "set", "--group", "g4", "--indicator", "C5", "ratio.value=5"])
    assert code != 0 and "me --set" in capsys.readouterr().err


def test_one_self_difference_rule_for_the_screen_and_the_results(opened):
    store, plan, group = opened
    from inspector_app.scoring.self_difference import differs
    from inspector_app.workspace import ATTENTION, DONE, Place
    # small_plan's group gives itself 9 of C5's 10 points. 004 C5 "按完成比例计分": 12.5% of the 20% target
    # earns 8 × 12.5 / 20 = 5, plus 2 for the cycle: 7, two points (a fifth of the maximum) below the self-score.
    E.set_entry(store, plan, Workspace(store, plan).rubric, group, "e0", E.GROUP, "C5",
                inputs={"ratio.value": "12.5", "cycle.value": "100"})
    assert differs(Decimal(9), Decimal(7), Decimal(10)) and not differs(Decimal(9), Decimal("7.5"), Decimal(10))
    assert Workspace(store, plan, "e0").state(Place(E.GROUP, "C5")) == ATTENTION
    E.set_entry(store, plan, Workspace(store, plan).rubric, group, "e0", E.GROUP, "C5",
                inputs={"ratio.value": "13.75", "cycle.value": "100"})  # 5.5 + 2 = 7.5: within a fifth
    assert Workspace(store, plan, "e0").state(Place(E.GROUP, "C5")) == DONE
