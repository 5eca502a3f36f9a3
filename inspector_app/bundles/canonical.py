"""Canonical JSON for bundles: one byte string per value, and a strict reader.

`dumps` writes UTF-8 with sorted keys (by Unicode code point), no insignificant
whitespace, non-ASCII characters as themselves, and decimals as strings, so
the same value always gives the same bytes (and the same hash).

`loads` refuses everything that two readers could understand differently or
that could hurt the reader: duplicate keys, NaN/Infinity, lone surrogates,
NUL characters, invalid UTF-8 or a byte order mark, huge documents, deep
nesting, huge integers. Numbers with a fraction or exponent are read as
`decimal.Decimal`, never as floats.
"""
from __future__ import annotations

import json
import math
import re
from decimal import Decimal
from typing import Any

MAX_BYTES = 32 * 1024 * 1024
MAX_DEPTH = 64

_SURROGATE = re.compile("[\ud800-\udfff]")


class BundleError(Exception):
    """A bundle (or a file inside it) that cannot be accepted.

    `code` is stable and meant for programs and tests; `message` is a Chinese
    sentence for the person in front of the screen.
    """

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __reduce__(self):
        # Passed between processes whole (the merge opens bundles in a second one), whatever the subclass.
        return _restored, (type(self), self.args, self.__dict__)


def _restored(cls, args: tuple, state: dict) -> Exception:
    error = Exception.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class BundleCancelled(BundleError):
    """The export was cancelled by the user; nothing was left behind."""

    def __init__(self, message: str = "已取消导出，没有留下任何文件。"):
        super().__init__("cancelled", message)


# --------------------------------------------------------------------------- writing

def _check_text(s: str, where: str) -> None:
    if _SURROGATE.search(s):
        raise BundleError("json_surrogate", f"{where}含有无效的 Unicode 字符（孤立代理项），无法写入。")
    if "\x00" in s:
        raise BundleError("json_nul", f"{where}含有空字符（NUL），无法写入。")


def _prepare(obj: Any, depth: int) -> Any:
    """Check a value before encoding; Decimals become strings."""
    if depth > MAX_DEPTH:
        raise BundleError("json_too_deep", f"数据嵌套超过 {MAX_DEPTH} 层，无法写入。")
    if obj is None or obj is True or obj is False:
        return obj
    if isinstance(obj, str):
        _check_text(obj, "文本")
        return obj
    if isinstance(obj, int):
        return obj
    if isinstance(obj, float):
        if not math.isfinite(obj):
            raise BundleError("json_nan", "数据中有 NaN 或无穷大，无法写入。")
        return obj
    if isinstance(obj, Decimal):
        if not obj.is_finite():
            raise BundleError("json_nan", "数据中有 NaN 或无穷大，无法写入。")
        return str(obj)
    if isinstance(obj, dict):
        out = {}
        for key, value in obj.items():
            if not isinstance(key, str):
                raise BundleError("json_bad_key", f"数据的键必须是文本，而不是 {type(key).__name__}。")
            _check_text(key, "键名")
            out[key] = _prepare(value, depth + 1)
        return out
    if isinstance(obj, (list, tuple)):
        return [_prepare(v, depth + 1) for v in obj]
    raise BundleError("json_bad_type", f"无法写入类型为 {type(obj).__name__} 的数据。")


def dumps(obj: Any) -> bytes:
    """The canonical UTF-8 bytes of a JSON value."""
    prepared = _prepare(obj, 0)
    text = json.dumps(prepared, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False, allow_nan=False)
    return text.encode("utf-8")


# --------------------------------------------------------------------------- reading

def _duplicate_check(pairs: list[tuple[str, Any]]) -> dict:
    out: dict = {}
    for key, value in pairs:
        if key in out:
            shown = key if len(key) <= 40 else key[:40] + "…"
            raise BundleError("json_duplicate_key", f"数据中键“{shown}”出现了两次，无法确定以哪个为准。")
        out[key] = value
    return out


def _no_constants(name: str) -> Any:
    raise BundleError("json_nan", f"数据中含有 {name}（不是有效数字）。")


