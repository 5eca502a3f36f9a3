"""Text as people type it or paste it: what the store refuses before anything is saved.

A NUL character or a lone surrogate (half of a UTF-16 pair, from a broken paste
or an undecodable file name) cannot be written to every file the program makes
(bundles, reports, workbooks), so it is refused where it is typed, with the field
named, rather than saved and found later.
"""
from __future__ import annotations

import re

_SURROGATE = re.compile("[\ud800-\udfff]")


def text_problem(value: str, max_len: int | None = None) -> str:
    """What is wrong with `value` as stored text, in words; empty when nothing."""
    if "\x00" in value:
        return "含有空字符（NUL），请删去后再保存"
    if _SURROGATE.search(value):
        return "含有无效的 Unicode 字符（孤立代理项，常见于损坏的复制粘贴），请删去后再保存"
    if max_len is not None and len(value) > max_len:
        return f"过长（{len(value)} 字，最多 {max_len} 字）"
    return ""
