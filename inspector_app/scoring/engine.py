"""Scoring a group on a rubric: indicators, per-school aggregation, areas, bonus, veto, grade.

`Scorer` keeps each indicator's result so that one changed answer rescores one
indicator and re-adds the areas, which is what the window does on every key.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from inspector_app.numbers import fmt_points
from inspector_app.rubric.model import AGGREGATES, TARGETS, Indicator, Rubric, Veto, says_bonus
from inspector_app.rubric.rules import HUNDRED, ZERO, InputError, Outcome, q
from inspector_app.scoring.school import ROLE_TARGET, School
from inspector_app.said import Said

COMPOSITE = Said("综合得分 = {0} = {1}", "composite score = {0} = {1}")
COMPOSITE_BONUS = Said("综合得分 = {0} + 加分 {1} = {2}", "composite score = {0} + bonus {1} = {2}")

SCHOOL_GROUP_LIST = Said('学校 “{0}” 不在本集团名单中',
                          'School "{0}" is not on this group\'s list')
ASSESSED_INDICATOR_ASSESSED = Said('不是本指标的考核对象（考核对象：{0}）',
                                    'Not assessed by this indicator (assessed: {0})')
VETO_DOES_EXIST = Said('否决项 “{0}” 不存在',
                        'Veto "{0}" does not exist')
INDICATOR_SCORED_SCHOOL_SCHOOL = Said('本指标逐校评分，须指明学校',
                                       'This indicator is scored school by school: name the school')
INDICATOR_SCORED_GROUP_WHOLE = Said('本指标按集团整体评分，不应指明学校',
                                     'This indicator is scored for the group as a whole: name no school')

class AnswerError(ValueError):
    """An answer that cannot be scored; names the indicator (and school)."""

    def __init__(self, code: str, message: str, school: str = "", field_key: str = ""):
        where = f"指标 {code}" + (f"（{school}）" if school else "")
        super().__init__(f"{where}: {message}")
        self.code, self.school, self.field_key = code, school, field_key


@dataclass
class IndicatorResult:
    code: str
    max: Decimal
    points: Decimal | None
    lines: list[str]
    missing: list[str] = field(default_factory=list)
    per_school: dict[str, Outcome] = field(default_factory=dict)
    applicable: bool = True
    answered: bool = False  # some input exists for it
    overrides: dict[str, Outcome] = field(default_factory=dict)  # school id ("" for the group) -> overridden outcome

    @property
    def done(self) -> bool:
        return self.points is not None

    @property
    def overridden(self) -> bool:
        return bool(self.overrides)

    def to_json(self) -> dict:
        return {"code": self.code, "max": fmt_points(self.max), "points": _j(self.points),
                "explanation": self.lines, "missing": self.missing, "applicable": self.applicable,
                "overridden": self.overridden,
                "overrides": [{"school": k, "points": _j(v.points), "computed": _j(v.computed),
                               "reason": v.override_reason} for k, v in self.overrides.items()],
                "per_school": {k: {"points": _j(v.points), "explanation": v.lines, "applicable": v.applicable,
                                   "overridden": v.overridden, "computed": _j(v.computed),
                                   "override_reason": v.override_reason}
                               for k, v in self.per_school.items()}}


@dataclass
class AreaResult:
    code: str
    title: str
    max: Decimal
    points: Decimal  # capped at max; unscored indicators count 0
    raw: Decimal
    bonus: bool
    done: int
    count: int

    @property
    def says_bonus(self) -> bool:
        return says_bonus(self.bonus, self.title)

    def to_json(self) -> dict:
        return {"code": self.code, "title": self.title, "max": fmt_points(self.max), "points": fmt_points(self.points),
                "raw": fmt_points(self.raw), "bonus": self.bonus, "done": self.done, "count": self.count}


@dataclass
class ScoreCard:
    rubric_id: str
    indicators: dict[str, IndicatorResult]
    areas: list[AreaResult]
    base: Decimal
    bonus: Decimal
    total: Decimal
    grade: str | None
    grade_note: str
    vetoed: list[Veto]
    composite: list[tuple[str, Decimal, Decimal]]  # (label, weight, percentage)
    withheld: list[Veto] = field(default_factory=list)  # findings that withhold the top grade (取消优秀资格)

    @property
    def done(self) -> int:
        return sum(1 for r in self.indicators.values() if r.applicable and r.done)

    @property
    def count(self) -> int:
        return sum(1 for r in self.indicators.values() if r.applicable)

    @property
    def complete(self) -> bool:
        return self.done == self.count

    @property
    def composite_total(self) -> Decimal | None:
        """002's 双线考核: the weighted total (bonus included), or None when the rubric has no composite."""
        return self.total if self.composite else None

    def composite_text(self) -> str:
        """The composite worked out in one line: 综合得分 = 50% × 80% + … = 82."""
        if not self.composite:
            return ""
        terms = " + ".join(f"{fmt_points(w * HUNDRED)}% × {lbl} {fmt_points(p)}%" for lbl, w, p in self.composite)
        if self.bonus:
            return COMPOSITE_BONUS(terms, fmt_points(self.bonus), fmt_points(self.total))
        return COMPOSITE(terms, fmt_points(self.total))

    @property
    def overridden(self) -> list[str]:
        """Codes of the indicators whose points the panel overrode with a reason."""
        return [code for code, r in self.indicators.items() if r.overridden]

    def to_json(self) -> dict:
        return {"rubric": self.rubric_id, "indicators": [r.to_json() for r in self.indicators.values()],
                "areas": [a.to_json() for a in self.areas], "base": fmt_points(self.base),
                "bonus": fmt_points(self.bonus), "total": fmt_points(self.total), "grade": self.grade,
                "grade_note": self.grade_note, "veto": [{"key": v.key, "text": v.text} for v in self.vetoed],
                "withheld": [{"key": v.key, "text": v.text} for v in self.withheld],
                "composite": [{"label": lbl, "weight": fmt_points(w), "percent": fmt_points(p)}
                              for lbl, w, p in self.composite],
                "composite_total": _j(self.composite_total), "composite_text": self.composite_text(),
                "overridden": self.overridden,
                "done": self.done, "count": self.count}


