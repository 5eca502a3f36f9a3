"""Commands over the inspection store: demo, plan, entry, photo, progress, me (history, backup: own modules)."""
from __future__ import annotations

import argparse
import contextlib
from pathlib import Path

from inspector_app.bundles.canonical import BundleError
from inspector_app.cli.output import print_json
from inspector_app.inspection import Inspection
from inspector_app.numbers import fmt_points
from inspector_app.store import backup as B
from inspector_app.store import entries as E
from inspector_app.store import identity as I
from inspector_app.store import experts as EX
from inspector_app.store import plans as P
from inspector_app.store.db import Store, StoreError, open_store


def register(sub: argparse._SubParsersAction) -> None:
    d = sub.add_parser("demo", help="建立演示考核（沙坡头区 5 个试点集团、21 个校区，按随州标准），已存在则不重复建立")
    d.set_defaults(func=cmd_demo)

    p = sub.add_parser("plan", help="考核计划：新建（YAML 或 Excel 名单）、列出、导入上年结果")
    ps = p.add_subparsers(dest="plan_command", metavar="ACTION", required=True)
    pc = ps.add_parser("create", help="从指标体系和名单文件（YAML，格式见 docs/roster-format.md）新建考核计划")
    pc.add_argument("--rubric", required=True, help="指标体系编号或文件")
    pc.add_argument("--roster", required=True, help="名单文件：YAML，或 Excel 名单（inspector roster template 生成的模板）")
    pc.add_argument("--title", help="考核计划名称（Excel 名单时必填）")
    pc.add_argument("--school-year", help="学年，如 2024—2025（Excel 名单时必填）")
    pc.add_argument("--stage", default="复评", help=" / ".join(P.STAGES))
    pc.add_argument("--plain", action="store_true",
                    help="数据包不加密（默认加密：专家数据包只有组长和教育局能打开，专家组数据包只有教育局能打开）")
    pc.add_argument("--expert", action="append", default=[], metavar="NAME[:lead][:KEY.pub]",
                    help="专家（Excel 名单时使用，可重复；第一位组长写 :lead）")
    pc.add_argument("--previous", metavar="PLAN", help="上一年的考核计划（编号或名称）：其未关闭的整改事项转入新计划")
    _publication_args(pc)
    pc.set_defaults(func=cmd_plan_create)
    pp = ps.add_parser("publication", help="教育局：设置公示和整改要求所用的发布单位、公示期、异议受理方式、整改报告截止日期")
    pp.add_argument("--plan")
    _publication_args(pp)
    pp.set_defaults(func=cmd_plan_publication)
    pb = ps.add_parser("baseline", help="导入上年结果作为本年基数：上年的结果工作簿（.xlsx）或上年的数据文件夹")
    pb.add_argument("source", metavar="FILE_OR_FOLDER")
    pb.add_argument("--plan")
    pb.set_defaults(func=cmd_plan_baseline)
    pl = ps.add_parser("list", help="列出考核计划")
    pl.add_argument("--json", action="store_true")
    pl.set_defaults(func=cmd_plan_list)
    from inspector_app.cli import plan_cmd
    plan_cmd.register(ps)

    e = sub.add_parser("entry", help="录入或查看一项评分")
    es = e.add_subparsers(dest="entry_command", metavar="ACTION", required=True)
    eset = es.add_parser("set", help="录入一项评分（输入项 KEY=VALUE，见 rubric show --json 的 fields）")
    _place_args(eset)
    eset.add_argument("values", nargs="*", metavar="KEY=VALUE")
    eset.add_argument("--note", help="备注")
    eset.add_argument("--evidence", action="append", help="已查看的佐证材料（可重复）")
    eset.add_argument("--method", action="append", help="已采用的评价方式（可重复）")
    eset.add_argument("--from-register", action="store_true",
                      help="按本集团的获奖/项目登记表计分（inspector register add 登记的各项）")
    eset.add_argument("--json", action="store_true")
    eset.set_defaults(func=cmd_entry_set)
    eshow = es.add_parser("show", help="查看一项评分")
    _place_args(eshow)
    eshow.add_argument("--json", action="store_true")
    eshow.set_defaults(func=cmd_entry_show)
    from inspector_app.cli import panel_work_cmd
    panel_work_cmd.register_entry_clear(es, _place_args)

    ph = sub.add_parser("photo", help="照片佐证：添加、列出、选入报告、说明、标注、移除")
    phs = ph.add_subparsers(dest="photo_command", metavar="ACTION", required=True)
    pa = phs.add_parser("add", help="为一项指标添加照片（JPEG、PNG、HEIC；可给文件夹）")
    _place_args(pa)
    pa.add_argument("files", nargs="+", metavar="FILE_OR_FOLDER")
    pa.add_argument("--caption", default="", help="照片说明")
    pa.set_defaults(func=cmd_photo_add)
    pls = phs.add_parser("list", help="列出照片")
    pls.add_argument("--plan")
    pls.add_argument("--group")
    pls.add_argument("--json", action="store_true")
    pls.set_defaults(func=cmd_photo_list)
    panel_work_cmd.register_photo_remove(phs)
    from inspector_app.cli import evidence_cmd
    evidence_cmd.register_photo_extras(phs)

    pr = sub.add_parser("progress", help="进度：每所学校已评/应评指标数和目前得分")
    pr.add_argument("--plan")
    pr.add_argument("--group", help="集团编号或名称（默认全部）")
    pr.add_argument("--expert", help="专家（默认本机用户）")
    pr.add_argument("--json", action="store_true")
    pr.set_defaults(func=cmd_progress)

    from inspector_app.cli import history_view
    history_view.register(sub)

    from inspector_app.cli import backup_cmd
    backup_cmd.register(sub)

    me = sub.add_parser("me", help="查看或设置本机用户在考核计划中的专家身份")
    me.add_argument("--plan")
    me.add_argument("--set", metavar="EXPERT", help="专家编号或姓名")
    me.add_argument("--json", action="store_true")
    me.set_defaults(func=cmd_me)


