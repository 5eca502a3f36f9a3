"""Merging across machines: who may sign what, what a refused bundle leaves behind, and late arrivals.

Each machine is its own data folder and key; the plan is the same on all of
them (same ids), as after importing the bureau's plan package.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from inspector_app.bundles import canonical
from inspector_app.bundles.bag import read_bag, read_json
from inspector_app.bundles.bag_write import write_bag
from inspector_app.bundles.tagfiles import make_info
from inspector_app.bundles.export import export_expert, export_panel
from inspector_app.bundles.keys import KeyStore
from inspector_app.bundles.merge import merge_file
from inspector_app.rubric.catalog import load_catalog
from inspector_app.store import entries as E
from inspector_app.store import plans as P
from inspector_app.store.consensus import decide, panel_scorer, places
from inspector_app.store.db import DB_NAME, open_store
from inspector_app.store.findings import get_findings, set_finding

ROSTER = [("中卫市第四中学教育集团总校", "lead", "初中"), ("中卫市第四中学教育集团镇罗校区", "member", "初中")]


class Machine:
    def __init__(self, root: Path, name: str):
        self.folder = root / name
        self.store = open_store(self.folder)
        self.keys = KeyStore(self.folder)
        self.out = root / f"out-{name}"

    def close(self):
        self.store.close()

    def digest(self) -> str:
        self.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return hashlib.sha256((self.folder / DB_NAME).read_bytes()).hexdigest()

    def dump(self) -> list:
        """Every row of every table: what "the database did not change" compares."""
        tables = [r[0] for r in self.store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                                         " AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return [(t, sorted(map(repr, self.store.conn.execute(f"SELECT * FROM {t}")))) for t in tables]


def make_plan(machine: Machine, keys: dict[str, KeyStore] | None = None, issuer: str = ""):
    keys = keys or {}
    rubric = load_catalog().get("suizhou-jlt")

    def expert(eid, name, role):
        spec = P.ExpertSpec(name, role, eid)
        if eid in keys:
            info = keys[eid].own_key()
            spec.key_id, spec.public_key, spec.fingerprint = info.key_id, info.public_key, info.fingerprint
        return spec

    spec = P.PlanSpec(
        title="测试考核", school_year="2023—2024", stage="复评", id="p1",
        groups=[P.GroupSpec("中卫市第四中学教育集团", [P.SchoolSpec(n, r, k, id=f"s{i}")
                                                   for i, (n, r, k) in enumerate(ROSTER)], group_type="共建型", id="g4"),
                P.GroupSpec("中卫市第七小学教育集团", [P.SchoolSpec("七小总校", "lead", "小学", id="t0")],
                            group_type="融合型", id="g7")],
        experts=[expert("e0", "组长", "lead"), expert("e1", "专家甲", "member"), expert("e2", "专家乙", "member")])
    plan = P.create_plan(machine.store, rubric, spec, issuer_key_id=issuer)
    return plan, P.plan_rubric(machine.store, plan), {g.id: g for g in P.groups(machine.store, plan.id)}


@pytest.fixture
def world(tmp_path):
    """bureau, lead and two experts; every machine trusts every other one's key."""
    names = ("bureau", "lead", "x1", "x2")
    people = {"bureau": "教育局", "lead": "组长", "x1": "专家甲", "x2": "专家乙"}  # the name typed when trusting
    machines = {n: Machine(tmp_path, n) for n in names}
    for a in names:
        for b in names:
            if a != b:
                machines[a].keys.trust(machines[b].keys.own_key().public_key, people[b])
    yield machines
    for m in machines.values():
        m.close()


def setup_plans(world, *, with_keys: bool):
    keys = {"e0": world["lead"].keys, "e1": world["x1"].keys, "e2": world["x2"].keys} if with_keys else None
    issuer = world["bureau"].keys.own_key().key_id  # as if each laptop had the bureau's plan package
    return {n: make_plan(m, keys, issuer) for n, m in world.items()}


