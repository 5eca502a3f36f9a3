"""Answers as written travel in bundles unchanged: an expert's 15/60, 是, 3.5分, 不适用, override and register
reach the panel lead's laptop as typed and score the same there."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from inspector_app.cli.main import main

ROSTER = """\
title: 2023—2024学年集团化办学督导考核（复评）
school_year: 2023—2024
stage: 复评
groups:
  - id: g4
    name: 中卫市第四中学教育集团
    type: 共建型
    schools:
      - {id: s0, name: 中卫市第四中学教育集团总校, role: lead, kind: 初中}
      - {id: s1, name: 中卫市第四中学教育集团镇罗校区, role: member, kind: 初中}
experts:
  - {id: lead, name: 张组长, role: lead, key: lead.pub}
  - {id: x1, name: 李专家, key: x1.pub}
"""


def run(folder: Path, *args: str) -> int:
    return main(["--data-dir", str(folder), *args])


def test_written_forms_survive_the_bundle(tmp_path, capsys):
    folders = {name: tmp_path / name for name in ("bureau", "lead", "x1")}
    for name in ("lead", "x1"):
        assert run(folders[name], "keys", "export", "--out", str(tmp_path / f"{name}.pub")) == 0
    (tmp_path / "roster.yaml").write_text(ROSTER, encoding="utf-8")
    assert run(folders["bureau"], "plan", "create", "--rubric", "suizhou-jlt", "--roster",
               str(tmp_path / "roster.yaml")) == 0
    usb = tmp_path / "usb"
    assert run(folders["bureau"], "package", "--out", str(usb)) == 0
    package = next(usb.glob("考核计划-*.zip"))
    from inspector_app.bundles.keys import KeyStore
    bureau_fp = KeyStore(folders["bureau"]).own_key().fingerprint
    for name in ("lead", "x1"):
        assert run(folders[name], "merge", str(package)) == 1  # the bureau's key is not trusted yet
        assert run(folders[name], "keys", "trust", bureau_fp, "--name", "教育局") == 0
        assert run(folders[name], "merge", str(package)) == 0
    x1 = folders["x1"]
    # 004 C5: 15 of 60 teachers exchanged (25% ≥ 20% → 8) and the cycle 是 (2): 10
    assert run(x1, "entry", "set", "--group", "g4", "--indicator", "C5", "ratio.value=15/60", "cycle.value=是") == 0
    # 004 C9: no rural school in this group
    assert run(x1, "entry", "set", "--group", "g4", "--indicator", "C9", "met=不适用") == 0
    # 004 C1: everything present (5 by the file) but the panel reads “缺一项扣0.5分” over all five points
    assert run(x1, "entry", "set", "--group", "g4", "--indicator", "C1", "charter.missing=0", "unity.met=是",
               "morale.met=是", "parents.value=80%", "party.met=是", "override=4.5",
               "override_reason=党建工作记录缺一项") == 0
    # 004 C15 from the register: 书法 city then provincial → provincial once = 2
    for level, year in (("市级", "2022"), ("省级", "2023")):
        assert run(x1, "register", "add", "--group", "g4", "--indicator", "C15", "--name", "书法特色项目",
                   "--level", level, "--year", year) == 0
    assert run(x1, "entry", "set", "--group", "g4", "--indicator", "C15", "--from-register") == 0
    assert run(x1, "export", "--out", str(tmp_path / "out")) == 0
    bundle = next((tmp_path / "out").glob("*.zip"))
    assert run(folders["lead"], "merge", str(bundle)) == 0
    capsys.readouterr()
    assert run(folders["lead"], "entry", "show", "--group", "g4", "--indicator", "C5", "--expert", "x1", "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["inputs"] == {"ratio.value": "15/60", "cycle.value": "是"} and shown["points"] == "10"
    assert run(folders["lead"], "panel", "score", "--group", "g4", "--json") == 0
    card = json.loads(capsys.readouterr().out)
    card = card.get("result", card)
    by_code = {i["code"]: i for i in card["indicators"]}
    assert by_code["C5"]["points"] == "10"
    assert by_code["C9"]["applicable"] is False
    assert by_code["C1"]["points"] == "4.5" and by_code["C1"]["overridden"]
    assert "党建工作记录缺一项" in by_code["C1"]["overrides"][0]["reason"]
    assert by_code["C15"]["points"] == "2"
    # The report and the 合议记录 show the override with its reason (and the figure the rule gives).
    from tests.pdf_checks import pdftotext
    report, record = tmp_path / "report.pdf", tmp_path / "record.pdf"
    assert run(folders["lead"], "report", "--group", "g4", "--out", str(report)) == 0
    assert run(folders["lead"], "report", "--group", "g4", "--record", "--out", str(record)) == 0
    flat = "".join(pdftotext(report).split())
    assert "考核组改定为4.5分（按计分办法为5分）；理由：党建工作记录缺一项" in flat
    flat = "".join(pdftotext(record).split())
    assert "李专家改定得分：按计分办法5分，改定为4.5分；理由：党建工作记录缺一项" in flat
    # and in the 合议记录 as Word
    import docx
    record_docx = tmp_path / "record.docx"
    assert run(folders["lead"], "report", "--group", "g4", "--record", "--out", str(record_docx)) == 0
    cells = "".join("".join(c.text.split()) for t in docx.Document(str(record_docx)).tables for r in t.rows
                    for c in r.cells)
    assert "李专家改定得分：按计分办法5分，改定为4.5分；理由：党建工作记录缺一项" in cells


def test_report_of_two_experts_gives_the_override_beside_the_rule_figure(data_dir):
    # 004 C1 (5分): both experts find everything present (5 by the file); 专家乙 reads “缺一项扣0.5分” over all
    # five points and gives 4.5 with a reason. Mean 4.75; the unit's report names no expert.
    from inspector_app.reports.from_store import report_data
    from inspector_app.store import entries as E
    from inspector_app.store.db import open_store
    from store_helpers import small_plan
    store = open_store(data_dir)
    plan, rubric, group = small_plan(store)
    full = {"charter.missing": 0, "unity.met": "是", "morale.met": "是", "parents.value": "80%", "party.met": "是"}
    E.set_entry(store, plan, rubric, group, "e0", "", "C1", inputs=full)
    E.set_entry(store, plan, rubric, group, "e1", "", "C1",
                inputs=full | {"override": "4.5", "override_reason": "党建工作记录缺一项"})
    data = report_data(store, plan, group)
    lines = data.explanations["C1"]
    assert "考核组合议得分 4.75" in lines
    assert "专家改定得分：按计分办法 5 分，改定为 4.5 分；理由：党建工作记录缺一项" in lines
    assert not any("专家乙" in line for line in lines)
    [place] = [p for p in data.places if p.indicator == "C1"]
    assert "专家乙 改定得分：按计分办法 5 分，改定为 4.5 分；理由：党建工作记录缺一项" in place.remarks
    store.close()
