"""Inspection plans: the rubric pinned by hash, groups, schools, experts, division of work, prior figures."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from inspector_app.numbers import NumberError, fmt_points, parse_decimal, stored_points
from inspector_app.rubric.loader import load_rubric_bytes
from inspector_app.rubric.model import Rubric
from inspector_app.rubric.readiness import scoring_refusal
from inspector_app.scoring.school import School
from inspector_app.store.db import Store, StoreError, now
from inspector_app.store.history import record
from inspector_app.said import Said

PUBLICITY_START = Said("公示开始日期", "the publicity start date")
PUBLICITY_END = Said("公示截止日期", "the publicity end date")
RECTIFICATION_DUE = Said("整改报告截止日期", "the due date of the rectification report")
DATE_LIKE = Said("{0}应写成 2024-10-08 这样的日期，而不是 “{1}”", "{0} must be a date written like 2024-10-08, not “{1}”")
PUBLICITY_ENDS_FIRST = Said("公示截止日期早于开始日期", "the publicity ends before it starts")

PLAN_HAS_ERRORS = Said('考核计划有误：\n{0}',
                        'The inspection plan has errors:\n{0}')
PLAN_KEY_EMPTY = Said('考核计划的编号或名称为空；已有: {0}',
                       "The inspection's id or title is empty; there are: {0}")
NO_UNIQUE_PLAN = Said('找不到唯一的考核计划 “{0}”；已有: {1}',
                       'No single inspection “{0}”; there are: {1}')
GROUP_NAME_EMPTY = Said('集团名称为空；本计划的集团: {0}',
                         "The group's name is empty; this inspection's groups: {0}")
NO_UNIQUE_GROUP = Said('找不到唯一的集团 “{0}”；本计划的集团: {1}',
                        "No single group “{0}”; this inspection's groups: {1}")

RUBRIC_INSPECTION_USES_DATABASE = Said('考核计划 {0} 所用的指标体系不在数据库中',
                                        'The rubric that inspection {0} uses is not in the database')
INSPECTION_ID = Said('没有编号为 {0} 的考核计划',
                      'No inspection with id {0}')
DATA_FOLDER_HAS_INSPECTION = Said('数据文件夹中还没有考核计划。可以用 inspector demo 建立演示考核，或 inspector plan create 新建。',
                                   'The data folder has no inspection yet. Set up the demo inspection with inspector demo, or create one with inspector plan create.')
RUBRIC_DATABASE = Said('指标体系 {0} 不在数据库中',
                        'Rubric {0} is not in the database')

STAGES = ("自评", "初评", "复评", "复查")  # 复查: the follow-up of open 整改事项 (store/rectify_plans.py)
CONSENSUS = {"mean": "取平均分", "median": "取中位数", "lead": "由组长决定并写明理由"}
SCHOOL_KINDS = ("小学", "初中", "九年制", "高中", "完全中学", "幼儿园")  # 学段

# The problems validate_spec and duplicate_ids find in a plan (one a line of PLAN_HAS_ERRORS).
GROUP_ID_USED = Said("集团 “{0}” 的 id: 集团编号 {1} 已用于集团 “{2}”（编号在考核计划内须唯一）",
                     "group “{0}”, id: the group id {1} is already used by group “{2}” (ids must be unique within the inspection plan)")
SCHOOL_ID_USED = Said("集团 “{0}” 的学校 “{1}” 的 id: 学校编号 {2} 已用于集团 “{3}” 的学校 “{4}”"
                      "（学校编号在整个考核计划内须唯一，不同集团的学校也不能重复）",
                      "group “{0}”, school “{1}”, id: the school id {2} is already used by school “{4}” of group “{3}” "
                      "(school ids must be unique in the whole inspection plan, also across groups)")
EXPERT_ID_USED = Said("专家 “{0}” 的 id: 专家编号 {1} 已用于专家 “{2}”（编号在考核计划内须唯一）",
                      "expert “{0}”, id: the expert id {1} is already used by expert “{2}” (ids must be unique within the inspection plan)")
EXPERT_NAME_TWICE = Said("专家 “{0}” 的 name: 姓名重复（同名专家请加以区分，如“王专家（二中）”）",
                         "expert “{0}”, name: the name is used twice (tell experts of the same name apart, e.g. “Wang (No. 2 School)”)")
BAD_STAGE = Said("阶段应为 {0} 之一，而不是 “{1}”", "the round should be one of {0}, not “{1}”")
BAD_CONSENSUS = Said("合议规则应为 {0} 之一", "the consensus rule should be one of {0}")
NO_GROUP = Said("至少要有一个集团", "there must be at least one group")
ONE_LEAD_SCHOOL = Said("集团 “{0}” 应有且只有一所核心校（现有 {1} 所）",
                       "group “{0}” should have exactly one lead school (it has {1})")
BAD_SCHOOL_ROLE = Said("学校 “{0}” 的角色应为 lead 或 member", "the role of school “{0}” should be lead or member")
BAD_SCHOOL_KIND = Said("学校 “{0}” 的学段应为 {1} 之一，而不是 “{2}”", "school “{0}”: the school level should be one of {1}, not “{2}”")
BAD_GROUP_TYPE = Said("集团 “{0}” 的类型 “{1}” 不在指标体系的类型中（{2}）",
                      "the type “{1}” of group “{0}” is not one of the rubric's types ({2})")
BASELINE_NO_INDICATOR = Said("集团 “{0}” 的基数：没有指标 {1}", "group “{0}”, baselines: there is no indicator {1}")
SELF_SCORE_NO_INDICATOR = Said("集团 “{0}” 的自评分：没有指标 {1}", "group “{0}”, self-assessment scores: there is no indicator {1}")
SELF_SCORE_OF = Said("{0} {1} 自评分", "{0} {1} self-assessment score")
SELF_SCORE_OUTSIDE = Said("集团 “{0}” 指标 {1} 的自评分 {2} 超出 0–{3}",
                          "group “{0}”, indicator {1}: the self-assessment score {2} is outside 0–{3}")
NO_EXPERT = Said("至少要有一位专家", "there must be at least one expert")
SCHOOL_KIND_WORDS = (Said("小学", "primary school"), Said("初中", "junior secondary"), Said("九年制", "nine-year school"),
                     Said("高中", "senior secondary"), Said("完全中学", "complete secondary school"),
                     Said("幼儿园", "kindergarten"))


@dataclass
class SchoolSpec:
    name: str
    role: str  # lead | member
    kind: str = ""
    head_role: str = ""
    id: str = ""
    short_name: str = ""  # 镇罗校区 for narrow table heads; empty: the distinctive part of the name


@dataclass
class GroupSpec:
    name: str
    schools: list[SchoolSpec]
    group_type: str | None = None
    id: str = ""
    self_scores: dict[str, str] = field(default_factory=dict)  # indicator code -> points (group level)
    school_self_scores: dict[tuple[str, str], str] = field(default_factory=dict)  # (school id, code) -> points
    last_year: dict | None = None  # {"year", "total", "grade", "rank", "areas": {code: points}}
    prior_results: list[dict] = field(default_factory=list)  # earlier years, each shaped like last_year
    baselines: dict[str, dict[str, str]] = field(default_factory=dict)  # indicator -> history key -> value


@dataclass
class ExpertSpec:
    name: str
    role: str = "member"  # lead | member
    id: str = ""
    key_id: str | None = None
    public_key: bytes | None = None
    fingerprint: str | None = None
    assignments: list[tuple[str, str, str]] = field(default_factory=list)  # (group id|*, school id|*, code|*)
    # (age recipient, binding signature) from the expert's public key file; kept in the key store's trust
    # list (not here), it travels in the plan package beside the signing key
    encryption: tuple[str, str] | None = None


@dataclass
class PlanSpec:
    title: str
    school_year: str
    stage: str
    groups: list[GroupSpec]
    experts: list[ExpertSpec]
    consensus: str = "mean"
    spread_limit: str = "2"
    demo: bool = False
    id: str = ""
    publication: "Publication | None" = None
    encrypted: bool = False  # bundles encrypted to their recipients (the bureau's choice; plain otherwise)


@dataclass(frozen=True)
class Publication:
    """What the bureau sets for publishing results and asking for rectification reports."""
    issuing_body: str = ""  # 发布单位, e.g. 沙坡头区教育局
    publicity_start: str = ""  # 公示期, ISO dates
    publicity_end: str = ""
    objection_channel: str = ""  # 异议受理：电话、邮箱、地址
    rectification_due: str = ""  # 整改报告报送截止日期, ISO date

    FIELDS = ("issuing_body", "publicity_start", "publicity_end", "objection_channel", "rectification_due")

    def problems(self) -> list[str]:
        import datetime as _dt
        out = []
        for key, label in (("publicity_start", PUBLICITY_START()), ("publicity_end", PUBLICITY_END()),
                           ("rectification_due", RECTIFICATION_DUE())):
            value = getattr(self, key)
            if value:
                try:
                    _dt.date.fromisoformat(value)
                except ValueError:
                    out.append(DATE_LIKE(label, value))
        if self.publicity_start and self.publicity_end and self.publicity_end < self.publicity_start:
            out.append(PUBLICITY_ENDS_FIRST())
        return out


@dataclass(frozen=True)
class Group:
    id: str
    plan_id: str
    name: str
    group_type: str | None
    schools: tuple[School, ...]

    def school(self, school_id: str) -> School:
        for s in self.schools:
            if s.id == school_id:
                return s
        raise KeyError(school_id)


@dataclass(frozen=True)
class Plan:
    id: str
    title: str
    rubric_hash: str
    school_year: str
    stage: str
    consensus: str
    spread_limit: Decimal
    demo: bool
    export_location: bool
    created_at: str
    publication: Publication = Publication()
    encrypted: bool = False


def start_year(school_year: str) -> int:
    """"2023—2024" → 2023: the year a school year starts in (0 when it names none)."""
    import re
    found = re.search(r"\d{4}", school_year or "")
    return int(found.group()) if found else 0


def new_id() -> str:
    return os.urandom(8).hex()  # 64 random bits, as 16 hex digits (uuid costs its import at start)


def store_rubric(store: Store, rubric: Rubric) -> None:
    """Pin the rubric's exact bytes in the database so the plan stays scorable if the file changes."""
    if store.conn.execute("SELECT 1 FROM rubrics WHERE hash = ?", (rubric.content_hash,)).fetchone():
        return
    source = Path(rubric.path).read_bytes()
    store.conn.execute("INSERT OR IGNORE INTO rubrics (hash, id, version, title, source) VALUES (?, ?, ?, ?, ?)",
                       (rubric.content_hash, rubric.id, rubric.version, rubric.title, source))


