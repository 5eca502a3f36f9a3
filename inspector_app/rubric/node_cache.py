"""Rubric files already parsed, kept as their located-node tree in JSON, named by the file's SHA-256.

Every start opens the plan's rubric. Parsing its YAML means importing PyYAML, which alone takes
longer than building the window; the node tree of the same bytes never changes, so it is parsed
once and read back from here. The tree is the parser's output only: the rubric reader still checks
every field on every load, so a cache can only save time, never change what is accepted. A missing,
unreadable or foreign file is parsed again and rewritten; a folder that cannot be written is skipped.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from inspector_app.fsutil import temp_beside
from inspector_app.rubric.yamlnodes import YMap, YNode, YScalar, YSeq, parse_yaml_bytes

FORMAT = 1  # raise when the node classes or this encoding change


def parsed_nodes(raw: bytes, name: str, folder: Path | None, digest: str | None = None) -> YNode:
    """The node tree of `raw`: from `folder` when parsed before, else parsed (and stored there).
    `digest`: the SHA-256 of `raw` in hex, when the caller has it already."""
    if folder is None:
        return parse_yaml_bytes(raw, name)
    digest = digest or hashlib.sha256(raw).hexdigest()
    path = folder / f"{digest}.json"
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        if stored.get("format") == FORMAT and stored.get("sha256") == digest:
            return decode(stored["root"])
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError):
        pass  # absent or not ours: parse again
    root = parse_yaml_bytes(raw, name)  # a broken file raises here, before anything is written
    try:
        with temp_beside(path) as tmp:
            tmp.write_text(json.dumps({"format": FORMAT, "sha256": digest, "root": encode(root)},
                                      ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    except OSError:
        pass  # a read-only data folder only costs the next start the parse
    return root


def encode(node: YNode) -> list:
    if isinstance(node, YScalar):
        return ["s", node.line, node.value, node.quoted]
    if isinstance(node, YSeq):
        return ["q", node.line, [encode(item) for item in node.items]]
    return ["m", node.line, [[key, node.key_lines[key], encode(value)] for key, value in node.items.items()]]


def decode(data: list) -> YNode:
    kind, line = data[0], data[1]
    if kind == "s":
        return YScalar(str(data[2]), int(line), quoted=bool(data[3]))
    if kind == "q":
        return YSeq([decode(item) for item in data[2]], int(line))
    if kind == "m":
        result = YMap({}, int(line))
        for key, key_line, value in data[2]:
            result.items[str(key)] = decode(value)
            result.key_lines[str(key)] = int(key_line)
        return result
    raise ValueError(f"unknown node kind {kind!r}")