def _j(value: Decimal | None) -> str | None:
    return None if value is None else fmt_points(value)


def targeted_schools(ind: Indicator, schools: list[School]) -> list[School]:
    return [s for s in schools if ROLE_TARGET.get(s.role) in ind.targets]


def score_indicator(ind: Indicator, schools: list[School], group_answer: dict | None,
                    school_answers: dict[str, dict] | None, group_type: str | None = None) -> IndicatorResult:
    """Score one indicator from the panel's inputs (per school where the rubric says so)."""
    if not ind.scope.per_school:
        outcomes = {} if group_answer is None else {"": _score(ind, group_answer)}
        return combine(ind, schools, outcomes, group_type)
    return combine(ind, schools, school_outcomes(ind, schools, school_answers or {}, group_type), group_type)


def _check_school(ind: Indicator, names: dict[str, str], targets: list[School], sid: str,
                  group_type: str | None) -> None:
    if sid not in names:
        raise AnswerError(ind.code, SCHOOL_GROUP_LIST(sid))
    if ind.applies_to(group_type) and all(s.id != sid for s in targets):
        who = "、".join(TARGETS[t] for t in ind.targets)
        raise AnswerError(ind.code, ASSESSED_INDICATOR_ASSESSED(who), names[sid])


def _score_school(ind: Indicator, school: School, answer: dict) -> Outcome:
    try:
        return _score(ind, answer)
    except AnswerError as exc:
        raise AnswerError(ind.code, str(exc).split(": ", 1)[-1], school.name, exc.field_key) from exc


def school_outcomes(ind: Indicator, schools: list[School], school_answers: dict[str, dict],
                    group_type: str | None = None) -> dict[str, Outcome]:
    """A per-school indicator's outcome at each targeted school that has an answer."""
    names = {s.id: s.name for s in schools}
    targets = targeted_schools(ind, schools)
    for sid in school_answers:
        _check_school(ind, names, targets, sid, group_type)
    return {school.id: _score_school(ind, school, school_answers[school.id])
            for school in targets if school_answers.get(school.id) is not None}


