"""Reading an indicator's `rule:` block into a Rule, with every problem located."""
from __future__ import annotations

import re
from decimal import Decimal

from inspector_app.numbers import fmt_points
from inspector_app.rubric.reader import Reader
from inspector_app.rubric.yamlnodes import YMap, YScalar
from inspector_app.scoring import rule_types as T
from inspector_app.scoring import rules as R

KEY_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
COMMON = {"type", "gate"}


def read_rule(rd: Reader, node: YMap | None, points: Decimal | None, path: str, line: int) -> R.Rule | None:
    node = rd.map(node, path, line)
    if node is None or points is None:
        return None
    kind = rd.text(node, "type", path)
    if not kind:
        return None
    cls = T.REGISTRY.get(kind)
    if cls is None:
        rd.problem(node.get("type").line, f"{path}.type",
                   f"未知的计分规则 “{kind}”；可用: {', '.join(T.REGISTRY)}")
        return None
    gate = rd.text(node, "gate", path, required=False)
    reader = _READERS[kind]
    allowed, build = reader
    rd.keys(node, COMMON | allowed, path)
    before = len(rd.problems)
    rule = build(rd, node, points, gate, path)
    if len(rd.problems) > before:
        return None
    return rule


def _options(rd: Reader, node: YMap, key: str, path: str, value_key: str = "points",
             allow_max_count: bool = False, maximum: Decimal | None = None,
             allow_unit: bool = False) -> tuple[R.Option, ...]:
    result: list[R.Option] = []
    seen: dict[str, int] = {}
    items = rd.seq(node, key, path)
    if not items and key in node.items:
        rd.problem(node.get(key).line, f"{path}.{key}", "列表不能为空")
    for i, item in enumerate(items):
        p = f"{path}.{key}[{i}]"
        m = rd.map(item, p, node.line)
        if m is None:
            continue
        allowed = ({"key", "label", value_key} | ({"max_count"} if allow_max_count else set())
                   | ({"unit"} if allow_unit else set()))
        rd.keys(m, allowed, p)
        label = rd.text(m, "label", p)
        okey = rd.text(m, "key", p, required=False) or f"k{i + 1}"
        if not KEY_RE.match(okey):
            rd.problem(m.get("key").line, f"{p}.key", "键只能用英文字母、数字和下划线，且以字母开头")
        if okey in seen:
            rd.problem(m.get("key").line if m.get("key") else m.line, f"{p}.key",
                       f"键 {okey} 重复（第 {seen[okey]} 行已有）")
        seen[okey] = m.line
        value = rd.decimal(m, value_key, p, maximum=maximum)
        max_count = None
        if allow_max_count and m.get("max_count") is not None:
            mc = rd.decimal(m, "max_count", p)
            if mc is not None:
                if mc != mc.to_integral_value() or mc < 1:
                    rd.problem(m.get("max_count").line, f"{p}.max_count", "应为正整数")
                else:
                    max_count = int(mc)
        unit = rd.text(m, "unit", p, required=False, default="项") if allow_unit else "项"
        if label and value is not None:
            result.append(R.Option(okey, label, value, max_count, unit or "项"))
    return tuple(result)


def _items(rd, node, points, gate, path):
    items = _options(rd, node, "items", path)
    total = sum((o.points for o in items), Decimal(0))
    if items and total != points:
        rd.problem(node.get("items").line, f"{path}.items",
                   f"各项分值之和 {fmt_points(total)} 与本指标分值 {fmt_points(points)} 不符")
    return T.ItemsRule(points, gate, items=items)


def _deduct(rd, node, points, gate, path):
    return T.DeductRule(points, gate, deductions=_options(rd, node, "deductions", path, allow_max_count=True,
                                                            allow_unit=True))


def _threshold(rd, node, points, gate, path):
    deduct = rd.decimal(node, "deduct", path)
    if deduct is not None and deduct > points:
        rd.problem(node.get("deduct").line, f"{path}.deduct", f"扣分 {fmt_points(deduct)} 超过本项分值 {fmt_points(points)}")
    return T.ThresholdRule(points, gate, measure=rd.text(node, "measure", path), unit=rd.text(node, "unit", path, required=False),
                           below=rd.decimal(node, "below", path) or Decimal(0), deduct=deduct or Decimal(0))


