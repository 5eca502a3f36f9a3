"""Evidence on the command line: `evidence add/list/remove/restore` for documents, spreadsheets and recordings,
and `photo include/exclude/caption/markup` for what the window's photo buttons do (选入报告, 说明, 标注).
Each goes through the same store functions the window uses, under this laptop's chosen identity."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from inspector_app.cli.output import print_json


def register(sub: argparse._SubParsersAction) -> None:
    from inspector_app.cli.store_cmd import _place_args
    ev = sub.add_parser("evidence", help="佐证文件（PDF、Word、表格、手机录音）：添加、列出、移除、恢复")
    evs = ev.add_subparsers(dest="evidence_command", metavar="ACTION", required=True)
    add = evs.add_parser("add", help="为一项指标添加佐证文件（pdf、doc/docx、xls/xlsx/csv、m4a/mp3/amr/wav）")
    _place_args(add)
    add.add_argument("files", nargs="+", metavar="FILE", help="佐证文件（可给多个）")
    add.set_defaults(func=cmd_evidence_add)
    ls = evs.add_parser("list", help="列出佐证文件（编号、指标、学校、名称、类型、大小）")
    ls.add_argument("--plan", help="考核计划编号或名称（默认最新的）")
    ls.add_argument("--group", help="集团编号或名称（默认全部）")
    ls.add_argument("--removed", action="store_true", help="也列出已移除的文件")
    ls.add_argument("--json", action="store_true", help="以 JSON 输出")
    ls.set_defaults(func=cmd_evidence_list)
    for name, helptext, restore in (("remove", "移除一份佐证文件（可用 evidence restore 撤销）", False),
                                    ("restore", "撤销移除，恢复一份佐证文件", True)):
        p = evs.add_parser(name, help=helptext)
        p.add_argument("file_id", type=int, metavar="ID", help="佐证文件编号（见 evidence list）")
        p.set_defaults(func=lambda args, r=restore: _evidence_change(args, r))


def register_photo_extras(phs: argparse._SubParsersAction) -> None:
    for name, helptext, chosen in (("include", "把照片选入反馈报告（新添加的照片默认选入）", True),
                                   ("exclude", "不把照片印入反馈报告（照片仍作为佐证保留）", False)):
        p = phs.add_parser(name, help=helptext)
        p.add_argument("photo", type=int, metavar="ID", help="照片编号（见 photo list）")
        p.set_defaults(func=lambda args, c=chosen: _photo_set(args, chosen=c))
    cap = phs.add_parser("caption", help="修改照片说明（选入报告的照片，说明印在照片下方）")
    cap.add_argument("photo", type=int, metavar="ID", help="照片编号（见 photo list）")
    cap.add_argument("text", help="照片说明（给空字符串表示清空）")
    cap.set_defaults(func=lambda args: _photo_set(args, caption=args.text))
    mk = phs.add_parser("markup", help="照片标注（圈、箭头、文字）：原图不变，标注单独保存并画在报告中的照片上")
    mk.add_argument("photo", type=int, metavar="ID", help="照片编号（见 photo list）")
    how = mk.add_mutually_exclusive_group(required=True)
    how.add_argument("--file", metavar="JSON", help="标注文件（图形列表，坐标为占图片宽高的比例 0–1）")
    how.add_argument("--clear", action="store_true", help="清除全部标注")
    how.add_argument("--show", action="store_true", help="显示当前标注（JSON）")
    mk.set_defaults(func=cmd_photo_markup)


def _identity(store, plan_id: str):
    from inspector_app.cli.panel_work_cmd import _identity as identity
    from inspector_app.store import plans as P
    return identity(store, P.get_plan(store, plan_id))


def _own(store, owner_id: str, plan_id: str, what: str):
    """This laptop's user, who must be the one who added the evidence."""
    from inspector_app.cli.main import CommandError
    from inspector_app.store import experts as EX
    me = _identity(store, plan_id)
    if owner_id != me.expert_id:
        owner = EX.get_expert(store, plan_id, owner_id).name
        raise CommandError(f"{what}是 {owner} 添加的，只有添加者本人可以修改")
    return me


