"""One inspection plan opened: its store, plan and rubric, and the use cases the window and the command line share.

Both front ends hold an `Inspection` and ask it the same questions — who am I,
which groups are mine, an expert's score card, the panel's card, the report's
data, the bureau's results — so neither rebuilds the context or repeats a rule.
The scoring screen's session (`workspace.Workspace`) is built on it.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from inspector_app.rubric.model import Rubric
from inspector_app.said import Said
from inspector_app.scoring.engine import ScoreCard
from inspector_app.store import entries as E
from inspector_app.store import identity as I
from inspector_app.store import experts as EX
from inspector_app.store import plans as P
from inspector_app.store.db import Store, StoreError

NO_SINGLE_SCHOOL = Said("集团 {0} 中找不到唯一的学校 “{1}”", 'group {0} has no single school "{1}"')

# The panel's and the finalisation's modules load on first use: the scoring screen starts without them.
if TYPE_CHECKING:  # pragma: no cover
    from inspector_app.store import finalisation as FN
    from inspector_app.store import rectification as R
    from inspector_app.reports.model import ReportData
    from inspector_app.results.model import Results


def chosen_expert_id(store: Store, plan_id: str) -> str | None:
    """The expert this laptop's user chose to be in the plan; None when nobody chose (or not an expert)."""
    found = I.current(store, plan_id)
    return found.expert_id if found and found.scores else None


