"""Everything a report needs, as plain dataclasses that know nothing of the database.

The store fills a `ReportData` (the plan, the group, its schools, the panel,
the rubric and the group's `ScoreCard` from `Scorer.card()`, the panel's
findings and chosen photos) and hands it to `render_feedback` or, with one
`ExpertSheet`, to `render_score_sheet`.

Conventions: points are `Decimal`; percentages are `Decimal` in 0–100; school
and panel roles use the engine's keys ("lead" / "member"); every mapping keyed
by an indicator uses its code ("C3"), every mapping keyed by an area its code
("A1"), every mapping keyed by a school its id (as in `School.id`).
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from inspector_app.numbers import fmt_points
from inspector_app.rubric.model import Rubric
from inspector_app.scoring.engine import ScoreCard
from inspector_app.scoring.school import School

UNDATED = "（定稿后填写）"


def date_text(value: object) -> str:
    """2024年9月26日 for a date or ISO text; UNDATED for nothing."""
    if isinstance(value, str) and value:
        try:
            value = _dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    if isinstance(value, (_dt.date, _dt.datetime)):
        return f"{value.year}年{value.month}月{value.day}日"
    return UNDATED
PANEL_ROLES = {"lead": "组长", "member": "成员"}


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
    markup: str = ""  # shapes drawn over the original for the report (store.photo_markup); '' for none
    sha256: str = ""  # the original's hash, cited under a marked-up photo


@dataclass
class EvidenceItem:
    """An evidence file listed (not embedded) in the report: 名称 and type, where it belongs."""
    name: str
    type_label: str
    indicator_code: str = ""
    school_id: str = ""


@dataclass
class Findings:
    """The panel's own words; paragraphs are separated by line breaks."""
    achievements: str = ""  # 主要成绩
    problems: str = ""  # 存在问题
    suggestions: str = ""  # 整改建议


@dataclass
class ProblemItem:
    """One 存在问题 with what it concerns and when it must be put right (整改要求)."""
    text: str
    indicator: str = ""
    school_id: str = ""
    deadline: _dt.date | str = ""
    school_ids: tuple[str, ...] = ()  # every school it concerns (empty: the whole group)
    status: str = ""  # for an item carried from last year: where it stands


@dataclass
class Meeting:
    """The record of the feedback meeting (反馈会)."""
    held_at: str = ""
    place: str = ""
    attendees: str = ""
    response: str = ""  # the unit's response

    @property
    def recorded(self) -> bool:
        return bool(self.held_at or self.place or self.attendees or self.response)


@dataclass
class LastYear:
    year: str
    total: Decimal | None
    grade: str = ""
    rank: int | None = None
    of: int | None = None  # units ranked that year


@dataclass
class Status:
    """Whether the group's result is final (定稿), and the dates that come with it."""
    final: bool = False
    visited_on: _dt.date | str | None = None  # 考核日期
    meeting_on: _dt.date | str | None = None  # 反馈会日期
    version: int | None = None


@dataclass
class SettledPlace:
    """One indicator (for the group or one school) as the panel settled it, for the 合议记录."""
    indicator: str
    school_id: str
    scores: dict[str, Decimal]  # expert name → points
    settled: Decimal | None
    method: str  # 平均分 / 中位数 / 组长决定 / 一位专家评分 / 待组长决定
    reason: str = ""
    notes: dict[str, str] = field(default_factory=dict)  # expert name → note
    proxies: dict[str, str] = field(default_factory=dict)  # expert name → who typed it in (代录)
    overrides: dict[str, str] = field(default_factory=dict)  # expert name → why they overrode the rule's points
    computed: dict[str, Decimal | None] = field(default_factory=dict)  # expert name → the rule's own figure

    @property
    def remarks(self) -> list[str]:
        """The 合议记录's last column: the lead's reason, each override beside the rule's figure, the notes."""
        words = [f"组长定分理由：{self.reason}"] if self.reason else []
        for who, why in self.overrides.items():
            rule = self.computed.get(who)
            given = self.scores.get(who)
            words.append(f"{who} 改定得分：按计分办法 {'—' if rule is None else fmt_points(rule)} 分，改定为 "
                         f"{'—' if given is None else fmt_points(given)} 分；理由：{why}")
        return words + [f"{who}：{note}" for who, note in self.notes.items()]

    @property
    def spread(self) -> Decimal:
        return max(self.scores.values()) - min(self.scores.values()) if self.scores else Decimal(0)


