"""The answers file of `inspector score`: a group's inputs to every indicator's rule.

YAML (or JSON, which YAML reads too):

    rubric: suizhou-jlt          # optional; must match the rubric scored
    group_type: 融合型            # optional; picks variants and applicability
    schools:
      - {id: s1, name: 第四中学, role: lead}
      - {id: s2, name: 镇罗校区, role: member}
    answers:
      C6: {met: true}            # scored once for the group
      C20:                       # scored per school: one map per school id
        s1: {value: 92}
        s2: {value: "８５"}
    veto: {major_incident: false}
"""
from __future__ import annotations

from pathlib import Path

from inspector_app.rubric.model import Rubric
from inspector_app.rubric.yamlnodes import CANNOT_READ, FILE, ROOT_FIELD
from inspector_app.rubric.yamlnodes import Problem, YamlFileError, YMap, YNode, YScalar, YSeq, parse_yaml_bytes
from inspector_app.scoring.engine import AnswerError, Scorer
from inspector_app.scoring.school import School
from inspector_app.said import Said

NOT_A_MAP = Said("应为键值表", "must be a table of keys and values")
UNKNOWN_ANSWERS_KEY = Said("未知的键；可用: rubric, group_type, schools, answers, veto",
                           "unknown key; can be used: rubric, group_type, schools, answers, veto")
OTHER_RUBRIC = Said("答卷属于 “{0}”，而评分用的是 “{1}”", "the answers belong to “{0}”, but the scoring uses “{1}”")
NOT_A_GROUP_TYPE = Said("“{0}” 不是本指标的集团类型；可用: {1}", "“{0}” is not a group type of this rubric; can be used: {1}")
SCHOOL_FORM = Said("应为 {id, name, role}", "must be {{id, name, role}}")  # the English is formatted: braces doubled
SCHOOL_ID_ROLE = Said("需要 id，且 role 为 lead 或 member", "needs an id, and role must be lead or member")
SCHOOL_ID_TWICE = Said("学校编号 {0} 重复", "school id {0} is used twice")
NOT_SCHOOLS = Said("应为学校列表", "must be a list of schools")
NOT_ANSWERS = Said("应为 指标编号: 输入 的键值表", "must be a table of indicator code: inputs")
NO_SUCH_INDICATOR = Said("本指标体系中没有指标 {0}", "this rubric has no indicator {0}")
NOT_SCHOOL_INPUTS = Said("应为该校的输入键值表", "must be a table of that school's inputs")


class AnswersError(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def plain(node: YNode) -> object:
    """Located node to plain Python (strings stay strings; rules parse them)."""
    if isinstance(node, YScalar):
        return node.value
    if isinstance(node, YSeq):
        return [plain(n) for n in node.items]
    return {k: plain(v) for k, v in node.items.items()}


def load_answers(path: Path | str, rubric: Rubric) -> Scorer:
    path = Path(path)
    name = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise AnswersError([Problem(name, 0, FILE(), CANNOT_READ(exc.strerror or exc))]) from exc
    try:
        root = parse_yaml_bytes(raw, name)
    except YamlFileError as exc:
        raise AnswersError(exc.problems) from exc
    problems: list[Problem] = []

    def problem(line: int, field: str, message: str) -> None:
        problems.append(Problem(name, line, field, message))

    if not isinstance(root, YMap):
        raise AnswersError([Problem(name, 1, ROOT_FIELD(), NOT_A_MAP())])
    for key, line in root.key_lines.items():
        if key not in {"rubric", "group_type", "schools", "answers", "veto"}:
            problem(line, key, UNKNOWN_ANSWERS_KEY())
    rid = root.get("rubric")
    if isinstance(rid, YScalar) and rid.value and rid.value != rubric.id:
        problem(rid.line, "rubric", OTHER_RUBRIC(rid.value, rubric.id))
    gtype = root.get("group_type")
    group_type = gtype.value if isinstance(gtype, YScalar) and gtype.value else None
    if group_type and rubric.group_types and group_type not in rubric.group_types:
        problem(gtype.line, "group_type", NOT_A_GROUP_TYPE(group_type, '、'.join(rubric.group_types)))
    schools: list[School] = []
    snode = root.get("schools")
    if isinstance(snode, YSeq):
        for i, item in enumerate(snode.items):
            if not isinstance(item, YMap):
                problem(item.line, f"schools[{i}]", SCHOOL_FORM())
                continue
            data = plain(item)
            sid, sname, role = (str(data.get(k, "")).strip() for k in ("id", "name", "role"))
            if not sid or role not in ("lead", "member"):
                problem(item.line, f"schools[{i}]", SCHOOL_ID_ROLE())
                continue
            if any(s.id == sid for s in schools):
                problem(item.line, f"schools[{i}].id", SCHOOL_ID_TWICE(sid))
                continue
            schools.append(School(sid, sname or sid, role))
    elif snode is not None:
        problem(snode.line, "schools", NOT_SCHOOLS())
    scorer = Scorer(rubric, schools, group_type)
    answers = root.get("answers")
    if answers is not None and not isinstance(answers, YMap):
        problem(answers.line, "answers", NOT_ANSWERS())
    elif isinstance(answers, YMap):
        for code, node in answers.items.items():
            line = answers.key_lines[code]
            if not rubric.has_indicator(code):
                problem(line, f"answers.{code}", NO_SUCH_INDICATOR(code))
                continue
            if not isinstance(node, YMap):
                problem(node.line, f"answers.{code}", NOT_A_MAP())
                continue
            ind = rubric.indicator(code)
            items = node.items.items() if ind.scope.per_school else [(None, node)]
            for school, value in items:
                where = f"answers.{code}" + (f".{school}" if school else "")
                if not isinstance(value, YMap):
                    problem(value.line, where, NOT_SCHOOL_INPUTS())
                    continue
                try:
                    scorer.set_answer(code, plain(value), school)
                except AnswerError as exc:
                    problem(value.line, where + (f".{exc.field_key}" if exc.field_key else ""), str(exc))
    veto = root.get("veto")
    if isinstance(veto, YMap):
        from inspector_app.numbers import NumberError, parse_bool
        for key, value in veto.items.items():
            try:
                scorer.set_veto(key, parse_bool(plain(value), what=f"否决项 {key}"))
            except (AnswerError, NumberError) as exc:
                problem(veto.key_lines[key], f"veto.{key}", str(exc))
    if problems:
        raise AnswersError(problems)
    return scorer
