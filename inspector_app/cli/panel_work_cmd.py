"""What the window does that the command line lacked: the panel's findings, clearing an entry, removing
or restoring a photo, and withdrawing a lead's decision. Each goes through the same store functions the
window uses, under this laptop's chosen identity."""
from __future__ import annotations

import argparse
import sys

from inspector_app.cli.output import print_json


def register(sub: argparse._SubParsersAction) -> None:
    f = sub.add_parser("findings", help="专家组意见：主要成绩、存在问题、整改建议（写入反馈报告）")
    fs = f.add_subparsers(dest="findings_command", metavar="ACTION", required=True)
    fset = fs.add_parser("set", help="填写或修改专家组意见（只改给出的几项；给空字符串表示清空该项）")
    fset.add_argument("--plan", help="考核计划编号或名称（默认最新的）")
    fset.add_argument("--group", required=True, help="集团编号或名称")
    fset.add_argument("--achievements", help="主要成绩（- 表示从标准输入读入）")
    fset.add_argument("--problems", help="存在问题（- 表示从标准输入读入）")
    fset.add_argument("--suggestions", help="整改建议（- 表示从标准输入读入）")
    fset.set_defaults(func=cmd_findings_set)
    fshow = fs.add_parser("show", help="查看专家组意见")
    fshow.add_argument("--plan", help="考核计划编号或名称（默认最新的）")
    fshow.add_argument("--group", required=True, help="集团编号或名称")
    fshow.add_argument("--json", action="store_true", help="以 JSON 输出")
    fshow.set_defaults(func=cmd_findings_show)


def register_entry_clear(es: argparse._SubParsersAction, place_args) -> None:
    ec = es.add_parser("clear", help="清除一项评分（该项回到“未评”；历史记录中保留原值）")
    place_args(ec)
    ec.add_argument("--reason", required=True, help="清除的理由（必填，写入历史记录）")
    ec.set_defaults(func=cmd_entry_clear)


def register_photo_remove(phs: argparse._SubParsersAction) -> None:
    for name, helptext, func in (("remove", "移除一张照片（可用 photo restore 撤销）", cmd_photo_remove),
                                 ("restore", "撤销移除，恢复一张照片", cmd_photo_restore)):
        p = phs.add_parser(name, help=helptext)
        p.add_argument("photo", type=int, metavar="ID", help="照片编号（见 photo list）")
        p.set_defaults(func=func)


def register_withdraw(ps: argparse._SubParsersAction) -> None:
    w = ps.add_parser("withdraw", help="组长撤回自己对一项指标的定分（回到按合议规则计分；须写理由）")
    w.add_argument("--plan", help="考核计划编号或名称（默认最新的）")
    w.add_argument("--group", required=True, help="集团编号或名称")
    w.add_argument("--school", default="", help="学校编号或名称（逐校评分的指标）")
    w.add_argument("--indicator", required=True, help="指标编号，如 C5")
    w.add_argument("--reason", required=True, help="撤回的理由（写入历史记录）")
    w.set_defaults(func=cmd_withdraw)


def _identity(store, plan):
    from inspector_app.cli.main import CommandError
    from inspector_app.store import identity as I
    try:
        return I.require_scorer(store, plan)
    except I.IdentityError as exc:
        raise CommandError(str(exc)) from exc


def _text(value: str | None) -> str | None:
    if value == "-":
        return sys.stdin.read()
    return value


def cmd_findings_set(args) -> int:
    from inspector_app.cli.main import CommandError
    from inspector_app.cli.store_cmd import opened
    from inspector_app.store import plans as P
    from inspector_app.store.findings import FINDING_KINDS as KINDS, set_finding
    given = {k: _text(getattr(args, k)) for k in KINDS if getattr(args, k) is not None}
    if not given:
        raise CommandError("请至少给出 --achievements、--problems、--suggestions 之一", 2)
    with opened() as store:
        plan = P.find_plan(store, args.plan)
        me = _identity(store, plan)
        group = P.get_group(store, plan.id, args.group)
        for kind, text in given.items():
            set_finding(store, plan.id, group.id, kind, text.strip(), me.expert_id)
        print(f"已保存 {group.name} 的" + "、".join(KINDS[k] for k in given))
    return 0


