"""`inspector plan show | amend`: the bureau reads a plan as it stands and corrects it after it went out.

An amendment changes the plan here; `inspector package` then sends the next plan package, and each laptop
that merges it applies the same amendment without touching anything typed (store/plan_amend.py).
"""
from __future__ import annotations

import argparse
import copy

from inspector_app.cli.output import print_json


def register(ps: argparse._SubParsersAction) -> None:
    sh = ps.add_parser("show", help="查看考核计划：集团、学校、专家、分工、自评分和修订版本")
    sh.add_argument("--plan", help="考核计划编号或名称（默认最新的）")
    sh.add_argument("--json", action="store_true", help="以 JSON 输出（与计划包中的 plan.json 相同）")
    sh.set_defaults(func=cmd_show)
    am = ps.add_parser("amend", help="教育局修订已发出的考核计划（之后用 package 发出修订后的计划包）")
    am.add_argument("--plan", help="考核计划编号或名称（默认最新的）")
    am.add_argument("--reason", required=True, help="修订理由（写入历史记录，随计划包发出）")
    am.add_argument("--add-expert", action="append", default=[], metavar="NAME[:lead][:KEY.pub]",
                    help="增加一位专家（可附其公钥文件），可重复")
    am.add_argument("--replace-key", action="append", default=[], metavar="EXPERT=KEY.pub",
                    help="更换专家的密钥（如笔记本丢失后换了新电脑），可重复")
    am.add_argument("--add-school", action="append", default=[], metavar="GROUP=NAME[:lead|member][:学段]",
                    help="为集团增加一所学校，可重复")
    am.add_argument("--rename-school", action="append", default=[], metavar="SCHOOL=NEW_NAME",
                    help="学校改名（学校编号或名称），可重复")
    am.add_argument("--remove-school", action="append", default=[], metavar="SCHOOL",
                    help="删去一所学校（已有评分或照片的学校不能删去）")
    am.add_argument("--self-score", action="append", default=[], metavar="GROUP[/SCHOOL]:CODE=POINTS",
                    help="改正一项自评分（POINTS 为空表示删去），可重复")
    am.add_argument("--assign", action="append", default=[], metavar="EXPERT=GROUP:CODE[,CODE…]",
                    help="分工：该专家负责的集团和指标（* 表示全部），给出后替换其原有分工，可重复")
    am.set_defaults(func=cmd_amend)


def cmd_show(args) -> int:
    from inspector_app.bundles.export import plan_body
    from inspector_app.cli.store_cmd import opened
    from inspector_app.store import identity as I
    from inspector_app.store import plans as P
    from inspector_app.store.plan_amend import revision
    from inspector_app.bundles.public_keys import fingerprint_of_id
    from inspector_app.cli.store_cmd import own_key
    from inspector_app.scoring.school import ROLES as SCHOOL_ROLES
    from inspector_app.store.bundle_records import next_sequence
    from inspector_app.store.experts import ROLES as EXPERT_ROLES
    with opened() as store:
        plan = P.find_plan(store, args.plan)
        body = plan_body(store, plan)
        issuer = I.issuer_key_id(store, plan.id)
        rubric = P.plan_rubric(store, plan)
        if args.json:
            print_json({**body, "revision": revision(store, plan.id), "rubric": {"id": rubric.id,
                        "version": rubric.version, "title": rubric.title},
                        "issuer_fingerprint": fingerprint_of_id(issuer) if issuer else None})
            return 0
        info = body["plan"]
        version = revision(store, plan.id)
        if I.issued_here(store, plan, own_key().key_id):  # the bureau: the last package it issued
            version = max(version, next_sequence(store, plan.id, "plan")[0] - 1)
        print(f"{info['title']}（编号 {plan.id}）")
        print(f"学年 {info['school_year']}　阶段 {info['stage']}　指标体系 {rubric.title}（{rubric.id} {rubric.version}）")
        print(f"合议规则 {info['consensus']}，分差上限 {info['spread_limit']}；计划包版本 {version or '—'}；"
              f"签发密钥 {fingerprint_of_id(issuer) if issuer else '未登记'}")
        for g in body["groups"]:
            print(f"\n集团 {g['id']} {g['name']}（{g.get('type') or '无类型'}）")
            for s in g["schools"]:
                role = SCHOOL_ROLES.get(s["role"], s["role"])
                print(f"  学校 {s['id']} {s['name']}（{role}{'，' + s['kind'] if s.get('kind') else ''}）")
            if g["self_scores"]:
                scores = "，".join(f"{r['indicator']}{'/' + r['school'] if r['school'] else ''} {r['points']}"
                                  for r in g["self_scores"])
                print(f"  自评分：{scores}")
        print("\n专家：")
        for e in body["experts"]:
            role = EXPERT_ROLES.get(e["role"], "专家")
            work = "、".join(":".join(a) for a in e["assignments"] if a != ["*", "*", "*"]) or "全部"
            print(f"  {e['id']} {e['name']}（{role}）　指纹 {e.get('fingerprint') or '未登记'}　分工 {work}")
    return 0


def _school(body: dict, key: str) -> tuple[dict, dict]:
    from inspector_app.cli.main import CommandError
    hits = [(g, s) for g in body["groups"] for s in g["schools"] if key in (s["id"], s["name"])]
    if len(hits) != 1:
        raise CommandError(f"找不到唯一的学校“{key}”（用 plan show 查看学校编号）", 2)
    return hits[0]


