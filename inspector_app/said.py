"""Messages of the core in Chinese, each carrying its English form.

The core (store, bundles, results, reports) speaks Chinese: what it says is what the command line prints
and what the printed documents show. A message the window may also show is declared once, at module
level, with both forms:

    NOT_FOUND = Said("找不到 {0}", "{0} not found")
    raise StoreError(NOT_FOUND(path))        # the Chinese text, values put in

Calling a `Said` gives the plain Chinese string, so nothing downstream changes. Every `Said` made is kept
in `known()`; the window (ui/core_words.py) reads a Chinese text back against these forms and, under
English, says it in English with the same values (each value itself said in English when it is a known word or
message, except at the places listed in `kept`: a sheet or column named as the file names it). No Qt here: the core stays free of the window.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_KNOWN: list["Said"] = []
_PLACE = re.compile(r"\{(\d+)\}")


@dataclass(frozen=True)
class Said:
    zh: str  # the Chinese form, {0}, {1}… where values go (each at most once)
    en: str  # the same message in English, with the same places
    kept: tuple[int, ...] = ()  # places whose value is a name as a file has it (a sheet, a column): never translated

    def __post_init__(self) -> None:
        zh, en = sorted(set(_PLACE.findall(self.zh))), sorted(set(_PLACE.findall(self.en)))
        if zh != en or len(_PLACE.findall(self.zh)) != len(zh):
            raise ValueError(f"Said: places differ or repeat: {self.zh!r} / {self.en!r}")
        _KNOWN.append(self)

    def __call__(self, *values: object) -> str:
        return self.zh.format(*values) if values else self.zh


def count() -> int:
    """How many messages are declared so far (cheap: the window's cache of translations checks it)."""
    return len(_KNOWN)


def known() -> tuple[Said, ...]:
    """Every message declared so far (modules declare theirs when imported)."""
    return tuple(_KNOWN)
