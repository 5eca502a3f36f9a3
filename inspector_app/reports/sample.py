"""A filled-in ReportData for demonstrations, previews and the report's own checks.

The group is 中卫市第四中学教育集团 (总校 and three 校区) scored on the 随州
rubric; the answers are set here and scored by the engine like any others.
Nothing from here may ever be presented as a real result: `demo` is on.
"""
from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from inspector_app.paths import shipped_rubrics_dir
from inspector_app.reports.model import ExpertSheet, Findings, PanelMember, Photo, ReportData
from inspector_app.scoring.school import School
from inspector_app.rubric.loader import load_rubric
from inspector_app.rubric.model import Rubric
from inspector_app.scoring.engine import Scorer

ROSTER = [
    School("zw4", "中卫市第四中学（总校）", "lead", "初中"),
    School("zl", "中卫市第四中学镇罗校区", "member", "九年一贯制"),
    School("gt", "中卫市第四中学郭滩校区", "member", "小学"),
    School("gy", "中卫市第四中学观音校区", "member", "小学"),
]

PANEL = [
    PanelMember("王建国", "lead", "银河 松柏 渡口 晴朗 麦田 青瓷 · 3F9A-62C1", "随州市教育局督导室"),
    PanelMember("李晓梅", "member", "云杉 石桥 灯塔 晨露 竹林 远帆 · 8B07-D4E2", "曾都区教育局"),
    PanelMember("陈志远", "member", "雪松 河湾 星火 暖阳 稻谷 山泉 · 51CE-0A9F", "随州市教学研究室"),
]

# 随州 rubric answers: a good group with a few deductions worth talking about.
SUIZHOU_ANSWERS: dict[str, Any] = {
    "C1": {"charter.missing": 1, "unity.met": True, "morale.met": True, "parents.value": "91.5", "party.met": True},
    "C2": {"plans.group_missing": 0, "plans.member_missing": 1, "included.met": True},
    "C3": {"meetings.gate": True, "meetings.fewer": 1, "principals.met": True},
    "C4": {"measures.met": True, "systems.exchange": True, "systems.incentive": True},
    "C5": {"ratio.value": "16", "cycle.value": "100"},
    "C6": {"met": True},
    "C7": {"met": True},
    "C8": {"met": True},
    "C9": {"met": True},
    "C10": {"activities": 1, "no_visits": 0},
    "C11": {"research.met": True, "project.met": False},
    "C12": {"met": True},
    "C13": {"met": True},
    "C14": {"brand.met": True, "activities.met": True},
    "C15": {"provincial": 1, "city": 2},
    "C16": {"national": 0, "provincial": 2, "city": 3},
    "C17": {"national": 0, "provincial": 1, "city": 2},
    "C18": {"national": 1, "provincial": 1, "city": 1},
    "C19": {"national": 0, "provincial": 1, "city": 4},
    "C20": {"zw4": {"value": "96.2"}, "zl": {"value": "92.4"}, "gt": {"value": "89"}, "gy": {"value": "90.6"}},
    "C21": {"level": "省级"},
    "C22": {"level": "市级"},
    "C23": {"level": "无"},
}

SUIZHOU_SELF_POINTS = {
    "C1": "5", "C2": "2", "C3": "3", "C4": "4", "C5": "10", "C6": "5", "C7": "5", "C8": "2", "C9": "4",
    "C10": "4", "C11": "6", "C12": "3", "C13": "4", "C14": "8", "C15": "5", "C16": "5", "C17": "5",
    "C18": "5", "C19": "5", "C20": "9.8", "C21": "2", "C22": "3", "C23": "0",
}

