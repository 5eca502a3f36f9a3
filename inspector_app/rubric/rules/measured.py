"""Rules scored from one measured figure: thresholds, proportions, shortfalls, percentages, levels."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from inspector_app.numbers import fmt_points
from inspector_app.rubric.rules.inputs import HUNDRED, ZERO, Field, json_decimal, q
from inspector_app.rubric.rules.base import KEY_RE, Option, Rule, read_options
from inspector_app.said import Said

DEDUCT_ABOVE = Said("扣分 {0} 超过本项分值 {1}", "the deduction {0} is more than this item's points {1}")
TARGET_POSITIVE = Said("目标值应大于 0", "the target must be greater than 0")
KEY_INVALID = Said("键 “{0}” 无效或重复", "the key “{0}” is not valid or is used twice")


@dataclass(frozen=True)
class ThresholdRule(Rule):
    type: ClassVar[str] = "threshold"
    title: ClassVar[str] = "低于标准扣分"
    keys: ClassVar[frozenset[str]] = frozenset({"measure", "unit", "below", "deduct"})
    forms: ClassVar[tuple[str, ...]] = ("number", "percent", "ratio")
    measure: str = ""
    unit: str = ""
    below: Decimal = ZERO
    deduct: Decimal = ZERO

    @classmethod
    def read(cls, rd, node, points, gate, path):
        deduct = rd.decimal(node, "deduct", path)
        if deduct is not None and deduct > points:
            rd.problem(node.get("deduct").line, f"{path}.deduct",
                       DEDUCT_ABOVE(fmt_points(deduct), fmt_points(points)))
        return cls(points, gate, measure=rd.text(node, "measure", path), unit=rd.text(node, "unit", path, required=False),
                   below=rd.decimal(node, "below", path) or ZERO, deduct=deduct or ZERO)

    def own_fields(self):
        return [self.measure_field("value", self.measure, self.unit, HUNDRED if self.unit == "%" else None)]

    def compute(self, values):
        value = values["value"]
        if value < self.below:
            return self.points - self.deduct, [
                f"{self.measure} {fmt_points(value)}{self.unit}，低于 {fmt_points(self.below)}{self.unit}，"
                f"扣 {fmt_points(self.deduct)} 分"]
        return self.points, [f"{self.measure} {fmt_points(value)}{self.unit}，达到 {fmt_points(self.below)}{self.unit}，不扣分"]

    def describe_own(self):
        return (f"满分 {fmt_points(self.points)} 分；{self.measure}低于 {fmt_points(self.below)}{self.unit} "
                f"扣 {fmt_points(self.deduct)} 分。")

    def params_json(self):
        return {"measure": self.measure, "unit": self.unit, "below": fmt_points(self.below),
                "deduct": fmt_points(self.deduct)}


@dataclass(frozen=True)
class ProportionalRule(Rule):
    type: ClassVar[str] = "proportional"
    title: ClassVar[str] = "按完成比例计分"
    keys: ClassVar[frozenset[str]] = frozenset({"measure", "unit", "target"})
    forms: ClassVar[tuple[str, ...]] = ("number", "percent", "ratio", "points")
    measure: str = "完成比例"
    unit: str = "%"
    target: Decimal | None = None  # None: the panel judges the completion ratio in percent

    @classmethod
    def read(cls, rd, node, points, gate, path):
        target = rd.decimal(node, "target", path, required=False)
        if target is not None and target <= 0:
            rd.problem(node.get("target").line, f"{path}.target", TARGET_POSITIVE())
        return cls(points, gate, measure=rd.text(node, "measure", path, required=False, default="完成比例"),
                   unit=rd.text(node, "unit", path, required=False, default="%"), target=target)

    def own_fields(self):
        return [self.measure_field("value", self.measure, self.unit, HUNDRED if self.unit == "%" else None)]

    def compute(self, values):
        value = values["value"]
        if self.target is None:
            ratio = value / HUNDRED
            how = f"完成比例 {fmt_points(q(value))}%"
        else:
            ratio = min(value / self.target, Decimal(1)) if self.target else Decimal(1)
            how = (f"{self.measure} {fmt_points(value)}{self.unit}，目标 {fmt_points(self.target)}{self.unit}，"
                   f"完成 {fmt_points(q(ratio * HUNDRED))}%")
        points = self.points * ratio
        return points, [f"{how} × {fmt_points(self.points)} 分 = {fmt_points(q(points))}"]

    def describe_own(self):
        if self.target is None:
            return (f"按完成比例计分：{fmt_points(self.points)} 分 × 完成比例（考核组评定的百分比，"
                    f"或 完成项数/应完成项数）。")
        return (f"按完成比例计分：{self.measure}达到 {fmt_points(self.target)}{self.unit} 得满分 "
                f"{fmt_points(self.points)} 分，不足时按 实际值 ÷ {fmt_points(self.target)}{self.unit} 的比例计分。")

    def params_json(self):
        return {"measure": self.measure, "unit": self.unit, "target": json_decimal(self.target)}


@dataclass(frozen=True)
class Target:
    """One condition of a shortfall rule: a measure that should reach its target."""
    key: str
    measure: str
    unit: str = "%"
    target: Decimal = ZERO
    per_unit: Decimal = Decimal(1)

    @property
    def step(self) -> str:
        return "百分点" if self.unit == "%" else self.unit

    def to_json(self) -> dict:
        return {"key": self.key, "measure": self.measure, "unit": self.unit, "target": fmt_points(self.target),
                "per_unit": fmt_points(self.per_unit)}


@dataclass(frozen=True)
class ShortfallRule(Rule):
    """达到要求的计满分，每降低1个百分点少计1分 — for one condition, or several that must all be met
    (000 item 4: the exchange share and the backbone teachers' share); each condition's shortfall counts."""
    type: ClassVar[str] = "shortfall"
    title: ClassVar[str] = "达标满分，每低一个单位少计分"
    keys: ClassVar[frozenset[str]] = frozenset({"measure", "unit", "target", "per_unit", "also"})
    forms: ClassVar[tuple[str, ...]] = ("number", "percent", "ratio", "points")
    measure: str = ""
    unit: str = "%"
    target: Decimal = ZERO
    per_unit: Decimal = Decimal(1)
    also: tuple[Target, ...] = ()  # further conditions, each with its own input

    @classmethod
    def read(cls, rd, node, points, gate, path):
        also, seen = [], {"value"}
        for _, p, m in rd.maps(node, "also", path, required=False):
            rd.keys(m, {"key", "measure", "unit", "target", "per_unit"}, p)
            key = rd.text(m, "key", p)
            if key and (not KEY_RE.match(key) or key in seen):
                rd.problem(m.line, f"{p}.key", KEY_INVALID(key))
            seen.add(key)
            also.append(Target(key, rd.text(m, "measure", p), rd.text(m, "unit", p, required=False, default="%"),
                               rd.decimal(m, "target", p) or ZERO,
                               rd.decimal(m, "per_unit", p, required=False) or Decimal(1)))
        return cls(points, gate, measure=rd.text(node, "measure", path),
                   unit=rd.text(node, "unit", path, required=False, default="%"),
                   target=rd.decimal(node, "target", path) or ZERO,
                   per_unit=rd.decimal(node, "per_unit", path) or Decimal(1), also=tuple(also))

    @property
    def conditions(self) -> tuple[Target, ...]:
        return (Target("value", self.measure, self.unit, self.target, self.per_unit),) + self.also

    def own_fields(self):
        return [self.measure_field(t.key, t.measure, t.unit, HUNDRED if t.unit == "%" else None)
                for t in self.conditions]

    def compute(self, values):
        total, lines = self.points, []
        for t in self.conditions:
            value = values[t.key]
            if value >= t.target:
                lines.append(f"{t.measure} {fmt_points(q(value))}{t.unit}，达到 {fmt_points(t.target)}{t.unit}"
                             + (" → 满分" if not self.also else "，不扣分"))
                continue
            gap = t.target - value
            cut = gap * t.per_unit
            total -= cut
            lines.append(f"{t.measure} {fmt_points(q(value))}{t.unit}，比 {fmt_points(t.target)}{t.unit} 低 "
                         f"{fmt_points(q(gap))} 个{t.step} × {fmt_points(t.per_unit)} = −{fmt_points(q(cut))}")
        if total < 0:
            lines.append("扣完为止，最低 0 分")
        return total, lines

    def describe_own(self):
        if not self.also:
            return (f"{self.measure}达到 {fmt_points(self.target)}{self.unit} 得 {fmt_points(self.points)} 分，"
                    f"每降低 1 个{self.conditions[0].step}少计 {fmt_points(self.per_unit)} 分，扣完为止。")
        reach = "，且".join(f"{t.measure}达到 {fmt_points(t.target)}{t.unit}" for t in self.conditions)
        each = "；".join(f"{t.measure}每降低 1 个{t.step}少计 {fmt_points(t.per_unit)} 分" for t in self.conditions)
        return f"{reach}，得 {fmt_points(self.points)} 分；{each}，各项合计扣分，扣完为止。"

    def params_json(self):
        data = {"measure": self.measure, "unit": self.unit, "target": fmt_points(self.target),
                "per_unit": fmt_points(self.per_unit)}
        if self.also:
            data["also"] = [t.to_json() for t in self.also]
        return data


@dataclass(frozen=True)
class LevelsRule(Rule):
    type: ClassVar[str] = "levels"
    title: ClassVar[str] = "按等次折算"
    keys: ClassVar[frozenset[str]] = frozenset({"measure", "levels"})
    measure: str = "等次"
    levels: tuple[Option, ...] = ()  # points holds the fraction of max, 0..1

    @classmethod
    def read(cls, rd, node, points, gate, path):
        levels = read_options(rd, node, "levels", path, value_key="fraction", maximum=Decimal(1))
        return cls(points, gate, measure=rd.text(node, "measure", path, required=False, default="等次"), levels=levels)

    def own_fields(self):
        return [Field("level", "choice", self.measure, choices=tuple(o.label for o in self.levels))]

    def compute(self, values):
        level = next(o for o in self.levels if o.label == values["level"])
        points = self.points * level.points
        return points, [f"{self.measure}：{level.label}，按 {fmt_points(level.points * HUNDRED)}% 计 = {fmt_points(q(points))}"]

    def describe_own(self):
        parts = "，".join(f"{o.label}计 {fmt_points(o.points * HUNDRED)}%" for o in self.levels)
        return f"按{self.measure}折算 {fmt_points(self.points)} 分：{parts}。"

    def params_json(self):
        return {"measure": self.measure,
                "levels": [{"label": o.label, "fraction": fmt_points(o.points)} for o in self.levels]}


@dataclass(frozen=True)
class PercentageRule(Rule):
    type: ClassVar[str] = "percentage"
    title: ClassVar[str] = "按百分比计分"
    keys: ClassVar[frozenset[str]] = frozenset({"measure"})
    forms: ClassVar[tuple[str, ...]] = ("number", "percent", "ratio", "points")
    measure: str = "满意度"

    @classmethod
    def read(cls, rd, node, points, gate, path):
        return cls(points, gate, measure=rd.text(node, "measure", path, required=False, default="满意度"))

    def own_fields(self):
        return [self.measure_field("value", self.measure, "%", HUNDRED)]

    def compute(self, values):
        points = self.points * values["value"] / HUNDRED
        return points, [f"{self.measure} {fmt_points(q(values['value']))}% × {fmt_points(self.points)} 分 = {fmt_points(q(points))}"]

    def describe_own(self):
        return f"按{self.measure}百分比计分：{fmt_points(self.points)} 分 × {self.measure}（%）。"

    def params_json(self):
        return {"measure": self.measure}
