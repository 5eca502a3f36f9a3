"""Chinese line breaking (避头尾) and full-width punctuation, for every line a report sets.

`break_lines` is the one place lines are broken: body paragraphs, table cells,
headings. It never starts a line with a closing mark (，。、；：？！）》」』 …) and
never ends one with an opening mark (（《「『 …): such a mark travels with its
neighbour as one unbreakable cluster. Latin words and numbers ("12.5%",
"3F9A-62C1") are not broken unless a single one is wider than the line.

`fullwidth` turns ASCII punctuation written inside Chinese text into its
full-width form ("总校: 6.9" → "总校：6.9"), leaving "10:30" or "(a)" alone.
Nothing here knows about fonts: the caller passes a width function.
"""
from __future__ import annotations

import re
from typing import Callable

# GB/T 15834 and the usual 避头尾 set: marks that may not begin a line…
NO_START = frozenset("，。、；：？！）》」』】〕〉”’…·—%‰℃,.;:?!)]}")
# …and marks that may not end one.
NO_END = frozenset("（《「『【〔〈“‘([{")
_NO_BREAK_BEFORE = NO_START | {" "}
FORBIDDEN_START = "，。、；：？！）》」』"  # the list, as tests check it
FORBIDDEN_END = "（《「『"

_WORD = re.compile(r"[A-Za-z0-9\u00C0-\u024F][A-Za-z0-9\u00C0-\u024F.,:/%+\-−_'·]*[A-Za-z0-9%\u00C0-\u024F]|"
                   r"[A-Za-z0-9\u00C0-\u024F]")
_HALF = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}


def is_cjk(ch: str) -> bool:
    code = ord(ch)
    return (0x2E80 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0xFF00 <= code <= 0xFFEF
            or 0x20000 <= code <= 0x2FFFF)


def fullwidth(text: str) -> str:
    """ASCII , ; : ? ! ( ) inside Chinese text become ，；：？！（）; elsewhere they stay."""
    if not text or not any(is_cjk(ch) for ch in text):
        return text
    out: list[str] = []
    opened: list[int] = []  # positions in out of "(" and whether each was converted
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        prev = _prev_visible(out)
        nxt = text[i + 1] if i + 1 < n else ""
        if ch in _HALF and prev and is_cjk(prev):
            out.append(_HALF[ch])
            if i + 1 < n and text[i + 1] == " ":
                i += 1  # the space after an ASCII colon has no place after a full-width one
        elif ch == "(":
            converted = bool((prev and is_cjk(prev)) or (nxt and is_cjk(nxt)))
            if converted and out and out[-1] == " " and prev and is_cjk(prev):
                out.pop()
            out.append("（" if converted else "(")
            opened.append(len(out) - 1)
        elif ch == ")":
            start = opened.pop() if opened else None
            converted = (start is not None and out[start] == "（") or bool(prev and is_cjk(prev))
            out.append("）" if converted else ")")
            if converted and i + 1 < n and text[i + 1] == " " and i + 2 < n and is_cjk(text[i + 2]):
                i += 1
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def _prev_visible(out: list[str]) -> str:
    for chunk in reversed(out):
        if chunk != " ":
            return chunk
    return ""


def _units(text: str) -> list[str]:
    """Latin words and numbers whole, every other character alone (spaces included)."""
    units: list[str] = []
    pos = 0
    for m in _WORD.finditer(text):
        units.extend(text[pos:m.start()])
        units.append(m.group())
        pos = m.end()
    units.extend(text[pos:])
    return units


def clusters(text: str) -> list[str]:
    """Units glued so that no break falls before a NO_START mark or after a NO_END mark."""
    out: list[str] = []
    glue_next = False
    for unit in _units(text):
        if unit == " ":
            if glue_next and out:
                out[-1] += unit  # "《 " still holds on to what follows
            else:
                out.append(unit)
            continue
        while unit[0] in NO_START and len(out) > 1 and out[-1] == " ":
            out.pop()  # "比例 ，" : the mark stays with the word before it
        if out and out[-1] != " " and (glue_next or unit[0] in NO_START or _dash_pair(out[-1], unit)):
            out[-1] += unit
        else:
            out.append(unit)
        glue_next = unit[-1] in NO_END
    return out


def _dash_pair(before: str, unit: str) -> bool:
    return before.endswith("—") and unit.startswith("—") or before.endswith("…") and unit.startswith("…")


def break_lines(text: str, width: float, measure: Callable[[str], float],
                first_width: float | None = None) -> list[str]:
    """Lines of at most `width` (the first of `first_width`), honouring 避头尾; "\\n" forces a break."""
    lines: list[str] = []
    for p_no, paragraph in enumerate(text.split("\n")):
        avail = first_width if (first_width is not None and p_no == 0) else width
        lines += _break_paragraph(paragraph, avail, width, measure)
    return lines


def _break_paragraph(text: str, first: float, width: float, measure: Callable[[str], float]) -> list[str]:
    if not text.strip():
        return [""]
    lines: list[str] = []
    line, line_w = "", 0.0
    avail = first
    for cluster in clusters(text):
        w = measure(cluster)
        if cluster == " " and not line:
            continue  # no line starts with a space
        if line_w + w <= avail + 0.01:
            line, line_w = line + cluster, line_w + w
            continue
        if cluster == " ":
            lines.append(line.rstrip())
            line, line_w, avail = "", 0.0, width
            continue
        if line.strip():
            lines.append(line.rstrip())
            line, line_w, avail = "", 0.0, width
        if w <= avail + 0.01:
            line, line_w = cluster, w
            continue
        # One cluster wider than a line (a long number, a URL): break it by characters.
        for piece in _hard_split(cluster, avail, width, measure):
            if line:
                lines.append(line)
            line = piece
            avail = width
        line_w = measure(line)
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


def _hard_split(cluster: str, first: float, width: float, measure: Callable[[str], float]) -> list[str]:
    pieces, piece, avail = [], "", first
    for ch in cluster:
        if (piece.strip() and measure(piece + ch) > avail and ch not in _NO_BREAK_BEFORE
                and piece.rstrip()[-1] not in NO_END):
            pieces.append(piece)
            piece, avail = "", width
        piece += ch
    pieces.append(piece)
    return pieces


def line_breaks_ok(lines: list[str]) -> bool:
    """True when no line starts with a forbidden closing mark or ends with an opening one."""
    for line in lines:
        stripped = line.strip()
        if stripped and (stripped[0] in FORBIDDEN_START or stripped[-1] in FORBIDDEN_END):
            return False
    return True
