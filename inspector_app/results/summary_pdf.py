"""The 公示: the bureau's public notice of the results, ready to post as it is.

Titled with the plan's own title, it carries the issuing body, the date, the
公示期 and where objections go (the plan's publication fields, set by the
bureau), the public columns only (rank, group, type, lead school, total,
grade: no internal flags, no seed references), a seal space beside the
issuing body and the notice's date (the first day of its 公示期, not the day it
is printed), "第 N 页 共 M 页", and 演示 on every page for demo data. It is set
in the shipped fonts (`typeset`), every one embedded.
"""
from __future__ import annotations

import datetime as _dt
import io
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Frame, KeepTogether, LongTable, PageTemplate, Spacer, Table, TableStyle

from inspector_app.fsutil import write_atomic
from inspector_app.numbers import fmt_points
from inspector_app.results.model import Results
from inspector_app.typeset.fonts import HEI, LATIN, SONG, register_fonts
from inspector_app.typeset.page import PageDecor, make_canvas_class, margins, page_size, watermark
from inspector_app.typeset.seal import SealSpace
from inspector_app.typeset.text_block import TextBlock, TextStyle

DOC_NAME = "考核结果公示"
PUBLIC_COLUMNS = ("排名", "集团", "类型", "核心校（牵头校）", "总分", "等次")
INK = colors.HexColor("#1F2328")
HEAD_BG = colors.HexColor("#E9EEF4")
GRID = colors.HexColor("#8A96A3")


def _cn_date(value: str | _dt.date | None) -> str:
    if isinstance(value, str) and value:
        try:
            value = _dt.date.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, _dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    return "____年__月__日"


def issued_on(results: Results) -> str:
    """The notice's date: the day its 公示期 starts, the publication's own date (the bureau sets it with the period),
    so a copy printed later says the same; without a period, a blank for the bureau to write in, never today."""
    return _cn_date(results.publicity_start or None)


def notice_title(results: Results) -> str:
    return f"关于{results.plan_title or results.rubric_title}结果的公示"


def notice_text(results: Results) -> str:
    issuer = results.issuing_body or "（发布单位）"
    start, end = results.publicity_start, results.publicity_end
    period = f"{_cn_date(start)}至{_cn_date(end)}" if start or end else "（公示期由发布单位确定）"
    channel = results.objection_channel or "（异议受理方式由发布单位确定）"
    return (f"根据{results.plan_title or results.rubric_title}工作安排，经专家组现场考核、合议定稿和{issuer}审核，"
            f"现将{results.school_year + '学年' if results.school_year else ''}考核结果予以公示"
            f"（共 {len(results.units)} 个集团）。公示期为{period}。公示期内，如对考核结果有异议，"
            f"请以书面形式实名向{issuer}反映，并提供必要的事实依据。异议受理：{channel}。")


def unfinished_text(results: Results) -> str:
    """The groups not yet finalised, by name and progress: listed, never ranked, graded or penalised."""
    names = "；".join(f"{u.name}（未完成，{u.progress}）" for u in results.unfinished)
    return (f"另有 {len(results.unfinished)} 个集团的考核结果尚未定稿，不排名、不评等次，不在本次公示之列，"
            f"定稿后另行公示：{names}。")


def public_rows(results: Results) -> list[list[str]]:
    return [[str(r.rank), r.unit.name, r.unit.group_type or "—", r.unit.lead_school or "—", fmt_points(r.unit.total),
             (r.unit.grade or "未定") + _withheld_mark(r)] for r in results.units]


def _withheld_mark(r) -> str:
    """A withheld top grade is said beside the grade: 良好（取消优秀资格）."""
    flag = next((f for f in r.flags if f.key == "withheld"), None)
    return f"（{flag.label}）" if flag else ""


