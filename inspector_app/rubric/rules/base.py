"""What every scoring rule shares: results (`Outcome`), options, the `Rule` base, the registry (its inputs: inputs.py).

A rule type is one `Rule` subclass that reads its parameters from the rubric
file (`read`, with every problem located), says in plain Chinese how it scores
(`describe_own`), names the inputs a panel gives it (`own_fields`) and scores
them (`compute`). Defining the subclass with a `type` registers it; nothing
here knows about schools, experts or storage.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable, ClassVar

from inspector_app.numbers import fmt_points, parse_decimal
from inspector_app.rubric.rules.inputs import (FORMS, NA, NOT_APPLICABLE, OVERRIDE, OVERRIDE_REASON, POINTS_MARK, ZERO,
                                               Field, InputError, normalise_value, q, resolve)
from inspector_app.said import Said

EMPTY_LIST = Said("列表不能为空", "the list must not be empty")
OPTION_KEY = Said("键只能用英文字母、数字和下划线，且以字母开头",
                  "a key may use only English letters, digits and underscores, and must start with a letter")
OPTION_KEY_TWICE = Said("键 {0} 重复（第 {1} 行已有）", "the key {0} is used twice (already on line {1})")
POSITIVE_WHOLE = Said("应为正整数", "must be a positive whole number")
UNKNOWN_RULE = Said("未知的计分规则 “{0}”；可用: {1}", "unknown scoring rule “{0}”; can be used: {1}")
NOT_A_FORM = Said("“{0}” 不是输入写法；可用: {1}", "“{0}” is not a way of typing the input; can be used: {1}")
NO_FORMS = Said("{0} 规则没有可选的输入写法", "the {0} rule has no other ways of typing the input")

INPUTS_TABLE_KEYS_VALUES = Said('输入应为键值表',
                                 'The inputs must be a table of keys and values')
UNKNOWN_INPUT_POSSIBLE = Said('未知的输入项 “{0}”；可用: {1}',
                               'Unknown input "{0}"; possible: {1}')
CHANGED_SCORE_NEEDS_REASON = Said('改定得分须写明理由（override_reason）',
                                   'A changed score needs a reason (override_reason)')
if TYPE_CHECKING:  # pragma: no cover
    from inspector_app.rubric.reader import Reader
    from inspector_app.rubric.yamlnodes import YMap

KEY_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")

REGISTRY: dict[str, type["Rule"]] = {}


@dataclass
class Outcome:
    points: Decimal | None  # None: not every required input is given yet (or not applicable)
    lines: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    applicable: bool = True  # False: answered 不适用; neither scored nor missing
    computed: Decimal | None = None  # the rule's own figure when the panel overrode it
    override_reason: str = ""

    @property
    def overridden(self) -> bool:
        return bool(self.override_reason)


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
    forms: ClassVar[tuple[str, ...]] = ()  # written forms its measured figure accepts unless the file says `accept`
    points: Decimal
    gate: str = ""  # "未…不得分": a condition that, when not met, makes the whole rule 0
    accept: tuple[str, ...] = ()  # the rubric file's `accept:`; empty: the class's `forms`

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
    @property
    def accepted(self) -> tuple[str, ...]:
        return self.accept or self.forms

    def measure_field(self, key: str, label: str, unit: str, maximum: Decimal | None) -> Field:
        """The number field of a measured figure, in the forms this rule accepts.

        Percentages, ratios and yes/no are forms of a figure in percent only."""
        forms = self.accepted if unit == "%" else tuple(x for x in self.accepted if x in ("number", "points"))
        return Field(key, "number", label, minimum=ZERO, maximum=maximum, unit=unit,
                     forms=forms or ("number",), max_points=self.points)

    def form_fields(self) -> list[Field]:
        """The fields whose written forms this rule resolves itself (a parts rule leaves them to its parts)."""
        return self._held("_form_fields", lambda: [f for f in self.fields() if f.forms])

    def _held(self, name: str, make: Callable[[], list[Field]]) -> list[Field]:
        """A list of fields made once per rule: a rule is frozen, and scoring asks for its fields several
        times an entry (a province's merge scores tens of thousands). Each caller gets its own list."""
        held = self.__dict__.get(name)
        if held is None:
            held = tuple(make())
            object.__setattr__(self, name, held)  # not a dataclass field: equality and hashing ignore it
        return list(held)

    def _direct(self, values: dict[str, Any]) -> Decimal | None:
        for f in self.form_fields():
            value = values.get(f.key)
            if isinstance(value, str) and value.endswith(POINTS_MARK):
                return parse_decimal(value[:-1])
        return None

    def fields(self) -> list[Field]:
        return self._held("_fields", lambda: ([Field("gate", "bool", self.gate)] if self.gate else []) + self.own_fields())

    def panel_fields(self) -> list[Field]:
        """Inputs every indicator takes besides its rule's: 不适用 with a reason, and a reasoned override."""
        return self._held("_panel_fields", lambda: [
            Field(NOT_APPLICABLE, "text", "本项不适用的理由", required=False),
            Field(OVERRIDE, "number", "考核组改定得分", minimum=ZERO, maximum=self.points, required=False),
            Field(OVERRIDE_REASON, "text", "改定理由", required=False)])

    def missing(self, values: dict[str, Any]) -> list[str]:
        """Labels of the required inputs not given yet (a direct award needs nothing else)."""
        if self._direct(values) is not None:
            return []
        return [f.label for f in self.fields() if f.required and values.get(f.key) is None]

    def describe(self) -> str:
        text = self.describe_own()
        if self.gate:
            text = f"前提：{self.gate}，否则本项不得分。{text}"
        return text

    def to_json(self) -> dict:
        data = {"type": self.type, "points": fmt_points(self.points)}
        if self.gate:
            data["gate"] = self.gate
        if self.accept:
            data["accept"] = list(self.accept)
        data.update(self.params_json())
        return data

    def normalise(self, raw: dict[str, Any]) -> dict[str, Any]:
        """Validate and convert raw inputs (typed text, JSON) to typed values."""
        if not isinstance(raw, dict):
            raise InputError("", INPUTS_TABLE_KEYS_VALUES())
        own = {f.key: f for f in self.fields()}
        fields = own | {f.key: f for f in self.panel_fields()}
        unknown = sorted(set(raw) - set(fields))
        if unknown:
            raise InputError(unknown[0], UNKNOWN_INPUT_POSSIBLE(unknown[0], ', '.join(own)))
        values = {key: normalise_value(fields[key], value) for key, value in raw.items()}
        if values.get(OVERRIDE) is not None and not values.get(OVERRIDE_REASON):
            raise InputError(OVERRIDE_REASON, CHANGED_SCORE_NEEDS_REASON())
        return values

    def score(self, raw: dict[str, Any]) -> Outcome:
        values = self.normalise(raw)
        reason = values.pop(NOT_APPLICABLE, None)
        override, why = values.pop(OVERRIDE, None), values.pop(OVERRIDE_REASON, None)
        if reason:
            return Outcome(None, [f"本项不适用：{reason}"], applicable=False)
        na = [f.label for f in self.fields() if values.get(f.key) == NA]
        if na:
            return Outcome(None, [f"本项不适用：{'、'.join(na)} 答“不适用”"], applicable=False)
        outcome = self._score(values)
        if override is None:
            return outcome
        computed = "—" if outcome.points is None else fmt_points(outcome.points)
        lines = [f"考核组改定为 {fmt_points(override)} 分（按计分办法为 {computed} 分）；理由：{why}"]
        return Outcome(q(override), lines + outcome.lines, applicable=True, computed=outcome.points,
                       override_reason=why)

    def _score(self, values: dict[str, Any]) -> Outcome:
        missing = self.missing(values)
        if missing:
            return Outcome(None, [f"尚未填写: {'、'.join(missing)}"], missing)
        if self.gate and not values["gate"]:
            return Outcome(ZERO, [f"未满足前提：{self.gate}，本项不得分 → 0"])
        points = self._direct(values)
        if points is not None:
            return Outcome(q(points), [f"考核组直接给分 {fmt_points(points)} 分（满分 {fmt_points(self.points)}）",
                                       f"计分办法：{self.describe()}"])
        notes = []
        for f in self.form_fields():
            if values.get(f.key) is not None:
                measured = resolve(f, values[f.key])
                values[f.key] = measured.value
                if measured.how:
                    notes.append(measured.how)
        points, lines = self.compute(values)
        points = q(min(max(points, ZERO), self.points))
        return Outcome(points, notes + lines)


def read_options(rd: "Reader", node: "YMap", key: str, path: str, value_key: str = "points",
                 allow_max_count: bool = False, maximum: Decimal | None = None,
                 allow_unit: bool = False) -> tuple[Option, ...]:
    """A list of {key, label, points} (items, deductions, levels) with every problem located."""
    result: list[Option] = []
    seen: dict[str, int] = {}
    items = rd.seq(node, key, path)
    if not items and key in node.items:
        rd.problem(node.get(key).line, f"{path}.{key}", EMPTY_LIST())
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
            rd.problem(m.get("key").line, f"{p}.key", OPTION_KEY())
        if okey in seen:
            rd.problem(m.get("key").line if m.get("key") else m.line, f"{p}.key",
                       OPTION_KEY_TWICE(okey, seen[okey]))
        seen[okey] = m.line
        value = rd.decimal(m, value_key, p, maximum=maximum)
        max_count = None
        if allow_max_count and m.get("max_count") is not None:
            mc = rd.decimal(m, "max_count", p)
            if mc is not None:
                if mc != mc.to_integral_value() or mc < 1:
                    rd.problem(m.get("max_count").line, f"{p}.max_count", POSITIVE_WHOLE())
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
                   UNKNOWN_RULE(kind, ', '.join(REGISTRY)))
        return None
    gate = rd.text(node, "gate", path, required=False)
    rd.keys(node, {"type", "gate", "accept"} | set(cls.keys), path)
    accept = tuple(t for t, _ in rd.texts(node, "accept", path))
    for form in accept:
        if form not in FORMS:
            rd.problem(node.get("accept").line, f"{path}.accept", NOT_A_FORM(form, ', '.join(FORMS)))
    if accept and not cls.forms:
        rd.problem(node.get("accept").line, f"{path}.accept", NO_FORMS(kind))
    before = len(rd.problems)
    rule = cls.read(rd, node, points, gate, path)
    if len(rd.problems) > before:
        return None
    return replace(rule, accept=accept) if accept else rule
