"""One expert's 评分表, in the rubric's own table layout, for signing on paper.

Columns as in the seed: 指标, 考核要点, 分值, 评分标准, 得分, 扣分说明; grouped by
area (一级指标) with each area's subtotal, on landscape A4. An indicator the
expert has not scored is left blank so the sheet can be filled in by hand.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table

from inspector_app.reports.model import ExpertSheet, ReportData
from inspector_app.reports.pdf_base import PageDecor, build_pdf, frame_width
from inspector_app.reports.pdf_render import Cancelled, Progress, RenderContext
from inspector_app.reports.pdf_style import (ACCENT, ACCENT_LIGHT, MUTED, RULE, ZEBRA, Heading, Styles, para, pts,
                                             table_style)
from inspector_app.scoring.engine import ROLE_TARGET

DOC_NAME = "评分表"


def render_score_sheet(data: ReportData, expert: ExpertSheet, out_path: Path | str,
                       progress: Progress | None = None, cancelled: Cancelled | None = None) -> int:
    """Write the expert's score sheet to out_path (atomically); returns its page count."""
    ctx = RenderContext(cancelled)
    ctx.check()
    s = Styles()
    w = frame_width(landscape_pages=True)
    story = _head(data, expert, s, w) + [_table(data, expert, s, w), Spacer(1, 6 * mm),
                                         _signature(data, expert, s, w)]
    decor = PageDecor(data.plan_title, f"{DOC_NAME} · {expert.name} · {data.group_name}", data.demo)
    return build_pdf(story, out_path, decor, subject=f"{data.group_name} {DOC_NAME}（{expert.name}）",
                     author=expert.name, landscape_pages=True, progress=progress, ctx=ctx)


