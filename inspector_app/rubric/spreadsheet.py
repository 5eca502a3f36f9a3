"""Rubric files as Excel workbooks, for bureau officers who edit tables, not YAML.

A workbook is one sheet per level of the seed's table (一级指标, 二级指标, 指标,
评分部分) plus 基本信息, 等级 and 说明事项. Reading it builds the same located
node tree a YAML file gives, so the loader's checks run unchanged; every node
remembers the cell it came from, and each problem is reported as sheet and cell.
Rule details that have no column of their own stay in 规则参数 / 其他 as YAML
flow text (`{condition: 班子成员团结}`), so nothing in a rubric is lost on the way.
"""
from __future__ import annotations

import functools
import io
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

from inspector_app.rubric.model import TARGETS
from inspector_app.rubric.yamlnodes import Problem, YamlFileError, YMap, YNode, YScalar, YSeq, parse_yaml_bytes

# Sheet names and columns. Column headers are what a bureau officer sees; keys are the rubric file's fields.
INFO = "基本信息"
GRADES = "等级"
NOTES = "说明事项"
AREAS = "一级指标"
GROUPS = "二级指标"
INDICATORS = "指标"
PARTS = "评分部分"
README = "填写说明"

INFO_FIELDS = [("format", "格式版本"), ("id", "编号"), ("version", "版本"), ("title", "名称"),
               ("status", "状态（complete 完整 / template 模板）"), ("total", "总分"),
               ("group_types", "集团类型（每行一个）"), ("open_points", "尚待补充的内容（每行一条）"),
               ("source.seed", "来源文件"), ("source.document", "依据文件"), ("source.issuer", "发布单位"),
               ("veto", "一票否决"), ("composite", "加权合成")]
GRADE_COLS = [("label", "等级"), ("min", "下限（含）"), ("max", "上限（不含）"), ("*", "其他")]
AREA_COLS = [("code", "编号"), ("title", "名称"), ("max", "满分"), ("bonus", "加分项（是/否）"), ("*", "其他")]
GROUP_COLS = [("area", "一级指标"), ("code", "编号"), ("title", "名称"), ("*", "其他")]
INDICATOR_COLS = [("area", "一级指标"), ("group", "二级指标"), ("code", "三级指标"), ("text", "考核要点"),
                  ("points", "分值"), ("standard", "评分标准"), ("targets", "考核对象"), ("methods", "评价方式"),
                  ("evidence", "佐证材料"), ("rule.type", "计分规则"), ("rule.*", "规则参数"), ("*", "其他")]
PART_COLS = [("indicator", "三级指标"), ("key", "部分编号"), ("label", "名称"), ("points", "分值"),
             ("rule.type", "计分规则"), ("rule.*", "规则参数"), ("*", "其他")]
LIST_FIELDS = {"group_types", "open_points", "targets", "methods", "evidence"}
NUMBER_FIELDS = {"total", "max", "min", "points"}
TARGET_LABELS = {"lead": "核心校", "members": "成员校"}
TARGET_KEYS = {**{v: k for k, v in TARGET_LABELS.items()}, **{v: k for k, v in TARGETS.items()},
               **{k: k for k in TARGETS}}


class WorkbookError(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


@dataclass
class CellProblem(Problem):
    """A problem located by sheet and cell rather than by line."""
    cell: str = ""

    def __str__(self) -> str:
        return f"{self.file}: {self.cell}: {self.field}: {self.message}"


# --- writing -------------------------------------------------------------------------------------------

def plain(node: YNode | None):
    """A node tree as plain Python: strings, lists and dicts (order kept)."""
    if node is None:
        return None
    if isinstance(node, YScalar):
        return node.value
    if isinstance(node, YSeq):
        return [plain(n) for n in node.items]
    return {k: plain(v) for k, v in node.items.items()}


def flow(value) -> str:
    """YAML flow text for a cell; scalars stay plain where YAML reads them back as the same text."""
    import yaml
    return yaml.dump(value, Dumper=_dumper(), default_flow_style=True, allow_unicode=True,
                     width=10 ** 6, sort_keys=False).strip().removesuffix("...").strip()


def rubric_text(tree) -> str:
    """A plain tree as a rubric file (block YAML), every value written as the text it was."""
    import yaml
    return yaml.dump(tree, Dumper=_dumper(), default_flow_style=None, allow_unicode=True,
                     width=4096, sort_keys=False, indent=2)


@functools.lru_cache(maxsize=1)
def _dumper():
    import yaml

    class TextDumper(yaml.SafeDumper):
        pass

    def text(dumper, value: str):
        # Tag each string with what YAML would resolve it to, so it is written plain (`5`, not '5'):
        # the rubric reader keeps every scalar as text, so plain `5` reads back as the text "5".
        if value == "" or value != value.strip() or "\n" in value:
            return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else '"')
        tag = dumper.resolve(yaml.ScalarNode, value, (True, False))
        return yaml.ScalarNode(tag, value)

    TextDumper.add_representer(str, text)
    return TextDumper


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


