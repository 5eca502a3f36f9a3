"""The 合议记录: the panel's internal record of how each figure was settled, for the panel and the bureau.

It carries what the unit's report leaves out: every expert's own score per
indicator (and school), the spread, how the figure was settled (mean, median
or the lead's decision) with the lead's reason, the experts' notes, 代录
marks, each expert's own total beside the panel's, and every member's
fingerprint and signature. It is marked 内部资料 on every page.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Spacer

from inspector_app.reports.model import ReportData
from inspector_app.reports.official import facts_table, sign_block
from inspector_app.reports.pdf_base import PageDecor, build_pdf, frame_width
from inspector_app.reports.pdf_render import Cancelled, Progress, RenderContext
from inspector_app.reports.pdf_style import WARN, Heading, Styles, data_table, para, pts, table_style

DOC_NAME = "合议记录"


def render_panel_record(data: ReportData, out_path: Path | str, progress: Progress | None = None,
                        cancelled: Cancelled | None = None) -> int:
    """Write the 合议记录 to out_path (atomically); returns its page count."""
    ctx = RenderContext(cancelled)
    ctx.check()
    s = Styles()
    w = frame_width(landscape_pages=True)
    story = _head(data, s, w) + _places(data, s, w) + _totals(data, s, w) + _signatures(data, s, w)
    decor = PageDecor(data.plan_title, f"{DOC_NAME}（内部资料） · {data.group_name}", data.demo,
                      draft=not data.status.final)
    return build_pdf(story, out_path, decor, subject=f"{data.group_name} {DOC_NAME}", landscape_pages=True,
                     progress=progress, ctx=ctx)


def _head(d: ReportData, s: Styles, w: float) -> list:
    facts = [("教育集团", d.group_name), ("考核阶段", f"{d.school_year} {d.stage_label}"),
             ("考核日期", d.date_text), ("评价标准", f"{d.rubric.title}（{d.rubric.version} 版）"),
             ("结果状态", (f"已定稿（第 {d.status.version} 版）" if d.status.version else "已定稿")
              if d.status.final else "未定稿（征求意见稿）")]
    rows = [[para(h, s.cell_head) for h in ("姓名", "职务", "密钥指纹")]]
    for m in sorted(d.panel, key=lambda m: 0 if m.role == "lead" else 1):
        rows.append([para(m.name, s.cell), para(m.role_label, s.cell), para(m.fingerprint or "未登记公钥", s.cell_muted)])
    return [Heading(f"{d.group_name} {DOC_NAME}", size=16, space_before=0),
            para("内部资料：供考核组和教育局使用，不向被考核单位提供。", s.note), facts_table(s, w, facts),
            Spacer(1, 5 * mm),
            KeepTogether([Heading("考核组", size=14, rule=False, space_before=0, space_after=4, outline_level=None),
                          data_table(rows, [40 * mm, 24 * mm, w - 64 * mm])])]


def _places(d: ReportData, s: Styles, w: float) -> list:
    experts = [m.name for m in sorted(d.panel, key=lambda m: 0 if m.role == "lead" else 1)]
    out: list = [CondPageBreak(60 * mm), Heading("一、逐项评分与合议", size=16)]
    out.append(para("每行一个评分点（指标，或指标的一所学校）：各专家评分、极差、合议得分及方式；"
                    "组长决定的写明理由，“代录”表示由他人代为录入。", s.note))
    expert_w = 20 * mm
    fixed = [16 * mm, 26 * mm] + [expert_w] * len(experts) + [14 * mm, 18 * mm, 22 * mm]
    widths = fixed + [max(40 * mm, w - sum(fixed))]
    head = ["指标", "学校"] + experts + ["极差", "合议得分", "方式", "理由与专家意见"]
    rows = [[para(h, s.cell_head_center if i >= 2 and i < len(head) - 1 else s.cell_head)
             for i, h in enumerate(head)]]
    extra = [("VALIGN", (0, 1), (-1, -1), "TOP")]
    order = {ind.code: i for i, ind in enumerate(d.rubric.indicators)}
    for place in sorted(d.places, key=lambda p: (order.get(p.indicator, 999), p.school_id)):
        cells = [para(place.indicator, s.cell, bold=True),
                 para(d.short_name(place.school_id) if place.school_id else "全集团", s.cell)]
        for name in experts:
            value = place.scores.get(name)
            mark = f"\n代录：{place.proxies[name]}" if name in place.proxies else ""
            cells.append(para(("—" if value is None else pts(value)) + mark, s.cell_center))
        wide = place.spread > Decimal(1)
        cells.append(para(pts(place.spread) if len(place.scores) > 1 else "—",
                          s.cell_center.but(color=WARN) if wide else s.cell_center))
        cells.append(para(pts(place.settled) if place.settled is not None else "待定", s.cell_center, bold=True))
        cells.append(para(place.method, s.cell_center))
        cells.append(para("\n".join(place.remarks), s.cell_muted))
        rows.append(cells)
    if len(rows) == 1:
        out.append(para("尚无专家评分。", s.body_plain))
    else:
        out.append(data_table(rows, widths, extra=extra))
    return out


def _totals(d: ReportData, s: Styles, w: float) -> list:
    rows = [[para(h, s.cell_head) for h in ("评分人", "已评项数", "基础分", "加分", "总分", "等次")]]
    for sheet in d.experts:
        card = sheet.card
        if card is None:
            continue
        rows.append([para(f"{sheet.name}（{sheet.role_label}）", s.cell), para(f"{card.done}/{card.count}", s.cell_right),
                     para(pts(card.base), s.cell_right), para(pts(card.bonus), s.cell_right),
                     para(pts(card.total), s.cell_right), para(card.grade or "—", s.cell_center)])
    c = d.card
    rows.append([para("考核组合议", s.cell_strong), para(f"{c.done}/{c.count}", s.cell_right),
                 para(pts(c.base), s.cell_right), para(pts(c.bonus), s.cell_right),
                 para(pts(c.total), s.cell_right, bold=True), para(c.grade or "—", s.cell_center)])
    table = data_table(rows, [w - 5 * 30 * mm] + [30 * mm] * 5, zebra=False)
    found = [para(text, s.cell) for text in d.withheld_lines(names=True)]
    return [CondPageBreak(50 * mm), KeepTogether([Heading("二、各专家总分与合议总分", size=16), table,
                                                   para("各专家总分按其本人评分由程序计算（未评项按 0 分）。", s.note)]
                                                  + found)]


def _signatures(d: ReportData, s: Styles, w: float) -> list:
    half = (w - 10 * mm) / 2
    blocks = [sign_block(s, half, f"{m.role_label}：{m.name}", ["签字"], seal=False)
              for m in sorted(d.panel, key=lambda m: 0 if m.role == "lead" else 1)]
    out: list = [Heading("三、考核组签字", size=16)]
    from reportlab.platypus import Table
    pairs = [blocks[i:i + 2] + [""] * (2 - len(blocks[i:i + 2])) for i in range(0, len(blocks), 2)]
    grid = Table(pairs, colWidths=[half + 10 * mm, half], hAlign="LEFT")
    grid.setStyle(table_style([("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return [CondPageBreak(70 * mm), KeepTogether(out + [grid])]
