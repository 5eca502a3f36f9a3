"""Parts every official paper shares: the cover facts, the methods paragraph, sign-off blocks with seal spaces."""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table

from inspector_app.reports.model import ReportData, date_text
from inspector_app.reports.pdf_style import ACCENT, RULE, Styles, para, table_style
from inspector_app.typeset.seal import SealSpace

# 004 四（二）: how a county-level review is done.
METHODS = ("听取自评报告会", "察看校园环境与设施设备", "访谈校级干部和教师代表", "对师生与家长进行问卷调查",
           "查看档案资料", "召开反馈会")


def methods_paragraph(data: ReportData) -> str:
    who = f"{data.issuing_body}组织的考核组" if data.issuing_body else "考核组"
    count = len(data.panel)
    when = data.date_text
    when = f"{when}，" if not when.startswith("（") else ""
    return (f"{when}{who}一行 {count} 人，依据《{data.rubric.title}》，对{data.group_name}"
            f"（{len(data.schools)} 所学校）{data.school_year}{data.stage_label}工作进行了现场考核。"
            f"考核组结合学校自评和平时考核情况，通过{'、'.join(METHODS[:-1])}等方式逐项核查评分，"
            f"并{METHODS[-1]}向被考核单位反馈考核意见。")


def sign_block(s: Styles, width: float, title: str, lines: list[str], seal: bool = True) -> Table:
    """One party's sign-off: its title, lines to sign on, a date line and the seal space."""
    rows = [[para(title, s.h2.but(space_before=0, space_after=0))]]
    for label in lines:
        rows.append([para(f"{label}：", s.value)])
    rows.append([para("日期：        年    月    日", s.value)])
    inner = Table(rows, colWidths=[width - (38 * mm if seal else 0)], rowHeights=[None] + [11 * mm] * (len(rows) - 1),
                  hAlign="LEFT")
    style = [("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]
    for r in range(1, len(rows)):
        style.append(("LINEBELOW", (0, r), (0, r), 0.5, RULE))
    inner.setStyle(table_style(style))
    if not seal:
        return inner
    outer = Table([[inner, SealSpace()]], colWidths=[width - 38 * mm, 38 * mm], hAlign="LEFT")
    outer.setStyle(table_style([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return outer


def sign_off(data: ReportData, s: Styles, width: float, heading) -> list:
    """The group's head and the panel (for the 督导室) sign; both blocks stay on one page with their heading."""
    lead = next((m.name for m in data.panel if m.role == "lead"), "")
    unit = sign_block(s, width, f"被考核单位：{data.group_name}", ["负责人（签字）"])
    panel_title = f"考核组（{data.issuing_body}）" if data.issuing_body else "考核组"
    panel = sign_block(s, width, panel_title, [f"考核组组长（签字）{'　' + lead if lead else ''}", "考核组成员（签字）"])
    note = para(f"本报告一式两份，被考核单位与{data.issuing_body or '组织考核的教育行政部门'}各执一份。"
                f"反馈会日期：{date_text(data.status.meeting_on)}。", s.note)
    return [KeepTogether([heading, note, Spacer(1, 2 * mm), unit, Spacer(1, 5 * mm), panel])]


def facts_table(s: Styles, width: float, facts: list[tuple[str, str]]) -> Table:
    rows = [[para(k, s.label), para(v, s.value)] for k, v in facts]
    table = Table(rows, colWidths=[30 * mm, width - 30 * mm], hAlign="LEFT")
    table.setStyle(table_style([("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                               ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                               ("LEFTPADDING", (0, 0), (-1, -1), 2), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LINEABOVE", (0, 0), (-1, 0), 1, ACCENT)]))
    return table
