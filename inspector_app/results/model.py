"""What the results stage takes in (one scored unit per group, past years) and gives out.

Plain frozen dataclasses without Qt or SQL: the store fills `UnitResult` and
`History`; `ranking.compute_results` turns them into `Results`, which the
workbook, the PDF and next year's `History` are written from.
All points are `Decimal`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Mapping

from inspector_app.said import Said
from inspector_app.scoring.school import School

UNTYPED = "未分类"  # the class of a unit whose rubric names no group types


@dataclass(frozen=True)
class AreaScore:
    code: str
    title: str
    max: Decimal
    points: Decimal
    bonus: bool = False


@dataclass(frozen=True)
class IndicatorScore:
    """The panel's settled points for one indicator, beside the unit's own (自评)."""
    code: str
    area_code: str
    max: Decimal
    points: Decimal | None  # None: not scored (or not applicable)
    self_points: Decimal | None = None
    experts: tuple[str, ...] = ()  # who scored it
    per_school: Mapping[str, Decimal] = field(default_factory=dict)  # school id → points, when scored per school
    applicable: bool = True
    override_reason: str = ""  # the panel overrode the rule's points, for this reason
    computed: Decimal | None = None  # the rule's own points where an override replaced them (group-level)

    @property
    def overridden(self) -> bool:
        return bool(self.override_reason)


@dataclass(frozen=True)
class UnitResult:
    group_id: str
    name: str
    group_type: str
    lead_school: str
    total: Decimal
    grade: str | None  # None while a body still has to decide it (002, 003)
    areas: tuple[AreaScore, ...] = ()
    indicators: tuple[IndicatorScore, ...] = ()
    schools: tuple[School, ...] = ()
    vetoed: bool = False
    veto_reason: str = ""
    composite: tuple[tuple[str, Decimal, Decimal], ...] = ()  # 002: (part, weight, percentage); total is its sum
    withheld: str = ""  # a finding that withholds the top grade (取消优秀资格), as the rubric words it

    @property
    def class_name(self) -> str:
        return self.group_type or UNTYPED

    @property
    def overrides(self) -> list[IndicatorScore]:
        """Indicators whose points the panel overrode with a written reason (the bureau's flag)."""
        return [ind for ind in self.indicators if ind.overridden]

    def indicator(self, code: str) -> IndicatorScore | None:
        for ind in self.indicators:
            if ind.code == code:
                return ind
        return None

    def area(self, code: str) -> AreaScore | None:
        for area in self.areas:
            if area.code == code:
                return area
        return None

    def school_totals(self) -> dict[str, Decimal]:
        """School id → sum of its points over the indicators scored per school."""
        totals: dict[str, Decimal] = {}
        for ind in self.indicators:
            for sid, pts in ind.per_school.items():
                totals[sid] = totals.get(sid, Decimal(0)) + pts
        return totals


@dataclass(frozen=True)
class PastResult:
    total: Decimal | None
    grade: str | None
    rank: int | None
    last_place: bool | None = None  # None: decide from the ranks of that year


@dataclass
class History:
    """Previous years' results: group id → year → result."""
    years: dict[str, dict[int, PastResult]] = field(default_factory=dict)

    def add(self, group_id: str, year: int, result: PastResult) -> None:
        self.years.setdefault(group_id, {})[year] = result

    def get(self, group_id: str, year: int) -> PastResult | None:
        return self.years.get(group_id, {}).get(year)

    def was_last(self, group_id: str, year: int) -> bool:
        """Last place that year: the recorded mark, else the largest rank recorded that year."""
        past = self.get(group_id, year)
        if past is None:
            return False
        if past.last_place is not None:
            return past.last_place
        ranks = [y[year].rank for y in self.years.values() if year in y and y[year].rank is not None]
        return past.rank is not None and len(ranks) > 1 and past.rank == max(ranks) and max(ranks) > 1

    def merged(self, other: "History") -> "History":
        """A copy with `other`'s entries added (they win where both have the same group and year)."""
        out = History({gid: dict(years) for gid, years in self.years.items()})
        for gid, years in other.years.items():
            for year, result in years.items():
                out.add(gid, year, result)
        return out


# --- outputs -------------------------------------------------------------------


@dataclass(frozen=True)
class Flag:
    key: str  # the consequence kind, e.g. "progress", "fail"
    label: str  # short text for the 标记 column: 进步单位, 黄牌 …
    detail: str  # why, with the figures
    basis: str = ""  # the seed's sentence it comes from


@dataclass(frozen=True)
class IndicatorDiff:
    code: str
    max: Decimal
    self_points: Decimal
    panel_points: Decimal
    flagged: bool

    @property
    def diff(self) -> Decimal:
        """Self-evaluation minus panel: positive when the unit rated itself higher."""
        return self.self_points - self.panel_points


@dataclass
class RankedUnit:
    unit: UnitResult
    rank: int
    class_rank: int
    class_size: int
    previous: PastResult | None = None
    flags: list[Flag] = field(default_factory=list)
    diffs: list[IndicatorDiff] = field(default_factory=list)
    award: bool = False

    @property
    def rank_change(self) -> int | None:
        """Places moved up since last year (negative: down)."""
        if self.previous is None or self.previous.rank is None:
            return None
        return self.previous.rank - self.rank

    @property
    def flag_text(self) -> str:
        return "、".join(f.label for f in self.flags)

    @property
    def self_total(self) -> Decimal | None:
        return sum((d.self_points for d in self.diffs), Decimal(0)) if self.diffs else None

    @property
    def panel_total_compared(self) -> Decimal | None:
        return sum((d.panel_points for d in self.diffs), Decimal(0)) if self.diffs else None


@dataclass(frozen=True)
class AreaHead:
    code: str
    title: str
    max: Decimal
    bonus: bool


@dataclass(frozen=True)
class IndicatorHead:
    code: str
    area_code: str
    max: Decimal
    text: str
    per_school: bool


UNFINISHED = "未完成"
PROGRESS = Said("已评 {0}/{1} 项", "{0}/{1} scored")


@dataclass(frozen=True)
class Unfinished:
    """A group with no finalised (定稿) result: listed with its progress, never ranked, graded or penalised."""
    group_id: str
    name: str
    group_type: str
    done: int  # indicators the panel has settled so far
    count: int  # indicators that apply
    reason: str  # 尚无专家组结果 / 未定稿 / …

    @property
    def progress(self) -> str:
        return PROGRESS(self.done, self.count)


@dataclass
class Results:
    year: int
    rubric_id: str
    rubric_title: str
    rubric_version: str
    policy_name: str
    units: list[RankedUnit]  # display order: rank, then group id within a tie
    grade_labels: tuple[str, ...]
    areas: tuple[AreaHead, ...]
    indicators: tuple[IndicatorHead, ...]
    notes: list[str] = field(default_factory=list)  # how this year's flags were decided, in words
    rules: list[tuple[str, str]] = field(default_factory=list)  # (flag label, seed sentence)
    unfinished: list[Unfinished] = field(default_factory=list)  # listed as 未完成, outside every ranking
    plan_title: str = ""  # the plan's own title, which the 公示 and the workbook carry
    school_year: str = ""  # "2023—2024"
    demo: bool = False
    issuing_body: str = ""  # 发布单位
    publicity_start: str = ""  # 公示期 (ISO dates)
    publicity_end: str = ""
    objection_channel: str = ""  # 异议受理
    rectification: dict = field(default_factory=dict)  # group id -> the 整改 column (results/rectify_ledger)
    rectify_rows: list = field(default_factory=list)  # the 整改台账, one row per item (rectify_ledger.COLUMNS)

    def grade_counts(self) -> list[tuple[str, int]]:
        counts = [(label, sum(1 for u in self.units if u.unit.grade == label)) for label in self.grade_labels]
        undecided = sum(1 for u in self.units if u.unit.grade not in self.grade_labels)
        if undecided:
            counts.append(("未定", undecided))
        return counts

    def by_id(self, group_id: str) -> RankedUnit:
        for ranked in self.units:
            if ranked.unit.group_id == group_id:
                return ranked
        raise KeyError(group_id)

    def to_history(self) -> History:
        """This year's results as next year's baseline."""
        history = History()
        worst = max((r.rank for r in self.units), default=0)
        for r in self.units:
            history.add(r.unit.group_id, self.year,
                        PastResult(r.unit.total, r.unit.grade, r.rank, worst > 1 and r.rank == worst))
        return history