def _head(data: ReportData, expert: ExpertSheet, s: Styles, w: float) -> list:
    title = Heading(f"{data.rubric.title} · {DOC_NAME}", size=15, space_before=0, space_after=6)
    facts = [("教育集团", f"{data.group_name}（{data.group_type}）" if data.group_type else data.group_name),
             ("考核阶段", f"{data.school_year} {data.stage_label}".strip()),
             ("考核日期", data.date_text),
             ("评分专家", f"{expert.name}（{expert.role_label}）"),
             ("密钥指纹", expert.fingerprint or "—")]
    cells = []
    for label, value in facts:
        cells += [para(label, s.label), para(value, s.value)]
    rows = [cells[0:6], cells[6:10] + ["", ""]]
    table = Table(rows, colWidths=[18 * mm, 80 * mm, 18 * mm, 56 * mm, 18 * mm, w - 190 * mm], hAlign="LEFT")
    table.setStyle(table_style([("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 1),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 3), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return [title, table, Spacer(1, 4 * mm)]


def _table(data: ReportData, expert: ExpertSheet, s: Styles, w: float) -> Table:
    widths = [16 * mm, 86 * mm, 13 * mm, 64 * mm, 18 * mm]
    widths.append(w - sum(widths))
    heads = ("指标", "考核要点", "分值", "评分标准", "得分", "扣分说明")
    rows = [[para(h, s.cell_head_center if h in ("分值", "得分") else s.cell_head) for h in heads]]
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT_LIGHT), ("LINEABOVE", (0, 0), (-1, 0), 1, ACCENT),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
    ]
    base_total, bonus_total = Decimal(0), Decimal(0)
    any_scored = False
    for area in data.rubric.areas:
        label = f"{area.code} {area.title}（{pts(area.max)} 分{'，加分项' if area.bonus else ''}）"
        rows.append([para(label, s.cell_head)] + [""] * 5)
        r = len(rows) - 1
        style += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), ZEBRA)]
        subgroup_of = {code: sg for sg in area.subgroups for code in sg.indicator_codes}
        shown_groups = set()
        got, scored = Decimal(0), False
        for ind in area.indicators:
            if not ind.applies_to(data.group_type):
                continue
            sg = subgroup_of.get(ind.code)
            if sg is not None and sg.code not in shown_groups and sg.title:
                shown_groups.add(sg.code)
                rows.append([para(f"{sg.code} {sg.title}", s.cell_muted)] + [""] * 5)
                style.append(("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1)))
            points = expert.points.get(ind.code)
            per_school = expert.school_points.get(ind.code) or {}
            score_cell = [para(pts(points) if points is not None else "", s.cell_center, bold=True)]
            if per_school and ind.scope.per_school:
                lines = []
                for school in data.schools:
                    if ROLE_TARGET.get(school.role) not in ind.targets:
                        continue
                    value = per_school.get(school.id)
                    lines.append(f"{_short_school(school.name, data.group_name)} {pts(value) if value is not None else ''}")
                score_cell.append(para("\n".join(lines), s.cell_muted))
            if points is not None:
                got += Decimal(points)
                scored = True
            rows.append([para(ind.code, s.cell, bold=True), para(ind.text_for(data.group_type), s.cell),
                         para(pts(ind.points), s.cell_center), para(ind.standard, s.cell), score_cell,
                         para(expert.notes.get(ind.code, ""), s.cell)])
        subtotal = min(got, area.max)
        if scored:
            any_scored = True
            if area.bonus:
                bonus_total += subtotal
            else:
                base_total += subtotal
        rows.append([para(f"{area.code} 小计", s.cell_head), "", para(pts(area.max), s.cell_center, bold=True), "",
                     para(pts(subtotal) if scored else "", s.cell_center, bold=True), ""])
        r = len(rows) - 1
        style += [("SPAN", (0, r), (1, r)), ("LINEABOVE", (0, r), (-1, r), 0.8, ACCENT)]
    rubric = data.rubric
    base_max = rubric.total if rubric.total is not None else rubric.base_max
    if rubric.total is not None:
        base_total = min(base_total, rubric.total)
    bonus_total = min(bonus_total, rubric.bonus_max)
    totals = [("基础分合计", base_max, base_total)]
    if rubric.bonus_max:
        totals += [("加分合计", rubric.bonus_max, bonus_total), ("总分", base_max + rubric.bonus_max,
                                                                base_total + bonus_total)]
    for label, maximum, value in totals:
        rows.append([para(label, s.cell_head), "", para(pts(maximum), s.cell_center, bold=True), "",
                     para(pts(value) if any_scored else "", s.cell_center, bold=True), ""])
        r = len(rows) - 1
        style += [("SPAN", (0, r), (1, r)), ("BACKGROUND", (0, r), (-1, r), ACCENT_LIGHT)]
    if rubric.composite:
        rows.append([para(f"总分按加权合成计算：{rubric.composite.note or '见评价标准'}", s.cell_muted)] + [""] * 5)
        style.append(("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1)))
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT", splitInRow=1)
    table.setStyle(table_style(style))
    return table


def _short_school(name: str, group: str) -> str:
    """镇罗校区 rather than 中卫市第四中学镇罗校区 inside a cell already about that group."""
    stem = group.removesuffix("教育集团").removesuffix("集团")
    if stem and name.startswith(stem) and len(name) > len(stem):
        return name[len(stem):].strip("（）() ") or name
    return name


def _signature(data: ReportData, expert: ExpertSheet, s: Styles, w: float):
    rows = [[para("评分专家（签名）：", s.value), "", para("日期：", s.value), "", para("年", s.value), "",
             para("月", s.value), "", para("日", s.value)]]
    table = Table(rows, colWidths=[42 * mm, 70 * mm, 16 * mm, 20 * mm, 8 * mm, 12 * mm, 8 * mm, 12 * mm, 8 * mm],
                  rowHeights=[14 * mm], hAlign="RIGHT")
    table.setStyle(table_style([("VALIGN", (0, 0), (-1, -1), "BOTTOM")] +
                              [("LINEBELOW", (c, 0), (c, 0), 0.6, MUTED) for c in (1, 3, 5, 7)]))
    note = para(f"本表为{expert.name}在{data.date_text}对{data.group_name}的独立评分，"
                f"考核组最终得分以现场反馈报告为准。", s.note)
    return KeepTogether([note, table])
