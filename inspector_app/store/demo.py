"""The demo inspection: 002's five pilot groups (21 campuses) scored on the 004 rubric.

Three demo experts have scored part of it, two of them disagreeing on a few
indicators, with notes, photos the program draws, self-evaluation scores and
last year's results, so that every screen and report has something to show.
Everything is labelled 演示.
"""
from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

from inspector_app.rubric.catalog import load_catalog
from inspector_app.rubric import rules as T
from inspector_app.rubric import rules as R
from inspector_app.scoring.engine import targeted_schools
from inspector_app.store import entries as E
from inspector_app.store.db import Store
from inspector_app.store.demo_findings import write_demo_findings
from inspector_app.store.plans import (ExpertSpec, GroupSpec, Plan, PlanSpec, Publication, SchoolSpec, create_plan,
                                       get_plan, groups, list_plans, plan_rubric)

DEMO_RUBRIC = "suizhou-jlt"
DEMO_TITLE = "【演示】2023—2024学年沙坡头区集团化办学督导考核"

# 002 附件：中卫市沙坡头区集团化办学试点一览表 (campus, head's role); kinds read from the names.
FINALISED_GROUP = "gxr"
ROSTER = [
    ("g7", "中卫市第七小学教育集团", "融合型", [
        ("中卫市第七小学教育集团总校", "总校校长", "小学"),
        ("中卫市第七小学教育集团双渠校区（中卫十小）", "执行校长", "小学")]),
    ("g4", "中卫市第四中学教育集团", "共建型", [
        ("中卫市第四中学教育集团总校", "总校校长", "初中"),
        ("中卫市第四中学教育集团镇罗校区", "执行校长", "初中"),
        ("中卫市第四中学教育集团郭滩校区", "执行校长", "九年制"),
        ("中卫市第四中学教育集团观音校区", "执行校长", "九年制")]),
    ("gxh", "中卫市宣和教育集团", "共建型", [
        ("中卫市宣和教育集团总校（宣和中学）", "总校校长", "初中"),
        ("中卫市宣和教育集团东月校区", "执行校长", "九年制"),
        ("中卫市宣和教育集团张洪校区", "执行校长", "九年制"),
        ("中卫市宣和教育集团宣和小学校区", "执行校长", "小学"),
        ("中卫市宣和教育集团宣和幼儿园", "执行园长", "幼儿园")]),
    ("gxr", "中卫市兴仁教育集团", "融合型", [
        ("中卫市兴仁教育集团总校（兴仁中学）", "总校校长", "初中"),
        ("中卫市兴仁教育集团兴仁小学", "执行校长", "小学"),
        ("中卫市兴仁教育集团郝集校区", "执行校长", "小学"),
        ("中卫市兴仁教育集团王团校区", "执行校长", "小学"),
        ("中卫市兴仁教育集团高庄校区", "执行校长", "小学"),
        ("中卫市兴仁教育集团温寨柯校区", "执行校长", "小学"),
        ("中卫市兴仁教育集团兴仁幼儿园", "执行校长", "幼儿园")]),
    ("g2y", "中卫市第二幼儿园教育集团", "共建型", [
        ("中卫市第二幼儿园教育集团总园", "总园长", "幼儿园"),
        ("中卫市第二幼儿园教育集团香山分园", "执行园长", "幼儿园"),
        ("中卫市第二幼儿园教育集团文萃分园", "执行园长", "幼儿园")]),
]

# What the bureau publishes with the results and asks of the units (all labelled 演示).
PUBLICATION = Publication(
    issuing_body="沙坡头区教育局（演示）", publicity_start="2023-11-01", publicity_end="2023-11-07",
    objection_channel="电话 0955-7000000（演示）；电子邮箱 dudao@example.org；地址：沙坡头区教育局督导室（演示）",
    rectification_due="2023-12-15")

EXPERTS = [("demo-lead", "张明华（演示组长）", "lead"), ("demo-li", "李静（演示专家）", "member"),
           ("demo-wang", "王建国（演示专家）", "member")]

NOTES = {
    "C3": "查阅2023年秋季学期例会记录，只找到2次例会记录，第3次仅有通知无记录。",
    "C5": "交流教师名单与任职文件齐全，比例按本学年在编教师数统计。",
    "C10": "作业设计大赛本学期未开展；推门听课记录齐全。",
    "C14": "集团“一校一特色”材料完整，师生共同参与的研学活动有照片和总结。",
    "C20": "问卷由第三方机构发放，回收有效问卷 612 份。",
}


