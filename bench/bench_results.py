"""`inspector results` (workbook + PDF) for a merged city or province, beside its floor.

Data: the bureau after merging every panel bundle of `bench/generate.py`'s world (cached).

Timed, in interleaved rounds after one warm-up of each (imports and fonts loaded once, as in
one command):
- results: `plan_results` (every group's panel score, ranking, flags), the results workbook and
  the PDF summary, as the command writes them;
- floor: the same output by the libraries alone: one query reading every scored entry of the
  plan, xlsxwriter writing every cell value the results workbook holds (read from it beforehand),
  and reportlab laying out the summary's ranking table (the same cell texts, the same Chinese
  font) as a PDF.

Goal: results ≤ 2× the floor.

    python bench/bench_results.py [--size city|province] [--rounds 3]
"""
from __future__ import annotations

import argparse
import io
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import generate as G  # noqa: E402

from inspector_app.numbers import fmt_points  # noqa: E402
from inspector_app.results.from_store import plan_results  # noqa: E402
from inspector_app.results.summary_pdf import write_summary_pdf  # noqa: E402
from inspector_app.typeset.fonts import SONG, register_fonts  # noqa: E402
from inspector_app.results.workbook import write_results_workbook  # noqa: E402
from inspector_app.store import plans as P  # noqa: E402
from inspector_app.store.db import open_store  # noqa: E402


def run_results(data: Path, out: Path) -> float:
    start = time.perf_counter()
    store = open_store(data)
    plan = P.find_plan(store, None)
    results = plan_results(store, plan)
    store.close()
    write_results_workbook(results, out / "结果.xlsx")
    write_summary_pdf(results, out / "公示.pdf")
    return time.perf_counter() - start


def floor_inputs(data: Path, out: Path) -> tuple[list[tuple[str, list[list]]], list[list[str]]]:
    """The workbook's cell values and the summary table's cell texts, taken from one real run."""
    from openpyxl import load_workbook
    run_results(data, out)
    book = load_workbook(out / "结果.xlsx", read_only=True)
    sheets = [(ws.title, [list(r) for r in ws.iter_rows(values_only=True)]) for ws in book.worksheets]
    store = open_store(data)
    results = plan_results(store, P.find_plan(store, None))
    store.close()
    rows = [["排名", "集团", "类型", "核心校", "总分", "等次", "类内排名", "标记"]]
    for r in results.units:
        u = r.unit
        rows.append([str(r.rank), u.name, u.group_type, u.lead_school, fmt_points(u.total), u.grade or "未定",
                     f"{r.class_rank}/{r.class_size}", r.flag_text])
    return sheets, rows


def run_floor(data: Path, out: Path, sheets: list[tuple[str, list[list]]], table: list[list[str]]) -> float:
    import sqlite3
    from xml.sax.saxutils import escape

    import xlsxwriter
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate
    start = time.perf_counter()
    conn = sqlite3.connect(data / "inspector.db")
    rows = conn.execute("SELECT group_id, expert_id, school_id, indicator, points, explanation FROM entries"
                        " WHERE points IS NOT NULL").fetchall()
    conn.close()
    assert rows
    book = xlsxwriter.Workbook(str(out / "floor.xlsx"))
    for title, values in sheets:
        ws = book.add_worksheet(title)
        for r, line in enumerate(values):
            for c, value in enumerate(line):
                if value is not None:
                    ws.write(r, c, value)
    book.close()
    register_fonts()
    style = ParagraphStyle("b", fontName=SONG, fontSize=9, leading=12, wordWrap="CJK")
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=landscape(A4))
    doc.build([LongTable([[Paragraph(escape(c), style) for c in line] for line in table], repeatRows=1)])
    (out / "floor.pdf").write_bytes(buf.getvalue())
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", choices=list(G.SIZES), default="city")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path("/tmp/inspector-bench/work-results"))
    args = parser.parse_args()
    merged = G.merged_bureau(G.build_world(args.size))
    shutil.rmtree(args.work, ignore_errors=True)
    data = args.work / "data"
    shutil.copytree(merged, data, ignore=shutil.ignore_patterns("bundles"))  # the kept bundles are not read
    out = args.work / "out"
    out.mkdir()
    sheets, table = floor_inputs(data, out)  # also the warm-up of the results
    run_floor(data, out, sheets, table)      # and of the floor
    cells = sum(len(v) * max((len(r) for r in v), default=0) for _t, v in sheets)
    print(f"{args.size}: {len(table) - 1} groups; workbook {len(sheets)} sheets, ~{cells} cells")
    results, floors = [], []
    for r in range(args.rounds):
        for what in (("floor", "results") if r % 2 == 0 else ("results", "floor")):
            if what == "floor":
                floors.append(run_floor(data, out, sheets, table))
            else:
                results.append(run_results(data, out))
        print(f"  round {r + 1}: results {results[-1]:.2f} s, floor {floors[-1]:.2f} s, "
              f"ratio {results[-1] / floors[-1]:.2f}", flush=True)
    m, f = statistics.median(results), statistics.median(floors)
    ratios = [a / b for a, b in zip(results, floors)]
    print(f"results median {m:.2f} s (range {min(results):.2f}–{max(results):.2f})")
    print(f"floor   median {f:.2f} s (range {min(floors):.2f}–{max(floors):.2f})")
    print(f"ratio   {m / f:.2f} (rounds {min(ratios):.2f}–{max(ratios):.2f})   goal: ≤ 2")
    shutil.rmtree(args.work, ignore_errors=True)


if __name__ == "__main__":
    main()
