"""Rules scored from ticks and counts: items (按项计分), deductions (扣分制), one condition (达标得分)."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from inspector_app.numbers import fmt_points
from inspector_app.rubric.rules.inputs import ZERO, Field
from inspector_app.rubric.rules.base import Option, Rule, read_options
from inspector_app.said import Said

ITEMS_SUM_DIFFERS = Said("各项分值之和 {0} 与本指标分值 {1} 不符", "the items' points add up to {0}, not this indicator's points {1}")


@dataclass(frozen=True)
class ItemsRule(Rule):
    type: ClassVar[str] = "items"
    title: ClassVar[str] = "按项计分"
    keys: ClassVar[frozenset[str]] = frozenset({"items"})
    items: tuple[Option, ...] = ()

    @classmethod
    def read(cls, rd, node, points, gate, path):
        items = read_options(rd, node, "items", path)
        total = sum((o.points for o in items), ZERO)
        if items and total != points:
            rd.problem(node.get("items").line, f"{path}.items",
                       ITEMS_SUM_DIFFERS(fmt_points(total), fmt_points(points)))
        return cls(points, gate, items=items)

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
    keys: ClassVar[frozenset[str]] = frozenset({"deductions"})
    deductions: tuple[Option, ...] = ()

    @classmethod
    def read(cls, rd, node, points, gate, path):
        return cls(points, gate, deductions=read_options(rd, node, "deductions", path, allow_max_count=True,
                                                         allow_unit=True))

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
class GateRule(Rule):
    type: ClassVar[str] = "gate"
    title: ClassVar[str] = "达标得分，否则不得分"
    keys: ClassVar[frozenset[str]] = frozenset({"condition"})
    condition: str = ""

    @classmethod
    def read(cls, rd, node, points, gate, path):
        return cls(points, gate, condition=rd.text(node, "condition", path))

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
