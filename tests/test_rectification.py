"""整改 from the 反馈会 to the 复查 and into next year, on separate laptops (one data folder each).

The panel (a lead scoring alone) finds three problems in 中卫市第四中学教育集团 on 004's rubric and lists
them; the bureau merges the signed panel bundle, prints the 整改通知书 (PDF and Word), records two items
reported fixed with evidence; a 复查 panel of two, working from a recheck package on its own laptops,
confirms one and rejects one; the bureau's 台账 and workbook agree; next year's plan carries the two open
items onto their indicators. Bad input is refused with the field named and changes nothing.

004 C6: "体育、音乐、美术、信息技术、心理健康、生命安全等紧缺学科教师，实行统一管理、打通使用……（5分）。
未建立紧缺学科师资共享，此项不得分。" — a gate: met 5, not met 0.
004 C7: "将教联体内教职工到农村学校、薄弱学校任职任教的经历和表现作为申报中高级教师职称……（5分）。未执行不得分。"
004 C8: "校本培训成员学校全覆盖……（2分）。未建立一体化培训体系，此项不得分。"
"""
from __future__ import annotations

import hashlib
import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from inspector_app.bundles.keys import KeyStore
from inspector_app.cli.main import main
from inspector_app.rubric.catalog import load_catalog
from inspector_app.scoring.engine import targeted_schools
from inspector_app.scoring.school import School
from inspector_app.store.db import open_store
from inspector_app.store.demo import demo_inputs

needs_tools = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")

ROSTER = """\
title: {year}学年集团化办学督导考核（复评）
school_year: {year}
stage: 复评
groups:
  - id: g4
    name: 中卫市第四中学教育集团
    type: 共建型
    schools:
      - {{id: s0, name: 中卫市第四中学教育集团总校, role: lead, kind: 初中}}
      - {{id: s1, name: 中卫市第四中学教育集团镇罗校区, role: member, kind: 初中}}
experts:
  - {{id: lead, name: 张组长, role: lead, key: {key}}}
publication:
  issuing_body: 沙坡头区教育局
  rectification_due: "2024-12-31"
"""
ZERO = {"C6": "met=否", "C7": "met=否", "C8": "met=否"}  # the three problems: each gate not met, 0 points


