"""The demo panel's findings, written from each group's own settled scores so that words and figures agree.

主要成绩 names the areas and indicators at full marks, 存在问题 the indicators
that lost most (each also a problem item with its school and deadline),
整改建议 one step per problem. The finalised group also gets its 反馈会 record.
"""
from __future__ import annotations

import re
from decimal import Decimal

from inspector_app.numbers import fmt_points
from inspector_app.store import feedback as F
from inspector_app.store import rectification as R
from inspector_app.store.consensus import panel_scorer
from inspector_app.store.db import Store
from inspector_app.store.findings import set_finding
from inspector_app.store.experts import expert_by_id
from inspector_app.store.plans import Plan, groups, plan_rubric

NUMERALS = "一二三四五"
LEAD = "demo-lead"


def _short(text: str, limit: int = 22) -> str:
    """The indicator's first clause, as a person would quote it."""
    first = re.split(r"[，。；（(]", "".join(text.split()))[0]
    return first if len(first) <= limit else first[:limit] + "…"


def write_demo_findings(store: Store, plan: Plan, finalised_group: str, due: str) -> None:
    rubric = plan_rubric(store, plan)
    lead = R.Actor(expert_by_id(store, plan.id, LEAD).name, LEAD)
    for group in groups(store, plan.id):
        card = panel_scorer(store, plan, rubric, group).card()
        scored = [(rubric.indicator(code), r) for code, r in card.indicators.items() if r.applicable and r.done]
        base = [(ind, r) for ind, r in scored if not rubric.area(ind.area_code).bonus]
        full = [ind for ind, r in base if r.points >= r.max][:4]
        strong = [a.title for a in card.areas if not a.bonus and a.done and a.max and a.points / a.max >= Decimal("0.8")]
        praise = []
        if strong:
            praise.append(f"{'、'.join(strong)}得分率在 80% 以上")
        if full:
            praise.append("、".join(f"{_short(ind.text_for(group.group_type), 16)}（{ind.code}）" for ind in full)
                          + "达到评分标准")
        achievements = f"（演示）{group.name}" + ("；".join(praise) if praise else "各项工作正在推进") + "。"
        worst = sorted((ind_r for ind_r in base if ind_r[1].points < ind_r[1].max),
                       key=lambda t: (t[1].points - t[1].max, rubric.indicators.index(t[0])))[:3]
        items, lines, steps = [], [], []
        for n, (ind, r) in enumerate(worst):
            school = ""
            if r.per_school:
                low = min((o.points, sid) for sid, o in r.per_school.items() if o.points is not None)
                school = low[1]
            text = (f"{_short(ind.text_for(group.group_type))}未全部达到评分标准"
                    f"（{ind.code} 得 {fmt_points(r.points)} 分，满分 {fmt_points(r.max)} 分）。")
            lines.append(f"（演示）{text}")
            items.append(R.Draft(text, (ind.code,), (school,) if school else (), due))
            steps.append(f"{NUMERALS[n]}是对照 {ind.code} 的评分标准逐项补齐，留存过程性资料")
        problems = "\n".join(lines) if lines else "（演示）已评指标均达到评分标准，未发现需整改的问题。"
        suggestions = "（演示）" + ("；".join(steps) + "。" if steps else "保持现有做法，继续积累过程性资料。")
        for kind, text in (("achievements", achievements), ("problems", problems), ("suggestions", suggestions)):
            set_finding(store, plan.id, group.id, kind, text, LEAD)
        for draft in items:
            R.add_item(store, plan, rubric, group, draft, lead)
        if group.id == finalised_group:
            F.set_meeting(store, plan.id, group.id, F.Meeting(
                "2023年10月17日 15:30", "集团总校会议室（演示）",
                "考核组全体成员；集团总校校长、各校区执行校长、教师代表 12 人（演示）",
                "集团认同考核组的意见，将对照整改要求逐项落实，按期报送整改报告（演示）。"), LEAD)
