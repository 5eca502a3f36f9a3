"""定稿: the panel's finalised result for a group, the one that is printed, signed and published.

The lead finalises a group when every indicator is scored (or 不适用) and every
spread above the plan's limit is settled with a written reason, recording the
visit and 反馈会 dates. A finalised version is never changed: a later change
needs a reason and makes the next version; every older version is kept.

`report_state` is what a report needs: whether the result is final (and which
version, with its dates), or a draft (征求意见稿) with no final grade wording.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from inspector_app.said import Said
from inspector_app.numbers import fmt_points
from inspector_app.rubric.model import Rubric
from inspector_app.scoring.panel import settled_points
from inspector_app.store.consensus import panel_scorer, places
from inspector_app.store.db import Store, StoreError, now
from inspector_app.store.history import record
from inspector_app.store.plans import Group, Plan
from inspector_app.store.experts import experts

DEADLINE_BEFORE_LINE = Said("整改事项 {0}：整改时限 {1}", "rectification item {0}: deadline {1}")

GROUP_HAS_RECTIFICATION_ITEM = Said('集团 {0} 有 {1} 项整改事项的整改时限早于考核日期 {2}，请先改正整改时限（inspector rectify update ID --deadline YYYY-MM-DD --reason …）再定稿：',
                                     'Group {0} has {1} rectification item(s) with a deadline before the visit date {2}: correct the deadlines first (inspector rectify update ID --deadline YYYY-MM-DD --reason …), then finalise:')
FINALISED_JSON_RIGHT_FORMAT = Said('finalised.json 格式不对',
                                    'finalised.json is not in the right format')
FINALISED_JSON_HAS_WRONG = Said('finalised.json 的版本号不对',
                                 'finalised.json has the wrong version number')
CONSENSUS_FINALISED_JSON_RIGHT = Said('finalised.json 的 consensus 格式不对',
                                       'The consensus in finalised.json is not in the right format')
FINALISED_JSON_RIGHT_FORMAT_2 = Said('finalised.json 的 {0} 格式不对',
                                      '{0} in finalised.json is not in the right format')

FINALISED, DRAFT, CHANGED = "finalised", "draft", "changed"
STATUS_TEXT = {FINALISED: "已定稿", DRAFT: "征求意见稿（未定稿）", CHANGED: "定稿后有改动，须重新定稿"}


NOT_SCORED = Said("指标 {0}{1}尚未评分（或未标为不适用）", "indicator {0}{1} not scored yet (nor marked not applicable)")
WIDE_SPREAD = Said("指标 {0}{1}专家评分差距 {2} 超过计划规定的 {3}（{4}），须由组长决定并写明理由",
                   "indicator {0}{1}: the experts' spread {2} is over the plan's {3} ({4}); the lead must decide, "
                   "with a reason")
BAD_DATE = Said("{0}应写成 YYYY-MM-DD（如 2024-10-15），而不是 “{1}”", "{0} should be written YYYY-MM-DD (e.g. 2024-10-15), "
                "not “{1}”")
ONLY_LEAD = Said("只有本考核计划登记的专家组组长可以定稿", "Only the panel lead registered in this inspection can finalise")
MEETING_FIRST = Said("反馈会日期 {0} 早于考核日期 {1}", "the feedback meeting {0} is before the inspection {1}")
NOT_READY = Said("集团 {0} 还不能定稿，尚缺 {1} 项：", "{0} cannot be finalised yet; {1} thing(s) missing:")
NEEDS_REASON = Said("集团 {0} 已于 {1} 定稿（第 {2} 版）；定稿后的修改须写明理由（--reason），并成为新的一版，原版本保留",
                    "{0} was finalised on {1} (version {2}); a change after finalising needs a reason (--reason) and "
                    "becomes a new version, the old one kept")

CHANGED_SINCE_FINAL = Said("{0} 已定稿（第 {1} 版），这次改动后结果与定稿不同，导出专家组数据包和发布结果之前，"
                           "组长须重新定稿并写明理由。",
                           "{0} was finalised (version {1}) and after this change the result differs from it: before "
                           "the panel bundle is exported and the results published, the lead must finalise again "
                           "with a reason. ")
TRANSCRIBED_AFTER_FINAL = Said("{0} 已定稿（第 {1} 版），{2} 的纸质评分表是定稿后代录的：定稿的结果不因此改变，仍以这一版为准；"
                               "如这份评分表应改变结果，请改正后由组长重新定稿并写明理由",
                               "{0} was finalised (version {1}); {2}'s paper sheet was typed in after that: it leaves "
                               "the finalised result as it is, and that version stands. If the sheet should change "
                               "the result, correct it and the lead finalises again with a reason")


class FinaliseError(StoreError):
    """Finalisation refused; `missing` lists what is still open, one line each; `visit` is set when the
    refusal is rectification items due before that visit date (the window words its own remedy)."""

    def __init__(self, message: str, missing: list[str] | None = None, visit: str = ""):
        super().__init__(message)
        self.missing = missing or []
        self.visit = visit


@dataclass(frozen=True)
class Finalised:
    """One finalised version of a group's result."""
    plan_id: str
    group_id: str
    version: int
    visit_date: str  # YYYY-MM-DD
    meeting_date: str  # YYYY-MM-DD, the 反馈会
    result: dict  # ScoreCard.to_json() of the panel's settled score
    consensus: list  # the settled places: school, indicator, points, method, reason, scores
    reason: str  # why this version replaced the previous one ("" for version 1)
    finalised_by: str  # the lead's expert id
    finalised_at: str
    signer_key_id: str = ""  # at the bureau: the key that signed the panel bundle carrying it
    bundle_hash: str = ""

    @property
    def total(self) -> Decimal:
        return Decimal(self.result["total"])

    @property
    def grade(self) -> str | None:
        return self.result.get("grade")

    def to_json(self) -> dict:
        return {"version": self.version, "visit_date": self.visit_date, "meeting_date": self.meeting_date,
                "result": self.result, "consensus": self.consensus, "reason": self.reason,
                "finalised_by": self.finalised_by, "finalised_at": self.finalised_at}


