"""Rubric files (YAML) into Rubric objects, or a list of located problems."""
from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path

from inspector_app.numbers import fmt_points
from inspector_app.rubric import node_cache
from inspector_app.rubric.model import (AGGREGATES, METHODS, TARGETS, Area, Composite, CompositePart, GradeBand,
                                        GradeScheme, HistoryField, Indicator, Rubric, Scope, Source, SubGroup,
                                        Variant, Veto, VETO_EFFECTS)
from inspector_app.rubric.reader import Reader
from inspector_app.rubric.rules import KEY_RE, read_rule
from inspector_app.rubric.yamlnodes import (CANNOT_READ, CANNOT_READ_PLAIN, FILE, ROOT_FIELD, Problem, YamlFileError,
                                            YMap, YScalar)
from inspector_app.said import Said

INDICATOR_PATH = Said("指标 {0}", "indicator {0}")
FORMAT_UNSUPPORTED = Said("不支持的格式版本 {0}（本程序读取版本 {1}）", "format version {0} is not supported (this program reads version {1})")
ID_CHARACTERS = Said("编号只能用字母、数字和 - _ .", "an id may use only letters, digits and - _ .")
TEMPLATE_OPEN_POINTS = Said("模板（template）必须在 open_points 中写明尚待教育局补充的内容",
                            "a template must name in open_points what the bureau has still to fill in")
NO_AREA = Said("至少要有一个一级指标", "there must be at least one first-level indicator")
AREA_CODE_TWICE = Said("一级指标编号 {0} 重复", "first-level indicator code {0} is used twice")
AREAS_TOTAL_DIFFERS = Said("各一级指标（不含加分项）满分之和为 {0}，与总分 {1} 不符",
                           "the full marks of the first-level indicators (bonus items not counted) add up to {0}, not the total {1}")
VETO_NEEDS_GRADES = Said("有一票否决项时须写明等次（否决后定为最低等次）",
                         "with veto items the grades must be written (a veto sets the lowest grade)")
GROUPS_OR_INDICATORS = Said("groups 与 indicators 只能写其一", "write either groups or indicators, not both")
OPEN_AREA_OPEN_POINTS = Said("一级指标满分待定时，其下各指标的分值也应写“待定”",
                             "when the full marks of a first-level indicator are left open, the points of its indicators must be left open too")
AREA_SUM_DIFFERS = Said("本一级指标下各指标分值之和为 {0}，与满分 {1} 不符",
                        "the points of the indicators under this first-level indicator add up to {0}, not its full marks {1}")
BONUS_CAP_ABOVE = Said("加分项上限 {0} 大于各项分值之和 {1}", "the bonus cap {0} is greater than the sum of its items' points {1}")
OPEN_ONLY_IN_TEMPLATE = Said("只有模板（status: template）可以写“{0}”；完整的指标体系须写明分值",
                             "only a template (status: template) may write “{0}”; a complete rubric must give the points")
CODE_TWICE = Said("编号 {0} 重复（第 {1} 行已使用）", "code {0} is used twice (already on line {1})")
OPEN_POINTS_MANUAL = Said("分值{0}的指标只能用 manual（考核组评定）规则",
                          "an indicator whose points are {0} can only use the manual rule (judged by the inspection team)")
POINTS_POSITIVE = Said("分值应大于 0", "the points must be greater than 0")
NOT_A_TARGET = Said("“{0}” 不是考核对象；可用: {1}", "“{0}” is not a target of the inspection; can be used: {1}")
NOT_A_METHOD = Said("“{0}” 不是评价方式；可用: {1}", "“{0}” is not a way of evaluating; can be used: {1}")
KEY_CHARACTERS = Said("键只能用英文字母、数字和下划线", "a key may use only English letters, digits and underscores")
HISTORY_YEAR = Said("应为 last_year 或四位年份（如 2021）", "must be last_year or a four-digit year (such as 2021)")
NOT_A_GROUP_TYPE_OF = Said("“{0}” 不在本文件的 group_types 中（{1}）", "“{0}” is not among this file's group_types ({1})")
UNDEFINED = Said("未定义", "none defined")
VARIANT_TEXT = Said("应为该类型的考核要点文字", "must be the text of what is inspected for that type")
NOT_A_GROUP_TYPE = Said("“{0}” 不在本文件的 group_types 中", "“{0}” is not among this file's group_types")
SCOPE_FORM = Said("应为 group、per_school，或 {per_school: mean, note: …}",  # the English is formatted: braces doubled
                  "must be group, per_school, or {{per_school: mean, note: …}}")
