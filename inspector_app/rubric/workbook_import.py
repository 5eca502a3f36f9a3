"""A rubric workbook read back into the node tree a rubric file gives, so the loader's checks run unchanged.

Every node remembers the cell it came from, and each problem is reported as sheet and cell.
"""
from __future__ import annotations

import io
import unicodedata
import zipfile
from pathlib import Path

from inspector_app.rubric.workbook_layout import (AREA_COLS, AREAS, GRADE_COLS, GRADES, GROUP_COLS, GROUPS, INDICATOR_COLS,
                                                  INDICATORS, INFO, LIST_FIELDS, NOTES, PART_COLS, PARTS, TARGET_KEYS,
                                                  CellProblem, WorkbookError, plain, rubric_text)
from inspector_app.rubric.yamlnodes import (CANNOT_READ, EMPTY_FILE, FILE, Problem, YamlFileError, YMap, YNode, YScalar,
                                            YSeq, parse_yaml_bytes)
from inspector_app.said import Said

WORKBOOK_CELL = Said("（工作簿）", "(workbook)")
FILE_CELL = Said("（文件）", "(file)")
SHEET_FIELD = Said("工作表", "sheet")
HEADER_FIELD = Said("表头", "header")
LEVEL_2 = Said("二级指标", "second-level indicator")
LEVEL_3 = Said("三级指标", "third-level indicator")
COLUMN = Said("第 {0} 列", "column {0}")
CANNOT_READ_WORKBOOK = Said("无法读取工作簿（{0}）", "the workbook cannot be read ({0})")
OLD_EXCEL = Said("这是旧版 Excel（.xls）文件，请在 Excel 中“另存为” Excel 工作簿（.xlsx）后再导入",
                 "this is an old Excel (.xls) file: in Excel, “Save as” an Excel workbook (.xlsx), then import that")
NOT_XLSX = Said("不是 Excel 工作簿（.xlsx）", "not an Excel workbook (.xlsx)")
NO_SHEET = Said("缺少工作表「{0}」", "the sheet “{0}” is missing", kept=(0,))
FIELD_TWICE = Said("重复的字段", "a field given twice")
GRADES_TWICE = Said("等级已写在「{0}」表中，基本信息中不要再写", "the grades are on the “{0}” sheet; do not write them in the basic information too",
                    kept=(0,))
GROUP_OF_OTHER_AREA = Said("二级指标 {0} 属于一级指标 {1}，不属于 {2}",
                           "second-level indicator {0} belongs to first-level indicator {1}, not to {2}")
PARTS_WITHOUT_RULE = Said("指标 {0} 的计分规则不是 parts，不能有评分部分",
                          "the scoring rule of indicator {0} is not parts: it cannot have parts")
WRONG_HEADER = Said("第 {0} 列的表头应为「{1}」，现为「{2}」", "the header of column {0} must be “{1}”, it is “{2}”", kept=(1, 2))
MERGED_CELL = Said("单元格是合并单元格 {0} 的一部分；请取消合并，每行都写上内容",
                   "the cell is part of the merged cell {0}; unmerge it and write the content on every row")
WRONGLY_WRITTEN = Said("写法有误：{0}", "wrongly written: {0}")
MAPPING_FORM = Said("应写成 {键: 值, …} 的形式", "must be written as {{key: value, …}}")  # the English is formatted
OWN_COLUMN = Said("“{0}” 已有单独的列，不要再写在{1}中", "“{0}” has a column of its own; do not write it in {1} too")
NO_CODE = Said("缺少编号", "the code is missing")
FULL_WIDTH_CODE = Said("编号“{0}”含全角字母或数字，请改为半角“{1}”",
                       "the code “{0}” holds full-width letters or digits; write it half-width: “{1}”")
CODE_USED_TWICE = Said("编号 {0} 重复", "the code {0} is used twice")
NO_CODE_OF = Said("缺少{0}编号", "the {0} code is missing")
NOT_ON_SHEET = Said("“{0}” 不在「{1}」表中", "“{0}” is not on the “{1}” sheet", kept=(1,))
TITLE_DIFFERS = Said("名称“{0}”与「{1}」表中的“{2}”不一致（只写编号也可以）",
                     "the title “{0}” differs from “{2}” on the “{1}” sheet (the code alone will do)", kept=(1,))