def combine(ind: Indicator, schools: list[School], outcomes: dict[str, Outcome],
            group_type: str | None = None) -> IndicatorResult:
    """An indicator's result from its outcomes: one for the group (key ""), or one per targeted school.

    Outcomes come from the rule (an expert's inputs) or are settled by the panel lead.
    """
    if not ind.applies_to(group_type):
        return IndicatorResult(ind.code, ind.points, None, [f"不适用于{group_type}"], applicable=False)
    if ind.points_open:
        return IndicatorResult(ind.code, ind.points, None, ["分值待定：本指标体系是模板，教育局补充后才能评分"],
                               applicable=False)
    if not ind.scope.per_school:
        outcome = outcomes.get("")
        if outcome is None:
            return IndicatorResult(ind.code, ind.points, None, ["尚未评分"], ["全部"])
        return IndicatorResult(ind.code, ind.points, outcome.points, outcome.lines, outcome.missing,
                               applicable=outcome.applicable, answered=True,
                               overrides={"": outcome} if outcome.overridden else {})
    targets = targeted_schools(ind, schools)
    if not targets:
        return IndicatorResult(ind.code, ind.points, None, ["本集团没有本指标的考核对象"], applicable=False)
    per_school: dict[str, Outcome] = {}
    lines, missing = [], []
    for school in targets:
        outcome = outcomes.get(school.id)
        if outcome is None:
            missing.append(school.name)
            lines.append(f"{school.name}: 尚未评分")
            continue
        per_school[school.id] = outcome
        if not outcome.applicable:
            lines.append(f"{school.name}: 不适用（{'；'.join(outcome.lines)}）")
            continue
        if outcome.points is None:
            missing.append(school.name)
        lines.append(f"{school.name}: {fmt_points(outcome.points)}"
                     + (f"（改定，按计分办法为 {fmt_points(outcome.computed)}）" if outcome.overridden else ""))
    answered = bool(per_school)
    overrides = {k: o for k, o in per_school.items() if o.overridden}
    if missing:
        return IndicatorResult(ind.code, ind.points, None, lines + [f"还有 {len(missing)} 所学校未完成"],
                               missing, per_school, answered=answered, overrides=overrides)
    scored = [o.points for o in per_school.values() if o.applicable]
    if not scored:  # every targeted school answered 不适用
        return IndicatorResult(ind.code, ind.points, None, lines + ["各校均不适用"], [], per_school,
                               applicable=False, answered=True)
    points = _aggregate(ind.scope.aggregate, scored)
    lines.append(f"{AGGREGATES[ind.scope.aggregate]} = {fmt_points(points)}")
    return IndicatorResult(ind.code, ind.points, min(points, ind.points), lines, [], per_school, answered=True,
                           overrides=overrides)


def _aggregate(how: str, values: list[Decimal]) -> Decimal:
    if how == "min":
        return min(values)
    if how == "sum":
        return sum(values, ZERO)
    return q(sum(values, ZERO) / len(values))


def _score(ind: Indicator, answer: dict) -> Outcome:
    try:
        return ind.rule.score(answer)
    except InputError as exc:
        raise AnswerError(ind.code, str(exc), field_key=exc.field_key) from exc


