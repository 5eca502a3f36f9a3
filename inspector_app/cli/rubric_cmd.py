"""`inspector rubric list | show | check | export | import`."""
from __future__ import annotations

import argparse
from pathlib import Path

from inspector_app.cli.output import print_json
from inspector_app.numbers import fmt_points
from inspector_app.rubric.catalog import load_catalog
from inspector_app.rubric.loader import RubricError, load_rubric
from inspector_app.rubric.model import TARGETS, Rubric
from inspector_app.rubric.yamlnodes import Problem


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("rubric", help="考核指标体系：列出、查看、检查指标文件")
    rs = p.add_subparsers(dest="rubric_command", metavar="ACTION", required=True)
    ls = rs.add_parser("list", help="列出所有可用的指标体系（随程序提供的和数据文件夹 rubrics/ 中的）")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=cmd_list)
    sh = rs.add_parser("show", help="显示一套指标体系（编号或文件路径）")
    sh.add_argument("rubric", metavar="RUBRIC")
    sh.add_argument("--json", action="store_true")
    sh.set_defaults(func=cmd_show)
    ck = rs.add_parser("check", help="检查指标文件，逐条列出问题（文件:行: 字段: 问题）")
    ck.add_argument("files", nargs="+", metavar="FILE")
    ck.set_defaults(func=cmd_check)
    ex = rs.add_parser("export", help="把一套指标体系导出为 Excel 工作簿（按原文表格的各级指标排列），供教育局编辑")
    ex.add_argument("rubric", metavar="RUBRIC", help="指标体系编号（见 rubric list）或指标文件路径")
    ex.add_argument("--out", required=True, metavar="F.xlsx", help="要写出的 Excel 文件")
    ex.set_defaults(func=cmd_export)
    im = rs.add_parser("import", help="读回编辑过的 Excel 工作簿，检查无误后写出指标文件（YAML）")
    im.add_argument("workbook", metavar="F.xlsx", help="由 rubric export 导出、编辑过的工作簿")
    im.add_argument("--out", required=True, metavar="F.yaml",
                    help="要写出的指标文件；放入数据文件夹的 rubrics/ 即可使用")
    im.set_defaults(func=cmd_import)


def cmd_list(args) -> int:
    catalog = load_catalog()
    rows = [{"id": r.id, "version": r.version, "title": r.title, "status": r.status, "file": r.path}
            for r in sorted(catalog.rubrics.values(), key=lambda r: r.id)]
    if args.json:
        print_json({"rubrics": rows, "problems": [str(p) for p in catalog.problems]})
    else:
        for row in rows:
            status = "完整" if row["status"] == "complete" else "模板（待补充）"
            print(f"{row['id']}\t{row['version']}\t{status}\t{row['title']}\t{row['file']}")
        for problem in catalog.problems:
            print(f"（未载入）{problem}")
    return 0


def resolve(key: str) -> Rubric:
    from inspector_app.cli.main import CommandError
    try:
        return load_catalog().get(key)
    except KeyError as exc:
        raise CommandError(exc.args[0]) from exc
    except RubricError as exc:
        raise CommandError(f"指标文件有误:\n{exc}") from exc


def rubric_json(r: Rubric) -> dict:
    return {
        "id": r.id, "version": r.version, "title": r.title,
        "source": {"seed": r.source.seed, "document": r.source.document, "issuer": r.source.issuer},
        "status": r.status, "open_points": list(r.open_points), "content_hash": r.content_hash,
        "total": fmt_points(r.total) if r.total is not None else None,
        "bonus_max": fmt_points(r.bonus_max),
        "grades": [{"label": b.label, "min": _n(b.min), "max": _n(b.max)} for b in r.grades.bands],
        "grades_decided_by": r.grades.decided_by or None,
        "veto": [{"key": v.key, "text": v.text, "effect": v.effect} for v in r.vetoes],
        "composite": None if not r.composite else {
            "note": r.composite.note,
            "parts": [{"key": p.key, "label": p.label, "weight": fmt_points(p.weight), "areas": list(p.areas)}
                      for p in r.composite.parts]},
        "group_types": list(r.group_types),
        "notes": list(r.notes),
        "areas": [{
            "code": a.code, "title": a.title, "max": None if a.max_open else fmt_points(a.max), "bonus": a.bonus,
            "groups": [{"code": g.code, "title": g.title, "indicators": list(g.indicator_codes)} for g in a.subgroups],
            "indicators": [{
                "code": i.code, "text": i.text, "max": None if i.points_open else fmt_points(i.points),
                "rule": i.rule.to_json(),
                "rule_text": i.rule.describe(), "standard": i.standard, "targets": list(i.targets),
                "scope": i.scope.to_json(), "methods": list(i.methods), "evidence": list(i.evidence),
                "history": [h.to_json() for h in i.history],
                "variants": {v.group_type: v.text for v in i.variants},
                "group_types": list(i.group_types), "placeholder": i.placeholder,
                "fields": [f.to_json() for f in i.rule.fields()],
            } for i in a.indicators],
        } for a in r.areas],
    }


def _n(value):
    return None if value is None else fmt_points(value)


