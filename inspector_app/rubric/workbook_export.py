"""A rubric written as a workbook laid out like the seed's table, for bureau officers who edit tables."""
from __future__ import annotations

import io
import unicodedata
from pathlib import Path

from inspector_app.rubric.workbook_layout import (AREA_COLS, AREAS, GRADE_COLS, GRADES, GROUP_COLS, GROUPS, INDICATOR_COLS,
                                                  INDICATORS, INFO, INFO_FIELDS, LIST_FIELDS, NOTES, NUMBER_FIELDS, PARTS,
                                                  PART_COLS, README, TARGET_LABELS, flow)


def _cell_value(field: str, value):
    """What one cell holds for a field's value: numbers as numbers, lists one item a line, structures as flow."""
    if value is None:
        return None
    if isinstance(value, str):
        if field in NUMBER_FIELDS and _is_plain_number(value):
            return int(value) if value.lstrip("-").isdigit() else float(value)
        return value
    if field in LIST_FIELDS and isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        if field == "targets":
            value = [TARGET_LABELS.get(v, v) for v in value]
        return "\n".join(value)
    return flow(value)


def _is_plain_number(text: str) -> bool:
    """Text that Excel may hold as a number and give back as the same text."""
    try:
        if text.lstrip("-").isdigit():
            return str(int(text)) == text and abs(int(text)) < 10 ** 15
        return repr(float(text)) == text
    except ValueError:
        return False


def _rest(mapping: dict, taken: set[str]) -> str | None:
    extra = {k: v for k, v in mapping.items() if k not in taken}
    return flow(extra) if extra else None


def export_workbook(tree: dict, out: Path | str | io.BytesIO) -> None:
    """Write a rubric's plain tree (from `plain(read_yaml_file(...))`) as a workbook."""
    import xlsxwriter
    wb = xlsxwriter.Workbook(out, {"strings_to_formulas": False, "strings_to_urls": False,
                                   "strings_to_numbers": False})
    head = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True,
                          "valign": "vcenter", "font_name": "宋体"})
    body = wb.add_format({"text_wrap": True, "valign": "top", "border": 1, "font_name": "宋体"})
    types = _rule_types()

    def sheet(name: str, cols: list[tuple[str, str]], widths: list[int]):
        ws = wb.add_worksheet(name)
        for c, ((_, label), width) in enumerate(zip(cols, widths)):
            ws.write(0, c, label, head)
            ws.set_column(c, c, width, body)
        ws.inspector_widths = widths
        ws.freeze_panes(1, 0)
        ws.set_landscape()
        ws.set_paper(8)  # A3: the seed's tables are wide
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(0)
        return ws

    readme = wb.add_worksheet(README)
    readme.set_column(0, 0, 110)
    for r, line in enumerate(_readme_lines(types)):
        readme.write(r, 0, line, head if r == 0 else body)

    ws = sheet(INFO, [("field", "字段"), ("key", "键"), ("value", "内容")], [28, 16, 90])
    grade_list = isinstance(tree.get("grades"), list)
    taken = {"areas", "notes", "source"} | ({"grades"} if grade_list else set())
    row = 1
    source = tree.get("source") if isinstance(tree.get("source"), dict) else None
    for key, label in INFO_FIELDS:
        if key.startswith("source."):
            value = source.get(key.split(".", 1)[1]) if source is not None else None
        else:
            value = tree.get(key)
            taken.add(key)
        ws.write(row, 0, label)
        ws.write(row, 1, key)
        cell = _cell_value(key, value)
        if cell is not None:
            ws.write(row, 2, cell)
        row += 1
    if source is not None:
        for key in source:
            if key not in ("seed", "document", "issuer"):
                ws.write_row(row, 0, [f"来源 {key}", f"source.{key}", _cell_value(key, source[key])])
                row += 1
    for key in tree:
        if key not in taken:
            ws.write_row(row, 0, [key, key, _cell_value(key, tree[key])])
            row += 1
    ws.data_validation(5, 2, 5, 2, {"validate": "list", "source": ["complete", "template"],
                                   "ignore_blank": True})

    ws = sheet(GRADES, GRADE_COLS, [14, 14, 14, 50])
    for r, band in enumerate(tree.get("grades") if grade_list else [], start=1):
        _write_row(ws, r, GRADE_COLS, band)

    ws = sheet(NOTES, [("note", "说明")], [120])
    for r, note in enumerate(tree.get("notes") or [], start=1):
        ws.write(r, 0, _cell_value("note", note))

    areas_ws = sheet(AREAS, AREA_COLS, [10, 30, 10, 14, 40])
    groups_ws = sheet(GROUPS, GROUP_COLS, [10, 10, 60, 30])
    ind_ws = sheet(INDICATORS, INDICATOR_COLS, [14, 14, 10, 50, 8, 40, 12, 12, 30, 14, 40, 30])
    parts_ws = sheet(PARTS, PART_COLS, [10, 14, 30, 8, 14, 50, 20])
    rows = {"area": 1, "group": 1, "ind": 1, "part": 1}
    for area in tree.get("areas") or []:
        area = dict(area)
        bonus = area.get("bonus")
        if isinstance(bonus, str):
            area["bonus"] = {"true": "是", "yes": "是", "false": "否", "no": "否"}.get(bonus.lower(), bonus)
        _write_row(areas_ws, rows["area"], AREA_COLS, area, skip={"groups", "indicators"})
        rows["area"] += 1
        label = _label(area)
        for group in area.get("groups") or []:
            _write_row(groups_ws, rows["group"], GROUP_COLS, {"area": area.get("code"), **group},
                       skip={"indicators"})
            rows["group"] += 1
            for ind in group.get("indicators") or []:
                _write_indicator(ind_ws, parts_ws, rows, label, _label(group), ind)
        for ind in area.get("indicators") or []:
            _write_indicator(ind_ws, parts_ws, rows, label, None, ind)
    last = max(rows["ind"], 2) + 500
    ind_ws.data_validation(1, 9, last, 9, {"validate": "list", "source": types, "ignore_blank": True,
                                           "error_title": "计分规则", "error_message": "请从列表中选择计分规则"})
    ind_ws.data_validation(1, 4, last, 4, {"validate": "any"})
    parts_ws.data_validation(1, 4, last, 4, {"validate": "list", "source": types, "ignore_blank": True})
    wb.close()


