"""Inputs as a panel writes them on paper: points, done/required, % with or without the sign, yes/no,
a score out of N, 不适用, and a reasoned override — worked by hand from the seeds' lines."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector_app.rubric import rules as R
from inspector_app.rubric.loader import load_rubric
from inspector_app.scoring.answers import AnswersError, load_answers
from inspector_app.scoring.engine import Scorer
from inspector_app.scoring.school import School
from inspector_app.store import entries as E
from inspector_app.store.db import open_store
from store_helpers import small_plan

ROOT = Path(__file__).resolve().parents[1]
D = Decimal
SCHOOLS = [School("s1", "第四中学", "lead"), School("s2", "镇罗校区", "member")]


@pytest.fixture(scope="module")
def ankang():
    return load_rubric(ROOT / "rubrics" / "ankang-2022.yaml")


@pytest.fixture(scope="module")
def suizhou():
    return load_rubric(ROOT / "rubrics" / "suizhou-2022.yaml")


def points(rubric, code, answer):
    return rubric.indicator(code).rule.score(answer).points


# --- 按比例计分: done / required, a percentage, or the points awarded ---------------------------------------

def test_five_of_seven_items_is_exactly_five_sevenths(ankang):
    # 000 item 3 (5分): “根据工作完成情况按比例计分。” 5 of 7 items done: 5 × 5/7 = 3.5714… → 3.57;
    # typed as 71 (the nearest whole percent) it would be 5 × 0.71 = 3.55.
    assert points(ankang, "3", {"value": "5/7"}) == D("3.57")
    assert points(ankang, "3", {"value": "5／7"}) == D("3.57")  # full-width slash
    assert points(ankang, "3", {"value": "5项/7项"}) == D("3.57")
    assert points(ankang, "3", {"value": "71"}) == D("3.55")
    # 000 item 1 (6分): 6 × 5/7 = 4.2857… → 4.29
    out = ankang.indicator("1").rule.score({"value": "5/7"})
    assert out.points == D("4.29") and any("5/7 = 71.43%" in line for line in out.lines)


def test_percent_sign_optional(ankang):
    # 000 item 9 (8分): 75% → 8 × 0.75 = 6
    assert points(ankang, "9", {"value": "75%"}) == points(ankang, "9", {"value": "75"}) == D(6)
    assert points(ankang, "9", {"value": "７５％"}) == D(6)


def test_points_given_directly_keep_the_rule_explained(ankang):
    # 000 item 2 (4分): the panel writes 3.5 on its sheet
    out = ankang.indicator("2").rule.score({"value": "3.5分"})
    assert out.points == D("3.5")
    assert any("直接给分 3.5" in line for line in out.lines)
    assert any("按完成比例计分" in line for line in out.lines)
    with pytest.raises(R.InputError, match="不能超过本项满分 4"):
        ankang.indicator("2").rule.score({"value": "4.5分"})
    with pytest.raises(R.InputError, match="不能大于"):
        ankang.indicator("2").rule.score({"value": "8/7"})


def test_a_form_the_rule_does_not_accept_is_refused_by_name(suizhou):
    # 004 C1 家长满意度 “低于60%扣1分” takes a percentage (or satisfied/surveyed), not points
    with pytest.raises(R.InputError, match="不接受直接给分"):
        suizhou.indicator("C1").rule.score({"parents.value": "1分"})


# --- yes/no where the seed says yes/no; a score out of N ------------------------------------------------

def test_c5_cycle_is_a_yes_no(suizhou):
    # 004 C5: “交流教师比例每学年不得低于20%（8分）。教师交流周期至少为1年（2分）。”
    # ratio 20% → 8; cycle 是 → 2; cycle 否 → 0
    assert points(suizhou, "C5", {"ratio.value": "20", "cycle.value": "是"}) == D(10)
    assert points(suizhou, "C5", {"ratio.value": "20%", "cycle.value": "否"}) == D(8)
    # 15 of 60 teachers exchanged = 25% ≥ 20% → 8; the cycle met by 3 of 4 exchanged teachers → 1.5
    assert points(suizhou, "C5", {"ratio.value": "15/60", "cycle.value": "3/4"}) == D("9.5")


def test_c20_score_out_of_ten(suizhou):
    # 004 C20 (10分), “各校得分的平均分即为教联体最终得分”: one school 8.5 out of 10, the other 90%
    scorer = Scorer(suizhou, SCHOOLS, "共建型")
    scorer.set_answer("C20", {"value": "8.5/10"}, "s1")
    scorer.set_answer("C20", {"value": "90%"}, "s2")
    assert scorer.results["C20"].points == D("8.75")  # (8.5 + 9) / 2


# --- the seed's conditions complete ------------------------------------------------------------------------

def test_000_item_4_both_conditions(ankang):
    # 000 item 4 (5分): “每学年教师交流比例不低于符合交流要求的10%，其中骨干教师人数不低于交流总数的20%。”
    # “达到要求的计5分，每降低1个百分点少计1分。”
    # exchange 12% (met), backbone 18% (2 points short): 5 − 2 = 3
    out = ankang.indicator("4").rule.score({"value": "12", "backbone": "18"})
    assert out.points == D(3)
    assert any("骨干教师" in line and "−2" in line for line in out.lines)
    # backbone 9 of 50 exchanged teachers = 18%: the same 3
    assert points(ankang, "4", {"value": "12%", "backbone": "9/50"}) == D(3)
    # both met → 5; exchange 8% and backbone 15%: 5 − 2 − 5 → 0 (扣完为止)
    assert points(ankang, "4", {"value": "10", "backbone": "20"}) == D(5)
    assert points(ankang, "4", {"value": "8", "backbone": "15"}) == D(0)
    # the backbone share must be given: the indicator is not scored without it
    assert points(ankang, "4", {"value": "12"}) is None


def test_c4_one_of_two_systems_earns_half_of_three(suizhou):
    # 004 C4: “制定教联体教师管理办法（1分），建立教联体学校教师交流和考核激励等两项制度（3分）。”
    # measures 是, exchange system 是, incentive system 否: 1 + 1.5 = 2.5
    assert points(suizhou, "C4", {"measures.met": "是", "systems.exchange": "是", "systems.incentive": "否"}) == D("2.5")
    # “未建立管理办法和有关制度此项不得分”
    assert points(suizhou, "C4", {"measures.met": "否", "systems.exchange": "否", "systems.incentive": "否"}) == 0


# --- answers mean what they say ----------------------------------------------------------------------------

def test_unanswered_yes_no_leaves_the_indicator_unscored(suizhou):
    # `entry set … C1 unity.met=true parents.value=85`: charter, morale and party are not answered
    scorer = Scorer(suizhou, SCHOOLS, "共建型")
    result = scorer.set_answer("C1", {"unity.met": "true", "parents.value": "85"})
    assert result.points is None and not result.done
    assert "教师精神状态：教师精神状态良好" in result.missing
    assert scorer.card().done == 0
    # 0 is an answer: nothing missing, and the answered 否s cost their points: 5 − 1 (morale) − 1 (party) = 3
    result = scorer.set_answer("C1", {"charter.missing": 0, "unity.met": "是", "morale.met": "否",
                                      "parents.value": "85", "party.met": "否"})
    assert result.points == D(3) and scorer.card().done == 1


def test_not_applicable_is_explicit(suizhou):
    # 004 C9 “交流到教联体内农村学校的教师…”: a group without a rural school answers 不适用
    scorer = Scorer(suizhou, SCHOOLS, "共建型")
    count = scorer.card().count
    result = scorer.set_answer("C9", {"met": "不适用"})
    assert not result.applicable and result.points is None
    assert scorer.card().count == count - 1
    result = scorer.set_answer("C9", {"not_applicable": "本集团无农村学校"})
    assert not result.applicable and "本集团无农村学校" in "".join(result.lines)


# --- a reasoned override -------------------------------------------------------------------------------------

def test_override_keeps_the_computed_figure_and_the_reason(suizhou):
    # 004 C1 all present → 5 by the file's reading; the panel applies “缺一项扣0.5分” to all five points
    full = {"charter.missing": 0, "unity.met": "是", "morale.met": "是", "parents.value": "80", "party.met": "是"}
    reason = "考核组认为“缺一项扣0.5分”适用于全部五项，党建记录缺一项"
    out = suizhou.indicator("C1").rule.score(full | {"override": "4.5", "override_reason": reason})
    assert out.points == D("4.5") and out.computed == D(5) and out.override_reason == reason
    assert "按计分办法为 5 分" in out.lines[0]
    with pytest.raises(R.InputError, match="须写明理由"):
        suizhou.indicator("C1").rule.score(full | {"override": "4.5"})
    with pytest.raises(R.InputError, match="不能大于 5"):
        suizhou.indicator("C1").rule.score(full | {"override": "6", "override_reason": reason})
    scorer = Scorer(suizhou, SCHOOLS, "共建型")
    result = scorer.set_answer("C1", full | {"override": "4.5", "override_reason": reason})
    data = result.to_json()
    assert data["overridden"] and data["overrides"][0]["computed"] == "5" and data["overrides"][0]["reason"] == reason


# --- the same forms through the answers file and `entry set` -------------------------------------------------

def test_answers_file_and_store_accept_the_same_forms(tmp_path, ankang):
    path = tmp_path / "answers.yaml"
    path.write_text("rubric: ankang-2022\nschools:\n  - {id: s1, name: 核心校, role: lead}\n"
                    "answers:\n  '3':\n    s1: {value: 5/7}\n  '4':\n    s1: {value: 12%, backbone: 9/50}\n",
                    encoding="utf-8")
    card = load_answers(path, ankang).card()
    assert card.indicators["3"].points == D("3.57") and card.indicators["4"].points == D(3)
    path.write_text("rubric: ankang-2022\nschools:\n  - {id: s1, name: 核心校, role: lead}\n"
                    "answers:\n  '3':\n    s1: {value: 6分}\n", encoding="utf-8")
    with pytest.raises(AnswersError) as info:
        load_answers(path, ankang)
    assert info.value.problems[0].field == "answers.3.s1.value" and "满分 5" in info.value.problems[0].message


def test_entry_stores_the_written_form(data_dir, suizhou):
    store = open_store(data_dir)
    plan, rubric, group = small_plan(store)
    entry = E.set_entry(store, plan, rubric, group, "e0", "", "C5", inputs={"ratio.value": "15/60", "cycle.value": "是"})
    assert entry.points == D(10) and entry.inputs == {"ratio.value": "15/60", "cycle.value": "是"}
    entry = E.set_entry(store, plan, rubric, group, "e0", "", "C5", inputs={"ratio.value": "6分"})
    assert entry.points == D(8)  # 6 points directly for the ratio part + 2 for the cycle
    entry = E.set_entry(store, plan, rubric, group, "e0", "", "C1", inputs={"unity.met": "true", "parents.value": "85"})
    assert entry.points is None
    store.close()


# --- property tests: equivalent forms give the same points ---------------------------------------------------

HUNDREDTHS = st.integers(0, 10000).map(lambda n: D(n) / 100)


@settings(max_examples=150, deadline=None)
@given(value=HUNDREDTHS, code=st.sampled_from(["1", "3", "9", "18"]))
def test_percent_with_or_without_sign(ankang, value, code):
    text = R.base.fmt_points(value)
    assert points(ankang, code, {"value": text}) == points(ankang, code, {"value": f"{text}%"}) \
        == points(ankang, code, {"value": value})


@settings(max_examples=150, deadline=None)
@given(whole=st.sampled_from([1, 2, 4, 5, 8, 10, 20, 25, 50, 100]), data=st.data(),
       code=st.sampled_from(["1", "2", "9", "18"]))
def test_done_over_required_equals_its_percentage(ankang, whole, data, code):
    done = data.draw(st.integers(0, whole))
    percent = D(done) * 100 / whole  # exact for these denominators
    assert points(ankang, code, {"value": f"{done}/{whole}"}) == points(ankang, code, {"value": str(percent)})


@settings(max_examples=150, deadline=None)
@given(data=st.data(), code=st.sampled_from(["1", "2", "3", "9", "18"]))
def test_points_directly_equal_a_score_out_of_the_indicator(ankang, data, code):
    top = ankang.indicator(code).points
    awarded = data.draw(st.integers(0, int(top * 100))) / D(100)
    direct = points(ankang, code, {"value": f"{R.base.fmt_points(awarded)}分"})
    out_of = points(ankang, code, {"value": f"{R.base.fmt_points(awarded)}/{R.base.fmt_points(top)}"})
    assert direct == out_of == awarded


@settings(max_examples=60, deadline=None)
@given(ratio=st.sampled_from(["20", "20%", "4/20", "8分"]), cycle=st.sampled_from([("是", "100"), ("否", "0")]))
def test_yes_no_equals_all_or_nothing(suizhou, ratio, cycle):
    yes_no, percent = cycle
    assert points(suizhou, "C5", {"ratio.value": ratio, "cycle.value": yes_no}) \
        == points(suizhou, "C5", {"ratio.value": ratio, "cycle.value": percent})


def test_the_bureau_sees_an_override_as_a_flag(suizhou):
    # The same C1 override as above reaches the bureau's unit result with the computed figure and the reason.
    from inspector_app.results.cards import unit_from_card
    full = {"charter.missing": 0, "unity.met": "是", "morale.met": "是", "parents.value": "80", "party.met": "是"}
    scorer = Scorer(suizhou, SCHOOLS, "共建型")
    scorer.set_answer("C1", full | {"override": "4.5", "override_reason": "党建记录缺一项"})
    scorer.set_answer("C6", {"met": "是"})
    card = scorer.card()
    assert card.overridden == ["C1"] and card.to_json()["overridden"] == ["C1"]
    unit = unit_from_card(card, suizhou, group_id="g", name="第四中学教联体", group_type="共建型", schools=[])
    [flagged] = unit.overrides
    assert flagged.code == "C1" and flagged.points == D("4.5") and flagged.computed == D(5)
    assert flagged.override_reason == "党建记录缺一项"


@settings(max_examples=150, deadline=None)
@given(value=st.one_of(HUNDREDTHS.map(lambda d: R.base.fmt_points(d)), HUNDREDTHS.map(lambda d: f"{R.base.fmt_points(d)}%"),
                       st.integers(1, 60).flatmap(lambda n: st.integers(0, n).map(lambda k: f"{k}/{n}")),
                       st.integers(0, 500).map(lambda n: f"{R.base.fmt_points(D(n) / 100)}分")))
def test_stored_form_scores_the_same_after_a_round_trip(ankang, value):
    # What an entry stores (and a bundle carries) is the normalised input as JSON; reading it back, on this
    # laptop or another, must give the same value and the same points.
    rule = ankang.indicator("3").rule
    stored = E.jsonable_inputs(rule.normalise({"value": value}))
    again = E.jsonable_inputs(rule.normalise(json.loads(json.dumps(stored))))
    assert again == stored
    assert rule.score(again).points == rule.score({"value": value}).points


def test_the_workbook_has_an_override_column(suizhou, tmp_path):
    import openpyxl
    from inspector_app.results.cards import unit_from_card
    from inspector_app.results.model import History
    from inspector_app.results.ranking import compute_results
    from inspector_app.results.workbook import SUMMARY, write_results_workbook
    full = {"charter.missing": 0, "unity.met": "是", "morale.met": "是", "parents.value": "80", "party.met": "是"}
    scorer = Scorer(suizhou, SCHOOLS, "共建型")
    scorer.set_answer("C1", full | {"override": "4.5", "override_reason": "党建记录缺一项"})
    unit = unit_from_card(scorer.card(), suizhou, group_id="g", name="第四中学教联体", group_type="共建型", schools=[])
    out = write_results_workbook(compute_results([unit], suizhou, History(), 2025), tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(out)
    head = [c.value for c in wb[SUMMARY][1]]
    row = [c.value for c in wb[SUMMARY][2]]
    assert row[head.index("改定得分")] == "C1 4.5（按计分办法 5）：党建记录缺一项"
    detail = wb["指标明细"]
    head = [c.value for c in detail[1]]
    c1 = next([c.value for c in r] for r in detail.iter_rows(min_row=2) if r[3].value == "C1")
    assert c1[head.index("按计分办法得分")] == 5 and c1[head.index("改定理由")] == "党建记录缺一项"


@pytest.mark.parametrize("answer, expected", [("是", D("2")), ("否", D("4")), ("有", D("2")), ("无", D("4")),
                                              ("1", D("2")), ("0", D("4"))])
def test_a_failing_counted_once_is_answered_yes_or_no(suizhou, answer, expected):
    """004 C10 (4 分): "未开展一项活动扣0.5分，未“推门”听课评课扣2分。" The 推门 failing counts at most once, so
    it reads as a question: 未开展“推门”听课评课？是 → 4 − 2 = 2; 否 → 4 (no activity missed)."""
    assert points(suizhou, "C10", {"activities": 0, "no_visits": answer}) == expected


def test_a_failing_counted_once_still_refuses_two(suizhou):
    with pytest.raises(R.InputError):
        suizhou.indicator("C10").rule.score({"activities": 0, "no_visits": "2"})
