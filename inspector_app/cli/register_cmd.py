"""`inspector register`: a group's register of awards and projects (004 C15–C19, C21–C23)."""
from __future__ import annotations

import argparse

from inspector_app.cli.output import print_json


def register(sub: argparse._SubParsersAction) -> None:
    r = sub.add_parser("register", help="获奖/项目登记表：逐项登记（名称、级别、年份、学校、佐证），据此计分")
    rs = r.add_subparsers(dest="register_command", metavar="ACTION", required=True)
    add = rs.add_parser("add", help="登记一项获奖或项目")
    add.add_argument("--plan")
    add.add_argument("--group", required=True, help="集团编号或名称")
    add.add_argument("--indicator", required=True, help="指标编号，如 C15、C16")
    add.add_argument("--name", required=True, help="获奖或项目名称（同名视为同一项目）")
    add.add_argument("--level", required=True, help="级别：国家级、省级、市级 …")
    add.add_argument("--year", default="", help="年份，如 2023（与基数年份相同的计入基数）")
    add.add_argument("--school", default="", help="学校编号或名称")
    add.add_argument("--evidence", default="", help="佐证（文件名、文号）")
    add.set_defaults(func=cmd_add)
    ls = rs.add_parser("list", help="列出登记表")
    ls.add_argument("--plan")
    ls.add_argument("--group", required=True)
    ls.add_argument("--indicator")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=cmd_list)
    im = rs.add_parser("import", help="从表格（CSV 或 .xlsx）导入登记表，如基数年份的登记表；表头：指标、名称、级别、年份、学校、佐证")
    im.add_argument("file", metavar="FILE", help="CSV（UTF-8）或 Excel 工作簿（第一个工作表），第一行为表头")
    im.add_argument("--plan")
    im.add_argument("--group", required=True, help="集团编号或名称")
    im.add_argument("--indicator", default="", help="表中没有“指标”列时，各行所属的指标，如 C16")
    im.add_argument("--year", default="", help="表中没写年份的行记为此年份，如 2021（基数年份的登记表）")
    im.set_defaults(func=cmd_import)
    rm = rs.add_parser("remove", help="删除一项登记")
    rm.add_argument("--plan")
    rm.add_argument("--group", required=True)
    rm.add_argument("id", type=int, help="登记的编号（见 register list）")
    rm.add_argument("--reason", default="")
    rm.set_defaults(func=cmd_remove)


def _place(store, args):
    from inspector_app.store import plans as P
    plan = P.find_plan(store, args.plan)
    return plan, P.plan_rubric(store, plan), P.get_group(store, plan.id, args.group)


def _who(store, plan) -> str:
    return store.setting(f"me:{plan.id}") or ""


def cmd_add(args) -> int:
    from inspector_app.cli.store_cmd import opened
    from inspector_app.store import registers as RG
    with opened() as store:
        plan, rubric, group = _place(store, args)
        school = ""
        if args.school:
            hits = [s for s in group.schools if args.school in (s.id, s.name)]
            if len(hits) != 1:
                raise RG.RegisterError(f"集团 {group.name} 中找不到唯一的学校 “{args.school}”")
            school = hits[0].id
        item = RG.add_item(store, plan, rubric, group, args.indicator, name=args.name, level=args.level,
                           year=args.year, school_id=school, evidence=args.evidence, by=_who(store, plan))
    print(f"已登记第 {item.id} 项：{item.indicator} {item.name}（{item.level}{'，' + item.year if item.year else ''}）")
    return 0


def cmd_import(args) -> int:
    from inspector_app.cli.store_cmd import opened
    from inspector_app.store.register_file import import_register
    with opened() as store:
        plan, rubric, group = _place(store, args)
        added = import_register(store, plan, rubric, group, args.file, indicator=args.indicator,
                                default_year=args.year, by=_who(store, plan))
    by_code: dict[str, int] = {}
    for item in added:
        by_code[item.indicator] = by_code.get(item.indicator, 0) + 1
    print(f"已导入 {len(added)} 项：" + ("，".join(f"{c} {n} 项" for c, n in sorted(by_code.items())) or "表中没有登记"))
    print("按登记表计分：inspector entry set --group … --indicator … --from-register")
    return 0


def cmd_list(args) -> int:
    from inspector_app.cli.store_cmd import opened
    from inspector_app.store import registers as RG
    with opened() as store:
        plan, _rubric, group = _place(store, args)
        rows = RG.items(store, plan.id, group.id, args.indicator)
    if args.json:
        print_json([r.__dict__ for r in rows])
        return 0
    for r in rows:
        print(f"{r.id}\t{r.indicator}\t{r.name}\t{r.level}\t{r.year or '—'}\t{r.school_id or '—'}\t{r.evidence}")
    return 0


def cmd_remove(args) -> int:
    from inspector_app.cli.store_cmd import opened
    from inspector_app.store import registers as RG
    with opened() as store:
        plan, _rubric, group = _place(store, args)
        item = RG.remove_item(store, plan, group, args.id, by=_who(store, plan), reason=args.reason)
    print(f"已删除第 {item.id} 项：{item.name}")
    return 0