def _label(node: dict) -> str:
    return " ".join(str(node.get(k) or "") for k in ("code", "title")).strip()


def _write_row(ws, r: int, cols, node: dict, skip: set[str] = frozenset()) -> None:
    taken = {k for k, _ in cols} | set(skip)
    values = []
    for key, _ in cols:
        values.append(_rest(node, taken) if key == "*" else _cell_value(key, node.get(key)))
    _write_values(ws, r, values)


def _write_values(ws, r: int, values: list) -> None:
    """One row, tall enough for its wrapped text (Excel does not size rows written by a program)."""
    widths = ws.inspector_widths
    lines = 1
    for c, value in enumerate(values):
        if value is None:
            continue
        ws.write(r, c, value)
        usable = max(widths[c] - 1, 1) if c < len(widths) else 8
        lines = max(lines, sum(max(1, -(-_display_width(p) // usable)) for p in str(value).split("\n")))
    ws.set_row(r, min(15 * lines, 409))


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _write_indicator(ind_ws, parts_ws, rows, area_label: str, group_label: str | None, ind: dict) -> None:
    rule = ind.get("rule") if isinstance(ind.get("rule"), dict) else None
    parts = rule.get("parts") if rule is not None and rule.get("type") == "parts" else None
    split = isinstance(parts, list) and all(isinstance(p, dict) for p in parts)
    r = rows["ind"]
    cells = {"area": area_label, "group": group_label}
    values = []
    for key, _ in INDICATOR_COLS:
        if key in cells:
            value = cells[key]
        elif key == "rule.type":
            value = rule.get("type") if rule is not None else None
        elif key == "rule.*":
            value = None if rule is None else _rest(rule, {"type", "parts"} if split else {"type"})
            if rule is None and ind.get("rule") is not None:
                value = flow(ind.get("rule"))
        elif key == "*":
            value = _rest(ind, {k for k, _ in INDICATOR_COLS} | {"rule"})
        else:
            value = _cell_value(key, ind.get(key))
        values.append(value)
    _write_values(ind_ws, r, values)
    rows["ind"] += 1
    if not split:
        return
    for part in parts:
        prule = part.get("rule") if isinstance(part.get("rule"), dict) else None
        node = {"indicator": ind.get("code"), **part}
        values = []
        for key, _ in PART_COLS:
            if key == "rule.type":
                value = prule.get("type") if prule is not None else None
            elif key == "rule.*":
                value = (_rest(prule, {"type"}) if prule is not None
                         else (flow(part["rule"]) if part.get("rule") is not None else None))
            elif key == "*":
                value = _rest(part, {"key", "label", "points", "rule"})
            else:
                value = _cell_value(key, node.get(key))
            values.append(value)
        _write_values(parts_ws, rows["part"], values)
        rows["part"] += 1


def _rule_types() -> list[str]:
    from inspector_app.rubric.rules import REGISTRY
    return sorted(REGISTRY)


def _readme_lines(types: list[str]) -> list[str]:
    from inspector_app.rubric.rules import REGISTRY
    lines = [
        "考核指标体系（Excel 版）填写说明",
        "本工作簿与指标文件（YAML）一一对应：用 inspector rubric import 本文件.xlsx --out 指标.yaml 读回，"
        "读回时做与指标文件完全相同的检查，每个问题写明工作表和单元格。",
        "「基本信息」：编号、版本、名称、状态、总分等；「等级」：每个等级一行，下限含、上限不含（半开区间）；"
        "「说明事项」：计分口径说明，每条一行。",
        "「一级指标」「二级指标」「指标」「评分部分」：与原文表格的各级指标对应。指标表的一级指标、二级指标列写编号"
        "（可带名称，如“A1 管理共进”，名称以一级指标表为准）。",
        "考核对象填“核心校”“成员校”（每行一个）；评价方式、佐证材料每行一项（单元格内换行：Alt+Enter）。",
        "计分规则从下拉列表中选择；规则的其余设置写在「规则参数」列，写法如 {condition: 班子成员团结}。"
        "计分规则为 parts（分部分计分）的指标，各部分写在「评分部分」表，每部分一行。",
        "模板中尚未确定的分值可写“待定”；补全后把状态改为 complete。",
        "计分规则：",
    ]
    for name in types:
        doc = (REGISTRY[name].__doc__ or "").strip().splitlines()
        lines.append(f"  {name}：{doc[0] if doc else ''}")
    return lines
