"""Ranking units and deciding the consequences their results carry.

Ranks are competition ranks (1, 1, 3): units with the same total share a
rank and the next rank skips. A vetoed unit (一票否决) ranks below every unit
that was not vetoed (policy `vetoed_last`). Within a tie the table lists units
by group id; that order is for display only and is not a tie-break.
Ranks are given overall and within each group type (分类评价, 003).
"""
from __future__ import annotations

from decimal import ROUND_FLOOR, Decimal
from typing import Callable, Iterable

from inspector_app.said import Said
from inspector_app.numbers import fmt_points
from inspector_app.results.consequences import Consequence, Policy, policy_for
from inspector_app.scoring.self_difference import differs
from inspector_app.results.model import (
    AreaHead, Flag, History, IndicatorDiff, IndicatorHead, RankedUnit, Results, UnitResult,
)
from inspector_app.rubric.model import Rubric

GROUP_ID_APPEARS_MORE = Said('集团编号 “{0}” 出现了不止一次',
                              'Group id "{0}" appears more than once')


class ResultsError(ValueError):
    """Inputs that cannot be ranked (duplicate group ids)."""



# The flags of the consequences (what the policy's own words, c.action and c.label, say stays as the policy says it)
PROGRESSED = Said("上年第 {0} 名，本年第 {1} 名，前进 {2} 位；{3}", "ranked {0} last year, {1} this year: up {2} place(s); {3}")
PROGRESS_NOTE = Said("{0}：本年综合排名比 {1} 年前进 {2} 位或以上（按两年各自的名次数字比较）。",
                     "{0}: up {2} place(s) or more in the overall ranking since {1} (the two years' rank numbers compared).")
LAST = Said("综合排名第 {0} 名（末位）；{1}", "ranked {0} overall (last); {1}")
LAST_NOTE = Said("{0}：名次最后的单位（并列末位的都算）；只有一个单位或全部并列时不标记。",
                 "{0}: the group(s) ranked last (all tied last count); not flagged when there is one group or all are tied.")
LAST_TWICE = Said("{0} 年、{1} 年均为末位；{2}", "last in {0} and in {1}; {2}")
VETOED_BY = Said("一票否决：{0}", "veto: {0}")
TOTAL_OF = Said("总分 {0}", "total {0}")
GRADED_LOWEST = Said("{0} 年等次为“{1}”（{2}）；{3}", "graded “{1}” in {0} ({2}); {3}")
LOWEST_TWICE = Said("{0} 年、{1} 年连续两年为“{2}”；{3}", "“{2}” two years running, {0} and {1}; {3}")
GRADED = Said("{0}等次为“{1}”；{2}", "{0}graded “{1}”; {2}")
AWARDED = Said("“{0}”等次 {1} 个单位中按总分列前 {2}%（名额 {3} 个）；{4}",
               "among the {1} group(s) graded “{0}”, in the top {2}% by total ({3} place(s)); {4}")
AWARD_TIE = Said("奖励并列待定", "award tie: to be decided")
AWARD_TIED = Said("总分 {0} 与他单位并列于第 {1} 个奖励名额处；全部列入将超过 {2}%，按“不超过”暂不列入，由教育局决定",
                  "total {0}, tied with other groups at award place {1}; listing them all would exceed {2}%, so, "
                  "as the policy says “not more than”, none is listed for now: the bureau decides")
WITHHELD = Said("{0}（总分 {1}，等次为“{2}”，得分不变）", "{0} (total {1}, grade “{2}”, score unchanged)")

SELF_DIFF = Said("自评差异", "Self-assessment gap")
SELF_TOTALS = Said("自评合计 {0}，考核组 {1}（{2}）", "self-assessed total {0}, panel {1} ({2})")
SELF_HIGHER = Said("自评高 {0} 分", "self-assessment {0} pt higher")
SELF_LOWER = Said("自评低 {0} 分", "self-assessment {0} pt lower")
SELF_EVEN = Said("合计持平", "totals equal")
SELF_ITEMS = Said("{0}；差异较大的指标：{1}", "{0}; indicators that differ widely: {1}")
SELF_RULE = Said("（程序规则）单项自评与考核组得分相差达到该项分值的 {0}% 或合计相差达到 {1} 分时标记，供反馈会讨论。",
                 "(the program's rule) flagged when an indicator's self-score and the panel's differ by {0}% of its "
                 "points or more, or the totals by {1} pt or more, for discussion at the feedback meeting.")
RANKING = Said("排名规则：按总分从高到低；同分并列、名次相同，下一名次顺延（如 1、1、3）；{0}同分单位在表中按集团编号先后列出，不表示名次先后。",
               "Ranking: by total, highest first; equal totals share a rank and the next rank is skipped (e.g. 1, 1, "
               "3); {0}groups with equal totals are listed by their number, which says nothing of their order.")
