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
from inspector_app.said import Said

if TYPE_CHECKING:
    import yaml

# Where a problem is, when it is no key of the file; and the layout of a problem (values only: the window
# reads each part back).
FILE = Said("文件", "file")
ROOT_FIELD = Said("(根)", "(top level)")
ENCODING = Said("编码", "encoding")
INDENT = Said("缩进", "indentation")
YAML_SYNTAX = Said("YAML 语法", "YAML syntax")
AT_LINE = Said("{0}:{1}: {2}: {3}", "{0}:{1}: {2}: {3}", kept=(0,))
CANNOT_READ = Said("无法读取: {0}", "cannot be read: {0}")
CANNOT_READ_PLAIN = Said("无法读取", "cannot be read")
TOO_LARGE = Said("文件过大（{0} 字节），指标文件不应超过 2 MB",
                 "the file is too large ({0} bytes); a rubric file should not exceed 2 MB")
NOT_UTF8 = Said("文件不是 UTF-8 编码（可能是 GBK/GB2312），请用“另存为 UTF-8”重新保存",
                "the file is not in UTF-8 (it may be GBK/GB2312); save it again with “Save as UTF-8”")
HAS_NUL = Said("文件中有 NUL 字符，不是文本文件", "the file holds NUL characters: it is no text file")
EMPTY_FILE = Said("文件是空的", "the file is empty")
TAB_INDENT = Said("这一行用了 Tab 缩进；YAML 只允许用空格缩进，请把 Tab 换成空格",
                  "this line is indented with a Tab; YAML allows only spaces for indentation, replace the Tab with spaces")
NO_CONTENT = Said("文件中没有内容", "the file holds nothing")
TOO_MANY_NODES = Said("内容过多（是否滥用了 YAML 别名 * ？）", "too much content (are YAML aliases * overused?)")
TOO_DEEP = Said("嵌套过深", "nested too deep")
KEY_NOT_TEXT = Said("键必须是文字", "a key must be text")
NO_MERGE_KEY = Said("不支持 YAML 合并键 <<，请把内容写全", "YAML merge keys << are not supported; write the content out in full")
DUPLICATE_KEY = Said("键重复（第 {0} 行已有 {1}）", "duplicate key (line {0} already has {1})")
UNKNOWN_NODE = Said("无法识别的 YAML 节点", "a YAML node that cannot be recognised")
TAB_CHARACTER = Said("这里有 Tab 字符；YAML 只允许用空格缩进（{0}）",
                     "there is a Tab character here; YAML allows only spaces for indentation ({0})")
UNEXPECTED_END = Said("文件意外结束（是否被截断，或引号、括号没有配对？）（{0}）",
                      "the file ends unexpectedly (was it cut short, or are quotes or brackets unpaired?) ({0})")
NO_KEY_VALUE_HERE = Said("这里不能写“键: 值”（是否缩进不对，或值中的冒号未加引号？）（{0}）",
                         "“key: value” cannot be written here (is the indentation wrong, or a colon in a value not quoted?) ({0})")
MISSING_COLON = Said("缺少冒号“:”（是否缩进不对，或文件被截断？）（{0}）",
                     "a colon “:” is missing (is the indentation wrong, or the file cut short?) ({0})")
UNPAIRED = Said("文件意外结束或括号、引号没有配对（{0}）", "the file ends unexpectedly, or brackets or quotes are unpaired ({0})")
SYNTAX_ERROR = Said("YAML 语法错误：{0}", "YAML syntax error: {0}")

# PyYAML is imported by the functions that parse: it takes longer to import than the window takes to
# build, and a rubric already parsed is read from the node cache (node_cache.py) without it.


@dataclass
class Problem:
    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return AT_LINE(self.file, self.line, self.field, self.message)


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
        raise YamlFileError([Problem(name, 0, FILE(), CANNOT_READ(exc.strerror or exc))]) from exc
    if len(raw) > MAX_RUBRIC_BYTES:
        raise YamlFileError([Problem(name, 0, FILE(), TOO_LARGE(len(raw)))])
    return parse_yaml_bytes(raw, name)


def parse_yaml_bytes(raw: bytes, name: str) -> YNode:
    import yaml

    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a BOM from Windows Notepad is harmless; accept it
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        where = key_path_at(raw.decode("utf-8", errors="replace"), line) or ENCODING()
        raise YamlFileError([Problem(name, line, where, NOT_UTF8())]) from exc
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise YamlFileError([Problem(name, line, ENCODING(), HAS_NUL())])
    if not text.strip():
        raise YamlFileError([Problem(name, 1, FILE(), EMPTY_FILE())])
    for number, row in enumerate(text.splitlines(), 1):
        indent = row[: len(row) - len(row.lstrip(" \t"))]
        if "\t" in indent:
            raise YamlFileError([Problem(name, number, key_path_at(text, number) or INDENT(), TAB_INDENT())])
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        detail = _explain(exc)
        where = key_path_at(text, line)
        raise YamlFileError([Problem(name, line, where or YAML_SYNTAX(), detail)]) from exc
    except yaml.YAMLError as exc:
        raise YamlFileError([Problem(name, 0, YAML_SYNTAX(), str(exc))]) from exc
    if node is None:
        raise YamlFileError([Problem(name, 1, FILE(), NO_CONTENT())])
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
        "found character '\\t' that cannot start any token": TAB_CHARACTER,
        "found unexpected end of stream": UNEXPECTED_END,
        "mapping values are not allowed here": NO_KEY_VALUE_HERE,
        "could not find expected ':'": MISSING_COLON,
    }
    for english, said in known.items():
        if problem.startswith(english):
            return said(problem)
    if "expected" in problem and ("end of" in problem or "flow" in problem or "stream" in problem):
        return UNPAIRED(problem)
    return SYNTAX_ERROR(problem)


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
        problems.append(Problem(name, line, path or ROOT_FIELD(), TOO_MANY_NODES()))
    if budget[0] <= 0:
        return YScalar("", line)
    if depth > 50:
        problems.append(Problem(name, line, path or ROOT_FIELD(), TOO_DEEP()))
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
                problems.append(Problem(name, key_line, path or ROOT_FIELD(), KEY_NOT_TEXT()))
                continue
            key = key_node.value
            if key == "<<":
                problems.append(Problem(name, key_line, key, NO_MERGE_KEY()))
                continue
            child_path = f"{path}.{key}" if path else key
            if key in result.items:
                problems.append(Problem(name, key_line, child_path, DUPLICATE_KEY(result.key_lines[key], key)))
                continue
            result.items[key] = _convert(value_node, name, child_path, problems, depth + 1, budget)
            result.key_lines[key] = key_line
        return result
    problems.append(Problem(name, line, path or ROOT_FIELD(), UNKNOWN_NODE()))  # pragma: no cover
    return YScalar("", line)