def _group(body: dict, key: str) -> dict:
    from inspector_app.cli.main import CommandError
    hits = [g for g in body["groups"] if key in (g["id"], g["name"])] or \
           [g for g in body["groups"] if key and key in g["name"]]
    if len(hits) != 1:
        raise CommandError(f"找不到唯一的集团“{key}”", 2)
    return hits[0]


def _expert(body: dict, key: str) -> dict:
    from inspector_app.cli.main import CommandError
    hits = [e for e in body["experts"] if key in (e["id"], e["name"])]
    if len(hits) != 1:
        raise CommandError(f"找不到专家“{key}”", 2)
    return hits[0]


def _pair(item: str, option: str) -> tuple[str, str]:
    from inspector_app.cli.main import CommandError
    left, sep, right = item.partition("=")
    if not sep or not left.strip():
        raise CommandError(f"{option} 应写成 …=…，而不是“{item}”", 2)
    return left.strip(), right.strip()


def _key_fields(path: str) -> dict:
    from pathlib import Path

    from inspector_app.bundles.public_keys import fingerprint, key_id, parse_public_file_full
    from inspector_app.cli.main import CommandError
    try:
        pub, _name, encryption = parse_public_file_full(Path(path).read_bytes())
    except OSError as exc:
        raise CommandError(f"无法读取公钥文件 {path}：{exc.strerror or exc}") from None
    fields = {"key_id": key_id(pub), "public_key": pub.hex(), "fingerprint": fingerprint(pub)}
    if encryption is not None:
        fields["encryption_key"], fields["encryption_binding"] = encryption
    return fields


def amended_body(body: dict, args) -> dict:
    """The plan body with the options' changes made; the store checks the result as a whole."""
    from inspector_app.cli.roster_files import expert_option
    from inspector_app.store.plans import new_id
    new = copy.deepcopy(body)
    for item in args.add_expert:
        spec = expert_option(item)
        row = {"id": new_id(), "name": spec["name"], "role": spec["role"], "key_id": None, "fingerprint": None,
               "public_key": None, "assignments": [["*", "*", "*"]]}
        if spec.get("key"):
            row.update(_key_fields(spec["key"]))
        new["experts"].append(row)
    for item in args.replace_key:
        who, path = _pair(item, "--replace-key")
        _expert(new, who).update(_key_fields(path))
    for item in args.add_school:
        group_key, spec = _pair(item, "--add-school")
        name, _, rest = spec.partition(":")
        role, _, kind = rest.partition(":")
        _group(new, group_key)["schools"].append({"id": new_id(), "name": name.strip(), "role": role or "member",
                                                  "kind": kind, "head_role": "", "short_name": ""})
    for item in args.rename_school:
        key, name = _pair(item, "--rename-school")
        _school(new, key)[1].update(name=name, short_name="")
    for key in args.remove_school:
        group, school = _school(new, key)
        group["schools"].remove(school)
        group["self_scores"] = [r for r in group["self_scores"] if r["school"] != school["id"]]
    for item in args.self_score:
        where, points = _pair(item, "--self-score")
        place, _, code = where.rpartition(":")
        group_key, _, school_key = place.partition("/")
        group = _group(new, group_key)
        school = _school(new, school_key)[1]["id"] if school_key else ""
        group["self_scores"] = [r for r in group["self_scores"] if (r["school"], r["indicator"]) != (school, code)]
        if points:
            group["self_scores"].append({"school": school, "indicator": code, "points": points})
    for item in args.assign:
        who, work = _pair(item, "--assign")
        group_key, _, codes = work.partition(":")
        group = "*" if group_key == "*" else _group(new, group_key)["id"]
        _expert(new, who)["assignments"] = [[group, "*", c.strip() or "*"] for c in (codes or "*").split(",")]
    return new


def cmd_amend(args) -> int:
    from inspector_app.bundles.export import plan_body
    from inspector_app.bundles.merge_checks import Reject
    from inspector_app.bundles.plan_import import as_changes, plan_differences, spec_from_body
    from inspector_app.cli.main import CommandError
    from inspector_app.cli.store_cmd import opened, own_key
    from inspector_app.store import identity as I
    from inspector_app.store import plans as P
    from inspector_app.store.plan_amend import amend_plan
    with opened() as store:
        plan = P.find_plan(store, args.plan)
        if not I.issued_here(store, plan, own_key().key_id):
            raise CommandError("只有签发本考核计划的教育局（用签发时的密钥）可以修订计划；"
                               "各专家的笔记本在合并教育局发出的修订计划包时自动更新")
        if not args.reason.strip():
            raise CommandError("请用 --reason 写明修订理由", 2)
        before = plan_body(store, plan)
        after = amended_body(before, args)
        changes = as_changes(plan_differences(before, after))
        if not changes:
            print("没有需要修订的内容")
            return 0
        rubric = P.plan_rubric(store, plan)
        try:
            spec = spec_from_body(rubric, after)
        except Reject as exc:
            raise CommandError(str(exc)) from None
        amend_plan(store, plan, rubric, spec, actor="", reason=args.reason.strip(), changes=changes)
        from inspector_app.cli.keys_cmd import open_keystore
        keystore = open_keystore()
        own = keystore.own_key().key_id
        from inspector_app.store.experts import TRUST_ROLES
        keystore.trust_many([(e.public_key, e.name, TRUST_ROLES.get(e.role, "专家"), e.encryption)
                             for e in spec.experts if e.public_key and e.key_id != own
                             and (e.encryption is not None or keystore.status(e.key_id) != "trusted")])
        print(f"已修订“{plan.title}”：{'；'.join(changes)}")
        print("请运行 inspector package --out 文件夹 发出修订后的计划包，各笔记本合并后即按此更新（已录入的评分保留）")
    return 0
