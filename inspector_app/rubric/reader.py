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
                extra = f"，是否应为 {hint[0]}？" if hint else f"；可用的键: {', '.join(sorted(allowed))}"
                self.problem(line, _join(path, key), f"未知的键{extra}")

    def map(self, node: YNode | None, path: str, line: int, required: bool = True) -> YMap | None:
        if node is None:
            if required:
                self.problem(line, path, "缺少此项")
            return None
        if not isinstance(node, YMap):
            self.problem(node.line, path, "应为键值表（key: value）")
            return None
        return node

    def seq(self, parent: YMap, key: str, path: str, required: bool = True) -> list[YNode]:
        node = parent.get(key)
        full = _join(path, key)
        if node is None:
            if required:
                self.problem(parent.line, full, "缺少此项")
            return []
        if isinstance(node, YScalar) and node.value == "" and not node.quoted:
            return []  # `key:` with nothing after it is an empty list
        if not isinstance(node, YSeq):
            self.problem(node.line, full, "应为列表（每项以 - 开头）")
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
                self.problem(parent.line, full, "缺少此项")
            return default
        if not isinstance(node, YScalar):
            self.problem(node.line, full, "应为文字")
            return default
        value = node.value.strip()
        if required and not value:
            self.problem(node.line, full, "不能为空")
        return value

    def texts(self, parent: YMap, key: str, path: str, required: bool = False) -> list[tuple[str, int]]:
        result = []
        for i, item in enumerate(self.seq(parent, key, path, required)):
            if not isinstance(item, YScalar) or not item.value.strip():
                self.problem(item.line, f"{_join(path, key)}[{i}]", "应为非空文字")
                continue
            result.append((item.value.strip(), item.line))
        return result

    def decimal(self, parent: YMap, key: str, path: str, required: bool = True,
                minimum: Decimal | None = Decimal(0), maximum: Decimal | None = None) -> Decimal | None:
        node = parent.get(key)
        full = _join(path, key)
        if node is None:
            if required:
                self.problem(parent.line, full, "缺少此项")
            return None
        if not isinstance(node, YScalar):
            self.problem(node.line, full, "应为数字")
            return None
        if node.value.strip() in ("", "~", "null") and not node.quoted:
            if required:
                self.problem(node.line, full, "缺少数值")
            return None
        try:
            value = parse_decimal(node.value, what="数值")
        except NumberError:
            self.problem(node.line, full, f"“{node.value}” 不是数字")
            return None
        if minimum is not None and value < minimum:
            self.problem(node.line, full, f"不能小于 {minimum}")
            return None
        if maximum is not None and value > maximum:
            self.problem(node.line, full, f"不能大于 {maximum}")
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
        self.problem(node.line, _join(path, key), "应为 true 或 false")
        return default

    def choice(self, parent: YMap, key: str, path: str, options: set[str] | tuple[str, ...],
               default: str | None = None) -> str | None:
        value = self.text(parent, key, path, required=default is None, default=default or "")
        if value and value not in options:
            node = parent.get(key)
            self.problem(node.line if node else parent.line, _join(path, key),
                         f"“{value}” 不是可用的值；可用: {', '.join(options)}")
            return default
        return value or default


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key
