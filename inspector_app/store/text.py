"""Text as people type it or paste it: what the store refuses before anything is saved.

A NUL character or a lone surrogate (half of a UTF-16 pair, from a broken paste
or an undecodable file name) cannot be written to every file the program makes
(bundles, reports, workbooks), so it is refused where it is typed, with the field
named, rather than saved and found later.
"""
from __future__ import annotations

import re
from inspector_app.said import Said

# Each said on its own and after the field it is about ("备注过长（…）": the field as its caller names it).
HAS_NUL = Said("含有空字符（NUL），请删去后再保存", "holds a NUL character; delete it before saving")
HAS_SURROGATE = Said("含有无效的 Unicode 字符（孤立代理项，常见于损坏的复制粘贴），请删去后再保存",
                     "holds an invalid Unicode character (a lone surrogate, common after a broken copy and paste); "
                     "delete it before saving")
TOO_LONG = Said("过长（{0} 字，最多 {1} 字）", "too long ({0} characters, at most {1})")
FIELD_HAS_NUL = Said("{0}含有空字符（NUL），请删去后再保存", "{0} holds a NUL character; delete it before saving")
FIELD_HAS_SURROGATE = Said("{0}含有无效的 Unicode 字符（孤立代理项，常见于损坏的复制粘贴），请删去后再保存",
                           "{0} holds an invalid Unicode character (a lone surrogate, common after a broken copy and "
                           "paste); delete it before saving")
FIELD_TOO_LONG = Said("{0}过长（{1} 字，最多 {2} 字）", "{0} is too long ({1} characters, at most {2})")

_SURROGATE = re.compile("[\ud800-\udfff]")


def text_problem(value: str, max_len: int | None = None) -> str:
    """What is wrong with `value` as stored text, in words; empty when nothing."""
    if "\x00" in value:
        return HAS_NUL()
    if _SURROGATE.search(value):
        return HAS_SURROGATE()
    if max_len is not None and len(value) > max_len:
        return TOO_LONG(len(value), max_len)
    return ""