NO_GRADES = Said("缺少等次（grades）", "the grades are missing (grades)")
NO_GRADE = Said("至少要有一个等次", "there must be at least one grade")
MIN_BELOW_MAX = Said("下限 {0} 应小于上限 {1}", "the lower bound {0} must be less than the upper bound {1}")
GRADE_TWICE = Said("等次 {0} 重复", "grade {0} is given twice")
TOP_NO_MAX = Said("最高等次不应有上限（写成 min 即可），否则高分无等次",
                  "the highest grade must have no upper bound (write min only), or high scores have no grade")
LOWEST_FROM_ZERO = Said("最低等次应从 0 分（或不设下限）开始", "the lowest grade must start at 0 points (or have no lower bound)")
ONLY_LOWEST_NO_MIN = Said("只有最低等次可以不设下限", "only the lowest grade may have no lower bound")
ONLY_TOP_NO_MAX = Said("只有最高等次可以不设上限", "only the highest grade may have no upper bound")
GRADES_GAP = Said("等次之间有空档：{0} 至 {1} 分不属于任何等次", "a gap between grades: {0} to {1} points belong to no grade")
GRADES_OVERLAP = Said("等次重叠：{0} 至 {1} 分同时属于“{2}”和“{3}”", "grades overlap: {0} to {1} points belong to both “{2}” and “{3}”")
VETO_EFFECT = Said("只能是 fail（定为最低等次）或 withhold_top（取消最高等次）",
                   "can only be fail (set the lowest grade) or withhold_top (withhold the highest grade)")
NO_SUCH_AREA = Said("一级指标 {0} 不存在", "there is no first-level indicator {0}")
WEIGHTS_SUM = Said("权重之和为 {0}，应为 1", "the weights add up to {0}; they must add up to 1")

FORMAT_VERSION = "1"
TOP_KEYS = {"format", "id", "version", "title", "source", "status", "open_points", "group_types", "total",
            "grades", "veto", "composite", "notes", "areas"}
AREA_KEYS = {"code", "title", "max", "bonus", "groups", "indicators"}
INDICATOR_KEYS = {"code", "text", "points", "rule", "standard", "targets", "scope", "methods", "evidence",
                  "history", "variants", "group_types", "placeholder"}
STATUSES = ("complete", "template")
OPEN = "待定"  # points a template leaves to the bureau, written literally in the file


