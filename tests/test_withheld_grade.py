"""000 七、2: “对弄虚作假的一经查实，取消当年考核评选优秀资格” — a finding the panel records with a reason,
which keeps the points and gives the grade below 优秀 (四、“分为优秀、良好、合格、不合格四个等次”).

The 000 group below is worked by hand from 附件4 (every item scored per school; both schools get the
same answers, so each item's mean is the figure below):
  items 1, 2, 5–8, 10, 12–17 (6+4+5+5+5+5+7+5+5+5+4+4+4): 100% done     full points          = 64
  item 3  (5 分, “根据工作完成情况按比例计分”): 3/5 done                    5 × 3/5              = 3
  item 4  (5 分, “达到要求的计5分，每降低1个百分点少计1分”): 交流 8%, 骨干 20%   5 − (10 − 8)         = 3
  item 9  (8 分, 按比例): 75%                                            8 × 75%              = 6
  item 11 (10 分, “获优秀等次的计满分，良好、合格及不合格分别按80%、60%、50%计分”): 合格  10 × 60%   = 6
  item 18 (8 分, “按照满意度百分比计算赋分”): 100%                                              = 8
  total 64 + 3 + 3 + 6 + 6 + 8 = 90
四、“考核评价得分90分以上的为“优秀”，80—89分为“良好”” → 90 is 优秀; with the finding it is 良好, still 90 points.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from inspector_app.rubric.loader import load_rubric
from inspector_app.scoring.engine import Scorer
from inspector_app.scoring.school import School
from inspector_app.store import entries as E
from inspector_app.store.db import open_store

ROOT = Path(__file__).resolve().parents[1]
SCHOOLS = [School("s0", "汉滨初中", "lead"), School("s1", "汉滨二中", "member")]
ANSWERS = {"3": {"value": "3/5"}, "4": {"value": "8", "backbone": "20"}, "9": {"value": "75"},
           "11": {"level": "合格"}, "18": {"value": "100"}}


@pytest.fixture(scope="module")
def ankang():
    return load_rubric(ROOT / "rubrics" / "ankang-2022.yaml")


def scored(rubric) -> Scorer:
    scorer = Scorer(rubric, SCHOOLS, "一体型")
    for code in map(str, range(1, 19)):
        for school in SCHOOLS:
            scorer.set_answer(code, ANSWERS.get(code, {"value": "100"}), school.id)
    scorer.set_answer("加1", {"level": "无"})  # 同时考虑（一）: no bonus
    return scorer


def test_the_finding_withholds_youxiu_and_keeps_the_points(ankang):
    scorer = scored(ankang)
    card = scorer.card()
    assert card.total == Decimal(90) and card.grade == "优秀" and not card.withheld and card.complete
    scorer.set_veto("falsification", True)
    card = scorer.card()
    assert card.total == Decimal(90)  # “取消……优秀资格”: no points taken
    assert card.grade == "良好" and [v.key for v in card.withheld] == ["falsification"] and not card.vetoed
    assert "取消“优秀”资格，定为“良好”" in card.grade_note and "弄虚作假" in card.grade_note
    assert card.to_json()["withheld"][0]["key"] == "falsification"
    # the 一票否决 still wins: 不合格
    scorer.set_veto("major_incident", True)
    assert scorer.card().grade == "不合格"


def test_below_youxiu_the_grade_is_unchanged(ankang):
    scorer = scored(ankang)
    scorer.set_answer("18", {"value": "90"}, "s0")  # item 18: (8 × 90% + 8) / 2 = 7.6 → total 89.6, 良好
    scorer.set_veto("falsification", True)
    card = scorer.card()
    assert card.total == Decimal("89.6") and card.grade == "良好" and "取消" not in card.grade_note
    assert card.withheld  # the finding stands and is shown, it just changes nothing here


def test_other_rubrics_have_no_such_condition():
    suizhou = load_rubric(ROOT / "rubrics" / "suizhou-2022.yaml")
    assert not any(v.withholds_top for v in suizhou.vetoes)


def _plan(store):
    from inspector_app.rubric.catalog import load_catalog
    from inspector_app.store import plans as P
    rubric = load_catalog().get("ankang-2022")
    spec = P.PlanSpec("安康测试", "2023—2024", "复评", [P.GroupSpec("汉滨教育集团", [
        P.SchoolSpec(s.name, s.role, id=s.id) for s in SCHOOLS], "一体型", id="g")],
        [P.ExpertSpec("组长", "lead", "e0"), P.ExpertSpec("专家乙", "member", "e1")])
    plan = P.create_plan(store, rubric, spec)
    rubric, [group] = P.plan_rubric(store, plan), P.groups(store, plan.id)
    for code in map(str, range(1, 19)):
        for school in SCHOOLS:
            E.set_entry(store, plan, rubric, group, "e0", school.id, code, inputs=ANSWERS.get(code, {"value": "100"}))
    E.set_entry(store, plan, rubric, group, "e0", "", "加1", inputs={"level": "无"})  # no bonus
    return plan, rubric, group


def test_store_cli_report_and_results(tmp_path, capsys):
    from inspector_app.cli.main import main
    from inspector_app.reports.from_store import report_data
    from inspector_app.reports.word_report import write_feedback_docx, write_panel_record_docx
    from inspector_app.results.cards import unit_from_card
    from inspector_app.results.ranking import compute_results
    from inspector_app.results.summary_pdf import public_rows
    from inspector_app.store.consensus import panel_scorer
    data = tmp_path / "data"
    store = open_store(data)
    plan, rubric, group = _plan(store)
    assert panel_scorer(store, plan, rubric, group).card().grade == "优秀"
    with pytest.raises(E.EntryError, match="查实的事实和理由"):  # a reason is required
        E.set_veto(store, plan, rubric, group, "e0", "falsification", True, "  ")
    store.set_setting(f"me:{plan.id}", "e0")
    store.close()
    # the command line records it through the same store function
    assert main(["--data-dir", str(data), "veto", "set", "falsification", "--group", "g"]) == 1
    assert "查实的事实和理由" in capsys.readouterr().err
    reason = "自评材料中教师交流名单与实际不符，经查实系虚报"
    assert main(["--data-dir", str(data), "veto", "set", "falsification", "--group", "g", "--reason", reason]) == 0
    assert "取消优秀资格（认定）" in capsys.readouterr().out
    assert main(["--data-dir", str(data), "veto", "show", "--group", "g"]) == 0
    assert f"组长：认定；理由：{reason}" in capsys.readouterr().out
    store = open_store(data)
    card = panel_scorer(store, plan, rubric, group).card()
    assert card.total == Decimal(90) and card.grade == "良好" and card.withheld
    # the report and the 合议记录 say it with the reason
    d = report_data(store, plan, group)
    [line] = d.withheld_lines()
    assert line.startswith("取消优秀资格：对弄虚作假的一经查实") and reason in line and "得分不变（90 分）" in line
    assert "认定人：组长" in d.withheld_lines(names=True)[0]
    from docx import Document
    for write, name in ((write_feedback_docx, "report.docx"), (write_panel_record_docx, "record.docx")):
        text = "\n".join(p.text for p in Document(str(write(d, tmp_path / name))).paragraphs)
        assert reason in text and "等次定为良好" in text
    # results: the 标记 column and the 公示 say it; the points stay
    unit = unit_from_card(card, rubric, group_id=group.id, name=group.name, group_type="一体型", schools=group.schools)
    results = compute_results([unit], rubric, None, 2023)
    [r] = results.units
    assert r.unit.total == Decimal(90) and r.unit.grade == "良好" and "取消优秀资格" in r.flag_text
    assert public_rows(results)[0][-1] == "良好（取消优秀资格）"
    store.close()


def test_the_window_records_it_with_a_reason(qtbot, tmp_path):
    pytest.importorskip("pytestqt")
    from tests.test_ui_window import open_window
    store = open_store(tmp_path / "data")
    plan, _rubric, _group = _plan(store)
    store.set_setting(f"me:{plan.id}", "e0")
    window = open_window(qtbot, store)
    window.open_plan(plan.id)
    assert window.score.grade_label.text() == "优秀"
    box, why, state, _saved = window.score.veto_states["falsification"]
    assert box.text() == "认定取消“优秀”资格(&Q)" and "一票否决 · 取消资格" == window.score.veto_box.title()
    box.setChecked(True)  # no reason yet: not stored, and said
    assert "未保存" in state.text() and "查实的事实和理由" in state.text()
    assert window.workspace.vetoes().get("falsification", (False, ""))[0] is False
    why.setPlainText("经查实虚报交流人数")
    window.set_veto("falsification", True, why.toPlainText())  # what leaving the box does
    assert window.workspace.vetoes()["falsification"] == (True, "经查实虚报交流人数")
    assert window.score.grade_label.text() == "良好" and window.score.total_label.text() == "90"
    assert "已保存：认定取消资格" == state.text()
