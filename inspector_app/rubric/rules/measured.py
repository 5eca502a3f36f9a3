"""Rules scored from one measured figure: thresholds, proportions, shortfalls, percentages, levels."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from inspector_app.numbers import fmt_points
from inspector_app.rubric.rules.base import HUNDRED, ZERO, Field, Option, Rule, json_decimal, q, read_options


@dataclass(frozen=True)
class ThresholdRule(Rule):
    type: ClassVar[str] = "threshold"
    title: ClassVar[str] = "低于标准扣分"
    keys: ClassVar[frozenset[str]] = frozenset({"measure", "unit", "below", "deduct"})
    measure: str = ""
    unit: str = ""
    below: Decimal = ZERO
    deduct: Decimal = ZERO

    @classmethod
    def read(cls, rd, node, points, gate, path):
        deduct = rd.decimal(node, "deduct", path)
        if deduct is not None and deduct > points:
            rd.problem(node.get("deduct").line, f"{path}.deduct",
                       f"扣分 {fmt_points(deduct)} 超过本项分值 {fmt_points(points)}")
        return cls(points, gate, measure=rd.text(node, "measure", path), unit=rd.text(node, "unit", path, required=False),
                   below=rd.decimal(node, "below", path) or ZERO, deduct=deduct or ZERO)

    def own_fields(self):
        return [Field("value", "number", self.measure, minimum=ZERO,
                      maximum=HUNDRED if self.unit == "%" else None, unit=self.unit)]

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
    measure: str = "完成比例"
    unit: str = "%"
    target: Decimal | None = None  # None: the panel judges the completion ratio in percent

    @classmethod
    def read(cls, rd, node, points, gate, path):
        target = rd.decimal(node, "target", path, required=False)
        if target is not None and target <= 0:
            rd.problem(node.get("target").line, f"{path}.target", "目标值应大于 0")
        return cls(points, gate, measure=rd.text(node, "measure", path, required=False, default="完成比例"),
                   unit=rd.text(node, "unit", path, required=False, default="%"), target=target)

    def own_fields(self):
        maximum = HUNDRED if self.unit == "%" else None
        return [Field("value", "number", self.measure, minimum=ZERO, maximum=maximum, unit=self.unit)]

    def compute(self, values):
        value = values["value"]
        if self.target is None:
            ratio = value / HUNDRED
            how = f"完成比例 {fmt_points(value)}%"
        else:
            ratio = min(value / self.target, Decimal(1)) if self.target else Decimal(1)
            how = (f"{self.measure} {fmt_points(value)}{self.unit}，目标 {fmt_points(self.target)}{self.unit}，"
                   f"完成 {fmt_points(q(ratio * HUNDRED))}%")
        points = self.points * ratio
        return points, [f"{how} × {fmt_points(self.points)} 分 = {fmt_points(q(points))}"]

    def describe_own(self):
        if self.target is None:
            return f"按完成比例计分：{fmt_points(self.points)} 分 × 考核组评定的完成比例（0–100%）。"
        return (f"按完成比例计分：{self.measure}达到 {fmt_points(self.target)}{self.unit} 得满分 "
                f"{fmt_points(self.points)} 分，不足时按 实际值 ÷ {fmt_points(self.target)}{self.unit} 的比例计分。")

    def params_json(self):
        return {"measure": self.measure, "unit": self.unit, "target": json_decimal(self.target)}


@dataclass(frozen=True)
class ShortfallRule(Rule):
    type: ClassVar[str] = "shortfall"
    title: ClassVar[str] = "达标满分，每低一个单位少计分"
    keys: ClassVar[frozenset[str]] = frozenset({"measure", "unit", "target", "per_unit"})
    measure: str = ""
    unit: str = "%"
    target: Decimal = ZERO
    per_unit: Decimal = Decimal(1)

    @classmethod
    def read(cls, rd, node, points, gate, path):
        return cls(points, gate, measure=rd.text(node, "measure", path),
                   unit=rd.text(node, "unit", path, required=False, default="%"),
                   target=rd.decimal(node, "target", path) or ZERO,
                   per_unit=rd.decimal(node, "per_unit", path) or Decimal(1))

    def own_fields(self):
        return [Field("value", "number", self.measure, minimum=ZERO,
                      maximum=HUNDRED if self.unit == "%" else None, unit=self.unit)]

    def compute(self, values):
        value = values["value"]
        if value >= self.target:
            return self.points, [f"{self.measure} {fmt_points(value)}{self.unit}，达到 {fmt_points(self.target)}{self.unit} → 满分"]
        gap = self.target - value
        cut = gap * self.per_unit
        return self.points - cut, [
            f"{self.measure} {fmt_points(value)}{self.unit}，比 {fmt_points(self.target)}{self.unit} 低 "
            f"{fmt_points(gap)} 个{'百分点' if self.unit == '%' else '单位'} × {fmt_points(self.per_unit)} = −{fmt_points(q(cut))}"]

    def describe_own(self):
        step = "百分点" if self.unit == "%" else self.unit
        return (f"{self.measure}达到 {fmt_points(self.target)}{self.unit} 得 {fmt_points(self.points)} 分，"
                f"每降低 1 个{step}少计 {fmt_points(self.per_unit)} 分，扣完为止。")

    def params_json(self):
        return {"measure": self.measure, "unit": self.unit, "target": fmt_points(self.target),
                "per_unit": fmt_points(self.per_unit)}


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
    measure: str = "满意度"

    @classmethod
    def read(cls, rd, node, points, gate, path):
        return cls(points, gate, measure=rd.text(node, "measure", path, required=False, default="满意度"))

    def own_fields(self):
        return [Field("value", "number", self.measure, minimum=ZERO, maximum=HUNDRED, unit="%")]

    def compute(self, values):
        points = self.points * values["value"] / HUNDRED
        return points, [f"{self.measure} {fmt_points(values['value'])}% × {fmt_points(self.points)} 分 = {fmt_points(q(points))}"]

    def describe_own(self):
        return f"按{self.measure}百分比计分：{fmt_points(self.points)} 分 × {self.measure}（%）。"

    def params_json(self):
        return {"measure": self.measure}
