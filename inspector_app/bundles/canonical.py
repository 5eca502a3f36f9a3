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
from inspector_app.said import Said

WRITE_DATA_TYPE = Said('无法写入类型为 {0} 的数据。',
                        'Cannot write data of type {0}.')
DATA_HOLD_VALID_NUMBER = Said('数据中含有 {0}（不是有效数字）。',
                               'The data hold {0} (not a valid number).')
HOLDS_INVALID_UNICODE_CHARACTERS = Said('{0}含有无效的 Unicode 字符（孤立代理项），无法写入。',
                                         '{0} holds invalid Unicode characters (lone surrogates); cannot write it.')
HOLDS_NUL_CHARACTERS_WRITE = Said('{0}含有空字符（NUL），无法写入。',
                                   '{0} holds NUL characters; cannot write it.')
DATA_NESTED_MORE_THAN = Said('数据嵌套超过 {0} 层，无法写入。',
                              'The data are nested more than {0} levels deep; cannot write them.')
DATA_HOLD_INVALID_UNICODE = Said('数据中含有无效的 Unicode 字符（孤立代理项），文件可能被篡改或损坏。',
                                  'The data hold invalid Unicode characters (lone surrogates): the file may have been tampered with or damaged.')
DATA_HOLD_NUL_CHARACTERS = Said('数据中含有空字符（NUL），已拒绝。',
                                 'The data hold NUL characters; refused.')
NUMBER_DATA_TOO_LONG = Said('数据中的数字过长（{0} 位），已拒绝。',
                             'A number in the data is too long ({0} digits); refused.')
NUMBER_DATA_TOO_LONG_2 = Said('数据中的数字过长（{0} 个字符），已拒绝。',
                               'A number in the data is too long ({0} characters); refused.')
NUMBER_DATA_OUT_RANGE = Said('数据中的数字 {0} 超出范围，已拒绝。',
                              'The number {0} in the data is out of range; refused.')
DATA_FILE_TOO_LARGE = Said('数据文件过大（{0} 字节，上限 {1} 字节），已拒绝。',
                            'The data file is too large ({0} bytes, at most {1}); refused.')
DATA_FILE_STARTS_BYTE = Said('数据文件以字节顺序标记（BOM）开头，不是规范的 UTF-8 JSON。',
                              'The data file starts with a byte order mark (BOM): it is not canonical UTF-8 JSON.')
DATA_HOLD_NAN_INFINITY = Said('数据中有 NaN 或无穷大，无法写入。',
                               'The data hold NaN or infinity; cannot write them.')
KEY_APPEARS_TWICE_DATA = Said('数据中键“{0}”出现了两次，无法确定以哪个为准。',
                               'The key "{0}" appears twice in the data: which one holds cannot be told.')
DATA_NESTED_MORE_THAN_2 = Said('数据嵌套超过 {0} 层，已拒绝。',
                                'The data are nested more than {0} levels deep; refused.')
DATA_FILE_VALID_UTF = Said('数据文件不是有效的 UTF-8 编码（第 {0} 字节处）。',
                            'The data file is not valid UTF-8 (at byte {0}).')
DATA_NESTED_TOO_DEEP = Said('数据嵌套层数过多（上限 {0} 层），已拒绝。',
                             'The data are nested too deep (at most {0} levels); refused.')
DATA_MALFORMED_LINE_COLUMN = Said('数据格式错误：第 {0} 行第 {1} 列（{2}）。',
                                   'The data are malformed: line {0}, column {1} ({2}).')
DATA_MALFORMED = Said('数据格式错误：{0}',
                       'The data are malformed: {0}')
KEYS_DATA_TEXT = Said('数据的键必须是文本，而不是 {0}。',
                       'Keys in the data must be text, not {0}.')

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


def is_cancelled(cancelled: Any) -> bool:
    """Whether a long check or write was asked to stop: `cancelled` is None, a callable or an Event."""
    if cancelled is None:
        return False
    if hasattr(cancelled, "is_set"):
        return bool(cancelled.is_set())
    return bool(cancelled())


class BundleCancelled(BundleError):
    """The export was cancelled by the user; nothing was left behind."""

    def __init__(self, message: str = "已取消导出，没有留下任何文件。"):
        super().__init__("cancelled", message)


# --------------------------------------------------------------------------- writing

def _check_text(s: str, where: str) -> None:
    if _SURROGATE.search(s):
        raise BundleError("json_surrogate", HOLDS_INVALID_UNICODE_CHARACTERS(where))
    if "\x00" in s:
        raise BundleError("json_nul", HOLDS_NUL_CHARACTERS_WRITE(where))