# --- reading -------------------------------------------------------------------------------------------

class _Cells:
    """Numbers standing in for cells: the loader's problems carry a `line`, which maps back to a cell."""

    def __init__(self) -> None:
        self.names = ["（工作簿）"]

    def at(self, sheet: str, row: int, col: int) -> int:
        from openpyxl.utils import get_column_letter
        self.names.append(f"{sheet}!{get_column_letter(col)}{row}")
        return len(self.names) - 1

    def sheet(self, sheet: str) -> int:
        self.names.append(f"{sheet}")
        return len(self.names) - 1


def read_workbook(path: Path | str) -> YMap:
    """The workbook as the node tree a rubric file gives; raise WorkbookError naming sheet and cell."""
    path = Path(path)
    name = str(path)
    cells = _Cells()
    problems: list[Problem] = []

    def problem(loc: int, field: str, message: str) -> None:
        problems.append(CellProblem(name, loc, field, message, cell=cells.names[loc]))

    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise WorkbookError([CellProblem(name, 0, "文件", f"无法读取: {exc.strerror or exc}", cell="（文件）")]) from exc
    if not raw:
        raise WorkbookError([CellProblem(name, 0, "文件", "文件是空的", cell="（文件）")])
    if raw[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise WorkbookError([CellProblem(name, 0, "文件", "这是旧版 Excel（.xls）文件，请在 Excel 中“另存为”"
                                                          " Excel 工作簿（.xlsx）后再导入", cell="（文件）")])
    if not zipfile.is_zipfile(io.BytesIO(raw)):
        raise WorkbookError([CellProblem(name, 0, "文件", "不是 Excel 工作簿（.xlsx）", cell="（文件）")])
    import openpyxl
    try:
        wb = openpyxl.load_workbook(io.BytesIO(raw), data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged package
        raise WorkbookError([CellProblem(name, 0, "文件", f"无法读取工作簿（{type(exc).__name__}）",
                                         cell="（文件）")]) from exc

    sheets = {}
    for sname, cols in ((INFO, None), (GRADES, GRADE_COLS), (NOTES, None), (AREAS, AREA_COLS),
                        (GROUPS, GROUP_COLS), (INDICATORS, INDICATOR_COLS), (PARTS, PART_COLS)):
        if sname not in wb.sheetnames:
            problems.append(CellProblem(name, 0, "工作表", f"缺少工作表「{sname}」", cell=sname))
            continue
        sheets[sname] = _Sheet(wb[sname], sname, cols, cells, problem)
    if problems:
        raise WorkbookError(problems)

    top: dict[str, YNode] = {}
    top_lines: dict[str, int] = {}
    info = sheets[INFO]
    source: dict[str, YNode] = {}
    source_line = 0
    for r in info.rows():
        key = info.text(r, 2)
        if key is None:
            continue
        loc = info.loc(r, 3)
        node = info.node(r, 3, key.split(".")[-1])
        if node is None:
            continue
        if key.startswith("source."):
            source[key.split(".", 1)[1]] = node
            source_line = source_line or loc
        elif key in top:
            problem(info.loc(r, 2), key, "重复的字段")
        else:
            top[key] = node
            top_lines[key] = loc
    if source:
        top["source"] = YMap(source, source_line, {k: v.line for k, v in source.items()})
        top_lines["source"] = source_line

    grades = sheets[GRADES]
    bands = [grades.mapping(r) for r in grades.rows()]
    if bands and "grades" in top:
        problem(top_lines["grades"], "grades", f"等级已写在「{GRADES}」表中，基本信息中不要再写")
    elif bands:
        top["grades"] = YSeq(bands, grades.loc(1, 1))
    notes = sheets[NOTES]
    note_nodes = [n for n in (notes.node(r, 1, "note") for r in notes.rows()) if n is not None]
    if note_nodes:
        top["notes"] = YSeq(note_nodes, notes.loc(1, 1))

    area_sheet, group_sheet, ind_sheet, part_sheet = sheets[AREAS], sheets[GROUPS], sheets[INDICATORS], sheets[PARTS]
    areas: dict[str, YMap] = {}
    area_titles: dict[str, str] = {}
    for r in area_sheet.rows():
        m = area_sheet.mapping(r)
        code = area_sheet.code(r, 1, areas)
        if code is not None:
            areas[code] = m
            area_titles[code] = area_sheet.text(r, 2) or ""
    groups: dict[str, tuple[str, YMap]] = {}
    group_titles: dict[str, str] = {}
    for r in group_sheet.rows():
        area_code = group_sheet.ref(r, 1, areas, area_titles, AREAS)
        m = group_sheet.mapping(r, skip={"area"})
        code = group_sheet.code(r, 2, groups)
        if code is None or area_code is None:
            continue
        groups[code] = (area_code, m)
        group_titles[code] = group_sheet.text(r, 3) or ""
        _append(areas[area_code], "groups", m, group_sheet.loc(r, 2))
    indicators: dict[str, YMap] = {}
    for r in ind_sheet.rows():
        area_code = ind_sheet.ref(r, 1, areas, area_titles, AREAS)
        group_code = ind_sheet.ref(r, 2, groups, group_titles, GROUPS, required=False)
        m = ind_sheet.mapping(r, skip={"area", "group"})
        code = ind_sheet.code(r, 3, indicators)
        if code is None or area_code is None:
            continue
        indicators[code] = m
        if group_code is not None:
            owner_area, group = groups[group_code]
            if owner_area != area_code:
                problem(ind_sheet.loc(r, 2), "二级指标", f"二级指标 {group_code} 属于一级指标 {owner_area}，不属于 {area_code}")
                continue
            _append(group, "indicators", m, ind_sheet.loc(r, 3))
        else:
            _append(areas[area_code], "indicators", m, ind_sheet.loc(r, 3))
    for r in part_sheet.rows():
        code = part_sheet.ref(r, 1, indicators, {}, INDICATORS)
        m = part_sheet.mapping(r, skip={"indicator"})
        if code is None:
            continue
        rule = indicators[code].get("rule")
        if not isinstance(rule, YMap) or not isinstance(rule.get("type"), YScalar) or rule.get("type").value != "parts":
            problem(part_sheet.loc(r, 1), "三级指标", f"指标 {code} 的计分规则不是 parts，不能有评分部分")
            continue
        _append(rule, "parts", m, part_sheet.loc(r, 1))
    if areas:
        top["areas"] = YSeq(list(areas.values()), area_sheet.loc(1, 1))
    if problems:
        raise WorkbookError(problems)
    root = YMap(top, 1, top_lines)
    root.cell_names = cells.names  # type: ignore[attr-defined]
    return root


def _append(parent: YMap, key: str, node: YNode, line: int) -> None:
    seq = parent.items.get(key)
    if not isinstance(seq, YSeq):
        seq = YSeq([], line)
        parent.items[key] = seq
        parent.key_lines[key] = line
    seq.items.append(node)


class _Sheet:
    def __init__(self, ws, name: str, cols, cells: _Cells, problem) -> None:
        self.ws, self.name, self.cols, self.cells, self.problem = ws, name, cols, cells, problem
        self.merged = [rng for rng in ws.merged_cells.ranges]
        if cols is not None:
            for c, (_, label) in enumerate(cols, start=1):
                got = ws.cell(1, c).value
                if (str(got).strip() if got is not None else "") != label:
                    problem(self.loc(1, c), "表头", f"第 {c} 列的表头应为「{label}」，现为「{got or ''}」")

    def loc(self, row: int, col: int) -> int:
        return self.cells.at(self.name, row, col)

    def rows(self):
        for r in range(2, self.ws.max_row + 1):
            if any(self.ws.cell(r, c).value not in (None, "") for c in range(1, self.ws.max_column + 1)):
                yield r

    def raw(self, r: int, c: int):
        if self._merged_into(r, c):
            rng = next(m for m in self.merged if m.min_row <= r <= m.max_row and m.min_col <= c <= m.max_col)
            self.problem(self.loc(r, c), self._header(c),
                         f"单元格是合并单元格 {rng.coord} 的一部分；请取消合并，每行都写上内容")
            return None
        return self.ws.cell(r, c).value

    def _header(self, c: int) -> str:
        return self.cols[c - 1][1] if self.cols and c <= len(self.cols) else f"第 {c} 列"

    def text(self, r: int, c: int) -> str | None:
        value = self.raw(r, c)
        if value is None:
            return None
        text = _text(value).strip()
        return text or None

    def node(self, r: int, c: int, field: str) -> YNode | None:
        """One cell as a node: lists one item a line, `[..]`/`{..}` as YAML flow, else text."""
        value = self.raw(r, c)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        loc = self.loc(r, c)
        text = _text(value).strip()
        if field in LIST_FIELDS and not text.startswith("["):
            items = [t.strip() for t in text.splitlines() if t.strip()]
            if field == "targets":
                items = [TARGET_KEYS.get(t, t) for t in items]
            return YSeq([YScalar(t, loc) for t in items], loc)
        if text.startswith(("[", "{")):
            try:
                tree = parse_yaml_bytes(text.encode("utf-8"), self.cells.names[loc])
            except YamlFileError as exc:
                self.problem(loc, self._header(c), "写法有误：" + "；".join(p.message for p in exc.problems))
                return None
            _relocate(tree, loc)
            return tree
        if field == "bonus":
            text = {"是": "true", "否": "false"}.get(text, text)
        return YScalar(text, loc)

    def mapping(self, r: int, skip: set[str] = frozenset()) -> YMap:
        items: dict[str, YNode] = {}
        lines: dict[str, int] = {}
        rule: dict[str, YNode] = {}
        rule_line = 0
        for c, (key, label) in enumerate(self.cols, start=1):
            if key in skip:
                continue
            node = self.node(r, c, key.split(".")[-1])
            if node is None:
                continue
            if key == "rule.type":
                rule = {"type": node, **rule}
                rule_line = rule_line or node.line
            elif key in ("rule.*", "*"):
                if not isinstance(node, YMap):
                    self.problem(node.line, label, "应写成 {键: 值, …} 的形式")
                    continue
                target = rule if key == "rule.*" else items
                for k, v in node.items.items():
                    if k in target:
                        self.problem(node.line, label, f"“{k}” 已有单独的列，不要再写在{label}中")
                    target[k] = v
                if key == "rule.*":
                    rule_line = rule_line or node.line
                else:
                    lines.update({k: node.line for k in node.items})
            else:
                items[key] = node
                lines[key] = node.line
        if rule:
            items["rule"] = YMap(rule, rule_line, {k: v.line for k, v in rule.items()})
            lines["rule"] = rule_line
        return YMap(items, self.cells.at(self.name, r, 1), lines)

    def code(self, r: int, c: int, seen: dict) -> str | None:
        code = self.text(r, c)
        if code is None:
            if not self._merged_into(r, c):  # a merged cell was already reported as such
                self.problem(self.loc(r, c), self._header(c), "缺少编号")
            return None
        if unicodedata.normalize("NFKC", code) != code:
            # an input method's full-width Ｃ６ looks like C6 but is another code
            self.problem(self.loc(r, c), self._header(c),
                         f"编号“{code}”含全角字母或数字，请改为半角“{unicodedata.normalize('NFKC', code)}”")
            return None
        if code in seen:
            self.problem(self.loc(r, c), self._header(c), f"编号 {code} 重复")
            return None
        return code

    def _merged_into(self, r: int, c: int) -> bool:
        return any(rng.min_row <= r <= rng.max_row and rng.min_col <= c <= rng.max_col
                   and (r, c) != (rng.min_row, rng.min_col) for rng in self.merged)

    def ref(self, r: int, c: int, known: dict, titles: dict[str, str], sheet: str, required: bool = True) -> str | None:
        text = self.text(r, c)
        if text is None:
            if required:
                self.problem(self.loc(r, c), self._header(c), f"缺少{self._header(c)}编号")
            return None
        code, _, title = text.partition(" ")
        if code not in known:
            self.problem(self.loc(r, c), self._header(c), f"“{code}” 不在「{sheet}」表中")
            return None
        if title.strip() and titles.get(code) and title.strip() != titles[code]:
            self.problem(self.loc(r, c), self._header(c),
                         f"名称“{title.strip()}”与「{sheet}」表中的“{titles[code]}”不一致（只写编号也可以）")
        return code


def _text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def _relocate(node: YNode, line: int) -> None:
    node.line = line
    if isinstance(node, YSeq):
        for n in node.items:
            _relocate(n, line)
    elif isinstance(node, YMap):
        node.key_lines = {k: line for k in node.key_lines}
        for n in node.items.values():
            _relocate(n, line)


def cell_problems(problems: list[Problem], root: YMap, name: str) -> list[Problem]:
    """The loader's line-numbered problems, told as sheet and cell."""
    names = getattr(root, "cell_names", ["（工作簿）"])
    return [CellProblem(name, p.line, p.field, p.message,
                        cell=names[p.line] if 0 <= p.line < len(names) else "（工作簿）") for p in problems]


def import_workbook(path: Path | str) -> str:
    """A workbook as rubric file text, after every check a rubric file passes; WorkbookError otherwise."""
    from inspector_app.rubric.loader import RubricError, load_rubric_bytes, load_rubric_nodes
    name = str(path)
    root = read_workbook(path)
    try:
        load_rubric_nodes(root, name, "")
    except RubricError as exc:
        raise WorkbookError(cell_problems(exc.problems, root, name)) from exc
    text = (f"# 由 Excel 工作簿 {Path(name).name} 导入（inspector rubric import）；"
            "可用 inspector rubric export 再导出为 Excel 编辑。\n" + rubric_text(plain(root)))
    raw = text.encode("utf-8")
    try:  # the file as written must load on its own, exactly as any rubric file does
        load_rubric_bytes(raw, name)
    except RubricError as exc:  # pragma: no cover - the tree already passed the same checks
        raise WorkbookError(exc.problems) from exc
    return text
