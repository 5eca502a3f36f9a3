"""Rules scored from awards and projects by level: cumulative with a cap, or the highest level only."""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from inspector_app.numbers import fmt_points
from inspector_app.rubric.rules.base import ZERO, Field, Option, Rule, read_options


@dataclass(frozen=True)
class AwardsRule(Rule):
    type: ClassVar[str] = "awards"
    title: ClassVar[str] = "按级别累计加分，封顶"
    keys: ClassVar[frozenset[str]] = frozenset({"levels", "note"})
    levels: tuple[Option, ...] = ()
    note: str = ""

    @classmethod
    def read(cls, rd, node, points, gate, path):
        return cls(points, gate, levels=read_options(rd, node, "levels", path),
                   note=rd.text(node, "note", path, required=False))

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
    keys: ClassVar[frozenset[str]] = frozenset({"levels"})
    levels: tuple[Option, ...] = ()
    none_label: ClassVar[str] = "无"

    @classmethod
    def read(cls, rd, node, points, gate, path):
        levels = read_options(rd, node, "levels", path)
        for o in levels:
            if o.points > points:
                rd.problem(node.get("levels").line, f"{path}.levels",
                           f"“{o.label}” 的 {fmt_points(o.points)} 分超过本项分值 {fmt_points(points)}")
        return cls(points, gate, levels=levels)

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