@dataclass
class ExpertSheet:
    """One expert's own scores, for their printed 评分表."""
    name: str
    fingerprint: str = ""
    role: str = "member"
    points: dict[str, Decimal | None] = field(default_factory=dict)  # indicator code → points
    school_points: dict[str, dict[str, Decimal | None]] = field(default_factory=dict)  # code → school id → points
    notes: dict[str, str] = field(default_factory=dict)  # indicator code → 扣分说明 / note
    explanations: dict[str, list[str]] = field(default_factory=dict)  # indicator code → the engine's lines
    card: ScoreCard | None = None  # the expert's own scores as the engine totals them

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
    schools: list[School]
    panel: list[PanelMember]
    rubric: Rubric
    card: ScoreCard
    findings: Findings = field(default_factory=Findings)
    reasons: dict[str, str] = field(default_factory=dict)  # indicator code → the panel's reason for its points
    veto_reasons: dict[str, str] = field(default_factory=dict)  # veto key → what happened
    veto_by: dict[str, list[str]] = field(default_factory=dict)  # veto key → the experts who found it (合议记录)
    last_year_areas: dict[str, Decimal] | None = None  # area code → percentage last year
    self_areas: dict[str, Decimal] | None = None  # area code → self-evaluation percentage
    self_points: dict[str, Decimal | None] | None = None  # indicator code → self-evaluation points
    photos: list[Photo] = field(default_factory=list)
    evidence: list[EvidenceItem] = field(default_factory=list)
    experts: list[ExpertSheet] = field(default_factory=list)
    demo: bool = False
    status: Status = field(default_factory=Status)
    issuing_body: str = ""  # 督导室 / 教育局 that organises the inspection
    rectification_due: _dt.date | str = ""  # 整改报告 due
    problem_items: list[ProblemItem] = field(default_factory=list)
    carried_items: list[ProblemItem] = field(default_factory=list)  # last year's open 整改事项
    meeting: Meeting = field(default_factory=Meeting)
    last_year: LastYear | None = None
    self_total: Decimal | None = None  # the unit's self-evaluation total
    explanations: dict[str, list[str]] = field(default_factory=dict)  # indicator → settled computation, no names
    places: list[SettledPlace] = field(default_factory=list)  # every place as settled, for the 合议记录

    @property
    def stage_label(self) -> str:
        return self.stage

    @property
    def date_text(self) -> str:
        return date_text(self.status.visited_on if self.status.visited_on else self.date)

    def short_name(self, school_id: str) -> str:
        for school in self.schools:
            if school.id == school_id:
                return school.short(self.group_name)
        return school_id

    def schools_text(self, item: ProblemItem) -> str:
        """The schools an item concerns, by short name; 全集团 when it names none."""
        ids = item.school_ids or ((item.school_id,) if item.school_id else ())
        return "、".join(self.short_name(i) for i in ids) or "全集团"

    EVIDENCE_HEAD = ("序号", "名称", "类型", "指标", "学校")

    def evidence_rows(self) -> list[list[str]]:
        """The evidence files listed in the report (not embedded): 序号, 名称, 类型, 指标, 学校."""
        return [[str(i), e.name, e.type_label, e.indicator_code or "—",
                 self.short_name(e.school_id) if e.school_id else "全集团"] for i, e in enumerate(self.evidence, 1)]

    PHOTOS_NOTE = "共 {0} 张，由考核组现场拍摄并选入本报告。"

    def photo_caption(self, number: int, photo: Photo) -> str:
        """The caption under a photo, the same in the PDF and in the Word report: where, what, and for a
        marked-up photo that the drawing is the panel's, with the untouched original's hash."""
        where = " · ".join(x for x in (photo.indicator_code, self.school_name(photo.school_id)
                                       if photo.school_id else "") if x)
        caption = f"{number}. " + " · ".join(x for x in (where, photo.caption) if x)
        if photo.markup:  # the drawing is the panel's; the evidence is the untouched original
            caption += f"（图上标注为考核组所加；原图 SHA-256 {photo.sha256[:16]}…）"
        return caption

    def school_name(self, school_id: str) -> str:
        for school in self.schools:
            if school.id == school_id:
                return school.name
        return school_id

    def withheld_lines(self, names: bool = False) -> list[str]:
        """Each finding that withholds the top grade (取消优秀资格) with the panel's reason; `names` adds who
        found it (the 合议记录 only)."""
        out = []
        for found in self.card.withheld:
            reason = self.veto_reasons.get(found.key, "").strip().rstrip("。")
            text = f"{self.rubric.grades.withheld_label}：{found.text.strip().rstrip('。')}。"
            text += f"情况说明：{reason}。" if reason else ""
            if names:
                who = "、".join(self.veto_by.get(found.key, ()))
                text += f"认定人：{who}。" if who else ""
            out.append(text + f"得分不变（{fmt_points(self.card.total)} 分），等次定为{self.card.grade or '待定'}。")
        return out

    def self_missing(self) -> list[str]:
        """Indicators the unit's self-evaluation leaves without a score (one the panel finds 不适用 needs none).
        While any is missing, the self total is a running total, as the panel's is while it is unfinished."""
        if not self.self_points:
            return []  # no self-scores at all, or only a total given: nothing to count
        return [code for code, r in self.card.indicators.items()
                if r.applicable and self.self_points.get(code) is None]

    def self_row(self) -> tuple[str, str]:
        """(总分, 等次) of the 单位自评 row: 暂计 and no grade while self-scores are missing, never a grade of a
        partial sum (two self-scores of 14 points are not 不合格)."""
        if self.self_missing():
            return f"暂计 {fmt_points(self.self_total)}", "—"
        return fmt_points(self.self_total), self.rubric.grades.grade(self.self_total) or "—"

    def self_note(self) -> str:
        """Under the comparison: how the panel's total stands to the unit's, or why they are not compared."""
        missing = self.self_missing()
        if missing:
            scored = sum(1 for r in self.card.indicators.values() if r.applicable) - len(missing)
            return (f"单位自评只填了 {scored} 项指标的自评分（缺 {len(missing)} 项），自评总分为暂计，"
                    "不评等次，不与考核组总分比较")
        gap = self.card.total - self.self_total
        return f"考核组总分比自评{'高' if gap > 0 else '低'} {fmt_points(abs(gap))} 分" if gap else "考核组总分与自评一致"

    def self_area_percentages(self) -> dict[str, Decimal] | None:
        """`self_areas` when given, else computed from the per-indicator self-scores, for the areas self-scored
        in full (a self-score missing in an area leaves its rate out)."""
        if self.self_areas is not None:
            return self.self_areas
        if not self.self_points:
            return None
        result = {}
        missing = set(self.self_missing())
        for area in self.rubric.areas:
            # an area with a self-score missing has no rate: a part of it over the whole would read as low
            if not area.max or any(ind.code in missing for ind in area.indicators):
                continue
            got = [self.self_points.get(ind.code) for ind in area.indicators]
            if all(v is None for v in got):
                continue
            total = min(sum((v for v in got if v is not None), Decimal(0)), area.max)
            result[area.code] = total / area.max * 100
        return result
