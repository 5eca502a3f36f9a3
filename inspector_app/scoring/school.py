"""A school of an education group, as the whole program speaks of it: the plan's roster, the engine, reports and results.

A school is the group's core school (role "lead", 核心校) or a member school ("member", 成员校);
the rubric's indicators look at the lead, the members or both (`ROLE_TARGET`).
"""
from __future__ import annotations

from dataclasses import dataclass

ROLES = {"lead": "核心校", "member": "成员校"}
ROLE_TARGET = {"lead": "lead", "member": "members"}  # a school's role -> the rubric target that names it


@dataclass(frozen=True)
class School:
    id: str
    name: str
    role: str  # "lead" (核心校) or "member" (成员校)
    kind: str = ""  # 学段: 小学 / 初中 / 九年制 / 高中 / 幼儿园 … (store.plans.SCHOOL_KINDS)
    head_role: str = ""  # 总校校长 / 执行校长 / 执行园长 …
    short_name: str = ""  # as the plan gives it; see `short()`
    group_id: str = ""

    @property
    def role_label(self) -> str:
        return ROLES.get(self.role, self.role)

    def short(self, group_name: str = "") -> str:
        """The name for a narrow table head: the plan's short name, else the part after the group's name."""
        if self.short_name:
            return self.short_name
        name = self.name
        for stem in (group_name, group_name.removesuffix("教育集团"), group_name.removesuffix("集团")):
            if stem and name.startswith(stem) and len(name) > len(stem):
                rest = name[len(stem):].strip()
                if rest.startswith(("（", "(")) and rest.endswith(("）", ")")):
                    rest = rest[1:-1]  # 总校（宣和中学） keeps its bracket content, never half a bracket
                return rest or name
        return name
