"""Properties of scoring that must hold for any input (hypothesis)."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspector_app.rubric.loader import load_rubric
from inspector_app.rubric import rules as T
from inspector_app.rubric import rules as R
from inspector_app.scoring.engine import Scorer
from inspector_app.scoring.school import School

ROOT = Path(__file__).resolve().parents[1]
D = Decimal
SUIZHOU = load_rubric(ROOT / "rubrics" / "suizhou-2022.yaml")
ANKANG = load_rubric(ROOT / "rubrics" / "ankang-2022.yaml")
SCHOOLS = [School("s1", "核心校", "lead"), School("s2", "成员校甲", "member"),
           School("s3", "成员校乙", "member")]
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def value_for(field: R.Field) -> st.SearchStrategy:
    if field.kind == "bool":
        return st.booleans()
    if field.kind == "count":
        top = int(field.maximum) if field.maximum is not None else 20
        return st.integers(min_value=0, max_value=top)
    if field.kind == "number":
        low = field.minimum if field.minimum is not None else D(0)
        high = field.maximum if field.maximum is not None else D(1000)
        return st.decimals(min_value=low, max_value=high, places=2, allow_nan=False, allow_infinity=False)
    if field.kind == "choice":
        return st.sampled_from(field.choices)
    return st.text(min_size=1, max_size=10).filter(str.strip)


def answer_for(rule: R.Rule) -> st.SearchStrategy:
    return st.fixed_dictionaries({f.key: value_for(f) for f in rule.fields()})


INDICATORS = [(r.id, i) for r in (SUIZHOU, ANKANG) for i in r.indicators]


@pytest.mark.parametrize("ind", [i for _, i in INDICATORS], ids=[f"{r}:{i.code}" for r, i in INDICATORS])
def test_indicator_stays_within_its_points(ind):
    @FAST
    @given(answer_for(ind.rule))
    def check(answer):
        out = ind.rule.score(answer)
        assert out.points is not None
        assert D(0) <= out.points <= ind.points
    check()


def full_answers(rubric) -> st.SearchStrategy:
    """One answer for every indicator (one per targeted school for per-school ones)."""
    parts = {}
    for ind in rubric.indicators:
        if ind.scope.per_school:
            targets = [s.id for s in SCHOOLS if {"lead": "lead", "member": "members"}[s.role] in ind.targets]
            parts[ind.code] = st.fixed_dictionaries({sid: answer_for(ind.rule) for sid in targets})
        else:
            parts[ind.code] = answer_for(ind.rule)
    return st.fixed_dictionaries(parts)


@pytest.mark.parametrize("rubric", [SUIZHOU, ANKANG], ids=["suizhou", "ankang"])
def test_areas_never_exceed_their_maximum(rubric):
    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(full_answers(rubric))
    def check(answers):
        scorer = Scorer(rubric, SCHOOLS)
        for code, answer in answers.items():
            if rubric.indicator(code).scope.per_school:
                for sid, one in answer.items():
                    scorer.set_answer(code, one, school=sid)
            else:
                scorer.set_answer(code, answer)
        card = scorer.card()
        assert card.complete
        for area in card.areas:
            assert D(0) <= area.points <= area.max
        assert card.base <= rubric.total and card.bonus <= rubric.bonus_max
        assert card.total == card.base + card.bonus
        assert card.grade in rubric.grades.labels
    check()


def tickable(rubric):
    """Indicators whose inputs are yes/no items: items rules, gates, and parts made of them."""
    result = []
    for ind in rubric.indicators:
        fields = ind.rule.fields()
        if fields and all(f.kind == "bool" for f in fields):
            result.append(ind)
    return result


MONOTONE = tickable(SUIZHOU) + tickable(ANKANG)


def test_there_are_tickable_indicators():
    assert {"C4", "C6", "C14"} <= {i.code for i in MONOTONE}


@pytest.mark.parametrize("code", ["C2", "C10"])
def test_one_more_failing_never_raises_a_deduct_score(code):
    ind = SUIZHOU.indicator(code)
    counts = [f for f in ind.rule.fields() if f.kind == "count"]

    @FAST
    @given(answer_for(ind.rule), st.sampled_from(counts))
    def check(answer, field):
        if field.maximum is not None and answer[field.key] >= field.maximum:
            return
        worse = {**answer, field.key: answer[field.key] + 1}
        assert ind.rule.score(worse).points <= ind.rule.score(answer).points
    check()


@pytest.mark.parametrize("ind", MONOTONE, ids=[i.code for i in MONOTONE])
def test_ticking_one_more_never_lowers_the_score(ind):
    keys = [f.key for f in ind.rule.fields()]

    @FAST
    @given(st.fixed_dictionaries({k: st.booleans() for k in keys}), st.sampled_from(keys))
    def check(answer, key):
        before = ind.rule.score(answer).points
        after = ind.rule.score({**answer, key: True}).points
        assert after >= before
    check()


ITEMS = T.ItemsRule(D(5), items=tuple(R.Option(f"k{i}", f"第{i}项", D(p)) for i, p in
                                      enumerate(["1", "1", "0.5", "1.5", "1"])))
GATED = T.ItemsRule(D(5), gate="召开了会议且有记录", items=ITEMS.items)


@pytest.mark.parametrize("rule", [ITEMS, GATED], ids=["items", "items with gate"])
def test_items_monotone(rule):
    keys = [f.key for f in rule.fields()]

    @FAST
    @given(st.fixed_dictionaries({k: st.booleans() for k in keys}), st.sampled_from(keys))
    def check(answer, key):
        assert rule.score({**answer, key: True}).points >= rule.score(answer).points
    check()


@pytest.mark.parametrize("score, grade", [
    # 004: “85分以上为‘优秀’，75分至84分为‘良好’，60分至74分为‘合格’，60分以下为‘不合格’”
    ("59.5", "不合格"), ("60", "合格"), ("74.5", "合格"), ("75", "良好"), ("84.5", "良好"), ("85", "优秀"),
    ("0", "不合格"), ("110", "优秀"),
])
def test_suizhou_bands(score, grade):
    assert SUIZHOU.grades.grade(D(score)) == grade


@pytest.mark.parametrize("score, grade", [
    # 000: “90分以上的为‘优秀’，80—89分为‘良好’，60—79分为‘合格’，60分以下为‘不合格’”
    ("79.5", "合格"), ("80", "良好"), ("89.5", "良好"), ("90", "优秀"), ("59.99", "不合格"), ("103", "优秀"),
])
def test_ankang_bands(score, grade):
    assert ANKANG.grades.grade(D(score)) == grade


@FAST
@given(st.decimals(min_value=0, max_value=113, places=2, allow_nan=False, allow_infinity=False))
def test_every_score_has_exactly_one_band(score):
    for rubric in (SUIZHOU, ANKANG):
        assert sum(1 for band in rubric.grades.bands if band.contains(score)) == 1


PER_SCHOOL = [i for i in ANKANG.indicators if i.scope.per_school]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(PER_SCHOOL), st.sampled_from(["s1", "s2", "s3", "s9"]),
                          st.integers(0, 10 ** 6), st.sampled_from(["answer", "clear", "bad"])), max_size=25))
def test_one_schools_answer_rescored_alone_equals_scoring_every_school_again(edits):
    """A keystroke at one school rescores that school only; after any sequence of edits (refused ones
    included) every result and the card are what scoring all answers from scratch gives."""
    import random

    from inspector_app.scoring.engine import AnswerError
    from inspector_app.store.demo import demo_inputs
    live = Scorer(ANKANG, SCHOOLS)
    for ind, school, seed, what in edits:
        answer = (None if what == "clear" else {"不是输入项": "x"} if what == "bad"
                  else ind.rule.normalise(demo_inputs(ind.rule, random.Random(seed))))
        try:
            live.set_answer(ind.code, answer, school)
        except (AnswerError, ValueError):
            pass
    fresh = Scorer(ANKANG, SCHOOLS)
    fresh.load_answers([(code, school, answer) for code, by_school in live.school_answers.items()
                        for school, answer in by_school.items()])
    assert {c: r.to_json() for c, r in live.results.items()} == {c: r.to_json() for c, r in fresh.results.items()}
    assert live.card().to_json() == fresh.card().to_json()
