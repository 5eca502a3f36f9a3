"""The roster workbook the bureau fills in (`inspector roster template`): one sheet per part of the roster
(results/roster.py reads it back), the required columns marked, lists and ranges checked by Excel as typed."""
from __future__ import annotations

import io
import unicodedata
from pathlib import Path

from inspector_app.fsutil import write_atomic
from inspector_app.results.roster import MAX_ROWS, ROLES, SHEETS
from inspector_app.rubric.model import Rubric
from inspector_app.store.plans import SCHOOL_KINDS


def write_roster_template(out_path: Path | str, rubric: Rubric) -> None:
    import xlsxwriter
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_formulas": False,
                                   "strings_to_numbers": False, "strings_to_urls": False})
    head = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True, "valign": "top"})
    req = wb.add_format({"bold": True, "bg_color": "#FCE4D6", "border": 1, "text_wrap": True, "valign": "top"})
    text = wb.add_format({"num_format": "@"})
    wrap = wb.add_format({"text_wrap": True, "valign": "top"})
    title = wb.add_format({"bold": True, "font_size": 14})

    notes = wb.add_worksheet("填写说明")
    notes.set_column(0, 0, 100, wrap)
    lines = [
        f"集团名单与自评得分 — {rubric.title}（{rubric.id} {rubric.version}）",
        "每个工作表第一行是列名，请勿修改；从第二行起每行填写一条。橙色列必填。",
        "集团：集团编号（自定，如 G01，全表唯一）、集团名称、集团类型"
        + (f"（{'、'.join(rubric.group_types)}）。" if rubric.group_types else "。"),
        "学校：每所学校一行；角色为 核心校 或 成员校，每个集团有且只有一所核心校；"
        f"学段为 {'、'.join(SCHOOL_KINDS)} 之一；负责人职务如 总校校长、执行校长、执行园长。",
        "自评：各集团自查自评的得分，每个集团每项指标一行；指标编号与满分见“指标”表，得分在 0 至满分之间。",
        "上年结果：上一年度公布的结果，用于判断进步单位、连续不合格、连续末位；"
        + (f"等次为 {'、'.join(rubric.grades.labels)} 之一；" if rubric.grades.labels else "")
        + "末位填 是/否，不填时按所列排名最大者为末位。",
        "数字可以用全角（如 ８５、４.５）。导入时会检查全部内容，有任何问题整份不导入，并逐条指出工作表和单元格。",
    ]
    notes.write_string(0, 0, lines[0], title)
    for i, line in enumerate(lines[1:], start=2):
        notes.write_string(i, 0, line, wrap)

    sheets = {}
    for name, cols in SHEETS.items():
        ws = wb.add_worksheet(name)
        sheets[name] = ws
        for c, (header, required) in enumerate(cols):
            ws.write_string(0, c, header, req if required else head)
            ws.set_column(c, c, max(12, _width(header) + 4), text if header.endswith(("编号", "名称")) else None)
        ws.freeze_panes(1, 0)

    inds = wb.add_worksheet("指标")
    for c, header in enumerate(("指标编号", "满分", "一级指标", "适用类型", "考核要点")):
        inds.write_string(0, c, header, head)
    for r, ind in enumerate(rubric.indicators, start=1):
        area = rubric.area(ind.area_code)
        inds.write_string(r, 0, ind.code)
        inds.write_number(r, 1, float(ind.points))
        inds.write_string(r, 2, f"{area.code} {area.title}" + ("（加分项）" if area.bonus else ""))
        inds.write_string(r, 3, "、".join(ind.group_types) or "全部")
        inds.write_string(r, 4, ind.text[:500])
    inds.set_column(0, 1, 10)
    inds.set_column(2, 3, 20)
    inds.set_column(4, 4, 80)
    inds.freeze_panes(1, 0)
    inds.protect()  # a reference list, not for editing
    n_ind = len(rubric.indicators)

    def listv(ws, col, source, message):
        ws.data_validation(1, col, MAX_ROWS, col, {
            "validate": "list", "source": source, "input_title": SHEETS_TITLE.get(ws.name, ""),
            "input_message": message[:255], "error_title": "不在可选范围内", "error_message": message[:255]})

    g, s, e, p = sheets["集团"], sheets["学校"], sheets["自评"], sheets["上年结果"]
    if rubric.group_types:
        listv(g, 2, list(rubric.group_types), f"请选择：{'、'.join(rubric.group_types)}")
    group_ids = f"='集团'!$A$2:$A${MAX_ROWS + 1}"
    for ws in (s, e, p):
        listv(ws, 0, group_ids, "请填写“集团”表中已有的集团编号")
    listv(s, 3, list(ROLES), "核心校 或 成员校（每个集团一所核心校）")
    listv(s, 4, list(SCHOOL_KINDS), f"请选择：{'、'.join(SCHOOL_KINDS)}")
    listv(e, 1, f"='指标'!$A$2:$A${n_ind + 1}", "请填写“指标”表中的指标编号")
    e.data_validation(1, 2, MAX_ROWS, 2, {"validate": "decimal", "criteria": ">=", "value": 0,
                                          "input_message": "0 至该指标满分", "error_message": "得分应为不小于 0 的数字"})
    p.data_validation(1, 1, MAX_ROWS, 1, {"validate": "integer", "criteria": "between", "minimum": 2000,
                                          "maximum": 2100, "error_message": "年度应为四位数年份"})
    if rubric.grades.labels:
        listv(p, 3, list(rubric.grades.labels), f"请选择：{'、'.join(rubric.grades.labels)}")
    p.data_validation(1, 4, MAX_ROWS, 4, {"validate": "integer", "criteria": ">=", "value": 1,
                                          "error_message": "排名应为正整数"})
    listv(p, 5, ["是", "否"], "是 或 否；可不填")
    wb.close()
    write_atomic(out_path, buf.getvalue())


SHEETS_TITLE = {"集团": "集团", "学校": "学校", "自评": "自评", "上年结果": "上年结果"}


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
