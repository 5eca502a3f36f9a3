"""Rosters and self-evaluations from the bureau's spreadsheets.

`write_roster_template` (roster_template.py) makes the workbook the bureau fills in; `read_roster`
reads it back with openpyxl. Every problem is named by sheet and cell
("学校!D7: 角色应为 核心校 或 成员校"), and the whole file is refused when
there is any: a roster is imported complete or not at all.
"""
from __future__ import annotations

import warnings
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from inspector_app.numbers import NumberError, fmt_points, normalise_text, parse_bool, parse_count, parse_decimal
from inspector_app.results.model import History, PastResult
from inspector_app.scoring.school import ROLES as SCHOOL_ROLES, School
from inspector_app.rubric.model import Rubric
from inspector_app.store.plans import SCHOOL_KINDS
from inspector_app.said import Said

# A problem as "sheet!cell: message" (the sheet and the columns are the file's own words, Chinese by design).
AT_CELL = Said("{0}!{1}: {2}", "{0}!{1}: {2}", kept=(0,))
AT_SHEET = Said("{0}: {1}", "{0}: {1}", kept=(0,))
MISSING_COLUMN = Said("缺少列“{0}”（第一行应为列名：{1}）", "the column “{0}” is missing (the first row must name the columns: {1})",
                      kept=(0, 1))
NO_SHEET = Said("找不到工作表“{0}”（可用“inspector roster template”生成模板）",
                "the sheet “{0}” is not found (“inspector roster template” makes a template)", kept=(0,))
NO_GROUP = Said("没有填写任何集团", "no group is filled in")
NO_LEAD = Said("集团“{0}”没有核心校：“学校”表中应有一所该集团角色为核心校的学校",
               "group “{0}” has no lead school: the “学校” sheet must have one school of that group in the lead role")
FILE_NOT_FOUND = Said("找不到文件 {0}", "file {0} not found")
NOT_READABLE = Said("{0} 不是可以读取的{1}：{2}", "{0} cannot be read as {1}: {2}")
NOT_READABLE_SPACED = Said("{0} 不是可以读取的 {1}：{2}", "{0} cannot be read as {1}: {2}")
EXCEL_WORKBOOK = Said("Excel 工作簿（.xlsx）", "an Excel workbook (.xlsx)")
EMPTY_COLUMN = Said("“{0}”不能为空", "“{0}” must not be empty", kept=(0,))
TWICE = Said("{0}“{1}”与第 {2} 行重复", "{0} “{1}” is the same as on row {2}")
SAME_GROUP_SCHOOL_NAME = Said("同一集团中学校名称", "school name in the same group")
GROUP_TYPE_ONE_OF = Said("集团类型应为 {0}", "the group type must be {0}")
GROUP_TYPE_ONE_OF_NOT = Said("集团类型应为 {0}，而不是“{1}”", "the group type must be {0}, not “{1}”")
GROUP_NOT_IN_GROUPS = Said("集团编号“{0}”不在“集团”表中", "group id “{0}” is not on the “集团” sheet")
ROLE_ONE_OF = Said("角色应为 核心校 或 成员校", "the role must be 核心校 or 成员校")  # as typed in the file
ROLE_ONE_OF_NOT = Said("角色应为 核心校 或 成员校，而不是“{0}”", "the role must be 核心校 or 成员校, not “{0}”")
SECOND_LEAD = Said("集团“{0}”已有核心校“{1}”（第 {2} 行），每个集团只能有一所核心校",
                   "group “{0}” already has the lead school “{1}” (row {2}); each group has one lead school only")