@dataclass
class Inspection:
    store: Store
    plan: P.Plan
    rubric: Rubric = field(init=False)

    def __post_init__(self) -> None:
        self.rubric = P.plan_rubric(self.store, self.plan)

    @classmethod
    def open(cls, store: Store, plan_key: str | None = None) -> "Inspection":
        """The plan named by id, id prefix or title; None opens the only (or newest) one."""
        return cls(store, P.find_plan(store, plan_key))

    # ------------------------------------------------------------------ who and where
    def experts(self) -> list[EX.Expert]:
        return EX.experts(self.store, self.plan.id)

    def chosen_expert_id(self) -> str | None:
        return chosen_expert_id(self.store, self.plan.id)

    def identity(self) -> I.Identity | None:
        """Who this laptop's user chose to be in the plan (an expert, the bureau, a viewer), or None."""
        return I.current(self.store, self.plan.id)

    def me(self, key: str | None = None) -> EX.Expert:
        """Who am I: the expert `key` names, else this laptop's chosen identity (never a guess)."""
        if key:
            return EX.get_expert(self.store, self.plan.id, key)
        return I.require_scorer(self.store, self.plan).expert

    def groups(self) -> list[P.Group]:
        return P.groups(self.store, self.plan.id)

    def group(self, key: str) -> P.Group:
        """A group by id or name (or a unique part of the name)."""
        return P.get_group(self.store, self.plan.id, key)

    def my_groups(self, expert_id: str) -> list[P.Group]:
        """The groups the expert's division of work includes."""
        rows = EX.assigned(self.store, self.plan.id, expert_id)
        return [g for g in self.groups() if any(gid in ("*", g.id) for gid, _s, _c in rows)]

    @staticmethod
    def school_id(group: P.Group, key: str) -> str:
        """A school of the group by id or name (or a unique part of it); "" stands for the group as a whole."""
        if not key:
            return E.GROUP
        hits = [s for s in group.schools if key in (s.id, s.name)] or [s for s in group.schools if key in s.name]
        if len(hits) != 1:
            raise StoreError(NO_SINGLE_SCHOOL(group.name, key))
        return hits[0].id

    def progress(self, expert_id: str) -> tuple[int, int]:
        """(scored, to score) over every group for one expert, as the home list shows it ("12/23 已评")."""
        done = total = 0
        share = EX.assigned(self.store, self.plan.id, expert_id)  # her places only, as 完成检查 counts them
        for group in self.groups():
            for unit in E.progress(self.store, self.plan, self.rubric, group, expert_id, share=share):
                done, total = done + unit.done, total + unit.total
        return done, total

    # ------------------------------------------------------------------ scores
    def score_card(self, group: P.Group, expert_id: str) -> ScoreCard:
        """The group's score as one expert's entries give it."""
        return E.expert_scorer(self.store, self.plan, self.rubric, group, expert_id).card()

    def panel_card(self, group: P.Group) -> ScoreCard:
        """The group's score as the panel settles it."""
        from inspector_app.store.consensus import panel_scorer
        return panel_scorer(self.store, self.plan, self.rubric, group).card()

    def report_state(self, group: P.Group) -> "FN.ReportState":
        """Whether the group's result is finalised (定稿), a draft, or changed since it was finalised."""
        from inspector_app.store import finalisation as FN
        return FN.report_state(self.store, self.plan, self.rubric, group)

    def transcribe(self, group: P.Group, expert: EX.Expert, typist_id: str, school_id: str, code: str,
                   **fields) -> tuple[E.Entry, str]:
        """The lead types an expert's paper sheet (代录): the entry, marked as typed by `typist_id`, and what to say
        at once when the group is finalised (change_notice; "" otherwise)."""
        from inspector_app.store import finalisation as FN
        entry = E.set_entry(self.store, self.plan, self.rubric, group, expert.id, school_id, code,
                            typed_by=typist_id, **fields)
        return entry, FN.change_notice(self.store, self.plan, self.rubric, group, transcribed_for=expert.name)

    def change_notice(self, group: P.Group) -> str:
        """What to say at once after a change to the group when it is finalised (定稿); "" otherwise."""
        from inspector_app.store import finalisation as FN
        return FN.change_notice(self.store, self.plan, self.rubric, group)

    def finalise(self, group: P.Group, lead_id: str, visit_date: str, meeting_date: str,
                 reason: str = "") -> "FN.Finalised":
        """The lead's 定稿 of the group's result: the next version, or FinaliseError naming what is missing."""
        from inspector_app.store import finalisation as FN
        return FN.finalise(self.store, self.plan, self.rubric, group, lead_id, visit_date, meeting_date, reason)

    # ------------------------------------------------------------------ 整改事项
    def rectify_items(self, group: P.Group) -> list["R.Item"]:
        """The rectification items this plan's panel found in the group (removed ones left out)."""
        from inspector_app.store import rectification as R
        return R.items(self.store, self.plan.id, group.id, own_only=True)

    def default_area(self, code: str) -> str:
        """The 一级指标 an item on indicator `code` is classed under unless another area is written."""
        if not self.rubric.has_indicator(code):
            return ""
        return self.rubric.area(self.rubric.indicator(code).area_code).title

    def add_rectification(self, group: P.Group, draft: "R.Draft", actor: "R.Actor") -> "R.Item":
        """A new item, checked as `rectify add` checks it; RectifyError naming the field."""
        from inspector_app.store import rectification as R
        return R.add_item(self.store, self.plan, self.rubric, group, draft, actor)

    def edit_rectification(self, group: P.Group, uid: str, changes: dict, actor: "R.Actor", reason: str) -> "R.Item":
        """An item's fields corrected with a reason, as `rectify update ID --text … --reason …`."""
        from inspector_app.store import rectification as R
        return R.edit_item(self.store, self.plan, self.rubric, group, R.get_item(self.store, uid), changes, actor,
                           reason)

    def remove_rectification(self, uid: str, actor: "R.Actor", reason: str) -> "R.Item":
        """An item listed by mistake taken off, its record kept, as `rectify remove ID --reason …`."""
        from inspector_app.store import rectification as R
        return R.remove_item(self.store, R.get_item(self.store, uid), actor, reason)

    # ------------------------------------------------------------------ documents
    def report_data(self, group: P.Group, *, date: _dt.date | None = None) -> "ReportData":
        """What the group's feedback report (现场反馈报告) and score sheets print."""
        from inspector_app.reports.from_store import report_data  # reportlab-free, but not needed at start-up
        return report_data(self.store, self.plan, group, date=date)

    def results(self, grades: dict[str, str] | None = None) -> "Results":
        """The bureau's results for the plan: every unit scored, ranked and graded."""
        from inspector_app.results.from_store import plan_results
        return plan_results(self.store, self.plan, grades)