class Laptops:
    def __init__(self, root: Path, capsys):
        self.root, self.capsys = root, capsys
        self.usb = root / "usb"
        self.usb.mkdir()

    def folder(self, name: str) -> Path:
        return self.root / name

    def run(self, name: str, *words: str) -> int:
        return main(["--data-dir", str(self.folder(name)), *map(str, words)])

    def ok(self, name: str, *words: str) -> str:
        self.capsys.readouterr()
        assert self.run(name, *words) == 0, (name, words, self.capsys.readouterr())
        return self.capsys.readouterr().out

    def refused(self, name: str, *words: str) -> str:
        """The command fails with a message and the laptop's database is unchanged."""
        before = self.digest(name)
        self.capsys.readouterr()
        assert self.run(name, *words) != 0, words
        said = self.capsys.readouterr()
        assert "Traceback" not in said.err
        assert self.digest(name) == before
        return said.err

    def json(self, name: str, *words: str):
        return json.loads(self.ok(name, *words, "--json"))

    def key(self, name: str) -> Path:
        path = self.root / f"{name}.pub"
        self.ok(name, "keys", "export", "--out", path)
        return path

    def join(self, name: str, package: str) -> None:
        """Take a plan package on: held until the bureau's fingerprint is compared, then created."""
        files = sorted(self.usb.glob(package))
        assert files, package
        if self.run(name, "merge", files[-1]) != 0:
            self.ok(name, "keys", "trust", KeyStore(self.folder("bureau")).own_key().fingerprint, "--name", "教育局")
        self.ok(name, "merge", files[-1])

    def digest(self, name: str) -> str:
        store = open_store(self.folder(name))
        tables = [r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                                    " AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        rows = [(t, sorted(map(repr, store.conn.execute(f"SELECT * FROM {t}")))) for t in tables]
        store.close()
        return hashlib.sha256(repr(rows).encode()).hexdigest()


def _text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return "".join(out.split())


def _docx_text(path: Path) -> str:
    from docx import Document
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "".join("".join(parts).split())


def _fonts_embedded(path: Path) -> None:
    rows = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert rows and all(r.split()[-5] == "yes" for r in rows), rows


def _score_all(L: Laptops, name: str, group: str) -> None:
    rubric = load_catalog().get("suizhou-jlt")
    refs = [School("s0", "总校", "lead"), School("s1", "镇罗校区", "member")]
    rng = random.Random(14)
    for ind in rubric.indicators:
        schools = [s.id for s in targeted_schools(ind, refs)] if ind.scope.per_school else [""]
        for school in schools:
            values = [ZERO[ind.code]] if ind.code in ZERO else [
                f"{k}={'是' if v is True else '否' if v is False else v}" for k, v in demo_inputs(ind.rule, rng).items()]
            L.ok(name, "entry", "set", "--group", group, "--indicator", ind.code, *values,
                 *(["--school", school] if school else []))


@needs_tools
def test_rectification_from_the_feedback_meeting_to_next_year(tmp_path, capsys):
    L = Laptops(tmp_path, capsys)
    roster = tmp_path / "roster.yaml"
    roster.write_text(ROSTER.format(year="2024—2025", key=L.key("lead")), encoding="utf-8")
    L.ok("bureau", "plan", "create", "--rubric", "suizhou-jlt", "--roster", roster)
    plan_id = L.json("bureau", "plan", "list")[0]["id"]
    L.ok("bureau", "package", "--out", L.usb)
    L.join("lead", "考核计划-*.zip")

    # The panel scores, finalises, and lists the three problems at the 反馈会.
    _score_all(L, "lead", "g4")
    L.ok("lead", "panel", "finalise", "--group", "g4", "--visit-date", "2024-10-15", "--meeting-date", "2024-10-16")
    L.ok("lead", "panel", "meeting", "--group", "g4", "--held-at", "2024年10月16日 15:00", "--place", "总校会议室")
    L.ok("lead", "rectify", "add", "--group", "g4", "--indicator", "C6", "--school", "镇罗校区",
         "--deadline", "2024-11-30", "--text", "紧缺学科教师未实行统一管理、打通使用", "--person", "执行校长 李某")
    L.ok("lead", "panel", "problem", "--group", "g4", "职称申报未把任职任教经历作为必要条件", "--indicator", "C7",
         "--deadline", "2024-11-30", "--unit", "集团总校")
    L.ok("lead", "rectify", "add", "--group", "g4", "--indicator", "C8", "--school", "s0", "--text",
         "校本培训未覆盖成员学校", "--area", "教师培训")  # no deadline: the plan's 整改报告 date

    # Bad input is refused with the field named, and nothing changes.
    assert "Z99" in L.refused("lead", "rectify", "add", "--group", "g4", "--indicator", "Z99", "--text", "x")
    assert "郭滩" in L.refused("lead", "rectify", "add", "--group", "g4", "--indicator", "C6", "--school", "郭滩校区",
                             "--text", "x")
    said = L.refused("lead", "rectify", "add", "--group", "g4", "--indicator", "C6", "--deadline", "2024-10-01",
                     "--text", "x")
    assert "2024-10-01" in said and "考核日期 2024-10-15" in said
    items = L.json("lead", "rectify", "list", "--group", "g4")
    assert len(items) == 3
    by_code = {i["indicators"][0]: i for i in items}
    assert by_code["C8"]["deadline"] == "2024-12-31" and by_code["C8"]["area"] == "教师培训"
    assert by_code["C6"]["area"] == "师资共育"  # 004 A2 师资共育, the 一级指标 of C6
    said = L.refused("lead", "rectify", "update", by_code["C6"]["id"], "--status", "修好了", "--reason", "x")
    assert all(word in said for word in ("未整改", "整改中", "已整改", "复查通过", "复查未通过"))
    L.ok("lead", "panel", "export", "--group", "g4", "--out", L.usb)

    # The bureau merges the signed panel bundle: items and the 反馈会 record arrive with it.
    L.ok("bureau", "merge", *L.usb.glob("专家组-*.zip"))
    at_bureau = L.json("bureau", "rectify", "list", "--group", "g4", "--as-of", "2024-10-20")
    assert sorted(i["id"] for i in at_bureau) == sorted(i["id"] for i in items)
    L.ok("bureau", "merge", *L.usb.glob("专家组-*.zip"))  # a repeat changes nothing
    assert len(L.json("bureau", "rectify", "list")) == 3

    # The 整改通知书, in PDF and Word.
    pdf, docx = tmp_path / "通知书.pdf", tmp_path / "通知书.docx"
    L.ok("bureau", "rectify", "notice", "--group", "g4", "--out", pdf, "--date", "2024-10-20")
    L.ok("bureau", "rectify", "notice", "--group", "g4", "--out", docx, "--date", "2024-10-20")
    _fonts_embedded(pdf)
    for text in (_text(pdf), _docx_text(docx)):
        for words in ("整改通知书", "沙坡头区教育局", "紧缺学科教师未实行统一管理", "C6", "C7", "C8", "镇罗校区",
                      "2024年11月30日", "2024年12月31日前", "书面整改报告", "2024年10月15日", "2024年10月20日"):
            assert words in text, words

    # Two are reported fixed, with evidence (a document and a photo), each change with who, when and why.
    report = tmp_path / "整改报告.pdf"
    shutil.copy(pdf, report)
    photo = tmp_path / "走教安排.png"
    from PIL import Image
    Image.new("RGB", (40, 30), (200, 120, 40)).save(photo)
    for code in ("C6", "C7"):
        L.ok("bureau", "rectify", "update", by_code[code]["id"], "--status", "已整改", "--reason", "收到整改报告",
             "--response", f"{code} 已制定制度并执行", "--evidence", report, "--evidence", photo, "--on", "2024-11-20")
    assert "docx" in L.refused("bureau", "rectify", "update", by_code["C8"]["id"], "--status", "整改中",
                               "--reason", "x", "--evidence", tmp_path / "x.docx")
    shown = L.json("bureau", "rectify", "show", by_code["C6"]["id"])
    assert [e["name"] for e in shown["evidence"]] == ["整改报告.pdf", "走教安排.png"]
    change = shown["history"][-2]
    assert change["actor"] == "沙坡头区教育局" and change["reason"] == "收到整改报告" and change["on"] == "2024-11-20"
    assert change["fields"]["status"] == "已整改" and change["fields"]["old_status"] == "未整改"

    # The 复查 panel: a package with only what is open, its own keys, its own laptops.
    L.ok("bureau", "package", "--recheck", "--out", L.usb, "--rescore",
         "--expert", f"孙复查:lead:{L.key('sun')}", "--expert", f"周专家:{L.key('zhou')}")
    for name in ("sun", "zhou"):
        L.join(name, "考核计划-*复查*.zip")
    recheck = L.json("sun", "plan", "show")
    assert recheck["plan"]["stage"] == "复查"
    assert [s["id"] for g in recheck["groups"] for s in g["schools"]] == ["s0", "s1"]
    assert {tuple(a) for e in recheck["experts"] for a in e["assignments"]} == {("g4", "*", c) for c in ZERO}
    there = L.json("sun", "rectify", "list")
    assert len(there) == 3 and {e["name"] for e in there[0]["evidence"] + there[1]["evidence"]} >= {"整改报告.pdf"}
    L.ok("zhou", "entry", "set", "--group", "g4", "--indicator", "C6", "met=是")  # 5 points: sharing now in place
    L.ok("zhou", "export", "--out", L.usb / "zhou")
    L.ok("sun", "merge", *(L.usb / "zhou").glob("*.zip"))
    L.ok("sun", "rectify", "update", by_code["C6"]["id"], "--status", "复查通过", "--reason", "走教记录齐全")
    L.ok("sun", "rectify", "update", by_code["C7"]["id"], "--status", "复查未通过", "--reason", "申报文件未修订")
    assert "组长" in L.refused("zhou", "rectify", "update", by_code["C7"]["id"], "--status", "复查通过",
                             "--reason", "x")  # a member records no verdict
    out = tmp_path / "复查报告.pdf"
    L.ok("sun", "rectify", "report", "--group", "g4", "--out", out)
    text = _text(out)
    assert "复查通过1项，复查未通过1项" in text and "已整改到位的问题" in text
    assert "申报文件未修订" in text and "复查组组长（签字）孙复查" in text  # the verdict's reason, the lead who signs
    assert "紧缺学科教师未实行统一管理" in text and "职称申报未把任职任教经历作为必要条件" in text
    L.ok("sun", "panel", "export", "--group", "g4", "--out", L.usb / "sun")
    L.ok("bureau", "merge", *(L.usb / "sun").glob("专家组-*.zip"))

    # The bureau's 台账 and workbook agree; the 整改 column counts them.
    ledger = L.json("bureau", "rectify", "list", "--as-of", "2025-01-10")
    status = {r["indicators"][0]: r["status"] for r in ledger}
    assert status == {"C6": "复查通过", "C7": "复查未通过", "C8": "未整改"}
    assert [r["indicators"][0] for r in ledger] == ["C7", "C8", "C6"]  # overdue first, then by deadline
    assert [r["overdue"] for r in ledger] == [True, True, False]
    c6 = next(r for r in ledger if r["indicators"] == ["C6"])
    assert c6["recheck_points"] == {"C6": "5"} and not c6["overdue"]
    workbook = tmp_path / "结果.xlsx"
    L.ok("bureau", "results", "--plan", plan_id, "--out", workbook)
    [group] = L.json("bureau", "results", "--plan", plan_id)["groups"]
    assert group["rectification"]["items"] == 3 and group["rectification"]["rejected"] == 1
    from openpyxl import load_workbook
    book = load_workbook(workbook, read_only=True)
    rows = list(book["整改台账"].iter_rows(values_only=True))
    head = next(i for i, r in enumerate(rows) if r and r[0] == "编号")
    table = [dict(zip(rows[head], r)) for r in rows[head + 1:] if r and r[0]]
    assert {r["编号"]: r["状态"] for r in table} == {r["id"]: r["status"] for r in ledger}
    ranking = list(book.worksheets[0].iter_rows(values_only=True))
    head = next(i for i, r in enumerate(ranking) if r and "集团" in r)
    row = dict(zip(ranking[head], next(r for r in ranking[head + 1:] if r and "中卫市第四中学教育集团" in r)))
    assert row["整改"].startswith("3 项") and "复查未通过 1" in row["整改"]

    # Next year: the open items carried into the plan, onto their indicators, for the panel.
    roster2 = tmp_path / "roster2.yaml"
    roster2.write_text(ROSTER.format(year="2025—2026", key=L.key("next")), encoding="utf-8")
    said = L.ok("bureau", "plan", "create", "--rubric", "suizhou-jlt", "--roster", roster2, "--previous", plan_id)
    assert "2 项" in said
    for old in L.usb.glob("考核计划-*.zip"):
        old.unlink()
    next_id = next(p["id"] for p in L.json("bureau", "plan", "list") if p["title"].startswith("2025"))
    L.ok("bureau", "package", "--plan", next_id, "--out", L.usb)
    L.join("next", "考核计划-*.zip")
    store = open_store(L.folder("next"))
    from inspector_app.store import rectification as R
    assert [i.status for i in R.carried_items(store, next_id, "g4", "C7")] == ["复查未通过"]
    assert [i.status for i in R.carried_items(store, next_id, "g4", "C8")] == ["未整改"]
    assert R.carried_items(store, next_id, "g4", "C6") == []
    store.close()
    paper = tmp_path / "next.pdf"
    L.ok("next", "report", "--group", "g4", "--out", paper)
    text = _text(paper)
    assert "上年整改事项落实情况" in text and "校本培训未覆盖成员学校" in text and "紧缺学科教师" not in text
