"""Entries: one per expert × school × indicator, saved the moment they are typed.

An entry holds the rule's inputs, the evidence ticks, the methods used, the
note, and the points the rule computes from the inputs (with the explanation),
so reports and bundles never need to rescore to know what an expert gave.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Callable

from inspector_app.numbers import stored_points
from inspector_app.rubric.model import METHODS, Indicator, Rubric
from inspector_app.rubric.readiness import scoring_refusal
from inspector_app.scoring.engine import Scorer, targeted_schools
from inspector_app.rubric.rules import OVERRIDE_REASON, InputError, not_applicable_reason
from inspector_app.store.db import Store, now
from inspector_app.store.experts import is_assigned
from inspector_app.store.history import Encoded, record, record_many
from inspector_app.store.plans import Group, Plan
from inspector_app.store.text import text_problem
from inspector_app.said import Said

WITHHOLDING_NEEDS_REASON = Said('认定取消资格须写明查实的事实和理由',
                                 'Withholding eligibility needs the facts established and the reason written down')
VETO_NEEDS_REASON = Said('认定一票否决须写明事实和理由',
                          'Applying a veto needs the facts and the reason written down')

RUBRIC_HAS_INDICATOR = Said('指标体系中没有指标 {0}',
                             'The rubric has no indicator {0}')
NOTE_TOO_LONG_CHARACTERS = Said('{0}: 备注过长（{1} 字，最多 {2} 字）',
                                 '{0}: the note is too long ({1} characters, at most {2})')
VETO_DOES_EXIST = Said('否决项 “{0}” 不存在',
                        'Veto "{0}" does not exist')
REASON_VETO = Said('否决项理由{0}',
                    'Reason for the veto: {0}')
INDICATOR_SCORED_SCHOOL_SCHOOL = Said('指标 {0} 逐校评分，须选择本集团的考核对象学校（{1}）',
                                       "Indicator {0} is scored school by school: choose one of the group's schools ({1})")
INDICATOR_SCORED_GROUP_WHOLE = Said('指标 {0} 按集团整体评分，不分学校',
                                     'Indicator {0} is scored for the group as a whole, not by school')
EVIDENCE_LIST_HAS = Said('{0}: 佐证材料清单中没有 “{1}”',
                          '{0}: the evidence list has no "{1}"')
WAY_ASSESSING = Said('{0}: “{1}” 不是评价方式',
                      '{0}: "{1}" is not a way of assessing')

GROUP = ""  # school_id of entries scored once for the whole group
TRANSCRIBED = "代录"  # an entry typed from another expert's paper sheet
MAX_NOTE = 200_000


class EntryError(ValueError):
    """A value that cannot be saved; names the indicator, school and field."""

    def __init__(self, message: str, field_key: str = ""):
        super().__init__(message)
        self.field_key = field_key


@dataclass(frozen=True)
class Entry:
    plan_id: str
    group_id: str
    expert_id: str
    school_id: str
    indicator: str
    inputs: dict[str, Any]
    evidence: tuple[str, ...]
    methods: tuple[str, ...]
    note: str
    points: Decimal | None
    explanation: tuple[str, ...]
    updated_at: str
    typed_by: str = ""  # another expert who typed this one from a paper sheet (代录); "" when the expert did
    source: str = ""  # the bundle it was merged from; "" when typed on this laptop

    @property
    def transcribed(self) -> bool:
        return bool(self.typed_by) and self.typed_by != self.expert_id

    @property
    def done(self) -> bool:
        """Done (已评) as stored: see `is_done`."""
        return is_done(self.points, bool(not_applicable_reason(self.inputs)))

    @property
    def key(self) -> dict:
        return {"plan": self.plan_id, "group": self.group_id, "expert": self.expert_id,
                "school": self.school_id, "indicator": self.indicator}


def is_done(points: Decimal | None, not_applicable: bool) -> bool:
    """The one rule for what counts as done (已评) at a place: it has points, or it was answered 不适用
    (no points, and nothing missing). Every count of progress uses it, on stored entries or live outcomes."""
    return points is not None or not_applicable


def jsonable_inputs(values: dict[str, Any]) -> dict[str, Any]:
    """A rule's typed inputs as stored: Decimals as text, absent values left out."""
    return {k: (str(v) if isinstance(v, Decimal) else v) for k, v in values.items() if v is not None}