def _walk(value: Any, max_depth: int) -> None:
    """Depth and string checks, without recursion."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > max_depth:
            raise BundleError("json_too_deep", f"数据嵌套超过 {max_depth} 层，已拒绝。")
        if isinstance(item, str):
            _check_read_text(item)
        elif isinstance(item, dict):
            for key, sub in item.items():
                _check_read_text(key)
                stack.append((sub, depth + 1))
        elif isinstance(item, list):
            stack.extend((sub, depth + 1) for sub in item)


def _check_read_text(s: str) -> None:
    if _SURROGATE.search(s):
        raise BundleError("json_surrogate", "数据中含有无效的 Unicode 字符（孤立代理项），文件可能被篡改或损坏。")
    if "\x00" in s:
        raise BundleError("json_nul", "数据中含有空字符（NUL），已拒绝。")


MAX_NUMBER_CHARS = 40  # no field of a bundle needs more digits; longer numbers are refused before conversion
MAX_EXPONENT = 30


def _bounded_int(literal: str) -> int:
    if len(literal) > MAX_NUMBER_CHARS:
        raise BundleError("json_number", f"数据中的数字过长（{len(literal)} 位），已拒绝。")
    return int(literal)


def _bounded_decimal(literal: str) -> Decimal:
    if len(literal) > MAX_NUMBER_CHARS:
        raise BundleError("json_number", f"数据中的数字过长（{len(literal)} 个字符），已拒绝。")
    value = Decimal(literal)
    if value and not -MAX_EXPONENT <= value.adjusted() <= MAX_EXPONENT:
        raise BundleError("json_number", f"数据中的数字 {literal} 超出范围，已拒绝。")
    return value


def loads(data: bytes, *, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH) -> Any:
    """Parse JSON strictly; every refusal is a `BundleError` with a `json_*` code."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError("canonical.loads expects bytes")
    if len(data) > max_bytes:
        raise BundleError("json_too_large",
                          f"数据文件过大（{len(data)} 字节，上限 {max_bytes} 字节），已拒绝。")
    raw = bytes(data)
    if raw.startswith(b"\xef\xbb\xbf"):
        raise BundleError("json_encoding", "数据文件以字节顺序标记（BOM）开头，不是规范的 UTF-8 JSON。")
    try:
        text = raw.decode("utf-8", errors="strict")
    except UnicodeDecodeError as exc:
        raise BundleError("json_encoding", f"数据文件不是有效的 UTF-8 编码（第 {exc.start} 字节处）。") from None
    try:
        value = json.loads(text, object_pairs_hook=_duplicate_check,
                           parse_constant=_no_constants, parse_float=_bounded_decimal, parse_int=_bounded_int)
    except BundleError:
        raise
    except RecursionError:
        raise BundleError("json_too_deep", f"数据嵌套层数过多（上限 {max_depth} 层），已拒绝。") from None
    except json.JSONDecodeError as exc:
        raise BundleError("json_syntax", f"数据格式错误：第 {exc.lineno} 行第 {exc.colno} 列（{exc.msg}）。") from None
    except ValueError as exc:  # e.g. integers with more than 4300 digits
        raise BundleError("json_syntax", f"数据格式错误：{exc}") from None
    if "\\u" in text:
        _walk(value, max_depth)  # an escape can spell a NUL or a lone surrogate: every string is looked at
    elif text.count("[") + text.count("{") > max_depth and _too_deep(value, max_depth):
        raise BundleError("json_too_deep", f"数据嵌套超过 {max_depth} 层，已拒绝。")
    return value


# Without a \u escape, valid JSON text (decoded strictly as UTF-8, control characters refused by the
# parser) holds no NUL and no lone surrogate: only the nesting needs checking, on the containers alone,
# and only when the text has more brackets than levels allowed.
def _too_deep(value: Any, max_depth: int) -> bool:
    """As `_walk` judges depth: some value (a container or what it holds) lies deeper than `max_depth`.
    Level by level, the containers alone."""
    level, depth = ([value] if type(value) in (dict, list) else []), 0
    while level:
        if depth + 1 > max_depth and any(level):  # what these hold lies one level deeper
            return True
        level = [child for item in level for child in (item.values() if type(item) is dict else item)
                 if type(child) in (dict, list)]
        depth += 1
    return False
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if type(item) is dict else item
        if depth > max_depth or (children and depth + 1 > max_depth):
            return True
        stack.extend((child, depth + 1) for child in children if type(child) in (dict, list))
    return False