def _gate(rd, node, points, gate, path):
    return T.GateRule(points, gate, condition=rd.text(node, "condition", path))


def _proportional(rd, node, points, gate, path):
    target = rd.decimal(node, "target", path, required=False)
    if target is not None and target <= 0:
        rd.problem(node.get("target").line, f"{path}.target", "目标值应大于 0")
    return T.ProportionalRule(points, gate, measure=rd.text(node, "measure", path, required=False, default="完成比例"),
                              unit=rd.text(node, "unit", path, required=False, default="%"), target=target)


def _shortfall(rd, node, points, gate, path):
    return T.ShortfallRule(points, gate, measure=rd.text(node, "measure", path),
                           unit=rd.text(node, "unit", path, required=False, default="%"),
                           target=rd.decimal(node, "target", path) or Decimal(0),
                           per_unit=rd.decimal(node, "per_unit", path) or Decimal(1))


def _levels(rd, node, points, gate, path):
    levels = _options(rd, node, "levels", path, value_key="fraction", maximum=Decimal(1))
    return T.LevelsRule(points, gate, measure=rd.text(node, "measure", path, required=False, default="等次"), levels=levels)


def _percentage(rd, node, points, gate, path):
    return T.PercentageRule(points, gate, measure=rd.text(node, "measure", path, required=False, default="满意度"))


def _awards(rd, node, points, gate, path):
    return T.AwardsRule(points, gate, levels=_options(rd, node, "levels", path),
                        note=rd.text(node, "note", path, required=False))


def _highest(rd, node, points, gate, path):
    levels = _options(rd, node, "levels", path)
    for o in levels:
        if o.points > points:
            rd.problem(node.get("levels").line, f"{path}.levels",
                       f"“{o.label}” 的 {fmt_points(o.points)} 分超过本项分值 {fmt_points(points)}")
    return T.HighestRule(points, gate, levels=levels)


def _manual(rd, node, points, gate, path):
    return T.ManualRule(points, gate, guidance=rd.text(node, "guidance", path, required=False))


def _parts(rd, node, points, gate, path):
    parts: list[T.Part] = []
    total = Decimal(0)
    seen: set[str] = set()
    for i, item in enumerate(rd.seq(node, "parts", path)):
        p = f"{path}.parts[{i}]"
        m = rd.map(item, p, node.line)
        if m is None:
            continue
        rd.keys(m, {"key", "label", "points", "rule"}, p)
        key = rd.text(m, "key", p, required=False) or f"p{i + 1}"
        if not KEY_RE.match(key) or key in seen:
            rd.problem(m.line, f"{p}.key", f"部分的键 “{key}” 无效或重复")
        seen.add(key)
        label = rd.text(m, "label", p)
        part_points = rd.decimal(m, "points", p)
        sub = read_rule(rd, m.get("rule"), part_points, f"{p}.rule", m.line)
        if isinstance(sub, T.PartsRule):
            rd.problem(m.line, f"{p}.rule.type", "分项内不能再分项")
            continue
        if sub is not None and part_points is not None:
            total += part_points
            parts.append(T.Part(key, label, sub))
    if parts and total != points:
        rd.problem(node.get("parts").line, f"{path}.parts",
                   f"各部分分值之和 {fmt_points(total)} 与本指标分值 {fmt_points(points)} 不符")
    return T.PartsRule(points, gate, parts=tuple(parts))


_READERS = {
    "items": ({"items"}, _items),
    "deduct": ({"deductions"}, _deduct),
    "threshold": ({"measure", "unit", "below", "deduct"}, _threshold),
    "gate": ({"condition"}, _gate),
    "proportional": ({"measure", "unit", "target"}, _proportional),
    "shortfall": ({"measure", "unit", "target", "per_unit"}, _shortfall),
    "levels": ({"measure", "levels"}, _levels),
    "percentage": ({"measure"}, _percentage),
    "awards": ({"levels", "note"}, _awards),
    "highest": ({"levels"}, _highest),
    "manual": ({"guidance"}, _manual),
    "parts": ({"parts"}, _parts),
}
assert set(_READERS) == set(T.REGISTRY)
