"""The 现场反馈报告: what the panel hands the unit at the feedback meeting (反馈会).

It carries the panel's settled figures only: no expert's own score, name
beside a score or note (those are in the 合议记录, `panel_record`). Every
figure comes from the group's `ScoreCard` as the scoring engine computed it;
this module only lays them out. A result that is not final prints as
征求意见稿 on every page.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Spacer, Table

from inspector_app.reports.charts import area_percent_chart
from inspector_app.reports.model import ReportData, date_text
from inspector_app.reports.feedback_appendix import evidence_list, photo_pages
from inspector_app.reports.official import facts_table, methods_paragraph, sign_off
from inspector_app.reports.pdf_base import DRAFT_MARK, PageDecor, build_pdf, frame_width
from inspector_app.reports.pdf_render import Cancelled, Progress, RenderContext
from inspector_app.reports.pdf_style import (
    ACCENT, ACCENT_LIGHT, INK, RULE, WARN, Heading, Styles, data_table, fmt_percent, notice, para, percent, pts,
    table_style,
)
from inspector_app.rubric.model import AGGREGATES, Indicator
from inspector_app.scoring.engine import IndicatorResult
from inspector_app.scoring.school import ROLE_TARGET

NUMERALS = "一二三四五六七八九十"
DOC_NAME = "现场反馈报告"
DIFF_ROWS = 10  # indicators shown where self-evaluation and panel differ most
SCHOOLS_PER_TABLE = 6


def render_feedback(data: ReportData, out_path: Path | str, progress: Progress | None = None,
                    cancelled: Cancelled | None = None) -> int:
    """Write the feedback report to out_path (atomically); returns its page count.

    progress(done, total) is called as the layout goes on; when cancelled() turns
    true the work stops with ReportCancelled and nothing is left at out_path.
    """
    ctx = RenderContext(cancelled)
    ctx.check()
    builder = _Feedback(data, ctx)
    story = builder.story()
    decor = PageDecor(data.plan_title, f"{DOC_NAME} · {data.group_name}", data.demo, draft=not data.status.final)
    return build_pdf(story, out_path, decor, subject=f"{data.group_name} {DOC_NAME}",
                     author=_lead_name(data), progress=progress, ctx=ctx,
                     photos=[(Path(p.path), p.markup) for p in data.photos])


def _lead_name(data: ReportData) -> str:
    for member in data.panel:
        if member.role == "lead":
            return member.name
    return ""


class _Feedback:
    def __init__(self, data: ReportData, ctx: RenderContext):
        self.data, self.ctx = data, ctx
        self.s = Styles()
        self.width = frame_width()
        self.section_no = 0

    # --- helpers ----------------------------------------------------------------------
    def heading(self, title: str) -> Heading:
        self.section_no += 1
        return Heading(f"{NUMERALS[self.section_no - 1]}、{title}", size=16, space_before=16)

    def sub(self, title: str) -> Heading:
        return Heading(title, size=14, color=INK, rule=False, space_before=10, space_after=4, outline_level=1)

    def story(self) -> list:
        data = self.data
        out = self.cover()
        out += self.methods()
        out += self.summary()
        out += self.per_school()
        out += self.deductions()
        out += self.differences()
        out += self.findings()
        out += self.rectification()
        out += self.meeting()
        out += self.signatures()
        if data.photos:
            out += photo_pages(data, self.s, self.width, self.ctx)
        if data.evidence:
            out += evidence_list(data, self.s, self.width)
        return out

    # --- cover --------------------------------------------------------------------------
    def cover(self) -> list:
        d, s, w = self.data, self.s, self.width
        out: list = [Spacer(1, 10 * mm), para(d.plan_title, s.cover_kicker), Spacer(1, 5 * mm),
                     para(DOC_NAME, s.cover_title)]
        if not d.status.final:
            out += [Spacer(1, 2 * mm), para(f"（{DRAFT_MARK}）", s.draft)]
        out += [Spacer(1, 4 * mm), para(d.group_name, s.cover_group), Spacer(1, 10 * mm)]
        facts = [
            ("组织单位", d.issuing_body or "—"),
            ("集团类型", d.group_type or "—"),
            ("考核阶段", f"{d.school_year} {d.stage_label}".strip()),
            ("考核日期", d.date_text),
            ("反馈会日期", date_text(d.status.meeting_on)),
            ("评价标准", f"{d.rubric.title}（{d.rubric.version} 版）"),
        ]
        if d.status.final and d.status.version:
            facts.append(("定稿版本", f"第 {d.status.version} 版"))
        out += [facts_table(s, w, facts), Spacer(1, 8 * mm)]
        rows = [[para(h, s.cell_head) for h in ("序号", "学校", "类别", "学段")]]
        for i, school in enumerate(d.schools, 1):
            rows.append([para(i, s.cell_center), para(school.name, s.cell), para(school.role_label, s.cell),
                         para(school.kind or "—", s.cell)])
        out.append(KeepTogether([Heading("考核对象", size=14, color=INK, rule=False, space_before=0, space_after=4,
                                         outline_level=None),
                                 data_table(rows, [14 * mm, w - 14 * mm - 56 * mm, 28 * mm, 28 * mm])]))
        out.append(Spacer(1, 7 * mm))
        rows = [[para(h, s.cell_head) for h in ("姓名", "职务", "工作单位")]]
        panel = sorted(d.panel, key=lambda m: 0 if m.role == "lead" else 1)
        for member in panel:
            rows.append([para(member.name, s.cell), para(member.role_label, s.cell),
                         para(member.organisation or "—", s.cell)])
        out += [KeepTogether([Heading("考核组", size=14, color=INK, rule=False, space_before=0, space_after=4,
                                      outline_level=None),
                              data_table(rows, [34 * mm, 20 * mm, w - 54 * mm])])]
        return out

    def methods(self) -> list:
        return [CondPageBreak(80 * mm), self.heading("考核工作开展情况"), para(methods_paragraph(self.data), self.s.body)]

    # --- summary ------------------------------------------------------------------------
    def summary(self) -> list:
        d, s, w, card = self.data, self.s, self.width, self.data.card
        out: list = [CondPageBreak(140 * mm), self.heading("考核结果")]  # the tiles stay with their table
        grade = card.grade or "待定"
        tiles = [
            ("总分", f"{pts(card.total)}", "分"),
            ("等次", grade, ""),
            ("评分进度", f"{card.done}/{card.count}", "项"),
        ]
        cells = []
        big = s.label.but(size=22, leading=28, color=INK)
        for label, value, unit in tiles:
            cells.append([para(label, s.label), para(f"{value} {unit}".strip(), big)])
        tile_w = w / 3
        tiles_table = Table([cells], colWidths=[tile_w] * 3, hAlign="LEFT")
        tiles_table.setStyle(table_style([
            ("BACKGROUND", (0, 0), (-1, -1), ACCENT_LIGHT),
            ("LINEAFTER", (0, 0), (1, 0), 2, "white"),
            ("TOPPADDING", (0, 0), (-1, -1), 7), ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
            ("LEFTPADDING", (0, 0), (-1, -1), 10), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]))
        out += [tiles_table, Spacer(1, 4 * mm)]
        if card.grade_note and not card.vetoed and not card.withheld:
            out += [para(card.grade_note, s.note)]
        missing = card.count - card.done
        if missing:
            names = "、".join(code for code, r in card.indicators.items() if r.applicable and not r.done)
            out += [notice(f"尚有 {missing} 项指标未完成评分（{names}），以下得分中按 0 分计入，"
                           f"不是最终结果。", s, w), Spacer(1, 3 * mm)]
        for veto in card.vetoed:
            reason = d.veto_reasons.get(veto.key, "").strip().rstrip("。")
            text = f"一票否决：{veto.text.strip().rstrip('。')}。" + (f"情况说明：{reason}。" if reason else "")
            out += [notice(text + f"等次定为{card.grade}。", s, w), Spacer(1, 3 * mm)]
        for text in d.withheld_lines():  # 取消优秀资格: the points stand, the top grade does not
            out += [notice(text, s, w), Spacer(1, 3 * mm)]

        last = d.last_year_areas or {}
        own_self = d.self_area_percentages() or {}
        extra_cols = [("上学年", last)] if last else []
        if own_self:
            extra_cols.append(("自评", own_self))
        head = ["一级指标", "满分", "得分", "得分率"] + [label for label, _ in extra_cols]
        num_w = 18 * mm
        pct_w = 21 * mm
        first_w = w - 2 * num_w - pct_w * (1 + len(extra_cols))
        widths = [first_w, num_w, num_w] + [pct_w] * (1 + len(extra_cols))
        rows = [[para(head[0], s.cell_head)] + [para(h, s.cell_head_right) for h in head[1:]]]
        emphasis: list = []

        def row(label, maximum, points, pct, extras, style=s.cell, strong=False):
            cells = [para(label, style, bold=strong), para(maximum, s.cell_right, bold=strong),
                     para(points, s.cell_right, bold=strong), para(pct, s.cell_right, bold=strong)]
            cells += [para(x, s.cell_right) for x in extras]
            rows.append(cells)

        blank = ["" for _ in extra_cols]
        for area in card.areas:
            if area.bonus:
                continue
            extras = [fmt_percent(src.get(area.code)) for _, src in extra_cols]
            row(f"{area.code} {area.title}", pts(area.max), pts(area.points), fmt_percent(percent(area.points, area.max)),
                extras)
        base_max = d.rubric.total if d.rubric.total is not None else d.rubric.base_max
        emphasis.append(len(rows))
        row("基础分合计", pts(base_max), pts(card.base), fmt_percent(percent(card.base, base_max)), blank, strong=True)
        for area in card.areas:
            if area.bonus:
                label = f"{area.code} {area.title}" + ("" if area.says_bonus else "（加分项）")
                row(label, pts(area.max), pts(area.points), "—", blank)
        for label, weight, pct in card.composite:
            row(f"{label}（权重 {pts(weight)}）", "—", "—", fmt_percent(pct), blank)
        veto_text = "是" if card.vetoed else "否"
        veto_row = None
        if d.rubric.vetoes:
            rows.append([para("一票否决", s.cell), "", para(veto_text, s.cell_right)] + [""] * (len(widths) - 3))
            veto_row = len(rows) - 1
        withheld_row = None
        if any(v.withholds_top for v in d.rubric.vetoes):
            rows.append([para(d.rubric.grades.withheld_label, s.cell), "",
                         para("是" if card.withheld else "否", s.cell_right)] + [""] * (len(widths) - 3))
            withheld_row = len(rows) - 1
        emphasis.append(len(rows))
        total_max = (base_max or Decimal(0)) + d.rubric.bonus_max
        row("总分", pts(total_max), pts(card.total), "—", blank, strong=True)
        rows.append([para("等次", s.cell, bold=True), "", para(grade, s.cell_right, bold=True)]
                    + [""] * (len(widths) - 3))
        extra = []
        for r in emphasis:
            extra.append(("LINEABOVE", (0, r), (-1, r), 0.8, ACCENT))
        if card.vetoed and veto_row is not None:
            rows[veto_row][2] = para(veto_text, _warn_right(s))
        if card.withheld and withheld_row is not None:
            rows[withheld_row][2] = para("是", _warn_right(s))
        block = [data_table(rows, widths, zebra=False, extra=extra)]
        if d.rubric.grades.bands and not d.rubric.grades.decided_by:
            bands = "；".join(b.describe() for b in d.rubric.grades.bands)
            block.append(para(f"等次划分：{bands}。", s.note))
        out.append(KeepTogether(block))  # the totals never leave their table
        out += self.comparison()

        # the chart of area percentages
        base_areas = [a for a in card.areas if not a.bonus]
        if base_areas:
            series = [("本次考核", [percent(a.points, a.max) for a in base_areas])]
            if last:
                series.append(("上学年", [_dec(last.get(a.code)) for a in base_areas]))
            if own_self:
                series.append(("自评", [_dec(own_self.get(a.code)) for a in base_areas]))
            chart = area_percent_chart([a.title for a in base_areas], series, w)
            caption = "各一级指标得分率" + ("：与" + "、".join(lbl for lbl, _ in series[1:]) + "对比"
                                             if len(series) > 1 else "")
            out.append(KeepTogether([Spacer(1, 3 * mm), self.sub(caption), chart]))
        return out

    def comparison(self) -> list:
        """Self-evaluation against the panel, and last year's total, grade and rank (增量评价)."""
        d, s, w, card = self.data, self.s, self.width, self.data.card
        rows = [[para(h, s.cell_head) for h in ("", "总分", "等次", "排名")]]
        rows.append([para("本次考核（考核组）", s.cell_strong), para(pts(card.total), s.cell_right),
                     para(card.grade or "待定", s.cell_center), para("由教育局汇总后公布", s.cell_center)])
        if d.self_total is not None:
            total, grade = d.self_row()
            rows.append([para("单位自评", s.cell), para(total, s.cell_right),
                         para(grade, s.cell_center), para("—", s.cell_center)])
        ly = d.last_year
        if ly is not None:
            rank = f"第 {ly.rank} 名" + (f"（共 {ly.of} 个）" if ly.of else "") if ly.rank else "—"
            rows.append([para(f"上学年（{ly.year}）", s.cell), para(pts(ly.total), s.cell_right),
                         para(ly.grade or "—", s.cell_center), para(rank, s.cell_center)])
        if len(rows) == 2:
            return []
        notes = []
        if d.self_total is not None:
            notes.append(d.self_note())
        if ly is not None and ly.total is not None:
            gain = card.total - ly.total
            # named: after the self-assessment's note, a bare "比上学年…" read as the self-score's change
            notes.append(f"考核组总分比上学年{'提高' if gain > 0 else '下降'} {pts(abs(gain))} 分" if gain
                         else "考核组总分与上学年持平")
        table = data_table(rows, [w - 3 * 34 * mm, 34 * mm, 34 * mm, 34 * mm], zebra=False)
        return [KeepTogether([self.sub("与自评、上学年比较"), table,
                              para("；".join(notes) + "。" if notes else "", s.note)])]

    # --- per school ---------------------------------------------------------------------
    def per_school(self) -> list:
        d, s, w, card = self.data, self.s, self.width, self.data.card
        indicators = [ind for ind in d.rubric.indicators
                      if ind.scope.per_school and card.indicators.get(ind.code) is not None
                      and card.indicators[ind.code].applicable]
        if not indicators:
            return []
        out: list = [CondPageBreak(60 * mm), self.heading("各校得分")]
        aggregates = sorted({AGGREGATES[ind.scope.aggregate] for ind in indicators})
        out.append(para(f"以下 {len(indicators)} 项指标逐校评分，集团得分取{'或'.join(aggregates)}"
                        f"（各指标的汇总方式见评价标准）。“—”表示该指标不考核该校。", s.note))
        schools = d.schools
        tables = -(-len(schools) // SCHOOLS_PER_TABLE)
        size = -(-len(schools) // tables)  # 7 schools: 4 + 3, not 6 + 1
        for start in range(0, len(schools), size):
            chunk = schools[start:start + size]
            code_w, max_w, group_w = 46 * mm, 12 * mm, 16 * mm
            school_w = (w - code_w - max_w - group_w) / len(chunk)
            head = [para("指标", s.cell_head), para("满分", s.cell_head_right)]
            head += [para(sch.short(d.group_name), s.cell_head_center) for sch in chunk]
            head.append(para("集团得分", s.cell_head_right))
            rows = [head]
            for ind in indicators:
                result = card.indicators[ind.code]
                cells = [para(f"{ind.code} {_short(ind.text_for(d.group_type), 24)}", s.cell),
                         para(pts(ind.points), s.cell_right)]
                for sch in chunk:
                    cells.append(para(_school_cell(ind, result, sch.id, sch.role), s.cell_center))
                cells.append(para(pts(result.points) if result.done else "未完成", s.cell_right, bold=True))
                rows.append(cells)
            table = data_table(rows, [code_w, max_w] + [school_w] * len(chunk) + [group_w])
            out += [KeepTogether([table]) if len(rows) <= 12 else table, Spacer(1, 4 * mm)]
        return out

    # --- deductions ---------------------------------------------------------------------
    def deductions(self) -> list:
        d, s, w, card = self.data, self.s, self.width, self.data.card
        out: list = [CondPageBreak(60 * mm), self.heading("扣分说明")]
        rows = [[para("指标", s.cell_head), para("满分", s.cell_head_right), para("得分", s.cell_head_right),
                 para("扣分", s.cell_head_right), para("计分过程与扣分理由", s.cell_head)]]
        unscored = []
        for area in d.rubric.areas:
            if area.bonus:
                continue
            for ind in area.indicators:
                result = card.indicators.get(ind.code)
                if result is None or not result.applicable:
                    continue
                if not result.done:
                    unscored.append(ind.code)
                    continue
                if result.points >= result.max:
                    continue
                rows.append([para(ind.code, s.cell, bold=True), para(pts(result.max), s.cell_right),
                             para(pts(result.points), s.cell_right),
                             para(f"−{pts(result.max - result.points)}", s.cell_right, bold=True),
                             self._explain(ind, result)])
        if len(rows) == 1:
            out.append(para("各项指标均得满分，没有扣分。", s.body_plain))
        else:
            lost = sum((card.indicators[ind.code].max - card.indicators[ind.code].points
                        for ind in d.rubric.indicators if _deducted(card.indicators.get(ind.code), ind, d)),
                       Decimal(0))
            out.append(para(f"共 {len(rows) - 1} 项指标未得满分，合计扣 {pts(lost)} 分（加分项不在此列）。"
                            f"每项列出考核要点和按评分标准计分的过程。", s.note))
            out.append(data_table(rows, [14 * mm, 13 * mm, 14 * mm, 16 * mm, w - 57 * mm],
                                  extra=[("VALIGN", (0, 1), (3, -1), "TOP")]))
        if unscored:
            out.append(Spacer(1, 3 * mm))
            out.append(notice(f"尚未完成评分的指标：{'、'.join(unscored)}。", s, w))
        return out

    def _explain(self, ind: Indicator, result: IndicatorResult) -> list:
        s = self.s
        parts = [para(_short(ind.text_for(self.data.group_type), 90), s.cell_muted)]
        lines = [line for line in self.data.explanations.get(ind.code, []) if line.strip()]
        if lines:
            parts.append(para("\n".join(lines), s.cell))
        return parts

    # --- self-evaluation vs panel -------------------------------------------------------
    def differences(self) -> list:
        d, s, w, card = self.data, self.s, self.width, self.data.card
        if not d.self_points:
            return []
        diffs = []
        for ind in d.rubric.indicators:
            result = card.indicators.get(ind.code)
            own = d.self_points.get(ind.code)
            if result is None or not result.applicable or not result.done or own is None:
                continue
            diff = result.points - Decimal(own)
            if diff:
                diffs.append((abs(diff), ind, Decimal(own), result.points, diff))
        out: list = [CondPageBreak(50 * mm), self.heading("自评与考核组评分差异")]
        if not diffs:
            out.append(para("各项指标考核组评分与自评一致。", s.body_plain))
            return out
        diffs.sort(key=lambda t: (-t[0], d.rubric.indicators.index(t[1])))
        shown = diffs[:DIFF_ROWS]
        out.append(para(f"共 {len(diffs)} 项指标考核组评分与自评不同，下表列出差距最大的 {len(shown)} 项；"
                        f"差值 = 考核组评分 − 自评分。", s.note))
        rows = [[para(h, s.cell_head) for h in ("指标", "考核要点")] +
                [para(h, s.cell_head_right) for h in ("满分", "自评", "考核组", "差值")]]
        for _, ind, own, panel, diff in shown:
            sign = "+" if diff > 0 else "−"
            rows.append([para(ind.code, s.cell, bold=True), para(_short(ind.text_for(d.group_type), 60), s.cell),
                         para(pts(ind.points), s.cell_right), para(pts(own), s.cell_right),
                         para(pts(panel), s.cell_right), para(f"{sign}{pts(abs(diff))}", s.cell_right, bold=True)])
        out.append(data_table(rows, [14 * mm, w - 14 * mm - 4 * 15 * mm] + [15 * mm] * 4))
        return out

    # --- findings, rectification, meeting, sign-off ----------------------------------
    def findings(self) -> list:
        d, s = self.data, self.s
        out: list = [CondPageBreak(50 * mm), self.heading("考核组意见")]
        for title, text in (("（一）主要成绩", d.findings.achievements), ("（二）存在问题", d.findings.problems)):
            out.append(self.sub(title))
            paragraphs = [p.strip() for p in (text or "").splitlines() if p.strip()]
            if not paragraphs:
                out.append(para("（未填写）", s.note))
            for p in paragraphs:
                out.append(para(p, s.body))
        return out

    def rectification(self) -> list:
        d, s, w = self.data, self.s, self.width
        out: list = [CondPageBreak(50 * mm), self.heading("整改要求")]
        due = date_text(d.rectification_due)
        to = d.issuing_body or "组织考核的教育行政部门"
        if d.problem_items:
            rows = [[para(h, s.cell_head) for h in ("序号", "存在问题", "指标", "学校", "整改时限")]]
            for i, item in enumerate(d.problem_items, 1):
                school = d.schools_text(item)
                rows.append([para(i, s.cell_center), para(item.text, s.cell), para(item.indicator or "—", s.cell_center),
                             para(school, s.cell), para(date_text(item.deadline) if item.deadline else due, s.cell)])
            out.append(data_table(rows, [12 * mm, w - 12 * mm - 16 * mm - 30 * mm - 32 * mm, 16 * mm, 30 * mm, 32 * mm],
                                  extra=[("VALIGN", (0, 1), (-1, -1), "TOP")]))
        else:
            out.append(para("考核组未列出需整改的问题。", s.body_plain))
        out.append(para(f"被考核单位应对照以上问题逐项整改，于{due}前将整改报告报送{to}。", s.body))
        suggestions = [p.strip() for p in (d.findings.suggestions or "").splitlines() if p.strip()]
        if suggestions:
            out.append(self.sub("整改建议"))
            out += [para(p, s.body) for p in suggestions]
        if d.carried_items:  # last year's items still open when this plan was made
            out.append(self.sub("上年整改事项落实情况"))
            rows = [[para(h, s.cell_head) for h in ("序号", "上年整改事项", "指标", "学校", "状态")]]
            rows += [[para(i, s.cell_center), para(it.text, s.cell), para(it.indicator or "—", s.cell_center),
                      para(d.schools_text(it), s.cell), para(it.status, s.cell_center)]
                     for i, it in enumerate(d.carried_items, 1)]
            out.append(data_table(rows, [12 * mm, w - 12 * mm - 16 * mm - 30 * mm - 32 * mm, 16 * mm, 30 * mm, 32 * mm],
                                  extra=[("VALIGN", (0, 1), (-1, -1), "TOP")]))
        return out

    def meeting(self) -> list:
        d, s, w = self.data, self.s, self.width
        m = d.meeting
        rows = [("时间", m.held_at or date_text(d.status.meeting_on)), ("地点", m.place), ("参加人员", m.attendees),
                ("被考核单位意见", m.response)]
        cells = [[para(k, s.label), para(v or "", s.value)] for k, v in rows]
        table = Table(cells, colWidths=[34 * mm, w - 34 * mm], hAlign="LEFT",
                      rowHeights=[None if v else 12 * mm for _k, v in rows[:3]] + [None if m.response else 30 * mm])
        table.setStyle(table_style([("GRID", (0, 0), (-1, -1), 0.4, RULE), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
        note = "" if m.recorded else "（反馈会上填写）"
        return [KeepTogether([self.heading("反馈会记录"), para(note, s.note), table])]

    def signatures(self) -> list:
        return [CondPageBreak(120 * mm)] + sign_off(self.data, self.s, self.width, self.heading("签署"))

def _warn_right(s: Styles):
    return s.cell_right.but(color=WARN)


def _dec(value) -> Decimal | None:
    return None if value is None else Decimal(value)


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _deducted(result: IndicatorResult | None, ind: Indicator, data: ReportData) -> bool:
    if result is None or not result.applicable or not result.done:
        return False
    if data.rubric.area(ind.area_code).bonus:
        return False
    return result.points < result.max


def _school_cell(ind: Indicator, result: IndicatorResult, school_id: str, role: str) -> str:
    if ROLE_TARGET.get(role) not in ind.targets:
        return "—"
    outcome = result.per_school.get(school_id)
    if outcome is None or outcome.points is None:
        return "未评"
    return pts(outcome.points)
