"""Every scoring rule, worked by hand from a line of the seeds."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import ClassVar

import pytest

from inspector_app.rubric.loader import load_rubric
from inspector_app.rubric import rules as T
from inspector_app.rubric import rules as R
from inspector_app.scoring.engine import AnswerError, Scorer, score_indicator
from inspector_app.scoring.school import School

ROOT = Path(__file__).resolve().parents[1]
D = Decimal


@pytest.fixture(scope="module")
def suizhou():
    return load_rubric(ROOT / "rubrics" / "suizhou-2022.yaml")


@pytest.fixture(scope="module")
def ankang():
    return load_rubric(ROOT / "rubrics" / "ankang-2022.yaml")


def score(rubric, code, answer):
    return rubric.indicator(code).rule.score(answer)


HEAD = """\
format: 1
id: rules-test
version: "1"
title: 规则测试
source: {{seed: test, document: 测试, issuer: 测试局}}
status: complete
total: {total}
grades:
  - {{label: 合格, min: 60}}
  - {{label: 不合格, min: 0, max: 60}}
areas:
  - code: A
    title: 测试
    max: {total}
    indicators:
"""


def one_indicator(tmp_path: Path, points: str, rule: str, name: str = "r.yaml"):
    """A rubric file with a single indicator C1 whose rule block is `rule` (indented YAML)."""
    text = HEAD.format(total=points) + (
        "      - code: C1\n"
        "        text: 测试指标\n"
        f"        points: {points}\n"
        "        targets: [lead]\n"
        "        rule:\n" + "".join(f"          {row}\n" for row in rule.strip().splitlines()))
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_rubric(path).indicator("C1")


# --- items ------------------------------------------------------------------------------

def test_items(tmp_path):
    # 004 C1: 章程/机构（1分）；班子成员团结（1分）；教师精神状态良好（1分）；家长满意度高（1分）；党建（1分）
    ind = one_indicator(tmp_path, "5", """
type: items
items:
  - {key: charter, label: 章程、机构与人员, points: 1}
  - {key: unity, label: 班子成员团结, points: 1}
  - {key: morale, label: 教师精神状态良好, points: 1}
  - {key: parents, label: 家长满意度高, points: 1}
  - {key: party, label: 党建工作, points: 1}