def store_rubric_bytes(store: Store, source: bytes, name: str) -> Rubric:
    rubric = load_rubric_bytes(source, name)
    store.conn.execute("INSERT OR IGNORE INTO rubrics (hash, id, version, title, source) VALUES (?, ?, ?, ?, ?)",
                       (rubric.content_hash, rubric.id, rubric.version, rubric.title, source))
    return rubric


_rubric_cache: dict[str, Rubric] = {}


def plan_rubric(store: Store, plan: Plan) -> Rubric:
    cached = _rubric_cache.get(plan.rubric_hash)
    if cached is not None:
        return cached
    row = store.conn.execute("SELECT source, id FROM rubrics WHERE hash = ?", (plan.rubric_hash,)).fetchone()
    if row is None:
        raise StoreError(RUBRIC_INSPECTION_USES_DATABASE(plan.title))
    rubric = load_rubric_bytes(bytes(row[0]), f"{row[1]}（{plan.rubric_hash[:12]}）",
                               cache=store.data_dir / "cache" / "rubrics")
    _rubric_cache[plan.rubric_hash] = rubric
    return rubric


def duplicate_ids(spec: PlanSpec) -> list[str]:
    """Ids are unique within a plan: group ids, school ids (across all groups), expert ids and names."""
    problems = []
    groups_by_id: dict[str, str] = {}
    schools_by_id: dict[str, tuple[str, str]] = {}
    for g in spec.groups:
        if g.id and g.id in groups_by_id:
            problems.append(GROUP_ID_USED(g.name, g.id, groups_by_id[g.id]))
        groups_by_id.setdefault(g.id, g.name)
        for s in g.schools:
            if s.id and s.id in schools_by_id:
                where, name = schools_by_id[s.id]
                problems.append(SCHOOL_ID_USED(g.name, s.name, s.id, where, name))
            schools_by_id.setdefault(s.id, (g.name, s.name))
    experts_by_id: dict[str, str] = {}
    names: set[str] = set()
    for e in spec.experts:
        if e.id and e.id in experts_by_id:
            problems.append(EXPERT_ID_USED(e.name, e.id, experts_by_id[e.id]))
        experts_by_id.setdefault(e.id, e.name)
        if e.name in names:
            problems.append(EXPERT_NAME_TWICE(e.name))
        names.add(e.name)
    return problems


