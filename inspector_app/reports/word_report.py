"""The unit's 现场反馈报告 and the 合议记录 as Word documents, with the content of their PDFs.

The panel edits the wording in Word or WPS before printing; the figures are
the engine's, as in the PDFs (`feedback`, `panel_record`), and the unit's
report carries the settled figures only.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from docx.shared import RGBColor

from inspector_app.reports.model import ReportData, date_text
from inspector_app.reports.official import methods_paragraph
from inspector_app.reports.pdf_photos import PhotoPrefetcher, photo_problem, photo_size
from inspector_app.reports.pdf_style import fmt_percent, percent, pts
from inspector_app.typeset.page import DRAFT_MARK
from inspector_app.typeset.word import WordDoc

NUMERALS = "一二三四五六七八九十"
RED = RGBColor(0xC0, 0x39, 0x2B)
PHOTO_BOX_MM = (150, 92)  # two photos and their captions to a page of GB/T 9704's 156 × 225 mm text block


def _marks(data: ReportData, internal: bool = False) -> str:
    marks = (["内部资料"] if internal else []) + ([] if data.status.final else [DRAFT_MARK]) + (
        ["演示数据，不作为考核结果"] if data.demo else [])
    return "　".join(marks)


def write_feedback_docx(data: ReportData, out_path: Path | str) -> Path:
    d, card = data, data.card
    w = WordDoc(f"{d.plan_title} · 现场反馈报告 · {d.group_name}", mark=_marks(d))
    w.para(d.plan_title, "标记")
    w.para("现场反馈报告", "公文标题")
    if not d.status.final:
        w.para(f"（{DRAFT_MARK}）", "标记", color=RED)
    w.para(d.group_name, "标记")
    w.table([["项目", "内容"], ["组织单位", d.issuing_body or "—"], ["集团类型", d.group_type or "—"],
             ["考核阶段", f"{d.school_year} {d.stage_label}"], ["考核日期", d.date_text],
             ["反馈会日期", date_text(d.status.meeting_on)],
             ["评价标准", f"{d.rubric.title}（{d.rubric.version} 版）"]], [35, 121])
    w.para("考核对象", "二级标题")
    w.table([["序号", "学校", "类别", "学段"]] +
            [[str(i), s.name, s.role_label, s.kind or "—"] for i, s in enumerate(d.schools, 1)], [14, 86, 28, 28])
    w.para("考核组", "二级标题")
    w.table([["姓名", "职务", "工作单位"]] + [[m.name, m.role_label, m.organisation or "—"]
                                          for m in sorted(d.panel, key=lambda m: 0 if m.role == "lead" else 1)],
            [40, 24, 92])
    n = iter(NUMERALS)
    w.para(f"{next(n)}、考核工作开展情况", "一级标题")
    w.para(methods_paragraph(d))
    w.para(f"{next(n)}、考核结果", "一级标题")
    w.para(f"总分 {pts(card.total)} 分，等次：{card.grade or '待定'}；评分进度 {card.done}/{card.count} 项。")
    if card.count > card.done:
        w.para(f"尚有 {card.count - card.done} 项指标未完成评分，按 0 分计入，不是最终结果。", "说明文字", color=RED)
    for text in d.withheld_lines():
        w.para(text, "说明文字", color=RED)
    last, own = d.last_year_areas or {}, d.self_area_percentages() or {}
    rows = [["一级指标", "满分", "得分", "得分率", "上学年", "自评"]]
    for a in card.areas:
        label = f"{a.code} {a.title}" + ("（加分项）" if a.bonus and not a.says_bonus else "")
        rows.append([label, pts(a.max), pts(a.points), "—" if a.bonus else fmt_percent(percent(a.points, a.max)),
                     fmt_percent(last.get(a.code)) if last else "—", fmt_percent(own.get(a.code)) if own else "—"])
    base_max = d.rubric.total if d.rubric.total is not None else d.rubric.base_max
    rows.append(["总分", pts((base_max or Decimal(0)) + d.rubric.bonus_max), pts(card.total), "—", "", ""])
    w.table(rows, [56, 18, 18, 22, 21, 21])
    rows = [["", "总分", "等次", "排名"], ["本次考核（考核组）", pts(card.total), card.grade or "待定", "由教育局汇总后公布"]]
    if d.self_total is not None:
        rows.append(["单位自评", *d.self_row(), "—"])
    if d.last_year is not None:
        ly = d.last_year
        rows.append([f"上学年（{ly.year}）", pts(ly.total), ly.grade or "—",
                     f"第 {ly.rank} 名" + (f"（共 {ly.of} 个）" if ly.of else "") if ly.rank else "—"])
    w.para("与自评、上学年比较", "二级标题")
    w.table(rows, [56, 30, 30, 40])
    if d.self_total is not None and d.self_missing():  # why the 自评 row has no grade
        w.para(d.self_note() + "。", "说明文字")
    per_school = [ind for ind in d.rubric.indicators if ind.scope.per_school
                  and card.indicators.get(ind.code) and card.indicators[ind.code].applicable]
    if per_school:
        w.para(f"{next(n)}、各校得分", "一级标题")
        rows = [["指标"] + [s.short(d.group_name) for s in d.schools] + ["集团得分"]]
        for ind in per_school:
            r = card.indicators[ind.code]
            rows.append([ind.code] + [pts(r.per_school[s.id].points) if s.id in r.per_school
                                      and r.per_school[s.id].points is not None else "—" for s in d.schools]
                        + [pts(r.points) if r.done else "未完成"])
        w.table(rows)
    w.para(f"{next(n)}、扣分说明", "一级标题")
    rows = [["指标", "满分", "得分", "扣分", "计分过程"]]
    for ind in d.rubric.indicators:
        r = card.indicators.get(ind.code)
        if r is None or not r.applicable or not r.done or r.points >= r.max or d.rubric.area(ind.area_code).bonus:
            continue
        rows.append([ind.code, pts(r.max), pts(r.points), f"−{pts(r.max - r.points)}",
                     "\n".join(x.strip() for x in d.explanations.get(ind.code, []) if x.strip())])
    if len(rows) > 1:
        w.table(rows, [14, 13, 14, 16, 99])
    else:
        w.para("各项指标均得满分，没有扣分。")
    w.para(f"{next(n)}、考核组意见", "一级标题")
    for title, text in (("（一）主要成绩", d.findings.achievements), ("（二）存在问题", d.findings.problems)):
        w.para(title, "二级标题")
        for line in [x.strip() for x in (text or "").splitlines() if x.strip()] or ["（未填写）"]:
            w.para(line)
    w.para(f"{next(n)}、整改要求", "一级标题")
    due = date_text(d.rectification_due)
    if d.problem_items:
        w.table([["序号", "存在问题", "指标", "学校", "整改时限"]] +
                [[str(i), it.text, it.indicator or "—", d.schools_text(it),
                  date_text(it.deadline) if it.deadline else due] for i, it in enumerate(d.problem_items, 1)],
                [12, 66, 16, 30, 32])
    w.para(f"被考核单位应对照以上问题逐项整改，于{due}前将整改报告报送{d.issuing_body or '组织考核的教育行政部门'}。")
    for line in [x.strip() for x in (d.findings.suggestions or "").splitlines() if x.strip()]:
        w.para(line)
    if d.carried_items:
        w.para("上年整改事项落实情况", "二级标题")
        w.table([["序号", "上年整改事项", "指标", "学校", "状态"]] +
                [[str(i), it.text, it.indicator or "—", d.schools_text(it), it.status]
                 for i, it in enumerate(d.carried_items, 1)], [12, 66, 16, 30, 32])
    w.para(f"{next(n)}、反馈会记录", "一级标题")
    m = d.meeting
    w.table([["项目", "内容"], ["时间", m.held_at or date_text(d.status.meeting_on)], ["地点", m.place],
             ["参加人员", m.attendees], ["被考核单位意见", m.response or "\n\n"]], [34, 122])
    w.para(f"{next(n)}、签署", "一级标题")
    lead = next((p.name for p in d.panel if p.role == "lead"), "")
    w.table([["", "签字", "日期", "盖章"],
             [f"被考核单位：{d.group_name}\n负责人", "", "    年  月  日", "（盖章）"],
             [f"考核组{'（' + d.issuing_body + '）' if d.issuing_body else ''}\n组长 {lead}", "", "    年  月  日",
              "（盖章）"]], [62, 34, 30, 30])
    if d.photos:
        _photos(w, d)
    if d.evidence:
        w.para("附：佐证材料清单", "一级标题")
        w.para(f"共 {len(d.evidence)} 份，原件随考核数据保存，未印入本报告。", "说明文字")
        w.table([list(d.EVIDENCE_HEAD)] + d.evidence_rows(), [12, 66, 30, 16, 32])
    return w.save(out_path)


def _photos(w: WordDoc, d: ReportData) -> None:
    """The photos chosen for the report, as the PDF prints them: upright, downscaled, a marked-up photo's
    drawing painted on the copy (the original is untouched), each with its caption; two to a page."""
    w.page_break()
    w.para("附：现场照片", "一级标题")
    w.para(d.PHOTOS_NOTE.format(len(d.photos)), "说明文字")
    ahead = PhotoPrefetcher([(Path(p.path), p.markup) for p in d.photos])
    try:
        for i, photo in enumerate(d.photos):
            try:
                size = photo_size(photo.path)
                data = ahead.get(i)
            except Exception as exc:  # missing, unreadable, too large: said where the photo would be
                w.para(f"［{photo_problem(exc)}：{Path(photo.path).name}］", "图片")
            else:
                w.picture(data, size, PHOTO_BOX_MM)
            w.para(d.photo_caption(i + 1, photo), "图片说明")
    finally:
        ahead.close()


def write_panel_record_docx(data: ReportData, out_path: Path | str) -> Path:
    d = data
    experts = [m.name for m in sorted(d.panel, key=lambda m: 0 if m.role == "lead" else 1)]
    w = WordDoc(f"{d.plan_title} · 合议记录（内部资料） · {d.group_name}", landscape=True, mark=_marks(d, internal=True))
    w.para(f"{d.group_name} 合议记录", "公文标题")
    w.para("内部资料：供考核组和教育局使用，不向被考核单位提供。", "说明文字")
    w.table([["姓名", "职务", "密钥指纹"]] + [[m.name, m.role_label, m.fingerprint or "未登记公钥"]
                                          for m in sorted(d.panel, key=lambda m: 0 if m.role == "lead" else 1)])
    w.para("一、逐项评分与合议", "一级标题")
    order = {ind.code: i for i, ind in enumerate(d.rubric.indicators)}
    rows = [["指标", "学校"] + experts + ["极差", "合议得分", "方式", "理由与专家意见"]]
    for p in sorted(d.places, key=lambda p: (order.get(p.indicator, 999), p.school_id)):
        cells = [p.indicator, d.short_name(p.school_id) if p.school_id else "全集团"]
        for name in experts:
            value = p.scores.get(name)
            cells.append(("—" if value is None else pts(value)) + (f"\n代录：{p.proxies[name]}" if name in p.proxies else ""))
        cells += [pts(p.spread) if len(p.scores) > 1 else "—", pts(p.settled) if p.settled is not None else "待定",
                  p.method, "\n".join(p.remarks)]
        rows.append(cells)
    w.table(rows)
    w.para("二、各专家总分与合议总分", "一级标题")
    rows = [["评分人", "已评项数", "基础分", "加分", "总分", "等次"]]
    for sheet in d.experts:
        if sheet.card is not None:
            c = sheet.card
            rows.append([f"{sheet.name}（{sheet.role_label}）", f"{c.done}/{c.count}", pts(c.base), pts(c.bonus),
                         pts(c.total), c.grade or "—"])
    c = d.card
    rows.append(["考核组合议", f"{c.done}/{c.count}", pts(c.base), pts(c.bonus), pts(c.total), c.grade or "—"])
    w.table(rows)
    for text in d.withheld_lines(names=True):
        w.para(text, "说明文字", color=RED)
    w.para("三、考核组签字", "一级标题")
    w.table([["职务", "姓名", "签字", "日期"]] + [[m.role_label, m.name, "", "    年  月  日"]
                                             for m in sorted(d.panel, key=lambda m: 0 if m.role == "lead" else 1)])
    return w.save(out_path)
