"""The answers file of `inspector score`: numbers typed by people, parsed strictly."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from inspector_app.cli.main import main
from inspector_app.rubric.loader import load_rubric
from inspector_app.scoring.answers import AnswersError, load_answers

ROOT = Path(__file__).resolve().parents[1]
D = Decimal

HEAD = """\
rubric: suizhou-jlt
group_type: 融合型
schools:
  - {id: s1, name: 第四中学, role: lead}
  - {id: s2, name: 镇罗校区, role: member}
answers:
"""


@pytest.fixture(scope="module")
def suizhou():
    return load_rubric(ROOT / "rubrics" / "suizhou-2022.yaml")


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "answers.yaml"
    path.write_text(HEAD + body, encoding="utf-8")
    return path


def card_of(tmp_path, suizhou, body):
    return load_answers(write(tmp_path, body), suizhou).card()


@pytest.mark.parametrize("typed, expected", [
    # 004 C20: each school's 满意率 × 10 points; the group gets the mean (“各校得分的平均分”)
    ('"８５"', D("8.5")),    # full-width digits from a Chinese input method
    ('"85.0"', D("8.5")),
    ("85.0", D("8.5")),
    ('"+85"', D("8.5")),
    ('"８４.５"', D("8.45")),
    ('" 85 "', D("8.5")),
])
def test_typed_numbers_accepted(tmp_path, suizhou, typed, expected):
    card = card_of(tmp_path, suizhou, f"  C20:\n    s1: {{value: {typed}}}\n    s2: {{value: {typed}}}\n")
    assert card.indicators["C20"].points == expected


def test_full_width_decimal_and_plus_sign(tmp_path, suizhou):
    # 004 C5 交流教师比例: “不得低于20%（8分）” “按完成比例计分”: ４.５% → 8 × 4.5 / 20 = 1.8; cycle 100% → 2
    # 004 C19 “省级得1分”: +5 provincial awards → 5, capped at the item's 5 points
    card = card_of(tmp_path, suizhou, '  C5: {ratio.value: "４.５", cycle.value: 100}\n'
                                      '  C19: {national: 0, provincial: "+5", city: 0}\n')
    assert card.indicators["C5"].points == D("3.8")
    assert card.indicators["C19"].points == D(5)


@pytest.mark.parametrize("typed, what", [
    ('"1e3"', "不是数字"),
    ('"8_5"', "不是数字"),
    ('"NaN"', "不是数字"),
    ('"inf"', "不是数字"),
    ('"八十五"', "不是数字"),
    ('"105"', "不能大于 100"),
    ('"-1"', "不能小于 0"),
    ('""', "尚未"),
])
def test_bad_numbers_rejected_naming_indicator_and_school(tmp_path, suizhou, typed, what):
    body = f"  C20:\n    s1: {{value: 90}}\n    s2: {{value: {typed}}}\n"
    path = write(tmp_path, body)
    if what == "尚未":  # empty is not an error: the school is simply not scored yet
        result = load_answers(path, suizhou).card().indicators["C20"]
        assert result.points is None and "镇罗校区" in result.missing
        return
    with pytest.raises(AnswersError) as info:
        load_answers(path, suizhou)
    [problem] = info.value.problems
    assert problem.file == str(path) and problem.line == 9
    assert problem.field == "answers.C20.s2.value"
    assert "指标 C20" in problem.message and "镇罗校区" in problem.message and what in problem.message


def test_count_below_zero_rejected(tmp_path, suizhou):
    # 004 C10 counts activities not held; a count below zero makes no sense
    path = write(tmp_path, "  C10: {activities: -1, no_visits: 0}\n")
    with pytest.raises(AnswersError) as info:
        load_answers(path, suizhou)
    [problem] = info.value.problems
    assert problem.line == 7 and problem.field == "answers.C10.activities"
    assert "指标 C10" in problem.message and "负数" in problem.message


def test_fractional_count_rejected(tmp_path, suizhou):
    with pytest.raises(AnswersError) as info:
        load_answers(write(tmp_path, "  C10: {activities: 1.5}\n"), suizhou)
    assert "整数" in str(info.value)


def test_non_number_for_a_yes_no(tmp_path, suizhou):
    with pytest.raises(AnswersError) as info:
        load_answers(write(tmp_path, "  C6: {met: 1e3}\n"), suizhou)
    [problem] = info.value.problems
    assert problem.field == "answers.C6.met" and "指标 C6" in problem.message and "是/否" in problem.message


def test_unknown_indicator_school_and_key(tmp_path, suizhou):
    body = ("  C99: {met: 是}\n"
            "  C20:\n    s9: {value: 90}\n"
            "  C6: {mett: 是}\n")
    with pytest.raises(AnswersError) as info:
        load_answers(write(tmp_path, body), suizhou)
    text = str(info.value)
    assert "C99" in text and "s9" in text and "mett" in text
    assert len(info.value.problems) == 3


def test_veto_forces_lowest_grade(tmp_path):
    rubric = load_rubric(ROOT / "rubrics" / "ankang-2022.yaml")
    body = (ROOT / "docs" / "examples" / "answers-ankang.yaml").read_text(encoding="utf-8")
    path = tmp_path / "a.yaml"
    path.write_text(body.replace("major_incident: 否", "major_incident: 是"), encoding="utf-8")
    card = load_answers(path, rubric).card()
    # 000 同时考虑（二）: “……被追究校长责任的，集团直接定为‘不合格’等次。”
    assert card.grade == "不合格" and card.total > D(60) and "一票否决" in card.grade_note


def test_score_json_output(tmp_path, capsys):
    # Only 004 C6 (gate, 5) and C20 (per school 90% and 80% → 9 and 8, mean 8.5) answered:
    # total 5 + 8.5 = 13.5, 不合格 (below 60), and the card says 21 indicators are still open.
    path = write(tmp_path, "  C6: {met: 是}\n  C20:\n    s1: {value: 90}\n    s2: {value: ８０}\n")
    assert main(["score", "suizhou-jlt", str(path), "--json"]) == 0
    card = json.loads(capsys.readouterr().out)
    assert card["rubric"] == "suizhou-jlt"
    assert card["total"] == "13.5" and card["base"] == "13.5" and card["bonus"] == "0"
    assert card["grade"] == "不合格" and "21 项未评分" in card["grade_note"]
    assert card["done"] == 2 and card["count"] == 23
    c20 = next(i for i in card["indicators"] if i["code"] == "C20")
    assert c20["points"] == "8.5" and c20["per_school"]["s1"]["points"] == "9"
    a2 = next(a for a in card["areas"] if a["code"] == "A2")
    assert a2["points"] == "5" and a2["max"] == "30"


def test_score_command_reports_errors_with_exit_1(tmp_path, capsys):
    path = write(tmp_path, "  C20:\n    s1: {value: 1e3}\n")
    assert main(["score", "suizhou-jlt", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:8: answers.C20.s1.value: 指标 C20（第四中学）" in err


@pytest.mark.parametrize("rid, name", [("suizhou-jlt", "answers-suizhou.yaml"),
                                       ("ankang-2022", "answers-ankang.yaml")])
def test_documented_examples_score(capsys, rid, name):
    assert main(["score", rid, str(ROOT / "docs" / "examples" / name), "--json"]) == 0
    card = json.loads(capsys.readouterr().out)
    assert card["done"] == card["count"] > 0 and card["grade"]
