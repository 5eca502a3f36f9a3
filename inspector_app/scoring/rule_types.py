"""The scoring rules the seeds use, one class each, and `REGISTRY` of them by their `type`."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from inspector_app.numbers import fmt_points
from inspector_app.scoring.rules import HUNDRED, ZERO, Field, Option, Rule, json_decimal, q

__all__ = ["REGISTRY", "AwardsRule", "DeductRule", "GateRule", "HighestRule", "ItemsRule", "LevelsRule",
           "ManualRule", "Part", "PartsRule", "PercentageRule", "ProportionalRule", "ShortfallRule",
           "ThresholdRule"]


@dataclass(frozen=True)
class ItemsRule(Rule):
    type: ClassVar[str] = "items"
    title: ClassVar[str] = "按项计分"
    items: tuple[Option, ...] = ()

    def own_fields(self) -> list[Field]:
        return [Field(o.key, "bool", o.label, points=o.points) for o in self.items]

    def compute(self, values):
        got = [o for o in self.items if values[o.key]]
        lost = [o for o in self.items if not values[o.key]]
        lines = [f"✓ {o.label} +{fmt_points(o.points)}" for o in got]
        lines += [f"✗ {o.label}（{fmt_points(o.points)} 分）未得" for o in lost]
        return sum((o.points for o in got), ZERO), lines

    def describe_own(self):
        parts = "；".join(f"{o.label} {fmt_points(o.points)} 分" for o in self.items)
        return f"按项计分，共 {fmt_points(self.points)} 分：{parts}。具备一项得该项分值。"

    def params_json(self):
        return {"items": [o.to_json() for o in self.items]}


@dataclass(frozen=True)
class DeductRule(Rule):
    type: ClassVar[str] = "deduct"
    title: ClassVar[str] = "扣分制"
    deductions: tuple[Option, ...] = ()

    def own_fields(self) -> list[Field]:
        return [Field(o.key, "count", o.label, minimum=ZERO,
                      maximum=None if o.max_count is None else Decimal(o.max_count), unit=o.unit,
                      points=o.points)
                for o in self.deductions]

    def compute(self, values):
        total = self.points
        lines = [f"满分 {fmt_points(self.points)}"]
        for o in self.deductions:
            count = values[o.key]
            if count:
                cut = o.points * count
                total -= cut
                lines.append(f"{o.label} {count} {o.unit} × {fmt_points(o.points)} = −{fmt_points(cut)}")
        if len(lines) == 1:
            lines.append("无扣分")
        if total < 0:
            lines.append("扣完为止，最低 0 分")
        return total, lines

    def describe_own(self):
        def one(o: Option) -> str:
            if o.max_count == 1:  # a yes/no failing: "未“推门”听课评课扣2分"
                return f"{o.label}，扣 {fmt_points(o.points)} 分"
            limit = f"（最多计 {o.max_count} {o.unit}）" if o.max_count else ""
            return f"{o.label}，每{o.unit}扣 {fmt_points(o.points)} 分{limit}"
        return f"满分 {fmt_points(self.points)} 分，{'；'.join(one(o) for o in self.deductions)}，扣完为止。"

    def params_json(self):
        return {"deductions": [o.to_json() for o in self.deductions]}


@dataclass(frozen=True)
class ThresholdRule(Rule):
    type: ClassVar[str] = "threshold"
    title: ClassVar[str] = "低于标准扣分"
    measure: str = ""
    unit: str = ""
    below: Decimal = ZERO
    deduct: Decimal = ZERO

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
class GateRule(Rule):
    type: ClassVar[str] = "gate"
    title: ClassVar[str] = "达标得分，否则不得分"
    condition: str = ""

    def own_fields(self):
        return [Field("met", "bool", self.condition, points=self.points)]

    def compute(self, values):
        if values["met"]:
            return self.points, [f"✓ {self.condition} → {fmt_points(self.points)}"]
        return ZERO, [f"✗ 未做到：{self.condition}，本项不得分 → 0"]

    def describe_own(self):
        return f"{self.condition}，得 {fmt_points(self.points)} 分；否则本项不得分。"

    def params_json(self):
        return {"condition": self.condition}


@dataclass(frozen=True)
class ProportionalRule(Rule):
    type: ClassVar[str] = "proportional"
    title: ClassVar[str] = "按完成比例计分"
    measure: str = "完成比例"
    unit: str = "%"
    target: Decimal | None = None  # None: the panel judges the completion ratio in percent

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
    measure: str = ""
    unit: str = "%"
    target: Decimal = ZERO
    per_unit: Decimal = Decimal(1)

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
    measure: str = "等次"
    levels: tuple[Option, ...] = ()  # points holds the fraction of max, 0..1

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
    measure: str = "满意度"

    def own_fields(self):
        return [Field("value", "number", self.measure, minimum=ZERO, maximum=HUNDRED, unit="%")]

    def compute(self, values):
        points = self.points * values["value"] / HUNDRED
        return points, [f"{self.measure} {fmt_points(values['value'])}% × {fmt_points(self.points)} 分 = {fmt_points(q(points))}"]

    def describe_own(self):
        return f"按{self.measure}百分比计分：{fmt_points(self.points)} 分 × {self.measure}（%）。"

    def params_json(self):
        return {"measure": self.measure}


@dataclass(frozen=True)
class AwardsRule(Rule):
    type: ClassVar[str] = "awards"
    title: ClassVar[str] = "按级别累计加分，封顶"
    levels: tuple[Option, ...] = ()
    note: str = ""

    def own_fields(self):
        return [Field(o.key, "count", o.label, minimum=ZERO, points=o.points) for o in self.levels]

    def compute(self, values):
        total, lines = ZERO, []
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
        return f"{parts}，累计计分，最高 {fmt_points(self.points)} 分。{extra}"

    def params_json(self):
        return {"levels": [o.to_json() for o in self.levels], "note": self.note}


@dataclass(frozen=True)
class HighestRule(Rule):
    type: ClassVar[str] = "highest"
    title: ClassVar[str] = "取最高级别"
    levels: tuple[Option, ...] = ()
    none_label: ClassVar[str] = "无"

    def own_fields(self):
        return [Field("level", "choice", "达到的最高级别",
                      choices=tuple(o.label for o in self.levels) + (self.none_label,))]

    def compute(self, values):
        if values["level"] == self.none_label:
            return ZERO, ["未达到任何级别 → 0"]
        level = next(o for o in self.levels if o.label == values["level"])
        return level.points, [f"最高达到{level.label} → {fmt_points(level.points)}"]

    def describe_own(self):
        parts = "，".join(f"{o.label}得 {fmt_points(o.points)} 分" for o in self.levels)
        return f"{parts}；同类取最高分，不累计。"

    def params_json(self):
        return {"levels": [o.to_json() for o in self.levels]}


@dataclass(frozen=True)
class ManualRule(Rule):
    type: ClassVar[str] = "manual"
    title: ClassVar[str] = "考核组评定，须写明理由"
    guidance: str = ""

    def own_fields(self):
        return [Field("points", "number", "评定得分", minimum=ZERO, maximum=self.points),
                Field("reason", "text", "评分理由")]

    def compute(self, values):
        return values["points"], [f"考核组评定 {fmt_points(values['points'])} 分；理由：{values['reason']}"]

    def describe_own(self):
        extra = f"{self.guidance.rstrip('。')}。" if self.guidance else ""
        if self.points == 0:  # "points: 待定" in a template: nothing can be scored yet
            return f"{extra}分值待定：教育局补充分值和计分办法后，由考核组评定并写明理由。"
        return f"{extra}由考核组在 0–{fmt_points(self.points)} 分之间评定，并写明理由。"

    def params_json(self):
        return {"guidance": self.guidance}


@dataclass(frozen=True)
class Part:
    key: str
    label: str
    rule: Rule


@dataclass(frozen=True)
class PartsRule(Rule):
    """An indicator whose 考核要点 gives separate points to separate parts (004 C3: 1.5 + 1.5)."""
    type: ClassVar[str] = "parts"
    title: ClassVar[str] = "分项计分"
    parts: tuple[Part, ...] = ()

    def own_fields(self):
        result = []
        for part in self.parts:
            for f in part.rule.fields():
                label = f"{part.label}：{f.label}" if f.label else part.label
                result.append(Field(f"{part.key}.{f.key}", f.kind, label, f.minimum, f.maximum,
                                    f.choices, f.unit, f.points, f.required))
        return result

    def compute(self, values):
        total, lines = ZERO, []
        for part in self.parts:
            prefix = f"{part.key}."
            raw = {k[len(prefix):]: v for k, v in values.items() if k.startswith(prefix)}
            outcome = part.rule.score(raw)
            total += outcome.points or ZERO
            lines.append(f"【{part.label}】{fmt_points(outcome.points)} / {fmt_points(part.rule.points)}")
            lines += [f"　{line}" for line in outcome.lines]
        return total, lines

    def describe_own(self):
        return "分项计分：" + "；".join(
            f"（{i}）{p.label}，{fmt_points(p.rule.points)} 分：{p.rule.describe().rstrip('。')}"
            for i, p in enumerate(self.parts, 1)) + "。"

    def params_json(self):
        return {"parts": [{"key": p.key, "label": p.label, "rule": p.rule.to_json()} for p in self.parts]}


REGISTRY: dict[str, type[Rule]] = {cls.type: cls for cls in (
    ItemsRule, DeductRule, ThresholdRule, GateRule, ProportionalRule, ShortfallRule,
    LevelsRule, PercentageRule, AwardsRule, HighestRule, ManualRule, PartsRule)}
