"""`inspector export | merge | panel | plan export` and the consensus commands."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from inspector_app import paths
from inspector_app.cli.output import print_json
from inspector_app.cli.store_cmd import me_expert, opened
from inspector_app.inspection import Inspection
from inspector_app.numbers import fmt_points
from inspector_app.store import finalisation as F
from inspector_app.store import experts as EX
from inspector_app.store import plans as P


def register(sub: argparse._SubParsersAction) -> None:
    register_report(sub)
    ex = sub.add_parser("export", help="导出本机专家的签名数据包（每个集团一个 zip），交给组长")
    ex.add_argument("--out", required=True, metavar="DIR", help="目标文件夹（如 U 盘）")
    ex.add_argument("--plan")
    ex.add_argument("--group", help="只导出这个集团（默认导出有评分的每个集团）")
    ex.add_argument("--expert", help="专家（默认本机用户）")
    ex.set_defaults(func=cmd_export)

    mg = sub.add_parser("merge", help="导入数据包：专家数据包（组长）、专家组数据包（教育局）、考核计划包")
    mg.add_argument("files", nargs="+", metavar="FILE")
    mg.add_argument("--json", action="store_true")
    mg.set_defaults(func=cmd_merge)

    pn = sub.add_parser("panel", help="专家组：查看分歧、组长定分、导出专家组数据包")
    ps = pn.add_subparsers(dest="panel_command", metavar="ACTION", required=True)
    dis = ps.add_parser("disagreements", help="并列显示多位专家对同一指标的评分，差距大的标出")
    dis.add_argument("--plan")
    dis.add_argument("--group", required=True)
    dis.add_argument("--json", action="store_true")
    dis.set_defaults(func=cmd_disagreements)
    dec = ps.add_parser("decide", help="组长决定一项指标的专家组得分（须写理由）")
    dec.add_argument("--plan")
    dec.add_argument("--group", required=True)
    dec.add_argument("--school", default="")
    dec.add_argument("--indicator", required=True)
    dec.add_argument("--points", required=True)
    dec.add_argument("--reason", required=True)
    dec.set_defaults(func=cmd_decide)
    from inspector_app.cli import panel_work_cmd
    panel_work_cmd.register_withdraw(ps)
    from inspector_app.cli import feedback_cmd
    feedback_cmd.register(ps)
    pe = ps.add_parser("export", help="导出专家组数据包（组长签名，内含各专家的原始数据包），交给教育局")
    pe.add_argument("--plan")
    pe.add_argument("--group", required=True)
    pe.add_argument("--out", required=True, metavar="DIR")
    pe.set_defaults(func=cmd_panel_export)
    fn = ps.add_parser("finalise", help="组长定稿：每项指标已评（或不适用）、差距大的已写明理由决定后，记录考核和反馈会日期")
    fn.add_argument("--plan")
    fn.add_argument("--group", required=True)
    fn.add_argument("--visit-date", required=True, metavar="YYYY-MM-DD", help="考核（实地察看）日期")
    fn.add_argument("--meeting-date", required=True, metavar="YYYY-MM-DD", help="反馈会日期")
    fn.add_argument("--reason", default="", help="定稿后再修改时必填：修改的理由（原版本保留）")
    fn.add_argument("--json", action="store_true")
    fn.set_defaults(func=cmd_finalise)
    sc = ps.add_parser("score", help="专家组合议后的得分")
    sc.add_argument("--plan")
    sc.add_argument("--group", required=True)
    sc.add_argument("--json", action="store_true")
    sc.set_defaults(func=cmd_panel_score)

    pk = sub.add_parser("package", help="教育局：导出考核计划包（指标、名单、专家公钥、分工、自评分、上年结果）")
    pk.add_argument("--plan")
    pk.add_argument("--out", required=True, metavar="DIR")
    pk.add_argument("--recheck", action="store_true",
                    help="改为导出复查计划包：只含有未关闭整改事项的集团、学校和指标，由 --expert 列出的复查专家组复查")
    pk.add_argument("--expert", action="append", default=[], metavar="NAME[:lead][:KEY.pub]",
                    help="复查专家（与 --recheck 同用，可重复；组长写 :lead）")
    pk.add_argument("--rescore", action="store_true",
                    help="复查规则：复查通过的整改事项以复查专家组对其指标的合议得分为复查得分（不改变已定稿的年度结果）")
    pk.set_defaults(func=cmd_package)


def _keystore():
    from inspector_app.cli.keys_cmd import unlocked_keystore
    return unlocked_keystore()


def cmd_export(args) -> int:
    from inspector_app.bundles.export import export_expert
    from inspector_app.store import entries as E
    with opened() as store:
        plan = P.find_plan(store, args.plan)
        expert = me_expert(store, plan, args.expert)
        chosen = [P.get_group(store, plan.id, args.group)] if args.group else [
            g for g in P.groups(store, plan.id) if E.entries(store, plan.id, g.id, expert.id)]
        if not chosen:
            print("没有可导出的评分。")
            return 1
        keystore = _keystore()
        for group in chosen:
            result = export_expert(store, keystore, plan, group, expert.id, Path(args.out))
            print(f"已导出并校验：{result.path}（序号 {result.sequence}，{result.photos} 张照片；{result.sealed_to}）")
            for line in result.carried_said():  # the photos and evidence files, as the window says them
                print(f"  {line}")
            for warning in result.warnings:
                print(f"注意：{warning}", file=sys.stderr)
    return 0


def cmd_merge(args) -> int:
    from inspector_app.bundles.merge import merge_each
    from inspector_app.cli.main import say
    all_ok = True
    with opened() as store:
        # Each outcome is said as its file is done and then let go: a province's bundles in flat memory.
        outcomes = merge_each(store, _keystore(), [Path(f) for f in args.files])
        if args.json:
            rows = []
            for o in outcomes:
                all_ok = all_ok and o.status in MERGE_OK
                rows.append({"file": o.file, "status": o.status, "message": o.message, "kind": o.kind,
                             "fingerprint": o.fingerprint, "members": [m.__dict__ for m in o.members]})
            print_json(rows)
        else:
            for o in outcomes:
                all_ok = all_ok and o.status in MERGE_OK
                # refusals and held bundles are errors: on stderr, so a script sees them apart from the rest
                if o.status in MERGE_OK:
                    print(o, flush=True)
                else:
                    say(str(o))
                for m in o.members:
                    print(f"    {m}") if o.status in MERGE_OK else say(f"    {m}")
    return 0 if all_ok else 1


MERGE_OK = ("merged", "already", "created", "amended", "superseded")



def cmd_disagreements(args) -> int:
    from inspector_app.store.consensus import disagreements
    with opened() as store:
        plan = P.find_plan(store, args.plan)
        group = P.get_group(store, plan.id, args.group)
        names = {e.id: e.name for e in EX.experts(store, plan.id)}
        schools = {s.id: s.name for s in group.schools}
        rows = disagreements(store, plan, group)
        if args.json:
            print_json([{"indicator": p.indicator, "school": p.school_id, "spread": fmt_points(p.spread),
                         "large": p.spread > plan.spread_limit,
                         "scores": {names.get(e, e): fmt_points(v) for e, v in p.scores.items()},
                         "notes": {names.get(e, e): n for e, n in p.notes.items() if n},
                         "decided": None if p.decided is None else fmt_points(p.decided)} for p in rows])
            return 0
        for p in rows:
            flag = "【差距大】" if p.spread > plan.spread_limit else ""
            where = schools.get(p.school_id, "集团整体")
            decided = f"　组长已定 {fmt_points(p.decided)}" if p.decided is not None else ""
            print(f"{p.indicator}（{where}）{flag}差距 {fmt_points(p.spread)}{decided}")
            for e, v in sorted(p.scores.items()):
                note = f"　备注：{p.notes[e]}" if p.notes.get(e) else ""
                print(f"    {names.get(e, e)}: {fmt_points(v)}{note}")
    return 0


def cmd_decide(args) -> int:
    from inspector_app.store.consensus import decide
    from inspector_app.cli.store_cmd import place_from_args
    args.expert = None
    with opened() as store:
        plan, rubric, group, school, lead = place_from_args(store, args)
        if lead.role != "lead":
            from inspector_app.cli.main import CommandError
            raise CommandError(f"只有本计划登记的组长可以定分；本机用户是 {lead.name}")
        decide(store, plan, rubric, group, school, args.indicator, args.points, args.reason, lead.id)
        print(f"已定分：指标 {args.indicator} {args.points} 分")
        from inspector_app.cli.panel_work_cmd import warn_if_finalised
        warn_if_finalised(store, plan, rubric, group)
    return 0


def cmd_panel_score(args) -> int:
    from inspector_app.cli.score_cmd import print_card
    with opened() as store:
        inspection = Inspection.open(store, args.plan)
        group, rubric = inspection.group(args.group), inspection.rubric
        card = inspection.panel_card(group)
        state = inspection.report_state(group)
        if args.json:
            print_json({**card.to_json(), "finalised": state.is_final, "status": state.status,
                        "version": state.version, "visit_date": state.visit_date,
                        "meeting_date": state.meeting_date, "changes_since_finalised": list(state.changes)})
        else:
            print(f"{group.name}（专家组合议，{state.label}"
                  + (f"，第 {state.version} 版，反馈会 {state.meeting_date}" if state.finalised else "") + "）")
            print_card(card, rubric)
    return 0


def cmd_finalise(args) -> int:
    from inspector_app.cli.main import CommandError
    with opened() as store:
        inspection = Inspection.open(store, args.plan)
        group = inspection.group(args.group)
        lead = inspection.me()
        try:
            final = inspection.finalise(group, lead.id, args.visit_date, args.meeting_date, args.reason)
        except F.FinaliseError as exc:
            if args.json:
                print_json({"finalised": False, "message": str(exc), "missing": exc.missing})
                return 1
            raise CommandError("\n".join([str(exc), *(f"  {m}" for m in exc.missing)])) from exc
        if args.json:
            print_json({"finalised": True, **final.to_json()})
        else:
            print(f"已定稿：{group.name} 第 {final.version} 版，总分 {final.result['total']}"
                  f"（{final.grade or '等次待定'}），考核日期 {final.visit_date}，反馈会 {final.meeting_date}")
    return 0


def cmd_panel_export(args) -> int:
    from inspector_app.bundles.export import export_panel
    with opened() as store:
        plan = P.find_plan(store, args.plan)
        group = P.get_group(store, plan.id, args.group)
        lead = me_expert(store, plan, None)
        result = export_panel(store, _keystore(), plan, group, lead.id, Path(args.out))
        print(f"已导出并校验：{result.path}（序号 {result.sequence}；{result.sealed_to}）")
        for warning in result.warnings:
            print(f"注意：{warning}", file=sys.stderr)
    return 0


def cmd_package(args) -> int:
    from inspector_app.bundles.export import export_plan
    from inspector_app.cli.main import CommandError
    if (args.expert or args.rescore) and not args.recheck:
        raise CommandError("--expert 和 --rescore 只用于复查计划包（--recheck）", 2)
    with opened() as store:
        plan = P.find_plan(store, args.plan)
        if args.recheck:
            from inspector_app.cli.rectify_cmd import make_recheck
            plan = make_recheck(store, plan, args.expert, args.rescore)
        result = export_plan(store, _keystore(), plan, Path(args.out))
        print(f"已导出并校验考核计划包：{result.path}（{result.sealed_to}）")
        for warning in result.warnings:
            print(f"注意：{warning}", file=sys.stderr)
    return 0


def register_report(sub: argparse._SubParsersAction) -> None:
    rp = sub.add_parser("report", help="现场反馈报告（PDF），或合议记录（--record）、一位专家的评分表（--sheet）")
    rp.add_argument("--out", required=True, metavar="FILE.pdf|FILE.docx",
                    help="输出文件；以 .docx 结尾时输出 Word 文档（现场反馈报告、合议记录），便于修改文字后打印")
    rp.add_argument("--plan")
    rp.add_argument("--group", help="集团（计划只有一个集团时可省略）")
    what = rp.add_mutually_exclusive_group()
    what.add_argument("--sheet", metavar="EXPERT", help="改为输出这位专家的评分表，供纸面签字（未评分时为空白表）")
    what.add_argument("--record", action="store_true", help="改为输出考核组内部的合议记录（各专家评分、极差、定分理由）")
    rp.set_defaults(func=cmd_report)


def cmd_report(args) -> int:
    from inspector_app.cli.main import CommandError
    from inspector_app.reports.feedback import render_feedback
    from inspector_app.reports.score_sheet import render_score_sheet
    with opened() as store:
        inspection = Inspection.open(store, args.plan)
        all_groups = inspection.groups()
        if args.group:
            group = inspection.group(args.group)
        elif len(all_groups) == 1:
            group = all_groups[0]
        else:
            raise CommandError("本计划有多个集团，请用 --group 指明：" + "、".join(g.name for g in all_groups), 2)
        data = inspection.report_data(group)
    word = str(args.out).lower().endswith(".docx")
    if word and args.sheet:
        raise CommandError("评分表只输出 PDF（签字用，内容不可改动）；请用 .pdf 文件名", 2)
    if word:
        from inspector_app.reports.word_report import write_feedback_docx, write_panel_record_docx
        (write_panel_record_docx if args.record else write_feedback_docx)(data, args.out)
        print(f"已生成{'合议记录' if args.record else '现场反馈报告'}（Word）：{args.out}")
        return 0
    if args.sheet:
        sheets = [s for s in data.experts if args.sheet in s.name]
        if len(sheets) != 1:
            raise CommandError(f"找不到唯一的专家 “{args.sheet}”；本计划的专家：" + "、".join(s.name for s in data.experts))
        pages = render_score_sheet(data, sheets[0], args.out)
        print(f"已生成 {sheets[0].name} 的评分表：{args.out}（{pages} 页）")
    elif args.record:
        from inspector_app.reports.panel_record import render_panel_record
        pages = render_panel_record(data, args.out)
        print(f"已生成合议记录：{args.out}（{pages} 页）")
    else:
        pages = render_feedback(data, args.out)
        print(f"已生成现场反馈报告：{args.out}（{pages} 页）")
    return 0
