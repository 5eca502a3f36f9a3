"""A plan corrected after it went out: the bureau amends it, the next plan package carries the amendment,
and a laptop that already has scores applies it keeping every entry — or refuses it, changing nothing,
when it would leave something recorded without its school."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from inspector_app.bundles.keys import KeyStore
from inspector_app.cli.main import main
from test_bundle_chain import ROSTER, db_digest, run


def _entries(folder: Path) -> list[tuple]:
    with sqlite3.connect(folder / "inspector.db") as conn:
        return conn.execute("SELECT group_id, expert_id, school_id, indicator, inputs, points FROM entries"
                            " ORDER BY 1, 2, 3, 4").fetchall()


def _show(folder: Path, capsys) -> dict:
    capsys.readouterr()
    assert run(folder, "plan", "show", "--json") == 0
    return json.loads(capsys.readouterr().out)


def _package(bureau: Path, usb: Path) -> Path:
    before = set(usb.glob("考核计划-*.zip"))
    assert run(bureau, "package", "--out", str(usb)) == 0
    (made,) = set(usb.glob("考核计划-*.zip")) - before
    return made


@pytest.fixture
def laptops(tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    folders = {n: tmp_path / n for n in ("bureau", "lead", "x1", "x2", "x3", "x1-new")}
    for name in ("lead", "x1", "x2", "x3", "x1-new"):
        assert run(folders[name], "keys", "export", "--name", name, "--out", str(tmp_path / f"{name}.pub")) == 0
    (tmp_path / "roster.yaml").write_text(ROSTER, encoding="utf-8")
    assert run(folders["bureau"], "plan", "create", "--rubric", "suizhou-jlt", "--roster",
               str(tmp_path / "roster.yaml")) == 0
    first = _package(folders["bureau"], usb)
    bureau_fp = KeyStore(folders["bureau"]).own_key().fingerprint
    for name in ("lead", "x1"):
        assert run(folders[name], "merge", str(first)) == 1  # held until the bureau's fingerprint is compared
        assert run(folders[name], "keys", "trust", bureau_fp, "--name", "教育局") == 0
        assert run(folders[name], "merge", str(first)) == 0
    # 004 C6 “未建立紧缺学科师资共享，此项不得分”; C20 is scored school by school.
    assert run(folders["lead"], "entry", "set", "--group", "g4", "--indicator", "C6", "met=是") == 0
    assert run(folders["lead"], "entry", "set", "--group", "g4", "--indicator", "C20", "--school", "s1",
               "value=85") == 0
    return tmp_path, usb, folders, first


def test_amendment_applies_on_a_laptop_with_scores_and_keeps_them(laptops, capsys):
    root, usb, f, first = laptops
    kept = _entries(f["lead"])
    assert run(f["bureau"], "plan", "amend", "--reason", "名单更正：增派专家、换新电脑、补报校区",
               "--add-expert", f"赵专家:{root / 'x3.pub'}",
               "--replace-key", f"李专家={root / 'x1-new.pub'}",
               "--add-school", "g4=中卫市第四中学教育集团观音校区:member:九年制",
               "--rename-school", "s1=中卫市第四中学教育集团镇罗分校",
               "--self-score", "g4:C6=4") == 0
    amended = _package(f["bureau"], usb)
    capsys.readouterr()
    assert run(f["lead"], "merge", str(amended)) == 0
    said = capsys.readouterr().out
    assert "修订" in said and "已录入的评分均保留" in said
    assert _entries(f["lead"]) == kept
    here = _show(f["lead"], capsys)
    names = {s["name"] for s in here["groups"][0]["schools"]}
    assert {"中卫市第四中学教育集团镇罗分校", "中卫市第四中学教育集团观音校区"} <= names
    experts = {e["name"]: e for e in here["experts"]}
    assert experts["李专家"]["fingerprint"] == KeyStore(f["x1-new"]).own_key().fingerprint
    assert experts["赵专家"]["fingerprint"] == KeyStore(f["x3"]).own_key().fingerprint
    assert {(r["indicator"], r["points"]) for r in here["groups"][0]["self_scores"]} >= {("C6", "4")}
    assert here["revision"] == 2
    # The plan now registers 李专家's new key: a bundle from the lost laptop's key speaks for nobody.
    assert run(f["x1"], "entry", "set", "--group", "g4", "--indicator", "C7", "met=是") == 0
    assert run(f["x1"], "export", "--out", str(root / "old-laptop")) == 0
    before = _entries(f["lead"])
    assert run(f["lead"], "merge", *map(str, (root / "old-laptop").glob("*.zip"))) == 1
    assert _entries(f["lead"]) == before
    # The first package again is older than what is applied: nothing changes.
    digest = db_digest(f["lead"])
    capsys.readouterr()
    assert run(f["lead"], "merge", str(first)) == 0
    assert "较早" in capsys.readouterr().out
    assert db_digest(f["lead"]) == digest


def test_amendment_that_orphans_entries_is_refused_and_changes_nothing(laptops, capsys):
    root, usb, f, _first = laptops
    # The bureau scored nothing, so it may remove 镇罗校区 (s1); the lead has C20 for it.
    assert run(f["bureau"], "plan", "amend", "--remove-school", "s1", "--reason", "误报") == 0
    package = _package(f["bureau"], usb)
    digest = db_digest(f["lead"])
    capsys.readouterr()
    assert run(f["lead"], "merge", str(package)) == 1
    said = capsys.readouterr().err
    assert "失去归属" in said and "镇罗校区" in said
    assert db_digest(f["lead"]) == digest


def test_only_the_issuer_amends(laptops, capsys):
    _root, _usb, f, _first = laptops
    assert run(f["lead"], "plan", "amend", "--rename-school", "s1=别的名字", "--reason", "x") == 1
    assert "只有签发本考核计划的教育局" in capsys.readouterr().err


def test_amend_refuses_bad_input(laptops, capsys):
    _root, _usb, f, _first = laptops
    assert run(f["bureau"], "plan", "amend", "--self-score", "g4:C6=99", "--reason", "x") == 1
    assert "C6" in capsys.readouterr().err
    assert run(f["bureau"], "plan", "amend", "--rename-school", "s9=新名", "--reason", "x") == 2
    assert "s9" in capsys.readouterr().err
