"""YAML read as a tree of located nodes, every scalar kept as text.

Rubric files are edited by hand by bureau officers. PyYAML's implicit typing
turns `no` into False and `1.10` into 1.1; its plain loader forgets line
numbers and silently keeps the last of two duplicate keys. Walking the composed
node tree ourselves avoids all three: values stay strings until the rubric
loader converts them (points to Decimal), and every value knows its line.
"""
from __future__ import annotations

from dataclasses import dataclass, field
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import yaml

# PyYAML is imported by the functions that parse: it takes longer to import than the window takes to
# build, and a rubric already parsed is read from the node cache (node_cache.py) without it.


@dataclass
class Problem:
    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


@dataclass
class YScalar:
    value: str
    line: int
    quoted: bool = False


@dataclass
class YSeq:
    items: list["YNode"]
    line: int


@dataclass
class YMap:
    items: dict[str, "YNode"]
    line: int
    key_lines: dict[str, int] = field(default_factory=dict)

    def get(self, key: str) -> "YNode | None":
        return self.items.get(key)


YNode = YScalar | YSeq | YMap


class YamlFileError(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


MAX_RUBRIC_BYTES = 2_000_000
MAX_NODES = 200_000


def read_yaml_file(path: Path) -> YNode:
    """Read a rubric file; raise YamlFileError naming file and line."""
    name = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise YamlFileError([Problem(name, 0, "文件", f"无法读取: {exc.strerror or exc}")]) from exc
    if len(raw) > MAX_RUBRIC_BYTES:
        raise YamlFileError([Problem(name, 0, "文件", f"文件过大（{len(raw)} 字节），指标文件不应超过 2 MB")])
    return parse_yaml_bytes(raw, name)


def parse_yaml_bytes(raw: bytes, name: str) -> YNode:
    import yaml

    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a BOM from Windows Notepad is harmless; accept it
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        where = key_path_at(raw.decode("utf-8", errors="replace"), line) or "编码"
        raise YamlFileError([Problem(name, line, where,
                                     "文件不是 UTF-8 编码（可能是 GBK/GB2312），请用“另存为 UTF-8”重新保存")]) from exc
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise YamlFileError([Problem(name, line, "编码", "文件中有 NUL 字符，不是文本文件")])
    if not text.strip():
        raise YamlFileError([Problem(name, 1, "文件", "文件是空的")])
    for number, row in enumerate(text.splitlines(), 1):
        indent = row[: len(row) - len(row.lstrip(" \t"))]
        if "\t" in indent:
            raise YamlFileError([Problem(name, number, key_path_at(text, number) or "缩进",
                                         "这一行用了 Tab 缩进；YAML 只允许用空格缩进，请把 Tab 换成空格")])
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        detail = _explain(exc)
        where = key_path_at(text, line)
        raise YamlFileError([Problem(name, line, where or "YAML 语法", detail)]) from exc
    except yaml.YAMLError as exc:
        raise YamlFileError([Problem(name, 0, "YAML 语法", str(exc))]) from exc
    if node is None:
        raise YamlFileError([Problem(name, 1, "文件", "文件中没有内容")])
    problems: list[Problem] = []
    budget = [MAX_NODES]  # aliases can multiply a small file into a huge tree
    tree = _convert(node, name, "", problems, depth=0, budget=budget)
    if problems:
        raise YamlFileError(problems)
    return tree


_KEY_LINE = re.compile(r"^(\s*)(?:-\s+)*([^\s#'\"{\[\-][^:#]*?|'[^']*'|\"[^\"]*\")\s*:(\s|$)")


def key_path_at(text: str, line: int) -> str:
    """The dotted key path of the mapping key on `line` (or the nearest key above it).

    Used where YAML itself failed and no tree exists: walking up to the lines with
    less indentation gives a path such as `areas.indicators.points` that tells an
    officer where in the file the problem is.
    """
    rows = text.splitlines()
    if not 0 < line <= len(rows):
        line = len(rows)
    path: list[str] = []
    limit: int | None = None
    for index in range(line - 1, -1, -1):
        raw_row = rows[index]
        row = raw_row.replace("\t", " ")
        if not row.strip() or row.lstrip().startswith("#"):
            continue
        match = _KEY_LINE.match(row)
        if not match:
            continue
        # a key after "- " sits deeper than the dash itself
        indent = len(row) - len(row.lstrip(" -")) if row.lstrip().startswith("-") else len(match.group(1))
        if limit is None and "\t" in raw_row[: len(raw_row) - len(raw_row.lstrip())]:
            # tab width is unknown: take the line as a sibling of the key line above it
            indent = _sibling_indent(rows, index)
        if limit is None or indent < limit:
            path.append(match.group(2).strip().strip("'\""))
            limit = indent
            if indent == 0:
                break
    return ".".join(reversed(path))


def _sibling_indent(rows: list[str], index: int) -> int:
    for above in range(index - 1, -1, -1):
        row = rows[above]
        if row.strip() and not row.lstrip().startswith("#") and "\t" not in row[: len(row) - len(row.lstrip())]:
            if row.lstrip().startswith("-"):
                return len(row) - len(row.lstrip(" -"))
            return len(row) - len(row.lstrip(" "))
    return 0


def _explain(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or str(exc)
    known = {
        "found character '\\t' that cannot start any token": "这里有 Tab 字符；YAML 只允许用空格缩进",
        "found unexpected end of stream": "文件意外结束（是否被截断，或引号、括号没有配对？）",
        "mapping values are not allowed here": "这里不能写“键: 值”（是否缩进不对，或值中的冒号未加引号？）",
        "could not find expected ':'": "缺少冒号“:”（是否缩进不对，或文件被截断？）",
    }
    for english, chinese in known.items():
        if problem.startswith(english):
            return f"{chinese}（{problem}）"
    if "expected" in problem and ("end of" in problem or "flow" in problem or "stream" in problem):
        return f"文件意外结束或括号、引号没有配对（{problem}）"
    return f"YAML 语法错误：{problem}"


def _compose(text: str) -> yaml.Node | None:
    import yaml

    # libyaml's loader keeps the same marks and is several times faster
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.compose(text, Loader=loader)
    except yaml.YAMLError:
        if loader is yaml.SafeLoader:
            raise
    # The pure-Python parser words its errors better and points at the right line; errors are rare.
    return yaml.compose(text, Loader=yaml.SafeLoader)


def _convert(node: yaml.Node, name: str, path: str, problems: list[Problem], depth: int,
             budget: list[int]) -> YNode:
    import yaml

    line = node.start_mark.line + 1
    budget[0] -= 1
    if budget[0] == 0:
        problems.append(Problem(name, line, path or "(根)", "内容过多（是否滥用了 YAML 别名 * ？）"))
    if budget[0] <= 0:
        return YScalar("", line)
    if depth > 50:
        problems.append(Problem(name, line, path or "(根)", "嵌套过深"))
        return YScalar("", line)
    if isinstance(node, yaml.ScalarNode):
        return YScalar(node.value, line, quoted=node.style in ("'", '"'))
    if isinstance(node, yaml.SequenceNode):
        return YSeq([_convert(n, name, f"{path}[{i}]", problems, depth + 1, budget) for i, n in enumerate(node.value)], line)
    if isinstance(node, yaml.MappingNode):
        result = YMap({}, line)
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(Problem(name, key_line, path or "(根)", "键必须是文字"))
                continue
            key = key_node.value
            if key == "<<":
                problems.append(Problem(name, key_line, key, "不支持 YAML 合并键 <<，请把内容写全"))
                continue
            child_path = f"{path}.{key}" if path else key
            if key in result.items:
                problems.append(Problem(name, key_line, child_path,
                                        f"键重复（第 {result.key_lines[key]} 行已有 {key}）"))
                continue
            result.items[key] = _convert(value_node, name, child_path, problems, depth + 1, budget)
            result.key_lines[key] = key_line
        return result
    problems.append(Problem(name, line, path or "(根)", "无法识别的 YAML 节点"))  # pragma: no cover
    return YScalar("", line)
