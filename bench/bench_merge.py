"""A bureau merge of many expert bundles: 100 groups × 6 experts, 40 indicators, 7 schools each.

Setup (not timed): a synthetic 40-indicator rubric, a plan, every expert's
entries, and one signed bundle per expert and group, each with its own key.
Timed: merging all bundles into a fresh bureau data folder, with the resident
memory after every hundred; beside it the floor, SHA-256 of the same files.
Goal: under 60 s, memory flat.

    python bench/bench_merge.py [--groups 100] [--experts 6]
"""
from __future__ import annotations

import argparse
import hashlib
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from inspector_app.bundles.export import export_expert  # noqa: E402
from inspector_app.bundles.keys import KeyStore  # noqa: E402
from inspector_app.bundles.merge import merge_file  # noqa: E402
from inspector_app.rubric.loader import load_rubric  # noqa: E402
from inspector_app.scoring.engine import targeted_schools  # noqa: E402
from inspector_app.store import entries as E  # noqa: E402
from inspector_app.store import plans as P  # noqa: E402
from inspector_app.store.db import open_store  # noqa: E402
from inspector_app.store.demo import demo_inputs  # noqa: E402


def synthetic_rubric(folder: Path) -> Path:
    """Five areas of eight indicators (the last of each scored per school), 100 points."""
    lines = ["format: 1", "id: bench-40", 'version: "1"', "title: 基准测试指标（40 项）",
             "source: {seed: none, document: 基准测试, issuer: 基准测试}", "status: complete", "total: 100",
             "grades:", "  - {label: 优秀, min: 85}", "  - {label: 良好, min: 75, max: 85}",
             "  - {label: 合格, min: 60, max: 75}", "  - {label: 不合格, min: 0, max: 60}", "areas:"]
    kinds = ["{type: gate, condition: 已做到}", "{type: proportional}",
             "{type: deduct, deductions: [{key: miss, label: 缺项, points: 0.5}]}", "{type: percentage}"]
    for a in range(5):
        lines += [f"  - code: A{a + 1}", f"    title: 一级指标{a + 1}", "    max: 20", "    indicators:"]
        for i in range(8):
            n = a * 8 + i + 1
            per_school = i == 7
            lines += [f"      - code: C{n}", f"        text: 考核要点 {n}", "        points: 2.5",
                      f"        rule: {kinds[n % len(kinds)]}", "        targets: [lead, members]",
                      "        methods: [查阅资料]", "        evidence: [材料]"]
            if per_school:
                lines.append("        scope: {per_school: mean}")
    path = folder / "bench-40.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--groups", type=int, default=100)
    parser.add_argument("--experts", type=int, default=6)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        rubric = load_rubric(synthetic_rubric(tmp))
        spec = P.PlanSpec(
            title="基准测试考核", school_year="2024—2025", stage="复评",
            groups=[P.GroupSpec(f"集团{g}", [P.SchoolSpec(f"集团{g}学校{s}", "lead" if s == 0 else "member", id=f"g{g}s{s}")
                                           for s in range(7)], id=f"g{g}") for g in range(args.groups)],
            experts=[P.ExpertSpec(f"专家{g}-{e}", "lead" if e == 0 else "member", f"e{g}-{e}",
                                  assignments=[(f"g{g}", "*", "*")])
                     for g in range(args.groups) for e in range(args.experts)], id="bench")
        start = time.perf_counter()
        source = open_store(tmp / "source")
        plan = P.create_plan(source, rubric, spec)
        rng = random.Random(7)
        bundles: list[Path] = []
        out = tmp / "usb"
        for group in P.groups(source, plan.id):
            for e in range(args.experts):
                expert_id = f"{group.id.replace('g', 'e', 1)}-{e}"
                for ind in rubric.indicators:
                    places = [s.id for s in targeted_schools(ind, group.refs)] if ind.scope.per_school else [E.GROUP]
                    for place in places:
                        E.set_entry(source, plan, rubric, group, expert_id, place, ind.code,
                                    inputs=demo_inputs(ind.rule, rng))
                keys = KeyStore(tmp / "keys" / expert_id)
                bundles.append(export_expert(source, keys, plan, group, expert_id, out).path)
                source.conn.execute("DELETE FROM sequences")  # each expert's own laptop starts at 1
                source.conn.commit()
        source.close()
        print(f"setup: {len(bundles)} bundles in {time.perf_counter() - start:.1f} s "
              f"({sum(p.stat().st_size for p in bundles) / 1e6:.1f} MB)")

        start = time.perf_counter()
        for path in bundles:
            hashlib.sha256(path.read_bytes()).hexdigest()
        floor = time.perf_counter() - start

        bureau = open_store(tmp / "bureau")
        bureau_keys = KeyStore(tmp / "bureau")
        with bureau.tx():
            P.store_rubric(bureau, rubric)
        P.create_plan(bureau, rubric, spec)
        for expert_dir in (tmp / "keys").iterdir():
            bureau_keys.trust(KeyStore(expert_dir).own_key().public_key, expert_dir.name)
        memory = [rss_mb()]
        start = time.perf_counter()
        statuses: dict[str, int] = {}
        for i, path in enumerate(bundles, 1):
            status = merge_file(bureau, bureau_keys, path).status
            statuses[status] = statuses.get(status, 0) + 1
            if i % 100 == 0:
                memory.append(rss_mb())
        elapsed = time.perf_counter() - start
        bureau.close()
        print(f"merge of {len(bundles)} expert bundles: {elapsed:.1f} s ({elapsed / len(bundles) * 1000:.1f} ms each)"
              f"   floor (SHA-256 of the same files): {floor:.2f} s   goal: < 60 s")
        print(f"statuses: {statuses}")
        print("resident memory (MB) before and after every 100: " + ", ".join(f"{m:.0f}" for m in memory)
              + "   goal: flat")


if __name__ == "__main__":
    main()