def cmd_evidence_add(args) -> int:
    from inspector_app.cli.main import say
    from inspector_app.cli.store_cmd import opened, place_from_args
    from inspector_app.store import entries as E
    from inspector_app.store import evidence_files as EF
    from inspector_app.store import evidence_records as ER
    with opened() as store:
        plan, rubric, group, school, expert = place_from_args(store, args)
        E.check_place(rubric, group, school, args.indicator)
        result = ER.add_files(store, plan, group, expert.id, school, args.indicator, [Path(f) for f in args.files])
        for rec in result.added:
            print(f"已添加 {rec.id}\t{rec.name}（{rec.type_label}，{EF.size_text(rec.size)}）")
        for error in result.refused:
            say(f"未添加：{error}")
    return 1 if result.refused else 0


def cmd_evidence_list(args) -> int:
    from inspector_app.cli.store_cmd import opened
    from inspector_app.store import evidence_files as EF
    from inspector_app.store import evidence_records as ER
    from inspector_app.store import plans as P
    with opened() as store:
        plan = P.find_plan(store, args.plan)
        group = P.get_group(store, plan.id, args.group) if args.group else None
        found = ER.list_files(store, plan.id, group.id if group else None, include_removed=args.removed)
        if args.json:
            print_json([{**f.__dict__, "type": f.type_label} for f in found])
        else:
            for f in found:
                print(f"{f.id}\t{f.indicator}\t{f.school_id or '集团'}\t{f.name}\t{f.type_label}\t{EF.size_text(f.size)}"
                      + ("\t已移除" if f.removed else ""))
    return 0


def _evidence_change(args, restore: bool) -> int:
    from inspector_app.cli.store_cmd import opened
    from inspector_app.store import evidence_records as ER
    with opened() as store:
        rec = ER.get_file(store, args.file_id)
        me = _own(store, rec.expert_id, rec.plan_id, f"佐证文件 {rec.id}")
        if rec.removed != restore:
            print(f"佐证文件 {rec.id} 已经{'在用' if restore else '移除'}，没有改动")
            return 0
        (ER.restore_file if restore else ER.remove_file)(store, rec.id, me.expert_id)
        print(f"已{'恢复' if restore else '移除'}佐证文件 {rec.id}（{rec.name}）")
    return 0


def _photo_set(args, *, chosen: bool | None = None, caption: str | None = None) -> int:
    from inspector_app.cli.store_cmd import opened
    from inspector_app.store import photo_records as PR
    with opened() as store:
        photo = PR.get_photo(store, args.photo)
        me = _own(store, photo.expert_id, photo.plan_id, f"照片 {photo.id}")
        if chosen is not None:
            if photo.chosen == chosen:
                print(f"照片 {photo.id} 已经{'选入' if chosen else '不在'}报告，没有改动")
                return 0
            PR.set_chosen(store, photo.id, chosen, me.expert_id)
            print(f"照片 {photo.id}（{photo.label}）{'已选入报告' if chosen else '不再选入报告'}")
        else:
            PR.set_caption(store, photo.id, caption or "", me.expert_id)
            print(f"已修改照片 {photo.id}（{photo.label}）的说明")
    return 0


def cmd_photo_markup(args) -> int:
    from inspector_app.cli.main import CommandError
    from inspector_app.cli.store_cmd import opened
    from inspector_app.store import photo_records as PR
    from inspector_app.store.photo_storage import EvidenceError, read_regular
    with opened() as store:
        photo = PR.get_photo(store, args.photo)
        if args.show:
            print(json.dumps(json.loads(photo.markup or "[]"), ensure_ascii=False, indent=1))
            return 0
        me = _own(store, photo.expert_id, photo.plan_id, f"照片 {photo.id}")
        text = ""
        if args.file:
            try:
                data = read_regular(Path(args.file), Path(args.file).name, max_bytes=1 << 20, noun="标注文件")
                text = data.decode("utf-8-sig")
            except EvidenceError as exc:
                raise CommandError(str(exc)) from exc
            except UnicodeDecodeError:
                raise CommandError(f"标注文件“{Path(args.file).name}”不是 UTF-8 文字") from None
        PR.set_markup(store, photo.id, text, me.expert_id)
        print(f"照片 {photo.id}（{photo.label}）的标注已{'清除' if not text else '保存'}；原图未改动"
              f"（SHA-256 {photo.sha256[:16]}…）")
    return 0
