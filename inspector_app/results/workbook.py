"""The published results workbook (XlsxWriter).

Sheets: 排名汇总 (first), 一级指标得分, 指标得分, 指标明细, 分校得分, 自评差异, 说明.
Numbers are stored as numbers, one number of decimals per column (the most
any of its values has); every cell of text is written as text (a name
starting with "=" stays a name). Each sheet prints on landscape A4 with the
plan's title, school year and the sign convention in its header, at a
scale that fits it to the page width but never prints text below 8 pt (a
wider sheet goes on across pages, its key columns repeated on each); wrapped cells get the row height their lines need. The file is built in
memory, read back, then written under a temporary name and renamed into place.
"""
from __future__ import annotations

import functools
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
from inspector_app.said import Said

RESULTS_WORKBOOK_READ_BACK = Said('结果工作簿写出后读回校验不一致，未保存',
                                   'The results workbook, read back after writing, differs: not saved')

SUMMARY = "排名汇总"
SUMMARY_HEADERS = ("排名", "集团编号", "集团", "类型", "核心校", "总分", "等次", "类内排名", "上年总分", "上年等次",
                   "上年排名", "名次变化", "标记", "标记说明", "改定得分", "整改")
RECTIFY = "整改台账"
NOTES = "说明"
DIFFS = "自评差异"
YEAR_KEY = "年度"
MAX_WIDTH = 60
WRAP_WIDTH = 40
FONT_PT = 11  # the workbook's default font size (Calibri 11)
MIN_PRINT_PT = 8  # no printed text smaller than this
PRINTABLE_PT = 842 - 2 * 0.4 * 72  # landscape A4 between 0.4-inch margins
SIGNS = "差值 = 考核组得分 − 自评得分"  # as the feedback report has it; negative: the panel scored lower


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