def cmd_show(args) -> int:
    r = resolve(args.rubric)
    if args.json:
        print_json(rubric_json(r))
        return 0
    print(f"{r.title}（{r.id} 版本 {r.version}）")
    print(f"发布：{r.source.issuer}　依据：{r.source.document}（{r.source.seed}）")
    if r.status == "template":
        print("状态：模板，以下内容尚待教育局补充：")
        for point in r.open_points:
            print(f"  · {point}")
    total = f"总分 {fmt_points(r.total)} 分" if r.total is not None else "总分未定"
    bonus = f"，另有加分项 {fmt_points(r.bonus_max)} 分" if r.bonus_max else ""
    print(f"{total}{bonus}")
    if r.group_types:
        print(f"集团类型：{'、'.join(r.group_types)}")
    if r.grades.decided_by and not r.grades.labels:
        print(f"等次：原文未规定（由{r.grades.decided_by}确定）")
    elif r.grades.decided_by:
        print(f"等次：{'、'.join(r.grades.labels)}（由{r.grades.decided_by}确定，未规定分数线）")
    else:
        print("等次：" + "；".join(b.describe() for b in r.grades.bands))
    for v in r.vetoes:
        print(f"{'取消最高等次资格' if v.withholds_top else '一票否决'}：{v.text}")
    if r.composite:
        print("综合得分：" + " + ".join(f"{p.label} × {fmt_points(p.weight * 100)}%" for p in r.composite.parts))
        if r.composite.note:
            print(f"　（{r.composite.note}）")
    for a in r.areas:
        print()
        area_max = "分值待定" if a.max_open else f"{fmt_points(a.max)} 分"
        print(f"{a.code} {a.title}（{area_max}{'，加分项' if a.bonus else ''}）")
        group_of = {c: g for g in a.subgroups for c in g.indicator_codes}
        shown = set()
        for i in a.indicators:
            g = group_of.get(i.code)
            if g and g.code not in shown:
                shown.add(g.code)
                print(f"  {g.code} {g.title}")
            indent = "    " if g else "  "
            points = "分值待定" if i.points_open else f"{fmt_points(i.points)} 分"
            mark = "［待补充］" if i.placeholder else ""
            print(f"{indent}{i.code}（{points}）{mark}{i.text}")
            for v in i.variants:
                print(f"{indent}  [{v.group_type}] {v.text}")
            if i.standard:
                print(f"{indent}  评分标准：{i.standard}")
            print(f"{indent}  计分方法：{i.rule.describe()}")
            names = [f"{f.key}（{f.label}）" for f in i.rule.fields()]
            if names:
                print(f"{indent}  输入项（entry set 的 KEY）：{'，'.join(names)}")
            if i.group_types:
                print(f"{indent}  适用类型：{'、'.join(i.group_types)}")
            who = "、".join(TARGETS[t] for t in i.targets)
            print(f"{indent}  考核对象：{who}；{i.scope.describe()}；评价方式：{'、'.join(i.methods) or '—'}")
            if i.evidence:
                print(f"{indent}  佐证材料：{'；'.join(i.evidence)}")
            for h in i.history:
                year = "上一学年" if h.year == "last_year" else f"{h.year}年"
                print(f"{indent}  需要{year}数据：{h.label}")
    for note in r.notes:
        print(f"\n说明：{note}")
    return 0


def cmd_check(args) -> int:
    problems: list[Problem] = []
    for name in args.files:
        try:
            load_rubric(name)
        except RubricError as exc:
            problems.extend(exc.problems)
    for problem in problems:
        print(problem)
    if not problems:
        print(f"{len(args.files)} 个文件全部有效")
    return 1 if problems else 0


def cmd_export(args) -> int:
    from inspector_app.cli.main import CommandError
    from inspector_app.fsutil import StorageError, temp_beside
    from inspector_app.rubric.workbook_export import export_workbook
    from inspector_app.rubric.workbook_layout import plain
    from inspector_app.rubric.yamlnodes import YamlFileError, read_yaml_file
    r = resolve(args.rubric)
    try:
        tree = plain(read_yaml_file(Path(r.path)))
    except YamlFileError as exc:
        raise CommandError(f"指标文件有误:\n{exc}") from exc
    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        raise CommandError(f"{out}: 请以 .xlsx 结尾（Excel 工作簿）", code=2)
    try:
        with temp_beside(out) as tmp:
            export_workbook(tree, str(tmp))
    except StorageError as exc:
        raise CommandError(str(exc)) from None
    print(f"已导出 {r.title}（{r.id} 版本 {r.version}）到 {out}")
    return 0


def cmd_import(args) -> int:
    from inspector_app.cli.main import CommandError
    from inspector_app.fsutil import StorageError, write_atomic
    from inspector_app.rubric.workbook_import import WorkbookError, import_workbook
    try:
        text = import_workbook(args.workbook)
    except WorkbookError as exc:
        raise CommandError(f"工作簿有误，未写出指标文件（{len(exc.problems)} 处）：\n{exc}") from exc
    out = Path(args.out)
    try:
        write_atomic(out, text.encode("utf-8"))
    except StorageError as exc:
        raise CommandError(str(exc)) from None
    rubric = load_rubric(out)
    state = "完整，可以用于考核" if rubric.status == "complete" else "仍是模板，补全后把状态改为 complete"
    print(f"已写出 {out}：{rubric.title}（{rubric.id} 版本 {rubric.version}），{len(rubric.indicators)} 项指标，{state}")
    return 0