def score(machine: Machine, made, expert: str, code: str, group: str = "g4", school: str = "", **inputs):
    plan, rubric, groups = made
    E.set_entry(machine.store, plan, rubric, groups[group], expert, school, code, inputs=inputs)


def export(machine: Machine, made, expert: str, group: str = "g4") -> Path:
    plan, _rubric, groups = made
    return export_expert(machine.store, machine.keys, plan, groups[group], expert, machine.out).path


def resign(bundle: Path, keys: KeyStore, out: Path, changes: dict[str, object], **info_changes) -> Path:
    """The same bundle with some payload files changed, signed again by `keys`."""
    bag = read_bag(bundle, keys)
    payload = {name: bag.files[name] for name in bag.sha256}
    for name, value in changes.items():
        payload[name] = value if isinstance(value, bytes) else canonical.dumps(value)
    fields = dict(kind=bag.kind, plan_id=bag.field("plan_id"), rubric_id=bag.field("rubric_id"),
                  rubric_version=bag.field("rubric_version"), rubric_hash=bag.field("rubric_hash"),
                  group=bag.field("group"), sequence=bag.field("sequence"))
    fields.update(info_changes)
    head = json.loads(payload["bundle.json"])
    head["signer_key_id"] = keys.own_key().key_id
    if "sequence" in info_changes:
        head["sequence"] = int(info_changes["sequence"])
    payload["bundle.json"] = canonical.dumps(head)
    return write_bag(out, f"resigned-{len(list(out.glob('*'))) if out.exists() else 0}.zip", payload,
                     make_info(**fields), keys)


# --------------------------------------------------------------------------- who may sign what

def test_a_trusted_key_cannot_sign_for_another_expert(world):
    """专家甲's key is known at the lead as 专家甲's; a bundle it signs in 专家乙's name is refused."""
    made = setup_plans(world, with_keys=False)
    x1, lead = world["x1"], world["lead"]
    score(x1, made["x1"], "e1", "C6", met=True)
    assert merge_file(lead.store, lead.keys, export(x1, made["x1"], "e1")).status == "merged"
    score(x1, made["x1"], "e2", "C6", met=False)
    forged = export(x1, made["x1"], "e2")
    before = lead.dump()
    outcome = merge_file(lead.store, lead.keys, forged)
    assert outcome.status == "rejected", outcome
    assert "专家甲" in outcome.message and "专家乙" in outcome.message
    assert lead.dump() == before
    # 专家乙's own key is still free to speak for 专家乙
    x2 = world["x2"]
    score(x2, made["x2"], "e2", "C6", met=False)
    assert merge_file(lead.store, lead.keys, export(x2, made["x2"], "e2")).status == "merged"


def test_only_the_plans_lead_can_sign_a_panel_bundle(world):
    """A member's own key, trusted at the bureau, cannot hand in the group's panel result."""
    made = setup_plans(world, with_keys=True)
    x1, lead, bureau = world["x1"], world["lead"], world["bureau"]
    plan, _rubric, groups = made["x1"]
    score(x1, made["x1"], "e1", "C6", met=True)
    set_finding(x1.store, plan.id, "g4", "problems", "（专家甲自拟）", "e1")
    # The program refuses a member's panel export; a tampered copy of the member's database does not.
    x1.store.conn.execute("UPDATE experts SET role = 'lead' WHERE id = 'e1'")
    x1.store.conn.commit()
    fake = export_panel(x1.store, x1.keys, plan, groups["g4"], "e1", x1.out).path
    before = bureau.dump()
    outcome = merge_file(bureau.store, bureau.keys, fake)
    assert outcome.status == "rejected", outcome
    assert "组长" in outcome.message
    assert bureau.dump() == before
    # the real lead's panel is not blocked as "another panel for this group"
    plan, _rubric, groups = made["lead"]
    score(lead, made["lead"], "e0", "C6", met=True)
    real = export_panel(lead.store, lead.keys, plan, groups["g4"], "e0", lead.out).path
    assert merge_file(bureau.store, bureau.keys, real).status == "merged"


# --------------------------------------------------------------------------- panels at the bureau

