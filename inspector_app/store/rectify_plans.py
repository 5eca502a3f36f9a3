"""Plans made from rectification items: the 复查 plan (only what is open) and next year's carried items.

A 复查 plan is an ordinary plan (stage 复查) holding only the groups with open items, in each only the
schools those items name (and the lead school, which every group has), and a small panel whose experts
are assigned only the indicators of those items; so the same plan package, expert and panel bundles
carry the re-check. It links the items it re-checks; the panel lead records 复查通过 / 复查未通过 and
the bureau merges the verdicts into the items. With the bureau's rescoring rule (`rescore`), an item
that passes records the 复查 panel's settled score of its indicators (bundles/rectify_payload.rescore).
"""
from __future__ import annotations

import hashlib

from inspector_app.store import plans as P
from inspector_app.store import rectification as R
from inspector_app.store.rectification_transfer import import_item, item_json
from inspector_app.store.db import Store, StoreError
from inspector_app.said import Said

RECHECK_PLAN_HAS_ERRORS = Said('复查计划有误：{0}',
                                'The re-check plan has errors: {0}')

INSPECTION_HAS_OPEN_RECTIFICATION = Said('考核计划“{0}”没有未关闭的整改事项，不需要复查',
                                          'Inspection "{0}" has no open rectification items: no re-check needed')
LIST_FOLLOW_UP_PANEL = Said('请用 --expert 列出复查专家组（至少一位组长），如 --expert 王复查:lead:wang.pub',
                             'List the re-check panel with --expert (at least one lead), like --expert Wang:lead:wang.pub')
FOLLOW_UP_PANEL_HAVE = Said('复查专家组应有且只有一位组长（--expert NAME:lead）',
                             'The re-check panel must have exactly one lead (--expert NAME:lead)')
FILE_RECTIFICATION_EVIDENCE_LAST = Said('上年数据文件夹中整改佐证“{0}”的文件缺失或已被改动（{1}）；没有转入任何整改事项',
                                         'The file of rectification evidence "{0}" in last year\'s data folder is missing or changed ({1}); no rectification item was carried over')


def open_items(store: Store, plan: P.Plan) -> list[R.Item]:
    return [i for i in R.items(store, plan.id) if i.is_open]


def recheck_spec(store: Store, parent: P.Plan, experts: list[P.ExpertSpec]) -> tuple[P.PlanSpec, list[R.Item]]:
    """The 复查 plan for a plan's open items, with its panel; StoreError when nothing is open."""
    found = open_items(store, parent)
    if not found:
        raise StoreError(INSPECTION_HAS_OPEN_RECTIFICATION(parent.title))
    if not experts:
        raise StoreError(LIST_FOLLOW_UP_PANEL())
    if sum(e.role == "lead" for e in experts) != 1:
        raise StoreError(FOLLOW_UP_PANEL_HAVE())
    by_group: dict[str, list[R.Item]] = {}
    for item in found:
        by_group.setdefault(item.group_id, []).append(item)
    groups, work = [], []
    for group in P.groups(store, parent.id):
        mine = by_group.get(group.id)
        if not mine:
            continue
        named = {s for i in mine for s in i.schools}
        whole = any(not i.schools for i in mine)
        schools = [P.SchoolSpec(s.name, s.role, s.kind, s.head_role, s.id, s.short_name) for s in group.schools
                   if whole or s.role == "lead" or s.id in named]
        groups.append(P.GroupSpec(group.name, schools, group.group_type, group.id))
        codes = sorted({c for i in mine for c in i.indicators})
        work += [(group.id, "*", code) for code in codes]
    for e in experts:
        e.assignments = list(work)
    number = len(recheck_plans(store, parent.id)) + 1
    spec = P.PlanSpec(title=f"{parent.title}（整改复查{'' if number == 1 else f'第{number}次'}）",
                      school_year=parent.school_year, stage="复查", groups=groups, experts=experts,
                      consensus=parent.consensus, spread_limit=str(parent.spread_limit), demo=parent.demo,
                      id=f"{parent.id}-fc{number}", publication=parent.publication)
    return spec, found