def _row(r) -> Entry:
    return Entry(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), tuple(json.loads(r[6])), tuple(json.loads(r[7])),
                 r[8], None if r[9] is None else Decimal(r[9]), tuple(json.loads(r[10])), r[11], r[12], r[13])


_COLS = ("plan_id, group_id, expert_id, school_id, indicator, inputs, evidence, methods, note, points, explanation,"
         " updated_at, typed_by, source")


def get_entry(store: Store, plan_id: str, group_id: str, expert_id: str, school_id: str, code: str) -> Entry | None:
    row = store.conn.execute(
        f"SELECT {_COLS} FROM entries WHERE plan_id = ? AND group_id = ? AND expert_id = ? AND school_id = ? AND indicator = ?",
        (plan_id, group_id, expert_id, school_id, code)).fetchone()
    return _row(row) if row else None


def entries(store: Store, plan_id: str, group_id: str | None = None, expert_id: str | None = None) -> list[Entry]:
    sql, args = f"SELECT {_COLS} FROM entries WHERE plan_id = ?", [plan_id]
    if group_id:
        sql += " AND group_id = ?"
        args.append(group_id)
    if expert_id:
        sql += " AND expert_id = ?"
        args.append(expert_id)
    return [_row(r) for r in store.conn.execute(sql + " ORDER BY id", args)]


def scored(store: Store, plan_id: str, group_id: str) -> list[tuple[str, str, str, Decimal | None, str, tuple[str, ...],
                                                                    str, str]]:
    """(expert, school, indicator, points, note, explanation, not-applicable reason, override reason) of every
    entry of a group: what the panel's score needs, without reading evidence and methods (the results read
    this for every group; the stored texts repeat, each distinct one is parsed once)."""
    return [(r[0], r[1], r[2], None if r[3] is None else Decimal(r[3]), r[4], _explanation(r[5]), *_input_facts(r[6]))
            for r in store.conn.execute(
        "SELECT expert_id, school_id, indicator, points, note, explanation, inputs FROM entries"
        " WHERE plan_id = ? AND group_id = ? ORDER BY id", (plan_id, group_id))]


@functools.lru_cache(maxsize=4096)  # a few MB at most, in a long merge too
def _explanation(text: str) -> tuple[str, ...]:
    return tuple(json.loads(text))


@functools.lru_cache(maxsize=4096)  # a few MB at most, in a long merge too
def _input_facts(text: str) -> tuple[str, str]:
    """(why the inputs say 不适用, the reason given for overriding the points), "" when they do not."""
    inputs = json.loads(text)
    return not_applicable_reason(inputs), str(inputs.get(OVERRIDE_REASON) or "")


def who_scored(store: Store, plan_id: str, group_id: str) -> list[tuple[str, str, str]]:
    """(indicator, expert, typist) of a group's entries, each once, without reading their contents."""
    return [tuple(r) for r in store.conn.execute(
        "SELECT DISTINCT indicator, expert_id, typed_by FROM entries WHERE plan_id = ? AND group_id = ?",
        (plan_id, group_id))]


def check_place(rubric: Rubric, group: Group, school_id: str, code: str) -> Indicator:
    if not rubric.has_indicator(code):
        raise EntryError(RUBRIC_HAS_INDICATOR(code))
    ind = rubric.indicator(code)
    if ind.scope.per_school:
        targets = {s.id for s in targeted_schools(ind, group.schools)}
        if school_id not in targets:
            names = "、".join(s.name for s in group.schools if s.id in targets)
            raise EntryError(INDICATOR_SCORED_SCHOOL_SCHOOL(code, names))
    elif school_id != GROUP:
        raise EntryError(INDICATOR_SCORED_GROUP_WHOLE(code))
    return ind


def _check_texts(where: str, inputs: dict[str, Any] | None, evidence: list[str] | None,
                 methods: list[str] | None, note: str | None) -> None:
    """NUL, lone surrogates and over-long text refused, the field named, before anything is scored or saved."""
    fields: list[tuple[str, str, Any, int | None]] = [("note", "备注", note, MAX_NOTE)]
    fields += [("evidence", "佐证材料", v, MAX_NOTE) for v in evidence or []]
    fields += [("methods", "评价方式", v, MAX_NOTE) for v in methods or []]
    fields += [(k, f"输入项 {k}", v, MAX_NOTE) for k, v in (inputs or {}).items()]
    fields += [(k, "输入项名称", k, 200) for k in (inputs or {})]
    for key, label, value, limit in fields:
        if isinstance(value, str):
            problem = text_problem(value, limit)
            if problem:
                raise EntryError(f"{where}: {label}{problem}", key)


