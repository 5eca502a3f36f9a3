"""One expert's 评分表, in the rubric's own table layout, for signing on paper.

Columns as in the seed: 一级指标, 二级指标, 考核要点, 分值, 评分标准, 考核对象,
评价方式, 得分, 扣分说明, grouped by area with each area's subtotal, on
landscape A4. Every row is scored or printed 未评, so nothing can be added
after signing; the subtotals and totals are the engine's for this expert's
own scores (a per-school indicator shows each school and the mean that
counts). Every page has a box for the expert's initials and the signature
is kept with the last rows. An expert who has not scored yet gets a blank
sheet to fill in by hand at the visit (得分 and 扣分说明 left open).
"""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table

from inspector_app.reports.model import ExpertSheet, ReportData
from inspector_app.reports.pdf_base import PageDecor, build_pdf, frame_width
from inspector_app.reports.pdf_render import Cancelled, Progress, RenderContext
from inspector_app.reports.pdf_style import (ACCENT, ACCENT_LIGHT, MUTED, RULE, ZEBRA, Heading, Styles, para, pts,
                                             table_style)
from inspector_app.rubric.model import TARGETS
from inspector_app.scoring.school import ROLE_TARGET

DOC_NAME = "评分表"


def render_score_sheet(data: ReportData, expert: ExpertSheet, out_path: Path | str,
                       progress: Progress | None = None, cancelled: Cancelled | None = None) -> int:
    """Write the expert's score sheet to out_path (atomically); returns its page count."""
    ctx = RenderContext(cancelled)
    ctx.check()
    s = Styles()
    w = frame_width(landscape_pages=True)
    story = _head(data, expert, s, w) + _table(data, expert, s, w, _signature(data, expert, s, w))
    decor = PageDecor(data.plan_title, f"{DOC_NAME} · {expert.name} · {data.group_name}", data.demo,
                      initials="本页评分专家签名")
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


def _blank(expert: ExpertSheet) -> bool:
    return not expert.points and not expert.school_points


