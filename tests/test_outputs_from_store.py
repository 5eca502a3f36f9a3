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
