"""What every scoring rule shares: inputs (`Field`), results (`Outcome`), the `Rule` base, the registry.

A rule type is one `Rule` subclass that reads its parameters from the rubric
file (`read`, with every problem located), says in plain Chinese how it scores
(`describe_own`), names the inputs a panel gives it (`own_fields`) and scores
them (`compute`). Defining the subclass with a `type` registers it; nothing
here knows about schools, experts or storage.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any, ClassVar

from inspector_app.numbers import NumberError, fmt_points, normalise_text, parse_bool, parse_count, parse_decimal

if TYPE_CHECKING:  # pragma: no cover
    from inspector_app.rubric.reader import Reader
    from inspector_app.rubric.yamlnodes import YMap

ZERO = Decimal(0)
CENT = Decimal("0.01")
HUNDRED = Decimal(100)
MAX_TEXT = 1_000_000  # a reason or note longer than this is a paste accident
KEY_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")

REGISTRY: dict[str, type["Rule"]] = {}


def q(value: Decimal) -> Decimal:
    """Points are kept to two decimals, rounded half up as people do by hand."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def json_decimal(value: Decimal | None) -> str | None:
    return None if value is None else fmt_points(value)


@dataclass(frozen=True)
class Field:
    """One input the panel gives a rule."""
    key: str
    kind: str  # bool | count | number | choice | text
    label: str
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    choices: tuple[str, ...] = ()
    unit: str = ""
    points: Decimal | None = None  # what ticking or counting one is worth, for display
    required: bool = True

    def default(self) -> Any:
        # An opened entry starts with nothing ticked and nothing deducted;
        # numbers, levels and reasons must be given.
        if self.kind == "bool":
            return False
        if self.kind == "count":
            return 0
        return None

    def to_json(self) -> dict:
        return {"key": self.key, "kind": self.kind, "label": self.label,
                "min": json_decimal(self.minimum), "max": json_decimal(self.maximum), "choices": list(self.choices),
                "unit": self.unit, "points": json_decimal(self.points), "required": self.required}


class InputError(ValueError):
    def __init__(self, field_key: str, message: str):
        super().__init__(message)
        self.field_key = field_key


@dataclass
class Outcome:
    points: Decimal | None  # None: not every required input is given yet
    lines: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Option:
    """An item, deduction or level with its points."""
    key: str
    label: str
    points: Decimal
    max_count: int | None = None
    unit: str = "项"  # what one counts: 项, 次, 份 (deductions only)

    def to_json(self) -> dict:
        data = {"key": self.key, "label": self.label, "points": fmt_points(self.points)}
        if self.max_count is not None:
            data["max_count"] = self.max_count
        if self.unit != "项":
            data["unit"] = self.unit
        return data


@dataclass(frozen=True)
class Rule:
    type: ClassVar[str] = ""
    title: ClassVar[str] = ""
    keys: ClassVar[frozenset[str]] = frozenset()  # the rubric keys `read` accepts besides type and gate
    points: Decimal
    gate: str = ""  # "未…不得分": a condition that, when not met, makes the whole rule 0

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.__dict__.get("type"):
            if cls.type in REGISTRY:
                raise TypeError(f"rule type {cls.type!r} defined twice")
            REGISTRY[cls.type] = cls

    # --- what subclasses provide -------------------------------------------------
    @classmethod
    def read(cls, rd: "Reader", node: "YMap", points: Decimal, gate: str, path: str) -> "Rule":
        """The rule from its rubric node; problems go to `rd` with line and field."""
        raise NotImplementedError

    def own_fields(self) -> list[Field]:
        raise NotImplementedError

    def compute(self, values: dict[str, Any]) -> tuple[Decimal, list[str]]:
        raise NotImplementedError

    def describe_own(self) -> str:
        raise NotImplementedError

    def params_json(self) -> dict:
        return {}

    # --- shared behaviour ---------------------------------------------------------
    def fields(self) -> list[Field]:
        gate = [Field("gate", "bool", self.gate)] if self.gate else []
        return gate + self.own_fields()

    def describe(self) -> str:
        text = self.describe_own()
        if self.gate:
            text = f"前提：{self.gate}，否则本项不得分。{text}"
        return text

    def to_json(self) -> dict:
        data = {"type": self.type, "points": fmt_points(self.points)}
        if self.gate:
            data["gate"] = self.gate
        data.update(self.params_json())
        return data

    def normalise(self, raw: dict[str, Any]) -> dict[str, Any]:
        """Validate and convert raw inputs (typed text, JSON) to typed values."""
        if not isinstance(raw, dict):
            raise InputError("", "输入应为键值表")
        fields = {f.key: f for f in self.fields()}
        unknown = sorted(set(raw) - set(fields))
        if unknown:
            raise InputError(unknown[0], f"未知的输入项 “{unknown[0]}”；可用: {', '.join(fields)}")
        return {key: normalise_value(fields[key], value) for key, value in raw.items()}

    def score(self, raw: dict[str, Any]) -> Outcome:
        values = self.normalise(raw)
        missing = []
        for f in self.fields():
            if values.get(f.key) is None:
                default = f.default()
                if default is None and f.required:
                    missing.append(f.label)
                values[f.key] = default
        if missing:
            return Outcome(None, [f"尚未填写: {'、'.join(missing)}"], missing)
        if self.gate and not values["gate"]:
            return Outcome(ZERO, [f"未满足前提：{self.gate}，本项不得分 → 0"])
        points, lines = self.compute(values)
        points = q(min(max(points, ZERO), self.points))
        return Outcome(points, lines)


