"""The published results workbook (XlsxWriter).

Sheets: 排名汇总 (first), 一级指标得分, 指标得分, 指标明细, 分校得分, 自评差异, 说明.
Numbers are stored as numbers with a format that shows exactly the decimals
they have; every cell of text is written as text (a name starting with "="
stays a name). The file is built in memory, read back, then written under a
temporary name and renamed into place.
"""
from __future__ import annotations

import io
import unicodedata
import warnings
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Sequence

from inspector_app.fsutil import write_atomic
from inspector_app.numbers import fmt_points
from inspector_app.results.model import Results

SUMMARY = "排名汇总"
SUMMARY_HEADERS = ("排名", "集团编号", "集团", "类型", "核心校", "总分", "等次", "类内排名", "上年排名",
                   "名次变化", "标记", "标记说明")
NOTES = "说明"
YEAR_KEY = "年度"
MAX_WIDTH = 60
WRAP_WIDTH = 60


@dataclass(frozen=True)
class Num:
    """A number cell with its own format (rank changes shown as +3 / −2)."""
    value: Decimal | int
    fmt: str


Cell = str | Decimal | int | Num | None


def _decimals(value: Decimal) -> int:
    exp = value.normalize().as_tuple().exponent
    return max(0, min(4, -exp)) if isinstance(exp, int) else 0


def _display(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, Num):
        return str(value.value)
    if isinstance(value, Decimal):
        return fmt_points(value)
    return str(value)


