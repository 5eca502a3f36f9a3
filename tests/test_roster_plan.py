"""A plan from the bureau's Excel roster, and last year's results as this year's baseline."""
from __future__ import annotations

from decimal import Decimal

from openpyxl import load_workbook

from inspector_app.cli.main import main
from inspector_app.store.db import open_store
from inspector_app.store.plans import find_plan, groups, list_plans, prior_results, self_scores


def fill_template(path):
    assert main(["roster", "template", "--rubric", "suizhou-jlt", "--out", str(path)]) == 0
    wb = load_workbook(path)
    wb["集团"].append(["G1", "中卫市第七小学教育集团", "融合型"])
    wb["学校"].append(["G1", "S1", "中卫市第七小学教育集团总校", "核心校", "小学", "总校校长"])
    wb["学校"].append(["G1", "S2", "中卫市第七小学教育集团双渠校区（中卫十小）", "成员校", "小学", "执行校长"])
    wb["自评"].append(["G1", "C6", "５"])
    wb["上年结果"].append(["G1", 2023, 81.5, "良好", 2])
    wb.save(path)


def test_plan_from_excel_roster(tmp_path, data_dir):
    roster = tmp_path / "roster.xlsx"
    fill_template(roster)
    assert main(["plan", "create", "--rubric", "suizhou-jlt", "--roster", str(roster), "--title", "2024—2025学年复评",
                 "--school-year", "2024—2025", "--expert", "张组长:lead", "--expert", "李专家"]) == 0
    store = open_store(data_dir)
    plan = find_plan(store, None)
    [group] = groups(store, plan.id)
    assert [s.role for s in group.schools] == ["lead", "member"]
    assert self_scores(store, plan.id, group.id)[("", "C6")] == Decimal(5)
    assert prior_results(store, plan.id, group.id)[0]["grade"] == "良好"
    store.close()


def test_broken_roster_imports_nothing(tmp_path, data_dir, capsys):
    roster = tmp_path / "roster.xlsx"
    fill_template(roster)
    wb = load_workbook(roster)
    wb["学校"].append(["G1", "S3", "某校", "校长", "小学", ""])  # not a role
    wb["自评"].append(["G1", "C99", "3"])  # no such indicator
    wb.save(roster)
    assert main(["plan", "create", "--rubric", "suizhou-jlt", "--roster", str(roster), "--title", "T",
                 "--school-year", "2024—2025", "--expert", "张组长:lead"]) == 1
    err = capsys.readouterr().err
    assert "学校!" in err and "自评!" in err
    store = open_store(data_dir)
    assert store.conn.execute("SELECT COUNT(*) FROM plans").fetchone()[0] == 0
    store.close()


NEXT_YEAR = """\
title: 2024—2025学年集团化办学督导考核（复评）
school_year: 2024—2025
stage: 复评
groups:
  - id: gxr
    name: 中卫市兴仁教育集团
    type: 融合型
    schools:
      - {id: n0, name: 中卫市兴仁镇中心小学, role: lead, kind: 小学}
experts:
  - {id: lead, name: 张组长, role: lead}
"""


def test_baseline_from_last_years_workbook(tmp_path, data_dir, capsys):
    assert main(["demo"]) == 0
    workbook = tmp_path / "last.xlsx"
    assert main(["results", "--out", str(workbook)]) == 0
    # This year's results are never written as "last year" of the same plan.
    before = open_store(data_dir)
    demo = find_plan(before, None)
    kept = prior_results(before, demo.id, "gxr")
    before.close()
    capsys.readouterr()
    assert main(["plan", "baseline", str(workbook)]) == 1
    assert "不能把本计划自己" in capsys.readouterr().err
    # Next year's plan: with two plans here, `plan baseline` asks which one.
    (tmp_path / "next.yaml").write_text(NEXT_YEAR, encoding="utf-8")
    assert main(["plan", "create", "--rubric", "suizhou-jlt", "--roster", str(tmp_path / "next.yaml")]) == 0
    assert main(["plan", "baseline", str(workbook)]) == 2
    assert "--plan" in capsys.readouterr().err
    assert main(["plan", "baseline", str(workbook), "--plan", demo.id]) == 1
    store = open_store(data_dir)
    assert prior_results(store, demo.id, "gxr") == kept
    nxt = next(p for p in list_plans(store) if p.school_year == "2024—2025")
    store.close()
    assert main(["plan", "baseline", str(workbook), "--plan", nxt.id]) == 0
    store = open_store(data_dir)
    # 兴仁 is the demo's finalised group, ranked first of the finalised ones in 2023—2024.
    [prior] = prior_results(store, nxt.id, "gxr")
    assert prior["year"].startswith("2023") and prior["rank"] == 1
    store.close()
