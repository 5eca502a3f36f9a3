"""`inspector score RUBRIC ANSWERS`: score an answers file without any database."""
from __future__ import annotations

import argparse

from inspector_app.cli.output import print_json
from inspector_app.numbers import fmt_points
from inspector_app.scoring.answers import AnswersError, load_answers
from inspector_app.scoring.engine import ScoreCard


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("score", help="按指标体系为一份答卷文件计分（格式见 docs/answers-format.md）")
    p.add_argument("rubric", metavar="RUBRIC", help="指标体系编号或文件")
    p.add_argument("answers", metavar="ANSWERS", help="答卷文件（YAML 或 JSON）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_score)


def cmd_score(args) -> int:
    from inspector_app.cli.main import CommandError
    from inspector_app.cli.rubric_cmd import resolve
    rubric = resolve(args.rubric)
    try:
        card = load_answers(args.answers, rubric).card()
    except AnswersError as exc:
        raise CommandError(f"答卷有误:\n{exc}") from exc
    if args.json:
        print_json(card.to_json())
    else:
        print_card(card, rubric)
    return 0


def print_card(card: ScoreCard, rubric) -> None:
    for area in rubric.areas:
        res = next(a for a in card.areas if a.code == area.code)
        print(f"{area.code} {area.title}: {fmt_points(res.points)} / {fmt_points(res.max)}"
              + ("（加分项）" if area.bonus else ""))
        for ind in area.indicators:
            r = card.indicators[ind.code]
            if not r.applicable:
                print(f"  {ind.code}: 不适用")
                continue
            print(f"  {ind.code}: {fmt_points(r.points)} / {fmt_points(r.max)}")
            for line in r.lines:
                print(f"      {line}")
    print()
    if card.composite:
        for label, weight, pct in card.composite:
            print(f"{label}: {fmt_points(pct)}% × 权重 {fmt_points(weight)}")
    print(f"基本分: {fmt_points(card.base)}　加分: {fmt_points(card.bonus)}　总分: {fmt_points(card.total)}")
    for v in card.vetoed:
        print(f"一票否决: {v.text}")
    for v in card.withheld:
        print(f"取消最高等次资格: {v.text}")
    print(f"等次: {card.grade or '—'}" + (f"（{card.grade_note}）" if card.grade_note else ""))
    print(f"已评 {card.done} / {card.count} 项")