def _place_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--plan", help="考核计划编号或名称（默认最新的）")
    p.add_argument("--group", required=True, help="集团编号或名称")
    p.add_argument("--school", default="", help="学校编号或名称（逐校评分的指标必填）")
    p.add_argument("--indicator", required=True, help="指标编号，如 C5")
    p.add_argument("--expert", help="专家（默认本机用户）")


@contextlib.contextmanager
def opened():
    from inspector_app.cli.main import CommandError
    try:
        store = open_store()
    except StoreError as exc:
        raise CommandError(str(exc)) from exc
    try:
        if store.report.unclean and store.report.recovered:
            import sys
            print(store.report.recovered, file=sys.stderr)
        yield store
    except (StoreError, E.EntryError, ValueError, BundleError) as exc:
        raise CommandError(str(exc)) from exc
    finally:
        try:
            B.cli_backup(store)
        except (StoreError, OSError) as exc:  # what was saved is saved; the missing backup is said, not hidden
            import sys
            print(f"inspector: 注意：{exc}", file=sys.stderr)
        store.close()


def me_expert(store: Store, plan: P.Plan, key: str | None) -> EX.Expert:
    """The expert named by --expert, else this laptop's chosen identity (never a guess)."""
    return Inspection(store, plan).me(key)


def own_key() -> I.OwnKey:
    from inspector_app import paths
    from inspector_app.bundles.keys import KeyStore
    own = KeyStore(paths.data_dir()).own_key()
    return I.OwnKey(own.key_id, own.public_key, own.fingerprint)


def cmd_demo(args) -> int:
    from inspector_app.store.demo import make_demo
    with opened() as store:
        plan = make_demo(store)
        print(f"演示考核已就绪：{plan.title}（编号 {plan.id}）")
        for g in P.groups(store, plan.id):
            print(f"  {g.name}（{g.group_type}，{len(g.schools)} 所学校）")
    return 0


def _publication_args(p) -> None:
    p.add_argument("--issuing-body", metavar="TEXT", help="发布单位（公示落款、整改报告报送单位），如 沙坡头区教育局")
    p.add_argument("--publicity", metavar="START..END", help="公示期，如 2024-10-08..2024-10-14")
    p.add_argument("--objection", metavar="TEXT", help="异议受理方式：电话、邮箱、地址")
    p.add_argument("--rectification-due", metavar="DATE", help="整改报告报送截止日期，如 2024-12-31")


def _publication(args, base: P.Publication | None) -> P.Publication | None:
    """The publication fields from the command line over those of the roster (or the plan)."""
    from inspector_app.cli.main import CommandError
    values = {k: getattr(base, k) for k in P.Publication.FIELDS} if base else {k: "" for k in P.Publication.FIELDS}
    given = False
    if args.issuing_body is not None:
        values["issuing_body"], given = args.issuing_body, True
    if args.publicity is not None:
        if ".." not in args.publicity:
            raise CommandError(f"--publicity 应写成 开始..截止，如 2024-10-08..2024-10-14，而不是 “{args.publicity}”", 2)
        values["publicity_start"], values["publicity_end"] = (x.strip() for x in args.publicity.split("..", 1))
        given = True
    if args.objection is not None:
        values["objection_channel"], given = args.objection, True
    if args.rectification_due is not None:
        values["rectification_due"], given = args.rectification_due, True
    if not given and base is None:
        return None
    return P.Publication(**values)


