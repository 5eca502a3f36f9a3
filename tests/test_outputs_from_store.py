"""The demo's report and results, produced from the store on the command line, show the core's numbers."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from inspector_app.cli.main import main
from inspector_app.numbers import fmt_points
from inspector_app.store.consensus import panel_scorer
from inspector_app.store.db import open_store
from inspector_app.store.demo import make_demo
from inspector_app.store.plans import get_group, plan_rubric

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")


@pytest.fixture
def demo(data_dir):
    store = open_store(data_dir)
    plan = make_demo(store)
    group = get_group(store, plan.id, "g4")
    card = panel_scorer(store, plan, plan_rubric(store, plan), group).card()
    store.close()
    return card


@needs_poppler
def test_demo_report_shows_the_core_numbers(demo, tmp_path):
    out = tmp_path / "report.pdf"
    assert main(["report", "--group", "g4", "--out", str(out)]) == 0
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert fmt_points(demo.total) in text
    assert demo.grade in text
    for area in demo.areas:
        assert fmt_points(area.points) in text
    assert "中卫市第四中学教育集团" in text and "演示" in text
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(" yes " in row for row in rows)
    pages = subprocess.run(["pdftoppm", "-r", "20", "-png", str(out), str(tmp_path / "p")], capture_output=True)
    assert pages.returncode == 0
    assert len(list(tmp_path.glob("p-*.png"))) >= 3


@needs_poppler
def test_score_sheet_for_one_expert(demo, tmp_path):
    out = tmp_path / "sheet.pdf"
    assert main(["report", "--group", "g4", "--sheet", "李静", "--out", str(out)]) == 0
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "评分表" in text and "李静" in text


def test_results_workbook_from_the_demo(data_dir, tmp_path):
    """Only a finalised (定稿) group is ranked: 兴仁 in the demo; 第四中学 still has disagreements to settle."""
    from decimal import Decimal

    from openpyxl import load_workbook
    store = open_store(data_dir)
    plan = make_demo(store)
    finalised = panel_scorer(store, plan, plan_rubric(store, plan), get_group(store, plan.id, "gxr")).card()
    store.close()
    out = tmp_path / "results.xlsx"
    assert main(["results", "--out", str(out)]) == 0
    sheet = load_workbook(out, read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    name_col = header.index("集团")
    total_col = header.index("总分")
    row = next(r for r in rows[1:] if r[name_col] == "中卫市兴仁教育集团")
    assert isinstance(row[total_col], (int, float))  # a number, not text
    assert fmt_points(finalised.total) == fmt_points(Decimal(str(row[total_col])))
    unfinished = [r for r in rows[1:] if r[name_col] == "中卫市第四中学教育集团"]
    assert all(not isinstance(r[total_col], (int, float)) for r in unfinished)  # never given a ranked total


def _self_plan(store, self_scores: dict[str, str]):
    """The store helpers' 第四中学 plan (004 rubric, nothing scored by the panel) with the given self-scores."""
    from inspector_app.rubric.catalog import load_catalog
    from inspector_app.store import plans as P
    from tests.store_helpers import ROSTER
    spec = P.PlanSpec(title="自评测试", school_year="2023—2024", stage="复评",
                      groups=[P.GroupSpec("中卫市第四中学教育集团", [P.SchoolSpec(n, r, k, id=f"s{i}")
                                                                 for i, (n, r, k) in enumerate(ROSTER)],
                                          group_type="共建型", id="g4", self_scores=self_scores)],
                      experts=[P.ExpertSpec("专家甲", "lead", "e0")])
    return P.create_plan(store, load_catalog().get("suizhou-jlt"), spec)


def _self_row(data_dir, tmp_path, name: str) -> tuple[list[str], str, list[str]]:
    """The 单位自评 row of the feedback report (PDF, by layout) and of the Word report, and the PDF's text."""
    import docx
    pdf, word = tmp_path / f"{name}.pdf", tmp_path / f"{name}.docx"
    assert main(["--data-dir", str(data_dir), "report", "--group", "g4", "--out", str(pdf)]) == 0
    assert main(["--data-dir", str(data_dir), "report", "--group", "g4", "--out", str(word)]) == 0
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    row = next(line for line in text.splitlines() if line.strip().startswith("单位自评")).split()
    cells = next([c.text for c in r.cells] for t in docx.Document(str(word)).tables for r in t.rows
                 if r.cells[0].text == "单位自评")
    return row, "".join(text.split()), cells


def _self_rates(name: str, tmp_path) -> dict[str, str]:
    """The 自评 column of the Word report's area table, by area code."""
    import docx
    table = next(t for t in docx.Document(str(tmp_path / f"{name}.docx")).tables
                 if t.rows[0].cells[0].text == "一级指标")
    return {r.cells[0].text.split()[0]: r.cells[-1].text for r in table.rows[1:] if r.cells[0].text[:1] == "A"}


@needs_poppler
def test_a_partial_self_evaluation_is_not_graded(data_dir, tmp_path):
    """Two self-scores of 23 (C5 9 of 10, C6 5 of 5, both in A2 of max 30): 9 + 5 = 14, a running total. Graded as
    a whole it would read 不合格 (004: below 60); with 21 indicators unscored it is 暂计 14 and no grade."""
    store = open_store(data_dir)
    _self_plan(store, {"C5": "9", "C6": "5"})
    store.close()
    row, flat, cells = _self_row(data_dir, tmp_path, "partial")
    assert row == ["单位自评", "暂计", "14", "—", "—"], row
    assert cells == ["单位自评", "暂计 14", "—", "—"], cells
    assert "单位自评只填了2项指标的自评分（缺21项），自评总分为暂计，不评等次" in flat
    assert "考核组总分比自评" not in flat
    # A2 (C4–C9) has four of its six self-scores missing: 14 of 30 (46.7%) would read as its self-rate; none is given
    assert set(_self_rates("partial", tmp_path).values()) == {"—"}


@needs_poppler
def test_a_complete_self_evaluation_is_graded(data_dir, tmp_path):
    """Every indicator self-scored at its maximum but C5 (0 of 10) and C14 (0 of 8), no bonus (C21–C23 0):
    100 − 10 − 8 = 82, in 004's [75, 85): 良好."""
    from inspector_app.rubric.catalog import load_catalog
    rubric = load_catalog().get("suizhou-jlt")
    scores = {i.code: ("0" if i.code in ("C5", "C14", "C21", "C22", "C23") else str(i.points))
              for i in rubric.indicators}
    store = open_store(data_dir)
    _self_plan(store, scores)
    store.close()
    row, flat, cells = _self_row(data_dir, tmp_path, "complete")
    assert row == ["单位自评", "82", "良好", "—"], row
    assert cells == ["单位自评", "82", "良好", "—"], cells
    assert "考核组总分比自评低82分" in flat  # the panel has scored nothing yet: 0
    rates = _self_rates("complete", tmp_path)
    # A2 师资共育 C4–C9, 30 points, C5 at 0 of 10: 20 / 30 = 66.7%; A3 C10–C15, 30 points, C14 at 0 of 8: 22 / 30
    assert rates["A2"] == "66.7%" and rates["A3"] == "73.3%" and rates["A1"] == "100%", rates