def set_entry(store: Store, plan: Plan, rubric: Rubric, group: Group, expert_id: str, school_id: str, code: str, *,
              inputs: dict[str, Any] | None = None, evidence: list[str] | None = None,
              methods: list[str] | None = None, note: str | None = None, merge: bool = True,
              typed_by: str = "") -> Entry:
    """Validate, score and save one entry in one transaction; return it as stored.

    `typed_by`: the local user when typing another expert's paper sheet (代录); the entry is then marked
    as theirs to sign, and the history names them as the one who typed it.

    With `merge`, `inputs` updates the stored inputs key by key (None removes a key):
    the window saves one field at a time.
    """
    refusal = scoring_refusal(rubric)  # a plan on a template (from an older version): nothing is scored on it
    if refusal:
        raise EntryError(refusal)
    ind = check_place(rubric, group, school_id, code)
    school_name = group.school(school_id).name if school_id else ""
    where = f"指标 {code}" + (f"（{school_name}）" if school_name else "")
    _check_texts(where, inputs, evidence, methods, note)
    old = get_entry(store, plan.id, group.id, expert_id, school_id, code)
    new_inputs = dict(old.inputs) if (old and merge) else {}
    if inputs is not None:
        for key, value in inputs.items():
            if value is None or (isinstance(value, str) and not value.strip() and key != "reason"):
                new_inputs.pop(key, None)
            else:
                new_inputs[key] = value
    try:
        typed = ind.rule.normalise(new_inputs)
        outcome = ind.rule.score(typed)
    except InputError as exc:
        raise EntryError(f"{where}: {exc}", exc.field_key) from exc
    if evidence is not None:
        unknown = [e for e in evidence if e not in ind.evidence]
        if unknown:
            raise EntryError(EVIDENCE_LIST_HAS(where, unknown[0]), "evidence")
    if methods is not None:
        unknown = [m for m in methods if m not in METHODS]
        if unknown:
            raise EntryError(WAY_ASSESSING(where, unknown[0]), "methods")
    if note is not None and len(note) > MAX_NOTE:
        raise EntryError(NOTE_TOO_LONG_CHARACTERS(where, len(note), MAX_NOTE), "note")
    stored_inputs = jsonable_inputs(typed)
    values = {
        "inputs": stored_inputs,
        "evidence": list(evidence) if evidence is not None else list(old.evidence if old else []),
        "methods": list(methods) if methods is not None else list(old.methods if old else []),
        "note": note if note is not None else (old.note if old else ""),
    }
    points = stored_points(outcome.points)
    at = now()
    typist = typed_by if typed_by and typed_by != expert_id else ""
    actor, why = (typist, TRANSCRIBED) if typist else (expert_id, "")
    with store.tx():
        store.conn.execute(
            "INSERT INTO entries (plan_id, group_id, expert_id, school_id, indicator, inputs, evidence, methods, note,"
            " points, explanation, updated_at, typed_by, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '')"
            " ON CONFLICT (plan_id, group_id, expert_id, school_id, indicator) DO UPDATE SET"
            " inputs = excluded.inputs, evidence = excluded.evidence, methods = excluded.methods,"
            " note = excluded.note, points = excluded.points, explanation = excluded.explanation,"
            " updated_at = excluded.updated_at, typed_by = excluded.typed_by, source = ''",
            (plan.id, group.id, expert_id, school_id, code,
             json.dumps(values["inputs"], ensure_ascii=False, sort_keys=True),
             json.dumps(values["evidence"], ensure_ascii=False), json.dumps(values["methods"], ensure_ascii=False),
             values["note"], points, json.dumps(outcome.lines, ensure_ascii=False), at, typist))
        key = {"plan": plan.id, "group": group.id, "expert": expert_id, "school": school_id, "indicator": code}
        before = {"inputs": old.inputs if old else {}, "evidence": list(old.evidence) if old else [],
                  "methods": list(old.methods) if old else [], "note": old.note if old else ""}
        for name in ("evidence", "methods", "note"):
            if before[name] != values[name]:
                record(store, actor, plan.id, "entry", key, name, before[name] if old else None, values[name], why)
        for name in sorted(set(before["inputs"]) | set(values["inputs"])):
            if before["inputs"].get(name) != values["inputs"].get(name):
                record(store, actor, plan.id, "entry", key, f"inputs.{name}",
                       before["inputs"].get(name), values["inputs"].get(name), why)
        if (old.points if old else None) != (None if points is None else Decimal(points)):
            record(store, actor, plan.id, "entry", key, "points",
                   None if not old else stored_points(old.points), points, why)
    return get_entry(store, plan.id, group.id, expert_id, school_id, code)


