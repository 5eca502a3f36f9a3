"""整改事项 across packages and years: a repeated or amended plan package merges its items' events by id (what
is here stays, a repeat adds nothing); `plan baseline FOLDER` carries last year's open items from that data
folder (a new laptop's plan), evidence by hash, a second run adding nothing; a workbook says it holds none."""
from __future__ import annotations

import hashlib

from test_rectification import ROSTER, Laptops

from inspector_app.store import rectification as R
from inspector_app.store.db import open_store

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _items(L: Laptops, name: str, plan_id: str) -> dict[str, R.Item]:
    store = open_store(L.folder(name))
    try:
        return {i.text: i for i in R.items(store, plan_id)}
    finally:
        store.close()


def _newest(L: Laptops, pattern: str) -> None:
    """Only the newest plan package stays on the stick (join takes the last by name)."""
    packages = sorted(L.usb.glob(pattern), key=lambda p: p.stat().st_mtime)
    for old in packages[:-1]:
        old.unlink()


def test_last_years_folder_carries_open_items_and_packages_merge_them(tmp_path, capsys):
    L = Laptops(tmp_path, capsys)
    # Last year, on the old bureau laptop: two items, one reported fixed with the unit's report.
    roster = tmp_path / "roster.yaml"
    roster.write_text(ROSTER.format(year="2024—2025", key=L.key("lead")), encoding="utf-8")
    L.ok("old", "plan", "create", "--rubric", "suizhou-jlt", "--roster", roster)
    L.ok("old", "rectify", "add", "--group", "g4", "--indicator", "C6", "--text", "紧缺学科教师未统一管理")
    L.ok("old", "rectify", "add", "--group", "g4", "--indicator", "C8", "--text", "校本培训未覆盖成员学校")
    report = tmp_path / "整改报告.pdf"
    report.write_bytes(PDF)
    c6 = _items(L, "old", L.json("old", "plan", "list")[0]["id"])["紧缺学科教师未统一管理"]
    L.ok("old", "rectify", "update", c6.uid, "--status", "已整改", "--reason", "收到整改报告", "--evidence", report,
         "--on", "2024-11-20")

    # This year, on a new laptop: the new plan, and last year's data folder as its baseline.
    roster2 = tmp_path / "roster2.yaml"
    roster2.write_text(ROSTER.format(year="2025—2026", key=L.key("next")), encoding="utf-8")
    L.ok("bureau", "plan", "create", "--rubric", "suizhou-jlt", "--roster", roster2)
    plan_id = L.json("bureau", "plan", "list")[0]["id"]
    said = L.ok("bureau", "plan", "baseline", L.folder("old"))
    assert "上年未关闭的整改事项 2 项已转入本计划" in said
    here = _items(L, "bureau", plan_id)
    assert {t: (i.status, i.fixed_on) for t, i in here.items()} == {
        "紧缺学科教师未统一管理": ("已整改", "2024-11-20"), "校本培训未覆盖成员学校": ("未整改", "")}
    [proof] = here["紧缺学科教师未统一管理"].evidence
    store = open_store(L.folder("bureau"))
    assert (store.photos_dir / proof.stored).read_bytes() == PDF and proof.sha256 == hashlib.sha256(PDF).hexdigest()
    assert {u for u, role in R.links(store, plan_id).items() if role == "carried"} == {i.uid for i in here.values()}
    events = store.conn.execute("SELECT count(*) FROM rectification_events").fetchone()[0]
    store.close()
    L.ok("bureau", "plan", "baseline", L.folder("old"))  # again: the same items, no event twice
    store = open_store(L.folder("bureau"))
    assert store.conn.execute("SELECT count(*) FROM rectification_events").fetchone()[0] == events
    store.close()

    # The plan package carries them to the panel's laptop.
    L.ok("bureau", "package", "--out", L.usb)
    L.join("next", "考核计划-*.zip")
    assert {t: i.status for t, i in _items(L, "next", plan_id).items()} == \
        {"紧缺学科教师未统一管理": "已整改", "校本培训未覆盖成员学校": "未整改"}
    # The bureau records progress and sends the package again, the plan itself unchanged: merged by id.
    c8 = here["校本培训未覆盖成员学校"]
    L.ok("bureau", "rectify", "update", c8.uid, "--status", "整改中", "--reason", "已制定培训计划")
    L.ok("bureau", "package", "--out", L.usb)
    _newest(L, "考核计划-*.zip")
    said = L.ok("next", "merge", *L.usb.glob("考核计划-*.zip"))
    assert "内容相同" in said and "1 项整改事项有新的记录，已并入" in said and "已合并过" not in said
    assert _items(L, "next", plan_id)["校本培训未覆盖成员学校"].status == "整改中"
    before = L.digest("next")
    said = L.ok("next", "merge", *L.usb.glob("考核计划-*.zip"))  # the same package again: nothing new
    assert "内容相同" in said and "并入" not in said and L.digest("next") == before
    # An amended package (a school renamed) with another change: the amendment and the item together.
    L.ok("bureau", "plan", "amend", "--rename-school", "s1=中卫市第四中学教育集团镇罗校区（新校址）", "--reason", "校区迁址")
    L.ok("bureau", "rectify", "update", c8.uid, "--status", "已整改", "--reason", "培训已覆盖成员学校", "--on", "2025-12-01")
    L.ok("bureau", "package", "--out", L.usb)
    _newest(L, "考核计划-*.zip")
    said = L.ok("next", "merge", *L.usb.glob("考核计划-*.zip"))
    assert "已按教育局修订的计划包" in said and "1 项整改事项有新的记录，已并入" in said
    moved = _items(L, "next", plan_id)["校本培训未覆盖成员学校"]
    assert (moved.status, moved.fixed_on) == ("已整改", "2025-12-01")
    assert [e.reason for e in R.events(open_store(L.folder("next")), moved.uid)][-2:] == ["已制定培训计划", "培训已覆盖成员学校"]


def test_a_workbook_baseline_says_it_carries_no_items(tmp_path, capsys):
    L = Laptops(tmp_path, capsys)
    roster = tmp_path / "roster.yaml"
    roster.write_text(ROSTER.format(year="2024—2025", key=L.key("lead")), encoding="utf-8")
    L.ok("old", "demo")  # a plan with finalised groups, whose results workbook can be written
    workbook = tmp_path / "上年结果.xlsx"
    L.ok("old", "results", "--out", workbook)
    L.ok("bureau", "plan", "create", "--rubric", "suizhou-jlt", "--roster", roster)
    said = L.ok("bureau", "plan", "baseline", workbook)
    assert "结果工作簿不含整改事项" in said and "plan baseline 上年的数据文件夹" in said
