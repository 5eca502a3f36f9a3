"""The 整改通知书 and the 整改复查情况报告 as Word documents, with the content of their PDFs, for editing."""
from __future__ import annotations

from pathlib import Path

from inspector_app.reports.rectify_notice import (NOTICE, RECHECK, NoticeData, cn_date, conclusion, fixed_and_not,
                                                  notice_paragraphs, recheck_summary)
from inspector_app.typeset.word import WordDoc

DEMO_MARK = "演示数据，不作为考核结果"


def notice_docx(d: NoticeData, out: Path | str) -> Path:
    issuer = d.issuing_body or "（发布单位）"
    w = WordDoc(f"{d.plan_title} · {NOTICE} · {d.group_name}", mark=DEMO_MARK if d.demo else "")
    opening, asks = notice_paragraphs(d)
    w.para(issuer, "标记")
    w.para(NOTICE, "公文标题")
    w.para(f"{d.group_name}" + (f"（{d.lead_school}）" if d.lead_school else "") + "：", "正文")
    w.para(opening)
    w.para("一、存在问题与整改时限", "一级标题")
    w.table([["序号", "类别", "存在问题", "指标", "学校", "责任单位（人）", "整改时限"]] +
            [[str(i), r.area, r.text, r.indicators, r.schools, r.responsible, r.deadline]
             for i, r in enumerate(d.rows, 1)], [10, 18, 45, 13, 22, 24, 24])
    w.para("二、整改要求", "一级标题")
    for a in asks:
        w.para(a)
    w.para("")
    w.para(issuer, "落款")
    w.para("（盖章）", "落款")
    w.para(cn_date(d.date), "落款")
    return w.save(out)


def recheck_docx(d: NoticeData, out: Path | str) -> Path:
    w = WordDoc(f"{d.plan_title} · {RECHECK} · {d.group_name}", mark=DEMO_MARK if d.demo else "")
    fixed, not_fixed = fixed_and_not(d)
    w.para(d.plan_title, "标记")
    w.para(RECHECK, "公文标题")
    w.para(d.group_name, "标记")
    w.para(recheck_summary(d))
    w.para("一、逐项复查结论", "一级标题")
    w.table([["序号", "存在问题", "指标", "整改情况", "复查结论"]] +
            [[str(i), r.text, r.indicators, r.response or "（未报告）",
              conclusion(r)] for i, r in enumerate(d.rows, 1)],
            [11, 60, 15, 46, 24])
    w.para("二、已整改到位的问题", "一级标题")
    for i, r in enumerate(fixed, 1):
        w.para(f"{i}. {r.text}（{r.indicators}）")
    if not fixed:
        w.para("无。")
    w.para("三、未整改到位的问题", "一级标题")
    for i, r in enumerate(not_fixed, 1):
        w.para(f"{i}. {r.text}（{r.indicators}，{r.status}）")
    if not not_fixed:
        w.para("无。")
    else:
        w.para("未整改到位的问题由被考核单位继续整改，转入下一年度考核跟踪。")
    w.para("复查组组长（签字）：" + (d.panel[0].split("（")[0] if d.panel else ""), "落款")
    w.para("复查组成员（签字）：", "落款")
    w.para(cn_date(d.date), "落款")
    return w.save(out)