def demo_inputs(rule: R.Rule, rng: random.Random, strict: bool = False) -> dict[str, Any]:
    """Plausible inputs for any rule; `strict` plays a severer expert."""
    if isinstance(rule, T.PartsRule):
        return {f"{part.key}.{k}": v for part in rule.parts
                for k, v in demo_inputs(part.rule, rng, strict).items()}
    if isinstance(rule, (T.ProportionalRule, T.ShortfallRule)) and rule.target:
        # Measured values cluster around the target, mostly a little short of it.
        share = Decimal(rng.randint(70 if strict else 80, 110)) / 100
        value = min(rule.target * share, Decimal(100) if rule.unit == "%" else rule.target * 2)
        values = {"value": str(value.quantize(Decimal("0.1")))}
        for extra in getattr(rule, "also", ()):  # further conditions (000 item 4's backbone share)
            share = Decimal(rng.randint(80 if strict else 90, 130)) / 100
            values[extra.key] = str(min(extra.target * share, Decimal(100)).quantize(Decimal("0.1")))
        if rule.gate:
            values["gate"] = rng.random() < 0.9
        return values
    values: dict[str, Any] = {}
    for f in rule.fields():
        if f.kind == "bool":
            values[f.key] = rng.random() < (0.7 if strict else 0.85)
        elif f.kind == "count":
            cap = int(f.maximum) if f.maximum is not None else 3
            if f.points is not None and f.points >= 1 and cap > 1 and "项数" in f.label:
                values[f.key] = rng.randint(0, 2)  # awards: a couple at most
            else:
                values[f.key] = min(cap, rng.choice([0, 0, 0, 1, 1 if strict else 0, 2 if strict else 0]))
        elif f.kind == "number":
            low = f.minimum or Decimal(0)
            high = f.maximum if f.maximum is not None else Decimal(100)
            if f.label == "评定得分":
                values[f.key] = str((high * Decimal(rng.randint(60, 95)) / 100).quantize(Decimal("0.5")))
            elif f.unit == "%":
                values[f.key] = str(Decimal(rng.randint(55 if strict else 62, 98)))
            else:
                values[f.key] = str(low + (high - low) * Decimal(rng.randint(5, 10)) / 10)
        elif f.kind == "choice":
            values[f.key] = rng.choice(f.choices[:-1] if len(f.choices) > 1 else f.choices)
        elif f.kind == "text":
            values[f.key] = "演示：依据现场查阅资料评定"
    return values


def make_demo(store: Store) -> Plan:
    """Create the demo inspection (once); return it."""
    for plan in list_plans(store):
        if plan.demo:
            return plan
    rubric = load_catalog().get(DEMO_RUBRIC)
    rng = random.Random(2023)
    group_specs = []
    for gid, name, gtype, schools in ROSTER:
        school_specs = [SchoolSpec(sname, "lead" if i == 0 else "member", kind, head, f"{gid}-s{i}")
                        for i, (sname, head, kind) in enumerate(schools)]
        self_scores = {}
        for ind in rubric.indicators:
            if not ind.scope.per_school and rng.random() < 0.9:
                # Units tend to rate themselves generously: near the maximum.
                share = Decimal(rng.choice([100, 100, 100, 90, 80, 75]))
                self_scores[ind.code] = str((ind.points * share / 100).quantize(Decimal("0.5")))
        last_total = Decimal(rng.randint(66, 90))
        group_specs.append(GroupSpec(
            name=name, schools=school_specs, group_type=gtype, id=gid, self_scores=self_scores,
            last_year={"year": "2022—2023", "total": str(last_total), "grade": _grade(rubric, last_total),
                       "rank": None, "areas": {a.code: str((a.max * Decimal(rng.randint(60, 95)) / 100).quantize(Decimal("0.5")))
                                                for a in rubric.areas}},
            baselines={ind.code: {h.key: str(rng.randint(3, 15)) for h in ind.history}
                       for ind in rubric.indicators if ind.history}))
    ranked = sorted(group_specs, key=lambda g: -Decimal(g.last_year["total"]))
    for rank, g in enumerate(ranked, 1):
        g.last_year["rank"] = rank
    spec = PlanSpec(title=DEMO_TITLE, school_year="2023—2024", stage="复评", groups=group_specs,
                    experts=[ExpertSpec(name, role, eid) for eid, name, role in EXPERTS],
                    consensus="mean", spread_limit="1", demo=True, id="demo-2023", publication=PUBLICATION)
    with store.tx():  # one transaction: an interrupted demo leaves nothing half made
        plan = create_plan(store, rubric, spec, actor="demo-lead")
        _score_demo(store, plan, rng)
        write_demo_findings(store, plan, FINALISED_GROUP, PUBLICATION.rectification_due)
        _demo_photos(store, plan)
        _finalise_demo(store, plan)
        # The demo plays the panel lead's part: its identity is chosen with it (its experts hold no keys).
        store.set_setting(f"me:{plan.id}", "demo-lead")
        store.set_setting("current_plan", plan.id)
    return get_plan(store, plan.id)


