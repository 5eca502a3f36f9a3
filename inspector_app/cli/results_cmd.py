"""`inspector roster template | check`: the bureau's roster and self-evaluation workbook."""
from __future__ import annotations

import argparse

from inspector_app.cli.output import print_json
from inspector_app.fsutil import StorageError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("roster", help="集团名单、自评得分与上年结果的 Excel 表：生成模板、检查")
    rs = p.add_subparsers(dest="roster_command", metavar="ACTION", required=True)
    tp = rs.add_parser("template", help="生成待填写的名单模板（.xlsx）")
    tp.add_argument("--rubric", required=True, metavar="R", help="指标体系编号或文件")
    tp.add_argument("--out", required=True, metavar="FILE.xlsx")
    tp.set_defaults(func=cmd_template)
    ck = rs.add_parser("check", help="检查填好的名单，逐条列出问题（工作表!单元格: 问题）")
    ck.add_argument("file", metavar="FILE.xlsx")
    ck.add_argument("--rubric", required=True, metavar="R", help="指标体系编号或文件")
    ck.add_argument("--json", action="store_true")
    ck.set_defaults(func=cmd_check)


def cmd_template(args) -> int:
    from inspector_app.cli.main import CommandError
    from inspector_app.cli.rubric_cmd import resolve
    from inspector_app.results.roster import write_roster_template
    rubric = resolve(args.rubric)
    if not str(args.out).lower().endswith(".xlsx"):
        raise CommandError("输出文件名应以 .xlsx 结尾", 2)
    try:
        write_roster_template(args.out, rubric)
    except StorageError as exc:
        raise CommandError(exc.strerror or str(exc)) from exc
    print(f"已生成名单模板：{args.out}（{rubric.title}）")
    return 0


def cmd_check(args) -> int:
    from inspector_app.cli.rubric_cmd import resolve
    from inspector_app.results.roster import RosterError, read_roster
    rubric = resolve(args.rubric)
    try:
        roster = read_roster(args.file, rubric)
    except RosterError as exc:
        if args.json:
            print_json({"ok": False, "problems": [str(p) for p in exc.problems]})
        else:
            print(f"{args.file}：发现 {len(exc.problems)} 个问题，未导入任何内容：")
            for problem in exc.problems:
                print(f"  {problem}")
        return 1
    if args.json:
        print_json({"ok": True, "groups": len(roster.groups),
                    "schools": sum(len(v) for v in roster.schools.values()),
                    "self_scores": sum(len(v) for v in roster.self_scores.values()),
                    "history": sum(len(v) for v in roster.history.years.values())})
    else:
        print(f"{args.file}：检查通过。{roster.summary()}。")
    return 0
