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