@dataclass(frozen=True)
class ReportState:
    """What a report or a results table says about a group's result."""
    status: str  # FINALISED | DRAFT | CHANGED
    finalised: Finalised | None  # the latest finalised version (also when CHANGED)
    changes: tuple[str, ...] = ()  # CHANGED: how the live result differs from the finalised one

    @property
    def is_final(self) -> bool:
        return self.status == FINALISED

    @property
    def version(self) -> int:
        return self.finalised.version if self.finalised else 0

    @property
    def visit_date(self) -> str:
        return self.finalised.visit_date if self.finalised else ""

    @property
    def meeting_date(self) -> str:
        return self.finalised.meeting_date if self.finalised else ""

    @property
    def label(self) -> str:
        return STATUS_TEXT[self.status]


_COLS = ("plan_id, group_id, version, visit_date, meeting_date, result, consensus, reason, finalised_by,"
         " finalised_at, signer_key_id, bundle_hash")


def _row(r) -> Finalised:
    return Finalised(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), json.loads(r[6]), r[7], r[8], r[9], r[10], r[11])


def versions(store: Store, plan_id: str, group_id: str) -> list[Finalised]:
    return [_row(r) for r in store.conn.execute(
        f"SELECT {_COLS} FROM finalisations WHERE plan_id = ? AND group_id = ? ORDER BY version",
        (plan_id, group_id))]


def latest(store: Store, plan_id: str, group_id: str) -> Finalised | None:
    row = store.conn.execute(f"SELECT {_COLS} FROM finalisations WHERE plan_id = ? AND group_id = ?"
                             " ORDER BY version DESC LIMIT 1", (plan_id, group_id)).fetchone()
    return _row(row) if row else None


def settled_rows(store: Store, plan: Plan, group: Group) -> list[dict]:
    """The panel's settled places, as the panel bundle and a finalised version carry them."""
    rows = []
    for place in places(store, plan, group):
        points, method = settled_points(place, plan.consensus)
        rows.append({"school": place.school_id, "indicator": place.indicator,
                     "points": None if points is None else fmt_points(points), "method": method,
                     "reason": place.decided_reason,
                     "scores": {e: fmt_points(v) for e, v in sorted(place.scores.items())}})
    return rows


def live_result(store: Store, plan: Plan, rubric: Rubric, group: Group) -> dict:
    return panel_scorer(store, plan, rubric, group).card().to_json()


def missing(store: Store, plan: Plan, rubric: Rubric, group: Group) -> list[str]:
    """What stands between the group and its finalisation, one plain line each (empty: ready)."""
    card = panel_scorer(store, plan, rubric, group).card()
    schools = {s.id: s.name for s in group.schools}
    names = {e.id: e.name for e in experts(store, plan.id)}
    found = []
    for code, result in card.indicators.items():
        if not result.applicable or result.done:
            continue
        open_schools = [schools.get(s, s) for s, r in (result.per_school or {}).items() if r.points is None]
        where = f"（{'、'.join(open_schools)}）" if open_schools else ""
        found.append(NOT_SCORED(code, where))
    for place in places(store, plan, group):
        if len(place.scores) > 1 and place.spread > plan.spread_limit and not (
                place.decided is not None and place.decided_reason.strip()):
            where = f"（{schools.get(place.school_id, place.school_id)}）" if place.school_id else ""
            who = "、".join(f"{names.get(e, e)} {fmt_points(v)}" for e, v in sorted(place.scores.items()))
            found.append(WIDE_SPREAD(place.indicator, where, fmt_points(place.spread), fmt_points(plan.spread_limit), who))
    return found


