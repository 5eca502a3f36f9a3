"""The README's chain, as written, on four laptops: the bureau, the panel lead and two experts; a third
expert scores on paper and the lead types the sheet in (代录).

Every command comes from the README's chain block; only its placeholders (the
data folders, the USB stick, the fingerprint, the key file name) are filled in
per laptop, and "each expert scores" is the same `entry set` line with other
indicators. At the end the bureau's `results --json`, workbook and 公示 carry
the very figures of the lead's finalised report, read back from the PDF text.
Negative controls: a panel bundle whose result was edited and re-signed with
the lead's real key is held at the bureau and changes nothing, as does a
member's bundle sent straight to the bureau; a laptop with
another key cannot become the lead with `me --set`; a replayed or foreign
bundle leaves the lead's own entries unchanged; a plan package signed by an
expert's key is refused and trusts nothing.
"""
from __future__ import annotations

import glob
import hashlib
import json
import random
import re
import shlex
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from inspector_app.bundles import canonical
from inspector_app.bundles.bag import read_bag
from inspector_app.bundles.bag_write import write_bag
from inspector_app.bundles.keys import KeyStore
from inspector_app.bundles.sealing import Recipient, seal
from inspector_app.bundles.tagfiles import make_info
from inspector_app.cli.main import main
from inspector_app.rubric.catalog import load_catalog
from inspector_app.scoring.engine import targeted_schools
from inspector_app.store.db import DB_NAME, open_store
from inspector_app.store.demo import demo_inputs

README = Path(__file__).resolve().parent.parent / "README.md"
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")

ROSTER = """\
title: 2024—2025学年集团化办学督导考核（复评）
school_year: 2024—2025
stage: 复评
consensus: mean
groups:
  - id: g4
    name: 中卫市第四中学教育集团
    type: 共建型
    schools:
      - {id: s0, name: 中卫市第四中学教育集团总校, role: lead, kind: 初中}
      - {id: s1, name: 中卫市第四中学教育集团镇罗校区, role: member, kind: 初中}
experts:
  - {id: lead, name: 张组长, role: lead, key: lead.pub}
  - {id: x1, name: 李专家, key: li.pub}
  - {id: x2, name: 王专家, key: wang.pub}
  - {id: x3, name: 赵专家}
"""
PUB = {"lead": "lead.pub", "li": "li.pub", "wang": "wang.pub"}


def chain_lines() -> list[list[str]]:
    """The README's chain block, each command as its words (comments dropped)."""
    text = README.read_text(encoding="utf-8")
    block = text[text.index("```sh\ninspector keys export --out zhang.pub"):]
    block = block[len("```sh\n"):block.index("```", 6)]
    return [shlex.split(line, comments=True) for line in block.splitlines() if line.strip()]