class RubricError(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def load_rubric(path: Path | str) -> Rubric:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise RubricError([Problem(str(path), 0, FILE(), CANNOT_READ(exc.strerror or exc))]) from exc
    return load_rubric_bytes(raw, str(path))


def load_rubric_bytes(raw: bytes, name: str, cache: Path | None = None) -> Rubric:
    """`cache`: a folder keeping the parsed form of files seen before (see node_cache.py)."""
    digest = hashlib.sha256(raw).hexdigest()
    try:
        root = node_cache.parsed_nodes(raw, name, cache, digest)
    except YamlFileError as exc:
        raise RubricError(exc.problems) from exc
    rd = Reader(name)
    rubric = _read(rd, root, name, digest)
    if rd.problems or rubric is None:
        raise RubricError(rd.problems or [Problem(name, 1, FILE(), CANNOT_READ_PLAIN())])
    return rubric


def load_rubric_nodes(root, name: str, digest: str) -> Rubric:
    """A rubric from a node tree built elsewhere (a workbook); the same checks as a file."""
    rd = Reader(name)
    rubric = _read(rd, root, name, digest)
    if rd.problems or rubric is None:
        raise RubricError(rd.problems or [Problem(name, 1, FILE(), CANNOT_READ_PLAIN())])
    return rubric


def _read(rd: Reader, root, name: str, digest: str) -> Rubric | None:
    top = rd.map(root, ROOT_FIELD(), 1)
    if top is None:
        return None
    rd.keys(top, TOP_KEYS, "")
    fmt = rd.text(top, "format", "", required=False, default=FORMAT_VERSION)
    if fmt != FORMAT_VERSION:
        rd.problem(top.get("format").line, "format", FORMAT_UNSUPPORTED(fmt, FORMAT_VERSION))
    rid = rd.text(top, "id", "")
    if rid and not all(c.isalnum() or c in "-_." for c in rid):
        rd.problem(top.get("id").line, "id", ID_CHARACTERS())
    status = rd.choice(top, "status", "", STATUSES)
    open_points = tuple(t for t, _ in rd.texts(top, "open_points", ""))
    if status == "template" and not open_points:
        where = top.get("open_points") or top.get("status")
        rd.problem(where.line if where else top.line, "open_points",
                   TEMPLATE_OPEN_POINTS())
    group_types = tuple(t for t, _ in rd.texts(top, "group_types", ""))
    if _is_open(top, "total"):
        _allow_open(rd, top, "total", "", status)
        total = None
    else:
        total = rd.decimal(top, "total", "", required=status == "complete")

    src = rd.map(top.get("source"), "source", top.line)
    source = Source("", "", "")
    if src is not None:
        rd.keys(src, {"seed", "document", "issuer"}, "source")
        source = Source(rd.text(src, "seed", "source"), rd.text(src, "document", "source"),
                        rd.text(src, "issuer", "source"))

    codes: dict[str, int] = {}
    areas = tuple(a for a in (_area(rd, node, i, codes, group_types, status)
                              for i, node in enumerate(rd.seq(top, "areas", ""))) if a is not None)
    if not areas and "areas" in top.items:
        rd.problem(top.get("areas").line, "areas", NO_AREA())
    area_codes = [a.code for a in areas]
    for code in {c for c in area_codes if area_codes.count(c) > 1}:
        rd.problem(next(a.line for a in areas if a.code == code), "areas.code", AREA_CODE_TWICE(code))
    base = sum((a.max for a in areas if not a.bonus), Decimal(0))
    if total is not None and areas and base != total and not any(a.max_open for a in areas):
        rd.problem(top.get("total").line, "total",
                   AREAS_TOTAL_DIFFERS(fmt_points(base), fmt_points(total)))

    grades = _grades(rd, top, status)
    vetoes = _vetoes(rd, top)
    if vetoes and grades is not None and not grades.bands:
        rd.problem(top.get("veto").line, "veto", VETO_NEEDS_GRADES())
    composite = _composite(rd, top, set(area_codes))
    notes = tuple(t for t, _ in rd.texts(top, "notes", ""))
    if rd.problems or grades is None:
        return None
    return Rubric(id=rid, version=rd.text(top, "version", ""), title=rd.text(top, "title", ""), source=source,
                  status=status or "", open_points=open_points, group_types=group_types, total=total,
                  areas=areas, grades=grades, vetoes=vetoes, composite=composite, notes=notes,
                  path=name, content_hash=digest)


def _area(rd: Reader, node, i: int, codes: dict[str, int], group_types, status) -> Area | None:
    path = f"areas[{i}]"
    m = rd.map(node, path, 0)
    if m is None:
        return None
    rd.keys(m, AREA_KEYS, path)
    code = rd.text(m, "code", path)
    path = f"areas[{code or i}]"
    title = rd.text(m, "title", path)
    max_open = _is_open(m, "max")
    if max_open:
        _allow_open(rd, m, "max", path, status)
        maximum = Decimal(0)
    else:
        maximum = rd.decimal(m, "max", path)
    bonus = rd.boolean(m, "bonus", path)
    indicators: list[Indicator] = []
    subgroups: list[SubGroup] = []
    if "groups" in m.items and "indicators" in m.items:
        rd.problem(m.line, path, GROUPS_OR_INDICATORS())
    for _, gp, gm in rd.maps(m, "groups", path, required=False):
        rd.keys(gm, {"code", "title", "indicators"}, gp)
        gcode = rd.text(gm, "code", gp)
        _claim(rd, codes, gcode, gm.line, f"{gp}.code")
        inds = [_indicator(rd, n, f"{gp}.indicators[{k}]", code, gcode, codes, group_types, status)
                for k, n in enumerate(rd.seq(gm, "indicators", gp))]
        inds = [x for x in inds if x is not None]
        subgroups.append(SubGroup(gcode, rd.text(gm, "title", gp), tuple(x.code for x in inds)))
        indicators += inds
    if "groups" not in m.items:
        for k, n in enumerate(rd.seq(m, "indicators", path, required=status == "complete")):
            ind = _indicator(rd, n, f"{path}.indicators[{k}]", code, "", codes, group_types, status)
            if ind is not None:
                indicators.append(ind)
    any_open = max_open or any(x.points_open for x in indicators)
    if max_open and indicators and not all(x.points_open for x in indicators):
        rd.problem(m.get("max").line, f"{path}.max", OPEN_AREA_OPEN_POINTS())
    if maximum is not None and indicators and not any_open:
        total = sum((x.points for x in indicators), Decimal(0))
        if total != maximum and not bonus:
            rd.problem(m.get("max").line, f"{path}.max",
                       AREA_SUM_DIFFERS(fmt_points(total), fmt_points(maximum)))
        if bonus and total < maximum:
            rd.problem(m.get("max").line, f"{path}.max",
                       BONUS_CAP_ABOVE(fmt_points(maximum), fmt_points(total)))
    if not code or maximum is None:
        return None
    return Area(code, title, maximum, tuple(indicators), bonus, tuple(subgroups), m.line, max_open=max_open)


def _is_open(m: YMap, key: str) -> bool:
    node = m.get(key)
    return isinstance(node, YScalar) and node.value.strip() == OPEN


def _allow_open(rd: Reader, m: YMap, key: str, path: str, status: str | None) -> None:
    if status != "template":
        full = f"{path}.{key}" if path else key
        rd.problem(m.get(key).line, full, OPEN_ONLY_IN_TEMPLATE(OPEN))


def _claim(rd: Reader, codes: dict[str, int], code: str, line: int, field: str) -> None:
    if not code:
        return
    if code in codes:
        rd.problem(line, field, CODE_TWICE(code, codes[code]))
    else:
        codes[code] = line


def _indicator(rd: Reader, node, path: str, area_code: str, group_code: str, codes, group_types,
               status: str | None = "complete") -> Indicator | None:
    m = rd.map(node, path, 0)
    if m is None:
        return None
    rd.keys(m, INDICATOR_KEYS, path)
    code = rd.text(m, "code", path)
    if code:
        path = INDICATOR_PATH(code)
    _claim(rd, codes, code, m.line, f"{path}.code")
    text = rd.text(m, "text", path)
    points_open = _is_open(m, "points")
    if points_open:
        _allow_open(rd, m, "points", path, status)
        points = Decimal(0)
        rule_node = m.get("rule")
        kind = rule_node.get("type") if isinstance(rule_node, YMap) else None
        if isinstance(kind, YScalar) and kind.value != "manual":
            rd.problem(kind.line, f"{path}.rule.type", OPEN_POINTS_MANUAL(OPEN))
    else:
        points = rd.decimal(m, "points", path)
        if points is not None and points == 0:
            rd.problem(m.get("points").line, f"{path}.points", POINTS_POSITIVE())
    rule = read_rule(rd, m.get("rule"), points, f"{path}.rule", m.line)
    targets = tuple(t for t, line in rd.texts(m, "targets", path, required=True))
    for t in targets:
        if t not in TARGETS:
            rd.problem(m.get("targets").line, f"{path}.targets", NOT_A_TARGET(t, ', '.join(TARGETS)))
    methods = tuple(t for t, _ in rd.texts(m, "methods", path))
    for t in methods:
        if t not in METHODS:
            rd.problem(m.get("methods").line, f"{path}.methods", NOT_A_METHOD(t, '、'.join(METHODS)))
    scope = _scope(rd, m, path)
    history = []
    for _, hp, hm in rd.maps(m, "history", path, required=False):
        rd.keys(hm, {"key", "label", "year"}, hp)
        key = rd.text(hm, "key", hp)
        if key and not KEY_RE.match(key):
            rd.problem(hm.line, f"{hp}.key", KEY_CHARACTERS())
        year = rd.text(hm, "year", hp)
        if year and year != "last_year" and not (year.isdigit() and len(year) == 4):
            rd.problem(hm.get("year").line, f"{hp}.year", HISTORY_YEAR())
        history.append(HistoryField(key, rd.text(hm, "label", hp), year))
    variants = []
    vnode = m.get("variants")
    if vnode is not None:
        vm = rd.map(vnode, f"{path}.variants", m.line)
        for gtype, vtext in (vm.items.items() if vm else []):
            if gtype not in group_types:
                rd.problem(vm.key_lines[gtype], f"{path}.variants",
                           NOT_A_GROUP_TYPE_OF(gtype, '、'.join(group_types) or UNDEFINED()))
            if not isinstance(vtext, YScalar) or not vtext.value.strip():
                rd.problem(vm.key_lines[gtype], f"{path}.variants.{gtype}", VARIANT_TEXT())
                continue
            variants.append(Variant(gtype, vtext.value.strip()))
    applies = tuple(t for t, _ in rd.texts(m, "group_types", path))
    for t in applies:
        if t not in group_types:
            rd.problem(m.get("group_types").line, f"{path}.group_types", NOT_A_GROUP_TYPE(t))
    if not code or points is None or rule is None:
        return None
    return Indicator(code=code, text=text, points=points, rule=rule,
                     standard=rd.text(m, "standard", path, required=False), targets=targets, scope=scope,
                     methods=methods, evidence=tuple(t for t, _ in rd.texts(m, "evidence", path)),
                     area_code=area_code, group_code=group_code, history=tuple(history), variants=tuple(variants),
                     group_types=applies, placeholder=rd.boolean(m, "placeholder", path), line=m.line,
                     points_open=points_open)


def _scope(rd: Reader, m: YMap, path: str) -> Scope:
    node = m.get("scope")
    if node is None:
        return Scope()
    if isinstance(node, YScalar):
        if node.value == "group":
            return Scope()
        if node.value == "per_school":
            return Scope(per_school=True)
        rd.problem(node.line, f"{path}.scope", SCOPE_FORM())
        return Scope()
    sm = rd.map(node, f"{path}.scope", m.line)
    if sm is None:
        return Scope()
    rd.keys(sm, {"per_school", "note"}, f"{path}.scope")
    agg = rd.choice(sm, "per_school", f"{path}.scope", tuple(AGGREGATES))
    return Scope(per_school=True, aggregate=agg or "mean", note=rd.text(sm, "note", f"{path}.scope", required=False))


def _grades(rd: Reader, top: YMap, status: str | None = "complete") -> GradeScheme | None:
    node = top.get("grades")
    if node is None:
        rd.problem(top.line, "grades", NO_GRADES())
        return None
    if isinstance(node, YMap):
        rd.keys(node, {"decided_by", "labels"}, "grades")
        # A template may leave even the grade names to the bureau (001 names none).
        labels = tuple(t for t, _ in rd.texts(node, "labels", "grades", required=status != "template"))
        who = rd.text(node, "decided_by", "grades")
        if not labels and status != "template":
            if "labels" in node.items:
                rd.problem(node.get("labels").line, "grades.labels", NO_GRADE())
            return None
        return GradeScheme(tuple(GradeBand(lbl, None, None) for lbl in labels), decided_by=who)
    bands: list[tuple[GradeBand, int]] = []
    for _, p, m in rd.maps(top, "grades", ""):
        rd.keys(m, {"label", "min", "max"}, p)
        band = GradeBand(rd.text(m, "label", p), rd.decimal(m, "min", p, required=False),
                         rd.decimal(m, "max", p, required=False))
        if band.min is not None and band.max is not None and band.min >= band.max:
            rd.problem(m.line, p, MIN_BELOW_MAX(fmt_points(band.min), fmt_points(band.max)))
        bands.append((band, m.line))
    if not bands:
        rd.problem(top.get("grades").line, "grades", NO_GRADE())
        return None
    labels = [b.label for b, _ in bands]
    for label in {x for x in labels if labels.count(x) > 1}:
        rd.problem(top.get("grades").line, "grades", GRADE_TWICE(label))
    # Bands are written from the best down; each must start where the next one ends.
    if bands[0][0].max is not None:
        rd.problem(bands[0][1], "grades[0].max", TOP_NO_MAX())
    if bands[-1][0].min not in (None, Decimal(0)):
        rd.problem(bands[-1][1], f"grades[{len(bands) - 1}].min", LOWEST_FROM_ZERO())
    for k in range(1, len(bands)):
        upper, lower = bands[k - 1], bands[k]
        if upper[0].min is None:
            rd.problem(upper[1], f"grades[{k - 1}].min", ONLY_LOWEST_NO_MIN())
            continue
        if lower[0].max is None:
            rd.problem(lower[1], f"grades[{k}].max", ONLY_TOP_NO_MAX())
            continue
        if lower[0].max < upper[0].min:
            rd.problem(lower[1], f"grades[{k}].max",
                       GRADES_GAP(fmt_points(lower[0].max), fmt_points(upper[0].min)))
        elif lower[0].max > upper[0].min:
            rd.problem(lower[1], f"grades[{k}].max",
                       GRADES_OVERLAP(fmt_points(upper[0].min), fmt_points(lower[0].max), upper[0].label,
                                      lower[0].label))
    return GradeScheme(tuple(b for b, _ in bands))


def _vetoes(rd: Reader, top: YMap) -> tuple[Veto, ...]:
    result = []
    for _, p, m in rd.maps(top, "veto", "", required=False):
        rd.keys(m, {"key", "text", "effect"}, p)
        key = rd.text(m, "key", p)
        if key and not KEY_RE.match(key):
            rd.problem(m.line, f"{p}.key", KEY_CHARACTERS())
        effect = rd.text(m, "effect", p, required=False) or "fail"
        if effect not in VETO_EFFECTS:
            rd.problem(m.get("effect").line, f"{p}.effect", VETO_EFFECT())
        result.append(Veto(key, rd.text(m, "text", p), effect))
    return tuple(result)


def _composite(rd: Reader, top: YMap, area_codes: set[str]) -> Composite | None:
    node = top.get("composite")
    if node is None:
        return None
    m = rd.map(node, "composite", top.line)
    if m is None:
        return None
    rd.keys(m, {"parts", "note"}, "composite")
    parts = []
    for _, p, pm in rd.maps(m, "parts", "composite"):
        rd.keys(pm, {"key", "label", "weight", "areas"}, p)
        areas = tuple(t for t, _ in rd.texts(pm, "areas", p, required=True))
        for a in areas:
            if a not in area_codes:
                rd.problem(pm.get("areas").line, f"{p}.areas", NO_SUCH_AREA(a))
        weight = rd.decimal(pm, "weight", p, maximum=Decimal(1))
        parts.append(CompositePart(rd.text(pm, "key", p), rd.text(pm, "label", p), weight or Decimal(0), areas))
    total = sum((x.weight for x in parts), Decimal(0))
    if parts and total != 1:
        rd.problem(m.get("parts").line, "composite.parts", WEIGHTS_SUM(fmt_points(total)))
    return Composite(tuple(parts), rd.text(m, "note", "composite", required=False))
