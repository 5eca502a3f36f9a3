"""Rescoring: 002's 21 campuses (five groups) on the 004 rubric, and the large group (30 schools
on the 000 rubric, every indicator scored per school).

Prints the time of a full rescore (every indicator of every group, from the inputs, as on opening
a group) and of an incremental one (one changed answer), beside the floor measured in the same run,
interleaved: the rules alone (each rule scoring the same inputs, with no engine around it).
Median, range and the ratio to the floor. Goals: full within 2× the rules, incremental under 1 ms.

    python bench/bench_scoring.py [--repeat 200]
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import timings  # noqa: E402

from inspector_app.rubric.catalog import load_catalog  # noqa: E402
from inspector_app.scoring.engine import Scorer, targeted_schools
from inspector_app.scoring.school import School
from inspector_app.store.demo import ROSTER, demo_inputs  # noqa: E402


def build(rubric_id: str, roster):
    rubric = load_catalog().get(rubric_id)
    rng = random.Random(1)
    scorers = []
    answers = []
    for gid, _name, gtype, schools in roster:
        refs = [School(f"{gid}-{i}", s[0], "lead" if i == 0 else "member") for i, s in enumerate(schools)]
        scorer = Scorer(rubric, refs, gtype)
        group_answers = []
        for ind in rubric.indicators:
            if not ind.applies_to(gtype):
                continue
            places = [s.id for s in targeted_schools(ind, refs)] if ind.scope.per_school else [None]
            for place in places:
                value = ind.rule.normalise(demo_inputs(ind.rule, rng))
                group_answers.append((ind.code, place, value))
        scorer.load_answers(group_answers)
        scorers.append(scorer)
        answers.append(group_answers)
    return rubric, scorers, answers


def interleaved(fns: dict, repeat: int) -> dict[str, list[float]]:
    times = {name: [] for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            times[name] += timings(fn, 1)
    return times


def report(label: str, times: list[float], floor: list[float], goal: str) -> None:
    m, f = statistics.median(times), statistics.median(floor)
    print(f"{label:<40} median {m:8.3f} ms (range {min(times):.3f}–{max(times):.3f})   "
          f"floor {f:7.3f} ms   ratio {m / f:5.2f}   goal: {goal}")


def case(title: str, rubric_id: str, roster, repeat: int, code: str) -> None:
    rubric, scorers, answers = build(rubric_id, roster)
    evaluations = sum(len(a) for a in answers)
    indicators = {i.code: i for i in rubric.indicators}

    def full():
        for scorer, group_answers in zip(scorers, answers):
            fresh = Scorer(rubric, scorer.schools, scorer.group_type)
            fresh.load_answers(group_answers)
            fresh.card()

    def rules():  # the floor: each rule scoring the same inputs
        for group_answers in answers:
            for c, _place, value in group_answers:
                indicators[c].rule.score(value)

    scorer, group_answers = scorers[0], answers[0]
    one = [a for a in group_answers if a[0] == code][-1]  # (code, school, inputs)

    def incremental():
        scorer.set_answer(one[0], one[2], one[1])
        scorer.card()

    def one_rule():
        indicators[one[0]].rule.score(one[2])

    full()
    print(f"{title}: {len(scorers)} groups, {sum(len(s.schools) for s in scorers)} schools, "
          f"{evaluations} rule evaluations")
    t = interleaved({"full": full, "rules": rules}, repeat)
    report("  full rescore (as on opening)", t["full"], t["rules"], "≤ 2× the rules")
    t = interleaved({"inc": incremental, "rule": one_rule}, repeat * 5)
    report(f"  incremental (one answer of {one[0]})", t["inc"], t["rule"], "< 1 ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    case("002 on the 004 rubric", "suizhou-jlt", ROSTER, args.repeat, "C5")
    kinds = ["小学", "初中", "九年制"]
    large = [("big", "安康市大型教育集团", "一体型",
              [(f"安康市大型教育集团第{s + 1}校", kinds[s % 3]) for s in range(30)])]
    case("large group on the 000 rubric", "ankang-2022", large, max(10, args.repeat // 10), "18")


if __name__ == "__main__":
    main()
