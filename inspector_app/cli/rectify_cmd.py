"""`inspector rectify add | list | show | update | remove | notice | report`: rectification items (整改事项).

The panel lead writes them at the 反馈会 (they travel in the panel bundle); the bureau sends the 整改通知书,
records each unit's 整改情况 with evidence, and a 复查 panel's lead records its verdicts (复查通过 /
复查未通过). `panel problem` is the same as `rectify add` (kept for the lead's habit).
"""
from __future__ import annotations

import argparse
import datetime as _dt

from inspector_app.cli.output import print_json
from inspector_app.store import plans as P
from inspector_app.store import rectification as R

STATUS_HELP = "状态：" + " / ".join(R.STATUSES)


def register(sub: argparse._SubParsersAction) -> None:
    rc = sub.add_parser("rectify", help="整改事项：列出存在问题、整改通知书、整改情况、复查结论（整改台账）")
    rs = rc.add_subparsers(dest="rectify_command", metavar="ACTION", required=True)
    add = rs.add_parser("add", help="新增一条整改事项（组长在反馈会后，或教育局）")
    add_item_args(add)
    add.set_defaults(func=cmd_add)
    ls = rs.add_parser("list", help="整改台账：列出整改事项（逾期的在前），可按集团、类别、状态筛选")
    ls.add_argument("--plan")
    ls.add_argument("--group", help="只列这个集团")
    ls.add_argument("--status", help=STATUS_HELP)
    ls.add_argument("--area", help="问题类别（一级指标名称，或录入时写的类别）")
    ls.add_argument("--as-of", metavar="YYYY-MM-DD", help="按这一天判断是否逾期（默认今天）")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=cmd_list)
    sh = rs.add_parser("show", help="查看一条整改事项：内容、整改情况、佐证、每次变更（谁、何时、为何）")
    sh.add_argument("id", metavar="ID", help="整改事项编号（rectify list 所列，可只写前几位）")
    sh.add_argument("--json", action="store_true")
    sh.set_defaults(func=cmd_show)
    up = rs.add_parser("update", help="记录整改情况或复查结论：状态、整改情况、佐证文件，或修改内容；须写理由")
    up.add_argument("id", metavar="ID", help="整改事项编号")
    up.add_argument("--plan")
    up.add_argument("--status", help=STATUS_HELP)
    up.add_argument("--reason", required=True, help="理由（写入整改事项的变更记录）")
    up.add_argument("--response", help="整改情况（被考核单位报告的整改措施和结果）")
    up.add_argument("--evidence", action="append", default=[], metavar="FILE",
                    help="整改佐证文件（PDF、Word、表格或照片），可重复")
    up.add_argument("--on", metavar="YYYY-MM-DD", default="", help="这一变化发生的日期（如整改报告的日期；默认今天）")
    up.add_argument("--text", help="改正整改事项的内容")
    up.add_argument("--deadline", metavar="YYYY-MM-DD", help="改正整改时限")
    up.add_argument("--unit", help="改正责任单位")
    up.add_argument("--person", help="改正责任人")
    up.add_argument("--area", help="改正问题类别")
    up.add_argument("--by", help="记录人姓名（默认本机用户）")
    up.set_defaults(func=cmd_update)
    rm = rs.add_parser("remove", help="删去一条误列的整改事项（记录保留）")
    rm.add_argument("id", metavar="ID", help="整改事项编号")
    rm.add_argument("--plan")
    rm.add_argument("--reason", required=True, help="删去的理由")
    rm.set_defaults(func=cmd_remove)
    nt = rs.add_parser("notice", help="教育局：生成一个集团的整改通知书（PDF 或 Word）")
    nt.add_argument("--plan")
    nt.add_argument("--group", required=True)
    nt.add_argument("--out", required=True, metavar="FILE.pdf|FILE.docx", help="输出文件；.docx 时输出 Word 文档")
    nt.add_argument("--date", metavar="YYYY-MM-DD", help="通知书落款日期（默认今天）")
    nt.add_argument("--form", help="整改报告的报送形式（默认：书面整改报告一式两份，加盖公章，附佐证材料）")
    nt.set_defaults(func=cmd_notice)
    rp = rs.add_parser("report", help="复查情况报告：每项整改事项复查通过或未通过（PDF 或 Word）")
    rp.add_argument("--plan")
    rp.add_argument("--group", required=True)
    rp.add_argument("--out", required=True, metavar="FILE.pdf|FILE.docx", help="输出文件；.docx 时输出 Word 文档")
    rp.set_defaults(func=cmd_report)


