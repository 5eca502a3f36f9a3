"""Strict parsing of numbers typed by people (points, counts, percentages).

Scores are typed on laptops with Chinese input methods, so full-width digits
(`８５`, `４.５`) are common. NFKC turns them into ASCII; everything else that
Python's own parsers would accept by accident (`1e3`, `8_5`, `NaN`) is refused.
"""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from inspector_app.said import Said

NOT_YES_NO = Said("{0}: 应为数字，而不是是/否", "{0}: must be a number, not yes/no")
NOT_FINITE = Said("{0}: 不是有限的数字", "{0}: not a finite number")
NOT_A_NUMBER = Said("{0}: 应为数字", "{0}: must be a number")
NO_PERCENT = Said("{0}: 请直接填写数字，不要带 % 号（{1}）", "{0}: write the number alone, without a % sign ({1})")
EMPTY = Said("{0}: 不能为空", "{0}: must not be empty")
NOT_NUMBER_LIKE = Said("{0}: “{1}” 不是数字（允许如 85、84.5、４.５）", '{0}: "{1}" is not a number (like 85, 84.5, ４.５)')
NOT_NUMBER = Said("{0}: “{1}” 不是数字", '{0}: "{1}" is not a number')
NOT_WHOLE = Said("{0}: 应为整数", "{0}: must be a whole number")
NOT_WHOLE_BUT = Said("{0}: 应为整数，而不是 {1}", "{0}: must be a whole number, not {1}")
NEGATIVE = Said("{0}: 不能为负数", "{0}: must not be negative")
NOT_YES_OR_NO = Said("{0}: 应为 是/否", "{0}: must be 是 (yes) or 否 (no)")

_DECIMAL_RE = re.compile(r"^[+-]?(\d+(\.\d+)?|\.\d+)$")


class NumberError(ValueError):
    """A value that is not a number in the form the field allows."""


def normalise_text(value: str) -> str:
    """NFKC plus removal of spaces (including the ideographic space) and zero-width marks."""
    text = unicodedata.normalize("NFKC", value)
    text = text.replace("。", ".")  # a Chinese full stop typed as the decimal point
    return "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch) != "Cf")


def parse_decimal(value: object, *, what: str = "数值") -> Decimal:
    """Parse a point value. Accepts Decimal, int, plain decimal strings (any width)."""
    if isinstance(value, bool):
        raise NumberError(NOT_YES_NO(what))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise NumberError(NOT_FINITE(what))
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        # floats reach us only from JSON; go through repr so 4.5 stays 4.5
        if value != value or value in (float("inf"), float("-inf")):
            raise NumberError(NOT_FINITE(what))
        return Decimal(repr(value))
    if not isinstance(value, str):
        raise NumberError(NOT_A_NUMBER(what))
    text = normalise_text(value)
    if text.endswith("%"):
        raise NumberError(NO_PERCENT(what, repr(value)))
    if not text:
        raise NumberError(EMPTY(what))
    if not _DECIMAL_RE.match(text):
        raise NumberError(NOT_NUMBER_LIKE(what, value))
    try:
        return Decimal(text)
    except InvalidOperation as exc:  # pragma: no cover - regex already guards
        raise NumberError(NOT_NUMBER(what, value)) from exc


def parse_count(value: object, *, what: str = "次数") -> int:
    """Parse a whole, non-negative count."""
    if isinstance(value, bool):
        raise NumberError(NOT_WHOLE(what))
    if isinstance(value, int):
        number = value
    else:
        dec = parse_decimal(value, what=what)
        if dec != dec.to_integral_value():
            raise NumberError(NOT_WHOLE_BUT(what, value))
        number = int(dec)
    if number < 0:
        raise NumberError(NEGATIVE(what))
    return number


def parse_bool(value: object, *, what: str = "是否") -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        text = normalise_text(value).lower()
        if text in {"是", "有", "yes", "true", "y", "1", "√", "✓"}:
            return True
        if text in {"否", "无", "no", "false", "n", "0", "×", "x"}:
            return False
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    raise NumberError(NOT_YES_OR_NO(what))


def fmt_points(value: Decimal | None) -> str:
    """Points without trailing zeros: 5, 4.5, 0.25."""
    if value is None:
        return "—"
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def stored_points(value: Decimal | None) -> str | None:
    """Points as the store and bundles keep them: the text of `fmt_points` (never `1E+1`), None for none."""
    return None if value is None else fmt_points(value)
