"""A register typed elsewhere (a spreadsheet the school or the bureau kept) read into a group's register:
CSV (UTF-8, with or without BOM) or Excel (.xlsx, first sheet), one item a row under a header row.

This is how a baseline year's register arrives when that year was not scored in this program: the rows are
dated with their year (or `default_year`), and the items of the baseline year are what C16–C19 subtract.
Every row is checked before anything is written; a mistake names the file, the line and the column.
"""
from __future__ import annotations

import csv
from pathlib import Path

from inspector_app.rubric.model import Rubric
from inspector_app.store.db import Store
from inspector_app.store.plans import Group, Plan
from inspector_app.store.registers import RegisterError, RegisterItem, add_item
from inspector_app.said import Said

FILE_EMPTY_FIRST_LINE = Said('{0}: 文件是空的；第一行应为表头：{1}',
                              '{0}: the file is empty; its first line must be the header: {1}')
LINE_1_UNKNOWN_COLUMN = Said('{0} 第 1 行: 未知的列 “{1}”；可用的列：{2}',
                              '{0} line 1: unknown column "{1}"; columns: {2}')
TOO_MANY_ROWS_MOST = Said('{0}: 行数过多（{1} 行，最多 {2} 行）',
                           '{0}: too many rows ({1}, at most {2})')
CSV_FILE_ENCODED_UTF = Said('{0}: 应为 UTF-8 编码的 CSV 文件（Excel 中“另存为 CSV UTF-8”）',
                             '{0}: must be a CSV file encoded in UTF-8 (in Excel, "Save as CSV UTF-8")')
CANNOT_BE_READ = Said('{0}: 无法读取（{1}）',
                       '{0}: cannot be read ({1})')
LINE_1_COLUMN_MISSING = Said('{0} 第 1 行: 缺少“{1}”列',
                              '{0} line 1: the column "{1}" is missing')
READABLE_EXCEL_WORKBOOK = Said('{0}: 不是可读的 Excel 工作簿（{1}）',
                                '{0}: not a readable Excel workbook ({1})')
LINE_INDICATOR_GIVEN_COLUMN = Said('{0} 第 {1} 行: 没有写指标（“指标”列，或用 --indicator 指明）',
                                    '{0} line {1}: no indicator given (the "指标" column, or --indicator)')
LINE_GROUP_HAS_SINGLE = Said('{0} 第 {1} 行“学校”: 集团 {2} 中找不到唯一的学校 “{3}”',
                              '{0} line {1}, "学校": group {2} has no single school "{3}"')
LINE_SAYS = Said('{0} 第 {1} 行: {2}',
             '{0} line {1}: {2}')

COLUMNS = {"指标": "indicator", "名称": "name", "级别": "level", "年份": "year", "学校": "school", "佐证": "evidence"}
MAX_ROWS = 5000


def _rows(path: Path) -> list[list[str]]:
    if path.suffix.lower() == ".xlsx":
        import openpyxl
        try:
            sheet = openpyxl.load_workbook(path, read_only=True, data_only=True).worksheets[0]
        except Exception as exc:  # noqa: BLE001 - any unreadable workbook is said as such
            raise RegisterError(READABLE_EXCEL_WORKBOOK(path.name, exc.__class__.__name__)) from None
        return [["" if v is None else str(v).strip() for v in row] for row in sheet.iter_rows(values_only=True)]
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise RegisterError(CSV_FILE_ENCODED_UTF(path.name)) from None
    except OSError as exc:
        raise RegisterError(CANNOT_BE_READ(path.name, exc.strerror or exc)) from None
    return [[c.strip() for c in row] for row in csv.reader(text.splitlines())]


def read_register_file(path: Path | str) -> list[tuple[int, dict[str, str]]]:
    """(line, {indicator, name, level, year, school, evidence}) for every row that is not blank."""
    path = Path(path)
    rows = _rows(path)
    if not rows:
        raise RegisterError(FILE_EMPTY_FIRST_LINE(path.name, '、'.join(COLUMNS)))
    head = [COLUMNS.get(h, h.lower()) for h in rows[0]]
    known = set(COLUMNS.values())
    unknown = [h for h in rows[0] if h and COLUMNS.get(h, h.lower()) not in known]
    if unknown:
        raise RegisterError(LINE_1_UNKNOWN_COLUMN(path.name, unknown[0], '、'.join(COLUMNS)))
    for needed in ("name", "level"):
        if needed not in head:
            label = next(k for k, v in COLUMNS.items() if v == needed)
            raise RegisterError(LINE_1_COLUMN_MISSING(path.name, label))
    if len(rows) - 1 > MAX_ROWS:
        raise RegisterError(TOO_MANY_ROWS_MOST(path.name, len(rows) - 1, MAX_ROWS))
    found = []
    for line, row in enumerate(rows[1:], 2):
        values = {key: (row[i] if i < len(row) else "") for i, key in enumerate(head) if key in known}
        if any(values.values()):
            found.append((line, values))
    return found


def import_register(store: Store, plan: Plan, rubric: Rubric, group: Group, path: Path | str, *,
                    indicator: str = "", default_year: str = "", by: str = "") -> list[RegisterItem]:
    """Add every row of the file to the group's register, all or nothing."""
    name = Path(path).name
    rows = read_register_file(path)
    added: list[RegisterItem] = []
    with store.tx():
        for line, values in rows:
            code = (values.get("indicator") or indicator).strip().upper()
            if not code:
                raise RegisterError(LINE_INDICATOR_GIVEN_COLUMN(name, line))
            school = values.get("school", "")
            school_id = ""
            if school:
                hits = [s for s in group.schools if school in (s.id, s.name)]
                if len(hits) != 1:
                    raise RegisterError(LINE_GROUP_HAS_SINGLE(name, line, group.name, school))
                school_id = hits[0].id
            try:
                added.append(add_item(store, plan, rubric, group, code, name=values.get("name", ""),
                                      level=values.get("level", ""), year=values.get("year") or default_year,
                                      school_id=school_id, evidence=values.get("evidence", ""), by=by))
            except RegisterError as exc:
                raise RegisterError(LINE_SAYS(name, line, exc)) from None
    return added
