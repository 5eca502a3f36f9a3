"""The bureau's 整改通知书 for a group, and the 复查 panel's 复查情况报告, as PDF and Word.

Both are official papers in the feedback report's style (the shipped faces, GB/T 9704's page, 第 N 页 共 M
页, the 演示 mark on demo data, a seal space beside the issuing body). The notice lists every open item with
its area, indicator, school, responsible unit and deadline, and says when and in what form the 整改报告 is
due; the 复查 report says, item by item, what was put right and what was not.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path

from inspector_app.store import finalisation as F
from inspector_app.store.experts import experts
from inspector_app.store import plans as P
from inspector_app.store import rectification as R
from inspector_app.store.rectify_plans import recheck_of
from inspector_app.store.db import Store

DEFAULT_FORM = "书面整改报告一式两份，加盖单位公章，附整改佐证材料（文件、照片等）清单及电子版"
NOTICE, RECHECK = "整改通知书", "整改复查情况报告"


@dataclass
class NoticeRow:
    area: str
    text: str
    indicators: str
    schools: str
    responsible: str
    deadline: str
    status: str = ""
    response: str = ""
    recheck: str = ""  # 复查得分
    verdict: str = ""  # the 复查 panel's reason for its conclusion


@dataclass
class NoticeData:
    plan_title: str
    group_name: str
    lead_school: str
    issuing_body: str
    date: str  # ISO date on the paper
    demo: bool
    rows: list[NoticeRow] = field(default_factory=list)
    visit_date: str = ""
    meeting_date: str = ""
    report_due: str = ""
    form: str = DEFAULT_FORM
    panel: list[str] = field(default_factory=list)  # the 复查 panel, lead first
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def items(self) -> list[NoticeRow]:
        return self.rows


def cn_date(value: str) -> str:
    try:
        d = _dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return value or "____年__月__日"
    return f"{d.year}年{d.month}月{d.day}日"


def _rows(store: Store, rubric, group: P.Group, found: list[R.Item]) -> list[NoticeRow]:
    names = {s.id: (s.short_name or s.name) for s in group.schools}
    rows = []
    for item in found:
        schools = "、".join(names.get(s, s) for s in item.schools) or R.WHOLE_GROUP
        who = "；".join(x for x in (item.unit or (schools if item.schools else group.name), item.person) if x)
        recheck = "，".join(f"{k} {v} 分" for k, v in sorted(item.recheck_points.items()))
        verdict = next((e.reason for e in reversed(R.events(store, item.uid)) if e.action == "status"
                        and e.fields.get("status") in (R.PASSED, R.REJECTED)), "")
        rows.append(NoticeRow(item.area_for(rubric), item.text, "、".join(item.indicators) or "—", schools, who,
                              cn_date(item.deadline) if item.deadline else "—", item.status, item.response, recheck,
                              verdict))
    return rows


def _base(store: Store, plan: P.Plan, group: P.Group, date: str) -> NoticeData:
    lead = next((s.name for s in group.schools if s.role == "lead"), "")
    return NoticeData(plan.title, group.name, lead, plan.publication.issuing_body, date, plan.demo)


def notice_data(store: Store, plan: P.Plan, group: P.Group, date: str, form: str | None = None) -> NoticeData:
    rubric = P.plan_rubric(store, plan)
    found = [i for i in R.items(store, plan.id, group.id) if i.is_open]
    data = _base(store, plan, group, date)
    data.rows = _rows(store, rubric, group, found)
    final = F.latest(store, plan.id, group.id)
    if final is not None:
        data.visit_date, data.meeting_date = final.visit_date, final.meeting_date
    deadlines = sorted(i.deadline for i in found if i.deadline)
    data.report_due = plan.publication.rectification_due or (deadlines[-1] if deadlines else "")
    data.form = form or DEFAULT_FORM
    return data


def recheck_data(store: Store, plan: P.Plan, group: P.Group, date: str) -> NoticeData:
    rubric = P.plan_rubric(store, plan)
    carried = R.links(store, plan.id)
    found = [i for i in R.items(store, plan.id, group.id) if i.uid in carried or recheck_of(store, plan.id) is None]
    data = _base(store, plan, group, date)
    data.rows = _rows(store, rubric, group, found)
    panel = sorted(experts(store, plan.id), key=lambda e: e.role != "lead")  # a 复查 plan's experts are its panel
    data.panel = [f"{e.name}（{'组长' if e.role == 'lead' else '成员'}）" for e in panel]
    data.counts = {s: sum(i.status == s for i in found) for s in R.STATUSES}
    return data


# --------------------------------------------------------------------------- the words


def notice_paragraphs(d: NoticeData) -> tuple[str, list[str]]:
    issuer = d.issuing_body or "组织考核的教育行政部门"
    when = f"于{cn_date(d.visit_date)}" if d.visit_date else ""
    meeting = f"，并于{cn_date(d.meeting_date)}召开反馈会" if d.meeting_date else ""
    opening = (f"根据《{d.plan_title}》工作安排，{issuer}组织考核组{when}对你集团进行了现场考核{meeting}。"
               f"现将考核发现的问题及整改要求通知如下，请认真组织整改。")
    due = cn_date(d.report_due) if d.report_due else "各项整改时限届满之日"
    asks = [
        "（一）对照所列问题逐项制定整改方案，明确责任单位、责任人、整改措施和完成时限，按期整改到位。",
        f"（二）于{due}前向{issuer}报送整改报告。报送形式：{d.form}。整改报告应逐项说明整改措施、完成情况和佐证材料；"
        "尚未完成的，说明原因和后续安排。",
        f"（三）{issuer}将组织复查，对整改情况逐项核实；复查结果纳入下一年度考核，未整改到位的问题转入下一年度继续整改。",
    ]
    return opening, asks


def recheck_summary(d: NoticeData) -> str:
    c = d.counts
    total = sum(c.values())
    pending = total - c.get(R.PASSED, 0) - c.get(R.REJECTED, 0)
    return (f"本次复查共核实整改事项 {total} 项：复查通过 {c.get(R.PASSED, 0)} 项，复查未通过 {c.get(R.REJECTED, 0)} 项"
            + (f"，尚未作出复查结论 {pending} 项" if pending else "") + "。")


def conclusion(r: NoticeRow) -> str:
    """A 复查 conclusion as the report prints it: the status, the panel's reason, the 复查得分."""
    return r.status + (f"：{r.verdict}" if r.verdict else "") + (f"\n复查得分 {r.recheck}" if r.recheck else "")


def fixed_and_not(d: NoticeData) -> tuple[list[NoticeRow], list[NoticeRow]]:
    return ([r for r in d.rows if r.status == R.PASSED], [r for r in d.rows if r.status != R.PASSED])


# --------------------------------------------------------------------------- writing


def write_notice(data: NoticeData, out: Path | str) -> int:
    """PDF or Word by the file name's ending; the number of pages (0 for Word: the word processor counts)."""
    if str(out).lower().endswith(".docx"):
        from inspector_app.reports.rectify_word import notice_docx
        notice_docx(data, out)
        return 0
    from inspector_app.reports.rectify_pdf import notice_pdf
    return notice_pdf(data, out)


def write_recheck(data: NoticeData, out: Path | str) -> int:
    if str(out).lower().endswith(".docx"):
        from inspector_app.reports.rectify_word import recheck_docx
        recheck_docx(data, out)
        return 0
    from inspector_app.reports.rectify_pdf import recheck_pdf
    return recheck_pdf(data, out)
