"""The shipped rubric files: they load, add up, and match the seed tables point for point."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from inspector_app.cli.main import main
from inspector_app.rubric.catalog import load_catalog
from inspector_app.rubric.loader import load_rubric

ROOT = Path(__file__).resolve().parents[1]
RUBRICS = ROOT / "rubrics"
D = Decimal


@pytest.fixture(scope="module")
def catalog():
    return load_catalog([RUBRICS])


def test_all_shipped_rubrics_load(catalog):
    assert catalog.problems == []
    assert set(catalog.rubrics) == {"suizhou-jlt", "ankang-2022", "sanya-2021", "shapotou-2023", "jiexi-2023"}
    for path in sorted(RUBRICS.glob("*.yaml")):
        assert main(["rubric", "check", str(path)]) == 0


# --- 000 附件4 -------------------------------------------------------------------------------------

# The seed's table: area → (max, {item: points}).
ANKANG = {
    "制度建设": (15, {"1": 6, "2": 4, "3": 5}),
    "队伍建设": (20, {"4": 5, "5": 5, "6": 5, "7": 5}),
    "教育教学": (30, {"8": 5, "9": 8, "10": 7, "11": 10}),
    "学生素养": (15, {"12": 5, "13": 5, "14": 5}),
    "机制创新": (12, {"15": 4, "16": 4, "17": 4}),
    "办学影响": (8, {"18": 8}),
}


def test_ankang_adds_up(catalog):
    r = catalog.rubrics["ankang-2022"]
    assert r.status == "complete" and r.total == D(100)
    base = [a for a in r.areas if not a.bonus]
    assert [a.title for a in base] == list(ANKANG)
    for area in base:
        area_max, points = ANKANG[area.title]
        assert area.max == D(area_max)
        assert {i.code: i.points for i in area.indicators} == {k: D(v) for k, v in points.items()}
    assert sum(a.max for a in base) == D(100)
    assert len([i for a in base for i in a.indicators]) == 18
    assert r.bonus_max == D(3)
    assert r.group_types == ("一体型", "托管型", "协作型")


def test_ankang_rules_and_scope(catalog):
    r = catalog.rubrics["ankang-2022"]
    kinds = {i.code: i.rule.type for i in r.indicators}
    proportional = [str(n) for n in (1, 2, 3, 5, 6, 7, 8, 9, 10, 12, 13, 14, 15, 16, 17)]
    assert all(kinds[c] == "proportional" and r.indicator(c).rule.target is None for c in proportional)
    assert kinds["4"] == "shortfall" and r.indicator("4").rule.target == D(10)
    assert kinds["11"] == "levels" and kinds["18"] == "percentage" and kinds["加1"] == "highest"
    for code in map(str, range(1, 19)):
        ind = r.indicator(code)
        assert ind.scope.per_school and ind.scope.aggregate == "mean" and ind.scope.note
        assert set(ind.targets) == {"lead", "members"}
        assert ind.methods and ind.evidence and ind.standard
    # the mean is named as the bureau's choice, not the seed's
    assert any("逐个考核评价赋分" in n and "教育局的选择" in n for n in r.notes)
    # 同时考虑（二）
    veto, fraud = r.vetoes
    assert veto.effect == "fail" and "追究校长责任" in veto.text and "不合格" in veto.text
    # 七、2 “对弄虚作假的一经查实，取消当年考核评选优秀资格”
    assert fraud.effect == "withhold_top" and "弄虚作假" in fraud.text and "取消当年考核评选优秀资格" in fraud.text
    assert [(b.label, b.min, b.max) for b in r.grades.bands] == [
        ("优秀", D(90), None), ("良好", D(80), D(90)), ("合格", D(60), D(80)), ("不合格", D(0), D(60))]


SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.mark.skipif(not list(SEEDS.glob("000_*.txt")), reason="the seed documents are not beside the checkout")
def test_ankang_texts_are_the_seeds(catalog):
    files = list(SEEDS.glob("000_*.txt"))
    text = "".join(files[0].read_text(encoding="utf-8").split())
    for ind in catalog.rubrics["ankang-2022"].indicators:
        assert "".join(ind.text.split()) in text, ind.code
        assert "".join(ind.standard.split()) in text, ind.code


# --- 004 ----------------------------------------------------------------------------------------------

SUIZHOU = {
    "A1": ("管理共进", 10, {"C1": 5, "C2": 2, "C3": 3}),
    "A2": ("师资共育", 30, {"C4": 4, "C5": 10, "C6": 5, "C7": 5, "C8": 2, "C9": 4}),
    "A3": ("资源共享", 30, {"C10": 4, "C11": 6, "C12": 3, "C13": 4, "C14": 8, "C15": 5}),
    "A4": ("整体提升", 20, {"C16": 5, "C17": 5, "C18": 5, "C19": 5}),
    "A5": ("社会评价", 10, {"C20": 10}),
    "A6": ("加分项", 10, {"C21": 3, "C22": 3, "C23": 4}),
}


def test_suizhou_adds_up(catalog):
    r = catalog.rubrics["suizhou-jlt"]
    assert r.total == D(100) and r.bonus_max == D(10)
    assert sum(a.max for a in r.areas if not a.bonus) == D(100)
    assert [a.code for a in r.areas if a.bonus] == ["A6"]


def test_suizhou_show_json_has_the_normalised_shape(capsys):
    assert main(["rubric", "show", "suizhou-jlt", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    for key in ("id", "version", "title", "source", "status", "total", "bonus_max", "grades", "veto", "areas"):
        assert key in data
    assert data["id"] == "suizhou-jlt" and data["status"] == "complete"
    assert data["total"] == "100" and data["bonus_max"] == "10"
    assert data["grades"] == [{"label": "优秀", "min": "85", "max": None},
                              {"label": "良好", "min": "75", "max": "85"},
                              {"label": "合格", "min": "60", "max": "75"},
                              {"label": "不合格", "min": "0", "max": "60"}]
    assert data["veto"] == []
    assert [a["code"] for a in data["areas"]] == list(SUIZHOU)
    for area in data["areas"]:
        title, area_max, points = SUIZHOU[area["code"]]
        assert area["title"] == title and area["max"] == str(area_max)
        assert area["bonus"] is (area["code"] == "A6")
        assert {i["code"]: i["max"] for i in area["indicators"]} == {k: str(v) for k, v in points.items()}
        for ind in area["indicators"]:
            for key in ("code", "text", "max", "rule", "rule_text", "targets", "scope", "methods", "evidence"):
                assert key in ind, key
            assert ind["rule"]["type"] and ind["rule_text"] and ind["targets"] and ind["methods"]
            assert isinstance(ind["scope"], dict) and "per_school" in ind["scope"]
    c20 = next(i for a in data["areas"] for i in a["indicators"] if i["code"] == "C20")
    assert c20["scope"] == {"per_school": True, "aggregate": "mean", "note": ""}
    c1 = data["areas"][0]["indicators"][0]
    assert c1["targets"] == ["lead"] and c1["methods"] == ["查阅资料"]


def test_show_reads_like_the_seed(capsys):
    assert main(["rubric", "show", "ankang-2022"]) == 0
    out = capsys.readouterr().out
    assert "安康市中心城区集团化办学改革考核评价指标及计分办法" in out
    assert "一 制度建设（15 分）" in out
    assert "达到要求的计5分，每降低1个百分点少计1分。" in out
    assert "优秀：90 分及以上" in out and "一票否决" in out


# --- the templates ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("rid", ["sanya-2021", "shapotou-2023", "jiexi-2023"])
def test_templates_have_open_points(catalog, rid):
    r = catalog.rubrics[rid]
    assert r.status == "template" and r.open_points and all(p.strip() for p in r.open_points)
    assert r.total is None
    for ind in r.indicators:
        assert ind.placeholder and ind.points_open and ind.rule.type == "manual"
        assert "待" in ind.text or "补充" in ind.text  # says the detail is still to come


def test_sanya_template(catalog, capsys):
    r = catalog.rubrics["sanya-2021"]
    assert [a.title for a in r.areas] == ["组织管理", "课程建设", "教师发展", "资源共享", "优质均衡"]
    assert r.grades.labels == ("A", "B", "C", "D") and r.grades.decided_by
    assert r.group_types == ("学区化", "集团化", "结对帮扶")
    assert any("17" in p and "附件1" in p for p in r.open_points)
    assert main(["rubric", "show", "sanya-2021", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] is None and all(a["max"] is None for a in data["areas"])


def test_shapotou_composite(catalog):
    r = catalog.rubrics["shapotou-2023"]
    assert [(p.label, p.weight) for p in r.composite.parts] == [
        ("学校（幼儿园）考核", D("0.5")), ("集团党的建设", D("0.1")), ("集团综合考核", D("0.4"))]
    school = r.area("学校").indicators[0]
    assert school.scope.per_school and school.scope.aggregate == "mean"
    assert r.grades.labels == ("优秀", "良好", "一般", "不合格")
    assert r.grades.decided_by == "集团化办学考核工作领导小组"


def test_jiexi_dimensions(catalog):
    r = catalog.rubrics["jiexi-2023"]
    assert [a.title for a in r.areas] == ["内部治理和运行", "学校发展", "教师发展", "学生发展", "社会认可", "发展潜能"]
    text = " ".join(r.notes + r.open_points)
    assert "发展性" in text and "捆绑式" in text


def test_template_cannot_be_scored_but_does_not_break(tmp_path, capsys):
    answers = tmp_path / "a.yaml"
    answers.write_text("schools:\n  - {id: s1, name: 总校, role: lead}\n", encoding="utf-8")
    assert main(["score", "shapotou-2023", str(answers), "--json"]) == 0
    card = json.loads(capsys.readouterr().out)
    assert card["count"] == 0 and card["grade"] is None and "领导小组" in card["grade_note"]


def test_composite_scores_worked_by_hand(tmp_path):
    # 002: “学校（幼儿园）考核分数取集团内各学校（幼儿园）考核分数的平均值，权重占50%；
    #       集团考核权重占50%，其中集团党的建设权重占10%，集团综合考核权重占40%。”
    # With every line scored out of 100 (points for the test only): schools 80 and 90 → mean 85;
    # party 70; comprehensive 90 → 0.5 × 85 + 0.1 × 70 + 0.4 × 90 = 42.5 + 7 + 36 = 85.5
    text = (RUBRICS / "shapotou-2023.yaml").read_text(encoding="utf-8")
    text = text.replace("status: template", "status: complete").replace("total: 待定", "total: 300")
    text = text.replace("max: 待定", "max: 100").replace("points: 待定", "points: 100")
    path = tmp_path / "shapotou-filled.yaml"
    path.write_text(text, encoding="utf-8")
    rubric = load_rubric(path)
    from inspector_app.scoring.engine import Scorer
    from inspector_app.scoring.school import School
    scorer = Scorer(rubric, [School("a", "总校", "lead"), School("b", "校区", "member")])
    scorer.set_answer("学校.待补充", {"points": 80, "reason": "测试"}, school="a")
    scorer.set_answer("学校.待补充", {"points": 90, "reason": "测试"}, school="b")
    scorer.set_answer("党建.待补充", {"points": 70, "reason": "测试"})
    scorer.set_answer("综合.待补充", {"points": 90, "reason": "测试"})
    assert scorer.card().total == D("85.5")