def write_notice_docx(results: Results, out_path: Path | str) -> Path:
    """The 公示 as a Word document, with the content of the PDF, for the bureau to edit before posting."""
    from inspector_app.typeset.word import WordDoc
    marks = "演示数据，不作为考核结果" if results.demo else ""
    w = WordDoc(f"{results.plan_title or results.rubric_title} · {DOC_NAME}", mark=marks)
    w.para(notice_title(results), "公文标题")
    w.para(notice_text(results))
    w.table([list(PUBLIC_COLUMNS)] + public_rows(results), [14, 48, 18, 44, 16, 16])
    if results.unfinished:
        w.para(unfinished_text(results), "说明文字")
    w.para("")
    w.para(results.issuing_body or "（发布单位）", "落款")
    w.para("（盖章）", "落款")
    w.para(issued_on(results), "落款")
    return w.save(out_path)


def build_summary_pdf(results: Results, font_dir: Path | str | None = None) -> bytes:
    """The 公示 as PDF bytes. `font_dir` is kept for callers that name it; the shipped fonts are used."""
    register_fonts()
    title_style = TextStyle("title", 22, 33, face=HEI, color=INK, align="center", space_after=6)
    body = TextStyle("body", 14, 25, face=SONG, color=INK, align="justify", first_indent=28, space_after=2)
    cell = TextStyle("cell", 11, 15, face=SONG, color=INK)
    cell_c = cell.but(align="center")
    head = TextStyle("head", 11, 15, face=HEI, color=INK, align="center")
    right = TextStyle("right", 14, 24, face=SONG, color=INK, align="right")
    small = TextStyle("small", 10.5, 15, face=SONG, color=INK)

    issuer = results.issuing_body or "（发布单位）"
    text = notice_text(results)
    story: list = [TextBlock(notice_title(results), title_style), Spacer(1, 4 * mm), TextBlock(text, body),
                   Spacer(1, 3 * mm)]
    rows = [[TextBlock(h, head) for h in PUBLIC_COLUMNS]]
    for values in public_rows(results):
        rows.append([TextBlock(v, cell if i in (1, 3) else cell_c) for i, v in enumerate(values)])
    widths = [14 * mm, 48 * mm, 18 * mm, 44 * mm, 16 * mm, 16 * mm]
    table = LongTable(rows, colWidths=widths, repeatRows=1, hAlign="CENTER")  # split page by page in one pass
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), LATIN), ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]))
    story += [table, Spacer(1, 3 * mm)]
    if results.unfinished:
        story.append(TextBlock(unfinished_text(results), small))
    if results.grade_labels:
        story.append(TextBlock("等次分布：" + "，".join(f"{label} {n} 个" for label, n in results.grade_counts())
                               + "。", small))
    seal = SealSpace(36 * mm)
    sign = Table([[seal, [TextBlock(issuer, right), TextBlock(issued_on(results), right)]]],
                 colWidths=[40 * mm, 116 * mm], hAlign="RIGHT")
    sign.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), LATIN), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    story += [Spacer(1, 10 * mm), KeepTogether([sign])]

    decor = PageDecor(results.plan_title or results.rubric_title, DOC_NAME, results.demo)
    buf = io.BytesIO()
    m = margins(False)
    size = page_size(False)
    doc = BaseDocTemplate(buf, pagesize=size, leftMargin=m.left, rightMargin=m.right, topMargin=m.top,
                          bottomMargin=m.bottom, title=notice_title(results), author=issuer, subject=DOC_NAME,
                          creator="Inspector", lang="zh-CN", initialFontName=LATIN)
    frame = Frame(m.left, m.bottom, size[0] - m.left - m.right, size[1] - m.top - m.bottom,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame],
                                       onPage=lambda c, d: watermark(c, d, results.demo))])
    doc.build(story, canvasmaker=make_canvas_class(decor))
    return buf.getvalue()


def write_summary_pdf(results: Results, out_path: Path | str, font_dir: Path | str | None = None) -> Path:
    out = Path(out_path)
    write_atomic(out, build_summary_pdf(results, font_dir))
    return out
