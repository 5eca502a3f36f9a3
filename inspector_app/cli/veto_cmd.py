"""`inspector veto set/show`: the panel's findings on the rubric's conditions — 一票否决 and the findings that
withhold the top grade (000: 弄虚作假，取消优秀资格) — recorded with a required reason under this laptop's
identity, through the same store function the window's score panel uses."""
from __future__ import annotations

import argparse

from inspector_app.cli.output import print_json


def register(sub: argparse._SubParsersAction) -> None:
    v = sub.add_parser("veto", help="一票否决与取消等次资格的认定（键见 rubric show；认定须写明事实和理由）")
    vs = v.add_subparsers(dest="veto_command", metavar="ACTION", required=True)
    vset = vs.add_parser("set", help="认定或撤销一项否决或取消资格（只记本机用户的认定）")
    vset.add_argument("key", metavar="KEY", help="否决项的键，如 major_incident、falsification（见 rubric show）")
    vset.add_argument("--plan", help="考核计划编号或名称（默认最新的）")
    vset.add_argument("--group", required=True, help="集团编号或名称")
    vset.add_argument("--no", action="store_true", help="撤销认定（改为“否”）")
    vset.add_argument("--reason", default="", help="事实和理由（认定时必填；撤销时可写撤销的理由）")
    vset.set_defaults(func=cmd_veto_set)
    vshow = vs.add_parser("show", help="查看一个集团的否决与取消资格认定（各专家）")
    vshow.add_argument("--plan", help="考核计划编号或名称（默认最新的）")
    vshow.add_argument("--group", required=True, help="集团编号或名称")
    vshow.add_argument("--json", action="store_true", help="以 JSON 输出")
    vshow.set_defaults(func=cmd_veto_show)


def _kind(rubric, veto) -> str:
    return rubric.grades.withheld_label if veto.withholds_top else "一票否决"


def cmd_veto_set(args) -> int:
    from inspector_app.cli.main import CommandError
    from inspector_app.cli.panel_work_cmd import _identity, warn_if_finalised
    from inspector_app.cli.store_cmd import opened
    from inspector_app.store import entries as E
    from inspector_app.store import plans as P
    with opened() as store:
        plan = P.find_plan(store, args.plan)
        me = _identity(store, plan)
        rubric = P.plan_rubric(store, plan)
        group = P.get_group(store, plan.id, args.group)
        veto = next((v for v in rubric.vetoes if v.key == args.key), None)
        if veto is None:
            keys = "、".join(v.key for v in rubric.vetoes) or "（本指标体系没有否决项）"
            raise CommandError(f"否决项 “{args.key}” 不在指标体系 {rubric.id} 中；可用：{keys}")
        try:
            E.set_veto(store, plan, rubric, group, me.expert_id, veto.key, not args.no, args.reason.strip())
        except E.EntryError as exc:
            raise CommandError(str(exc)) from exc
        print(f"已保存 {group.name}：{_kind(rubric, veto)}{'（撤销）' if args.no else '（认定）'} — {veto.text}")
        warn_if_finalised(store, plan, rubric, group)
    return 0


def cmd_veto_show(args) -> int:
    from inspector_app.cli.store_cmd import opened
    from inspector_app.store import entries as E
    from inspector_app.store import experts as EX
    from inspector_app.store import plans as P
    with opened() as store:
        plan = P.find_plan(store, args.plan)
        rubric = P.plan_rubric(store, plan)
        group = P.get_group(store, plan.id, args.group)
        names = {e.id: e.name for e in EX.experts(store, plan.id)}
        found = E.vetoes(store, plan.id, group.id)
        rows = [{"key": v.key, "kind": _kind(rubric, v), "effect": v.effect, "text": v.text,
                 "findings": [{"expert": names.get(e, e), "value": bool(value), "reason": reason}
                              for e, k, value, reason in found if k == v.key]} for v in rubric.vetoes]
        if args.json:
            print_json({"group": group.id, "name": group.name, "vetoes": rows})
            return 0
        if not rows:
            print("本指标体系没有否决项")
        for row in rows:
            print(f"【{row['kind']}】{row['key']}：{row['text']}")
            for f in row["findings"]:
                print(f"  {f['expert']}：{'认定' if f['value'] else '否'}" + (f"；理由：{f['reason']}" if f["reason"] else ""))
            if not row["findings"]:
                print("  无人认定")
    return 0
