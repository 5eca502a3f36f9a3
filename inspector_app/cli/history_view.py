"""`inspector history`: rows as a person reads them, names instead of ids, values as typed, the reason given."""
from __future__ import annotations

import argparse
from decimal import Decimal

ENTITIES = {"entry": "评分", "photo": "照片", "finding": "专家组意见", "consensus": "组长定分", "finalisation": "定稿",
            "identity": "本机用户", "veto": "一票否决", "expert": "专家", "plan": "考核计划", "publication": "公示信息",
            "evidence": "佐证文件", "rectification": "整改事项"}
FIELDS = {"inputs": "输入", "note": "备注", "added": "添加", "caption": "说明", "chosen": "选入报告", "removed": "移除",
          "text": "内容", "points": "得分", "cleared": "清除", "merged": "合并", "version": "版本", "me": "身份",
          "evidence": "已查看的佐证材料", "methods": "评价方式", "key": "密钥", "value": "是否否决", "reason": "理由"}
YES_NO_FIELDS = {"chosen", "removed"}
FINDING_KINDS = {"achievements": "主要成绩", "problems": "存在问题", "suggestions": "整改建议"}


def written(value: object) -> str:
    """A stored value as a person writes it: 是/否, plain numbers, lists with 、, KEY=VALUE for inputs."""
    if value is None or value == "":
        return "（空）"
    if value is True:
        return "是"
    if value is False:
        return "否"
    if isinstance(value, (int, float, Decimal)):
        return format(Decimal(str(value)).normalize(), "f")
    if isinstance(value, list):
        return "、".join(written(v) for v in value) or "（空）"
    if isinstance(value, dict):
        if "inputs" in value:  # an entry's whole value: its inputs first, then the note
            rest = {k: v for k, v in value.items() if k != "inputs" and v not in (None, "", [], {})}
            parts = [written(value["inputs"])] + [f"{FIELDS.get(k, k)}：{written(v)}" for k, v in rest.items()]
            return "；".join(parts)
        return "，".join(f"{k}={written(v)}" for k, v in value.items()) or "（空）"
    return str(value)


class Names:
    """Ids of one store's plans, groups, schools and experts, to their names."""

    def __init__(self, store) -> None:
        from inspector_app.store import experts as EX
        from inspector_app.store import plans as P
        self.experts: dict[tuple[str, str], str] = {}
        self.groups: dict[tuple[str, str], str] = {}
        self.schools: dict[tuple[str, str, str], str] = {}
        for plan in P.list_plans(store):
            for e in EX.experts(store, plan.id):
                self.experts[(plan.id, e.id)] = e.name
            for g in P.groups(store, plan.id):
                self.groups[(plan.id, g.id)] = g.name
                for s in g.schools:
                    self.schools[(plan.id, g.id, s.id)] = getattr(s, "short_name", "") or s.name

    def person(self, plan_id: str, expert_id: str) -> str:
        return self.experts.get((plan_id, expert_id), expert_id or "（系统）")

    def place(self, change) -> str:
        key, plan = change.key, change.plan_id
        where = []
        if key.get("group"):
            where.append(self.groups.get((plan, key["group"]), key["group"]))
        if key.get("school"):
            where.append(self.schools.get((plan, key.get("group", ""), key["school"]), key["school"]))
        if key.get("indicator"):
            where.append(f"指标 {key['indicator']}")
        if key.get("kind") in FINDING_KINDS:
            where.append(FINDING_KINDS[key["kind"]])
        return " ".join(where)


def describe(change, names: Names) -> dict[str, str]:
    entity = ENTITIES.get(change.entity, change.entity)
    field = FIELDS.get(change.field, change.field)
    if change.field.startswith("inputs."):
        field = f"输入 {change.field.split('.', 1)[1]}"
    old, new = change.old, change.new
    if change.field in YES_NO_FIELDS:  # stored as 0/1
        old, new = (None if v is None else bool(v) for v in (old, new))
    who = names.person(change.plan_id, change.expert_id)
    owner = change.key.get("expert")
    if change.entity == "entry" and owner and owner != change.expert_id:  # a paper sheet typed in (代录)
        who = f"{who}（代 {names.person(change.plan_id, owner)} 录入）"
    return {"time": change.at[:19].replace("T", " "), "who": who,
            "where": names.place(change), "what": f"{entity}·{field}", "old": written(old),
            "new": written(new), "reason": change.reason or ""}


def line(row: dict[str, str]) -> str:
    reason = f"　理由：{row['reason']}" if row["reason"] else ""
    where = f"{row['where']}　" if row["where"] else ""
    return f"{row['time']}　{row['who']}　{where}{row['what']}：{row['old']} → {row['new']}{reason}"


def register(sub: argparse._SubParsersAction) -> None:
    h = sub.add_parser("history", help="修改历史（谁、何时、原值、新值、理由）")
    h.add_argument("--plan")
    h.add_argument("--group", help="只看一个集团（编号或名称）")
    h.add_argument("--indicator")
    h.add_argument("--limit", type=_history_limit, default=50)
    h.add_argument("--json", action="store_true")
    h.set_defaults(func=cmd_history)


def _history_limit(text: str) -> int:
    value = int(text) if text.strip().isdigit() else 0
    if not 1 <= value <= 100_000:
        raise argparse.ArgumentTypeError(f"应为 1–100000 之间的整数，而不是“{text}”")
    return value


def cmd_history(args) -> int:
    from inspector_app.cli.output import print_json
    from inspector_app.cli.store_cmd import opened
    from inspector_app.store import plans as P
    from inspector_app.store.history import changes
    with opened() as store:
        plan = P.find_plan(store, args.plan) if args.plan or P.list_plans(store) else None
        group = P.get_group(store, plan.id, args.group) if args.group and plan else None
        code = args.indicator.upper() if args.indicator else None
        rows = changes(store, plan.id if plan else None, group_id=group.id if group else None,
                       limit=None if code else args.limit)
        if code:
            rows = [c for c in rows if str(c.key.get("indicator", "")).upper() == code][-args.limit:]
        names = Names(store)
        shown = [describe(c, names) for c in rows]
        if args.json:
            print_json([{**row, "raw": {"entity": c.entity, "key": c.key, "field": c.field, "old": c.old,
                                        "new": c.new, "expert": c.expert_id}} for row, c in zip(shown, rows)])
            return 0
        for row in shown:
            print(line(row))
        if not shown:
            print("没有修改记录")
    return 0
