"""`panel meeting` and `panel problem`: the lead records the 反馈会 and the 存在问题 items with deadlines."""
from __future__ import annotations

import argparse

from inspector_app.cli.store_cmd import me_expert, opened
from inspector_app.store import feedback as F
from inspector_app.store import plans as P
from inspector_app.store.db import StoreError


def register(ps: argparse._SubParsersAction) -> None:
    m = ps.add_parser("meeting", help="组长记录反馈会：时间、地点、参加人员、被考核单位的意见（写入现场反馈报告）")
    m.add_argument("--plan")
    m.add_argument("--group", required=True)
    m.add_argument("--held-at", default=None, metavar="TEXT", help="时间，如 “2024年9月26日 15:30”")
    m.add_argument("--place", default=None, help="地点")
    m.add_argument("--attendees", default=None, help="参加人员")
    m.add_argument("--response", default=None, help="被考核单位的意见（表态）")
    m.set_defaults(func=cmd_meeting)
    p = ps.add_parser("problem", help="同 rectify add：组长列出一条存在问题（整改事项）：问题、指标、学校、整改时限")
    from inspector_app.cli.rectify_cmd import add_item_args
    add_item_args(p, text_positional=True)
    p.set_defaults(func=cmd_problem)


def _lead(store, plan):
    from inspector_app.cli.main import CommandError
    lead = me_expert(store, plan, None)
    if lead.role != "lead":
        raise CommandError(f"只有本计划登记的组长可以记录；本机用户是 {lead.name}")
    return lead


def cmd_meeting(args) -> int:
    from inspector_app.cli.main import CommandError
    with opened() as store:
        plan = P.find_plan(store, args.plan)
        group = P.get_group(store, plan.id, args.group)
        lead = _lead(store, plan)
        old = F.meeting(store, plan.id, group.id)
        new = F.Meeting(*(getattr(old, k) if getattr(args, k) is None else getattr(args, k)
                          for k in ("held_at", "place", "attendees", "response")))
        try:
            F.set_meeting(store, plan.id, group.id, new, lead.id)
        except StoreError as exc:
            raise CommandError(str(exc), 2) from exc
        print(f"已记录 {group.name} 的反馈会：{new.held_at or '—'}，{new.place or '—'}")
    return 0


def cmd_problem(args) -> int:
    """`panel problem TEXT …` is `rectify add --text TEXT …`: one concept, one table."""
    from inspector_app.cli.main import CommandError
    from inspector_app.cli.rectify_cmd import cmd_add
    if not args.text:
        raise CommandError("请写出问题的表述（误列的事项用 inspector rectify remove ID --reason … 删去）", 2)
    return cmd_add(args)
