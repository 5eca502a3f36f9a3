"""The results workbook printed through LibreOffice: no text below 8 pt, one decimals count per column, signs stated."""
from __future__ import annotations

import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from inspector_app.cli.main import main
from inspector_app.results.workbook import SIGNS
from inspector_app.store.db import open_store
from inspector_app.store.demo import make_demo

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                                reason="LibreOffice and poppler-utils are needed to print the workbook")


def _print(xlsx: Path, outdir: Path) -> Path:
    profile = (outdir / "lo-profile").resolve().as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(outdir), str(xlsx)], check=True, capture_output=True, timeout=240)
    return outdir / (xlsx.stem + ".pdf")


def _word_heights(pdf: Path) -> list[tuple[float, str]]:
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return [(float(m[3]) - float(m[1]), m[4]) for m in
            re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', out)]


def test_printed_workbook_has_no_text_below_8_pt(data_dir, tmp_path):
    store = open_store(data_dir)
    make_demo(store)
    store.close()
    xlsx = tmp_path / "结果.xlsx"
    assert main(["results", "--out", str(xlsx)]) == 0
    # The yardstick: the same font at 8 pt, printed by the same LibreOffice at 100 %.
    ruler = tmp_path / "ruler.xlsx"
    wb = xlsxwriter.Workbook(str(ruler))
    ws = wb.add_worksheet()
    ws.write_string(0, 0, "集团2023—2024学年 12.5", wb.add_format({"font_size": 8}))
    wb.close()
    floor = min(h for h, _ in _word_heights(_print(ruler, tmp_path)))
    heights = _word_heights(_print(xlsx, tmp_path))
    assert heights
    small = [(round(h, 2), w) for h, w in heights if h < floor - 0.05]
    assert small == [], f"printed below 8 pt (8 pt is {floor:.2f} high): {small[:5]}"


def test_workbook_columns_signs_and_plan(data_dir, tmp_path):
    store = open_store(data_dir)
    make_demo(store)
    store.close()
    xlsx = tmp_path / "结果.xlsx"
    assert main(["results", "--out", str(xlsx)]) == 0
    wb = openpyxl.load_workbook(xlsx)
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape"
        assert (ws.page_setup.scale or 100) >= 73  # 11 pt × 73 % = 8 pt
        assert "2023—2024学年" in ws.oddHeader.left.text and "沙坡头区" in ws.oddHeader.center.text
        for col in ws.iter_cols(min_row=2):
            formats = {c.number_format for c in col if isinstance(c.value, (int, float)) and not isinstance(c.value, bool)}
            decimals = {len(f.split(".")[1].split(";")[0]) if "." in f else 0 for f in formats}
            assert len(decimals) <= 1, (ws.title, col[0].column_letter, formats)
    diffs = wb["自评差异"]
    assert diffs.cell(1, 7).value == "差值（考核组−自评）" and SIGNS in diffs.oddHeader.right.text
    for row in diffs.iter_rows(min_row=2, values_only=True):
        if row[0] is not None:
            assert Decimal(str(row[6])) == Decimal(str(row[5])) - Decimal(str(row[4]))  # panel − self
    summary = [c.value for c in wb["排名汇总"][1]]
    assert {"上年总分", "上年等次", "上年排名"} <= set(summary)
