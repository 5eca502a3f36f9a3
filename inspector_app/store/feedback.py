"""The feedback meeting (反馈会) of a group: time, place, attendees and the unit's response.

The panel's problems (存在问题) with their deadlines are rectification items (store/rectification.py).
"""
from __future__ import annotations

from dataclasses import dataclass

from inspector_app.store.db import Store, StoreError, now
from inspector_app.store.history import record
from inspector_app.said import Said

FEEDBACK_MEETING_TOO_LONG = Said('反馈会记录的{0}过长',
                                  "The feedback meeting's {0} is too long")

MAX_TEXT = 20_000


@dataclass(frozen=True)
class Meeting:
    held_at: str = ""  # "2024-09-26 15:30"
    place: str = ""
    attendees: str = ""  # 参加人员
    response: str = ""  # 被考核单位的意见（表态）

    @property
    def recorded(self) -> bool:
        return bool(self.held_at or self.place or self.attendees or self.response)


def meeting(store: Store, plan_id: str, group_id: str) -> Meeting:
    row = store.conn.execute("SELECT held_at, place, attendees, response FROM feedback_meetings"
                             " WHERE plan_id = ? AND group_id = ?", (plan_id, group_id)).fetchone()
    return Meeting(*row) if row else Meeting()


def set_meeting(store: Store, plan_id: str, group_id: str, value: Meeting, expert_id: str) -> None:
    for field_name in ("held_at", "place", "attendees", "response"):
        if len(getattr(value, field_name)) > MAX_TEXT:
            raise StoreError(FEEDBACK_MEETING_TOO_LONG(field_name))
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