def lead_with_members(world, made):
    lead = world["lead"]
    score(world["x1"], made["x1"], "e1", "C6", met=True)
    score(world["x2"], made["x2"], "e2", "C6", met=False)
    for name, eid in (("x1", "e1"), ("x2", "e2")):
        assert merge_file(lead.store, lead.keys, export(world[name], made[name], eid)).status == "merged"
    return lead


def panel(world, made) -> Path:
    lead = world["lead"]
    plan, _rubric, groups = made["lead"]
    out = lead.out / f"panel-{len(list(lead.out.glob('panel-*'))) if lead.out.exists() else 0}"
    return export_panel(lead.store, lead.keys, plan, groups["g4"], "e0", out).path


def test_a_refused_panel_bundle_merges_none_of_its_members(world):
    made = setup_plans(world, with_keys=True)
    lead, bureau = lead_with_members(world, made), world["bureau"]
    assert merge_file(bureau.store, bureau.keys, panel(world, made)).status == "merged"
    # 专家甲 corrects C6; the lead's data folder was restored from an old copy, so the new panel
    # bundle reuses sequence number 1: a conflict at the bureau.
    score(world["x1"], made["x1"], "e1", "C6", met=False)
    assert merge_file(lead.store, lead.keys, export(world["x1"], made["x1"], "e1")).status == "merged"
    lead.store.conn.execute("DELETE FROM sequences WHERE kind = 'panel'")
    lead.store.conn.commit()
    again = panel(world, made)
    before = bureau.dump()
    outcome = merge_file(bureau.store, bureau.keys, again)
    assert outcome.status == "conflict", outcome
    assert bureau.dump() == before


def test_an_older_panel_bundle_arriving_late_does_not_undo_the_newer_one(world):
    made = setup_plans(world, with_keys=True)
    lead, bureau = lead_with_members(world, made), world["bureau"]
    plan, rubric, groups = made["lead"]
    decide(lead.store, plan, rubric, groups["g4"], "", "C6", "5", "核对走教课表原件", "e0")
    set_finding(lead.store, plan.id, "g4", "problems", "第一稿", "e0")
    older = panel(world, made)
    decide(lead.store, plan, rubric, groups["g4"], "", "C6", "0", "走教课表系补做", "e0")
    set_finding(lead.store, plan.id, "g4", "problems", "定稿", "e0")
    newer = panel(world, made)
    assert merge_file(bureau.store, bureau.keys, newer).status == "merged"
    outcome = merge_file(bureau.store, bureau.keys, older)
    assert outcome.status == "superseded", outcome
    plan, rubric, groups = made["bureau"]
    assert panel_scorer(bureau.store, plan, rubric, groups["g4"]).card().indicators["C6"].points == 0
    assert get_findings(bureau.store, plan.id, "g4")["problems"] == "定稿"
    before = bureau.dump()
    assert merge_file(bureau.store, bureau.keys, older).status == "already"
    assert bureau.dump() == before


# --------------------------------------------------------------------------- the lead's decisions

def test_a_lead_decision_does_not_outlive_the_scores_it_settled(world):
    made = setup_plans(world, with_keys=True)
    lead = lead_with_members(world, made)
    plan, rubric, groups = made["lead"]
    decide(lead.store, plan, rubric, groups["g4"], "", "C6", "5", "核对走教课表原件", "e0")
    # 专家乙 sends more work that leaves C6 as it was: the decision stands.
    score(world["x2"], made["x2"], "e2", "C3", **{"principals.met": True})
    assert merge_file(lead.store, lead.keys, export(world["x2"], made["x2"], "e2")).status == "merged"
    [c6] = [p for p in places(lead.store, plan, groups["g4"]) if p.indicator == "C6"]
    assert c6.decided == 5
    # 专家甲 corrects C6 to 0: both experts now give 0, and the decision of 5 no longer settles anything.
    score(world["x1"], made["x1"], "e1", "C6", met=False)
    outcome = merge_file(lead.store, lead.keys, export(world["x1"], made["x1"], "e1"))
    assert outcome.status == "merged" and "C6" in outcome.message, outcome
    [c6] = [p for p in places(lead.store, plan, groups["g4"]) if p.indicator == "C6"]
    assert c6.decided is None
    assert panel_scorer(lead.store, plan, rubric, groups["g4"]).card().indicators["C6"].points == 0
    from inspector_app.store.history import changes
    assert [c.field for c in changes(lead.store, plan.id, entity="consensus")] == ["points", "withdrawn"]