def cmd_findings_show(args) -> int:
    from inspector_app.cli.store_cmd import opened
    from inspector_app.store import experts as EX
    from inspector_app.store import plans as P
    from inspector_app.store.findings import FINDING_KINDS as KINDS, authors, get_findings
    with opened() as store:
        plan = P.find_plan(store, args.plan)
        group = P.get_group(store, plan.id, args.group)
        texts, who = get_findings(store, plan.id, group.id), authors(store, plan.id, group.id)
        names = {e.id: e.name for e in EX.experts(store, plan.id)}
        if args.json:
            print_json({"group": group.id, "name": group.name,
                        "findings": {k: {"label": KINDS[k], "text": texts[k], "by": names.get(who.get(k, ""), "")}
                                     for k in KINDS}})
            return 0
        for kind, label in KINDS.items():
            by = f"（{names[who[kind]]} 填写）" if who.get(kind) in names else ""
            print(f"【{label}】{by}")
            print(texts[kind] or "未填写")
    return 0


def cmd_entry_clear(args) -> int:
    from inspector_app.cli.store_cmd import opened, place_from_args
    from inspector_app.store import entries as E
    from inspector_app.store import plans as P
    with opened() as store:
        _identity(store, P.find_plan(store, args.plan))
        plan, rubric, group, school, expert = place_from_args(store, args)
        code = E.check_place(rubric, group, school, args.indicator).code
        if E.get_entry(store, plan.id, group.id, expert.id, school, code) is None:
            print(f"指标 {code} 本来就未评分，没有改动")
            return 0
        E.clear_entry(store, plan, group, expert.id, school, code, args.reason)
        print(f"已清除 {expert.name} 对指标 {code} 的评分（历史记录中保留原值）")
        warn_if_finalised(store, plan, rubric, group)
    return 0


def _photo_change(args, restore: bool) -> int:
    from inspector_app.cli.main import CommandError
    from inspector_app.cli.store_cmd import opened
    from inspector_app.store import photo_records as PR
    from inspector_app.store import experts as EX
    from inspector_app.store import plans as P
    with opened() as store:
        photo = PR.get_photo(store, args.photo)
        me = _identity(store, P.get_plan(store, photo.plan_id))
        if photo.expert_id != me.expert_id:
            owner = EX.get_expert(store, photo.plan_id, photo.expert_id).name
            raise CommandError(f"照片 {args.photo} 是 {owner} 添加的，只有添加者本人可以移除或恢复")
        if photo.removed != restore:
            print(f"照片 {args.photo} 已经{'在用' if restore else '移除'}，没有改动")
            return 0
        (PR.restore_photo if restore else PR.remove_photo)(store, photo.id, me.expert_id)
        print(f"已{'恢复' if restore else '移除'}照片 {args.photo}（{photo.caption or photo.name or photo.original}）")
    return 0


def cmd_photo_remove(args) -> int:
    return _photo_change(args, restore=False)


def cmd_photo_restore(args) -> int:
    return _photo_change(args, restore=True)


def cmd_withdraw(args) -> int:
    from inspector_app.cli.main import CommandError
    from inspector_app.cli.store_cmd import opened, place_from_args
    from inspector_app.store import consensus as C
    from inspector_app.store import plans as P
    with opened() as store:
        me = _identity(store, P.find_plan(store, args.plan))
        if me.expert.role != "lead":
            raise CommandError(f"只有本计划的组长可以撤回定分；本机用户是 {me.expert.name}")
        args.expert = None
        plan, rubric, group, school, _ = place_from_args(store, args)
        if not args.reason.strip():
            raise CommandError("撤回定分须写明理由", 2)
        code = args.indicator
        if not C.withdraw_decision(store, plan, rubric, group, school, code, args.reason, me.expert_id):
            print(f"指标 {code} 没有组长定分，没有改动")
            return 0
        print(f"已撤回指标 {code} 的组长定分，按合议规则（{plan.consensus}）重新计分")
        warn_if_finalised(store, plan, rubric, group)
    return 0


def warn_if_finalised(store, plan, rubric, group, notice: str | None = None) -> None:
    """A change to a finalised (定稿) group is allowed, but said at once (the core's words, `notice` when the use
    case gave them), with the command that finalises again."""
    from inspector_app.cli.main import say
    from inspector_app.store import finalisation as FN
    said = FN.change_notice(store, plan, rubric, group) if notice is None else notice
    if said:
        say(f"注意：{said}（重新定稿：inspector panel finalise … --reason …）")