""")
    # four of five present, by hand: 1 + 1 + 1 + 0 + 1 = 4
    out = ind.rule.score({"charter": "是", "unity": "是", "morale": "是", "parents": "否", "party": "是"})
    assert out.points == D(4)
    assert any("家长满意度高" in line and "未得" in line for line in out.lines)
    # nothing answered yet: unscored, every item named as missing (an answer is 是, 否 or 不适用)
    empty = ind.rule.score({})
    assert empty.points is None and len(empty.missing) == 5


# --- deduct -------------------------------------------------------------------------------

def test_deduct(suizhou):
    # 004 C10 (4分): “未开展一项活动扣0.5分，未‘推门’听课评课扣2分。”
    # one activity not held and no 推门听课: 4 − 0.5 − 2 = 1.5
    assert score(suizhou, "C10", {"activities": 1, "no_visits": 1}).points == D("1.5")
    # two activities not held: 4 − 2 × 0.5 = 3
    assert score(suizhou, "C10", {"activities": 2, "no_visits": 0}).points == D(3)


def test_deduct_floor(suizhou):
    # 004 C10: eight activities missing and no 推门听课: 4 − 4 − 2 = −2, floored at 0
    out = score(suizhou, "C10", {"activities": 8, "no_visits": 1})
    assert out.points == D(0)
    assert any("扣完为止" in line for line in out.lines)


def test_deduct_max_count(suizhou):
    # no_visits is a yes/no failing (max_count 1): it cannot be counted twice
    with pytest.raises(R.InputError):
        score(suizhou, "C10", {"no_visits": 2})


def test_deduct_wording(suizhou):
    text = suizhou.indicator("C10").rule.describe()
    assert "每项扣 0.5 分" in text and "扣 2 分" in text and "每次扣" not in text
    assert "每次扣 0.5 分" in suizhou.indicator("C3").rule.describe()  # 例会 is counted in 次


# --- threshold ------------------------------------------------------------------------------

def test_threshold_deduction(suizhou):
    # 004 C1: “家长满意度低于60%扣1分” (the 家长满意度 part is worth 1 point)
    full = {"charter.missing": 0, "unity.met": "是", "morale.met": "是", "party.met": "是"}
    assert score(suizhou, "C1", {**full, "parents.value": "59.5"}).points == D(4)  # 5 − 1
    assert score(suizhou, "C1", {**full, "parents.value": "60"}).points == D(5)    # 60 is not below 60
    # 004 C1 “教联体各项制度缺一项扣0.5分”: one missing as well → 5 − 0.5 − 1 = 3.5
    assert score(suizhou, "C1", {**full, "charter.missing": 1, "parents.value": 58}).points == D("3.5")


# --- gate ----------------------------------------------------------------------------------

def test_gate(suizhou):
    # 004 C6 (5分): “未建立紧缺学科师资共享，此项不得分。”
    assert score(suizhou, "C6", {"met": "是"}).points == D(5)
    out = score(suizhou, "C6", {"met": "否"})
    assert out.points == D(0) and "不得分" in out.lines[0]


def test_gate_modifier(suizhou):
    # 004 C3 part 1 (1.5分): “教联体学校未召开会议或无记录均不得分，会议少一次扣0.5分”
    # part 2 (1.5分): “成员校校长未参加会议或无记录均不得分”
    held = score(suizhou, "C3", {"meetings.gate": "是", "meetings.fewer": 1, "principals.met": "是"})
    assert held.points == D("2.5")  # (1.5 − 0.5) + 1.5
    not_held = score(suizhou, "C3", {"meetings.gate": "否", "meetings.fewer": 0, "principals.met": "是"})
    assert not_held.points == D("1.5")  # 0 + 1.5: no meetings, no points for part 1 however few were missed
    assert any("未满足前提" in line for line in not_held.lines)


def test_a_rule_makes_its_fields_once_and_hands_each_caller_its_own_list(suizhou, monkeypatch):
    # 004 C3, two parts each with a gate: scoring asks for the fields several times an entry; they are the
    # same every time (a rule is frozen), so they are made once, and a caller changing its list changes nothing.
    rule = suizhou.indicator("C3").rule
    answer = {"meetings.gate": "是", "meetings.fewer": 1, "principals.met": "是"}
    first = rule.score(answer).points
    made = []
    for part in rule.parts:
        monkeypatch.setattr(type(part.rule), "own_fields",
                            lambda self, inner=type(part.rule).own_fields: made.append(self) or inner(self))
    for _ in range(3):
        assert rule.score(answer).points == first == D("2.5")  # (1.5 − 0.5) + 1.5, as in test_gate_modifier
    assert made == []  # made when first scored, before own_fields was watched
    mine = rule.fields()
    mine.clear()
    assert [f.key for f in rule.fields()] == ["meetings.gate", "meetings.fewer", "principals.met"]
    assert rule.fields() is not rule.fields()


# --- proportional ----------------------------------------------------------------------------

def test_proportional_with_target(suizhou):
    # 004 C5: “交流教师比例每学年不得低于20%（8分）。教师交流周期至少为1年（2分）。” “按完成比例计分。”
    # ratio 15% of 20% → 8 × 15/20 = 6; every exchange lasts a year → 2; total 8
    assert score(suizhou, "C5", {"ratio.value": 15, "cycle.value": 100}).points == D(8)
    # above the target counts as 100%: 8 + 2 × 50/100 = 9
    assert score(suizhou, "C5", {"ratio.value": 25, "cycle.value": 50}).points == D(9)


def test_proportional_without_target(ankang):
    # 000 item 3 (5分): “根据工作完成情况按比例计分。” The panel judges 80% done: 5 × 0.8 = 4
    assert score(ankang, "3", {"value": 80}).points == D(4)
    # 000 item 9 (8分), 85% done: 8 × 0.85 = 6.8
    assert score(ankang, "9", {"value": "85"}).points == D("6.8")
    with pytest.raises(R.InputError):
        score(ankang, "3", {"value": 120})  # a completion ratio above 100%


# --- shortfall --------------------------------------------------------------------------------

def test_shortfall(ankang):
    # 000 item 4 (5分): “每学年教师交流比例不低于符合交流要求的10%” “达到要求的计5分，每降低1个百分点少计1分。”
    # (the backbone teachers' share is met here: 25%; see test_answer_forms for it short)
    met = {"backbone": 25}
    assert score(ankang, "4", {"value": 12} | met).points == D(5)
    assert score(ankang, "4", {"value": 10} | met).points == D(5)
    assert score(ankang, "4", {"value": 8} | met).points == D(3)       # 2 points below: 5 − 2
    assert score(ankang, "4", {"value": "7.5"} | met).points == D("2.5")  # 2.5 points below: 5 − 2.5
    assert score(ankang, "4", {"value": 3} | met).points == D(0)       # 7 below: floored at 0


# --- levels ------------------------------------------------------------------------------------

def test_levels(ankang):
    # 000 item 11 (10分): “获优秀等次的计满分，良好、合格及不合格分别按80%、60%、50%计分。”
    expected = {"优秀": D(10), "良好": D(8), "合格": D(6), "不合格": D(5)}
    for level, points in expected.items():
        assert score(ankang, "11", {"level": level}).points == points
    with pytest.raises(R.InputError):
        score(ankang, "11", {"level": "较好"})


# --- percentage ------------------------------------------------------------------------------------

def test_percentage(ankang):
    # 000 item 18 (8分): “根据测评结果，按照满意度百分比计算赋分。” 91.5% → 8 × 0.915 = 7.32
    assert score(ankang, "18", {"value": "91.5"}).points == D("7.32")
    assert score(ankang, "18", {"value": 100}).points == D(8)


# --- awards -----------------------------------------------------------------------------------------

def test_awards_with_cap(suizhou):
    # 004 C19 (5分): “增加国家级得2分，省级得1分，市级得0.5分。”
    # one more provincial and one more city award: 1 + 0.5 = 1.5
    assert score(suizhou, "C19", {"national": 0, "provincial": 1, "city": 1}).points == D("1.5")
    # 1 national, 2 provincial, 4 city: 2 + 2 + 2 = 6, capped at 5
    out = score(suizhou, "C19", {"national": 1, "provincial": 2, "city": 4})
    assert out.points == D(5)
    assert any("最高 5 分" in line for line in out.lines)


# --- highest ----------------------------------------------------------------------------------------

def test_highest(suizhou):
    # 004 C21 (3分): “国家级得3分，省级得2分，市级得1分。（同类取最高分）”
    assert score(suizhou, "C21", {"level": "国家级"}).points == D(3)
    assert score(suizhou, "C21", {"level": "省级"}).points == D(2)
    assert score(suizhou, "C21", {"level": "无"}).points == D(0)
    # 004 C22 (3分): “省级得3分，市级得1分。”
    assert score(suizhou, "C22", {"level": "市级"}).points == D(1)


def test_bonus_highest_ankang(ankang):
    # 000 “同时考虑（一）”: “国家级加3分，省级加2，市级加1分。”
    assert score(ankang, "加1", {"level": "省级"}).points == D(2)


# --- manual -------------------------------------------------------------------------------------------

def test_manual_requires_a_reason(tmp_path):
    ind = one_indicator(tmp_path, "4", "{type: manual, guidance: 对照原文评定}")
    without = ind.rule.score({"points": "3"})
    assert without.points is None and "评分理由" in without.missing
    with_reason = ind.rule.score({"points": "3", "reason": "计划齐全，总结缺少成员校部分"})
    assert with_reason.points == D(3)
    assert "计划齐全" in with_reason.lines[0]
    with pytest.raises(R.InputError):
        ind.rule.score({"points": "4.5", "reason": "超过分值"})


# --- parts --------------------------------------------------------------------------------------------

def test_parts(suizhou):
    # 004 C4: “制定教联体教师管理办法（1分），建立教联体学校教师交流和考核激励等两项制度（3分）。”
    # the two systems are 1.5 each (the file's reading of “两项制度（3分）”)
    no = {"systems.exchange": "否", "systems.incentive": "否"}
    assert score(suizhou, "C4", {"measures.met": "是"} | no).points == D(1)
    yes = {"systems.exchange": "是", "systems.incentive": "是"}
    assert score(suizhou, "C4", {"measures.met": "是"} | yes).points == D(4)
    keys = [f.key for f in suizhou.indicator("C4").rule.fields()]
    assert keys == ["measures.met", "systems.exchange", "systems.incentive"]
    with pytest.raises(R.InputError):
        score(suizhou, "C4", {"met": "是"})  # a parts rule takes part.field keys only


# --- per-school mean and group-type variants --------------------------------------------------------------

def test_per_school_mean(suizhou):
    # 004 C20 (10分): “各校得分的平均分即为教联体最终得分。” The 满意率 of each school scales 10 points:
    # 92% → 9.2, 85% → 8.5, 88.5% → 8.85, 81% → 8.1; mean = 34.65 / 4 = 8.6625 → 8.66
    schools = [School("s1", "核心校", "lead"), School("s2", "成员校甲", "member"),
               School("s3", "成员校乙", "member"), School("s4", "成员校丙", "member")]
    answers = {"s1": {"value": 92}, "s2": {"value": "８５"}, "s3": {"value": "88.5"}, "s4": {"value": 81}}
    result = score_indicator(suizhou.indicator("C20"), schools, None, answers)
    assert result.points == D("8.66")
    assert {k: v.points for k, v in result.per_school.items()} == {
        "s1": D("9.2"), "s2": D("8.5"), "s3": D("8.85"), "s4": D("8.1")}
    # one school not scored yet: the indicator is not done
    partial = score_indicator(suizhou.indicator("C20"), schools, None, {"s1": {"value": 92}})
    assert partial.points is None and len(partial.missing) == 3


def test_per_school_answer_for_a_school_not_targeted(ankang):
    schools = [School("a", "核心校", "lead"), School("b", "成员校", "member")]
    scorer = Scorer(ankang, schools)
    with pytest.raises(AnswerError) as info:
        scorer.set_answer("1", {"value": 50}, school="zz")
    assert "zz" in str(info.value) and "指标 1" in str(info.value)


def test_group_type_variant_text(suizhou):
    # 004 C5: 融合型 “实行管理干部和教师队伍‘打通’使用”; 共建型 “通过教师交流、跨校兼课、师徒结对……”
    c5 = suizhou.indicator("C5")
    assert c5.text_for("融合型").startswith("融合型教联体内实行管理干部和教师队伍“打通”使用")
    assert c5.text_for("共建型").startswith("共建型教联体通过教师交流、跨校兼课、师徒结对")
    assert c5.text_for(None) == c5.text
    assert "交流教师比例每学年不得低于20%" in c5.text_for("融合型")


# --- the plain-Chinese explanation follows the file ----------------------------------------------------------

def test_explanation_changes_with_the_file(tmp_path):
    rule = "type: deduct\ndeductions:\n  - {key: missing, label: 缺少的制度, points: %s}\n"
    first = one_indicator(tmp_path, "2", rule % "0.5", "a.yaml")
    second = one_indicator(tmp_path, "2", rule % "0.8", "b.yaml")
    assert "缺少的制度，每项扣 0.5 分" in first.rule.describe()
    assert "缺少的制度，每项扣 0.8 分" in second.rule.describe()
    # two missing: 2 − 1 = 1, and 2 − 1.6 = 0.4
    assert first.rule.score({"missing": 2}).points == D(1)
    assert second.rule.score({"missing": 2}).points == D("0.4")
    assert "−1.6" in "".join(second.rule.score({"missing": 2}).lines)

    target = "{type: shortfall, measure: 教师交流比例, target: %s, per_unit: 1}"
    assert "达到 10%" in one_indicator(tmp_path, "5", target % "10", "c.yaml").rule.describe()
    assert "达到 15%" in one_indicator(tmp_path, "5", target % "15", "d.yaml").rule.describe()


# --- a contract every rule keeps ------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", sorted(T.REGISTRY))
def test_every_rule_type_is_shipped_or_described(kind, suizhou, ankang):
    used = {i.rule.type for r in (suizhou, ankang) for i in r.indicators}
    used |= {p.rule.type for r in (suizhou, ankang) for i in r.indicators if isinstance(i.rule, T.PartsRule)
             for p in i.rule.parts}
    assert kind in used | {"items", "manual"}  # items and manual are exercised above from test files
    for rubric in (suizhou, ankang):
        for ind in rubric.indicators:
            text = ind.rule.describe()
            assert text and text.endswith("。")
            for f in ind.rule.fields():
                assert f.label


def test_a_new_rule_type_is_one_class(tmp_path):
    # One subclass with a `type` is read from the file (its keys checked, errors located),
    # explained and scored; the loader and the engine need no change.
    @dataclass(frozen=True)
    class HalfRule(R.Rule):
        type: ClassVar[str] = "half_for_test"
        keys: ClassVar[frozenset[str]] = frozenset({"condition"})
        condition: str = ""

        @classmethod
        def read(cls, rd, node, points, gate, path):
            return cls(points, gate, condition=rd.text(node, "condition", path))

        def own_fields(self):
            return [R.Field("met", "bool", self.condition)]

        def compute(self, values):
            return (self.points if values["met"] else self.points / 2), ["半数"]

        def describe_own(self):
            return f"{self.condition}得满分，否则得一半。"

    try:
        ind = one_indicator(tmp_path, "4", "{type: half_for_test, condition: 有制度}")
        assert ind.rule.describe() == "有制度得满分，否则得一半。"
        assert ind.rule.score({"met": "否"}).points == D(2)
        with pytest.raises(Exception) as err:
            one_indicator(tmp_path, "4", "{type: half_for_test, conditon: 有制度}", "bad.yaml")
        assert "是否应为 condition" in str(err.value) and "bad.yaml" in str(err.value)
    finally:
        del R.REGISTRY["half_for_test"]


def test_rubric_never_imports_scoring():
    # The layer order: scoring may import rubric; rubric never imports scoring.
    offenders = [str(p) for p in (ROOT / "inspector_app" / "rubric").rglob("*.py")
                 if "inspector_app.scoring" in p.read_text(encoding="utf-8")]
    assert offenders == []
