"""The whole chain on the command line: bureau → plan package → experts → panel lead → bureau.

Three experts' laptops, one panel lead and one bureau are five data folders.
Every bad bundle on the way is caught, and a refused bundle leaves the
database byte for byte as it was.
"""
from __future__ import annotations

import hashlib
import shutil
import zipfile
from pathlib import Path

import pytest

from inspector_app.cli.main import main
from inspector_app.store.db import DB_NAME

ROSTER = """\
title: 2023—2024学年集团化办学督导考核（复评）
school_year: 2023—2024
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
  - {id: x1, name: 李专家, key: x1.pub}
  - {id: x2, name: 王专家, key: x2.pub}
"""


def run(folder: Path, *args: str) -> int:
    return main(["--data-dir", str(folder), *args])


def db_digest(folder: Path) -> str:
    return hashlib.sha256((folder / DB_NAME).read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def chain(tmp_path_factory):
    root = tmp_path_factory.mktemp("chain")
    usb = root / "usb"
    usb.mkdir()
    folders = {name: root / name for name in ("bureau", "lead", "x1", "x2")}
    for name in ("lead", "x1", "x2"):
        assert run(folders[name], "keys", "export", "--out", str(root / f"{name}.pub")) == 0
    (root / "roster.yaml").write_text(ROSTER, encoding="utf-8")
    assert run(folders["bureau"], "plan", "create", "--rubric", "suizhou-jlt", "--roster", str(root / "roster.yaml")) == 0
    assert run(folders["bureau"], "package", "--out", str(usb)) == 0
    package = next(usb.glob("考核计划-*.zip"))
    from inspector_app.bundles.keys import KeyStore
    bureau_fp = KeyStore(folders["bureau"]).own_key().fingerprint
    for name in ("lead", "x1", "x2"):
        # The bureau's key is unknown until its fingerprint is compared and trusted.
        assert run(folders[name], "merge", str(package)) == 1
        assert run(folders[name], "keys", "trust", bureau_fp, "--name", "教育局") == 0
        assert run(folders[name], "merge", str(package)) == 0
    # 004 C6 "未建立紧缺学科师资共享，此项不得分" (5 分): the two experts disagree.
    assert run(folders["x1"], "entry", "set", "--group", "g4", "--indicator", "C6", "met=是", "--note", "走教课表齐全") == 0
    assert run(folders["x2"], "entry", "set", "--group", "g4", "--indicator", "C6", "met=否", "--note", "未见走教记录") == 0
    # 004 C20 per school, "各校得分的平均分": 90% and 80% satisfaction give 9 and 8.
    assert run(folders["x1"], "entry", "set", "--group", "g4", "--indicator", "C20", "--school", "s0", "value=90") == 0
    assert run(folders["x2"], "entry", "set", "--group", "g4", "--indicator", "C20", "--school", "s0", "value=80") == 0
    for name in ("x1", "x2"):
        out = root / f"out-{name}"
        assert run(folders[name], "export", "--out", str(out)) == 0
    return root, folders


def expert_bundles(root: Path) -> list[Path]:
    return sorted((root / "out-x1").glob("*.zip")) + sorted((root / "out-x2").glob("*.zip"))


def test_lead_merges_settles_and_bureau_verifies(chain, capsys):
    root, folders = chain
    bundles = expert_bundles(root)
    assert run(folders["lead"], "merge", *map(str, bundles)) == 0
    before = db_digest(folders["lead"])
    assert run(folders["lead"], "merge", *map(str, bundles)) == 0  # the same bundles twice change nothing
    assert db_digest(folders["lead"]) == before
    capsys.readouterr()
    assert run(folders["lead"], "panel", "disagreements", "--group", "g4") == 0
    shown = capsys.readouterr().out
    assert "C6" in shown and "差距大" in shown and "李专家" in shown and "王专家" in shown
    assert run(folders["lead"], "panel", "decide", "--group", "g4", "--indicator", "C6", "--points", "5",
               "--reason", "核对走教课表原件，确认已建立") == 0
    assert run(folders["lead"], "panel", "export", "--group", "g4", "--out", str(root / "panel")) == 0
    panel = next((root / "panel").glob("*.zip"))
    assert run(folders["bureau"], "verify", str(panel)) == 0
    assert run(folders["bureau"], "merge", str(panel)) == 0
    capsys.readouterr()
    assert run(folders["bureau"], "panel", "score", "--group", "g4", "--json") == 0
    import json
    card = json.loads(capsys.readouterr().out)
    by_code = {i["code"]: i for i in card["indicators"]}
    assert by_code["C6"]["points"] == "5"  # the lead's decision
    # C20 for 总校: mean of 9 and 8 = 8.5; 镇罗校区 not scored yet, so the indicator is still open.
    assert by_code["C20"]["per_school"]["s0"]["points"] == "8.5"
    assert by_code["C20"]["points"] is None
    # On the stick the panel bundle is sealed: its zip holds only the ciphertext and the envelope.
    with zipfile.ZipFile(panel) as zf:
        assert sorted(zf.namelist()) == ["envelope.ed25519", "envelope.json", "payload.age"]
    # Chain of custody: decrypted at the bureau, the members' original bundles are inside the panel bundle.
    from inspector_app.bundles.bag import read_bag
    from inspector_app.bundles.keys import KeyStore
    inner = [n for n in read_bag(panel, KeyStore(folders["bureau"])).sha256 if n.startswith("members/")]
    assert len(inner) == 3


def _member_data(bundle: Path, name: str) -> tuple[int, int]:
    """Where a member's stored bytes start in the zip, and how many there are (read from its local header)."""
    data = bundle.read_bytes()
    with zipfile.ZipFile(bundle) as z:
        info = z.getinfo(name)
    start = info.header_offset
    name_len = int.from_bytes(data[start + 26:start + 28], "little")
    extra_len = int.from_bytes(data[start + 28:start + 30], "little")
    return start + 30 + name_len + extra_len, info.compress_size


def _tampered_copies(bundle: Path, out: Path) -> list[Path]:
    # Bytes flipped where the signature reaches: inside two members' stored data and in the central directory.
    # (A flip in a zip header's unsigned field, such as a member's time, leaves the same bundle, merged before.)
    data = bundle.read_bytes()
    # A sealed bundle's members are the ciphertext and its envelope; a plain one's, the signed files.
    members = (("payload.age", "envelope.json") if zipfile.ZipFile(bundle).namelist()[0] == "payload.age"
               else ("data/entries.json", "data/bundle.json"))
    inside = [start + size // 2 for start, size in (_member_data(bundle, m) for m in members)]
    made = []
    for i, offset in enumerate((*inside, len(data) - 30)):
        flipped = bytearray(data)
        flipped[offset] ^= 0x40
        path = out / f"flip{i}.zip"
        path.write_bytes(bytes(flipped))
        made.append(path)
    cut = out / "cut.zip"
    cut.write_bytes(data[: len(data) // 2])
    made.append(cut)
    return made


def test_bad_bundles_change_nothing(chain, tmp_path, capsys):
    root, folders = chain
    lead = folders["lead"]
    run(lead, "merge", *map(str, expert_bundles(root)))
    before = db_digest(lead)
    bad = _tampered_copies(expert_bundles(root)[0], tmp_path)
    # A bundle signed by a key nobody trusted: held, not merged.
    stranger = tmp_path / "stranger"
    shutil.copytree(folders["x2"], stranger)
    shutil.rmtree(stranger / "keys")
    (stranger / "keys").mkdir()  # a new key pair, with x2's trust list (so it can encrypt to the lead)
    shutil.copy(folders["x2"] / "keys" / "trusted.json", stranger / "keys" / "trusted.json")
    assert run(stranger, "entry", "set", "--group", "g4", "--indicator", "C9", "met=是", "--expert", "x2") == 0
    assert run(stranger, "export", "--out", str(tmp_path / "stranger-out"), "--expert", "x2") == 0
    bad += list((tmp_path / "stranger-out").glob("*.zip"))
    for path in bad:
        assert run(lead, "merge", str(path)) == 1, path.name
    captured = capsys.readouterr()
    out = captured.out + captured.err  # refusals are on stderr
    assert "暂缓" in out and "被改动" in out or "损坏" in out
    assert db_digest(lead) == before


def test_same_sequence_different_content_is_a_conflict(chain, tmp_path, capsys):
    root, folders = chain
    lead = folders["lead"]
    run(lead, "merge", *map(str, expert_bundles(root)))
    # x1 restores an old copy of its data folder and exports again: same signer, same sequence, other content.
    rewound = tmp_path / "x1-rewound"
    shutil.copytree(folders["x1"], rewound)
    from inspector_app.store.db import open_store
    store = open_store(rewound)
    store.conn.execute("DELETE FROM sequences")
    store.conn.commit()
    store.close()
    assert run(rewound, "entry", "set", "--group", "g4", "--indicator", "C9", "met=是") == 0
    assert run(rewound, "export", "--out", str(tmp_path / "again")) == 0
    before = db_digest(lead)
    capsys.readouterr()
    assert run(lead, "merge", *map(str, (tmp_path / "again").glob("*.zip"))) == 1
    assert "冲突" in capsys.readouterr().err
    assert db_digest(lead) == before


def test_another_plans_bundle_is_refused(chain, tmp_path, capsys):
    root, folders = chain
    other = tmp_path / "other"
    shutil.copytree(folders["x1"], other / "x1")
    # The demo plan is another plan: its bundle must not merge into this one.
    assert run(other / "x1", "demo") == 0
    assert run(other / "x1", "export", "--out", str(tmp_path / "o"), "--plan", "demo-2023", "--group", "g4",
               "--expert", "demo-li") == 0
    from inspector_app.bundles.keys import KeyStore
    KeyStore(folders["lead"]).trust(KeyStore(other / "x1").own_key().public_key, "李专家")
    before = db_digest(folders["lead"])
    capsys.readouterr()
    assert run(folders["lead"], "merge", *map(str, (tmp_path / "o").glob("*.zip"))) == 1
    assert "另一个考核计划" in capsys.readouterr().err
    assert db_digest(folders["lead"]) == before


def test_merged_entries_keep_points_as_typed_and_get_history(chain, tmp_path):
    root, folders = chain
    # Copies, so the module's other tests keep their folders as they were.
    x1, lead = tmp_path / "x1", tmp_path / "lead"
    shutil.copytree(folders["x1"], x1)
    shutil.copytree(folders["lead"], lead)
    # 004 C20 "满意度×10": a 100% satisfaction gives the full 10 points, which Decimal can write as 1E+1.
    assert run(x1, "entry", "set", "--group", "g4", "--indicator", "C20", "--school", "s1", "value=100") == 0
    assert run(x1, "export", "--out", str(tmp_path / "out")) == 0
    assert run(lead, "merge", *map(str, (tmp_path / "out").glob("*.zip"))) == 0
    from inspector_app.store import entries as E
    from inspector_app.store.db import open_store
    from inspector_app.store.history import changes
    store = open_store(lead)
    try:
        (points,), = store.conn.execute(
            "SELECT points FROM entries WHERE expert_id = 'x1' AND indicator = 'C20' AND school_id = 's1'").fetchall()
        assert points == "10"
        merged = [c for c in changes(store, entity="entry") if c.field == "merged" and c.expert_id == "x1"]
        assert {(c.key["indicator"], c.key["school"]) for c in merged} >= {("C20", "s1")}
        c20 = next(c for c in merged if (c.key["indicator"], c.key["school"]) == ("C20", "s1"))
        assert c20.new["points"] == "10" and c20.new["inputs"] == {"value": "100"}
        assert E.get_entry(store, c20.plan_id, "g4", "x1", "s1", "C20").points == 10
    finally:
        store.close()