@dataclass(frozen=True)
class EntryValues:
    """One entry as it arrives whole (from an expert's bundle), already checked and scored by its rule."""
    school_id: str
    indicator: str
    inputs: dict[str, Any]  # the rule's typed inputs
    evidence: tuple[str, ...]
    methods: tuple[str, ...]
    note: str
    points: Decimal | None
    explanation: tuple[str, ...]
    updated_at: str
    texts: "EntryTexts | None" = field(default=None, compare=False)  # as stored, when the caller has them


@dataclass(frozen=True)
class EntryTexts:
    """What an entry's rule gave, as the store keeps it: a province's bundles repeat the same inputs thousands
    of times, so a merge encodes each distinct one once (`entry_texts`) and hands the texts on."""
    inputs: dict[str, Any]  # jsonable_inputs of the typed inputs
    inputs_text: str
    points: str | None  # stored_points
    explanation_text: str


def entry_texts(inputs: dict[str, Any], points: Decimal | None, explanation: tuple[str, ...] | list[str]) -> EntryTexts:
    jsonable = jsonable_inputs(inputs)
    return EntryTexts(jsonable, _encode_sorted(jsonable), stored_points(points), _encode_plain(list(explanation)))


def transcribed_places(store: Store, plan_id: str, group_id: str, expert_id: str, typed_by: str | None = None,
                       *, rows: list[Entry] | None = None) -> set[tuple[str, str]]:
    """(school, indicator) of an expert's entries that someone typed from a paper sheet (代录).
    `rows`: the expert's entries in this group, when the caller has just read them."""
    rows = entries(store, plan_id, group_id, expert_id) if rows is None else rows
    return {(e.school_id, e.indicator) for e in rows if e.transcribed and (typed_by is None or e.typed_by == typed_by)}


# Made once for the hundreds of rows of a bundle: the same text as json.dumps with these options.
_encode_sorted = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
_encode_plain = json.JSONEncoder(ensure_ascii=False).encode
# Names, ticks (a tuple encodes as a list) and short notes recur in every bundle: each distinct one is encoded
# once (bounded, so memory stays flat).
_encode_often = functools.lru_cache(maxsize=4096)(_encode_plain)


def _note_text(note: str) -> str:
    return _encode_often(note) if len(note) < 200 else _encode_plain(note)  # a long note is not kept in the cache


