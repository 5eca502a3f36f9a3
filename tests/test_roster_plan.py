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


YAML_MISTAKES = """\
title: 名单错误
school_year: 2024—2025
groups:
  - {id: g1, name: 一中集团, schools: [{id: s0, name: 一中, role: lead}]}
  - {id: g1, name: 二中集团, schools: [{id: s0, name: 二中, role: lead}]}
experts:
  - {id: e1, name: 张组长, role: lead}
  - {id: e1, name: 李专家}
  - {id: e3, name: 李专家}
"""


def _refused(argv, capsys) -> str:
    capsys.readouterr()
    assert main(argv) == 1
    return capsys.readouterr().err


def test_roster_mistakes_are_located_and_store_nothing(tmp_path, data_dir, capsys):
    """Ids unique within a plan (docs/roster-format.md): reused group, school and expert ids, a repeated
    name, a misspelt key file and a file that is no key — each named with the file, group and field."""
    roster = tmp_path / "roster.yaml"
    roster.write_text(YAML_MISTAKES, encoding="utf-8")
    create = ["plan", "create", "--rubric", "suizhou-jlt", "--roster", str(roster)]
    said = _refused(create, capsys)
    assert "Traceback" not in said
    assert f"{roster}: 集团 “二中集团” 的 id: 集团编号 g1 已用于集团 “一中集团”" in said
    assert f"{roster}: 集团 “二中集团” 的学校 “二中” 的 id: 学校编号 s0 已用于集团 “一中集团” 的学校 “一中”" in said
    assert f"{roster}: 专家 “李专家” 的 id: 专家编号 e1 已用于专家 “张组长”" in said
    assert "专家 “李专家” 的 name: 姓名重复" in said
    (tmp_path / "not-a-key.pub").write_text("hello", encoding="utf-8")
    for key, words in (("zhang.pbu", "找不到或无法读取公钥文件"), ("not-a-key.pub", "不是 Inspector 公钥文件")):
        roster.write_text(f"title: 名单错误\nschool_year: 2024—2025\ngroups:\n"
                          f"  - {{id: g1, name: 一中集团, schools: [{{id: s0, name: 一中, role: lead}}]}}\n"
                          f"experts:\n  - {{id: e1, name: 张组长, role: lead, key: {key}}}\n", encoding="utf-8")
        said = _refused(create, capsys)
        assert f"{roster}: 专家 “张组长” 的 key" in said and words in said and "Traceback" not in said
    # The Excel path: a misspelt key file and a repeated expert, named as typed on the command line.
    book = tmp_path / "roster.xlsx"
    fill_template(book)
    excel = ["plan", "create", "--rubric", "suizhou-jlt", "--roster", str(book), "--title", "复评",
             "--school-year", "2024—2025"]
    said = _refused(excel + ["--expert", "张组长:lead:zhang.pbu"], capsys)
    assert "--expert 张组长" in said and "找不到或无法读取公钥文件" in said
    said = _refused(excel + ["--expert", "张组长:lead", "--expert", "张组长"], capsys)
    assert f"{book}: 专家 “张组长” 的 name: 姓名重复" in said
    store = open_store(data_dir)
    assert list_plans(store) == []
    store.close()
