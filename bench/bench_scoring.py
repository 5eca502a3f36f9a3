"""Rescoring a whole inspection: 002's 21 campuses (five groups) on the 004 rubric.

Prints the time of a full rescore (every indicator of every group, from the
inputs) and of an incremental one (one changed answer), beside the floor: the
same number of bare Decimal additions. Goals: full under 5 ms, incremental
under 1 ms.

    python bench/bench_scoring.py [--repeat 200]
"""
from __future__ import annotations

import argparse
import random
import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import line, timings  # noqa: E402

from inspector_app.rubric.catalog import load_catalog  # noqa: E402
from inspector_app.scoring.engine import SchoolRef, Scorer, targeted_schools  # noqa: E402
from inspector_app.store.demo import ROSTER, demo_inputs  # noqa: E402


def build():
    rubric = load_catalog().get("suizhou-jlt")
    rng = random.Random(1)
    scorers = []
    answers = []
    for gid, _name, gtype, schools in ROSTER:
        refs = [SchoolRef(f"{gid}-{i}", s[0], "lead" if i == 0 else "member") for i, s in enumerate(schools)]
        scorer = Scorer(rubric, refs, gtype)
        group_answers = []
        for ind in rubric.indicators:
            places = [s.id for s in targeted_schools(ind, refs)] if ind.scope.per_school else [None]
            for place in places:
                value = demo_inputs(ind.rule, rng)
                scorer.set_answer(ind.code, value, place)
                group_answers.append((ind.code, value, place))
        scorers.append(scorer)
        answers.append(group_answers)
    return rubric, scorers, answers


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    rubric, scorers, answers = build()
    evaluations = sum(len(a) for a in answers)

    def full():
        for scorer, group_answers in zip(scorers, answers):
            fresh = Scorer(rubric, scorer.schools, scorer.group_type)
            for code, value, place in group_answers:
                fresh.set_answer(code, value, place)
            fresh.card()

    scorer = scorers[1]
    toggle = [Decimal(15), Decimal(18)]

    def incremental():
        toggle.reverse()
        scorer.set_answer("C5", {"ratio.value": toggle[0], "cycle.value": Decimal(100)})
        scorer.card()

    numbers = [Decimal(i) / 7 for i in range(evaluations)]

    def floor():
        total = Decimal(0)
        for n in numbers:
            total += n

    full()
    print(f"{len(scorers)} groups, {sum(len(s.schools) for s in scorers)} campuses, {evaluations} rule evaluations")
    floor_t = timings(floor, args.repeat)
    print(line("full rescore of the inspection", timings(full, args.repeat), floor_t, "< 5 ms"))
    print(line("incremental rescore (one answer)", timings(incremental, args.repeat * 5), floor_t, "< 1 ms"))


if __name__ == "__main__":
    main()
