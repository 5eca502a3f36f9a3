"""What every scoring rule shares: inputs (`Field`), results (`Outcome`), the `Rule` base, input checking.

A rule knows its parameters (read from the rubric file), the inputs the panel
gives it (`fields`), how to score them, and how to say all of that in plain
Chinese. Nothing here knows about schools, experts or storage. The rules
themselves, and the registry of them by type, are in `rule_types`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, ClassVar

from inspector_app.numbers import NumberError, fmt_points, normalise_text, parse_bool, parse_count, parse_decimal

__all__ = ["CENT", "HUNDRED", "MAX_TEXT", "ZERO", "Field", "InputError", "Option", "Outcome", "Rule",
           "json_decimal", "normalise_value", "q"]

ZERO = Decimal(0)
CENT = Decimal("0.01")
HUNDRED = Decimal(100)
MAX_TEXT = 1_000_000  # a reason or note longer than this is a paste accident


def q(value: Decimal) -> Decimal:
    """Points are kept to two decimals, rounded half up as people do by hand."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


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


def json_decimal(value: Decimal | None) -> str | None:
    return None if value is None else fmt_points(value)


@dataclass(frozen=True)
class Rule:
    type: ClassVar[str] = ""
    title: ClassVar[str] = ""
    points: Decimal
    gate: str = ""  # "未…不得分": a condition that, when not met, makes the whole rule 0

    # --- what subclasses provide -------------------------------------------------
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

