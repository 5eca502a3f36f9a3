"""From the scoring engine's `ScoreCard`s (and the roster) to ranked `Results` in one call."""
from __future__ import annotations

from decimal import Decimal
from typing import Mapping, Sequence

from inspector_app.results.consequences import Policy
from inspector_app.results.model import AreaScore, History, IndicatorScore, UnitResult
from inspector_app.scoring.school import School
from inspector_app.results.ranking import compute_results
from inspector_app.results.roster import Roster
from inspector_app.results.model import Results
from inspector_app.rubric.model import Rubric
from inspector_app.scoring.engine import ScoreCard
from inspector_app.said import Said

THESE_GROUPS_ROSTER = Said('这些集团不在名单中：{0}',
                            'These groups are not in the roster: {0}')
THESE_GROUPS_HAVE_RESULTS = Said('这些集团还没有考核结果：{0}',
                                  'These groups have no results yet: {0}')


def unit_from_card(card: ScoreCard, rubric: Rubric, *, group_id: str, name: str, group_type: str,
                   schools: Sequence[School], self_scores: Mapping[str, Decimal] | None = None,
                   experts: Mapping[str, Sequence[str]] | None = None,
                   grade: str | None = None) -> UnitResult:
    """One unit's result. `grade` overrides the card's (for grades a body decides, 002/003)."""
    self_scores = self_scores or {}
    experts = experts or {}
    titles = {a.code: a.title for a in rubric.areas}
    indicators = []
    for ind in rubric.indicators:
        res = card.indicators.get(ind.code)
        per_school, reason, computed = {}, "", None
        if res is not None:
            per_school = {sid: o.points for sid, o in res.per_school.items() if o.points is not None}
            reason = "；".join(f"{o.override_reason}" + (f"（{sid}）" if sid else "") for sid, o in res.overrides.items())
            computed = res.overrides[""].computed if "" in res.overrides else None
        indicators.append(IndicatorScore(
            ind.code, ind.area_code, ind.points, res.points if res else None, self_scores.get(ind.code),
            tuple(experts.get(ind.code, ())), per_school, res.applicable if res else False, reason, computed))
    areas = tuple(AreaScore(a.code, titles.get(a.code, a.title), a.max, a.points, a.bonus) for a in card.areas)
    lead = next((s.name for s in schools if s.role == "lead"), "")
    return UnitResult(group_id, name, group_type, lead, card.total, grade if grade is not None else card.grade,
                      areas, tuple(indicators), tuple(schools), bool(card.vetoed),
                      "；".join(v.text for v in card.vetoed), tuple(card.composite),
                      "；".join(v.text for v in card.withheld))


def results_from_cards(rubric: Rubric, year: int, cards: Mapping[str, ScoreCard], roster: Roster, *,
                       experts: Mapping[str, Mapping[str, Sequence[str]]] | None = None,
                       grades: Mapping[str, str] | None = None, history: History | None = None,
                       policy: Policy | None = None) -> Results:
    """Rank every group of `roster` that has a card.

    `cards`: group id → ScoreCard; `experts`: group id → indicator code → who scored it;
    `grades`: group id → grade where a body decided it; `history` is added to the
    roster's 上年结果 (and wins where both give the same group and year).
    """
    experts = experts or {}
    grades = grades or {}
    missing = [g.id for g in roster.groups if g.id not in cards]
    unknown = sorted(set(cards) - {g.id for g in roster.groups})
    if unknown:
        raise ValueError(THESE_GROUPS_ROSTER('、'.join(unknown)))
    if missing:
        raise ValueError(THESE_GROUPS_HAVE_RESULTS('、'.join(missing)))
    units = [unit_from_card(cards[g.id], rubric, group_id=g.id, name=g.name, group_type=g.group_type,
                            schools=roster.schools.get(g.id, []), self_scores=roster.self_scores.get(g.id),
                            experts=experts.get(g.id), grade=grades.get(g.id))
             for g in roster.groups]
    past = roster.history.merged(history) if history else roster.history
    return compute_results(units, rubric, past, year, policy)
