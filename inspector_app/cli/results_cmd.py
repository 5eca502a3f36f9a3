"""`inspector roster template | check`: the bureau's roster and self-evaluation workbook."""
from __future__ import annotations

import argparse

from inspector_app.cli.output import print_json, print_table, write_csv
from inspector_app.fsutil import StorageError


def register(sub: argparse._SubParsersAction) -> None:
    register_results(sub)
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
    from inspector_app.results.roster_template import write_roster_template
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
            from inspector_app.cli.main import say
            say(f"{args.file}：发现 {len(exc.problems)} 个问题，未导入任何内容：")
            for problem in exc.problems:
                say(f"  {problem}")
        return 1
    if args.json:
        print_json({"ok": True, "groups": len(roster.groups),
                    "schools": sum(len(v) for v in roster.schools.values()),
                    "self_scores": sum(len(v) for v in roster.self_scores.values()),
                    "history": sum(len(v) for v in roster.history.years.values())})
    else:
        print(f"{args.file}：检查通过。{roster.summary()}。")
    return 0


def register_results(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("results", help="教育局：汇总已合并的专家组结果，排名、等次、标记，导出 Excel 工作簿和公示 PDF")
    p.add_argument("--plan")
    p.add_argument("--out", metavar="FILE.xlsx", help="结果工作簿（省略时只在屏幕上列出排名）")
    p.add_argument("--csv", metavar="FILE.csv", help="同时写出 CSV（UTF-8，Excel 可直接打开），供教科院等分析")
    p.add_argument("--json", action="store_true", help="打印每个集团的状态（已定稿 / 未完成）、总分、等次和奖惩")
    p.add_argument("--pdf", metavar="FILE.pdf|FILE.docx", help="同时导出考核结果公示（PDF；以 .docx 结尾时为 Word 文档）")
    p.add_argument("--grade", action="append", default=[], metavar="GROUP=GRADE",
                   help="由领导小组决定的等次（002、003），可重复")
    p.set_defaults(func=cmd_results)


def cmd_results(args) -> int:
    from inspector_app.cli.main import CommandError
    from inspector_app.cli.store_cmd import opened
    from inspector_app.results.from_store import NothingFinalised, publishable
    from inspector_app.results.summary_pdf import write_summary_pdf
    from inspector_app.results.workbook import write_results_workbook
    from inspector_app.inspection import Inspection
    grades = {}
    for item in args.grade:
        if "=" not in item:
            raise CommandError(f"--grade 应写成 集团编号=等次，而不是 “{item}”", 2)
        key, value = item.split("=", 1)
        grades[key.strip()] = value.strip()
    with opened() as store:
        results = Inspection.open(store, args.plan).results(grades)
    if args.json:
        print_json(results_json(results))
    try:
        publishable(results)
    except NothingFinalised as exc:
        raise CommandError(str(exc)) from exc
    if args.out:
        write_results_workbook(results, args.out)
        if not args.json:
            print(f"已导出工作簿：{args.out}")
    if args.pdf and str(args.pdf).lower().endswith(".docx"):
        from inspector_app.results.summary_pdf import write_notice_docx
        write_notice_docx(results, args.pdf)
        if not args.json:
            print(f"已导出考核结果公示（Word）：{args.pdf}")
    elif args.pdf:
        write_summary_pdf(results, args.pdf)
        if not args.json:
            print(f"已导出公示 PDF：{args.pdf}")
    header, rows = results_table(results)
    if args.csv:
        try:
            write_csv(args.csv, header, rows)
        except StorageError as exc:
            raise CommandError(str(exc)) from None
        if not args.json:
            print(f"已导出 CSV：{args.csv}")
    if args.json:
        return 0
    if args.out or args.pdf or args.csv:
        print()
    print_table(header, rows)
    return 0


def results_table(results) -> tuple[list[str], list[list[str]]]:
    """The ranking as rows: 排名 first; unfinished groups after the ranked ones, unranked and ungraded."""
    from inspector_app.numbers import fmt_points
    from inspector_app.results.model import UNFINISHED
    header = ["排名", "集团", "总分", "等次", "状态", "奖惩与标记"]
    rows = [[str(r.rank), r.unit.name, fmt_points(r.unit.total), r.unit.grade or "—", "已定稿",
             "、".join([f.label for f in r.flags]
                      + ([f"改定得分：{'、'.join(i.code for i in r.unit.overrides)}"] if r.unit.overrides else []))]
            for r in results.units]
    rows += [["—", u.name, "—", "—", f"{UNFINISHED}（{u.reason}，{u.progress}）", "不排名、不评等次"]
             for u in results.unfinished]
    return header, rows


def results_json(results) -> dict:
    """Every group with its status: finalised ones ranked with grade and consequences, the others 未完成."""
    from inspector_app.numbers import fmt_points
    from inspector_app.results.model import UNFINISHED
    groups = [{"group": r.unit.group_id, "name": r.unit.name, "status": "finalised", "rank": r.rank,
               "total": fmt_points(r.unit.total), "grade": r.unit.grade,
               "areas": {a.code: fmt_points(a.points) for a in r.unit.areas},
               "consequences": [{"key": f.key, "label": f.label, "detail": f.detail} for f in r.flags],
               "award": r.award,
               "composite": [{"label": lbl, "weight": fmt_points(w), "percent": fmt_points(p)}
                             for lbl, w, p in r.unit.composite],
               "overridden": bool(r.unit.overrides),
               "overrides": [{"code": i.code, "points": fmt_points(i.points) if i.points is not None else None,
                              "computed": fmt_points(i.computed) if i.computed is not None else None,
                              "reason": i.override_reason} for i in r.unit.overrides]}
              for r in results.units]
    groups += [{"group": u.group_id, "name": u.name, "status": "unfinished", "label": UNFINISHED, "rank": None,
                "total": None, "grade": None, "areas": {}, "consequences": [], "award": False,
                "done": u.done, "count": u.count, "reason": u.reason} for u in results.unfinished]
    for g in groups:  # the 整改 column: items found, closed on time, overdue, rejected at 复查
        counts = results.rectification.get(g["group"])
        g["rectification"] = counts.to_json() if counts else {"items": 0, "closed_on_time": 0, "overdue": 0,
                                                              "rejected": 0}
    # "ranked": at least one group is finalised and ranked (what `plan publication` then publishes)
    return {"year": results.year, "rubric": results.rubric_id, "ranked": bool(results.units), "groups": groups}