def add_item_args(p: argparse.ArgumentParser, *, text_positional: bool = False) -> None:
    p.add_argument("--plan")
    p.add_argument("--group", required=True)
    if text_positional:
        p.add_argument("text", nargs="?", help="问题的表述")
    else:
        p.add_argument("--text", required=True, help="问题的表述（存在问题）")
    p.add_argument("--indicator", action="append", default=[], help="所涉指标编号（如 C5），可重复")
    p.add_argument("--school", action="append", default=[], help="所涉学校（编号或名称），可重复；不写：全集团")
    p.add_argument("--deadline", default="", metavar="YYYY-MM-DD", help="整改时限（不写：计划的整改报告截止日期）")
    p.add_argument("--area", default="", help="问题类别（分门别类；不写：所涉指标的一级指标）")
    p.add_argument("--unit", default="", help="责任单位（不写：所涉学校，或集团）")
    p.add_argument("--person", default="", help="责任人（如 总校校长 张某）")


def _error(message: str, code: int = 2):
    from inspector_app.cli.main import CommandError
    return CommandError(message, code)


def actor(store, plan: P.Plan, by: str | None = None) -> tuple[R.Actor, str]:
    """Who records here and as what: ("lead" | "bureau"). Members and viewers record nothing."""
    from inspector_app.cli.store_cmd import me_expert, own_key
    from inspector_app.store import identity as I
    key = own_key().key_id
    who = I.current(store, plan.id)
    if I.issued_here(store, plan, key) or (who is not None and who.kind == "bureau"):
        return R.bureau_actor(plan, key, by), "bureau"
    expert = me_expert(store, plan, None)
    if expert.role != "lead":
        raise _error(f"只有教育局或本计划登记的组长可以记录整改事项；本机用户是 {expert.name}", 1)
    return R.Actor(by or expert.name, expert.id, key), "lead"


def _plan_and_group(store, args):
    plan = P.find_plan(store, args.plan)
    group = P.get_group(store, plan.id, args.group) if getattr(args, "group", None) else None
    return plan, group


def add_from_args(store, args, text: str) -> R.Item:
    plan, group = _plan_and_group(store, args)
    who, _role = actor(store, plan)
    draft = R.Draft(text or "", tuple(args.indicator), tuple(args.school), args.deadline, args.unit, args.person,
                    args.area)
    return R.add_item(store, plan, P.plan_rubric(store, plan), group, draft, who)


def cmd_add(args) -> int:
    from inspector_app.cli.store_cmd import opened
    with opened() as store:
        item = add_from_args(store, args, args.text)
        plan = P.find_plan(store, args.plan)
        print(f"已列整改事项 {item.uid}：{item.text}（指标 {'、'.join(item.indicators) or '—'}，"
              f"{_schools(store, item)}，整改时限 {item.deadline or '未定'}，"
              f"类别 {item.area_for(P.plan_rubric(store, plan))}）")
    return 0


def _schools(store, item: R.Item) -> str:
    group = P.group_by_id(store, item.plan_id, item.group_id)
    names = {s.id: s.name for s in group.schools} if group else {}
    return "、".join(names.get(s, s) for s in item.schools) or R.WHOLE_GROUP


def cmd_list(args) -> int:
    from inspector_app.cli.store_cmd import opened
    from inspector_app.results.rectify_ledger import ledger
    as_of = R.check_date(args.as_of or "", "--as-of") or _dt.date.today().isoformat()
    if args.status:
        R.status_word(args.status)
    with opened() as store:
        plan, group = _plan_and_group(store, args)
        rows = ledger(store, plan, as_of, group=group.id if group else None, status=args.status, area=args.area)
        if args.json:
            print_json(rows)
            return 0
        if not rows:
            print("没有符合条件的整改事项。")
        for r in rows:
            flag = "【逾期】" if r["overdue"] else ""
            print(f"{r['id']}  {flag}{r['status']}  {r['group_name']}  {r['area']}  {'、'.join(r['indicators']) or '—'}"
                  f"  时限 {r['deadline'] or '未定'}  {r['text']}")
    return 0