def _table(data: ReportData, expert: ExpertSheet, s: Styles, w: float, signature) -> list:
    blank = _blank(expert)
    card = None if blank else expert.card
    widths = [22 * mm, 30 * mm, 62 * mm, 11 * mm, 48 * mm, 24 * mm, 18 * mm, 20 * mm]
    widths.append(w - sum(widths))
    heads = ("一级指标", "二级指标", "考核要点", "分值", "评分标准", "考核对象", "评价方式", "得分", "扣分说明")
    rows = [[para(h, s.cell_head_center if h in ("分值", "得分") else s.cell_head) for h in heads]]
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT_LIGHT), ("LINEABOVE", (0, 0), (-1, 0), 1, ACCENT),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
    ]
    unscored = "" if blank else "未评"
    for area in data.rubric.areas:
        area_label = f"{area.code} {area.title}（{pts(area.max)}分）"
        subgroup_of = {code: sg for sg in area.subgroups for code in sg.indicator_codes}
        for ind in area.indicators:
            if not ind.applies_to(data.group_type):
                continue
            sg = subgroup_of.get(ind.code)
            result = card.indicators.get(ind.code) if card else None
            score: list = []
            if ind.scope.per_school:
                lines = []
                for school in data.schools:
                    if ROLE_TARGET.get(school.role) not in ind.targets:
                        continue
                    value = (expert.school_points.get(ind.code) or {}).get(school.id)
                    lines.append(f"{school.short(data.group_name)} {pts(value) if value is not None else unscored}")
                got = pts(result.points) if result is not None and result.done else unscored
                score = [para("\n".join(lines), s.cell_muted), para(f"平均 {got}" if got else "", s.cell_center, bold=True)]
            else:
                value = expert.points.get(ind.code)
                score = [para(pts(value) if value is not None else unscored, s.cell_center, bold=True)]
            note = expert.notes.get(ind.code, "")
            if not note and not blank:
                note = _explained(expert.explanations.get(ind.code, []), result)
            rows.append([para(area_label, s.cell_muted), para(f"{sg.code} {sg.title}" if sg else "", s.cell_muted),
                         para(f"{ind.code} {ind.text_for(data.group_type)}", s.cell),
                         para(pts(ind.points), s.cell_center), para(ind.standard, s.cell_muted),
                         para("、".join(TARGETS.get(x, x) for x in ind.targets), s.cell_muted),
                         para("、".join(ind.methods), s.cell_muted), score, para(note, s.cell_muted)])
        sub = next((a for a in card.areas if a.code == area.code), None) if card else None
        rows.append([para(f"{area.code} 小计", s.cell_head), "", "", para(pts(area.max), s.cell_center, bold=True),
                     "", "", "", para(pts(sub.points) if sub else "", s.cell_center, bold=True), ""])
        r = len(rows) - 1
        style += [("SPAN", (0, r), (2, r)), ("LINEABOVE", (0, r), (-1, r), 0.8, ACCENT),
                  ("BACKGROUND", (0, r), (-1, r), ZEBRA)]
    rubric = data.rubric
    base_max = rubric.total if rubric.total is not None else rubric.base_max
    totals = [("基础分合计", base_max, card.base if card else None)]
    if rubric.bonus_max:
        totals += [("加分合计", rubric.bonus_max, card.bonus if card else None),
                   ("总分", base_max + rubric.bonus_max, card.total if card else None)]
    tail = []
    for label, maximum, value in totals:
        tail.append([para(label, s.cell_head), "", "", para(pts(maximum), s.cell_center, bold=True), "", "", "",
                     para(pts(value) if value is not None else "", s.cell_center, bold=True), ""])
    if card is not None and card.done < card.count:
        tail.append([para(f"已评 {card.done} 项，未评 {card.count - card.done} 项（未评按 0 分计入合计）", s.cell_muted)]
                    + [""] * 8)
    if rubric.composite:
        tail.append([para(f"总分按加权合成计算：{rubric.composite.note or '见评价标准'}", s.cell_muted)] + [""] * 8)
    first_tail = len(rows)
    rows += tail
    for r in range(first_tail, len(rows)):
        style += [("SPAN", (0, r), (2, r)), ("BACKGROUND", (0, r), (-1, r), ACCENT_LIGHT)]
        if len(rows[r]) and rows[r][1] == "" and rows[r][3] == "":
            style.append(("SPAN", (0, r), (-1, r)))
    cut = first_tail - 2
    body = Table(rows[:cut], colWidths=widths, repeatRows=1, hAlign="LEFT")
    body.setStyle(table_style([cmd for cmd in style if cmd[1][1] < cut and cmd[2][1] < cut]))
    # The last rows, the totals and the signature stay together: the signature is never alone on a page.
    end_rows = [rows[0]] + rows[first_tail - 2:]
    end_style = _restyle(style, first_tail - 2)
    end = Table(end_rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    end.setStyle(table_style(end_style))
    return [body, KeepTogether([end, Spacer(1, 5 * mm), signature])]


def _restyle(style: list, offset: int) -> list:
    """The table style for rows [0] + rows[offset:], row numbers shifted."""
    out = []
    for cmd in style:
        name, (c0, r0), (c1, r1), *rest = cmd
        if r0 == 0 and r1 in (0, -1):
            out.append(cmd)
        elif r0 >= offset:
            out.append((name, (c0, r0 - offset + 1), (c1, r1 - offset + 1), *rest))
    return out


def _explained(lines: list[str], result) -> str:
    """扣分说明 when no note was typed: the engine's lines that say where points were lost."""
    if result is None or not result.done or result.points >= result.max:
        return ""
    lost = [line.strip() for line in lines if any(k in line for k in ("✗", "扣", "未", "−", "不得分"))]
    return "；".join(lost[:4]) or f"得 {pts(result.points)} 分，扣 {pts(result.max - result.points)} 分"


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
    blank = "本表为空白评分表，由专家现场手工填写；" if _blank(expert) else ""
    rule = "" if blank else "未评分的项目印为“未评”，签字后不得增补。"
    note = para(f"{blank}本表为{expert.name}对{data.group_name}的独立评分，每页右下角均须签名；"
                f"{rule}考核组最终得分以现场反馈报告为准。", s.note)
    return KeepTogether([note, table])