@functools.lru_cache(maxsize=65536)
def text_width(text: str) -> int:
    """Columns a text needs: East Asian wide and full-width characters count two (a workbook repeats its
    texts: names, grades, figures; each distinct one is measured once)."""
    if text.isascii():
        return len(text)
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
              wrap: Sequence[str] = (), freeze_cols: int = 0, year: str = ""):
        ws = self.wb.add_worksheet(name)
        places = _column_places(len(headers), rows)
        head_widths = [min(text_width(h), 16) + 3 for h in headers]  # long heads wrap; room for the filter button
        widths = list(head_widths)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row):
                self._write(ws, r, c, value, headers[c] in wrap, places[c])
                widths[c] = max(widths[c], max((text_width(x) for x in _display(value).split("\n")), default=0))
        final = []
        for c, header in enumerate(headers):
            width = WRAP_WIDTH if header in wrap and widths[c] > WRAP_WIDTH else min(widths[c], MAX_WIDTH)
            final.append(width + 2)
            ws.set_column(c, c, width + 2)
        for c, header in enumerate(headers):
            ws.write_string(0, c, header, self.head)
        head_lines = max((-(-text_width(h) // max(1, final[c] - 1)) for c, h in enumerate(headers)), default=1)
        ws.set_row(0, 15 * max(1, head_lines) + 4)
        for r, row in enumerate(rows, start=1):
            lines = 1
            for c, value in enumerate(row):
                if headers[c] in wrap and value is not None:
                    lines = max(lines, sum(max(1, -(-text_width(part) // max(1, final[c] - 1)))
                                           for part in _display(value).split("\n")))
            if lines > 1:
                ws.set_row(r, 15 * lines + 2)  # a wrapped cell shows all its lines, on screen and on paper
        ws.freeze_panes(1, freeze_cols)
        if headers:
            ws.autofilter(0, 0, max(len(rows), 1), len(headers) - 1)
        ws.set_landscape()
        ws.set_paper(9)  # A4
        ws.set_margins(left=0.4, right=0.4, top=0.7, bottom=0.6)
        # An explicit scale, never below the one that prints 11 pt text at 8 pt: fit-to-width would shrink a
        # wide sheet to unreadable type. A sheet wider than a page goes on to the next, key columns repeated.
        fit = int(PRINTABLE_PT * 0.97 / max(1.0, sum(_column_pt(x) for x in final)) * 100)
        floor = -(-MIN_PRINT_PT * 100 // FONT_PT)  # 73 %
        ws.set_print_scale(max(floor, min(100, fit)))
        if fit < floor and freeze_cols:
            ws.repeat_columns(0, freeze_cols - 1)
        ws.repeat_rows(0)
        right = f"&R{_escape_hf(SIGNS)}" if name == DIFFS else ""
        ws.set_header(f"&L{_escape_hf(year)}&C&\"-,Bold\"{_escape_hf(title)}{right}")
        ws.set_footer("&C第 &P 页，共 &N 页")
        return ws

    def _write(self, ws, r: int, c: int, value: Cell, wrap: bool, places: int = 0) -> None:
        if value is None:
            return
        if isinstance(value, Num):
            ws.write_number(r, c, float(value.value), self.num_format(value.fmt))
        elif isinstance(value, bool):
            ws.write_string(r, c, "是" if value else "否", self.text)
        elif isinstance(value, int):
            ws.write_number(r, c, value, self.num_format("0"))
        elif isinstance(value, Decimal):
            ws.write_number(r, c, float(value), self.num_format("0." + "0" * places if places else "0"))
        else:
            ws.write_string(r, c, value, self.wrap if wrap else self.text)


def _column_places(count: int, rows: list[list[Cell]]) -> list[int]:
    """One number of decimals per column: the most any value in it has."""
    places = [0] * count
    for row in rows:
        for c, value in enumerate(row):
            if isinstance(value, Decimal):
                places[c] = max(places[c], _decimals(value))
            elif isinstance(value, Num) and isinstance(value.value, Decimal):
                places[c] = max(places[c], _decimals(value.value))
    return places


def _column_pt(width: float) -> float:
    """Printed width of a column of `width` characters as LibreOffice prints it at 100 % (measured: about 7 pt
    a character, on the width as stored, which is 0.71 wider than asked)."""
    return (width + 0.71) * 7.0


def _escape_hf(text: str) -> str:
    return text.replace("&", "&&")


UNFINISHED_SHEET = "未完成"


def build_workbook_bytes(results: Results) -> bytes:
    import xlsxwriter
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_formulas": False,
                                   "strings_to_numbers": False, "strings_to_urls": False})
    title = f"{results.plan_title or results.rubric_title} 考核结果"
    year = f"{results.school_year}学年" if results.school_year else f"{results.year} 年度"
    wb.set_properties({"title": title, "subject": "集团化办学督导考核结果", "keywords": results.rubric_id})
    w = _Writer(wb)

    summary_rows: list[list[Cell]] = []
    for r in results.units:
        u = r.unit
        change = r.rank_change
        summary_rows.append([
            r.rank, u.group_id, u.name, u.group_type, u.lead_school, u.total, u.grade or "未定",
            r.class_rank, r.previous.total if r.previous else None, (r.previous.grade or None) if r.previous else None,
            r.previous.rank if r.previous and r.previous.rank is not None else None,
            Num(change, "+0;-0;0") if change is not None else None,
            r.flag_text, "\n".join(f"{f.label}：{f.detail}" for f in r.flags),
            "\n".join(_override_text(i) for i in u.overrides) or None,
            results.rectification[u.group_id].text() if u.group_id in results.rectification else "无",
        ])
    w.table(SUMMARY, SUMMARY_HEADERS, summary_rows, title=title, wrap=("标记", "标记说明", "改定得分", "整改"),
            freeze_cols=3, year=year)

    unfinished_rows: list[list[Cell]] = [[u.group_id, u.name, u.group_type, "未完成", u.progress,
                                          f"{u.reason}：不排名、不评等次、不计奖惩"] for u in results.unfinished]
    w.table(UNFINISHED_SHEET, ["集团编号", "集团", "集团类型", "状态", "进度", "说明"], unfinished_rows, title=title,
            wrap=("说明",), freeze_cols=2, year=year)

    area_headers = ["排名", "集团编号", "集团"] + [
        f"{a.code} {a.title}（{fmt_points(a.max)}分{'，加分' if a.bonus else ''}）" for a in results.areas] + ["总分"]
    parts = next((r.unit.composite for r in results.units if r.unit.composite), ())
    area_headers += [f"{label}得分率（%，权重 {fmt_points(weight * 100)}%）" for label, weight, _p in parts]
    area_rows = []
    for r in results.units:
        row: list[Cell] = [r.rank, r.unit.group_id, r.unit.name]
        for head in results.areas:
            got = r.unit.area(head.code)
            row.append(got.points if got else None)
        row.append(r.unit.total)
        row += [percent for _label, _weight, percent in r.unit.composite] or [None] * len(parts)
        area_rows.append(row)
    w.table("一级指标得分", area_headers, area_rows, title=title, freeze_cols=3, year=year)

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
    w.table("指标得分", ind_headers, ind_rows, title=title, freeze_cols=3, year=year)

    detail_headers = ["集团编号", "集团", "一级指标", "指标", "满分", "考核组得分", "自评得分", "评分专家",
                      "按计分办法得分", "改定理由"]
    area_titles = {a.code: f"{a.code} {a.title}" for a in results.areas}
    detail_rows = []
    for r in results.units:
        for head in results.indicators:
            got = r.unit.indicator(head.code)
            if got is None:
                continue
            detail_rows.append([r.unit.group_id, r.unit.name, area_titles.get(head.area_code, head.area_code),
                                head.code, head.max, got.points if got.applicable else "不适用",
                                got.self_points, "、".join(got.experts),
                                got.computed if got.overridden else None, got.override_reason or None])
    w.table("指标明细", detail_headers, detail_rows, title=title, wrap=("评分专家", "改定理由"), freeze_cols=2,
            year=year)

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
    w.table("分校得分", school_headers, school_rows, title=title, freeze_cols=4, year=year)

    from inspector_app.results.rectify_ledger import COLUMNS
    w.table(RECTIFY, COLUMNS, results.rectify_rows, title=f"{title} · 整改台账（逾期的在前）",
            wrap=("存在问题", "整改情况", "佐证", "学校"), freeze_cols=2, year=year)

    diff_headers = ["集团编号", "集团", "指标", "满分", "自评得分", "考核组得分", "差值（考核组−自评）", "差异较大"]
    diff_rows = []
    diff_places = max((_decimals(d.diff) for r in results.units for d in r.diffs), default=0)
    for r in results.units:
        for d in r.diffs:
            diff_rows.append([r.unit.group_id, r.unit.name, d.code, d.max, d.self_points, d.panel_points,
                              Num(-d.diff, _signed_format(diff_places)), "是" if d.flagged else ""])
    w.table(DIFFS, diff_headers, diff_rows, title=title, freeze_cols=3, year=year)

    info: list[list[Cell]] = [
        [YEAR_KEY, str(results.year)],
        ["考核计划", results.plan_title or results.rubric_title],
        ["学年", f"{results.school_year}学年" if results.school_year else ""],
        ["差值的方向", f"{SIGNS}：负数表示考核组评分低于自评，与现场反馈报告一致"],
        ["指标体系", f"{results.rubric_title}（{results.rubric_id}，版本 {results.rubric_version}）"],
        ["结果运用", results.policy_name],
        ["参评单位", str(len(results.units))],
        ["未完成（未定稿，不排名）", str(len(results.unfinished))],
        ["等次分布", "，".join(f"{label} {n}" for label, n in results.grade_counts())],
    ]
    info += [["规则", note] for note in results.notes]
    info += [[f"依据：{label}", basis] for label, basis in results.rules]
    w.table(NOTES, ["项目", "内容"], info, title=title, wrap=("内容",), year=year)

    wb.close()
    return buf.getvalue()


def _override_text(ind) -> str:
    computed = f"（按计分办法 {fmt_points(ind.computed)}）" if ind.computed is not None else ""
    got = fmt_points(ind.points) if ind.points is not None else "—"
    return f"{ind.code} {got}{computed}：{ind.override_reason}"


def _signed_format(places: int) -> str:
    body = "0." + "0" * places if places else "0"
    return f"+{body};-{body};{body}"


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
        raise RuntimeError(RESULTS_WORKBOOK_READ_BACK())