def cmd_plan_publication(args) -> int:
    from inspector_app.cli.main import CommandError
    with opened() as store:
        plan = P.find_plan(store, args.plan)
        pub = _publication(args, plan.publication)
        try:
            plan = P.set_publication(store, plan, pub)
        except StoreError as exc:
            raise CommandError(str(exc), 2) from exc
        p = plan.publication
        print(f"{plan.title}：发布单位 {p.issuing_body or '—'}；公示期 {p.publicity_start or '—'} 至 "
              f"{p.publicity_end or '—'}；异议受理 {p.objection_channel or '—'}；整改报告截止 {p.rectification_due or '—'}")
    return 0


def cmd_plan_create(args) -> int:
    from inspector_app.cli.roster_files import read_roster_file
    from inspector_app.cli.rubric_cmd import resolve
    rubric = resolve(args.rubric)
    from inspector_app.rubric.readiness import NOT_CREATED, scoring_refusal
    refusal = scoring_refusal(rubric)
    if refusal:  # the same words as the window's 新建考核
        from inspector_app.cli.main import CommandError
        raise CommandError(NOT_CREATED(refusal), 2)
    roster = Path(args.roster)
    spec = read_roster_file(roster, rubric, args)
    spec.publication = _publication(args, spec.publication)
    spec.encrypted = not args.plain
    problems = P.validate_spec(spec, rubric)
    if problems:  # located before anything is stored: the file, then group and field
        from inspector_app.cli.main import CommandError
        raise CommandError("名单有误（未建立考核计划）：\n" + "\n".join(f"{roster}: {p}" for p in problems))
    with opened() as store:
        from inspector_app import paths
        from inspector_app.bundles.keys import KeyStore
        keystore = KeyStore(paths.data_dir())
        own = keystore.own_key()
        previous = P.find_plan(store, args.previous) if args.previous else None  # before anything is made
        # This laptop's key issues the plan: only it signs the plan's packages; its user is the bureau.
        plan = P.create_plan(store, rubric, spec, issuer_key_id=own.key_id)
        I.choose(store, plan, I.BUREAU, I.OwnKey(own.key_id, own.public_key, own.fingerprint))
        keystore.trust_many([(e.public_key, e.name, EX.TRUST_ROLES.get(e.role, "专家"), e.encryption)
                             for e in spec.experts if e.public_key and e.key_id != own.key_id])
        print(f"已建立考核计划：{plan.title}（编号 {plan.id}）；数据包"
              + ("加密，只有接收人能打开" if plan.encrypted else "不加密（--plain）"))
        old = [e.name for e in spec.experts if e.public_key and e.encryption is None and e.key_id != own.key_id]
        if old and plan.encrypted:
            from inspector_app.cli.main import say
            say(f"注意：{'、'.join(old)} 的公钥文件来自加密功能之前的版本，没有加密公钥；导出计划包前，请他们用新版本"
                "运行 inspector keys export 重新导出公钥，再用 inspector plan amend --replace-key 登记")
        if previous is not None:
            from inspector_app.cli.rectify_cmd import carry_over
            carry_over(store, plan, previous)
    return 0


def cmd_plan_baseline(args) -> int:
    from inspector_app.cli.main import CommandError
    from inspector_app.results.prior_years import history_from_source
    from inspector_app.store.baseline import import_history
    source = Path(args.source)
    try:
        history = history_from_source(source)
    except StoreError as exc:
        raise CommandError(str(exc)) from exc
    except Exception as exc:  # the workbook reader names sheet and cell
        raise CommandError(f"无法读取上年结果 {source}：{exc}") from exc
    with opened() as store:
        plans = P.list_plans(store)
        if args.plan is None and len(plans) > 1:
            raise CommandError("本机有多个考核计划，请用 --plan 指明要写入上年结果的计划（通常是下一学年的）："
                               + "；".join(f"{p.id} {p.title}（{p.school_year}）" for p in plans), 2)
        plan = P.find_plan(store, args.plan)
        touched = import_history(store, plan, history, source=str(source))
        print(f"已导入 {len(touched)} 个集团的上年结果：{'、'.join(touched) or '（没有与本计划编号相同的集团）'}")
        from inspector_app.cli.rectify_cmd import carry_from_folder
        carry_from_folder(store, plan, source)
    return 0