def _prepare(obj: Any, depth: int) -> Any:
    """Check a value before encoding; Decimals become strings."""
    if depth > MAX_DEPTH:
        raise BundleError("json_too_deep", DATA_NESTED_MORE_THAN(MAX_DEPTH))
    if obj is None or obj is True or obj is False:
        return obj
    if isinstance(obj, str):
        _check_text(obj, "文本")
        return obj
    if isinstance(obj, int):
        return obj
    if isinstance(obj, float):
        if not math.isfinite(obj):
            raise BundleError("json_nan", DATA_HOLD_NAN_INFINITY())
        return obj
    if isinstance(obj, Decimal):
        if not obj.is_finite():
            raise BundleError("json_nan", DATA_HOLD_NAN_INFINITY())
        return str(obj)
    if isinstance(obj, dict):
        out = {}
        for key, value in obj.items():
            if not isinstance(key, str):
                raise BundleError("json_bad_key", KEYS_DATA_TEXT(type(key).__name__))
            _check_text(key, "键名")
            out[key] = _prepare(value, depth + 1)
        return out
    if isinstance(obj, (list, tuple)):
        return [_prepare(v, depth + 1) for v in obj]
    raise BundleError("json_bad_type", WRITE_DATA_TYPE(type(obj).__name__))


def dumps(obj: Any) -> bytes:
    """The canonical UTF-8 bytes of a JSON value."""
    prepared = _prepare(obj, 0)
    text = json.dumps(prepared, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False, allow_nan=False)
    return text.encode("utf-8")


# --------------------------------------------------------------------------- reading

def _duplicate_check(pairs: list[tuple[str, Any]]) -> dict:
    out = dict(pairs)  # built in C; only when a key repeats (fewer keys than pairs) is the first repeat named
    if len(out) == len(pairs):
        return out
    seen: set[str] = set()
    for key, _value in pairs:
        if key in seen:
            shown = key if len(key) <= 40 else key[:40] + "…"
            raise BundleError("json_duplicate_key", KEY_APPEARS_TWICE_DATA(shown))
        seen.add(key)
    raise AssertionError("unreachable: fewer keys than pairs means a key repeats")


def _no_constants(name: str) -> Any:
    raise BundleError("json_nan", DATA_HOLD_VALID_NUMBER(name))


def _walk(value: Any, max_depth: int) -> None:
    """Depth and string checks, without recursion."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > max_depth:
            raise BundleError("json_too_deep", DATA_NESTED_MORE_THAN_2(max_depth))
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
        raise BundleError("json_surrogate", DATA_HOLD_INVALID_UNICODE())
    if "\x00" in s:
        raise BundleError("json_nul", DATA_HOLD_NUL_CHARACTERS())


MAX_NUMBER_CHARS = 40  # no field of a bundle needs more digits; longer numbers are refused before conversion
MAX_EXPONENT = 30


def _bounded_int(literal: str) -> int:
    if len(literal) > MAX_NUMBER_CHARS:
        raise BundleError("json_number", NUMBER_DATA_TOO_LONG(len(literal)))
    return int(literal)


def _bounded_decimal(literal: str) -> Decimal:
    if len(literal) > MAX_NUMBER_CHARS:
        raise BundleError("json_number", NUMBER_DATA_TOO_LONG_2(len(literal)))
    value = Decimal(literal)
    if value and not -MAX_EXPONENT <= value.adjusted() <= MAX_EXPONENT:
        raise BundleError("json_number", NUMBER_DATA_OUT_RANGE(literal))
    return value


def loads(data: bytes, *, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH) -> Any:
    """Parse JSON strictly; every refusal is a `BundleError` with a `json_*` code."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError("canonical.loads expects bytes")
    if len(data) > max_bytes:
        raise BundleError("json_too_large",
                          DATA_FILE_TOO_LARGE(len(data), max_bytes))
    raw = bytes(data)
    if raw.startswith(b"\xef\xbb\xbf"):
        raise BundleError("json_encoding", DATA_FILE_STARTS_BYTE())
    try:
        text = raw.decode("utf-8", errors="strict")
    except UnicodeDecodeError as exc:
        raise BundleError("json_encoding", DATA_FILE_VALID_UTF(exc.start)) from None
    try:
        value = json.loads(text, object_pairs_hook=_duplicate_check,
                           parse_constant=_no_constants, parse_float=_bounded_decimal, parse_int=_bounded_int)
    except BundleError:
        raise
    except RecursionError:
        raise BundleError("json_too_deep", DATA_NESTED_TOO_DEEP(max_depth)) from None
    except json.JSONDecodeError as exc:
        raise BundleError("json_syntax", DATA_MALFORMED_LINE_COLUMN(exc.lineno, exc.colno, exc.msg)) from None
    except ValueError as exc:  # e.g. integers with more than 4300 digits
        raise BundleError("json_syntax", DATA_MALFORMED(exc)) from None
    if "\\u" in text:
        _walk(value, max_depth)  # an escape can spell a NUL or a lone surrogate: every string is looked at
    elif text.count("[") + text.count("{") > max_depth and _too_deep(value, max_depth):
        raise BundleError("json_too_deep", DATA_NESTED_MORE_THAN_2(max_depth))
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
