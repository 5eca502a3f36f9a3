"""The group's award/project register in one expert's workspace (004 C15–C19, C21–C23): its items, the baseline
year's, and which of the two ways of entering the count scores the expert's entry.

The two ways are the register (逐项登记: each item named, the same project counted once at its highest level,
the baseline year subtracted) and the typed counts or level (直接填写). One of them scores the entry at a time;
choosing one never deletes the other's data: the register's items stay in the group's register and the typed
figures stay in the entry's inputs beside an unused register. A mixin of `Workspace` (inspector_app/workspace.py),
which supplies the store, plan, group, `indicator`, `inputs` and `_count_ways` (the way chosen this session at a
place where nothing is entered yet: nothing stored says it), and the actions that write: `edit_register` and
`choose_count_way`.
"""
from __future__ import annotations

from inspector_app.rubric.rules.register import REGISTER

BY_REGISTER = "register"  # 逐项登记
BY_HAND = "typed"  # 直接填写个数 (or 直接选择级别)
COUNT_WAYS = (BY_REGISTER, BY_HAND)


class RegisterWork:
    """What a `Workspace` reads of the register, each one call to store/registers."""

    def register_items(self, code: str) -> list:
        from inspector_app.store import registers as RG
        return RG.items(self.store, self.plan.id, self.group.id, code)

    def register_baseline(self, code: str) -> list[dict]:
        """The baseline year's items of `code` read from that year's inspection in this data folder ([] when the
        rule has no baseline year or no such inspection registers the group)."""
        from inspector_app.store import registers as RG
        year = getattr(self.indicator(code).rule, "baseline", "")
        return RG.baseline_items(self.store, self.plan, self.group, code, year) if year else []

    # ------------------------------------------------------------------ which way scores the entry
    def typed_counts(self, place) -> dict:
        """The counts (or level) typed at `place`, used or kept: the rule's own inputs that have a value."""
        values = self.inputs(place)
        return {f.key: values[f.key] for f in self.indicator(place.code).rule.own_fields()
                if values.get(f.key) is not None}

    def count_way(self, place) -> str:
        """BY_REGISTER or BY_HAND: what the entry is scored from (the register once it is in the entry's
        inputs; else typed figures when there are any; else this session's choice; else the rule's default)."""
        if self.inputs(place).get(REGISTER) is not None:
            return BY_REGISTER
        if self.typed_counts(place):
            return BY_HAND
        chosen = self._count_ways.get((self.group.id, place))
        if chosen:
            return chosen
        return BY_REGISTER if getattr(self.indicator(place.code).rule, "register_first", False) else BY_HAND