def _finalise_demo(store: Store, plan: Plan) -> None:
    """兴仁 is scored throughout by the lead alone and finalised (定稿), so the bureau's view shows one ranked
    group beside the others listed as 未完成; 第四中学 still waits for the lead to settle its disagreements."""
    from inspector_app.store.finalisation import finalise
    group = next(g for g in groups(store, plan.id) if g.id == FINALISED_GROUP)
    finalise(store, plan, plan_rubric(store, plan), group, "demo-lead", "2023-10-16", "2023-10-17")


def _grade(rubric, total: Decimal) -> str:
    return rubric.grades.grade(total) or ""


def _score_demo(store: Store, plan: Plan, rng: random.Random) -> None:
    rubric = plan_rubric(store, plan)
    for gi, group in enumerate(groups(store, plan.id)):
        # 第四中学 (three experts, disagreeing) and 兴仁 (the lead alone) are scored throughout; the others
        # part of the way.
        share = 1.0 if group.id in ("g4", FINALISED_GROUP) else (0.6 if gi % 2 == 0 else 0.35)
        for ind in rubric.indicators:
            places = [s.id for s in targeted_schools(ind, group.schools)] if ind.scope.per_school else [E.GROUP]
            for place in places:
                if rng.random() > share:
                    continue
                inputs = demo_inputs(ind.rule, rng)
                E.set_entry(store, plan, rubric, group, "demo-lead", place, ind.code, inputs=inputs,
                            evidence=list(ind.evidence[: max(1, len(ind.evidence) - rng.randint(0, 1))]),
                            methods=list(ind.methods), note=NOTES.get(ind.code, "") if rng.random() < 0.7 else "")
                # Two other experts also score some indicators of the first groups, not always agreeing;
                # the lead typed their paper sheets (代录), so the lead's panel bundle carries them.
                if gi < 3 and rng.random() < 0.45:
                    for expert in ("demo-li", "demo-wang"):
                        if rng.random() < 0.7:
                            other = demo_inputs(ind.rule, rng, strict=expert == "demo-wang")
                            E.set_entry(store, plan, rubric, group, expert, place, ind.code, inputs=other,
                                        evidence=list(ind.evidence), methods=list(ind.methods[:1]),
                                        note="演示：与组长评分不同之处见佐证材料" if rng.random() < 0.3 else "",
                                        typed_by="demo-lead")
PHOTOS = [
    ("g4", "", "C3", "（演示）教联体例会记录本", (52, 101, 164)),
    ("g4", "", "C10", "（演示）推门听课评课记录", (78, 154, 6)),
    ("g4", "", "C14", "（演示）师生共同参与的研学活动", (196, 160, 0)),
    ("g4", "g4-s1", "C20", "（演示）镇罗校区问卷回收现场", (117, 80, 123)),
    ("g7", "", "C6", "（演示）音乐教师走教课表", (204, 0, 0)),
    ("gxh", "", "C13", "（演示）特色课程展示墙", (0, 128, 128)),
]


def demo_photo_bytes(label: str, color: tuple[int, int, int], size=(1600, 1200)) -> bytes:
    """A drawn picture standing in for a phone photo, with its caption written on it."""
    import io

    from PIL import Image, ImageDraw, ImageFont

    from inspector_app import paths
    image = Image.new("RGB", size, (236, 236, 230))
    draw = ImageDraw.Draw(image)
    w, h = size
    draw.rectangle([w * 0.08, h * 0.1, w * 0.92, h * 0.62], fill=color)
    for i in range(6):
        x = w * (0.12 + i * 0.13)
        draw.rectangle([x, h * 0.7, x + w * 0.09, h * 0.9], fill=(90, 90, 90))
    font_path = paths.resource_path("fonts", "DroidSansFallbackFull.ttf")
    try:
        font = ImageFont.truetype(str(font_path), 64)
    except OSError:
        font = ImageFont.load_default()
    draw.text((w * 0.12, h * 0.28), label, fill=(255, 255, 255), font=font)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def _demo_photos(store: Store, plan: Plan) -> None:
    import tempfile
    from pathlib import Path

    from inspector_app.store import photo_records as PR
    by_id = {g.id: g for g in groups(store, plan.id)}
    with tempfile.TemporaryDirectory() as tmp:
        for i, (gid, school, code, caption, color) in enumerate(PHOTOS):
            path = Path(tmp) / f"demo-{i}.jpg"
            path.write_bytes(demo_photo_bytes(caption, color))
            result = PR.add_photos(store, plan, by_id[gid], "demo-lead", school, code, [path])
            for photo in result.added:
                PR.set_caption(store, photo.id, caption, "demo-lead")
                PR.set_chosen(store, photo.id, True, "demo-lead")
