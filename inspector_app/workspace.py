"""One expert's work on one inspection plan, without Qt: what the window shows and does.

The window (and tests, and the command line) hold a `Workspace`: the open plan,
its rubric, the current group and the expert. Each user action is one method
that calls the store and returns what changed. Typing goes through `draft`
(validated and scored in memory at once, so totals follow every key) and is
written by `commit` (the window calls it after a short pause, on leaving a
field, on moving to another indicator and on closing).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from inspector_app.rubric.model import Indicator, Rubric
from inspector_app.rubric.rules.register import REGISTER
from inspector_app.scoring.engine import AnswerError, IndicatorResult, ScoreCard, Scorer
from inspector_app.inspection import Inspection
from inspector_app.scoring.self_difference import differs
from inspector_app.store import entries as E
from inspector_app.store import findings as F
from inspector_app.store import identity as I
from inspector_app.store import experts as EX
from inspector_app.store import plans as P
from inspector_app.store.db import Store, StoreError
from inspector_app.store.identity import NOT_CHOSEN
from inspector_app.workspace_photos import PhotoWork
from inspector_app.workspace_places import Place, PlaceMoves
from inspector_app.workspace_register import BY_HAND, BY_REGISTER, COUNT_WAYS, RegisterWork

# States of one indicator at one place, as the navigator shows them.
NOT_STARTED, IN_PROGRESS, DONE, ATTENTION = "未开始", "进行中", "已完成", "需注意"


@dataclass
class Unit:
    school_id: str
    name: str
    codes: list[str]


@dataclass
class Change:
    """What an action changed, for the window to refresh from in one place."""
    place: Place | None = None
    card: ScoreCard | None = None
    error: str = ""
    field_key: str = ""
    saved_at: str = ""  # HH:MM:SS of a write to the store
    save_error: str = ""
    notice: str = ""  # said at once: the group is finalised (定稿) and this change makes it differ


@dataclass
class _Pending:
    inputs: dict[str, Any] = field(default_factory=dict)
    evidence: list[str] | None = None
    methods: list[str] | None = None
    note: str | None = None




class Workspace(PlaceMoves, PhotoWork, RegisterWork):
    """The scoring session of one expert on an `Inspection`: the current group, drafts, the live score card."""

    def __init__(self, store: Store, plan: P.Plan, expert_id: str | None = None):
        self.inspection = Inspection(store, plan)
        self.store = store
        self.plan = plan
        self.rubric: Rubric = self.inspection.rubric
        self.experts = self.inspection.experts()
        ids = [e.id for e in self.experts]
        # Nobody's identity is assumed: with none chosen the workspace shows the plan and scores nothing.
        self.identity = I.current(store, plan.id)
        chosen = expert_id or self.inspection.chosen_expert_id()
        self.expert_id = chosen if chosen in ids else ""
        self.assignments = EX.assigned(store, plan.id, self.expert_id)
        self.groups = self.inspection.groups()
        self.group: P.Group | None = None
        self.scorer: Scorer | None = None
        self.units: list[Unit] = []
        self.places: list[Place] = []
        self._unit_of: dict[str, Unit] = {}
        self._school_places: dict[str, list[Place]] = {}
        self._entries: dict[Place, E.Entry] = {}
        self._pending: dict[Place, _Pending] = {}
        self._errors: dict[Place, str] = {}
        self._self: dict[tuple[str, str], Decimal] = {}
        self._count_ways: dict[tuple[str, Place], str] = {}  # workspace_register: a way chosen, nothing entered yet
        if self.groups:
            self.select_group(self.groups[0].id)

    # ------------------------------------------------------------------ reading
    @property
    def can_score(self) -> bool:
        return bool(self.expert_id)

    def choose_identity(self, who: str, own: I.OwnKey) -> I.Identity:
        """Take an identity in this plan (IdentityError when this laptop's key cannot hold it) and reload."""
        self.commit()
        identity = I.choose(self.store, self.plan, who, own)
        self.identity = identity
        self.experts = EX.experts(self.store, self.plan.id)
        self.expert_id = identity.expert_id
        self.assignments = EX.assigned(self.store, self.plan.id, self.expert_id)
        if self.group is not None:
            self.select_group(self.group.id)
        return identity

    @property
    def expert_name(self) -> str:
        return next((e.name for e in self.experts if e.id == self.expert_id), self.expert_id)

    @property
    def expert_role(self) -> str:
        return next((e.role for e in self.experts if e.id == self.expert_id), "")

    def select_group(self, group_id: str) -> Change:
        self.commit()
        self.group = next(g for g in self.groups if g.id == group_id)
        rows = E.entries(self.store, self.plan.id, self.group.id, self.expert_id)  # read once for the three
        self.scorer = E.expert_scorer(self.store, self.plan, self.rubric, self.group, self.expert_id, rows)
        self._entries = {Place(e.school_id, e.indicator): e for e in rows}
        self._errors.clear()
        self._self = P.self_scores(self.store, self.plan.id, self.group.id)
        self.units = [Unit(u.school_id, u.name, list(u.codes))
                      for u in E.progress(self.store, self.plan, self.rubric, self.group, self.expert_id, rows)]
        self.places = [Place(u.school_id, c) for u in self.units for c in u.codes]
        self._unit_of = {u.school_id: u for u in self.units}
        self._school_places: dict[str, list[Place]] = {}  # a per-school code's places, one per school
        for place in self.places:
            if place.school_id:
                self._school_places.setdefault(place.code, []).append(place)
        return Change(card=self.card())

    def card(self) -> ScoreCard:
        return self.scorer.card()

    def indicator(self, code: str) -> Indicator:
        return self.rubric.indicator(code)

    def school_name(self, school_id: str) -> str:
        return self.group.school(school_id).name if school_id else "集团整体"

    def is_mine(self, place: Place) -> bool:
        return EX.is_assigned(self.assignments, self.group.id, place.school_id, place.code)

    def inputs(self, place: Place) -> dict[str, Any]:
        """Stored inputs with this session's unsaved drafts on top."""
        entry = self._entries.get(place)
        values = dict(entry.inputs) if entry else {}
        pending = self._pending.get(place)
        if pending:
            for key, value in pending.inputs.items():
                if value is None:
                    values.pop(key, None)
                else:
                    values[key] = value
        return values

    def entry_value(self, place: Place, name: str):
        """evidence, methods or note, drafts first."""
        pending = self._pending.get(place)
        if pending and getattr(pending, name) is not None:
            return getattr(pending, name)
        entry = self._entries.get(place)
        if entry is None:
            return "" if name == "note" else []
        return getattr(entry, name)

    def outcome(self, place: Place) -> tuple[bool, Decimal | None, list[str]]:
        """(answered, points, explanation) at this place."""
        result: IndicatorResult = self.scorer.results[place.code]
        if place.school_id:
            got = result.per_school.get(place.school_id)
            if got is None:
                return False, None, ["尚未评分"]
            return True, got.points, list(got.lines)
        return result.answered, result.points, list(result.lines)

    def applicable(self, place: Place) -> bool:
        """False once answered 不适用 at this place."""
        result: IndicatorResult = self.scorer.results[place.code]
        if place.school_id:
            got = result.per_school.get(place.school_id)
            return got is None or got.applicable
        return result.applicable

    def computed(self, place: Place) -> tuple[Decimal | None, str]:
        """(the rule's own points, the override's reason) where the expert overrode them, else (points, "")."""
        result: IndicatorResult = self.scorer.results[place.code]
        got = result.overrides.get(place.school_id)
        if got is not None:
            return got.computed, got.override_reason
        return self.outcome(place)[1], ""

    # ------------------------------------------------------------------ the group's award/project register
    def edit_register(self, place: Place, *, add: dict[str, str] | None = None, remove: int | None = None,
                      use: bool = True) -> Change:
        """Add an item to (or remove one from) the group's register of `place`'s indicator, then score the
        entry from the register as it now stands, with the baseline year's (`use=False`: stop using it)."""
        from inspector_app.store import registers as RG
        if not self.can_score:
            return Change(place, error=NOT_CHOSEN)
        try:
            if add is not None:
                RG.add_item(self.store, self.plan, self.rubric, self.group, place.code, by=self.expert_id, **add)
            if remove is not None:
                RG.remove_item(self.store, self.plan, self.group, remove, by=self.expert_id)
            value = RG.register_input(self.store, self.plan, self.rubric, self.group, place.code)[RG.REGISTER]
        except RG.RegisterError as exc:
            return Change(place, self.card(), error=str(exc), field_key=RG.REGISTER)
        if use:
            self._count_ways[(self.group.id, place)] = BY_REGISTER
        change = self.draft(place, RG.REGISTER, value if use else None)
        return change if change.error else self.commit()

    def choose_count_way(self, place: Place, way: str) -> Change:
        """Score `place` from the register (BY_REGISTER) or from the typed figures (BY_HAND); the other's data is
        kept. The register scores at once when it has items or the typed figures were scoring (an empty register
        then scores 0, as it says); with neither the entry stays unscored until the first item is registered."""
        if way not in COUNT_WAYS:
            raise ValueError(way)
        if not self.can_score:
            return Change(place, error=NOT_CHOSEN)
        self._count_ways[(self.group.id, place)] = way
        if way == BY_HAND:
            if self.inputs(place).get(REGISTER) is None:
                return Change(place, self.card())
            return self.edit_register(place, use=False)
        if self.register_items(place.code) or self.typed_counts(place):
            return self.edit_register(place)
        return Change(place, self.card())

    def scored(self, place: Place) -> bool:
        """Finished at this place: it has points, or it was answered 不适用."""
        answered, points, _ = self.outcome(place)
        return E.is_done(points, answered and not self.applicable(place))

    def self_score(self, place: Place) -> Decimal | None:
        return self._self.get((place.school_id, place.code))

    def baselines(self, code: str) -> list[tuple[str, str]]:
        values = P.baselines(self.store, self.plan.id, self.group.id).get(code, {})
        ind = self.indicator(code)
        return [(h.label, values[h.key]) for h in ind.history if h.key in values]

    def carried_items(self, code: str) -> list:
        """Last year's open rectification items on this indicator, carried into this plan."""
        from inspector_app.store.rectification import carried_items
        return carried_items(self.store, self.plan.id, self.group.id, code)

    def last_year(self) -> dict | None:
        prior = P.prior_results(self.store, self.plan.id, self.group.id)
        return prior[0] if prior else None

    def state(self, place: Place) -> str:
        if place in self._errors:
            return ATTENTION
        answered, points, _ = self.outcome(place)
        if not answered and place not in self._entries:
            return NOT_STARTED
        if points is None:
            return DONE if self.scored(place) else IN_PROGRESS
        return ATTENTION if self.self_gap(place, points) is not None else DONE

    def self_gap(self, place: Place, points: Decimal | None) -> Decimal | None:
        """How far `points` lie from the school's self-score when that is far enough to need attention (▲);
        None otherwise."""
        own = self.self_score(place)
        if own is None or points is None or not differs(own, points, self.indicator(place.code).points):
            return None
        return abs(own - points)

    def unit_progress(self, school_id: str) -> tuple[int, int]:
        """(scored, to score) of my places in one unit: the places of my share only, as 完成检查 counts them."""
        mine = [p for p in (Place(school_id, c) for c in self._unit_of[school_id].codes) if self.is_mine(p)]
        return sum(1 for p in mine if self.scored(p)), len(mine)

    def unit_points(self, school_id: str) -> Decimal:
        unit = self._unit_of[school_id]
        return sum((self.outcome(Place(school_id, c))[1] or Decimal(0) for c in unit.codes), Decimal(0))

    def error(self, place: Place) -> str:
        return self._errors.get(place, "")

    def unscored_in(self, group_id: str) -> list[Place]:
        """What 完成检查 lists for any group: my places there not scored (nor answered 不适用), in order."""
        if self.group is not None and group_id == self.group.id:
            return self.unscored()
        return [place for place, _points, done in self._stored_places(group_id) if not done]

    def needing_attention(self) -> list[Place]:
        """My scored places of the open group marked ▲ (an error, or far from the self-score), in order:
        what 完成检查 asks the expert to look at again before export."""
        return [p for p in self.places if self.is_mine(p) and self.scored(p) and self.state(p) == ATTENTION]

    def attention_in(self, group_id: str) -> list[Place]:
        """The ▲ places of any group, as `needing_attention` finds them in the open one: mine, scored, and far
        from the school's self-score (a group not open has no unsaved typing, so no error to mark)."""
        if self.group is not None and group_id == self.group.id:
            return self.needing_attention()
        own = P.self_scores(self.store, self.plan.id, group_id)
        found = []
        for place, points, done in self._stored_places(group_id):
            self_points = own.get((place.school_id, place.code))
            if done and points is not None and self_points is not None and differs(
                    self_points, points, self.indicator(place.code).points):
                found.append(place)
        return found

    def _stored_places(self, group_id: str):
        """(place, points, done) of each of my places in a group that is not open, in order, from what is stored."""
        group = next(g for g in self.groups if g.id == group_id)
        card = E.expert_scorer(self.store, self.plan, self.rubric, group, self.expert_id).card()
        for unit in E.progress(self.store, self.plan, self.rubric, group, self.expert_id):
            for code in unit.codes:
                if not EX.is_assigned(self.assignments, group.id, unit.school_id, code):
                    continue
                result = card.indicators[code]
                if unit.school_id:
                    got = result.per_school.get(unit.school_id)
                    points = None if got is None else got.points
                    done = got is not None and E.is_done(got.points, not got.applicable)
                else:
                    points = result.points
                    done = E.is_done(result.points, result.answered and not result.applicable)
                yield Place(unit.school_id, code), points, done

    def schools_scored(self, code: str) -> tuple[int, int]:
        """A per-school indicator: (schools scored, schools it covers); it counts in its area once all are."""
        places = self.school_places(code)
        return sum(1 for p in places if self.scored(p)), len(places)

    def school_places(self, code: str) -> list[Place]:
        """The places of a per-school indicator in this group, one per school it covers (in order)."""
        return self._school_places.get(code, [])

    def group_progress(self) -> dict[str, tuple[int, int]]:
        """Each group's (scored, total) places for this expert, as the group chooser shows them."""
        result = {}
        for g in self.groups:
            units = E.progress(self.store, self.plan, self.rubric, g, self.expert_id, share=self.assignments)
            result[g.id] = (sum(u.done for u in units), sum(u.total for u in units))
        return result

    # ------------------------------------------------------------------ editing
    def draft(self, place: Place, key: str, value: Any) -> Change:
        """One input typed: validate and rescore in memory; saved by `commit`."""
        pending = self._pending.setdefault(place, _Pending())
        pending.inputs[key] = value
        try:
            self._rescore(place)
        except (AnswerError, ValueError) as exc:
            # What the field shows cannot be saved: the field falls back to its stored value
            # (not to a half-typed one such as the "1" of "1e3") until it is corrected.
            pending.inputs.pop(key)
            if not (pending.inputs or pending.note is not None or pending.evidence is not None
                    or pending.methods is not None):
                del self._pending[place]
            try:
                self._rescore(place)
            except (AnswerError, ValueError):  # pragma: no cover - stored inputs were valid
                pass
            message = _where(self, place) + str(exc).split(": ", 1)[-1] if isinstance(exc, AnswerError) else \
                _where(self, place) + str(exc)
            self._errors[place] = message
            return Change(place, self.card(), error=message, field_key=getattr(exc, "field_key", key))
        self._errors.pop(place, None)
        return Change(place, self.card())

    def _rescore(self, place: Place) -> None:
        pending = self._pending.get(place)
        if place not in self._entries and not (pending and pending.inputs):
            self.scorer.set_answer(place.code, None, place.school_id or None)  # still 未开始
            return
        typed = self.indicator(place.code).rule.normalise(_clean(self.inputs(place)))
        self.scorer.set_answer(place.code, typed, place.school_id or None)

    def draft_entry(self, place: Place, *, evidence: list[str] | None = None, methods: list[str] | None = None,
                    note: str | None = None) -> Change:
        pending = self._pending.setdefault(place, _Pending())
        if evidence is not None:
            pending.evidence = list(evidence)
        if methods is not None:
            pending.methods = list(methods)
        if note is not None:
            pending.note = note
        return Change(place)

    @property
    def dirty(self) -> bool:
        return bool(self._pending)

    def commit(self) -> Change:
        """Write every draft to the store, one durable transaction per entry."""
        change = Change()
        if self._pending and not self.can_score:
            place = next(iter(self._pending))
            self._pending.clear()
            change.place, change.error = place, NOT_CHOSEN
            return change
        for place, pending in list(self._pending.items()):
            try:
                entry = E.set_entry(self.store, self.plan, self.rubric, self.group, self.expert_id, place.school_id,
                                    place.code, inputs=pending.inputs, evidence=pending.evidence,
                                    methods=pending.methods, note=pending.note)
            except E.EntryError as exc:
                change.place, change.error, change.field_key = place, str(exc), exc.field_key
                self._errors[place] = str(exc)
                del self._pending[place]
                continue
            except StoreError as exc:
                change.place, change.save_error = place, str(exc)
                return change  # drafts kept: saved on the next try
            self._entries[place] = entry
            del self._pending[place]
            self._rescore(place)  # as the store now has it (an entry with only a note counts as begun)
            change.place, change.saved_at = place, entry.updated_at[11:19]
        if change.saved_at:
            change.card = self.card()
            from inspector_app.store import finalisation as FN  # on the first save, not at start
            if FN.latest(self.store, self.plan.id, self.group.id) is not None:  # one cheap look unless finalised
                change.notice = self.inspection.change_notice(self.group)
        return change

    # ------------------------------------------------------------------ findings
    def findings(self) -> dict[str, str]:
        return F.get_findings(self.store, self.plan.id, self.group.id)

    def set_finding(self, kind: str, text: str) -> Change:
        if not self.can_score:
            return Change(error=NOT_CHOSEN)
        try:
            F.set_finding(self.store, self.plan.id, self.group.id, kind, text, self.expert_id)
        except StoreError as exc:
            return Change(save_error=str(exc))
        except ValueError as exc:
            return Change(error=str(exc))
        return Change(saved_at=_clock())

    # ------------------------------------------------------------------ 整改事项
    @property
    def can_rectify(self) -> bool:
        """The panel lead writes the group's rectification items; the other experts read them."""
        return self.identity is not None and self.identity.kind == "expert" and self.expert_role == "lead"

    def rectify_actor(self, key_id: str):
        from inspector_app.store.rectification import Actor
        return Actor(self.expert_name, self.expert_id, key_id)

    # ------------------------------------------------------------------ vetoes
    def vetoes(self) -> dict[str, tuple[bool, str]]:
        return {key: (value, reason) for _e, key, value, reason in
                E.vetoes(self.store, self.plan.id, self.group.id, self.expert_id)}

    def set_veto(self, key: str, value: bool, reason: str) -> Change:
        if not self.can_score:
            return Change(error=NOT_CHOSEN)
        try:
            E.set_veto(self.store, self.plan, self.rubric, self.group, self.expert_id, key, value, reason)
        except E.EntryError as exc:
            return Change(error=str(exc))
        except StoreError as exc:
            return Change(save_error=str(exc))
        self.scorer.set_veto(key, value)
        return Change(card=self.card(), saved_at=_clock())


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items()
            if v is not None and not (isinstance(v, str) and not v.strip() and k != "reason")}


def _where(ws: Workspace, place: Place) -> str:
    return f"指标 {place.code}" + (f"（{ws.school_name(place.school_id)}）" if place.school_id else "") + ": "


def _clock() -> str:
    from datetime import datetime
    return datetime.now().strftime("%H:%M:%S")
