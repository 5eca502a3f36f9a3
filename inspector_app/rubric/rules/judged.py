"""Rules the panel judges (考核组评定) and indicators split into separately scored parts (分项计分)."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar

from inspector_app.numbers import fmt_points
from inspector_app.rubric.rules.inputs import ZERO, Field
from inspector_app.rubric.rules.base import KEY_RE, Rule, read_rule
from inspector_app.said import Said

PART_KEY = Said("部分的键 “{0}” 无效或重复", "the part's key “{0}” is not valid or is used twice")
NO_NESTED_PARTS = Said("分项内不能再分项", "a part cannot have parts of its own")
PARTS_SUM_DIFFERS = Said("各部分分值之和 {0} 与本指标分值 {1} 不符", "the parts' points add up to {0}, not this indicator's points {1}")


@dataclass(frozen=True)
class ManualRule(Rule):
    type: ClassVar[str] = "manual"
    title: ClassVar[str] = "考核组评定，须写明理由"
    keys: ClassVar[frozenset[str]] = frozenset({"guidance"})
    guidance: str = ""

    @classmethod
    def read(cls, rd, node, points, gate, path):
        return cls(points, gate, guidance=rd.text(node, "guidance", path, required=False))

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
    keys: ClassVar[frozenset[str]] = frozenset({"parts"})
    parts: tuple[Part, ...] = ()

    @classmethod
    def read(cls, rd, node, points, gate, path):
        parts: list[Part] = []
        total = ZERO
        seen: set[str] = set()
        for i, p, m in rd.maps(node, "parts", path):
            rd.keys(m, {"key", "label", "points", "rule"}, p)
            key = rd.text(m, "key", p, required=False) or f"p{i + 1}"
            if not KEY_RE.match(key) or key in seen:
                rd.problem(m.line, f"{p}.key", PART_KEY(key))
            seen.add(key)
            label = rd.text(m, "label", p)
            part_points = rd.decimal(m, "points", p)
            sub = read_rule(rd, m.get("rule"), part_points, f"{p}.rule", m.line)
            if isinstance(sub, PartsRule):
                rd.problem(m.line, f"{p}.rule.type", NO_NESTED_PARTS())
                continue
            if sub is not None and part_points is not None:
                total += part_points
                parts.append(Part(key, label, sub))
        if parts and total != points:
            rd.problem(node.get("parts").line, f"{path}.parts",
                       PARTS_SUM_DIFFERS(fmt_points(total), fmt_points(points)))
        return cls(points, gate, parts=tuple(parts))

    def own_fields(self):
        result = []
        for part in self.parts:
            for f in part.rule.fields():
                label = f"{part.label}：{f.label}" if f.label else part.label
                result.append(replace(f, key=f"{part.key}.{f.key}", label=label))
        return result

    def form_fields(self) -> list[Field]:
        return []  # each part resolves its own written forms, and a direct award is the part's

    def missing(self, values):
        result = []
        for part in self.parts:
            sub = {k[len(part.key) + 1:]: v for k, v in values.items() if k.startswith(f"{part.key}.")}
            result += [f"{part.label}：{label}" for label in part.rule.missing(sub)]
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
