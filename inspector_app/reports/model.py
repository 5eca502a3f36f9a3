"""Everything a report needs, as plain dataclasses that know nothing of the database.

The store fills a `ReportData` (the plan, the group, its schools, the panel,
the rubric and the group's `ScoreCard` from `Scorer.card()`, the panel's
findings and chosen photos) and hands it to `render_feedback` or, with one
`ExpertSheet`, to `render_score_sheet`.

Conventions: points are `Decimal`; percentages are `Decimal` in 0–100; school
and panel roles use the engine's keys ("lead" / "member"); every mapping keyed
by an indicator uses its code ("C3"), every mapping keyed by an area its code
("A1"), every mapping keyed by a school its id (as in `SchoolRef.id`).
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from inspector_app.rubric.model import Rubric
from inspector_app.scoring.engine import ROLES, SchoolRef, ScoreCard

STAGES = {"self": "自评", "initial": "初评", "review": "复评"}
PANEL_ROLES = {"lead": "组长", "member": "成员"}


@dataclass
class SchoolInfo:
    id: str
    name: str
    role: str  # "lead" (核心校) or "member" (成员校)
    kind: str = ""  # 初中 / 小学 / 幼儿园 / 九年一贯制 …

    @property
    def role_label(self) -> str:
        return ROLES.get(self.role, self.role)

    def ref(self) -> SchoolRef:
        return SchoolRef(self.id, self.name, self.role)


@dataclass
class PanelMember:
    name: str
    role: str = "member"  # "lead" (组长) or "member" (成员)
    fingerprint: str = ""  # the key fingerprint as shown to people (words or hex groups)
    organisation: str = ""  # 工作单位, optional

    @property
    def role_label(self) -> str:
        return PANEL_ROLES.get(self.role, self.role)


@dataclass
class Photo:
    path: Path | str
    caption: str = ""
    indicator_code: str = ""
    school_id: str = ""


@dataclass
class Findings:
    """The panel's own words; paragraphs are separated by line breaks."""
    achievements: str = ""  # 主要成绩
    problems: str = ""  # 存在问题
    suggestions: str = ""  # 整改建议


@dataclass
class ExpertSheet:
    """One expert's own scores, for their printed 评分表."""
    name: str
    fingerprint: str = ""
    role: str = "member"
    points: dict[str, Decimal | None] = field(default_factory=dict)  # indicator code → points
    school_points: dict[str, dict[str, Decimal | None]] = field(default_factory=dict)  # code → school id → points
    notes: dict[str, str] = field(default_factory=dict)  # indicator code → 扣分说明 / note

    @property
    def role_label(self) -> str:
        return PANEL_ROLES.get(self.role, self.role)


@dataclass
class ReportData:
    plan_title: str
    school_year: str  # "2023—2024学年"
    stage: str  # "self" / "initial" / "review" or the Chinese label itself
    date: _dt.date | str
    group_name: str
    group_type: str | None
    schools: list[SchoolInfo]
    panel: list[PanelMember]
    rubric: Rubric
    card: ScoreCard
    findings: Findings = field(default_factory=Findings)
    reasons: dict[str, str] = field(default_factory=dict)  # indicator code → the panel's reason for its points
    veto_reasons: dict[str, str] = field(default_factory=dict)  # veto key → what happened
    last_year_areas: dict[str, Decimal] | None = None  # area code → percentage last year
    self_areas: dict[str, Decimal] | None = None  # area code → self-evaluation percentage
    self_points: dict[str, Decimal | None] | None = None  # indicator code → self-evaluation points
    photos: list[Photo] = field(default_factory=list)
    experts: list[ExpertSheet] = field(default_factory=list)
    demo: bool = False

    @property
    def stage_label(self) -> str:
        return STAGES.get(self.stage, self.stage)

    @property
    def date_text(self) -> str:
        if isinstance(self.date, (_dt.date, _dt.datetime)):
            return f"{self.date.year}年{self.date.month}月{self.date.day}日"
        return str(self.date or "")

    def school_refs(self) -> list[SchoolRef]:
        """The roster as the engine wants it (for `Scorer(rubric, data.school_refs(), group_type)`)."""
        return [s.ref() for s in self.schools]

    def school_name(self, school_id: str) -> str:
        for school in self.schools:
            if school.id == school_id:
                return school.name
        return school_id

    def self_area_percentages(self) -> dict[str, Decimal] | None:
        """`self_areas` when given, else computed from the per-indicator self-scores."""
        if self.self_areas is not None:
            return self.self_areas
        if not self.self_points:
            return None
        result = {}
        for area in self.rubric.areas:
            got = [self.self_points.get(ind.code) for ind in area.indicators]
            if all(v is None for v in got) or not area.max:
                continue
            total = min(sum((v for v in got if v is not None), Decimal(0)), area.max)
            result[area.code] = total / area.max * 100
        return result
