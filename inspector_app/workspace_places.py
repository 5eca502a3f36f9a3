"""Places in one expert's workspace and moving between them: the next one, the next not yet scored,
another unit, an indicator by code or by words, and where the expert left off. A mixin of `Workspace`
(inspector_app/workspace.py), which supplies the store, plan, group, places, units and `scored`."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    """One indicator at one unit: the group as a whole (school_id "") or one school."""
    school_id: str
    code: str



class PlaceMoves:
    """How the window moves through a `Workspace`'s places."""

    def step(self, place: Place | None, delta: int) -> Place | None:
        if not self.places:
            return None
        if place not in self.places:
            return self.places[0]
        index = self.places.index(place) + delta
        return self.places[index] if 0 <= index < len(self.places) else None

    def first_place(self) -> Place | None:
        """Where a group opens when nothing of it was visited yet: my first place in the tree's order that is not
        a bonus item (安康 lists the group's bonus 加1 above the schools; it is decided last, not where the work
        begins), else my first place, else the first."""
        mine = [p for p in self.places if self.is_mine(p)] or self.places
        return next((p for p in mine if not self.rubric.area(self.indicator(p.code).area_code).bonus),
                    mine[0] if mine else None)

    def next_unscored(self, place: Place | None) -> Place | None:
        """The next of my places not yet scored (None: all are): after this one in its own unit and round that
        unit again first, so a school is finished before the next one begins; then the others, in order."""
        if not self.places:
            return None
        start = self.places.index(place) + 1 if place in self.places else 0
        ahead = self.places[start:] + self.places[:start]
        if place is not None:
            ahead = [p for p in ahead if p.school_id == place.school_id] + [p for p in ahead
                                                                          if p.school_id != place.school_id]
        for candidate in ahead:
            if candidate != place and self.is_mine(candidate) and not self.scored(candidate):
                return candidate
        return None

    def unscored(self) -> list[Place]:
        """My places of this group not scored yet, in order: what 完成检查 lists."""
        return [p for p in self.places if self.is_mine(p) and not self.scored(p)]

    # ------------------------------------------------------------------ where the expert left off
    def remember(self, place: Place | None) -> None:
        if self.group is None or place is None:
            return
        self.store.set_setting(f"last_place:{self.plan.id}", f"{self.group.id}|{place.school_id}|{place.code}")

    def last_place(self) -> tuple[str, Place] | None:
        """(group id, place) where this plan was left, when both still exist."""
        text = self.store.setting(f"last_place:{self.plan.id}") or ""
        parts = text.split("|")
        if len(parts) != 3 or parts[0] not in {g.id for g in self.groups}:
            return None
        return parts[0], Place(parts[1], parts[2])

    def step_unit(self, place: Place | None, delta: int) -> Place | None:
        ids = [u.school_id for u in self.units]
        if not ids:
            return None
        index = ids.index(place.school_id) + delta if place else 0
        if not 0 <= index < len(ids):
            return None
        codes = self.units[index].codes  # the same indicator at the next school, to compare them in turn
        return Place(ids[index], place.code if place and place.code in codes else codes[0])

    def find_code(self, text: str) -> Place | None:
        code = text.strip().upper()
        return next((p for p in self.places if p.code.upper() == code), None)

    def search(self, text: str) -> list[Place]:
        """Places whose indicator mentions every word: its text, code, standard, rule, inputs or evidence list."""
        words = text.strip().lower().split()
        if not words:
            return list(self.places)
        haystacks: dict[str, str] = {}
        for code in {p.code for p in self.places}:
            ind = self.indicator(code)
            parts = [code, ind.text_for(self.group.group_type), ind.standard, ind.rule.describe(),
                     *ind.evidence, *(f.label for f in ind.rule.fields())]
            haystacks[code] = "\n".join(parts).lower()
        return [p for p in self.places if all(w in haystacks[p.code] for w in words)]