# --------------------------------------------------------------------------- plan packages

@pytest.mark.parametrize("bad", [
    {"school": "", "indicator": "C6", "points": "abc"},
    {"school": "", "indicator": "Z99", "points": "1"},
    {"school": "", "indicator": "C6", "points": "50"},
    {"school": ""},
])
def test_a_plan_package_with_a_bad_self_score_imports_nothing(world, bad):
    from inspector_app.bundles.export import export_plan
    bureau, x1 = world["bureau"], world["x1"]
    plan, _rubric, _groups = make_plan(bureau)
    package = export_plan(bureau.store, bureau.keys, plan, bureau.out).path
    body = read_json(read_bag(package, bureau.keys), "plan.json")
    body["groups"][0]["self_scores"] = [{"school": "", "indicator": "C5", "points": "9"}, bad]
    bad_package = resign(package, bureau.keys, bureau.out / "bad", {"plan.json": body})
    before = x1.dump()
    outcome = merge_file(x1.store, x1.keys, bad_package)
    assert outcome.status == "rejected", outcome
    assert "自评" in outcome.message
    assert x1.dump() == before
    assert merge_file(x1.store, x1.keys, package).status == "created"


def test_the_same_plan_package_again_is_a_repeat_even_after_scoring(world):
    from inspector_app.bundles.export import export_plan
    bureau, x1 = world["bureau"], world["x1"]
    plan, _rubric, _groups = make_plan(bureau)
    package = export_plan(bureau.store, bureau.keys, plan, bureau.out).path
    assert merge_file(x1.store, x1.keys, package).status == "created"
    here = P.get_plan(x1.store, plan.id)
    E.set_entry(x1.store, here, P.plan_rubric(x1.store, here), P.get_group(x1.store, plan.id, "g4"), "e1", "", "C6",
                inputs={"met": True})
    before = x1.dump()
    outcome = merge_file(x1.store, x1.keys, package)
    assert outcome.status == "already", outcome
    assert "内容相同" in outcome.message
    assert x1.dump() == before


def corrected_package(world) -> tuple[object, Path, dict, Path]:
    """The bureau's plan package imported on x1, then a corrected one of the same plan (a school renamed, a
    self-score, an expert added, another stage), re-signed: (the plan, the first package, the corrected one's
    plan.json, its file), the corrected one not yet merged."""
    from inspector_app.bundles.export import export_plan
    bureau, x1 = world["bureau"], world["x1"]
    plan, _rubric, _groups = make_plan(bureau)
    package = export_plan(bureau.store, bureau.keys, plan, bureau.out).path
    assert merge_file(x1.store, x1.keys, package).status == "created"
    body = read_json(read_bag(package, bureau.keys), "plan.json")
    body["groups"][0]["schools"][1]["name"] = "中卫市第四中学教育集团镇罗分校"
    body["groups"][0]["self_scores"] = [{"school": "", "indicator": "C5", "points": "9"}]
    body["experts"].append({"id": "e3", "name": "专家丙", "role": "member", "key_id": None, "fingerprint": None,
                            "public_key": None, "assignments": []})
    body["plan"]["stage"] = "初评"
    return plan, package, body, resign(package, bureau.keys, bureau.out / "corrected", {"plan.json": body})


def test_a_different_package_for_a_plan_here_is_refused_with_its_differences(world):
    """A corrected roster re-sent by the bureau must not pass as "already imported", nor silently change the plan."""
    x1 = world["x1"]
    _plan, _package, body, corrected = corrected_package(world)
    before = x1.dump()
    outcome = merge_file(x1.store, x1.keys, corrected)
    assert outcome.status == "conflict", outcome
    for words in ("阶段：本机为“复评”，计划包为“初评”", "镇罗分校", "集团 中卫市第四中学教育集团 的自评分不同",
                  "计划包多了专家 专家丙", "未导入"):
        assert words in outcome.message, outcome.message
    assert "中卫市第七小学教育集团" not in outcome.message  # only what differs is named
    assert x1.dump() == before


