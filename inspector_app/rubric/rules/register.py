"""An award/project register as a rule input: each item with its name, level, year and school.

004 C15–C19 and C21–C23 count awards or projects by level. A panel holds a
list; the counts follow from it in steps a reader can check: the same project
counted once at its highest level, the baseline year's items subtracted level
by level, then the rule's points and cap. The list travels as the entry's
`register` input, so bundles and reports see exactly what was counted.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from inspector_app.numbers import normalise_text
from inspector_app.said import Said

REGISTER_LIST_EACH_ITEM = Said('登记表应为列表，每项写明 name、level（及 year、school、evidence）',
                                'The register must be a list, each item giving name, level (and year, school, evidence)')
REGISTER_TOO_LONG_ITEMS = Said('登记表过长（{0} 项）',
                                'The register is too long ({0} items)')
ITEM_REGISTER_NAME_LEVEL = Said('登记表第 {0} 项应为 {{name, level, year, school, evidence}}',
                                 'Item {0} of the register must be {{name, level, year, school, evidence}}')
ITEM_REGISTER_UNKNOWN_KEY = Said('登记表第 {0} 项: 未知的键 “{1}”；可用: {2}',
                                  'Item {0} of the register: unknown key "{1}"; possible: {2}')
ITEM_REGISTER_NAME_GIVEN = Said('登记表第 {0} 项: 缺少名称（name）',
                                 'Item {0} of the register: no name given (name)')
ITEM_REGISTER_LEVEL_LEVEL = Said('登记表第 {0} 项 “{1}”: 级别 “{2}” 不是本项的级别；可用: {3}',
                                  'Item {0} of the register, "{1}": level "{2}" is not a level of this indicator; possible: {3}')
ITEM_REGISTER_YEAR_FOUR = Said('登记表第 {0} 项 “{1}”: 年份应为四位数字，如 2023',
                                'Item {0} of the register, "{1}": the year must be four digits, like 2023')

REGISTER = "register"
LEVELS = ("国家级", "省级", "市级", "区级", "县级", "校级")  # highest first
MAX_ITEMS = 2000
KEYS = ("name", "level", "year", "school", "evidence", "source")


@dataclass(frozen=True)
class Item:
    name: str
    level: str
    year: str = ""
    school: str = ""
    evidence: str = ""
    source: str = ""  # where a baseline item was read from (the baseline year's plan), "" for this register

    def to_json(self) -> dict:
        data = {"name": self.name, "level": self.level}
        for key in ("year", "school", "evidence", "source"):
            if getattr(self, key):
                data[key] = getattr(self, key)
        return data

    @property
    def same_as(self) -> str:
        """Items with the same name (ignoring spaces, width and punctuation marks) are one project."""
        return "".join(ch for ch in normalise_text(self.name) if ch.isalnum()).lower()


def level_of(label: str) -> str | None:
    """The level a rule's option stands for: "新增国家级" → 国家级."""
    return next((lv for lv in LEVELS if lv in label), None)


def parse_items(value: Any, levels: tuple[str, ...]) -> list[Item]:
    """A register as typed (list of maps) to items; raises ValueError naming the item and key."""
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        raise ValueError(REGISTER_LIST_EACH_ITEM())
    if len(value) > MAX_ITEMS:
        raise ValueError(REGISTER_TOO_LONG_ITEMS(len(value)))
    items = []
    for i, raw in enumerate(value, 1):
        if not isinstance(raw, dict):
            raise ValueError(ITEM_REGISTER_NAME_LEVEL(i))
        unknown = sorted(set(raw) - set(KEYS))
        if unknown:
            raise ValueError(ITEM_REGISTER_UNKNOWN_KEY(i, unknown[0], ', '.join(KEYS)))
        text = {k: ("" if raw.get(k) is None else str(raw.get(k)).strip()) for k in KEYS}
        if not text["name"]:
            raise ValueError(ITEM_REGISTER_NAME_GIVEN(i))
        level = normalise_text(text["level"])
        if level not in levels:
            raise ValueError(ITEM_REGISTER_LEVEL_LEVEL(i, text['name'], text['level'], '、'.join(levels)))
        year = normalise_text(text["year"])
        if year and not (year.isdigit() and len(year) == 4):
            raise ValueError(ITEM_REGISTER_YEAR_FOUR(i, text['name']))
        items.append(Item(text["name"], level, year, text["school"], text["evidence"], text["source"]))
    return items


def counted(items: list[Item], levels: tuple[str, ...], baseline: str = "") -> tuple[dict[str, int], list[str]]:
    """Counts per level after de-duplication and the baseline, with every step in words."""
    lines: list[str] = []
    rank = {lv: LEVELS.index(lv) if lv in LEVELS else len(LEVELS) for lv in levels}
    current = [x for x in items if x.year != baseline] if baseline else list(items)
    base = [x for x in items if x.year == baseline] if baseline else []
    if baseline and base:
        lines.append(f"登记 {len(items)} 项，其中 {baseline} 年（基数）{len(base)} 项")
        sources = sorted({x.source for x in base if x.source})
        here = sum(1 for x in base if not x.source)
        if sources:
            lines.append(f"基数来自：{'、'.join(sources)}" + (f"；另有本登记表中 {baseline} 年的 {here} 项" if here else ""))
    elif baseline:
        lines.append(f"登记 {len(items)} 项；没有 {baseline} 年（基数）的登记，基数按 0 项计")
    else:
        lines.append(f"登记 {len(items)} 项")

    def unique(group: list[Item]) -> list[Item]:
        best: dict[str, Item] = {}
        for item in group:
            kept = best.get(item.same_as)
            if kept is None or rank[item.level] < rank[kept.level]:
                if kept is not None:
                    lines.append(f"“{item.name}” 重复登记（{kept.level}、{item.level}），按{item.level}计一次")
                best[item.same_as] = item
            else:
                lines.append(f"“{item.name}” 重复登记（{kept.level}、{item.level}），按{kept.level}计一次")
        return list(best.values())

    current, base = unique(current), unique(base)
    counts = {}
    for lv in levels:
        now = sum(1 for x in current if x.level == lv)
        then = sum(1 for x in base if x.level == lv)
        counts[lv] = max(now - then, 0)
        if baseline:
            if now or then:
                lines.append(f"{lv}：本期 {now} 项 − {baseline} 年 {then} 项 = {now - then} 项"
                             + ("（不足基数，按 0 计）" if now < then else ""))
        elif now:
            lines.append(f"{lv}：{now} 项")
    return counts, lines