class Scorer:
    """Scores one group and rescoring one indicator at a time."""

    def __init__(self, rubric: Rubric, schools: list[School], group_type: str | None = None):
        self.rubric = rubric
        self.schools = list(schools)
        self.group_type = group_type
        self.group_answers: dict[str, dict] = {}
        self.school_answers: dict[str, dict[str, dict]] = {}
        self.vetoes: dict[str, bool] = {}
        self.settled: dict[str, dict[str, Outcome]] = {}  # code -> school id ("" for group) -> outcome
        self.results: dict[str, IndicatorResult] = {}
        # A per-school indicator's outcomes as last scored in full: one school's new answer is scored
        # alone and combined with the others' (a keystroke does not rescore 30 schools).
        self._outcomes: dict[str, dict[str, Outcome]] = {}
        for ind in rubric.indicators:
            self._rescore(ind)

    def set_answer(self, code: str, answer: dict | None, school: str | None = None) -> IndicatorResult:
        """Set (or clear, with None) one indicator's inputs and rescore it."""
        ind = self.rubric.indicator(code)
        if ind.scope.per_school:
            if not school:
                raise AnswerError(code, INDICATOR_SCORED_SCHOOL_SCHOOL())
            bucket = self.school_answers.setdefault(code, {})
            old = bucket.get(school)
            if code not in self.settled and code in self._outcomes:
                return self._rescore_school(ind, school, answer)
            _set(bucket, school, answer)
        else:
            if school:
                raise AnswerError(code, INDICATOR_SCORED_GROUP_WHOLE())
            bucket = self.group_answers
            old = bucket.get(code)
            _set(bucket, code, answer)
        try:
            return self._rescore(ind)
        except AnswerError:
            _set(bucket, school if ind.scope.per_school else code, old)
            raise

    def load_answers(self, answers: list[tuple[str, str | None, dict]]) -> None:
        """Set many (code, school, inputs) at once, as on opening a group: each indicator is rescored once,
        not once per school (which would be quadratic in the group's schools)."""
        touched: dict[str, Indicator] = {}
        for code, school, answer in answers:
            ind = self.rubric.indicator(code)
            if ind.scope.per_school:
                if not school:
                    raise AnswerError(code, INDICATOR_SCORED_SCHOOL_SCHOOL())
                self.school_answers.setdefault(code, {})[school] = answer
            else:
                if school:
                    raise AnswerError(code, INDICATOR_SCORED_GROUP_WHOLE())
                self.group_answers[code] = answer
            touched[code] = ind
        for ind in touched.values():
            self._rescore(ind)

    def set_veto(self, key: str, value: bool) -> None:
        if key not in {v.key for v in self.rubric.vetoes}:
            raise AnswerError("veto", VETO_DOES_EXIST(key))
        self.vetoes[key] = value

    def settle(self, code: str, outcome: Outcome | None, school: str | None = None) -> IndicatorResult:
        """Use points settled by the panel (consensus) instead of computing them from inputs."""
        ind = self.rubric.indicator(code)
        bucket = self.settled.setdefault(code, {})
        _set(bucket, school or "", outcome)
        return self._rescore(ind)

    def _rescore(self, ind: Indicator) -> IndicatorResult:
        self._outcomes.pop(ind.code, None)
        if ind.code in self.settled:
            result = combine(ind, self.schools, self.settled[ind.code], self.group_type)
        elif ind.scope.per_school:
            outcomes = school_outcomes(ind, self.schools, self.school_answers.get(ind.code) or {}, self.group_type)
            result = combine(ind, self.schools, outcomes, self.group_type)
            self._outcomes[ind.code] = outcomes
        else:
            result = score_indicator(ind, self.schools, self.group_answers.get(ind.code), None, self.group_type)
        self.results[ind.code] = result
        return result

    def _rescore_school(self, ind: Indicator, school: str, answer: dict | None) -> IndicatorResult:
        """One school's answer of a per-school indicator changed: score it alone, combine with the rest.
        The same checks and the same result as scoring every school again (tests/test_properties.py)."""
        outcomes = dict(self._outcomes[ind.code])
        if answer is None:
            outcomes.pop(school, None)
        else:
            names = {s.id: s.name for s in self.schools}
            targets = targeted_schools(ind, self.schools)
            _check_school(ind, names, targets, school, self.group_type)
            target = next((s for s in targets if s.id == school), None)
            if target is None:
                outcomes.pop(school, None)  # a school the indicator does not apply to here: kept, not scored
            else:
                outcomes[school] = _score_school(ind, target, answer)
        result = combine(ind, self.schools, outcomes, self.group_type)
        _set(self.school_answers.setdefault(ind.code, {}), school, answer)
        self._outcomes[ind.code] = outcomes
        self.results[ind.code] = result
        return result

    def card(self) -> ScoreCard:
        rubric = self.rubric
        areas = []
        for area in rubric.areas:
            raw, done, count = ZERO, 0, 0
            for ind in area.indicators:
                result = self.results[ind.code]
                if not result.applicable:
                    continue
                count += 1
                if result.points is not None:
                    raw += result.points
                    done += 1
            areas.append(AreaResult(area.code, area.title, area.max, min(raw, area.max), raw, area.bonus, done, count))
        base = sum((a.points for a in areas if not a.bonus), ZERO)
        if rubric.total is not None:
            base = min(base, rubric.total)
        bonus = min(sum((a.points for a in areas if a.bonus), ZERO), rubric.bonus_max)
        composite = []
        if rubric.composite:
            total = ZERO
            by_code = {a.code: a for a in areas}
            for part in rubric.composite.parts:
                got = sum((by_code[c].points for c in part.areas), ZERO)
                cap = sum((by_code[c].max for c in part.areas), ZERO)
                pct = q(got / cap * HUNDRED) if cap else ZERO
                composite.append((part.label, part.weight, pct))
                total += part.weight * pct
            total = q(total) + bonus
        else:
            total = base + bonus
        found = [v for v in rubric.vetoes if self.vetoes.get(v.key)]
        vetoed = [v for v in found if not v.withholds_top]
        withheld = [v for v in found if v.withholds_top]
        grades = rubric.grades
        if vetoed:
            grade = grades.lowest
            note = f"一票否决：{vetoed[0].text}"
        elif grades.decided_by:
            grade, note = None, f"等次由{grades.decided_by}根据考核成绩确定，指标体系未规定分数线"
        else:
            grade, note = grades.grade(total), ""
            if withheld and grades.below_top(grade) != grade:
                lower = grades.below_top(grade)
                note = f"取消“{grade}”资格，定为“{lower}”：{withheld[0].text}"
                grade = lower
        unscored = sum(1 for r in self.results.values() if r.applicable and not r.done)
        if unscored and not vetoed:
            extra = f"尚有 {unscored} 项未评分（按 0 分计），总分{'与等次' if grade else ''}为暂计"
            note = f"{note}；{extra}" if note else extra
        return ScoreCard(rubric.id, dict(self.results), areas, base, bonus, total, grade, note, vetoed, composite, withheld)


def _set(bucket: dict, key: str, value: Any) -> None:
    if value is None:
        bucket.pop(key, None)
    else:
        bucket[key] = value