KIND_ONE_OF = Said("学段应为 {0} 之一", "the school level must be one of {0}")
KIND_ONE_OF_NOT = Said("学段应为 {0} 之一，而不是“{1}”", "the school level must be one of {0}, not “{1}”")
INDICATOR_NOT_IN = Said("指标编号“{0}”不在{1}中", "indicator code “{0}” is not in {1}")
NOT_APPLICABLE_TO = Said("指标 {0} 不适用于{1}（集团“{2}”）", "indicator {0} does not apply to {1} (group “{2}”)")
INDICATOR_TWICE = Said("集团“{0}”的指标 {1} 与第 {2} 行重复", "indicator {1} of group “{0}” is the same as on row {2}")
SELF_SCORE_RANGE = Said("指标 {0} 的得分应在 0 至 {1} 之间，而不是 {2}", "the score of indicator {0} must be from 0 to {1}, not {2}")
GRADE_ONE_OF = Said("等次应为 {0} 之一", "the grade must be one of {0}")
GRADE_ONE_OF_NOT = Said("等次应为 {0} 之一，而不是“{1}”", "the grade must be one of {0}, not “{1}”")
LAST_YES_NO = Said("末位应填 是 或 否（可不填）", "last place must be 是 or 否 (or left empty)")
YEAR_TWICE = Said("集团“{0}”{1} 年的结果与第 {2} 行重复", "the {1} result of group “{0}” is the same as on row {2}")

YEAR_FOUR_DIGIT_YEAR = Said('年度应为四位数年份',
                             'The year must be a four-digit year')
TOTAL_NEGATIVE = Said('总分不能为负数',
                       'The total must not be negative')
RANK_POSITIVE_WHOLE_NUMBER = Said('排名应为正整数',
                                   'The rank must be a positive whole number')

ROLES = {label: role for role, label in SCHOOL_ROLES.items()}  # 核心校 -> lead, as the sheet says it
MAX_ROWS = 2000  # rows that carry validation in the template

# sheet → columns (header, required)
SHEETS: dict[str, tuple[tuple[str, bool], ...]] = {
    "集团": (("集团编号", True), ("集团名称", True), ("集团类型", True)),
    "学校": (("集团编号", True), ("学校编号", True), ("学校名称", True), ("角色", True), ("学段", True),
           ("负责人职务", False)),
    "自评": (("集团编号", True), ("指标编号", True), ("自评得分", True)),
    "上年结果": (("集团编号", True), ("年度", True), ("总分", True), ("等次", True), ("排名", True),
             ("末位", False)),
}
OPTIONAL_SHEETS = ("自评", "上年结果")


@dataclass(frozen=True)
class Problem:
    sheet: str
    cell: str  # "C7", or "" for the whole sheet / file
    message: str

    def __str__(self) -> str:
        if not self.sheet:
            return self.message
        return AT_CELL(self.sheet, self.cell, self.message) if self.cell else AT_SHEET(self.sheet, self.message)


