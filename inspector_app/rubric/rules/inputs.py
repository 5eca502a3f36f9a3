"""The inputs a rule takes: each `Field`, the written forms a measured figure may take, and a typed answer
in the form it is stored and scored in (`normalise_value`, `resolve`), refused in words naming the field."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from inspector_app.numbers import NumberError, fmt_points, normalise_text, parse_bool, parse_count, parse_decimal
from inspector_app.said import Said

INDICATOR_DOES_ACCEPT_POSSIBLE = Said('{0}: 本项不接受{1}（“{2}”）；可填：{3}',
                                       '{0}: this indicator does not accept {1} ("{2}"); possible: {3}')

UNKNOWN_KIND_INPUT = Said('未知的输入类型 {0}',
                           'Unknown kind of input {0}')
NUMBER_LIKE_85_84 = Said('{0}: “{1}” 不是数字（允许如 85、84.5、４.５），也不是可用的写法；可填：{2}',
                          '{0}: "{1}" is not a number (like 85, 84.5, ４.５) nor one of the allowed words; possible: {2}')
NUMBER_YES = Said('{0}: 应为数字，而不是是/否',
                   '{0}: must be a number, not yes/no')
LESS_THAN_ENTERED = Said('{0}: 不能小于 {1}{2}（填写的是 {3}）',
                          '{0}: must not be less than {1}{2} (entered {3})')
MORE_THAN_ENTERED = Said('{0}: 不能大于 {1}{2}（填写的是 {3}）',
                          '{0}: must not be more than {1}{2} (entered {3})')
SCORE_GIVEN_DIRECTLY_EXCEED = Said('{0}: 直接给分不能超过本项满分 {1} 分（填写的是 {2}）',
                                    "{0}: a score given directly cannot exceed the indicator's full {1} points (entered {2})")
DENOMINATOR_MORE_THAN_0 = Said('{0}: “{1}” 的分母应大于 0',
                                '{0}: the denominator of "{1}" must be more than 0')
NUMBER_DONE_SCORE_EXCEED = Said('{0}: “{1}” 完成数（得分）不能大于应完成数（满分）',
                                 '{0}: in "{1}" the number done (score) cannot exceed the number due (full score)')
AT_MOST_NOT = Said('{0}: 最多 {1}，而不是 {2}',
                    '{0}: at most {1}, not {2}')
ONE_CHOICES_CHOICES = Said('{0}: “{1}” 不是可选项；可选: {2}',
                            '{0}: "{1}" is not one of the choices; choices: {2}')
MUST_BE_TEXT = Said('{0}: 应为文字',
                     '{0}: must be text')
TEXT_TOO_LONG_CHARACTERS = Said('{0}: 文字过长（{1} 字）',
                                 '{0}: the text is too long ({1} characters)')


ZERO = Decimal(0)
CENT = Decimal("0.01")
HUNDRED = Decimal(100)
MAX_TEXT = 1_000_000  # a reason or note longer than this is a paste accident

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
    forms: tuple[str, ...] = ()  # number fields: the written forms accepted (FORMS); empty: a plain number
    max_points: Decimal | None = None  # the most the "points" form may award (the rule's points)
    gained: bool = False  # a count of things gained (awards), not of things missing: 0 means none, not "nothing missing"

    def to_json(self) -> dict:
        data = {"key": self.key, "kind": self.kind, "label": self.label,
                "min": json_decimal(self.minimum), "max": json_decimal(self.maximum), "choices": list(self.choices),
                "unit": self.unit, "points": json_decimal(self.points), "required": self.required}
        if self.kind == "bool":
            data["choices"] = list(YES_NO)
        if self.forms:
            data["forms"] = list(self.forms)
            data["max_points"] = json_decimal(self.max_points)
        return data


# An answer is explicit: a yes/no is 是, 否 or 不适用; nothing typed leaves the indicator unscored.
NA = "不适用"
YES_NO = ("是", "否", NA)
_NA_WORDS = {NA, "na", "n/a", "无此项"}
_DIGITS = re.compile(r"[0-9０-９]")  # a typed count, not a yes/no word

# The written forms a measured figure may take (a rule declares which it accepts):
FORMS = {
    "number": "数字，如 85",
    "percent": "百分数，如 85%",
    "ratio": "完成数/应完成数 或 得分/满分，如 5/7、8.5/10",
    "points": "直接给分，如 3.5分",
    "yesno": "是（按 100% 计）或 否（按 0 计）",
}
_RATIO_RE = re.compile(r"^([0-9.]+)(?:项|分|次|人)?/([0-9.]+)(?:项|分|次|人)?$")


@dataclass(frozen=True)
class Measured:
    """A measured figure resolved from its written form."""
    value: Decimal | None  # in the field's unit; None when points were given directly
    direct: Decimal | None = None  # points awarded directly
    how: str = ""  # how the written form became the value, for the explanation


class InputError(ValueError):
    def __init__(self, field_key: str, message: str):
        super().__init__(message)
        self.field_key = field_key


NOT_APPLICABLE = "not_applicable"
OVERRIDE = "override"
OVERRIDE_REASON = "override_reason"
POINTS_MARK = "分"


def not_applicable_reason(inputs: dict[str, Any]) -> str:
    """Why stored inputs say the indicator does not apply ("" when they do not say so)."""
    if inputs.get(NOT_APPLICABLE):
        return str(inputs[NOT_APPLICABLE])
    if any(v == NA for v in inputs.values()):
        return "答“不适用”"
    return ""


def normalise_value(f: Field, value: Any) -> Any:
    """A typed value in its stored form: bool/int/Decimal/text, 不适用, or the written form kept exactly
    ("5/7", "3.5分", "是") where converting it would lose what the panel wrote."""
    if value is None:
        return None
    what = f.label or f.key
    try:
        if f.kind == "bool":
            if isinstance(value, str) and normalise_text(value).lower() in _NA_WORDS:
                return NA
            if isinstance(value, str) and not normalise_text(value):
                return None
            return parse_bool(value, what=what)
        if f.kind == "number" and f.forms:
            return _written_form(f, value, what)
        if f.kind == "count":
            if f.maximum == 1 and isinstance(value, str) and not _DIGITS.search(value):
                # a failing counted at most once ("未“推门”听课评课扣2分") is a yes/no: 是 = it happened once
                return int(parse_bool(value, what=what))
            number = parse_count(value, what=what)
            if f.maximum is not None and number > f.maximum:
                raise InputError(f.key, AT_MOST_NOT(what, fmt_points(f.maximum), number))
            return number
        if f.kind == "number":
            if isinstance(value, str) and not normalise_text(value):
                return None
            number = parse_decimal(value, what=what)
            if f.minimum is not None and number < f.minimum:
                raise InputError(f.key, LESS_THAN_ENTERED(what, fmt_points(f.minimum), f.unit, value))
            if f.maximum is not None and number > f.maximum:
                raise InputError(f.key, MORE_THAN_ENTERED(what, fmt_points(f.maximum), f.unit, value))
            return number
        if f.kind == "choice":
            text = normalise_text(str(value)) if not isinstance(value, str) else value.strip()
            if text == "":
                return None
            if text not in f.choices:
                raise InputError(f.key, ONE_CHOICES_CHOICES(what, value, '、'.join(f.choices)))
            return text
        if f.kind == "text":
            if not isinstance(value, str):
                raise InputError(f.key, MUST_BE_TEXT(what))
            if len(value) > MAX_TEXT:
                raise InputError(f.key, TEXT_TOO_LONG_CHARACTERS(what, len(value)))
            return value.strip() or None
    except NumberError as exc:
        raise InputError(f.key, str(exc)) from exc
    raise InputError(f.key, UNKNOWN_KIND_INPUT(f.kind))  # pragma: no cover


def _written_form(f: Field, value: Any, what: str) -> Any:
    def refuse(form: str) -> InputError:
        can = "；".join(FORMS[x] for x in f.forms)
        return InputError(f.key, INDICATOR_DOES_ACCEPT_POSSIBLE(what, FORMS[form].split('，')[0], value, can))

    if isinstance(value, bool):
        raise InputError(f.key, NUMBER_YES(what))
    text = normalise_text(value) if isinstance(value, str) else None
    if text == "":
        return None
    if text is None or _DECIMAL_TEXT.match(text):
        if "number" not in f.forms:
            raise refuse("number")
        return _in_range(f, parse_decimal(value, what=what), value, what)
    if text.endswith("%"):
        if "percent" not in f.forms:
            raise refuse("percent")
        return _in_range(f, parse_decimal(text[:-1], what=what), value, what)
    if text.endswith(POINTS_MARK) and "/" not in text:
        if "points" not in f.forms:
            raise refuse("points")
        points = parse_decimal(text[:-1], what=what)
        if f.max_points is not None and points > f.max_points:
            raise InputError(f.key, SCORE_GIVEN_DIRECTLY_EXCEED(what, fmt_points(f.max_points), value))
        return f"{fmt_points(points)}{POINTS_MARK}"
    if text in ("是", "否"):
        if "yesno" not in f.forms:
            raise refuse("yesno")
        return text
    match = _RATIO_RE.match(text)
    if match:
        if "ratio" not in f.forms:
            raise refuse("ratio")
        done, whole = parse_decimal(match[1], what=what), parse_decimal(match[2], what=what)
        if whole <= 0:
            raise InputError(f.key, DENOMINATOR_MORE_THAN_0(what, value))
        if done > whole:
            raise InputError(f.key, NUMBER_DONE_SCORE_EXCEED(what, value))
        return f"{fmt_points(done)}/{fmt_points(whole)}"
    can = "；".join(FORMS[x] for x in f.forms)
    raise InputError(f.key, NUMBER_LIKE_85_84(what, value, can))


_DECIMAL_TEXT = re.compile(r"^[+-]?(\d+(\.\d+)?|\.\d+)$")


def _in_range(f: Field, number: Decimal, value: Any, what: str) -> Decimal:
    if f.minimum is not None and number < f.minimum:
        raise InputError(f.key, LESS_THAN_ENTERED(what, fmt_points(f.minimum), f.unit, value))
    if f.maximum is not None and number > f.maximum:
        raise InputError(f.key, MORE_THAN_ENTERED(what, fmt_points(f.maximum), f.unit, value))
    return number


def resolve(f: Field, value: Any) -> Measured:
    """A stored written form as the figure the rule computes with (ratios kept exact to 28 digits)."""
    if isinstance(value, Decimal):
        return Measured(value)
    if isinstance(value, (int, float)):
        return Measured(parse_decimal(value))
    if value in ("是", "否"):
        figure = HUNDRED if value == "是" else ZERO
        return Measured(figure, how=f"{f.label}：{value}，按 {fmt_points(figure)}{f.unit} 计")
    if value.endswith(POINTS_MARK):
        return Measured(None, parse_decimal(value[:-1]))
    done, whole = (parse_decimal(x) for x in value.split("/"))
    figure = done / whole * HUNDRED
    return Measured(figure, how=f"{f.label}：{value} = {fmt_points(q(figure))}%")
