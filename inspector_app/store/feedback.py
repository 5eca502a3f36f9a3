"""The feedback meeting (反馈会) of a group and the panel's problems (存在问题) as items with deadlines.

Each problem item names the indicator and school it concerns and the date by
which it must be put right (整改时限); the feedback report lists them as its
整改要求. When a panel has written no items, its 存在问题 text (one problem a
line) stands in, each line due on the plan's 整改报告 date.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from inspector_app.store.db import Store, StoreError, now
from inspector_app.store.history import record

MAX_TEXT = 20_000


@dataclass(frozen=True)
class ProblemItem:
    text: str
    indicator: str = ""
    school_id: str = ""
    deadline: str = ""  # ISO date


@dataclass(frozen=True)
class Meeting:
    held_at: str = ""  # "2024-09-26 15:30"
    place: str = ""
    attendees: str = ""  # 参加人员
    response: str = ""  # 被考核单位的意见（表态）

    @property
    def recorded(self) -> bool:
        return bool(self.held_at or self.place or self.attendees or self.response)


def _check_date(value: str, what: str) -> str:
    value = value.strip()
    if value:
        try:
            _dt.date.fromisoformat(value)
        except ValueError:
            raise StoreError(f"{what}应写成 2024-12-31 这样的日期，而不是 “{value}”") from None
    return value


def problem_items(store: Store, plan_id: str, group_id: str) -> list[ProblemItem]:
    return [ProblemItem(*r) for r in store.conn.execute(
        "SELECT text, indicator, school_id, deadline FROM problem_items WHERE plan_id = ? AND group_id = ?"
        " ORDER BY position", (plan_id, group_id))]


def set_problem_items(store: Store, plan_id: str, group_id: str, items: list[ProblemItem], expert_id: str) -> None:
    """Replace the group's problem items (the lead edits the list as a whole)."""
    clean = []
    for n, item in enumerate(items, 1):
        text = item.text.strip()
        if not text:
            raise StoreError(f"第 {n} 条存在问题没有内容")
        if len(text) > MAX_TEXT:
            raise StoreError(f"第 {n} 条存在问题过长（{len(text)} 字）")
        clean.append(ProblemItem(text, item.indicator.strip(), item.school_id.strip(),
                                 _check_date(item.deadline, f"第 {n} 条存在问题的整改时限")))
    old = problem_items(store, plan_id, group_id)
    if old == clean:
        return
    with store.tx():
        store.conn.execute("DELETE FROM problem_items WHERE plan_id = ? AND group_id = ?", (plan_id, group_id))
        for position, item in enumerate(clean):
            store.conn.execute(
                "INSERT INTO problem_items (plan_id, group_id, position, text, indicator, school_id, deadline,"
                " expert_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (plan_id, group_id, position, item.text, item.indicator, item.school_id, item.deadline,
                 expert_id, now()))
        record(store, expert_id, plan_id, "problem_items", {"plan": plan_id, "group": group_id}, "items",
               _describe(old), _describe(clean))


def _describe(items: list[ProblemItem]) -> str:
    return "\n".join(f"{i.indicator}|{i.school_id}|{i.deadline}|{i.text}" for i in items)


def meeting(store: Store, plan_id: str, group_id: str) -> Meeting:
    row = store.conn.execute("SELECT held_at, place, attendees, response FROM feedback_meetings"
                             " WHERE plan_id = ? AND group_id = ?", (plan_id, group_id)).fetchone()
    return Meeting(*row) if row else Meeting()


def set_meeting(store: Store, plan_id: str, group_id: str, value: Meeting, expert_id: str) -> None:
    for field_name in ("held_at", "place", "attendees", "response"):
        if len(getattr(value, field_name)) > MAX_TEXT:
            raise StoreError(f"反馈会记录的{field_name}过长")
    old = meeting(store, plan_id, group_id)
    if old == value:
        return
    with store.tx():
        store.conn.execute(
            "INSERT INTO feedback_meetings (plan_id, group_id, held_at, place, attendees, response, expert_id,"
            " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (plan_id, group_id) DO UPDATE SET"
            " held_at = excluded.held_at, place = excluded.place, attendees = excluded.attendees,"
            " response = excluded.response, expert_id = excluded.expert_id, updated_at = excluded.updated_at",
            (plan_id, group_id, value.held_at.strip(), value.place.strip(), value.attendees.strip(),
             value.response.strip(), expert_id, now()))
        for field_name in ("held_at", "place", "attendees", "response"):
            if getattr(old, field_name) != getattr(value, field_name):
                record(store, expert_id, plan_id, "feedback_meeting", {"plan": plan_id, "group": group_id},
                       field_name, getattr(old, field_name), getattr(value, field_name))
