"""The rubric as the program holds it: frozen dataclasses built by the loader."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from inspector_app.rubric.rules import Rule

# Who an indicator looks at (考核对象). Values in files are these English keys.
TARGETS = {"lead": "核心校（牵头校）", "members": "成员校"}
# The methods the seeds name (评价方式); files use the Chinese words themselves.
METHODS = ("听取汇报", "查阅资料", "实地察看", "访谈", "问卷调查", "数据统计")
AGGREGATES = {"mean": "各校得分的平均分", "min": "各校得分的最低分", "sum": "各校得分之和"}


@dataclass(frozen=True)
class Scope:
    """Scored once for the group, or once per targeted school and aggregated."""
    per_school: bool = False
    aggregate: str = "mean"
    note: str = ""

    def describe(self) -> str:
        if not self.per_school:
            return "按教育集团整体评一次分"
        text = f"逐校评分，集团得分取{AGGREGATES[self.aggregate]}"
        return f"{text}（{self.note}）" if self.note else text

    def to_json(self) -> dict:
        return {"per_school": self.per_school, "aggregate": self.aggregate if self.per_school else None,
                "note": self.note}


@dataclass(frozen=True)
class HistoryField:
    """A figure the panel needs from last year or a baseline year."""
    key: str
    label: str
    year: str  # "last_year" or a year such as "2021"

    def to_json(self) -> dict:
        return {"key": self.key, "label": self.label, "year": self.year}


@dataclass(frozen=True)
class Variant:
    """What an indicator says for one group type (004 C5: 融合型 / 共建型)."""
    group_type: str
    text: str


@dataclass(frozen=True)
class Indicator:
    code: str
    text: str
    points: Decimal
    rule: "Rule"
    standard: str
    targets: tuple[str, ...]
    scope: Scope
    methods: tuple[str, ...]
    evidence: tuple[str, ...]
    area_code: str
    group_code: str = ""
    history: tuple[HistoryField, ...] = ()
    variants: tuple[Variant, ...] = ()
    group_types: tuple[str, ...] = ()  # empty: applies to every group type
    placeholder: bool = False  # stands in for detail the seed leaves to the bureau
    line: int = 0
    points_open: bool = False  # "points: 待定" in a template: the seed gives no points (points is then 0)

    def text_for(self, group_type: str | None) -> str:
        for variant in self.variants:
            if variant.group_type == group_type:
                return variant.text
        return self.text

    def applies_to(self, group_type: str | None) -> bool:
        return not self.group_types or group_type is None or group_type in self.group_types


@dataclass(frozen=True)
class SubGroup:
    """Second-level grouping (二级指标, 004's B codes)."""
    code: str
    title: str
    indicator_codes: tuple[str, ...]


@dataclass(frozen=True)
class Area:
    code: str
    title: str
    max: Decimal
    indicators: tuple[Indicator, ...]
    bonus: bool = False
    subgroups: tuple[SubGroup, ...] = ()
    line: int = 0
    max_open: bool = False  # "max: 待定" in a template (max is then 0)

    @property
    def says_bonus(self) -> bool:
        return says_bonus(self.bonus, self.title)


def says_bonus(bonus: bool, title: str) -> bool:
    """A bonus area whose title says so itself (加分项…): nothing like "（加分项）" is added after it."""
    return bonus and "加分" in title


@dataclass(frozen=True)
class GradeBand:
    """Half-open interval [min, max); None is unbounded."""
    label: str
    min: Decimal | None
    max: Decimal | None

    def contains(self, score: Decimal) -> bool:
        return (self.min is None or score >= self.min) and (self.max is None or score < self.max)

    def describe(self) -> str:
        from inspector_app.numbers import fmt_points
        if self.min is None and self.max is None:
            return self.label
        if self.max is None:
            return f"{self.label}：{fmt_points(self.min)} 分及以上"
        if self.min is None:
            return f"{self.label}：低于 {fmt_points(self.max)} 分"
        return f"{self.label}：{fmt_points(self.min)} 分（含）至 {fmt_points(self.max)} 分（不含）"


@dataclass(frozen=True)
class GradeScheme:
    bands: tuple[GradeBand, ...]
    decided_by: str = ""  # when the seed leaves the thresholds to a body (002, 003)

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(b.label for b in self.bands)

    @property
    def lowest(self) -> str:
        return self.bands[-1].label if self.bands else ""

    @property
    def withheld_label(self) -> str:
        """What a finding that withholds the top grade is called: 取消优秀资格."""
        return f"取消{self.bands[0].label}资格" if self.bands else "取消最高等次资格"

    def below_top(self, label: str | None) -> str | None:
        """The grade a withheld top grade becomes (优秀 -> 良好); any other grade unchanged."""
        if len(self.bands) > 1 and label == self.bands[0].label:
            return self.bands[1].label
        return label

    def grade(self, score: Decimal) -> str | None:
        if self.decided_by:
            return None
        for band in self.bands:
            if band.contains(score):
                return band.label
        return None


VETO_EFFECTS = ("fail", "withhold_top")  # fail: the lowest grade; withhold_top: at most the grade below the top


@dataclass(frozen=True)
class Veto:
    """A condition the panel finds with a reason: 一票否决 (fail) or 取消优秀资格 (withhold_top)."""
    key: str
    text: str
    effect: str = "fail"

    @property
    def withholds_top(self) -> bool:
        return self.effect == "withhold_top"


@dataclass(frozen=True)
class CompositePart:
    key: str
    label: str
    weight: Decimal
    areas: tuple[str, ...]


@dataclass(frozen=True)
class Composite:
    """002's 双线考核: total = Σ weight × (the part's areas as a percentage)."""
    parts: tuple[CompositePart, ...]
    note: str = ""


@dataclass(frozen=True)
class Source:
    seed: str
    document: str
    issuer: str


@dataclass(frozen=True)
class Rubric:
    id: str
    version: str
    title: str
    source: Source
    status: str  # "complete" or "template"
    open_points: tuple[str, ...]
    group_types: tuple[str, ...]
    total: Decimal | None
    areas: tuple[Area, ...]
    grades: GradeScheme
    vetoes: tuple[Veto, ...] = ()
    composite: Composite | None = None
    notes: tuple[str, ...] = ()
    path: str = ""
    content_hash: str = ""
    _by_code: dict[str, Indicator] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for area in self.areas:
            for ind in area.indicators:
                self._by_code[ind.code] = ind

    @property
    def indicators(self) -> list[Indicator]:
        return [ind for area in self.areas for ind in area.indicators]

    def indicator(self, code: str) -> Indicator:
        return self._by_code[code]

    def has_indicator(self, code: str) -> bool:
        return code in self._by_code

    def area(self, code: str) -> Area:
        for area in self.areas:
            if area.code == code:
                return area
        raise KeyError(code)

    @property
    def bonus_max(self) -> Decimal:
        return sum((a.max for a in self.areas if a.bonus), Decimal(0))

    @property
    def base_max(self) -> Decimal:
        return sum((a.max for a in self.areas if not a.bonus), Decimal(0))