def validate_spec(spec: PlanSpec, rubric: Rubric) -> list[str]:
    problems = []
    if spec.stage not in STAGES:
        problems.append(BAD_STAGE('、'.join(STAGES), spec.stage))
    if spec.consensus not in CONSENSUS:
        problems.append(BAD_CONSENSUS(', '.join(CONSENSUS)))
    if not spec.groups:
        problems.append(NO_GROUP())
    for g in spec.groups:
        leads = [s for s in g.schools if s.role == "lead"]
        if len(leads) != 1:
            problems.append(ONE_LEAD_SCHOOL(g.name, len(leads)))
        for s in g.schools:
            if s.role not in ("lead", "member"):
                problems.append(BAD_SCHOOL_ROLE(s.name))
            if s.kind and s.kind not in SCHOOL_KINDS:
                problems.append(BAD_SCHOOL_KIND(s.name, '、'.join(SCHOOL_KINDS), s.kind))
        if g.group_type and rubric.group_types and g.group_type not in rubric.group_types:
            problems.append(BAD_GROUP_TYPE(g.name, g.group_type, '、'.join(rubric.group_types)))
        for code in g.baselines:
            if not rubric.has_indicator(code):
                problems.append(BASELINE_NO_INDICATOR(g.name, code))
        for _school, code, value in _self_score_rows(g):
            if not rubric.has_indicator(code):
                problems.append(SELF_SCORE_NO_INDICATOR(g.name, code))
                continue
            try:
                points = parse_decimal(value, what=SELF_SCORE_OF(g.name, code))
            except NumberError as exc:
                problems.append(str(exc))
                continue
            if not 0 <= points <= rubric.indicator(code).points:
                problems.append(SELF_SCORE_OUTSIDE(g.name, code, value, fmt_points(rubric.indicator(code).points)))
    if not spec.experts:
        problems.append(NO_EXPERT())
    problems += duplicate_ids(spec)
    if spec.publication is not None:
        problems += spec.publication.problems()
    return problems


