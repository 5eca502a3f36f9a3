"""The experts of a plan, their signing keys and their division of work (who scores which school and indicator)."""
from __future__ import annotations

from dataclasses import dataclass

from inspector_app.store.db import Store, StoreError
from inspector_app.store.history import record
from inspector_app.said import Said

EXPERT_NAME_EMPTY = Said('专家姓名为空；本计划的专家: {0}',
                          "The expert's name is empty; this inspection's experts: {0}")
NO_SUCH_EXPERT = Said('找不到专家 “{0}”；本计划的专家: {1}',
                       "No expert “{0}”; this inspection's experts: {1}")


ROLES = {"lead": "组长", "member": "专家"}  # an expert's role in the panel, as the window and the command line say it
# The role a key trusted from a plan carries in the trust list (a re-check plan's experts: RECHECK_TRUST_ROLES),
# stored in Chinese; the window's list of keys says it in English.
TRUST_ROLES = {"lead": Said("专家组组长", "panel lead")(), "member": "专家"}
RECHECK_TRUST_ROLES = {"lead": Said("复查组长", "re-check lead")(), "member": Said("复查专家", "re-check expert")()}


@dataclass(frozen=True)
class Expert:
    id: str
    plan_id: str
    name: str
    role: str
    key_id: str | None
    fingerprint: str | None


def experts(store: Store, plan_id: str) -> list[Expert]:
    return [Expert(*r) for r in store.conn.execute(
        "SELECT id, plan_id, name, role, key_id, fingerprint FROM experts WHERE plan_id = ? ORDER BY role = 'member', name",
        (plan_id,))]


def get_expert(store: Store, plan_id: str, key: str) -> Expert:
    all_experts = experts(store, plan_id)
    if not key.strip():
        raise StoreError(EXPERT_NAME_EMPTY("、".join(e.name for e in all_experts)))
    hits = [e for e in all_experts if key in (e.id, e.name, e.key_id)]
    if len(hits) != 1:
        raise StoreError(NO_SUCH_EXPERT(key, "、".join(e.name for e in all_experts)))
    return hits[0]


def expert_public_key(store: Store, plan_id: str, expert_id: str) -> bytes | None:
    row = store.conn.execute("SELECT public_key FROM experts WHERE plan_id = ? AND id = ?",
                             (plan_id, expert_id)).fetchone()
    return None if row is None or row[0] is None else bytes(row[0])


def learn_expert_key(store: Store, plan_id: str, expert_id: str, key_id: str, public_key: bytes,
                     fingerprint: str) -> None:
    """Bind a key first seen on an expert's verified bundle to that expert (inside the caller's transaction)."""
    store.conn.execute("UPDATE experts SET key_id = ?, public_key = ?, fingerprint = ? WHERE plan_id = ? AND id = ?",
                       (key_id, public_key, fingerprint, plan_id, expert_id))
    record(store, expert_id, plan_id, "expert", {"plan": plan_id, "expert": expert_id}, "key_id", None, key_id)


def expert_by_id(store: Store, plan_id: str, expert_id: str) -> Expert | None:
    row = store.conn.execute("SELECT id, plan_id, name, role, key_id, fingerprint FROM experts"
                             " WHERE plan_id = ? AND id = ?", (plan_id, expert_id)).fetchone()
    return None if row is None else Expert(*row)


def experts_with_key(store: Store, plan_id: str, key_id: str) -> list[Expert]:
    """The experts of the plan registered with this signing key (normally one, or none)."""
    # Sorted here: an ORDER BY id would lead SQLite to walk the plan's experts by their primary key
    # instead of looking the key up in experts_by_key.
    return sorted((Expert(*r) for r in store.conn.execute(
        "SELECT id, plan_id, name, role, key_id, fingerprint FROM experts WHERE plan_id = ? AND key_id = ?",
        (plan_id, key_id))), key=lambda e: e.id)


def experts_of_group(store: Store, plan_id: str, group_id: str) -> list[Expert]:
    """The experts with an entry or a veto finding in this group (read through the group's own rows)."""
    return [Expert(*r) for r in store.conn.execute(
        "SELECT id, plan_id, name, role, key_id, fingerprint FROM experts WHERE plan_id = ? AND id IN ("
        " SELECT expert_id FROM entries WHERE plan_id = ? AND group_id = ?"
        " UNION SELECT expert_id FROM vetoes WHERE plan_id = ? AND group_id = ?)"
        " ORDER BY role = 'member', name", (plan_id, plan_id, group_id, plan_id, group_id))]


class ExpertIndex:
    """The plan's experts, looked up one at a time: a merge asks about a few experts per bundle, and
    reading all of a province's 12,000 for each of its bundles would grow with the square of the plan."""

    def __init__(self, store: Store, plan_id: str):
        self.store, self.plan_id = store, plan_id
        self._by_id: dict[str, Expert | None] = {}

    def get(self, expert_id: object, default: Expert | None = None) -> Expert | None:
        if not isinstance(expert_id, str):
            return default
        if expert_id not in self._by_id:
            self._by_id[expert_id] = expert_by_id(self.store, self.plan_id, expert_id)
        found = self._by_id[expert_id]
        return default if found is None else found

    def __getitem__(self, expert_id: str) -> Expert:
        found = self.get(expert_id)
        if found is None:
            raise KeyError(expert_id)
        return found

    def __contains__(self, expert_id: object) -> bool:
        return self.get(expert_id) is not None

    def with_key(self, key_id: str) -> list[Expert]:
        return experts_with_key(self.store, self.plan_id, key_id)

    def named(self, name: str) -> list[Expert]:
        return [Expert(*r) for r in self.store.conn.execute(
            "SELECT id, plan_id, name, role, key_id, fingerprint FROM experts WHERE plan_id = ? AND name = ?",
            (self.plan_id, name))]


def assigned(store: Store, plan_id: str, expert_id: str) -> list[tuple[str, str, str]]:
    return [tuple(r) for r in store.conn.execute(
        "SELECT group_id, school_id, indicator FROM assignments WHERE plan_id = ? AND expert_id = ?", (plan_id, expert_id))]


def is_assigned(rows: list[tuple[str, str, str]], group_id: str, school_id: str, code: str) -> bool:
    """The one rule for what is an expert's own to score (her share, 分工): a place (group, school, indicator) is
    hers when a row of `assigned` names its group, its school and its indicator, "*" standing for any. A row's
    school "" is the group as a whole (集团整体): it covers the group-level places only, not every school's place
    of an indicator scored school by school (C20 at each school belongs to whoever has that school)."""
    return any(g in ("*", group_id) and s in ("*", school_id) and c in ("*", code) for g, s, c in rows)
