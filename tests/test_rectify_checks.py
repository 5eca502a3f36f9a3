"""整改事项 checked again where the panel's work is settled: `panel finalise` refuses a deadline written before
the visit date was known that falls before it, naming the item; fixed, the group finalises."""
from __future__ import annotations

from inspector_app.inspection import Inspection
from inspector_app.store import finalisation as FN
from inspector_app.store import rectification as R
from inspector_app.store.db import open_store
from inspector_app.store.demo import make_demo

import pytest


def test_finalise_refuses_a_deadline_before_the_visit_and_names_the_item(tmp_path):
    store = open_store(tmp_path / "lead")
    plan = make_demo(store)
    inspection = Inspection(store, plan)
    group = inspection.group("gxr")  # the demo's finalised group: visit 2023-10-16, items due 2023-12-15
    found = R.items(store, plan.id, "gxr")
    assert [i.deadline for i in found] == ["2023-12-15"] * 3
    versions = len(FN.versions(store, plan.id, "gxr"))
    # The visit turns out to be later than the deadlines the lead wrote: refused, each item named.
    with pytest.raises(FN.FinaliseError) as caught:
        inspection.finalise(group, "demo-lead", "2023-12-20", "2023-12-21", "考核日期改正")
    assert "整改时限早于考核日期 2023-12-20" in str(caught.value)
    assert len(caught.value.missing) == 3
    for line, item in zip(caught.value.missing, found):
        assert line.startswith(f"整改事项 {item.uid}（{item.indicators[0]}）") and line.endswith("整改时限 2023-12-15")
    assert len(FN.versions(store, plan.id, "gxr")) == versions  # nothing recorded
    # The deadlines corrected, the new version is recorded.
    lead = R.Actor("张明华", "demo-lead")
    for item in found:
        R.edit_item(store, plan, inspection.rubric, group, item, {"deadline": "2024-01-31"}, lead, "考核日期推后")
    final = inspection.finalise(group, "demo-lead", "2023-12-20", "2023-12-21", "考核日期改正")
    assert final.visit_date == "2023-12-20" and final.version == versions + 1
    store.close()


def test_an_item_named_in_a_refusal_is_never_cut_inside_a_bracket(tmp_path):
    """The item's text is shortened to about 30 characters: a bracket the cut would leave open is kept whole when
    it closes soon after, else the text stops before it."""
    store = open_store(tmp_path / "lead")
    plan = make_demo(store)
    inspection = Inspection(store, plan)
    group = inspection.group("gxr")
    found = R.items(store, plan.id, "gxr")
    lead = R.Actor("张明华", "demo-lead")
    short_bracket = "未按规定落实课后服务管理，评分标准（C14：整改时限之前完成整改并报送）此后的文字不再列出"
    long_bracket = "未按规定落实课后服务管理与校本课程，评分标准（C14：整改时限之前完成全部整改，并将整改报告和佐证材料一并报送教育局）"
    R.edit_item(store, plan, inspection.rubric, group, found[0], {"text": short_bracket}, lead, "写明评分标准")
    R.edit_item(store, plan, inspection.rubric, group, found[1], {"text": long_bracket}, lead, "写明评分标准")
    with pytest.raises(FN.FinaliseError) as caught:
        inspection.finalise(group, "demo-lead", "2023-12-20", "2023-12-21", "考核日期改正")
    lines = caught.value.missing
    for line in lines:
        for left, right in (("（", "）"), ("(", ")")):
            assert line.count(left) == line.count(right), line
    assert "评分标准（C14：整改时限之前完成整改并报送）：整改时限 2023-12-15" in lines[0]
    assert "校本课程，评分标准：整改时限 2023-12-15" in lines[1]
    assert R.shortened("短文字") == "短文字" and R.shortened("一" * 40) == "一" * 30
    store.close()