def create_plan(store: Store, rubric: Rubric, spec: PlanSpec, *, actor: str = "", issuer_key_id: str = "") -> Plan:
    """`issuer_key_id`: the key that issued the plan (the bureau's); only it signs the plan's packages.
    A template rubric is refused (rubric/readiness.py): its scores would mean nothing."""
    refusal = scoring_refusal(rubric)
    if refusal:
        raise StoreError(refusal)
    problems = validate_spec(spec, rubric)
    if problems:
        raise StoreError(PLAN_HAS_ERRORS("\n".join(problems)))
    plan_id = spec.id or new_id()
    with store.tx():
        store_rubric(store, rubric)
        store.conn.execute(
            "INSERT INTO plans (id, title, rubric_hash, school_year, stage, consensus, spread_limit, demo, created_at,"
            " issuer_key_id, encrypted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (plan_id, spec.title, rubric.content_hash, spec.school_year, spec.stage, spec.consensus,
             spec.spread_limit, int(spec.demo), now(), issuer_key_id, int(spec.encrypted)))
        if spec.publication is not None:
            _write_publication(store, plan_id, spec.publication)
        for gi, g in enumerate(spec.groups):
            gid = g.id or new_id()
            store.conn.execute("INSERT INTO groups (id, plan_id, name, group_type, position) VALUES (?, ?, ?, ?, ?)",
                               (gid, plan_id, g.name, g.group_type, gi))
            for si, s in enumerate(g.schools):
                store.conn.execute(
                    "INSERT INTO schools (id, plan_id, group_id, name, role, kind, head_role, position, short_name)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (s.id or new_id(), plan_id, gid, s.name, s.role, s.kind,
                                                            s.head_role, si, s.short_name))
            for school_id, code, value in _self_score_rows(g):
                store.conn.execute("INSERT OR REPLACE INTO self_scores (plan_id, group_id, school_id, indicator, points)"
                                   " VALUES (?, ?, ?, ?, ?)", (plan_id, gid, school_id, code,
                                                               stored_points(parse_decimal(value))))
            for ly in ([g.last_year] if g.last_year else []) + list(g.prior_results):
                store.conn.execute(
                    "INSERT OR REPLACE INTO prior_results (plan_id, group_id, year, total, grade, rank, areas)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (plan_id, gid, str(ly.get("year", "")), _s(ly.get("total")), ly.get("grade"), ly.get("rank"),
                     json.dumps({k: str(v) for k, v in (ly.get("areas") or {}).items()}, ensure_ascii=False)))
            for code, values in g.baselines.items():
                ind = rubric.indicator(code)
                years = {h.key: h.year for h in ind.history}
                for key, value in values.items():
                    store.conn.execute("INSERT INTO baselines (plan_id, group_id, indicator, key, year, value) "
                                       "VALUES (?, ?, ?, ?, ?, ?)", (plan_id, gid, code, key, years.get(key, ""), str(value)))
        for e in spec.experts:
            eid = e.id or new_id()
            store.conn.execute(
                "INSERT INTO experts (id, plan_id, name, role, key_id, public_key, fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (eid, plan_id, e.name, e.role, e.key_id, e.public_key, e.fingerprint))
            for gid, sid, code in e.assignments or [("*", "*", "*")]:
                store.conn.execute("INSERT OR IGNORE INTO assignments (plan_id, expert_id, group_id, school_id, indicator)"
                                   " VALUES (?, ?, ?, ?, ?)", (plan_id, eid, gid, sid, code))
        record(store, actor, plan_id, "plan", {"plan": plan_id}, "created", None, spec.title)
    return get_plan(store, plan_id)


def _self_score_rows(g: GroupSpec) -> list[tuple[str, str, str]]:
    """(school id, code, points) for the group-level ("" school) and per-school self-evaluation scores."""
    return [("", code, v) for code, v in g.self_scores.items()] + [
        (school, code, v) for (school, code), v in g.school_self_scores.items()]


def _s(value) -> str | None:
    return None if value is None else str(value)


def _plan(row) -> Plan:
    return Plan(row[0], row[1], row[2], row[3], row[4], row[5], Decimal(row[6]), bool(row[7]), bool(row[8]), row[9],
                Publication(*row[10:15]), bool(row[15]))


_PLAN_COLS = ("id, title, rubric_hash, school_year, stage, consensus, spread_limit, demo, export_location, created_at,"
              " issuing_body, publicity_start, publicity_end, objection_channel, rectification_due, encrypted")


def _write_publication(store: Store, plan_id: str, pub: Publication) -> None:
    store.conn.execute("UPDATE plans SET issuing_body = ?, publicity_start = ?, publicity_end = ?,"
                       " objection_channel = ?, rectification_due = ? WHERE id = ?",
                       tuple(getattr(pub, k).strip() for k in Publication.FIELDS) + (plan_id,))


def set_publication(store: Store, plan: Plan, pub: Publication, actor: str = "") -> Plan:
    """The bureau sets (or corrects) what it publishes with the results; every change is in the history."""
    problems = pub.problems()
    if problems:
        raise StoreError("；".join(problems))
    with store.tx():
        _write_publication(store, plan.id, pub)
        for key in Publication.FIELDS:
            old, new = getattr(plan.publication, key), getattr(pub, key).strip()
            if old != new:
                record(store, actor, plan.id, "plan", {"plan": plan.id}, key, old, new)
    return get_plan(store, plan.id)


def get_plan(store: Store, plan_id: str) -> Plan:
    row = store.conn.execute(f"SELECT {_PLAN_COLS} FROM plans WHERE id = ?", (plan_id,)).fetchone()
    if row is None:
        raise StoreError(INSPECTION_ID(plan_id))
    return _plan(row)


def list_plans(store: Store) -> list[Plan]:
    return [_plan(r) for r in store.conn.execute(f"SELECT {_PLAN_COLS} FROM plans ORDER BY created_at DESC, rowid DESC")]


def find_plan(store: Store, key: str | None) -> Plan:
    """By id or id prefix or exact title; None picks the only (or newest) plan."""
    plans = list_plans(store)
    if not plans:
        raise StoreError(DATA_FOLDER_HAS_INSPECTION())
    if key is None:
        return plans[0]
    if not key.strip():
        raise StoreError(PLAN_KEY_EMPTY("；".join(f"{p.id} {p.title}" for p in plans)))
    hits = [p for p in plans if p.id == key or p.title == key] or [p for p in plans if p.id.startswith(key)]
    if len(hits) != 1:
        raise StoreError(NO_UNIQUE_PLAN(key, "；".join(f"{p.id} {p.title}" for p in plans)))
    return hits[0]


def _school_of(row) -> School:
    id_, group_id, name, role, kind, head_role, short_name = row
    return School(id_, name, role, kind, head_role, short_name, group_id)


def groups(store: Store, plan_id: str) -> list[Group]:
    """Every group of the plan with its schools, in two queries whatever the plan's size."""
    by_group: dict[str, list[School]] = {}
    for r in store.conn.execute(
            "SELECT id, group_id, name, role, kind, head_role, short_name FROM schools WHERE plan_id = ? "
            "ORDER BY group_id, role = 'member', position, name", (plan_id,)):
        by_group.setdefault(r[1], []).append(_school_of(r))
    return [Group(gid, pid, name, gtype, tuple(by_group.get(gid, ())))
            for gid, pid, name, gtype in store.conn.execute(
                "SELECT id, plan_id, name, group_type FROM groups WHERE plan_id = ? ORDER BY position, name",
                (plan_id,))]


def group_by_id(store: Store, plan_id: str, group_id: str) -> Group | None:
    """One group by its id, reading only its own rows (the merge asks once per bundle)."""
    row = store.conn.execute("SELECT id, plan_id, name, group_type FROM groups WHERE plan_id = ? AND id = ?",
                             (plan_id, group_id)).fetchone()
    if row is None:
        return None
    schools = tuple(_school_of(r) for r in store.conn.execute(
        "SELECT id, group_id, name, role, kind, head_role, short_name FROM schools WHERE plan_id = ? AND group_id = ? "
        "ORDER BY role = 'member', position, name", (plan_id, group_id)))
    return Group(row[0], row[1], row[2], row[3], schools)


def get_group(store: Store, plan_id: str, key: str) -> Group:
    all_groups = groups(store, plan_id)
    if not key.strip():  # an empty name is contained in every name: it must match none
        raise StoreError(GROUP_NAME_EMPTY("、".join(g.name for g in all_groups)))
    hits = [g for g in all_groups if g.id == key or g.name == key] or [g for g in all_groups if key in g.name]
    if len(hits) != 1:
        raise StoreError(NO_UNIQUE_GROUP(key, "、".join(g.name for g in all_groups)))
    return hits[0]


def rubric_source(store: Store, rubric_hash: str) -> bytes:
    """The exact bytes of a pinned rubric file."""
    row = store.conn.execute("SELECT source FROM rubrics WHERE hash = ?", (rubric_hash,)).fetchone()
    if row is None:
        raise StoreError(RUBRIC_DATABASE(rubric_hash[:12]))
    return bytes(row[0])


def self_scores(store: Store, plan_id: str, group_id: str) -> dict[tuple[str, str], Decimal]:
    return {(r[0], r[1]): Decimal(r[2]) for r in store.conn.execute(
        "SELECT school_id, indicator, points FROM self_scores WHERE plan_id = ? AND group_id = ?", (plan_id, group_id))}


def baselines(store: Store, plan_id: str, group_id: str) -> dict[str, dict[str, str]]:
    result: dict[str, dict[str, str]] = {}
    for code, key, value in store.conn.execute(
            "SELECT indicator, key, value FROM baselines WHERE plan_id = ? AND group_id = ?", (plan_id, group_id)):
        result.setdefault(code, {})[key] = value
    return result


def prior_results(store: Store, plan_id: str, group_id: str) -> list[dict]:
    return [{"year": r[0], "total": r[1], "grade": r[2], "rank": r[3], "areas": json.loads(r[4])}
            for r in store.conn.execute("SELECT year, total, grade, rank, areas FROM prior_results "
                                        "WHERE plan_id = ? AND group_id = ? ORDER BY year DESC", (plan_id, group_id))]