def cmd_show(args) -> int:
    from inspector_app.cli.store_cmd import opened
    with opened() as store:
        item = R.get_item(store, args.id)
        plan = _plan_of(store, item)
        rubric = P.plan_rubric(store, plan) if plan else None
        evs = R.events(store, item.uid)
        if args.json:
            from inspector_app.results.rectify_ledger import row_of
            group = P.group_by_id(store, plan.id, item.group_id) if plan else None
            print_json({**row_of(item, rubric, group, _dt.date.today().isoformat()),
                        "history": [e.to_json() for e in evs]})
            return 0
        print(f"整改事项 {item.uid}：{item.text}")
        print(f"  指标 {'、'.join(item.indicators) or '—'}；学校 {_schools(store, item)}；类别 {item.area_for(rubric)}")
        print(f"  整改时限 {item.deadline or '未定'}；责任单位 {item.unit or '—'}；责任人 {item.person or '—'}")
        print(f"  状态 {item.status}" + (f"（{item.fixed_on} 报告已整改）" if item.fixed_on else "")
              + (f"；{item.closed_on} 复查通过" if item.closed_on else "") + ("；已删去" if item.removed else ""))
        if item.response:
            print(f"  整改情况：{item.response}")
        for e in item.evidence:
            print(f"  佐证：{e.name}（{e.size} 字节，{e.sha256[:12]}，{e.added_by} {e.added_on}）")
        print("  变更记录：")
        from inspector_app.results.rectify_ledger import event_summary
        for e in evs:
            what = event_summary(e)
            print(f"    {e.at[:19].replace('T', ' ')}  {e.actor}  {what}" + (f"  理由：{e.reason}" if e.reason else "")
                  + (f"  （日期 {e.on_date}）" if e.on_date else ""))
    return 0


def _plan_of(store, item: R.Item) -> P.Plan | None:
    try:
        return P.get_plan(store, item.plan_id)
    except Exception:  # noqa: BLE001 - a 复查 laptop has the item but not the plan that found it
        for plan in P.list_plans(store):
            if item.uid in R.links(store, plan.id):
                return plan
    return None


def _context(store, args, item: R.Item) -> P.Plan:
    """The plan through which this laptop reaches the item: the one that found it, or one that carries it."""
    plan = P.find_plan(store, args.plan)
    if item.plan_id != plan.id and item.uid not in R.links(store, plan.id):
        raise _error(f"整改事项 {item.uid} 不属于考核计划“{plan.title}”", 1)
    return plan


def cmd_update(args) -> int:
    from inspector_app.cli.store_cmd import opened
    from inspector_app.store.rectify_evidence import store_files
    with opened() as store:
        item = R.get_item(store, args.id)
        plan = _context(store, args, item)
        who, _role = actor(store, plan, args.by)
        status = R.status_word(args.status) if args.status is not None else None
        R.check_date(args.on, "--on")
        changes = {k: getattr(args, k) for k in ("text", "deadline", "unit", "person", "area")}
        if any(v is not None for v in changes.values()):
            origin = _plan_of(store, item) or plan
            group = P.group_by_id(store, plan.id, item.group_id) or P.group_by_id(store, origin.id, item.group_id)
            R.check_draft(store, origin, P.plan_rubric(store, plan), group, R.Draft(**{
                **{k: getattr(item, k) for k in R.EDITABLE}, **{k: v for k, v in changes.items() if v is not None}}))
        files = store_files(store, args.evidence)  # stored by hash before any event names them
        if any(v is not None for v in changes.values()):
            item = R.edit_item(store, origin, P.plan_rubric(store, plan), group, item, changes, who, args.reason)
        item = R.set_status(store, item, status, who, args.reason, plan_id=plan.id, response=args.response,
                            on_date=args.on, evidence=tuple(files))
        print(f"整改事项 {item.uid}：{item.status}" + (f"，佐证 {len(item.evidence)} 份" if item.evidence else "")
              + f"（{who.name} 记录）")
    return 0