VETOED_LAST = Said("一票否决的单位排在未被否决的单位之后；", "groups vetoed come after every group not vetoed; ")

def _order_key(unit: UnitResult, policy: Policy) -> tuple:
    return (unit.vetoed if policy.vetoed_last else False, -unit.total)


def competition_ranks(units: list[UnitResult], policy: Policy) -> dict[str, int]:
    """Group id → 1 + the number of units strictly ahead of it."""
    keys = {u.group_id: _order_key(u, policy) for u in units}
    ordered = sorted(keys.values())
    ranks = {}
    for gid, key in keys.items():
        ahead = 0
        for other in ordered:
            if other < key:
                ahead += 1
            else:
                break
        ranks[gid] = ahead + 1
    return ranks


def compute_results(units: Iterable[UnitResult], rubric: Rubric, history: History | None, year: int,
                    policy: Policy | None = None) -> Results:
    units = list(units)
    history = history or History()
    policy = policy or policy_for(rubric)
    seen: set[str] = set()
    for u in units:
        if u.group_id in seen:
            raise ResultsError(GROUP_ID_APPEARS_MORE(u.group_id))
        seen.add(u.group_id)

    ranks = competition_ranks(units, policy)
    class_ranks: dict[str, int] = {}
    class_sizes: dict[str, int] = {}
    for cls in {u.class_name for u in units}:
        members = [u for u in units if u.class_name == cls]
        class_ranks.update(competition_ranks(members, policy))
        for u in members:
            class_sizes[u.group_id] = len(members)

    ordered = sorted(units, key=lambda u: (_order_key(u, policy), u.group_id))
    ranked = [RankedUnit(u, ranks[u.group_id], class_ranks[u.group_id], class_sizes[u.group_id],
                         history.get(u.group_id, year - 1)) for u in ordered]

    notes: list[str] = []
    rules: list[tuple[str, str]] = []
    ctx = _Context(ranked, rubric, history, year, policy, notes)
    for consequence in policy.consequences:
        CONSEQUENCE_RULES[consequence.kind](ctx, consequence)
        rules.append((consequence.label, consequence.basis))
    for r in ranked:
        _withheld(r, rubric)
        _self_diff(r, policy)
    for v in rubric.vetoes:
        if v.withholds_top:
            rules.append((rubric.grades.withheld_label, f"{v.text}（考核组认定并写明事实和理由；得分不变，等次至多为下一等次）"))
    rules.append((SELF_DIFF(), SELF_RULE(fmt_points(policy.self_diff_share * 100), fmt_points(policy.self_diff_total))))
    notes.insert(0, RANKING(VETOED_LAST() if policy.vetoed_last else ""))

    areas = tuple(AreaHead(a.code, a.title, a.max, a.bonus) for a in rubric.areas)
    heads = tuple(IndicatorHead(i.code, i.area_code, i.points, i.text, i.scope.per_school)
                  for i in rubric.indicators)
    return Results(year, rubric.id, rubric.title, rubric.version, policy.name, ranked,
                   rubric.grades.labels, areas, heads, notes, rules)


class _Context:
    def __init__(self, ranked: list[RankedUnit], rubric: Rubric, history: History, year: int,
                 policy: Policy, notes: list[str]):
        self.ranked, self.rubric, self.history, self.year = ranked, rubric, history, year
        self.policy, self.notes = policy, notes

    @property
    def lowest(self) -> str:
        return self.rubric.grades.lowest

    @property
    def last_rank(self) -> int | None:
        """The last place's rank, or None when nobody is behind anybody (one unit, or all tied)."""
        if not self.ranked:
            return None
        worst = max(r.rank for r in self.ranked)
        return worst if worst > 1 else None


def _flag(r: RankedUnit, c: Consequence, detail: str) -> None:
    r.flags.append(Flag(c.kind, c.label, detail, c.basis))


def _progress(ctx: _Context, c: Consequence) -> None:
    for r in ctx.ranked:
        moved = r.rank_change
        if moved is not None and moved >= c.places:
            _flag(r, c, PROGRESSED(r.previous.rank, r.rank, moved, c.action))
    ctx.notes.append(PROGRESS_NOTE(c.label, ctx.year - 1, c.places))


def _last(ctx: _Context, c: Consequence) -> None:
    worst = ctx.last_rank
    for r in ctx.ranked:
        if worst is not None and r.rank == worst:
            _flag(r, c, LAST(r.rank, c.action))
    ctx.notes.append(LAST_NOTE(c.label))


def _last_twice(ctx: _Context, c: Consequence) -> None:
    worst = ctx.last_rank
    for r in ctx.ranked:
        if worst is not None and r.rank == worst and ctx.history.was_last(r.unit.group_id, ctx.year - 1):
            _flag(r, c, LAST_TWICE(ctx.year - 1, ctx.year, c.action))


