"""`inspector results` lists the ranking on screen (排名 first, a header row) and writes CSV that Excel opens."""
from __future__ import annotations

import csv
import json

import pytest

from inspector_app.cli.main import main


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    data = tmp_path_factory.mktemp("demo")
    assert main(["--data-dir", str(data), "demo"]) == 0
    return data


def test_results_without_out_prints_a_table_with_a_header(demo, capsys):
    capsys.readouterr()
    assert main(["--data-dir", str(demo), "results", "--json"]) == 0
    groups = json.loads(capsys.readouterr().out)["groups"]
    assert main(["--data-dir", str(demo), "results"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:4] == ["排名", "集团", "总分", "等次"]
    assert len(lines) == 1 + len(groups)
    ranked = [g for g in groups if g["status"] == "finalised"]
    first = lines[1].split()
    assert first[0] == str(ranked[0]["rank"]) and first[1] == ranked[0]["name"] and first[2] == ranked[0]["total"]


def test_csv_is_utf8_with_bom_and_the_same_rows(demo, tmp_path, capsys):
    out = tmp_path / "结果.csv"
    assert main(["--data-dir", str(demo), "results", "--csv", str(out)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][0] == "排名"
    capsys.readouterr()
    main(["--data-dir", str(demo), "results", "--json"])
    groups = json.loads(capsys.readouterr().out)["groups"]
    assert sorted(r[1] for r in rows[1:]) == sorted(g["name"] for g in groups)


def test_unfinished_groups_are_listed_in_the_workbook_and_the_notice(demo, tmp_path, capsys):
    import subprocess

    import openpyxl
    capsys.readouterr()
    main(["--data-dir", str(demo), "results", "--json"])
    unfinished = [g for g in json.loads(capsys.readouterr().out)["groups"] if g["status"] == "unfinished"]
    assert unfinished
    xlsx, pdf = tmp_path / "结果.xlsx", tmp_path / "公示.pdf"
    assert main(["--data-dir", str(demo), "results", "--out", str(xlsx), "--pdf", str(pdf)]) == 0
    sheet = openpyxl.load_workbook(xlsx)["未完成"]
    listed = {row[1]: row for row in sheet.iter_rows(values_only=True) if row[3] == "未完成"}
    assert set(listed) == {g["name"] for g in unfinished}
    for g in unfinished:
        assert listed[g["name"]][4] == f"已评 {g['done']}/{g['count']} 项"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = "".join(text.split())
    for g in unfinished:
        assert f"{g['name']}（未完成，已评{g['done']}/{g['count']}项）" in flat
