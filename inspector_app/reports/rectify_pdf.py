"""The 整改通知书 and the 整改复查情况报告 as PDF, in the feedback report's style (reports/pdf_style)."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table

from inspector_app.reports.official import sign_block
from inspector_app.reports.pdf_base import PageDecor, build_pdf, frame_width
from inspector_app.reports.pdf_style import Heading, Styles, data_table, para, table_style
from inspector_app.reports.rectify_notice import (NOTICE, RECHECK, NoticeData, NoticeRow, cn_date, conclusion,
                                                  fixed_and_not, notice_paragraphs, recheck_summary)
from inspector_app.typeset.seal import SealSpace


def _items_table(s: Styles, width: float, rows: list[NoticeRow], *, recheck: bool = False) -> Table:
    if recheck:
        head = ("序号", "存在问题", "指标", "整改情况", "复查结论")
        widths = [11 * mm, 0, 15 * mm, 46 * mm, 24 * mm]
        cells = [[para(i, s.cell_center), para(r.text, s.cell), para(r.indicators, s.cell_center),
                  para(r.response or "（未报告）", s.cell),
                  para(conclusion(r), s.cell)]
                 for i, r in enumerate(rows, 1)]
    else:
        head = ("序号", "类别", "存在问题", "指标", "学校", "责任单位（人）", "整改时限")
        widths = [11 * mm, 16 * mm, 0, 12 * mm, 20 * mm, 24 * mm, 23 * mm]
        cells = [[para(i, s.cell_center), para(r.area, s.cell), para(r.text, s.cell), para(r.indicators, s.cell_center),
                  para(r.schools, s.cell), para(r.responsible, s.cell), para(r.deadline, s.cell_center)]
                 for i, r in enumerate(rows, 1)]
    widths[widths.index(0)] = width - sum(widths)
    return data_table([[para(h, s.cell_head) for h in head]] + cells, widths,
                      extra=[("VALIGN", (0, 1), (-1, -1), "TOP")], split_rows=True)


def _signature(s: Styles, issuer: str, date: str) -> Table:
    right = s.body_plain.but(align="right")
    sign = Table([[SealSpace(36 * mm), [para(issuer, right), para(cn_date(date), right)]]],
                 colWidths=[40 * mm, 116 * mm], hAlign="RIGHT")
    sign.setStyle(table_style([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return sign


def notice_pdf(d: NoticeData, out: Path | str) -> int:
    s, width = Styles(), frame_width()
    issuer = d.issuing_body or "（发布单位）"
    opening, asks = notice_paragraphs(d)
    story: list = [para(issuer, s.cover_kicker), para(NOTICE, s.cover_title), Spacer(1, 6 * mm),
                   para(f"{d.group_name}" + (f"（{d.lead_school}）" if d.lead_school else "") + "：", s.left),
                   para(opening, s.body), Heading("一、存在问题与整改时限", size=14)]
    story += [_items_table(s, width, d.rows), Heading("二、整改要求", size=14)]
    story += [para(a, s.body) for a in asks[:-1]]
    # The signature never stands alone on a page: it keeps the last paragraph with it.
    story.append(KeepTogether([para(asks[-1], s.body), Spacer(1, 4 * mm), _signature(s, issuer, d.date)]))
    decor = PageDecor(d.plan_title, f"{NOTICE} · {d.group_name}", d.demo)
    return build_pdf(story, out, decor, subject=NOTICE, author=issuer)


def recheck_pdf(d: NoticeData, out: Path | str) -> int:
    s, width = Styles(), frame_width()
    fixed, not_fixed = fixed_and_not(d)
    story: list = [para(d.plan_title, s.cover_kicker), para(RECHECK, s.cover_title), para(d.group_name, s.cover_group),
                   Spacer(1, 4 * mm), para(recheck_summary(d), s.body), Heading("一、逐项复查结论", size=14),
                   _items_table(s, width, d.rows, recheck=True), Heading("二、已整改到位的问题", size=14)]
    story += [para(f"{i}. {r.text}（{r.indicators}）", s.body_plain) for i, r in enumerate(fixed, 1)] or \
        [para("无。", s.body_plain)]
    story.append(Heading("三、未整改到位的问题", size=14))
    story += [para(f"{i}. {r.text}（{r.indicators}，{r.status}）", s.body_plain) for i, r in enumerate(not_fixed, 1)] or \
        [para("无。", s.body_plain)]
    if not_fixed:
        story.append(para("未整改到位的问题由被考核单位继续整改，转入下一年度考核跟踪。", s.body))
    lines = [f"复查组组长（签字）　{d.panel[0].split('（')[0]}" if d.panel else "复查组组长（签字）", "复查组成员（签字）"]
    last = story.pop()
    story.append(KeepTogether([last, Spacer(1, 6 * mm),
                               sign_block(s, width, f"复查组（{d.issuing_body or '教育局'}）", lines)]))
    decor = PageDecor(d.plan_title, f"{RECHECK} · {d.group_name}", d.demo)
    return build_pdf(story, out, decor, subject=RECHECK, author=d.issuing_body)