class RosterError(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass(frozen=True)
class RosterGroup:
    id: str
    name: str
    group_type: str


@dataclass
class Roster:
    groups: list[RosterGroup]
    schools: dict[str, list[School]]  # group id → schools, lead first
    self_scores: dict[str, dict[str, Decimal]] = field(default_factory=dict)  # group id → code → points
    history: History = field(default_factory=History)

    def group(self, group_id: str) -> RosterGroup:
        for g in self.groups:
            if g.id == group_id:
                return g
        raise KeyError(group_id)

    def lead_of(self, group_id: str) -> School:
        return next(s for s in self.schools[group_id] if s.role == "lead")

    def summary(self) -> str:
        schools = sum(len(v) for v in self.schools.values())
        scores = sum(len(v) for v in self.self_scores.values())
        past = sum(len(v) for v in self.history.years.values())
        return f"集团 {len(self.groups)} 个，学校 {schools} 所，自评得分 {scores} 项，上年结果 {past} 条"


# --- template ------------------------------------------------------------------


# --- reading -------------------------------------------------------------------


def _col(index: int) -> str:
    from openpyxl.utils import get_column_letter
    return get_column_letter(index + 1)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _ident(value: object) -> str:
    """Ids are compared after NFKC (full-width Ｇ０１ is G01) and with spaces removed."""
    return normalise_text(_text(value))


class _Sheet:
    """Rows of one sheet as {header: value}, with the cell name of each header."""

    def __init__(self, name: str, rows: list[tuple], problems: list[Problem]):
        self.name = name
        self.rows: list[tuple[int, dict[str, object]]] = []
        self.columns: dict[str, int] = {}
        header = rows[0] if rows else ()
        for i, value in enumerate(header):
            key = normalise_text(_text(value))
            if key and key not in self.columns:
                self.columns[key] = i
        self.ok = True
        for col, required in SHEETS[name]:
            if col not in self.columns and required:
                problems.append(Problem(name, "1", MISSING_COLUMN(col, '、'.join(c for c, _ in SHEETS[name]))))
                self.ok = False
        for r, row in enumerate(rows[1:], start=2):
            if all(v is None or _text(v) == "" for v in row):
                continue
            self.rows.append((r, {k: (row[i] if i < len(row) else None) for k, i in self.columns.items()}))

    def cell(self, header: str, row: int) -> str:
        return f"{_col(self.columns.get(header, 0))}{row}"


def read_roster(path: Path | str, rubric: Rubric) -> Roster:
    problems: list[Problem] = []
    raw = _load(path)
    for name in SHEETS:
        if name not in raw and name not in OPTIONAL_SHEETS:
            problems.append(Problem(name, "", NO_SHEET(name)))
    sheets = {name: _Sheet(name, raw[name], problems) for name in SHEETS if name in raw}
    usable = {name for name, sh in sheets.items() if sh.ok}
    roster = Roster([], {})
    group_rows: dict[str, int] = {}  # every group id written in 集团, even on a row with problems
    if "集团" in usable:
        group_rows = _groups(sheets["集团"], rubric, roster, problems)
    if "集团" in usable and not sheets["集团"].rows:
        problems.append(Problem("集团", "A2", NO_GROUP()))
    if "学校" in usable:
        _schools(sheets["学校"], roster, group_rows, problems)
    if {"集团", "学校"} <= usable:
        for g in roster.groups:
            if not any(s.role == "lead" for s in roster.schools.get(g.id, [])):
                problems.append(Problem("集团", sheets["集团"].cell("集团编号", group_rows[g.id]),
                                        NO_LEAD(g.id)))
    if "自评" in usable:
        _self_scores(sheets["自评"], rubric, roster, group_rows, problems)
    if "上年结果" in usable:
        _previous(sheets["上年结果"], rubric, roster, group_rows, problems)
    if problems:
        raise RosterError(problems)
    for gid in roster.schools:
        roster.schools[gid].sort(key=lambda s: s.role != "lead")
    return roster


def open_workbook(path: Path | str, error: type[RosterError], what: str):
    """The workbook read-only with its values, or `error` naming the file: not found, or not `what`."""
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "Data Validation extension is not supported" and the like
            return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise error([Problem("", "", FILE_NOT_FOUND(path))]) from None
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        said = NOT_READABLE_SPACED if what[:1].isascii() else NOT_READABLE  # " Excel 工作簿" as it was said
        raise error([Problem("", "", said(Path(path).name, what, exc))]) from None


def _load(path: Path | str) -> dict[str, list[tuple]]:
    wb = open_workbook(path, RosterError, EXCEL_WORKBOOK())
    try:
        return {ws.title: [tuple(r) for r in ws.iter_rows(values_only=True)]
                for ws in wb.worksheets if ws.title in SHEETS}
    finally:
        wb.close()


def _unique(sh: _Sheet, row: int, header: str, value: str, seen: dict, problems: list[Problem], *,
            key: object = None, label: str = "") -> bool:
    """A required value that may stand only once; records it and returns whether the row is bad."""
    key = value if key is None else key
    if not value:
        problems.append(Problem(sh.name, sh.cell(header, row), EMPTY_COLUMN(header)))
        return True
    if key in seen:
        problems.append(Problem(sh.name, sh.cell(header, row),
                                TWICE(label or header, value, seen[key])))
        return True
    seen[key] = row
    return False


def _groups(sh: _Sheet, rubric: Rubric, roster: Roster, problems: list[Problem]) -> dict[str, int]:
    rows: dict[str, int] = {}
    names: dict[str, int] = {}
    for r, v in sh.rows:
        gid = _ident(v.get("集团编号"))
        name = _text(v.get("集团名称"))
        gtype = normalise_text(_text(v.get("集团类型")))
        bad = _unique(sh, r, "集团编号", gid, rows, problems)
        bad = _unique(sh, r, "集团名称", name, names, problems) or bad
        if rubric.group_types:
            if gtype not in rubric.group_types:
                allowed = _either(rubric.group_types)
                problems.append(Problem(sh.name, sh.cell("集团类型", r), GROUP_TYPE_ONE_OF_NOT(allowed, gtype) if gtype
                                        else GROUP_TYPE_ONE_OF(allowed)))
                bad = True
        if not bad:
            roster.groups.append(RosterGroup(gid, name, gtype))
            roster.schools[gid] = []
    return rows


def _schools(sh: _Sheet, roster: Roster, known: dict[str, int], problems: list[Problem]) -> None:
    ids: dict[str, int] = {}
    names: dict[tuple[str, str], int] = {}
    leads: dict[str, tuple[int, str]] = {}
    for r, v in sh.rows:
        gid = _ident(v.get("集团编号"))
        sid = _ident(v.get("学校编号"))
        name = _text(v.get("学校名称"))
        role_text = normalise_text(_text(v.get("角色")))
        kind = normalise_text(_text(v.get("学段")))
        head = _text(v.get("负责人职务"))
        bad = False
        if not gid:
            problems.append(Problem(sh.name, sh.cell("集团编号", r), EMPTY_COLUMN("集团编号")))
            bad = True
        elif gid not in known:
            problems.append(Problem(sh.name, sh.cell("集团编号", r), GROUP_NOT_IN_GROUPS(gid)))
            bad = True
        bad = _unique(sh, r, "学校编号", sid, ids, problems) or bad
        bad = _unique(sh, r, "学校名称", name, names, problems, key=(gid, name), label=SAME_GROUP_SCHOOL_NAME()) or bad
        role = ROLES.get(role_text)
        if role is None:
            problems.append(Problem(sh.name, sh.cell("角色", r), ROLE_ONE_OF_NOT(role_text) if role_text
                                    else ROLE_ONE_OF()))
            bad = True
        elif role == "lead" and gid:
            if gid in leads:
                prev_row, prev_name = leads[gid]
                problems.append(Problem(sh.name, sh.cell("角色", r),
                                        SECOND_LEAD(gid, prev_name, prev_row)))
                bad = True
            else:
                leads[gid] = (r, name)
        if kind not in SCHOOL_KINDS:
            problems.append(Problem(sh.name, sh.cell("学段", r), KIND_ONE_OF_NOT('、'.join(SCHOOL_KINDS), kind) if kind
                                    else KIND_ONE_OF('、'.join(SCHOOL_KINDS))))
            bad = True
        if not bad and gid in roster.schools:
            roster.schools[gid].append(School(sid, name, role, kind, head))


def _self_scores(sh: _Sheet, rubric: Rubric, roster: Roster, rows: dict[str, int],
                 problems: list[Problem]) -> None:
    types = {g.id: g.group_type for g in roster.groups}
    seen: dict[tuple[str, str], int] = {}
    for r, v in sh.rows:
        gid = _ident(v.get("集团编号"))
        code = _ident(v.get("指标编号")).upper()
        raw = v.get("自评得分")
        ind = None
        if not gid:
            problems.append(Problem(sh.name, sh.cell("集团编号", r), EMPTY_COLUMN("集团编号")))
        elif gid not in rows:
            problems.append(Problem(sh.name, sh.cell("集团编号", r), GROUP_NOT_IN_GROUPS(gid)))
            gid = ""
        if not code:
            problems.append(Problem(sh.name, sh.cell("指标编号", r), EMPTY_COLUMN("指标编号")))
        elif not rubric.has_indicator(code):
            problems.append(Problem(sh.name, sh.cell("指标编号", r), INDICATOR_NOT_IN(code, rubric.title)))
        else:
            ind = rubric.indicator(code)
            if gid and gid in types and not ind.applies_to(types[gid] or None):
                problems.append(Problem(sh.name, sh.cell("指标编号", r),
                                        NOT_APPLICABLE_TO(code, types[gid], gid)))
                ind = None
        if gid and code:
            if (gid, code) in seen:
                problems.append(Problem(sh.name, sh.cell("指标编号", r),
                                        INDICATOR_TWICE(gid, code, seen[(gid, code)])))
                continue
            seen[(gid, code)] = r
        try:
            points = parse_decimal(_none_if_blank(raw), what="自评得分")
        except NumberError as exc:
            problems.append(Problem(sh.name, sh.cell("自评得分", r), str(exc).replace("自评得分: ", "")))
            continue
        if ind is not None:
            if points < 0 or points > ind.points:
                problems.append(Problem(sh.name, sh.cell("自评得分", r),
                                        SELF_SCORE_RANGE(code, fmt_points(ind.points), fmt_points(points))))
                continue
            if gid and gid in types:
                roster.self_scores.setdefault(gid, {})[code] = points


def _previous(sh: _Sheet, rubric: Rubric, roster: Roster, rows: dict[str, int],
              problems: list[Problem]) -> None:
    seen: dict[tuple[str, int], int] = {}
    for r, v in sh.rows:
        bad = False
        gid = _ident(v.get("集团编号"))
        if not gid:
            problems.append(Problem(sh.name, sh.cell("集团编号", r), EMPTY_COLUMN("集团编号")))
            bad = True
        elif gid not in rows:
            problems.append(Problem(sh.name, sh.cell("集团编号", r), GROUP_NOT_IN_GROUPS(gid)))
            bad = True
        year = rank = None
        try:
            year = parse_count(_none_if_blank(v.get("年度")), what="年度")
            if not 2000 <= year <= 2100:
                raise NumberError(YEAR_FOUR_DIGIT_YEAR())
        except NumberError as exc:
            problems.append(Problem(sh.name, sh.cell("年度", r), _plain(exc, "年度")))
            bad = True
        try:
            total = parse_decimal(_none_if_blank(v.get("总分")), what="总分")
            if total < 0:
                raise NumberError(TOTAL_NEGATIVE())
        except NumberError as exc:
            problems.append(Problem(sh.name, sh.cell("总分", r), _plain(exc, "总分")))
            bad = True
        grade = normalise_text(_text(v.get("等次")))
        if not rubric.grades.labels:
            grade = grade or None  # the rubric names no grades (001): taken as written
        elif grade not in rubric.grades.labels:
            problems.append(Problem(sh.name, sh.cell("等次", r), GRADE_ONE_OF_NOT('、'.join(rubric.grades.labels), grade) if grade
                                    else GRADE_ONE_OF('、'.join(rubric.grades.labels))))
            bad = True
        try:
            rank = parse_count(_none_if_blank(v.get("排名")), what="排名")
            if rank < 1:
                raise NumberError(RANK_POSITIVE_WHOLE_NUMBER())
        except NumberError as exc:
            problems.append(Problem(sh.name, sh.cell("排名", r), _plain(exc, "排名")))
            bad = True
        last = None
        if "末位" in sh.columns and _text(v.get("末位")):
            try:
                last = parse_bool(v.get("末位"), what="末位")
            except NumberError:
                problems.append(Problem(sh.name, sh.cell("末位", r), LAST_YES_NO()))
                bad = True
        if gid and year is not None:
            if (gid, year) in seen:
                problems.append(Problem(sh.name, sh.cell("年度", r),
                                        YEAR_TWICE(gid, year, seen[(gid, year)])))
                bad = True
            else:
                seen[(gid, year)] = r
        if not bad:
            roster.history.add(gid, year, PastResult(total, grade, rank, last))


def _none_if_blank(value: object) -> object:
    return "" if value is None else value


def _either(options) -> str:
    """"融合型 或 紧密型 或 松散型" (the window says each option and "or" between)."""
    return " 或 ".join(options)


def _plain(exc: Exception, what: str) -> str:
    text = str(exc)
    return text[len(what) + 2:] if text.startswith(f"{what}: ") else text