# --------------------------------------------------------------------------- odd content under a good signature

def _entry(code="C6", **extra):
    return {"school": "", "indicator": code, "inputs": {"met": True}, "points": "5", "evidence": [], "methods": [],
            "note": "", "explanation": [], "updated_at": "2024-05-01T10:00:00+08:00", **extra}


@pytest.mark.parametrize("changes", [
    {"entries.json": [_entry(), _entry()]},
    {"entries.json": [_entry(points=["5"])]},
    {"entries.json": [_entry(code=["C6"])]},
    {"entries.json": [_entry(evidence="不是清单")]},
    {"vetoes.json": [{"key": "x", "value": True, "reason": "r"}, {"key": "x", "value": False, "reason": ""}]},
    {"vetoes.json": [{"key": "没有这个否决项", "value": True, "reason": "r"}]},
    {"photos.json": [{"file": ["photos/a.jpg"]}]},
], ids=["duplicate-entry", "points-list", "code-list", "evidence-text", "duplicate-veto", "unknown-veto",
        "photo-file-list"])
def test_odd_content_in_a_signed_bundle_is_refused_in_words(world, changes):
    made = setup_plans(world, with_keys=True)
    x1, lead = world["x1"], world["lead"]
    score(x1, made["x1"], "e1", "C6", met=True)
    odd = resign(export(x1, made["x1"], "e1"), x1.keys, x1.out / "odd", changes)
    before = lead.dump()
    outcome = merge_file(lead.store, lead.keys, odd)
    assert outcome.status == "rejected", outcome
    assert lead.dump() == before


@pytest.mark.parametrize("place, words", [
    ({"school": "", "indicator": "Z99"}, "没有指标 Z99"),          # no such indicator in the rubric
    ({"school": "s9", "indicator": "C6"}, "不分学校"),            # C6 is scored for the group as a whole
    ({"school": "", "indicator": "C20"}, "逐校评分"),             # C20 is per school: a school must be named
    ({"school": "t0", "indicator": "C20"}, "逐校评分"),           # a school of another group
    ({"caption": "长" * 2001}, "说明过长"),
    ({"school": ["s0"]}, "格式不对"),
], ids=["unknown-indicator", "school-on-group-indicator", "no-school", "other-groups-school", "long-caption",
        "school-list"])
def test_a_photo_must_belong_to_a_place_of_the_group(world, tmp_path, place, words):
    """photos.json names where each photo was taken; a place the plan does not have is refused, nothing stored."""
    from PIL import Image

    from inspector_app.store import photo_records as PR
    made = setup_plans(world, with_keys=True)
    x1, lead = world["x1"], world["lead"]
    plan, _rubric, groups = made["x1"]
    picture = tmp_path / "c6.jpg"
    Image.new("RGB", (64, 48), (200, 30, 30)).save(picture, "JPEG")
    PR.add_photos(x1.store, plan, groups["g4"], "e1", "", "C6", [picture])
    good = export(x1, made["x1"], "e1")
    photos = read_json(read_bag(good, x1.keys), "photos.json")
    assert [(m["school"], m["indicator"]) for m in photos] == [("", "C6")]
    odd = resign(good, x1.keys, x1.out / "odd", {"photos.json": [{**photos[0], **place}]})
    before = lead.dump()
    outcome = merge_file(lead.store, lead.keys, odd)
    assert outcome.status == "rejected", outcome
    assert "photos.json" in outcome.message and words in outcome.message, outcome.message
    assert lead.dump() == before
    assert merge_file(lead.store, lead.keys, good).status == "merged"  # the honest bundle still goes in


# --------------------------------------------------------------------------- the command line with bad input