def _check_date(text: str, what: str) -> str:
    try:
        return date.fromisoformat(str(text).strip()).isoformat()
    except ValueError:
        raise FinaliseError(BAD_DATE(what, text)) from None


FIGURES = ("base", "bonus", "total", "grade")
FIGURE_NAMES = {"base": Said("基础分", "base score")(), "bonus": Said("加分", "bonus")(),
                "total": Said("总分", "total")(), "grade": Said("等次", "grade")()}
FIGURE_DIFFERS = Said("{0}：签名结果 {1}，重算 {2}", "{0}: signed result {1}, recomputed {2}")
AREA_DIFFERS = Said("{0} 小计：签名结果 {1}，重算 {2}", "{0} subtotal: signed result {1}, recomputed {2}")
INDICATOR_DIFFERS = Said("指标 {0}：签名结果 {1}，重算 {2}", "indicator {0}: signed result {1}, recomputed {2}")
SCHOOL_DIFFERS = Said("指标 {0}（学校 {1}）：签名结果 {2}，重算 {3}",
                      "indicator {0} (school {1}): signed result {2}, recomputed {3}")


def differences(signed: dict, recomputed: dict) -> list[str]:
    """Every figure in which two results (ScoreCard.to_json()) differ, in words: total, grade, areas,
    indicators and per-school points."""
    found = []
    for key in FIGURES:
        if _norm(signed.get(key)) != _norm(recomputed.get(key)):
            found.append(FIGURE_DIFFERS(FIGURE_NAMES[key], signed.get(key) or '—', recomputed.get(key) or '—'))
    a_areas = {a.get("code"): a for a in signed.get("areas") or []}
    b_areas = {a.get("code"): a for a in recomputed.get("areas") or []}
    for code in sorted(a_areas.keys() | b_areas.keys(), key=str):
        a, b = a_areas.get(code, {}).get("points"), b_areas.get(code, {}).get("points")
        if _norm(a) != _norm(b):
            found.append(AREA_DIFFERS(code, a or '—', b or '—'))
    a_inds = {i.get("code"): i for i in signed.get("indicators") or []}
    b_inds = {i.get("code"): i for i in recomputed.get("indicators") or []}
    for code in sorted(a_inds.keys() | b_inds.keys(), key=str):
        a, b = a_inds.get(code, {}), b_inds.get(code, {})
        if _norm(a.get("points")) != _norm(b.get("points")):
            found.append(INDICATOR_DIFFERS(code, a.get('points') or '—', b.get('points') or '—'))
        a_s, b_s = a.get("per_school") or {}, b.get("per_school") or {}
        for school in sorted(a_s.keys() | b_s.keys()):
            x, y = (a_s.get(school) or {}).get("points"), (b_s.get(school) or {}).get("points")
            if _norm(x) != _norm(y):
                found.append(SCHOOL_DIFFERS(code, school, x or '—', y or '—'))
    return found


def _norm(value):
    if value is None or isinstance(value, str) and not value.strip():
        return None
    try:
        return Decimal(str(value)).normalize()
    except ArithmeticError:
        return str(value)


def report_state(store: Store, plan: Plan, rubric: Rubric, group: Group) -> ReportState:
    final = latest(store, plan.id, group.id)
    if final is None:
        return ReportState(DRAFT, None)
    changed = differences(final.result, live_result(store, plan, rubric, group))
    return ReportState(CHANGED if changed else FINALISED, final, tuple(changed))


def change_notice(store: Store, plan: Plan, rubric: Rubric, group: Group, transcribed_for: str = "") -> str:
    """What to say at once after a change to a finalised (定稿) group ("" when it has no finalised version).

    Every change after 定稿 is allowed and kept, the finalised version never changes; the change is said at once
    and a result that no longer equals the signed one waits for the lead to finalise again (export and
    publication refuse until then). A paper sheet typed in (代录, `transcribed_for` the expert's name) is said
    even when the figures stay the same: the finalised version was settled without it."""
    state = report_state(store, plan, rubric, group)
    if state.status == CHANGED:
        # each difference its own sentence after the message, so the window says each in its language
        more = len(state.changes) > 3
        return CHANGED_SINCE_FINAL(group.name, state.version) + "；".join(state.changes[:3]) + ("；……" if more else "")
    if state.status == FINALISED and transcribed_for:
        return TRANSCRIBED_AFTER_FINAL(group.name, state.version, transcribed_for)
    return ""


