"""002's 双线考核 composite shown wherever a total is: the card, `progress`, `results --json`."""
from __future__ import annotations

import json
from decimal import Decimal

from inspector_app.cli.main import main
from inspector_app.rubric.loader import load_rubric
from inspector_app.scoring.engine import Scorer
from inspector_app.scoring.school import School
from inspector_app.store import entries as E
from inspector_app.store import plans as P
from inspector_app.store.db import open_store

D = Decimal

# The 002 template (rubrics/shapotou-2023.yaml) with its three lines given points, as the bureau would complete it.
COMPLETED = """\
format: 1
id: shapotou-test
version: "1"
title: 双线考核（测试用补全）
source: {seed: 002_29492b15d4022dd9.txt, document: 测试, issuer: 测试局}
status: complete
total: 160
grades: {decided_by: 集团化办学考核工作领导小组, labels: [优秀, 良好, 一般, 不合格]}
composite:
  note: 学校（幼儿园）考核分数取集团内各学校（幼儿园）考核分数的平均值，权重占50%；集团党的建设权重占10%，集团综合考核权重占40%。
  parts:
    - {key: schools, label: 学校（幼儿园）考核, weight: 0.5, areas: [学校]}
    - {key: party, label: 集团党的建设, weight: 0.1, areas: [党建]}
    - {key: group, label: 集团综合考核, weight: 0.4, areas: [综合]}
areas:
  - code: 学校
    title: 学校（幼儿园）考核
    max: 100
    indicators:
      - {code: S1, text: 学校考核, points: 100, rule: {type: percentage, measure: 学校考核得分率},
         targets: [lead, members], scope: {per_school: mean}}
  - code: 党建
    title: 集团党的建设
    max: 10
    indicators:
      - {code: P1, text: 党建, points: 10, rule: {type: proportional}, targets: [lead]}
  - code: 综合
    title: 集团综合考核
    max: 50
    indicators:
      - {code: G1, text: 综合, points: 50, rule: {type: proportional}, targets: [lead]}
"""


def completed(tmp_path):
    path = tmp_path / "shapotou-test.yaml"
    path.write_text(COMPLETED, encoding="utf-8")
    return load_rubric(path)


def test_composite_on_the_card(tmp_path):
    # 002 六（五）: “学校…考核分数取集团内各学校…考核分数的平均值，权重占50%；…集团党的建设权重占10%，
    # 集团综合考核权重占40%。” Schools 80 and 90 → mean 85 of 100 = 85%; party 9 of 10 = 90%; group 40 of 50 = 80%.
    # By hand: 0.5 × 85 + 0.1 × 90 + 0.4 × 80 = 42.5 + 9 + 32 = 83.5
    rubric = completed(tmp_path)
    scorer = Scorer(rubric, [School("a", "总校", "lead"), School("b", "分校", "member")])
    scorer.set_answer("S1", {"value": "80"}, "a")
    scorer.set_answer("S1", {"value": "90%"}, "b")
    scorer.set_answer("P1", {"value": "9/10"})
    scorer.set_answer("G1", {"value": "40分"})
    card = scorer.card()
    assert card.composite_total == card.total == D("83.5")
    assert card.composite_text() == ("综合得分 = 50% × 学校（幼儿园）考核 85% + 10% × 集团党的建设 90% + "
                                     "40% × 集团综合考核 80% = 83.5")
    data = card.to_json()
    assert data["composite_total"] == "83.5" and [p["percent"] for p in data["composite"]] == ["85", "90", "80"]


def test_composite_in_progress(tmp_path, data_dir, capsys):
    rubric = completed(tmp_path)
    store = open_store(data_dir)
    spec = P.PlanSpec(title="双线考核测试", school_year="2023—2024", stage="复评",
                      groups=[P.GroupSpec("沙坡头区第一集团", [P.SchoolSpec("总校", "lead", "小学", id="a"),
                                                       P.SchoolSpec("分校", "member", "小学", id="b")], id="g1")],
                      experts=[P.ExpertSpec("专家甲", "lead", "e0")])
    plan = P.create_plan(store, rubric, spec)
    rubric = P.plan_rubric(store, plan)
    group = P.groups(store, plan.id)[0]
    for school, code, value in [("a", "S1", "80"), ("b", "S1", "90"), ("", "P1", "90"), ("", "G1", "80")]:
        E.set_entry(store, plan, rubric, group, "e0", school, code, inputs={"value": value})
    store.close()
    assert main(["--data-dir", str(data_dir), "progress", "--expert", "e0", "--json"]) == 0
    [g] = json.loads(capsys.readouterr().out)["groups"]
    assert g["total"] == "83.5" and "= 83.5" in g["composite_text"]
    assert main(["--data-dir", str(data_dir), "progress", "--expert", "e0"]) == 0
    assert "综合得分 = 50% × 学校（幼儿园）考核 85%" in capsys.readouterr().out


def test_composite_in_the_workbook(tmp_path):
    import openpyxl
    from inspector_app.results.cards import unit_from_card
    from inspector_app.results.model import History
    from inspector_app.results.ranking import compute_results
    from inspector_app.results.workbook import write_results_workbook
    rubric = completed(tmp_path)
    scorer = Scorer(rubric, [School("a", "总校", "lead"), School("b", "分校", "member")])
    for school, code, value in [("a", "S1", "80"), ("b", "S1", "90"), (None, "P1", "90"), (None, "G1", "80")]:
        scorer.set_answer(code, {"value": value}, school)
    unit = unit_from_card(scorer.card(), rubric, group_id="g1", name="第一集团", group_type="", schools=[],
                          grade="良好")
    out = write_results_workbook(compute_results([unit], rubric, History(), 2025), tmp_path / "r.xlsx")
    ws = openpyxl.load_workbook(out)["一级指标得分"]
    head, row = [c.value for c in ws[1]], [c.value for c in ws[2]]
    assert row[head.index("总分")] == 83.5
    assert row[head.index("学校（幼儿园）考核得分率（%，权重 50%）")] == 85
    assert row[head.index("集团综合考核得分率（%，权重 40%）")] == 80


def test_composite_on_the_score_panel(tmp_path, qtbot):
    from inspector_app.ui.score_panel import ScorePanel
    rubric = completed(tmp_path)
    scorer = Scorer(rubric, [School("a", "总校", "lead"), School("b", "分校", "member")])
    for school, code, value in [("a", "S1", "80"), ("b", "S1", "90"), (None, "P1", "90"), (None, "G1", "80")]:
        scorer.set_answer(code, {"value": value}, school)
    panel = ScorePanel()
    qtbot.addWidget(panel)
    panel.show_card(scorer.card())
    assert panel.total_label.text() == "83.5"
    assert "综合得分 = 50% × 学校（幼儿园）考核 85%" in panel.note_label.text()