def cmd_plan_list(args) -> int:
    with opened() as store:
        plans = P.list_plans(store)
        if args.json:
            print_json([{"id": p.id, "title": p.title, "school_year": p.school_year, "stage": p.stage,
                         "demo": p.demo, "groups": len(P.groups(store, p.id))} for p in plans])
        else:
            for p in plans:
                print(f"{p.id}\t{p.school_year}\t{p.stage}\t{p.title}")
    return 0


def indicator_code(rubric, typed: str) -> str:
    """The rubric's own spelling of a typed code: `c6` and `Ｃ６` name C6 (unless the rubric has both)."""
    import unicodedata
    if rubric.has_indicator(typed):
        return typed
    folded = unicodedata.normalize("NFKC", typed).strip().casefold()
    hits = [i.code for i in rubric.indicators if unicodedata.normalize("NFKC", i.code).casefold() == folded]
    return hits[0] if len(hits) == 1 else typed


def place_from_args(store: Store, args):
    """The plan, rubric, group, school and expert that --plan/--group/--school/--expert name."""
    inspection = Inspection.open(store, args.plan)
    if getattr(args, "indicator", None):
        args.indicator = indicator_code(inspection.rubric, args.indicator)
    group = inspection.group(args.group)
    return (inspection.plan, inspection.rubric, group, inspection.school_id(group, args.school),
            inspection.me(args.expert))


def cmd_entry_set(args) -> int:
    from inspector_app.cli.main import CommandError
    values = {}
    for item in args.values:
        if "=" not in item:
            raise CommandError(f"输入项应写成 KEY=VALUE，而不是 “{item}”", 2)
        key, value = item.split("=", 1)
        if not key.strip():
            raise CommandError(f"输入项 “{item}” 缺少名称（KEY=VALUE）", 2)
        if not value.strip():
            raise CommandError(f"输入项 {key.strip()} 的值为空：空值不会清除已保存的内容，未保存任何修改。"
                               "要清除这一项评分，请用 inspector entry clear（选项同 entry set）", 2)
        values[key.strip()] = value
    with opened() as store:
        plan = P.find_plan(store, args.plan)
        try:
            me = I.require_scorer(store, plan)  # nothing is typed under an identity nobody chose
        except I.IdentityError as exc:
            raise CommandError(str(exc)) from exc
        plan, rubric, group, school, expert = place_from_args(store, args)
        typed_by = me.expert_id if expert.id != me.expert_id else ""
        if args.from_register:
            from inspector_app.store.registers import register_input
            values.update(register_input(store, plan, rubric, group, args.indicator))
        fields = dict(inputs=values, evidence=args.evidence, methods=args.method, note=args.note)
        notice = None
        if typed_by:  # 代录: the use case the window would share, which says what a finalised group needs
            entry, notice = Inspection(store, plan).transcribe(group, expert, typed_by, school, args.indicator,
                                                               **fields)
        else:
            entry = E.set_entry(store, plan, rubric, group, expert.id, school, args.indicator, **fields)
        if typed_by and not args.json:
            print(f"代录：{me.expert.name} 代 {expert.name} 录入（纸质评分表），由 {me.expert.name} 签名提交")
        _print_entry(entry, args.json)
        from inspector_app.cli.panel_work_cmd import warn_if_finalised
        warn_if_finalised(store, plan, rubric, group, notice)
    return 0


def _print_entry(entry: E.Entry | None, as_json: bool) -> None:
    if entry is None:
        print("尚未评分")
        return
    if as_json:
        print_json({"indicator": entry.indicator, "school": entry.school_id, "expert": entry.expert_id,
                    "typed_by": entry.typed_by,
                    "inputs": entry.inputs, "evidence": list(entry.evidence), "methods": list(entry.methods),
                    "note": entry.note, "points": None if entry.points is None else fmt_points(entry.points),
                    "explanation": list(entry.explanation), "saved_at": entry.updated_at})
        return
    print(f"指标 {entry.indicator}: {fmt_points(entry.points)} 分（已保存 {entry.updated_at[11:19]}）")
    for line in entry.explanation:
        print(f"  {line}")


def cmd_entry_show(args) -> int:
    with opened() as store:
        plan, rubric, group, school, expert = place_from_args(store, args)
        _print_entry(E.get_entry(store, plan.id, group.id, expert.id, school, args.indicator), args.json)
    return 0


PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".heic", ".heif"}


def expand_photo_paths(items: list[str]) -> list[Path]:
    result = []
    for item in items:
        path = Path(item)
        if path.is_dir():
            result += sorted(p for p in path.iterdir() if p.suffix.lower() in PHOTO_SUFFIXES and p.is_file())
        else:
            result.append(path)
    return result