class Laptops:
    def __init__(self, root: Path):
        self.root = root
        self.usb = root / "usb"
        self.usb.mkdir()
        self.folders = {n: root / n for n in ("bureau", "lead", "li", "wang", "intruder")}
        self.fingerprint = ""

    def run(self, laptop: str, words: list[str], **swap: str) -> int:
        """One README command on one laptop: placeholders filled, globs expanded on the stick."""
        assert words[0] == "inspector"
        args = []
        for word in words[1:]:
            word = swap.get(word, word)
            word = word.replace("/media/usb", str(self.usb)).replace("N2CR-RR4M-HHAL-J6KL", self.fingerprint)
            if word == "BUREAU":
                word = str(self.folders["bureau"])
            if word in ("roster.yaml", "zhang.pub", "反馈报告.pdf", "结果.xlsx", "公示.pdf"):
                word = str(self.root / laptop / word) if word != "roster.yaml" else str(self.root / word)
            args += sorted(glob.glob(word)) if "*" in word else [word]
        if "--data-dir" not in args:
            args = ["--data-dir", str(self.folders[laptop]), *args]
        return main(args)

    def digest(self, laptop: str) -> str:
        store = open_store(self.folders[laptop])
        tables = [r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                                    " AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        rows = [(t, sorted(map(repr, store.conn.execute(f"SELECT * FROM {t}")))) for t in tables]
        store.close()
        return hashlib.sha256(repr(rows).encode()).hexdigest()

    def own_entries(self, laptop: str, expert: str) -> list:
        store = open_store(self.folders[laptop])
        rows = list(store.conn.execute("SELECT * FROM entries WHERE expert_id = ? AND typed_by = '' ORDER BY id",
                                       (expert,)))
        store.close()
        return rows


def _words(inputs: dict) -> list[str]:
    return [f"{k}={'是' if v is True else '否' if v is False else v}" for k, v in inputs.items()]


def _json(capsys) -> object:
    return json.loads(capsys.readouterr().out)


def _resign(bundle: Path, reader: KeyStore, keys: KeyStore, out: Path, files: dict, sequence: int) -> Path:
    """The bundle read where it can be decrypted (`reader`), edited, signed with `keys` and sealed again to the
    same recipients (their encryption keys as `reader` knows them)."""
    bag = read_bag(bundle, reader)
    payload = {n: bag.files[n] for n in bag.sha256}
    head = json.loads(payload["bundle.json"])
    head["sequence"] = sequence
    payload["bundle.json"] = canonical.dumps(head)
    payload.update({name: canonical.dumps(value) for name, value in files.items()})
    info = make_info(bag.kind, plan_id=bag.field("plan_id"), rubric_id=bag.field("rubric_id"),
                     rubric_version=bag.field("rubric_version"), rubric_hash=bag.field("rubric_hash"),
                     group=bag.field("group"), sequence=sequence)
    plain = write_bag(out / "plain", "edited.zip", payload, info, keys)
    recipients = [Recipient(r.key_id, r.name, r.role, reader.encryption_of(r.key_id)[0]) for r in bag.sealed.recipients]
    return seal(plain, out, "edited.zip", recipients, keys)


@needs_poppler
def test_four_laptops_follow_the_readme(tmp_path, capsys):
    lines = chain_lines()

    def at(prefix: str) -> list[str]:
        """The one README command that starts with these words (after `inspector`)."""
        exact = [w for w in lines if " ".join(w[1:]) == prefix]
        found = exact or [w for w in lines if " ".join(w[1:]).startswith(prefix + " ")]
        assert found and all(w == found[0] for w in found), prefix
        return found[0]
    L = Laptops(tmp_path)
    (tmp_path / "roster.yaml").write_text(ROSTER, encoding="utf-8")
    experts = ("lead", "li", "wang")

    # keys export on each expert's laptop; the bureau makes the plan and its package.
    for name in experts:
        assert L.run(name, at("keys export"), **{"zhang.pub": str(tmp_path / PUB[name])}) == 0
    assert L.run("bureau", lines[1]) == 0
    assert L.run("bureau", lines[2]) == 0
    L.fingerprint = KeyStore(L.folders["bureau"]).own_key().fingerprint
    for name in experts:
        assert L.run(name, at("merge /media/usb/考核计划-*.zip")) == 1  # held until the fingerprint is compared
        assert L.run(name, at("keys trust")) == 0
        assert L.run(name, at("merge /media/usb/考核计划-*.zip")) == 0
        capsys.readouterr()
        assert L.run(name, at("me")) == 0  # the key the plan registers names the user
        assert {"lead": "张组长", "li": "李专家", "wang": "王专家"}[name] in capsys.readouterr().out
    assert L.run("li", at("me --set")) == 0

    # Negative control: the plan package is sealed to the plan's experts and the bureau: a laptop the plan
    # does not name learns nothing but whom it is for, and nothing is trusted there.
    capsys.readouterr()
    assert L.run("intruder", at("merge /media/usb/考核计划-*.zip")) == 1
    refused = capsys.readouterr().err
    assert "此数据包不是发给本机的：接收人为" in refused and all(n in refused for n in ("张组长", "李专家", "教育局"))
    assert not (L.folders["intruder"] / "keys" / "trusted.json").exists()
    # Negative control: a laptop with another key cannot become the lead.
    assert L.run("wang", at("me --set"), 李专家="张组长") == 1
    refused = capsys.readouterr().err
    assert "张组长" in refused and "不是本机的密钥" in refused and "keys export" in refused
    assert L.run("intruder", at("entry set --group")) == 1  # nothing is scored under an identity nobody chose

    # Each expert scores; the lead scores every indicator of the group.
    entry = at("entry set --group")
    assert L.run("li", entry) == 0                                                 # C6 met=是 (5)
    assert L.run("wang", entry, **{"met=是": "met=否"}) == 0                       # C6 met=否 (0)
    rubric = load_catalog().get("suizhou-jlt")
    rng = random.Random(12)
    refs = None
    for ind in rubric.indicators:
        if refs is None:
            from inspector_app.scoring.school import School
            refs = [School("s0", "总校", "lead"), School("s1", "镇罗校区", "member")]
        schools = [s.id for s in targeted_schools(ind, refs)] if ind.scope.per_school else [""]
        for school in schools:
            words = [w for w in entry if w != "met=是"]
            words[words.index("C6")] = ind.code
            words += _words(demo_inputs(ind.rule, rng)) + (["--school", school] if school else [])
            assert L.run("lead", words) == 0, (ind.code, words)
    for name in ("li", "wang"):
        assert L.run(name, at("export --out")) == 0
    assert L.run("lead", at("merge /media/usb/李专家-*.zip")) == 0
    lead_own = L.own_entries("lead", "lead")

    # The lead types 赵专家's paper sheet (代录).
    capsys.readouterr()
    assert L.run("lead", at("entry set --expert")) == 0
    assert "代录" in capsys.readouterr().out

    # Negative controls at the lead: a replayed bundle and a foreign one leave the lead's own entries.
    before = L.digest("lead")
    assert L.run("lead", at("merge /media/usb/李专家-*.zip")) == 0  # replay: nothing changes
    assert L.digest("lead") == before
    li_bundle = next(L.usb.glob("李专家-*.zip"))
    foreign = _resign(li_bundle, KeyStore(L.folders["lead"]), KeyStore(L.folders["intruder"]), tmp_path / "foreign",
                      {}, 1)  # the intruder's key, in 李专家's name
    KeyStore(L.folders["lead"]).trust(KeyStore(L.folders["intruder"]).own_key().public_key, "李专家")
    assert main(["--data-dir", str(L.folders["lead"]), "merge", str(foreign)]) == 1
    assert L.own_entries("lead", "lead") == lead_own and L.digest("lead") == before

    # Negative control: a plan package signed by an expert's key is refused and trusts nothing.
    (tmp_path / "li-roster.yaml").write_text(ROSTER.replace("2024—2025学年", "李专家的"), encoding="utf-8")
    li_plan = ["--data-dir", str(L.folders["li"]), "plan", "create", "--rubric", "suizhou-jlt", "--roster",
               str(tmp_path / "li-roster.yaml")]
    assert main(li_plan) == 0
    assert main(["--data-dir", str(L.folders["li"]), "package", "--out", str(tmp_path / "li-usb")]) == 0
    trusted = (L.folders["lead"] / "keys" / "trusted.json").read_bytes()
    capsys.readouterr()
    assert main(["--data-dir", str(L.folders["lead"]), "merge", *map(str, (tmp_path / "li-usb").glob("*.zip"))]) == 1
    assert "专家" in capsys.readouterr().err
    assert L.digest("lead") == before and (L.folders["lead"] / "keys" / "trusted.json").read_bytes() == trusted

    # 合议: spreads above the limit settled with a reason, then 定稿.
    assert L.run("lead", at("panel disagreements")) == 0
    capsys.readouterr()
    assert L.run("lead", at("panel finalise")) == 1  # C6 4 scores 5/0/…: not settled yet
    assert "C6" in capsys.readouterr().err
    assert L.run("lead", at("panel decide")) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(L.folders["lead"]), "panel", "disagreements", "--group", "第四中学", "--json"]) == 0
    for place in _json(capsys):
        if place["large"] and place["decided"] is None:
            words = list(at("panel decide"))
            words[words.index("C6")] = place["indicator"]
            words[words.index("5")] = place["scores"]["张组长"]
            words += ["--school", place["school"]] if place["school"] else []
            assert L.run("lead", words) == 0
    assert L.run("lead", at("panel finalise")) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(L.folders["lead"]), "panel", "score", "--group", "g4", "--json"]) == 0
    final = _json(capsys)
    assert final["finalised"] is True and final["version"] == 1 and final["meeting_date"] == "2024-10-16"
    assert L.run("lead", at("report --group")) == 0
    assert L.run("lead", at("panel export")) == 0
    assert L.run("bureau", at("--data-dir BUREAU verify /media/usb/*.zip")) == 0

    # Negative control: the panel bundle's result edited and re-signed with the lead's real key.
    panel = next(L.usb.glob("专家组-*.zip"))
    lead_keys = KeyStore(L.folders["lead"])
    edited_result = dict(final, total=str(Decimal(final["total"]) + 5))
    bureau_keys = KeyStore(L.folders["bureau"])
    bag = read_bag(panel, bureau_keys)  # sealed to the bureau alone
    finalised = json.loads(bag.files["finalised.json"])
    finalised["result"]["total"] = edited_result["total"]
    edited = _resign(panel, bureau_keys, lead_keys, tmp_path / "edited", {"finalised.json": finalised}, 9)
    bureau_before = L.digest("bureau")
    capsys.readouterr()
    assert main(["--data-dir", str(L.folders["bureau"]), "merge", str(edited)]) == 1
    held = capsys.readouterr().err
    assert "不一致" in held and "总分" in held and edited_result["total"] in held
    assert L.digest("bureau") == bureau_before
    # A member's bundle sent straight to the bureau is refused: it reaches the bureau only inside the lead's.
    assert main(["--data-dir", str(L.folders["bureau"]), "merge", str(li_bundle)]) == 1
    said = capsys.readouterr()
    assert "应交给组长" in said.out + said.err
    assert L.digest("bureau") == bureau_before

    # The real panel bundle goes in; the bureau publishes exactly the finalised figures.
    assert L.run("bureau", at("--data-dir BUREAU merge")) == 0
    capsys.readouterr()
    assert L.run("bureau", at("--data-dir BUREAU results --json")) == 0
    published = _json(capsys)
    [group] = published["groups"]
    assert group["status"] == "finalised" and group["rank"] == 1
    assert group["total"] == final["total"] and group["grade"] == final["grade"]
    assert group["areas"] == {a["code"]: a["points"] for a in final["areas"]}
    assert L.run("bureau", lines[-1]) == 0

    report = _pdf_text(L.folders["lead"] / "反馈报告.pdf")
    summary = _pdf_text(L.folders["bureau"] / "公示.pdf")
    for text in (report, summary):
        assert final["total"] in text and final["grade"] in text
    for area in final["areas"]:
        assert area["points"] in report
    from openpyxl import load_workbook
    sheet = load_workbook(L.folders["bureau"] / "结果.xlsx", read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    head = rows[0]
    row = next(r for r in rows[1:] if r[head.index("集团")] == "中卫市第四中学教育集团")
    assert Decimal(str(row[head.index("总分")])) == Decimal(final["total"])
    assert row[head.index("等次")] == final["grade"]


def _pdf_text(path: Path) -> str:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"[ \t]+", " ", text)