def replace_expert_entries(store: Store, plan_id: str, group_id: str, expert_id: str, rows: list[EntryValues],
                           source: str = "", *, bundle_hash: str = "", typed_by: str = "",
                           current: list[Entry] | None = None) -> None:
    """Replace one expert's entries for a group with `rows`; every entry that changes gets a history row.

    With `typed_by`, the rows are that typist's transcriptions (代录) of the expert's paper sheet and only
    those are replaced; otherwise only the expert's own entries are, and transcriptions stay as typed.
    Must be called inside the caller's transaction (a bundle merges as one). `current`: the expert's entries
    in this group as the caller read them in that transaction (not read again).
    """
    current = entries(store, plan_id, group_id, expert_id) if current is None else current
    old = {(e.school_id, e.indicator): e for e in current if (e.typed_by == typed_by if typed_by else not e.transcribed)}
    store.conn.execute("DELETE FROM entries WHERE plan_id = ? AND group_id = ? AND expert_id = ? AND typed_by = ?",
                       (plan_id, group_id, expert_id, typed_by))
    inserts, changed = [], []  # one statement each: a bundle carries hundreds of entries
    key_text = _key_texts(plan_id, group_id, expert_id)
    for row in rows:
        texts = row.texts or entry_texts(row.inputs, row.points, row.explanation)
        inputs, points, inputs_text = texts.inputs, texts.points, texts.inputs_text
        evidence_text, methods_text = _encode_often(row.evidence), _encode_often(row.methods)
        inserts.append((plan_id, group_id, expert_id, row.school_id, row.indicator, inputs_text, evidence_text,
                        methods_text, row.note, points, texts.explanation_text, row.updated_at, typed_by,
                        bundle_hash))
        before = old.pop((row.school_id, row.indicator), None)
        was = None if before is None else _values(before)
        if was is None or was != {"inputs": inputs, "evidence": list(row.evidence), "methods": list(row.methods),
                                  "note": row.note, "points": points}:
            # the entry as history stores it (its keys in order), from the texts just made for the entry's row
            after_text = Encoded(f'{{"evidence": {evidence_text}, "inputs": {inputs_text}, "methods": {methods_text}, '
                                 f'"note": {_note_text(row.note)}, '
                                 f'"points": {_encode_often(points)}}}')
            changed.append((expert_id, plan_id, "entry", key_text(row.school_id, row.indicator), "merged", was,
                            after_text, source))
    for (school_id, code), before in sorted(old.items()):
        changed.append((expert_id, plan_id, "entry", before.key, "cleared", _values(before), None, source))
    store.conn.executemany(
        "INSERT INTO entries (plan_id, group_id, expert_id, school_id, indicator, inputs, evidence, methods, note,"
        " points, explanation, updated_at, typed_by, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts)
    record_many(store, changed)


def _key_texts(plan_id: str, group_id: str, expert_id: str) -> Callable[[str, str], Encoded]:
    """The history key of an entry of this expert and group, as `_key` encoded would be, made per entry from
    the parts the group and the expert share (the keys in order: expert, group, indicator, plan, school)."""
    head = f'{{"expert": {_encode_plain(expert_id)}, "group": {_encode_plain(group_id)}, "indicator": '
    plan = f', "plan": {_encode_plain(plan_id)}, "school": '
    return lambda school_id, code: Encoded(f"{head}{_encode_often(code)}{plan}{_encode_often(school_id)}}}")


def _key(plan_id: str, group_id: str, expert_id: str, school_id: str, code: str) -> dict:
    return {"plan": plan_id, "group": group_id, "expert": expert_id, "school": school_id, "indicator": code}


def _values(entry: Entry) -> dict:
    return {"inputs": entry.inputs, "evidence": list(entry.evidence), "methods": list(entry.methods),
            "note": entry.note, "points": stored_points(entry.points)}


def clear_entry(store: Store, plan: Plan, group: Group, expert_id: str, school_id: str, code: str,
                reason: str = "") -> None:
    old = get_entry(store, plan.id, group.id, expert_id, school_id, code)
    if old is None:
        return
    with store.tx():
        store.conn.execute("DELETE FROM entries WHERE plan_id = ? AND group_id = ? AND expert_id = ? AND school_id = ?"
                           " AND indicator = ?", (plan.id, group.id, expert_id, school_id, code))
        record(store, expert_id, plan.id, "entry", old.key, "cleared", {"inputs": old.inputs, "note": old.note}, None,
               reason)


def expert_scorer(store: Store, plan: Plan, rubric: Rubric, group: Group, expert_id: str,
                  rows: list[Entry] | None = None) -> Scorer:
    """The group's score as one expert's entries give it (`rows`: those entries, when the caller has them)."""
    scorer = Scorer(rubric, group.schools, group.group_type)
    rows = entries(store, plan.id, group.id, expert_id) if rows is None else rows
    scorer.load_answers([(e.indicator, e.school_id or None, e.inputs) for e in rows
                         if rubric.has_indicator(e.indicator)])
    for key, value in store.conn.execute(
            "SELECT key, value FROM vetoes WHERE plan_id = ? AND group_id = ? AND expert_id = ?",
            (plan.id, group.id, expert_id)):
        if key in {v.key for v in rubric.vetoes}:
            scorer.set_veto(key, bool(value))
    return scorer


def set_veto(store: Store, plan: Plan, rubric: Rubric, group: Group, expert_id: str, key: str, value: bool,
             reason: str = "") -> None:
    if key not in {v.key for v in rubric.vetoes}:
        raise EntryError(VETO_DOES_EXIST(key))
    if value and not reason.strip():
        withholds = any(v.withholds_top for v in rubric.vetoes if v.key == key)
        raise EntryError(WITHHOLDING_NEEDS_REASON() if withholds else VETO_NEEDS_REASON(), "reason")
    problem = text_problem(reason, MAX_NOTE)
    if problem:
        raise EntryError(REASON_VETO(problem), "reason")
    old = store.conn.execute("SELECT value, reason FROM vetoes WHERE plan_id = ? AND group_id = ? AND expert_id = ? "
                             "AND key = ?", (plan.id, group.id, expert_id, key)).fetchone()
    with store.tx():
        store.conn.execute(
            "INSERT INTO vetoes (plan_id, group_id, expert_id, key, value, reason, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (plan_id, group_id, expert_id, key) DO UPDATE SET value = excluded.value,"
            " reason = excluded.reason, updated_at = excluded.updated_at",
            (plan.id, group.id, expert_id, key, int(value), reason, now()))
        record(store, expert_id, plan.id, "veto", {"plan": plan.id, "group": group.id, "expert": expert_id, "key": key},
               "value", None if old is None else bool(old[0]), value, reason)


def replace_expert_vetoes(store: Store, plan_id: str, group_id: str, expert_id: str,
                          rows: list[tuple[str, bool, str]], source: str = "") -> None:
    """Replace one expert's veto findings (key, value, reason) for a group, inside the caller's transaction."""
    old = {k: (v, r) for _e, k, v, r in vetoes(store, plan_id, group_id, expert_id)}
    store.conn.execute("DELETE FROM vetoes WHERE plan_id = ? AND group_id = ? AND expert_id = ?",
                       (plan_id, group_id, expert_id))
    for key, value, reason in rows:
        store.conn.execute("INSERT INTO vetoes (plan_id, group_id, expert_id, key, value, reason, updated_at)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?)", (plan_id, group_id, expert_id, key, int(value), reason, now()))
        before = old.pop(key, None)
        if before != (value, reason):
            record(store, expert_id, plan_id, "veto", {"plan": plan_id, "group": group_id, "expert": expert_id,
                                                      "key": key},
                   "merged", None if before is None else before[0], value, reason or source)
    for key, (value, _reason) in sorted(old.items()):
        record(store, expert_id, plan_id, "veto", {"plan": plan_id, "group": group_id, "expert": expert_id, "key": key},
               "cleared", value, None, source)


def vetoes(store: Store, plan_id: str, group_id: str, expert_id: str | None = None) -> list[tuple[str, str, bool, str]]:
    sql = "SELECT expert_id, key, value, reason FROM vetoes WHERE plan_id = ? AND group_id = ?"
    args = [plan_id, group_id]
    if expert_id:
        sql += " AND expert_id = ?"
        args.append(expert_id)
    return [(r[0], r[1], bool(r[2]), r[3]) for r in store.conn.execute(sql, args)]


@dataclass
class UnitProgress:
    """Progress of one unit of the navigation: the group as a whole ("") or one school."""
    school_id: str
    name: str
    done: int
    total: int
    points: Decimal
    codes: list[str] = field(default_factory=list)


def progress(store: Store, plan: Plan, rubric: Rubric, group: Group, expert_id: str,
             rows: list[Entry] | None = None, share: list[tuple[str, str, str]] | None = None) -> list[UnitProgress]:
    """Each unit's places (every one in `codes`) and how many are done. With `share` (the expert's rows of
    experts.assigned) `done` and `total` count only the places that are hers (experts.is_assigned), as 完成检查
    and 下一未评项 do."""
    rows = entries(store, plan.id, group.id, expert_id) if rows is None else rows
    done = {(e.school_id, e.indicator): e for e in rows if e.done}
    units = [UnitProgress(GROUP, "集团整体", 0, 0, Decimal(0))] + [
        UnitProgress(s.id, s.name, 0, 0, Decimal(0)) for s in group.schools]
    by_id = {u.school_id: u for u in units}
    for ind in rubric.indicators:
        if not ind.applies_to(group.group_type):
            continue
        places = [s.id for s in targeted_schools(ind, group.schools)] if ind.scope.per_school else [GROUP]
        for place in places:
            unit = by_id[place]
            unit.codes.append(ind.code)
            if share is not None and not is_assigned(share, group.id, place, ind.code):
                continue
            unit.total += 1
            entry = done.get((place, ind.code))
            if entry is not None:
                unit.done += 1
                unit.points += entry.points or Decimal(0)
    return [u for u in units if u.codes]