def finalise(store: Store, plan: Plan, rubric: Rubric, group: Group, lead_id: str, visit_date: str,
             meeting_date: str, reason: str = "") -> Finalised:
    """Record the next finalised version of the group's result; FinaliseError lists what is missing."""
    lead = next((e for e in experts(store, plan.id) if e.id == lead_id), None)
    if lead is None or lead.role != "lead":
        raise FinaliseError(ONLY_LEAD())
    visit = _check_date(visit_date, "考核日期（--visit-date）")
    meeting = _check_date(meeting_date, "反馈会日期（--meeting-date）")
    if meeting < visit:
        raise FinaliseError(MEETING_FIRST(meeting, visit))
    open_items = missing(store, plan, rubric, group)
    if open_items:
        raise FinaliseError(NOT_READY(group.name, len(open_items)), open_items)
    early = _deadlines_before(store, plan.id, group.id, visit)
    if early:  # written before the visit date was known
        raise FinaliseError(GROUP_HAS_RECTIFICATION_ITEM(group.name, len(early), visit),
                            early, visit=visit)
    result = live_result(store, plan, rubric, group)
    previous = latest(store, plan.id, group.id)
    if previous is not None:
        if not differences(previous.result, result) and (previous.visit_date, previous.meeting_date) == (visit, meeting):
            return previous  # nothing changed: the finalised version stands
        if not reason.strip():
            raise FinaliseError(NEEDS_REASON(group.name, previous.finalised_at[:10], previous.version))
    version = (previous.version if previous else 0) + 1
    final = Finalised(plan.id, group.id, version, visit, meeting, result, settled_rows(store, plan, group),
                      reason.strip(), lead_id, now())
    with store.tx():
        _insert(store, final)
        record(store, lead_id, plan.id, "finalisation", {"plan": plan.id, "group": group.id}, "version",
               previous.version if previous else None, version, reason.strip())
    return final


def _deadlines_before(store: Store, plan_id: str, group_id: str, visit: str) -> list[str]:
    """Items written before the visit date was known whose deadline falls before it, one line each."""
    from inspector_app.store.rectification import items
    return [DEADLINE_BEFORE_LINE(i.short(), i.deadline) for i in items(store, plan_id, group_id, own_only=True)
            if i.deadline and i.deadline < visit]


def store_signed(store: Store, final: Finalised) -> None:
    """A finalised version as a verified panel bundle carried it (at the bureau); inside the caller's transaction.
    The same version again changes nothing."""
    here = {v.version: v for v in versions(store, final.plan_id, final.group_id)}
    if final.version in here:
        return
    _insert(store, final)
    record(store, final.finalised_by, final.plan_id, "finalisation", {"plan": final.plan_id, "group": final.group_id},
           "version", max(here) if here else None, final.version, final.reason)


def _insert(store: Store, f: Finalised) -> None:
    store.conn.execute(
        f"INSERT INTO finalisations ({_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (f.plan_id, f.group_id, f.version, f.visit_date, f.meeting_date,
         json.dumps(f.result, ensure_ascii=False, sort_keys=True),
         json.dumps(f.consensus, ensure_ascii=False, sort_keys=True), f.reason, f.finalised_by, f.finalised_at,
         f.signer_key_id, f.bundle_hash))


def from_json(plan_id: str, group_id: str, data: dict, *, signer_key_id: str = "", bundle_hash: str = "") -> Finalised:
    """A finalised version read from a panel bundle's finalised.json (ValueError when malformed)."""
    if not isinstance(data, dict) or not isinstance(data.get("result"), dict):
        raise ValueError(FINALISED_JSON_RIGHT_FORMAT())
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ValueError(FINALISED_JSON_HAS_WRONG())
    fields = {}
    for key in ("visit_date", "meeting_date", "reason", "finalised_by", "finalised_at"):
        value = data.get(key, "")
        if not isinstance(value, str):
            raise ValueError(FINALISED_JSON_RIGHT_FORMAT_2(key))
        fields[key] = value
    for key in ("visit_date", "meeting_date"):
        _check_date(fields[key], key)
    consensus = data.get("consensus", [])
    if not isinstance(consensus, list):
        raise ValueError(CONSENSUS_FINALISED_JSON_RIGHT())
    return Finalised(plan_id, group_id, version, fields["visit_date"], fields["meeting_date"], data["result"],
                     consensus, fields["reason"], fields["finalised_by"], fields["finalised_at"], signer_key_id,
                     bundle_hash)