REASONS = {
    "C1": "查阅教联体管理制度汇编，缺少教联体内部经费使用管理制度。",
    "C2": "郭滩校区未提供 2023 年度工作总结。",
    "C3": "2023—2024 学年第一学期教联体例会记录 2 次，少于每学期 3 次的要求。",
    "C5": "交流名单显示本学年交流教师 23 人，占教师总数 144 人的 16%，未达到 20%。",
    "C10": "本学年未开展作业设计大赛，其余活动均有方案、照片和获奖名单。",
    "C11": "未见各成员学校共同参与的教研课题立项和过程资料。",
    "C15": "省级特色学校 1 项（总校）；市级特色项目 2 项，其中 1 项与省级同类，不重复计分。",
}

FINDINGS = Findings(
    achievements=(
        "教联体章程、机构和人员安排到位，核心校与各校区班子团结，教师精神面貌良好，家长满意度达 91.5%。\n"
        "紧缺学科教师统一管理、打通使用，音乐、美术、心理健康教师每周到镇罗、郭滩、观音校区走教，"
        "课表和走教记录完整。\n"
        "统一开展学业水平监测和质量分析，“一校一特色”初步形成，总校获评省级特色学校。"),
    problems=(
        "交流教师比例为 16%，低于每学年 20% 的要求，骨干教师向农村校区流动不足。\n"
        "教联体例会第一学期只召开 2 次，部分会议记录缺少议定事项。\n"
        "尚未形成各成员学校共同参与的教研课题，教学共研停留在听课评课层面。"),
    suggestions=(
        "一、制定 2024—2025 学年教师交流计划，把交流比例提高到 20% 以上，优先安排学科带头人到农村校区任教。\n"
        "二、规范教联体例会制度，每学期至少召开 3 次，会议记录写明议定事项和落实情况。\n"
        "三、由总校牵头申报一项各校区共同参与的教研课题，明年考核时提供立项文件和过程资料。"),
)


def suizhou_rubric() -> Rubric:
    return load_rubric(shipped_rubrics_dir() / "suizhou-2022.yaml")


def score(rubric: Rubric, schools: list[School], answers: dict[str, Any], group_type: str | None) -> Scorer:
    scorer = Scorer(rubric, schools, group_type)
    for code, answer in answers.items():
        ind = rubric.indicator(code)
        if ind.scope.per_school:
            for school_id, school_answer in answer.items():
                scorer.set_answer(code, school_answer, school=school_id)
        else:
            scorer.set_answer(code, answer)
    return scorer


def expert_sheet(data: ReportData, member: PanelMember) -> ExpertSheet:
    """The panel's settled points as one expert's sheet (a demo stand-in for their own scores)."""
    card = data.card
    points = {code: r.points for code, r in card.indicators.items() if r.applicable}
    school_points = {code: {sid: o.points for sid, o in r.per_school.items()}
                     for code, r in card.indicators.items() if r.per_school}
    return ExpertSheet(member.name, member.fingerprint, member.role, points, school_points, dict(data.reasons))


def sample_report_data(photos: list[Path | str] | None = None, demo: bool = True) -> ReportData:
    rubric = suizhou_rubric()
    scorer = score(rubric, ROSTER, SUIZHOU_ANSWERS, "融合型")
    card = scorer.card()
    data = ReportData(
        plan_title="随州市 2023—2024 学年教联体建设考核评价",
        school_year="2023—2024学年", stage="复评", date=_dt.date(2024, 10, 22),
        group_name="中卫市第四中学教育集团", group_type="融合型",
        schools=list(ROSTER), panel=list(PANEL), rubric=rubric, card=card,
        findings=FINDINGS, reasons=dict(REASONS),
        last_year_areas={"A1": Decimal("80"), "A2": Decimal("83.3"), "A3": Decimal("86.7"),
                         "A4": Decimal("55"), "A5": Decimal("90.5")},
        self_points={k: Decimal(v) for k, v in SUIZHOU_SELF_POINTS.items()},
        photos=[Photo(p, f"现场照片 {i + 1}", ("C6", "C10", "C14", "C3")[i % 4], ROSTER[i % len(ROSTER)].id)
                for i, p in enumerate(photos or [])],
        demo=demo,
    )
    data.experts = [expert_sheet(data, m) for m in data.panel]
    return data