def cmd_remove(args) -> int:
    from inspector_app.cli.store_cmd import opened
    with opened() as store:
        item = R.get_item(store, args.id)
        plan = _context(store, args, item)
        who, _role = actor(store, plan)
        R.remove_item(store, item, who, args.reason)
        print(f"已删去整改事项 {item.uid}（记录保留）")
    return 0


def cmd_notice(args) -> int:
    from inspector_app.cli.store_cmd import opened
    from inspector_app.reports.rectify_notice import notice_data, write_notice
    date = R.check_date(args.date or "", "--date") or _dt.date.today().isoformat()
    with opened() as store:
        plan, group = _plan_and_group(store, args)
        data = notice_data(store, plan, group, date, args.form)
    if not data.items:
        raise _error(f"{group.name} 没有未关闭的整改事项，不需要整改通知书", 1)
    pages = write_notice(data, args.out)
    print(f"已生成 {group.name} 的整改通知书：{args.out}" + (f"（{pages} 页）" if pages else ""))
    return 0


def cmd_report(args) -> int:
    from inspector_app.cli.store_cmd import opened
    from inspector_app.reports.rectify_notice import recheck_data, write_recheck
    with opened() as store:
        plan, group = _plan_and_group(store, args)
        data = recheck_data(store, plan, group, _dt.date.today().isoformat())
    pages = write_recheck(data, args.out)
    print(f"已生成 {group.name} 的复查情况报告：{args.out}" + (f"（{pages} 页）" if pages else ""))
    return 0


def make_recheck(store, parent: P.Plan, expert_args: list[str], rescore: bool) -> P.Plan:
    """`package --recheck`: the 复查 plan of a plan's open items, created here (this laptop issues it)."""
    from pathlib import Path
    from inspector_app.cli.roster_files import expert_option, expert_spec
    from inspector_app.cli.store_cmd import own_key
    from inspector_app.store import identity as I
    from inspector_app.store.rectify_plans import make_recheck_plan
    own = own_key()
    if not I.issued_here(store, parent, own.key_id):
        raise _error(f"只有签发考核计划“{parent.title}”的教育局可以导出它的复查计划包", 1)
    experts = [expert_spec(Path.cwd() / "roster", expert_option(item)) for item in expert_args]
    plan, found = make_recheck_plan(store, parent, experts, rescore=rescore, issuer_key_id=own.key_id)
    I.choose(store, plan, I.BUREAU, own)
    from inspector_app import paths
    from inspector_app.bundles.keys import KeyStore
    from inspector_app.store.experts import RECHECK_TRUST_ROLES
    roles = RECHECK_TRUST_ROLES
    KeyStore(paths.data_dir()).trust_many([(e.public_key, e.name, roles.get(e.role, roles["member"]))
                                           for e in experts if e.public_key and e.key_id != own.key_id])
    groups = sorted({i.group_id for i in found})
    print(f"已建立复查计划：{plan.title}（编号 {plan.id}）：{len(groups)} 个集团，{len(found)} 项未关闭的整改事项"
          + ("；复查通过的事项记录复查得分" if rescore else ""))
    return plan


def carry_over(store, plan: P.Plan, previous: P.Plan) -> None:
    """`plan create --previous PLAN`: last year's open items carried into the new plan."""
    from inspector_app.store.rectify_plans import carry_into
    _say_carried(*carry_into(store, plan, previous))


def _say_carried(carried: list, left: list) -> None:
    print(f"上年未关闭的整改事项 {len(carried)} 项已转入本计划" +
          (f"；{len(left)} 项所属集团不在本计划中，未转入" if left else ""))


def carry_from_folder(store, plan: P.Plan, source) -> None:
    """`plan baseline FOLDER`: last year's open items from that data folder carried too; a workbook holds none."""
    from pathlib import Path
    from inspector_app.store.db import open_store
    from inspector_app.store.rectify_plans import carry_from_folder as carry
    if not Path(source).is_dir():
        print("结果工作簿不含整改事项：上年未关闭的整改事项请从上年的数据文件夹转入"
              "（inspector plan baseline 上年的数据文件夹，或在同一台电脑上 plan create --previous 上年的计划）")
        return
    old = open_store(Path(source))
    try:
        _say_carried(*carry(store, plan, old))
    except R.RectifyError as exc:
        raise _error(str(exc), 1) from None
    finally:
        old.close()
