"""Under English the window says in English how a plan package differs from the plan here, and how a signed
result differs from the recomputed one: each made for real (temporary stores, the core's own calls)."""
from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from tests.test_ui_english_faults import left_chinese  # noqa: E402
from tests.test_ui_language import language  # noqa: E402,F401
from tests.test_review_fixes import corrected_package, world  # noqa: E402,F401

ALLOWED = ("集团", "核心校", "成员校")


def test_a_plan_package_that_differs_is_said_in_english(qtbot, language, world):
    from inspector_app.bundles.bag import read_bag, read_json
    from inspector_app.bundles.merge import merge_file
    from inspector_app.bundles.plan_import import as_changes
    from inspector_app.ui.core_words import core_text
    bureau, x1 = world["bureau"], world["x1"]
    plan, package, body, corrected = corrected_package(world)
    outcome = merge_file(x1.store, x1.keys, corrected)
    assert outcome.status == "conflict" and "阶段：本机为“复评”，计划包为“初评”" in outcome.message
    names = [g["name"] for g in body["groups"]] + [s["name"] for g in body["groups"] for s in g["schools"]]
    names += [s["name"] for g in read_json(read_bag(package, bureau.keys), "plan.json")["groups"] for s in g["schools"]]
    names += [e["name"] for e in body["experts"]] + [plan.title, "复评", "初评"]
    language("en")
    from inspector_app.ui.merge_results import sentence
    said = sentence(outcome)  # as the import results dialog lists it
    assert "round: “re-inspection” here, “first review” in the plan package" in said, said
    assert "the self-assessment scores differ" in said and "the plan package has an extra expert 专家丙" in said, said
    assert not left_chinese(said, [*names, *ALLOWED, outcome.file]), said
    # The same differences told as the changes an amendment makes.
    from inspector_app.bundles.plan_import import plan_differences
    from inspector_app.bundles.export import plan_body
    changes = as_changes(plan_differences(plan_body(x1.store, plan), body))
    assert "集团 中卫市第四中学教育集团 的自评分有改动" in changes and "增加专家 专家丙" in changes, changes
    told = [core_text(c) for c in changes]
    assert "expert 专家丙 added" in told, told
    assert not left_chinese("\n".join(told), [*names, *ALLOWED]), told


def test_a_signed_result_that_differs_is_said_in_english(qtbot, language):
    from inspector_app.store import finalisation as F
    from inspector_app.ui.core_words import core_text
    signed = {"total": "80", "grade": "良好", "base": "78", "bonus": "2",
              "areas": [{"code": "A", "points": "30"}],
              "indicators": [{"code": "A1", "points": "5", "per_school": {"s1": {"points": "4"}}}]}
    recomputed = {"total": "90", "grade": "优秀", "base": "88", "bonus": "2",
                  "areas": [{"code": "A", "points": "40"}],
                  "indicators": [{"code": "A1", "points": "6", "per_school": {"s1": {"points": "5"}}}]}
    found = F.differences(signed, recomputed)
    assert "总分：签名结果 80，重算 90" in found, found
    language("en")
    told = core_text("；".join(found))
    assert "total: signed result 80, recomputed 90" in told and "grade: signed result Good" in told, told
    assert "indicator A1 (school s1): signed result 4, recomputed 5" in told, told
    assert not left_chinese(told), told