def cli(folder: Path, *args: str) -> int:
    from inspector_app.cli.main import main
    return main(["--data-dir", str(folder), *args])


@pytest.mark.parametrize("command", [["export", "--expert", "demo-li", "--out"], ["package", "--out"],
                                     ["panel", "export", "--group", "g4", "--out"]])
def test_export_to_a_file_instead_of_a_folder_is_said_in_words(tmp_path, capsys, command):
    folder = tmp_path / "data"
    assert cli(folder, "demo") == 0
    not_a_folder = tmp_path / "u盘.txt"
    not_a_folder.write_text("x", encoding="utf-8")
    capsys.readouterr()
    assert cli(folder, *command, str(not_a_folder)) == 1
    err = capsys.readouterr().err
    assert "u盘.txt" in err and "Traceback" not in err


def test_baseline_from_a_folder_that_holds_no_data(tmp_path, capsys):
    folder = tmp_path / "data"
    assert cli(folder, "demo") == 0
    empty = tmp_path / "去年"
    empty.mkdir()
    capsys.readouterr()
    assert cli(folder, "plan", "baseline", str(empty)) == 1
    assert str(empty) in capsys.readouterr().err
    assert list(empty.iterdir()) == []  # no database made where there was none


def test_progress_for_an_unknown_group_says_so(tmp_path, capsys):
    folder = tmp_path / "data"
    assert cli(folder, "demo") == 0
    capsys.readouterr()
    assert cli(folder, "progress", "--group", "没有这个集团") == 1
    assert "没有这个集团" in capsys.readouterr().err


# --------------------------------------------------------------------------- restoring a backup

def test_a_restore_that_fails_halfway_keeps_the_live_database(data_dir, monkeypatch):
    import os

    from inspector_app.store import backup as B
    store = open_store(data_dir)
    holder = Machine.__new__(Machine)
    holder.store = store
    plan, rubric, groups = make_plan(holder)
    E.set_entry(store, plan, rubric, groups["g4"], "e0", E.GROUP, "C6", inputs={"met": True})
    backup = B.backup_now(store)
    E.set_entry(store, plan, rubric, groups["g4"], "e0", E.GROUP, "C6", inputs={"met": False})
    store.close()
    real_replace = os.replace

    def failing_replace(src, dst):
        if Path(dst).name == DB_NAME:
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(B.os, "replace", failing_replace)
    with pytest.raises(OSError):
        B.restore(data_dir, backup.path)
    monkeypatch.setattr(B.os, "replace", real_replace)
    again = open_store(data_dir)
    assert not again.report.created
    assert E.get_entry(again, plan.id, "g4", "e0", E.GROUP, "C6").points == 0  # the live data, as it was
    again.close()


@pytest.mark.parametrize("what", ["missing", "folder", "text"])
def test_restoring_from_something_that_is_no_backup_is_said_in_words(data_dir, tmp_path, what):
    from inspector_app.store import backup as B
    from inspector_app.store.db import StoreError
    source = tmp_path / "备份.db"
    if what == "folder":
        source.mkdir()
    elif what == "text":
        source.write_text("不是数据库", encoding="utf-8")
    with pytest.raises(StoreError) as caught:
        B.restore(data_dir, source)
    message = str(caught.value)
    assert str(source) in message
    assert not any(word in message for word in ("unable", "error", "database file", "not a database")), message


# --------------------------------------------------------------------------- the demo

def test_an_interrupted_demo_leaves_nothing_half_made(data_dir, monkeypatch):
    from inspector_app.store import demo
    from inspector_app.store import photo_records as PR
    store = open_store(data_dir)

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(PR, "add_photos", interrupted)  # Ctrl-C while the demo's photos are made
    with pytest.raises(KeyboardInterrupt):
        demo.make_demo(store)
    assert P.list_plans(store) == []
    assert store.conn.execute("SELECT COUNT(*) FROM entries").fetchone()[0] == 0
    monkeypatch.undo()
    plan = demo.make_demo(store)
    assert PR.list_photos(store, plan.id)  # made whole the second time
    store.close()
