"""Rules scored from awards and projects by level: cumulative with a cap, or the highest level only."""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from inspector_app.numbers import fmt_points
from inspector_app.rubric.rules.inputs import ZERO, Field, InputError
from inspector_app.rubric.rules.base import Option, Rule, read_options
from inspector_app.rubric.rules.register import LEVELS, REGISTER, counted, level_of, parse_items
from inspector_app.said import Said

NO_LEVEL_IN = Said("“{0}” 中没有写明级别（{1}），登记表无法对应", "“{0}” names no level ({1}): the register cannot be matched to it")
BASELINE_YEAR = Said("基数年份应为四位数字，如 2021", "the baseline year must be four digits, such as 2021")
LEVEL_ABOVE_POINTS = Said("“{0}” 的 {1} 分超过本项分值 {2}", "the {1} points of “{0}” are more than this item's points {2}")


class RegisterRule(Rule):
    """What the awards and highest-level rules share: an optional register of items by level."""
    levels: tuple[Option, ...]
    # Scored from the register unless the expert chooses to type instead (before anything is entered): where
    # counting is where mistakes are made, the same project registered twice or the baseline year's items.
    register_first: ClassVar[bool] = False

    @classmethod
    def check_levels(cls, rd, node, path, levels) -> None:
        for o in levels:
            if level_of(o.label) is None:
                rd.problem(node.get("levels").line, f"{path}.levels",
                           NO_LEVEL_IN(o.label, '、'.join(LEVELS)))

    @property
    def level_names(self) -> tuple[str, ...]:
        return tuple(level_of(o.label) or o.label for o in self.levels)

    def register_field(self) -> Field:
        return Field(REGISTER, "register", "获奖/项目登记表", required=False, choices=self.level_names)

    def panel_fields(self) -> list[Field]:
        return super().panel_fields() + [self.register_field()]

    def register_counts(self, values) -> tuple[dict[str, int], list[str]] | None:
        items = values.get(REGISTER)
        if items is None:
            return None
        by_level, lines = counted(parse_items(items, self.level_names), self.level_names, self.baseline)
        return {o.key: by_level[name] for o, name in zip(self.levels, self.level_names)}, lines

    def missing(self, values):
        if values.get(REGISTER) is not None:
            return []
        return [f.label for f in self.fields() if f.required and values.get(f.key) is None]

    def normalise(self, raw):
        register = raw.get(REGISTER) if isinstance(raw, dict) else None
        values = super().normalise({k: v for k, v in raw.items() if k != REGISTER} if register is not None else raw)
        if register is not None:
            try:
                values[REGISTER] = [x.to_json() for x in parse_items(register, self.level_names)]
            except ValueError as exc:
                raise InputError(REGISTER, str(exc)) from exc
        return values


@dataclass(frozen=True)
class AwardsRule(RegisterRule):
    type: ClassVar[str] = "awards"
    title: ClassVar[str] = "按级别累计加分，封顶"
    keys: ClassVar[frozenset[str]] = frozenset({"levels", "note", "baseline"})
    levels: tuple[Option, ...] = ()
    note: str = ""
    baseline: str = ""  # a year whose register items are subtracted (004 C16–C19: “在2021年基础上有所增加”)
    register_first: ClassVar[bool] = True  # counts by level: the register de-duplicates and subtracts the baseline

    @classmethod
    def read(cls, rd, node, points, gate, path):
        levels = read_options(rd, node, "levels", path)
        cls.check_levels(rd, node, path, levels)
        baseline = rd.text(node, "baseline", path, required=False)
        if baseline and not (baseline.isdigit() and len(baseline) == 4):
            rd.problem(node.get("baseline").line, f"{path}.baseline", BASELINE_YEAR())
        return cls(points, gate, levels=levels, note=rd.text(node, "note", path, required=False), baseline=baseline)

    def own_fields(self):
        return [Field(o.key, "count", o.label, minimum=ZERO, points=o.points, gained=True) for o in self.levels]

    def compute(self, values):
        total, lines = ZERO, []
        derived = self.register_counts(values)
        if derived is not None:
            counts, lines = derived
            values = values | counts
        for o in self.levels:
            count = values[o.key]
            if count:
                total += o.points * count
                lines.append(f"{o.label} {count} 项 × {fmt_points(o.points)} = +{fmt_points(o.points * count)}")
        if not lines:
            lines.append("无 → 0")
        if total > self.points:
            lines.append(f"合计 {fmt_points(total)}，本项最高 {fmt_points(self.points)} 分")
        return total, lines

    def describe_own(self):
        parts = "，".join(f"{o.label}每项得 {fmt_points(o.points)} 分" for o in self.levels)
        extra = f"{self.note}。" if self.note else ""
        base = f"按登记表计时，与 {self.baseline} 年登记的同级别项数相比，只计增加的项数；" if self.baseline else ""
        return (f"{parts}，累计计分，最高 {fmt_points(self.points)} 分。{extra}{base}"
                f"同一项目重复登记的，只按最高级别计一次。")

    def params_json(self):
        data = {"levels": [o.to_json() for o in self.levels], "note": self.note}
        if self.baseline:
            data["baseline"] = self.baseline
        return data


@dataclass(frozen=True)
class HighestRule(RegisterRule):
    type: ClassVar[str] = "highest"
    title: ClassVar[str] = "取最高级别"
    keys: ClassVar[frozenset[str]] = frozenset({"levels"})
    levels: tuple[Option, ...] = ()
    none_label: ClassVar[str] = "无"
    baseline: ClassVar[str] = ""
    register_first: ClassVar[bool] = False  # the highest level is one choice; a register adds nothing to count

    @classmethod
    def read(cls, rd, node, points, gate, path):
        levels = read_options(rd, node, "levels", path)
        cls.check_levels(rd, node, path, levels)
        for o in levels:
            if o.points > points:
                rd.problem(node.get("levels").line, f"{path}.levels",
                           LEVEL_ABOVE_POINTS(o.label, fmt_points(o.points), fmt_points(points)))
        return cls(points, gate, levels=levels)

    def own_fields(self):
        return [Field("level", "choice", "达到的最高级别",
                      choices=tuple(o.label for o in self.levels) + (self.none_label,))]

    def compute(self, values):
        derived = self.register_counts(values)
        if derived is not None:
            counts, lines = derived
            reached = [o for o in self.levels if counts[o.key]]
            best = max(reached, key=lambda o: o.points) if reached else None
            if best is None:
                return ZERO, lines + ["未达到任何级别 → 0"]
            return best.points, lines + [f"同类取最高分：{best.label} → {fmt_points(best.points)}"]
        if values["level"] == self.none_label:
            return ZERO, ["未达到任何级别 → 0"]
        level = next(o for o in self.levels if o.label == values["level"])
        return level.points, [f"最高达到{level.label} → {fmt_points(level.points)}"]

    def describe_own(self):
        parts = "，".join(f"{o.label}得 {fmt_points(o.points)} 分" for o in self.levels)
        return f"{parts}；同类取最高分，不累计。"

    def params_json(self):
        return {"levels": [o.to_json() for o in self.levels]}