def test_a_plan_with_problems_is_said_in_english(qtbot, language, tmp_path):
    from inspector_app.rubric.catalog import load_catalog
    from inspector_app.store import plans as P
    from inspector_app.store.db import StoreError, open_store
    from inspector_app.ui.core_words import core_text
    store = open_store(tmp_path / "data")
    rubric = load_catalog().get("suizhou-jlt")
    spec = P.PlanSpec(
        title="有误的考核", school_year="2023—2024", stage="终评", id="p1",
        groups=[P.GroupSpec("甲集团", [P.SchoolSpec("甲一校", "member", "大学", id="s1"),
                                     P.SchoolSpec("甲二校", "member", "小学", id="s1")], group_type="融合型", id="g1")],
        experts=[P.ExpertSpec("王专家", "lead", "e1"), P.ExpertSpec("王专家", "member", "e2")])
    with pytest.raises(StoreError) as caught:
        P.create_plan(store, rubric, spec)
    store.close()
    message = str(caught.value)
    assert message.startswith("考核计划有误：\n") and "学段应为" in message, message  # the command line's words
    language("en")
    said = core_text(message)
    assert "the round should be one of self-assessment, first review, re-inspection" in said, said
    assert "group “甲集团” should have exactly one lead school (it has 0)" in said, said
    assert "school “甲一校”: the school level should be one of primary school" in said and "not “大学”" in said, said
    assert "expert “王专家”, name: the name is used twice" in said, said
    assert not left_chinese(said, ["甲集团", "甲一校", "甲二校", "王专家", "大学", "终评", *ALLOWED]), said


def test_a_yaml_file_with_two_mistakes_is_said_in_english(qtbot, language, tmp_path):
    from inspector_app.rubric.yamlnodes import YamlFileError, read_yaml_file
    from inspector_app.ui.core_words import core_text
    path = tmp_path / "twice.yaml"
    path.write_text("a: 1\na: 2\nb:\n  c: 1\n  c: 2\n", encoding="utf-8")
    with pytest.raises(YamlFileError) as caught:
        read_yaml_file(path)
    message = str(caught.value)
    assert len(caught.value.problems) == 2 and "; " in message, message  # the command line's words, unchanged
    language("en")
    said = core_text(message)
    assert said.count(str(path)) == 2 and "; " in said, said
    assert not left_chinese(said), said


def test_a_finalised_result_that_no_longer_recomputes_is_said_in_english(qtbot, language, tmp_path):
    """The demo's finalised group, scores cleared after 定稿: how the recomputed result differs, as the results say it."""
    from inspector_app.inspection import Inspection
    from inspector_app.store import entries as E
    from inspector_app.store.db import open_store
    from inspector_app.store.demo import make_demo
    from inspector_app.ui.core_words import core_text
    store = open_store(tmp_path / "lead")
    plan = make_demo(store)
    inspection = Inspection(store, plan)
    group = inspection.group("gxr")
    for e in E.entries(store, plan.id, group.id)[:6]:
        E.clear_entry(store, plan, group, e.expert_id, e.school_id, e.indicator)
    state = inspection.report_state(group)
    assert any(c.startswith("总分：签名结果 ") for c in state.changes), state.changes
    unfinished = {u.name: u.reason for u in inspection.results().unfinished}
    store.close()
    language("en")
    told = core_text("；".join(state.changes))
    assert "total: signed result " in told and "grade: signed result Good, recomputed Fail" in told, told
    assert not left_chinese(told), told
    reason = core_text(unfinished[group.name])
    assert "signed result" in reason, reason
    assert not left_chinese(reason, [group.name, *ALLOWED]), reason


def test_a_change_or_a_paper_sheet_after_finalising_is_said_in_english(qtbot, language, tmp_path):
    """The notices the window shows at once after a change to a finalised group (the core's change_notice)."""
    from inspector_app.inspection import Inspection
    from inspector_app.store import experts as EX
    from inspector_app.store.db import open_store
    from inspector_app.store.demo import make_demo
    from inspector_app.ui.core_words import core_text
    store = open_store(tmp_path / "lead")
    plan = make_demo(store)
    inspection = Inspection(store, plan)
    group = inspection.group("gxr")
    li = EX.get_expert(store, plan.id, "demo-li")
    _e, same = inspection.transcribe(group, li, "demo-lead", "", "C6", inputs={"met": True})
    _e, differs = inspection.transcribe(group, li, "demo-lead", "", "C6", inputs={"met": False})
    store.close()
    language("en")
    for notice, words in ((same, "paper sheet was typed in after that"), (differs, "finalise again with a reason")):
        told = core_text(notice)
        assert words in told and "(version 1)" in told, told
        assert not left_chinese(told, [group.name, li.name, *ALLOWED]), told
