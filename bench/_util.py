"""Small helpers shared by the benchmarks: timing and percentiles."""
from __future__ import annotations

import statistics
import time
from typing import Callable


def timings(fn: Callable[[], object], repeat: int) -> list[float]:
    """Wall time of each call, in milliseconds."""
    result = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        result.append((time.perf_counter() - start) * 1000)
    return result


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def line(label: str, values: list[float], floor: list[float] | None = None, goal: str = "") -> str:
    text = f"{label:<44} p50 {statistics.median(values):8.3f} ms  p99 {pct(values, 99):8.3f} ms"
    if floor:
        text += f"   floor p50 {statistics.median(floor):7.3f} ms"
    if goal:
        text += f"   goal: {goal}"
    return text
