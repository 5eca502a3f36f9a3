"""Typed access to located YAML nodes that records problems instead of raising.

Collecting problems lets `inspector rubric check` report every mistake in a
file at once, each with its line and field.
"""
from __future__ import annotations

import difflib
from decimal import Decimal
from typing import Iterator

from inspector_app.numbers import NumberError, parse_decimal
from inspector_app.rubric.yamlnodes import Problem, YMap, YNode, YScalar, YSeq
from inspector_app.said import Said

UNKNOWN_KEY_HINT = Said("未知的键，是否应为 {0}？", "unknown key: should it be {0}?")
UNKNOWN_KEY_KEYS = Said("未知的键；可用的键: {0}", "unknown key; the keys that can be used: {0}")
MISSING = Said("缺少此项", "missing")
NOT_A_MAP = Said("应为键值表（key: value）", "must be a table of keys and values (key: value)")
NOT_A_LIST = Said("应为列表（每项以 - 开头）", "must be a list (each item starting with -)")
NOT_TEXT = Said("应为文字", "must be text")
EMPTY = Said("不能为空", "must not be empty")
NOT_NONEMPTY_TEXT = Said("应为非空文字", "must be text that is not empty")
NOT_NUMBER = Said("应为数字", "must be a number")
NO_VALUE = Said("缺少数值", "the number is missing")
NOT_A_NUMBER = Said("“{0}” 不是数字", "“{0}” is not a number")
BELOW = Said("不能小于 {0}", "must not be less than {0}")
ABOVE = Said("不能大于 {0}", "must not be greater than {0}")
NOT_BOOLEAN = Said("应为 true 或 false", "must be true or false")
NOT_AN_OPTION = Said("“{0}” 不是可用的值；可用: {1}", "“{0}” is not a value that can be used; can be used: {1}")


class Reader:
    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []

    def problem(self, line: int, field: str, message: str) -> None:
        self.problems.append(Problem(self.file, line, field, message))

    def keys(self, node: YMap, allowed: set[str], path: str) -> None:
        for key, line in node.key_lines.items():
            if key not in allowed:
                hint = difflib.get_close_matches(key, sorted(allowed), n=1)
                self.problem(line, _join(path, key), UNKNOWN_KEY_HINT(hint[0]) if hint else
                             UNKNOWN_KEY_KEYS(', '.join(sorted(allowed))))

    def map(self, node: YNode | None, path: str, line: int, required: bool = True) -> YMap | None:
        if node is None:
            if required:
                self.problem(line, path, MISSING())
            return None
        if not isinstance(node, YMap):
            self.problem(node.line, path, NOT_A_MAP())
            return None
        return node

    def seq(self, parent: YMap, key: str, path: str, required: bool = True) -> list[YNode]:
        node = parent.get(key)
        full = _join(path, key)
        if node is None:
            if required:
                self.problem(parent.line, full, MISSING())
            return []
        if isinstance(node, YScalar) and node.value == "" and not node.quoted:
            return []  # `key:` with nothing after it is an empty list
        if not isinstance(node, YSeq):
            self.problem(node.line, full, NOT_A_LIST())
            return []
        return node.items

    def maps(self, parent: YMap, key: str, path: str, required: bool = True) -> Iterator[tuple[int, str, YMap]]:
        """Each item of the list under `key` that is a mapping, with its index and path (others are problems)."""
        for i, node in enumerate(self.seq(parent, key, path, required)):
            item_path = f"{_join(path, key)}[{i}]"
            item = self.map(node, item_path, parent.line)
            if item is not None:
                yield i, item_path, item

    def text(self, parent: YMap, key: str, path: str, required: bool = True, default: str = "") -> str:
        node = parent.get(key)
        full = _join(path, key)
        if node is None:
            if required:
                self.problem(parent.line, full, MISSING())
            return default
        if not isinstance(node, YScalar):
            self.problem(node.line, full, NOT_TEXT())
            return default
        value = node.value.strip()
        if required and not value:
            self.problem(node.line, full, EMPTY())
        return value

    def texts(self, parent: YMap, key: str, path: str, required: bool = False) -> list[tuple[str, int]]:
        result = []
        for i, item in enumerate(self.seq(parent, key, path, required)):
            if not isinstance(item, YScalar) or not item.value.strip():
                self.problem(item.line, f"{_join(path, key)}[{i}]", NOT_NONEMPTY_TEXT())
                continue
            result.append((item.value.strip(), item.line))
        return result

    def decimal(self, parent: YMap, key: str, path: str, required: bool = True,
                minimum: Decimal | None = Decimal(0), maximum: Decimal | None = None) -> Decimal | None:
        node = parent.get(key)
        full = _join(path, key)
        if node is None:
            if required:
                self.problem(parent.line, full, MISSING())
            return None
        if not isinstance(node, YScalar):
            self.problem(node.line, full, NOT_NUMBER())
            return None
        if node.value.strip() in ("", "~", "null") and not node.quoted:
            if required:
                self.problem(node.line, full, NO_VALUE())
            return None
        try:
            value = parse_decimal(node.value, what="数值")
        except NumberError:
            self.problem(node.line, full, NOT_A_NUMBER(node.value))
            return None
        if minimum is not None and value < minimum:
            self.problem(node.line, full, BELOW(minimum))
            return None
        if maximum is not None and value > maximum:
            self.problem(node.line, full, ABOVE(maximum))
            return None
        return value

    def boolean(self, parent: YMap, key: str, path: str, default: bool = False) -> bool:
        node = parent.get(key)
        if node is None:
            return default
        if isinstance(node, YScalar) and node.value.lower() in ("true", "yes", "是"):
            return True
        if isinstance(node, YScalar) and node.value.lower() in ("false", "no", "否"):
            return False
        self.problem(node.line, _join(path, key), NOT_BOOLEAN())
        return default

    def choice(self, parent: YMap, key: str, path: str, options: set[str] | tuple[str, ...],
               default: str | None = None) -> str | None:
        value = self.text(parent, key, path, required=default is None, default=default or "")
        if value and value not in options:
            node = parent.get(key)
            self.problem(node.line if node else parent.line, _join(path, key),
                         NOT_AN_OPTION(value, ', '.join(options)))
            return default
        return value or default


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key