def normalise_value(f: Field, value: Any) -> Any:
    if value is None:
        return None
    what = f.label or f.key
    try:
        if f.kind == "bool":
            return parse_bool(value, what=what)
        if f.kind == "count":
            number = parse_count(value, what=what)
            if f.maximum is not None and number > f.maximum:
                raise InputError(f.key, f"{what}: 最多 {fmt_points(f.maximum)}，而不是 {number}")
            return number
        if f.kind == "number":
            if isinstance(value, str) and not normalise_text(value):
                return None
            number = parse_decimal(value, what=what)
            if f.minimum is not None and number < f.minimum:
                raise InputError(f.key, f"{what}: 不能小于 {fmt_points(f.minimum)}{f.unit}（填写的是 {value}）")
            if f.maximum is not None and number > f.maximum:
                raise InputError(f.key, f"{what}: 不能大于 {fmt_points(f.maximum)}{f.unit}（填写的是 {value}）")
            return number
        if f.kind == "choice":
            text = normalise_text(str(value)) if not isinstance(value, str) else value.strip()
            if text == "":
                return None
            if text not in f.choices:
                raise InputError(f.key, f"{what}: “{value}” 不是可选项；可选: {'、'.join(f.choices)}")
            return text
        if f.kind == "text":
            if not isinstance(value, str):
                raise InputError(f.key, f"{what}: 应为文字")
            if len(value) > MAX_TEXT:
                raise InputError(f.key, f"{what}: 文字过长（{len(value)} 字）")
            return value.strip() or None
    except NumberError as exc:
        raise InputError(f.key, str(exc)) from exc
    raise InputError(f.key, f"未知的输入类型 {f.kind}")  # pragma: no cover


def read_options(rd: "Reader", node: "YMap", key: str, path: str, value_key: str = "points",
                 allow_max_count: bool = False, maximum: Decimal | None = None,
                 allow_unit: bool = False) -> tuple[Option, ...]:
    """A list of {key, label, points} (items, deductions, levels) with every problem located."""
    result: list[Option] = []
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
            result.append(Option(okey, label, value, max_count, unit or "项"))
    return tuple(result)


def read_rule(rd: "Reader", node: "YMap | None", points: Decimal | None, path: str, line: int) -> Rule | None:
    """An indicator's (or part's) `rule:` block through the registered class for its `type`."""
    node = rd.map(node, path, line)
    if node is None or points is None:
        return None
    kind = rd.text(node, "type", path)
    if not kind:
        return None
    cls = REGISTRY.get(kind)
    if cls is None:
        rd.problem(node.get("type").line, f"{path}.type",
                   f"未知的计分规则 “{kind}”；可用: {', '.join(REGISTRY)}")
        return None
    gate = rd.text(node, "gate", path, required=False)
    rd.keys(node, {"type", "gate"} | set(cls.keys), path)
    before = len(rd.problems)
    rule = cls.read(rd, node, points, gate, path)
    if len(rd.problems) > before:
        return None
    return rule