def cmd_photo_add(args) -> int:
    from inspector_app.store import photo_records as PR
    with opened() as store:
        plan, rubric, group, school, expert = place_from_args(store, args)
        E.check_place(rubric, group, school, args.indicator)
        problem = PR.caption_problem(args.caption)
        if problem:
            raise StoreError(f"{problem}；没有添加照片")
        sources = expand_photo_paths(args.files)
        if not sources:
            raise StoreError(f"没有找到照片文件（JPEG、PNG、HEIC）：{'、'.join(args.files)}")
        result = PR.add_photos(store, plan, group, expert.id, school, args.indicator, sources)
        for photo in result.added:
            if args.caption:
                PR.set_caption(store, photo.id, args.caption, expert.id)
            print(f"已添加 {photo.name or photo.original}（{photo.width}×{photo.height}）")
        if result.refused:
            from inspector_app.cli.main import say
            for error in result.refused:
                say(f"未添加：{error}")
    return 1 if result.refused else 0


def cmd_photo_list(args) -> int:
    from inspector_app.store import photo_records as PR
    with opened() as store:
        plan = P.find_plan(store, args.plan)
        group = P.get_group(store, plan.id, args.group) if args.group else None
        photos = PR.list_photos(store, plan.id, group.id if group else None)
        if args.json:
            print_json([p.__dict__ for p in photos])
        else:
            for p in photos:
                print(f"{p.id}\t{p.indicator}\t{p.school_id or '集团'}\t{p.label}\t{p.when or '—'}\t"
                      f"{'选入报告' if p.chosen else '不选入'}\t{p.caption}")
    return 0


def cmd_progress(args) -> int:
    with opened() as store:
        plan = P.find_plan(store, args.plan)
        rubric = P.plan_rubric(store, plan)
        expert = me_expert(store, plan, args.expert)
        result = []
        share = EX.assigned(store, plan.id, expert.id)  # the units count her places only, as the window does
        for group in [P.get_group(store, plan.id, args.group)] if args.group else P.groups(store, plan.id):
            card = E.expert_scorer(store, plan, rubric, group, expert.id).card()
            units = E.progress(store, plan, rubric, group, expert.id, share=share)
            result.append({"group": group.name, "id": group.id, "total": fmt_points(card.total), "grade": card.grade,
                           "done": card.done, "count": card.count,
                           "composite": [{"label": lbl, "weight": fmt_points(w), "percent": fmt_points(p)}
                                         for lbl, w, p in card.composite],
                           "composite_text": card.composite_text(), "overridden": card.overridden,
                           "units": [{"school": u.name, "id": u.school_id, "done": u.done, "total": u.total,
                                      "points": fmt_points(u.points)} for u in units]})
        if args.json:
            print_json({"plan": plan.id, "expert": expert.name, "groups": result})
            return 0
        print(f"{plan.title}　专家：{expert.name}")
        for g in result:
            grade = g['grade'] if g['done'] else None
            print(f"{g['group']}：已评 {g['done']}/{g['count']} 项，目前总分 {g['total']}（{grade or '—'}）")
            if g["composite_text"]:
                print(f"    {g['composite_text']}")
            if g["overridden"]:
                print(f"    考核组改定得分的指标：{'、'.join(g['overridden'])}")
            for u in g["units"]:
                print(f"    {u['school']}: {u['done']}/{u['total']}，得分 {u['points']}")
    return 0


def cmd_me(args) -> int:
    from inspector_app.cli.main import CommandError
    with opened() as store:
        plan = P.find_plan(store, args.plan)
        own = own_key()
        if args.set:
            try:
                identity = I.choose(store, plan, args.set, own)
            except I.IdentityError as exc:
                raise CommandError(str(exc)) from exc
        else:
            identity = I.settle_by_key(store, plan, own)
        if args.json:
            print_json({"plan": plan.id, "title": plan.title, "chosen": identity is not None,
                        "kind": identity.kind if identity else None, "label": identity.label if identity else None,
                        "expert": identity.expert_id if identity else None,
                        "role": identity.expert.role if identity and identity.expert else None,
                        "fingerprint": own.fingerprint})
            return 0 if identity is not None else 1
        if identity is None:
            from inspector_app.cli.main import say
            say(f"{plan.title}：本机还没有选择身份。请用 inspector me --set 姓名（或 教育局、只查看）说明您是谁；"
                f"本计划的专家：{'、'.join(e.name for e in EX.experts(store, plan.id))}")
            return 1
        extra = f"，编号 {identity.expert_id}" if identity.expert else ""
        print(f"{plan.title}：本机用户是 {identity.label}{extra}；本机密钥指纹 {own.fingerprint}")
    return 0