class _Cells:
    """Numbers standing in for cells: the loader's problems carry a `line`, which maps back to a cell."""

    def __init__(self) -> None:
        self.names = [WORKBOOK_CELL()]

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
        raise WorkbookError([CellProblem(name, 0, FILE(), CANNOT_READ(exc.strerror or exc), cell=FILE_CELL())]) from exc
    if not raw:
        raise WorkbookError([CellProblem(name, 0, FILE(), EMPTY_FILE(), cell=FILE_CELL())])
    if raw[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise WorkbookError([CellProblem(name, 0, FILE(), OLD_EXCEL(), cell=FILE_CELL())])
    if not zipfile.is_zipfile(io.BytesIO(raw)):
        raise WorkbookError([CellProblem(name, 0, FILE(), NOT_XLSX(), cell=FILE_CELL())])
    import openpyxl
    try:
        wb = openpyxl.load_workbook(io.BytesIO(raw), data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged package
        raise WorkbookError([CellProblem(name, 0, FILE(), CANNOT_READ_WORKBOOK(type(exc).__name__),
                                         cell=FILE_CELL())]) from exc

    sheets = {}
    for sname, cols in ((INFO, None), (GRADES, GRADE_COLS), (NOTES, None), (AREAS, AREA_COLS),
                        (GROUPS, GROUP_COLS), (INDICATORS, INDICATOR_COLS), (PARTS, PART_COLS)):
        if sname not in wb.sheetnames:
            problems.append(CellProblem(name, 0, SHEET_FIELD(), NO_SHEET(sname), cell=sname))
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
            problem(info.loc(r, 2), key, FIELD_TWICE())
        else:
            top[key] = node
            top_lines[key] = loc
    if source:
        top["source"] = YMap(source, source_line, {k: v.line for k, v in source.items()})
        top_lines["source"] = source_line

    grades = sheets[GRADES]
    bands = [grades.mapping(r) for r in grades.rows()]
    if bands and "grades" in top:
        problem(top_lines["grades"], "grades", GRADES_TWICE(GRADES))
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
                problem(ind_sheet.loc(r, 2), LEVEL_2(), GROUP_OF_OTHER_AREA(group_code, owner_area, area_code))
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
            problem(part_sheet.loc(r, 1), LEVEL_3(), PARTS_WITHOUT_RULE(code))
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
                    problem(self.loc(1, c), HEADER_FIELD(), WRONG_HEADER(c, label, got or ''))

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
                         MERGED_CELL(rng.coord))
            return None
        return self.ws.cell(r, c).value

    def _header(self, c: int) -> str:
        return self.cols[c - 1][1] if self.cols and c <= len(self.cols) else COLUMN(c)

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
                self.problem(loc, self._header(c), WRONGLY_WRITTEN("；".join(p.message for p in exc.problems)))
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
                    self.problem(node.line, label, MAPPING_FORM())
                    continue
                target = rule if key == "rule.*" else items
                for k, v in node.items.items():
                    if k in target:
                        self.problem(node.line, label, OWN_COLUMN(k, label))
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
                self.problem(self.loc(r, c), self._header(c), NO_CODE())
            return None
        if unicodedata.normalize("NFKC", code) != code:
            # an input method's full-width Ｃ６ looks like C6 but is another code
            self.problem(self.loc(r, c), self._header(c),
                         FULL_WIDTH_CODE(code, unicodedata.normalize('NFKC', code)))
            return None
        if code in seen:
            self.problem(self.loc(r, c), self._header(c), CODE_USED_TWICE(code))
            return None
        return code

    def _merged_into(self, r: int, c: int) -> bool:
        return any(rng.min_row <= r <= rng.max_row and rng.min_col <= c <= rng.max_col
                   and (r, c) != (rng.min_row, rng.min_col) for rng in self.merged)

    def ref(self, r: int, c: int, known: dict, titles: dict[str, str], sheet: str, required: bool = True) -> str | None:
        text = self.text(r, c)
        if text is None:
            if required:
                self.problem(self.loc(r, c), self._header(c), NO_CODE_OF(self._header(c)))
            return None
        code, _, title = text.partition(" ")
        if code not in known:
            self.problem(self.loc(r, c), self._header(c), NOT_ON_SHEET(code, sheet))
            return None
        if title.strip() and titles.get(code) and title.strip() != titles[code]:
            self.problem(self.loc(r, c), self._header(c),
                         TITLE_DIFFERS(title.strip(), sheet, titles[code]))
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
    names = getattr(root, "cell_names", [WORKBOOK_CELL()])
    return [CellProblem(name, p.line, p.field, p.message,
                        cell=names[p.line] if 0 <= p.line < len(names) else WORKBOOK_CELL()) for p in problems]


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