def make_recheck_plan(store: Store, parent: P.Plan, experts: list[P.ExpertSpec], *, rescore: bool,
                      issuer_key_id: str) -> tuple[P.Plan, list[R.Item]]:
    """Create (in one transaction) the 复查 plan and link the items it re-checks."""
    rubric = P.plan_rubric(store, parent)
    spec, found = recheck_spec(store, parent, experts)
    problems = P.validate_spec(spec, rubric)
    if problems:
        raise StoreError(RECHECK_PLAN_HAS_ERRORS("；".join(problems)))
    with store.tx():
        plan = P.create_plan(store, rubric, spec, issuer_key_id=issuer_key_id)
        for item in found:
            R.link(store, plan.id, item.uid, "recheck")
        mark_recheck_plan(store, plan.id, parent.id, rescore)
    return plan, found


def carry_into(store: Store, plan: P.Plan, previous: P.Plan) -> tuple[list[R.Item], list[R.Item]]:
    """Next year's plan carries last year's open items of the groups it still inspects (matched by group id):
    (carried, left out because their group is not in the new plan)."""
    here = {g.id for g in P.groups(store, plan.id)}
    carried, left = [], []
    with store.tx():
        for item in open_items(store, previous):
            if item.group_id in here:
                R.link(store, plan.id, item.uid, "carried")
                carried.append(item)
            else:
                left.append(item)
    return carried, left


def carry_from_folder(store: Store, plan: P.Plan, old: Store) -> tuple[list[R.Item], list[R.Item]]:
    """`plan baseline FOLDER`: the open items of last year's plans in another data folder (`old`, opened by the
    caller) carried into this plan, as `carry_into` does within one folder: their events copied by id (a second
    run adds nothing), their evidence files by hash (each checked before anything is written), each item
    linked as carried. (carried, left out because their group is not in this plan); RectifyError changes nothing."""
    from inspector_app.store.rectify_evidence import keep_bytes
    here = {g.id for g in P.groups(store, plan.id)}
    seen: set[str] = set()
    carried, left = [], []
    for old_plan in P.list_plans(old):
        if old_plan.demo or old_plan.id == plan.id:
            continue
        for item in open_items(old, old_plan):
            if item.uid not in seen:
                seen.add(item.uid)
                (carried if item.group_id in here else left).append(item)
    rows = [item_json(item, R.events(old, item.uid)) for item in carried]
    files = [meta for row in rows for ev in row["events"] if ev["action"] == "evidence"
             for meta in ev["fields"].get("files", [])]
    kept = []
    for meta in files:
        path = old.photos_dir / meta["stored"]
        try:
            data = path.read_bytes()
        except OSError:
            data = b""
        if hashlib.sha256(data).hexdigest() != meta["sha256"]:
            raise R.RectifyError(FILE_RECTIFICATION_EVIDENCE_LAST(meta['name'], path))
        kept.append((data, meta["name"]))
    for data, name in kept:  # stored by hash before any event names them
        keep_bytes(store.photos_dir, data, name)
    with store.tx():
        for row in rows:
            import_item(store, row)
            R.link(store, plan.id, row["uid"], "carried")
    return carried, left


# --------------------------------------------------------------------------- which plan re-checks which


def mark_recheck_plan(store: Store, plan_id: str, parent_plan_id: str, rescore: bool) -> None:
    """Must be called inside a transaction."""
    store.conn.execute("INSERT OR IGNORE INTO rectification_plans (plan_id, parent_plan_id, rescore, created_at)"
                       " VALUES (?, ?, ?, ?)", (plan_id, parent_plan_id, int(rescore), R._stamp()))


def recheck_of(store: Store, plan_id: str) -> tuple[str, bool] | None:
    """(the plan re-checked, the rescoring rule) when `plan_id` is a 复查 plan."""
    row = store.conn.execute("SELECT parent_plan_id, rescore FROM rectification_plans WHERE plan_id = ?",
                             (plan_id,)).fetchone()
    return (row[0], bool(row[1])) if row else None


def recheck_plans(store: Store, parent_plan_id: str) -> list[str]:
    return [r[0] for r in store.conn.execute("SELECT plan_id FROM rectification_plans WHERE parent_plan_id = ?"
                                             " ORDER BY created_at", (parent_plan_id,))]