def _fail(ctx: _Context, c: Consequence) -> None:
    for r in ctx.ranked:
        if r.unit.grade == ctx.lowest:
            why = VETOED_BY(r.unit.veto_reason) if r.unit.vetoed else TOTAL_OF(fmt_points(r.unit.total))
            _flag(r, c, GRADED_LOWEST(ctx.year, ctx.lowest, why, c.action))


def _fail_twice(ctx: _Context, c: Consequence) -> None:
    for r in ctx.ranked:
        if r.unit.grade == ctx.lowest and r.previous is not None and r.previous.grade == ctx.lowest:
            _flag(r, c, LOWEST_TWICE(ctx.year - 1, ctx.year, ctx.lowest, c.action))


def _grade_title(ctx: _Context, c: Consequence) -> None:
    for r in ctx.ranked:
        if r.unit.grade in c.grades and (not c.group_type or r.unit.group_type == c.group_type):
            kind = f"{c.group_type}、" if c.group_type else ""
            _flag(r, c, GRADED(kind, r.unit.grade, c.action))


def signed(value: Decimal) -> str:
    return ("+" if value > 0 else "") + fmt_points(value)


def award_cut(count: int, share: Decimal) -> int:
    """How many units "不超过 share" allows: the floor of share × count (never rounds up)."""
    return int((Decimal(count) * share).to_integral_value(rounding=ROUND_FLOOR))


def _award(ctx: _Context, c: Consequence) -> None:
    eligible = [r for r in ctx.ranked if r.unit.grade in c.grades and not r.unit.vetoed]
    pools = [(g, [r for r in eligible if r.unit.grade == g]) for g in c.grades] if c.pool == "per_grade" \
        else [("、".join(c.grades), eligible)]
    pct = fmt_points(c.share * 100)
    for label, pool in pools:
        pool = sorted(pool, key=lambda r: (-r.unit.total, r.unit.group_id))
        allowed = award_cut(len(pool), c.share)
        chosen = pool[:allowed]
        tied: list[RankedUnit] = []
        if chosen and allowed < len(pool) and pool[allowed].unit.total == chosen[-1].unit.total:
            cut_total = chosen[-1].unit.total
            tied = [r for r in pool if r.unit.total == cut_total]
            chosen = [r for r in chosen if r.unit.total != cut_total]
        for r in chosen:
            r.award = True
            _flag(r, c, AWARDED(label, len(pool), pct, allowed, c.action))
        for r in tied:
            r.flags.append(Flag("award_tie", AWARD_TIE(), AWARD_TIED(fmt_points(r.unit.total), allowed, pct), c.basis))
        text = (f"{c.label}（“{label}”）：{len(pool)} 个单位 × {pct}% 向下取整 = {allowed} 个名额，"
                f"列入 {len(chosen)} 个")
        if tied:
            text += f"；{len(tied)} 个单位在名额分界处同分，按“不超过”均未列入，标“奖励并列待定”"
        ctx.notes.append(text + "。")
    if c.pool == "per_grade":
        ctx.notes.append(f"{c.label}：原文“分别按不超过{pct}%的比例”，按各等次分别计算名额；"
                         "一票否决的单位不在其中。")


def _withheld(r: RankedUnit, rubric: Rubric) -> None:
    if r.unit.withheld:
        r.flags.append(Flag("withheld", rubric.grades.withheld_label,
                            WITHHELD(r.unit.withheld.rstrip('。'), fmt_points(r.unit.total), r.unit.grade or '未定')))


def _self_diff(r: RankedUnit, policy: Policy) -> None:
    diffs = []
    for ind in r.unit.indicators:
        if ind.self_points is None or ind.points is None or not ind.applicable:
            continue
        diffs.append(IndicatorDiff(ind.code, ind.max, ind.self_points, ind.points,
                                   differs(ind.self_points, ind.points, ind.max, policy.self_diff_share)))
    r.diffs = diffs
    if not diffs:
        return
    flagged = [d for d in diffs if d.flagged]
    total_gap = r.self_total - r.panel_total_compared
    if flagged or abs(total_gap) >= policy.self_diff_total:
        gap = (SELF_HIGHER if total_gap > 0 else SELF_LOWER)(fmt_points(abs(total_gap))) if total_gap else SELF_EVEN()
        text = SELF_TOTALS(fmt_points(r.self_total), fmt_points(r.panel_total_compared), gap)
        if flagged:
            text = SELF_ITEMS(text, "、".join(f"{d.code}（{signed(d.diff)}）" for d in flagged))
        r.flags.append(Flag("self_diff", SELF_DIFF(), text))


CONSEQUENCE_RULES: dict[str, Callable[[_Context, Consequence], None]] = {
    "progress": _progress,
    "last": _last,
    "last_twice": _last_twice,
    "fail": _fail,
    "fail_twice": _fail_twice,
    "grade_title": _grade_title,
    "award": _award,
}
