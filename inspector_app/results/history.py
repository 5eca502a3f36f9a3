"""Last year's results read back from a results workbook, as next year's `History`.

Only what `workbook.write_results_workbook` writes is read: the 说明 sheet's
年度 row and the 排名汇总 sheet's columns, found by their header names.
Last place is whoever has the largest rank in the sheet (it lists every unit
of that year), when that rank is above 1.
"""
from __future__ import annotations

from pathlib import Path

from inspector_app.numbers import NumberError, parse_count, parse_decimal
from inspector_app.results.model import History, PastResult
from inspector_app.results.roster import Problem, RosterError, _col, _ident, _text, open_workbook
from inspector_app.results.workbook import NOTES, SUMMARY, YEAR_KEY
from inspector_app.said import Said

NO_SHEET_RESULTS = Said("找不到工作表（应为本程序导出的结果工作簿）", "the sheet is not found (it must be a results workbook this program exported)")
RESULTS_WORKBOOK = Said("结果工作簿", "a results workbook")
NO_YEAR_ROW = Said("找不到“{0}”一行", "no “{0}” row is found", kept=(0,))
MISSING_COLUMN = Said("缺少列“{0}”", "the column “{0}” is missing", kept=(0,))
EMPTY_GROUP_ID = Said("集团编号为空", "the group id is empty")
GROUP_ID_TWICE = Said("集团编号“{0}”与第 {1} 行重复", "group id “{0}” is the same as on row {1}")

NEEDED = ("排名", "集团编号", "总分", "等次")


class HistoryError(RosterError):
    """A results workbook that cannot serve as history; every problem named by sheet and cell."""


def read_history(path: Path | str) -> History:
    wb = open_workbook(path, HistoryError, RESULTS_WORKBOOK())
    try:
        names = wb.sheetnames
        missing = [n for n in (SUMMARY, NOTES) if n not in names]
        if missing:
            raise HistoryError([Problem(n, "", NO_SHEET_RESULTS()) for n in missing])
        notes = [tuple(r) for r in wb[NOTES].iter_rows(values_only=True)]
        rows = [tuple(r) for r in wb[SUMMARY].iter_rows(values_only=True)]
    finally:
        wb.close()

    problems: list[Problem] = []
    year = None
    for i, row in enumerate(notes[1:], start=2):
        if row and _text(row[0]) == YEAR_KEY:
            try:
                year = parse_count(_text(row[1]) if len(row) > 1 else "", what=YEAR_KEY)
            except NumberError as exc:
                problems.append(Problem(NOTES, f"B{i}", str(exc)))
            break
    else:
        problems.append(Problem(NOTES, "A", NO_YEAR_ROW(YEAR_KEY)))

    header = [_text(v) for v in (rows[0] if rows else ())]
    cols = {h: i for i, h in enumerate(header) if h}
    for h in NEEDED:
        if h not in cols:
            problems.append(Problem(SUMMARY, "1", MISSING_COLUMN(h)))
    if problems:
        raise HistoryError(problems)

    entries: list[tuple[str, PastResult]] = []
    seen: dict[str, int] = {}
    for r, row in enumerate(rows[1:], start=2):
        def get(h):
            i = cols[h]
            return row[i] if i < len(row) else None
        if all(v is None or _text(v) == "" for v in row):
            continue
        gid = _ident(get("集团编号"))
        where = lambda h: f"{_col(cols[h])}{r}"  # noqa: E731
        if not gid:
            problems.append(Problem(SUMMARY, where("集团编号"), EMPTY_GROUP_ID()))
            continue
        if gid in seen:
            problems.append(Problem(SUMMARY, where("集团编号"), GROUP_ID_TWICE(gid, seen[gid])))
            continue
        seen[gid] = r
        try:
            rank = parse_count(get("排名"), what="排名")
            total = parse_decimal(get("总分"), what="总分")
        except NumberError as exc:
            problems.append(Problem(SUMMARY, f"{r}", str(exc)))
            continue
        grade = _text(get("等次")) or None
        entries.append((gid, PastResult(total, None if grade == "未定" else grade, rank, None)))
    if problems:
        raise HistoryError(problems)

    worst = max((p.rank for _, p in entries), default=0)
    history = History()
    for gid, past in entries:
        history.add(gid, year, PastResult(past.total, past.grade, past.rank, worst > 1 and past.rank == worst))
    return history