def text_width(text: str) -> int:
    """Columns a text needs: East Asian wide and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


class _Writer:
    def __init__(self, wb):
        self.wb = wb
        self.head = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True,
                                   "valign": "vcenter", "align": "center"})
        self.text = wb.add_format({"valign": "top"})
        self.wrap = wb.add_format({"valign": "top", "text_wrap": True})
        self._num: dict[str, object] = {}

    def num_format(self, fmt: str):
        if fmt not in self._num:
            self._num[fmt] = self.wb.add_format({"num_format": fmt, "valign": "top"})
        return self._num[fmt]

    def table(self, name: str, headers: Sequence[str], rows: list[list[Cell]], *, title: str,
              wrap: Sequence[str] = (), freeze_cols: int = 0):
        ws = self.wb.add_worksheet(name)
        widths = [text_width(h) + 3 for h in headers]  # room for the filter button
        for c, header in enumerate(headers):
            ws.write_string(0, c, header, self.head)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row):
                self._write(ws, r, c, value, headers[c] in wrap)
                widths[c] = max(widths[c], max((text_width(x) for x in _display(value).split("\n")), default=0))
        for c, header in enumerate(headers):
            width = WRAP_WIDTH if header in wrap and widths[c] > WRAP_WIDTH else min(widths[c], MAX_WIDTH)
            ws.set_column(c, c, width + 2)
        ws.set_row(0, 30 if any(text_width(h) > 14 for h in headers) else 20)
        ws.freeze_panes(1, freeze_cols)
        if headers:
            ws.autofilter(0, 0, max(len(rows), 1), len(headers) - 1)
        ws.set_landscape()
        ws.set_paper(9)  # A4
        ws.fit_to_pages(1, 0)  # one page wide, as many tall as needed
        ws.repeat_rows(0)
        ws.set_header(f"&C&\"-,Bold\"{_escape_hf(title)}")
        ws.set_footer("&C第 &P 页，共 &N 页")
        return ws

    def _write(self, ws, r: int, c: int, value: Cell, wrap: bool) -> None:
        if value is None:
            return
        if isinstance(value, Num):
            ws.write_number(r, c, float(value.value), self.num_format(value.fmt))
        elif isinstance(value, bool):
            ws.write_string(r, c, "是" if value else "否", self.text)
        elif isinstance(value, int):
            ws.write_number(r, c, value, self.num_format("0"))
        elif isinstance(value, Decimal):
            places = _decimals(value)
            ws.write_number(r, c, float(value), self.num_format("0." + "0" * places if places else "0"))
        else:
            ws.write_string(r, c, value, self.wrap if wrap else self.text)


def _escape_hf(text: str) -> str:
    return text.replace("&", "&&")


def build_workbook_bytes(results: Results) -> bytes:
    import xlsxwriter
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_formulas": False,
                                   "strings_to_numbers": False, "strings_to_urls": False})
    title = f"{results.year} 年度 {results.rubric_title} 考核结果"
    wb.set_properties({"title": title, "subject": "集团化办学督导考核结果", "keywords": results.rubric_id})
    w = _Writer(wb)

    summary_rows: list[list[Cell]] = []
    for r in results.units:
        u = r.unit
        change = r.rank_change
        summary_rows.append([
            r.rank, u.group_id, u.name, u.group_type, u.lead_school, u.total, u.grade or "未定",
            r.class_rank, r.previous.rank if r.previous and r.previous.rank is not None else None,
            Num(change, "+0;-0;0") if change is not None else None,
            r.flag_text, "\n".join(f"{f.label}：{f.detail}" for f in r.flags),
        ])
    w.table(SUMMARY, SUMMARY_HEADERS, summary_rows, title=title, wrap=("标记", "标记说明"), freeze_cols=3)

    area_headers = ["排名", "集团编号", "集团"] + [
        f"{a.code} {a.title}（{fmt_points(a.max)}分{'，加分' if a.bonus else ''}）" for a in results.areas] + ["总分"]
    area_rows = []
    for r in results.units:
        row: list[Cell] = [r.rank, r.unit.group_id, r.unit.name]
        for head in results.areas:
            got = r.unit.area(head.code)
            row.append(got.points if got else None)
        row.append(r.unit.total)
        area_rows.append(row)
    w.table("一级指标得分", area_headers, area_rows, title=title, freeze_cols=3)

    ind_headers = ["排名", "集团编号", "集团"] + [f"{i.code}（{fmt_points(i.max)}分）" for i in results.indicators]
    ind_rows = []
    for r in results.units:
        row = [r.rank, r.unit.group_id, r.unit.name]
        for head in results.indicators:
            got = r.unit.indicator(head.code)
            if got is None:
                row.append(None)
            elif not got.applicable:
                row.append("不适用")
            else:
                row.append(got.points)
        ind_rows.append(row)
    w.table("指标得分", ind_headers, ind_rows, title=title, freeze_cols=3)

    detail_headers = ["集团编号", "集团", "一级指标", "指标", "满分", "考核组得分", "自评得分", "评分专家"]
    area_titles = {a.code: f"{a.code} {a.title}" for a in results.areas}
    detail_rows = []
    for r in results.units:
        for head in results.indicators:
            got = r.unit.indicator(head.code)
            if got is None:
                continue
            detail_rows.append([r.unit.group_id, r.unit.name, area_titles.get(head.area_code, head.area_code),
                                head.code, head.max, got.points if got.applicable else "不适用",
                                got.self_points, "、".join(got.experts)])
    w.table("指标明细", detail_headers, detail_rows, title=title, wrap=("评分专家",), freeze_cols=2)

    per_school = [i for i in results.indicators if i.per_school]
    school_headers = ["集团编号", "集团", "学校编号", "学校", "角色", "学段", "负责人职务"] + \
        [f"{i.code}（{fmt_points(i.max)}分）" for i in per_school] + ["逐校评分合计"]
    school_rows = []
    for r in results.units:
        totals = r.unit.school_totals()
        for s in r.unit.schools:
            row = [r.unit.group_id, r.unit.name, s.id, s.name, s.role_label, s.kind, s.head_role]
            for head in per_school:
                got = r.unit.indicator(head.code)
                row.append(got.per_school.get(s.id) if got else None)
            row.append(totals.get(s.id))
            school_rows.append(row)
    w.table("分校得分", school_headers, school_rows, title=title, freeze_cols=4)

    diff_headers = ["集团编号", "集团", "指标", "满分", "自评得分", "考核组得分", "差异（自评−考核组）", "差异较大"]
    diff_rows = []
    for r in results.units:
        for d in r.diffs:
            diff_rows.append([r.unit.group_id, r.unit.name, d.code, d.max, d.self_points, d.panel_points,
                              Num(d.diff, _signed_format(d.diff)), "是" if d.flagged else ""])
    w.table("自评差异", diff_headers, diff_rows, title=title, freeze_cols=3)

    info: list[list[Cell]] = [
        [YEAR_KEY, str(results.year)],
        ["指标体系", f"{results.rubric_title}（{results.rubric_id}，版本 {results.rubric_version}）"],
        ["结果运用", results.policy_name],
        ["参评单位", str(len(results.units))],
        ["等次分布", "，".join(f"{label} {n}" for label, n in results.grade_counts())],
    ]
    info += [["规则", note] for note in results.notes]
    info += [[f"依据：{label}", basis] for label, basis in results.rules]
    w.table(NOTES, ["项目", "内容"], info, title=title, wrap=("内容",))

    wb.close()
    return buf.getvalue()


def _signed_format(value: Decimal) -> str:
    places = _decimals(value)
    body = "0." + "0" * places if places else "0"
    return f"+{body};-{body};0"


def write_results_workbook(results: Results, out_path: Path | str) -> Path:
    """Write the workbook, check it reads back, then rename it into place."""
    data = build_workbook_bytes(results)
    _verify(data, results)
    out = Path(out_path)
    write_atomic(out, data)
    return out


def _verify(data: bytes, results: Results) -> None:
    import openpyxl
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    try:
        rows = list(wb[SUMMARY].iter_rows(values_only=True))
    finally:
        wb.close()
    ids = [str(row[1]) for row in rows[1:]]
    if tuple(rows[0]) != SUMMARY_HEADERS or ids != [r.unit.group_id for r in results.units]:
        raise RuntimeError("结果工作簿写出后读回校验不一致，未保存")
