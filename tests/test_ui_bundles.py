"""Bundles, 合议, reports and the bureau's ranking, driven through the window with real data folders.

An expert's laptop and the panel lead's laptop are two data folders side by side; files cross between
them through a folder standing in for the USB stick. Only the system's dialogs and viewer are replaced.
"""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PIL import Image  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QDesktopServices  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox  # noqa: E402

from inspector_app.bundles.verification import verify_file  # noqa: E402
from inspector_app.bundles.export import export_plan  # noqa: E402
from inspector_app.bundles.keys import KeyStore  # noqa: E402
from inspector_app.bundles.merge import merge_files  # noqa: E402
from inspector_app.numbers import fmt_points  # noqa: E402
from inspector_app.results.from_store import plan_results  # noqa: E402
from inspector_app.store import entries as E  # noqa: E402
from inspector_app.store import plans as P  # noqa: E402
from inspector_app.store.consensus import panel_scorer, places  # noqa: E402
from inspector_app.store.db import open_store  # noqa: E402
from inspector_app.store.demo import make_demo  # noqa: E402
from inspector_app.ui import keys_dialog, merge_results  # noqa: E402
from inspector_app.ui.app import create_window  # noqa: E402
from inspector_app.workspace import Place  # noqa: E402


@pytest.fixture
def said(monkeypatch):
    """The message boxes and the PDF viewer, recorded instead of shown."""
    log = {"info": [], "warn": [], "opened": [], "missing": []}
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: log["info"].append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: log["warn"].append(text))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: log["opened"].append(Path(url.toLocalFile())))
    monkeypatch.setattr(merge_results.MergeResultsDialog, "exec", lambda self: 1)  # shown, then closed
    from inspector_app.ui import completion_check
    monkeypatch.setattr(completion_check, "confirm_complete",
                        lambda _p, ws, ids, **_k: log["missing"].append(completion_check.missing_lines(ws, ids)) or True)
    return log


@pytest.fixture
def stores(tmp_path):
    opened = []

    def make(name: str):
        store = open_store(tmp_path / name)
        opened.append(store)
        return store
    yield make
    for store in opened:
        store.close()


def window_for(qtbot, store):
    window = create_window(store)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def test_expert_to_lead_consensus_and_panel_bundle(qtbot, stores, tmp_path, said, monkeypatch):
    usb = tmp_path / "usb"
    # The lead's laptop has the plan (the demo); its plan package goes to the expert's laptop.
    lead_store = stores("lead")
    plan = make_demo(lead_store)
    lead_keys = KeyStore(lead_store.data_dir)
    package = export_plan(lead_store, lead_keys, plan, usb).path
    expert_store = stores("expert")
    expert_keys = KeyStore(expert_store.data_dir)
    expert_keys.trust(lead_keys.own_key().public_key, "张明华（组长）")  # compared on the spot
    assert [o.status for o in merge_files(expert_store, expert_keys, [package])] == ["created"]
    expert_store.set_setting(f"me:{plan.id}", "demo-li")

    # The expert scores C5 of 第四中学, differently from the lead, with a photo.
    expert = window_for(qtbot, expert_store)
    assert expert.workspace.expert_id == "demo-li"
    expert.select_group("g4")
    ws = expert.workspace
    place = Place("", "C5")
    lead_points = E.get_entry(lead_store, plan.id, "g4", "demo-lead", "", "C5").points
    ws.draft(place, "cycle.value", "95")
    for value in ("1", "30", "18"):
        ws.draft(place, "ratio.value", value)
        if ws.outcome(place)[1] != lead_points:
            break
    ws.draft_entry(place, note="交流教师名单与实际到岗不一致")
    ws.commit()
    assert ws.outcome(place)[1] not in (None, lead_points)
    photo = tmp_path / "c5.jpg"
    Image.new("RGB", (64, 48), (200, 80, 40)).save(photo, "JPEG")
    assert ws.add_photos(place, [photo]).added

    # A cancelled export leaves nothing at the destination.
    cancelled_dir = tmp_path / "cancelled"
    cancelled_dir.mkdir()
    expert.data_menus.bundles.job_started.connect(
        lambda job: job.progressed.connect(job.cancel, Qt.ConnectionType.DirectConnection))
    assert expert.data_menus.bundles.export_mine(cancelled_dir) == []
    assert list(cancelled_dir.iterdir()) == []
    assert "已取消" in said["info"][-1]
    expert.data_menus.bundles.job_started.disconnect()

    # The real export: one bundle per group scored (only 第四中学), verified.
    results = expert.data_menus.bundles.export_mine(usb)
    assert said["missing"] and any("项未评" in line for line in said["missing"][-1])  # 完成检查 said what is left
    assert len(results) == 1 and results[0].path.parent == usb and results[0].photos == 1
    assert results[0].sequence == 2  # the cancelled export skipped 1: numbers are recorded before writing
    assert str(results[0].path) in said["info"][-1] and "校验" in said["info"][-1]
    bundle = results[0].path

    # The lead imports it: held (unknown signer) until the fingerprints are compared.
    lead = window_for(qtbot, lead_store)
    outcomes = lead.data_menus.bundles.import_files([bundle])
    assert [o.status for o in outcomes] == ["held"]
    dialog = lead.data_menus.bundles.last_results
    fingerprint = expert_keys.own_key().fingerprint
    assert dialog.fp.text() == fingerprint and dialog.trust_button.isEnabled()
    assert "inspector keys" not in dialog.list.item(0).text()

    def read_aloud(trust: keys_dialog.TrustDialog) -> int:
        trust.typed.setText("AAAA-BBBB-CCCC-DDDD")  # misheard: cannot be trusted
        assert not trust.trust_button.isEnabled() and "不一致" in trust.verdict.text()
        trust.typed.setText(fingerprint.lower().replace("-", " "))
        trust.name.setText("李静")
        assert trust.trust_button.isEnabled()
        return 1
    monkeypatch.setattr(keys_dialog.TrustDialog, "exec", read_aloud)
    assert dialog.trust_row(0)
    assert dialog.results[0][1].status == "merged"
    assert "已合并" in dialog.list.item(0).text()

    # 合议: the disagreement side by side, decided with a reason.
    lead.data_menus.show_consensus()
    view = lead.data_menus.consensus
    assert lead.stack.currentWidget() is view
    view.groups.setCurrentIndex(view.groups.findData("g4"))
    row = next(i for i, p in enumerate(view.shown) if (p.school_id, p.indicator) == ("", "C5"))
    view.table.setCurrentCell(row, 0)
    shown = view.current()
    assert set(shown.scores) == {"demo-lead", "demo-li"} and shown.scores["demo-li"] != lead_points
    names = [view.table.horizontalHeaderItem(c).text().replace("\n", "") for c in range(view.table.columnCount())]
    assert "李静（演示专家）" in names and "张明华（演示组长）" in names
    boxes = [w for w in view.scores_box.findChildren(QLabel) if w.pixmap() is not None and not w.pixmap().isNull()]
    assert boxes, "the expert's photo thumbnail"
    assert any("交流教师名单" in w.text() for w in view.scores_box.findChildren(QLabel))
    view.points.setText("7")
    view.reason.setPlainText("")
    assert not view.decide()
    assert "理由" in view.error.text()
    view.reason.setPlainText("核对交流教师名单后，按实际到岗人数计")
    assert view.decide()
    settled = next(p for p in places(lead_store, plan, P.get_group(lead_store, plan.id, "g4"))
                   if (p.school_id, p.indicator) == ("", "C5"))
    assert settled.decided == 7 and settled.decided_reason.startswith("核对")
    assert view.current().indicator == "C5"
    row_texts = [view.table.item(view.table.currentRow(), c).text() for c in range(view.table.columnCount())]
    assert "7" in row_texts and "组长决定" in row_texts

    # The panel bundle, with the expert's original inside.
    panel_dir = tmp_path / "to-bureau"
    exported = lead.data_menus.bundles.export_panel("g4", panel_dir)
    assert len(exported) == 1
    ok, message = verify_file(exported[0].path, KeyStore(lead_store.data_dir))
    assert ok, message
    expert.close()
    lead.close()


def test_report_from_the_window_has_the_panel_total(qtbot, store_demo, tmp_path, said):
    store, plan = store_demo
    window = window_for(qtbot, store)
    window.select_group("g4")
    out = tmp_path / "反馈.pdf"
    op = window.data_menus.reports.feedback(out)
    assert op.done and not op.was_cancelled and out.is_file() and said["opened"] == [out]
    group = P.get_group(store, plan.id, "g4")
    total = panel_scorer(store, plan, P.plan_rubric(store, plan), group).card().total
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert fmt_points(total) in text
    sheet = tmp_path / "评分表.pdf"
    assert window.data_menus.reports.score_sheet(sheet).done
    assert sheet.is_file() and said["opened"][-1] == sheet
    # Cancelled: nothing written, nothing opened
    window.data_menus.reports.job_started.connect(
        lambda job: job.progressed.connect(job.cancel, Qt.ConnectionType.DirectConnection))
    assert window.data_menus.reports.feedback(tmp_path / "取消.pdf").was_cancelled
    assert not (tmp_path / "取消.pdf").exists() and len(said["opened"]) == 2
    window.close()


def test_bureau_ranking_is_the_core_ranking(qtbot, store_demo, tmp_path, said):
    store, plan = store_demo
    window = window_for(qtbot, store)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # 教育局 → 汇总排名
    view = window.data_menus.bureau
    assert window.stack.currentWidget() is view
    expected = [(r.rank, r.unit.name, fmt_points(r.unit.total)) for r in plan_results(store, plan).units]
    assert view.ranking() == expected
    view.table.setCurrentCell(0, 0)
    assert view.tree.topLevelItemCount() > 0
    book, pdf = tmp_path / "结果.xlsx", tmp_path / "公示.pdf"
    assert view.export_workbook(book).done and view.export_pdf(pdf).done
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".xlsx", ".pdf")) == ["公示.pdf", "结果.xlsx"]
    assert book.is_file() and pdf.is_file() and said["opened"] == [book, pdf]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # back to scoring
    assert window.stack.currentWidget() is window.splitter
    window.close()


@pytest.fixture
def store_demo(stores):
    store = stores("demo")
    return store, make_demo(store)


def test_expert_export_warns_of_what_travels_in_no_bundle(qtbot, stores, tmp_path, said):
    store = stores("one")
    plan = make_demo(store)  # the demo's three experts all scored on this laptop
    store.set_setting(f"me:{plan.id}", "demo-li")
    window = window_for(qtbot, store)
    window.select_group("g4")
    results = window.data_menus.bundles.export_mine(tmp_path / "usb")
    assert results and all(r.warnings for r in results)
    shown = said["warn"][-1]  # a warning, not the plain "exported" message
    assert "已导出，并已读回校验" in shown
    assert "注意：张明华（演示组长） 的" in shown and "只在本机，不在任何数据包中" in shown
    assert "代录的评分由组长放入专家组数据包" in shown
    assert not any("只在本机" in text for text in said["info"])


def test_bureau_view_flags_overrides_in_a_column(qtbot, store_demo, said):
    store, plan = store_demo
    from inspector_app.store import finalisation as FN
    rubric = P.plan_rubric(store, plan)
    group = P.get_group(store, plan.id, "gxr")
    before = E.get_entry(store, plan.id, group.id, "demo-lead", "", "C1")
    E.set_entry(store, plan, rubric, group, "demo-lead", "", "C1",
                inputs={"override_reason": "缺一项扣0.5分适用于全部5分", "override": "4"})
    FN.finalise(store, plan, rubric, group, "demo-lead", "2023-10-16", "2023-10-17", reason="C1 改定得分")
    window = window_for(qtbot, store)
    window.data_menus.show_bureau()
    view = window.data_menus.bureau
    heads = [view.table.horizontalHeaderItem(c).text() for c in range(view.table.columnCount())]
    column = heads.index("改定得分")
    row = next(r for r in range(view.table.rowCount()) if view.table.item(r, 1).text() == group.name)
    cell = view.table.item(row, column)
    assert "C1" in cell.text().split("、")
    assert "C1：改定为" in cell.toolTip() and "缺一项扣0.5分适用于全部5分" in cell.toolTip()
    if before is not None and before.points is not None:
        unit = next(u.unit for u in plan_results(store, plan).units if u.unit.name == group.name)
        assert unit.indicator("C1").override_reason
    others = [view.table.item(r, column).text() for r in range(view.table.rowCount()) if r != row]
    assert all(text == "—" for text in others)
    window.close()


def test_export_message_counts_the_photos_in_the_bundle_not_the_removed_ones(qtbot, stores, tmp_path, said):
    """A removed photo travels only as a record (so the lead knows it was taken off): the message's first line
    counts the photos in the bundle, as its 收入的照片 line below does, and as `inspector export` says it."""
    import re
    from inspector_app.store import photo_records as PR
    store = stores("one")
    plan = make_demo(store)
    photos = PR.list_photos(store, plan.id, "g4", expert_id="demo-lead")
    assert len(photos) >= 2
    PR.remove_photo(store, photos[0].id, "demo-lead")
    window = window_for(qtbot, store)
    window.select_group("g4")
    results = window.data_menus.bundles.export_mine(tmp_path / "usb")
    ours = next(r for r in results if "中卫市第四中学" in r.path.name)
    assert ours.photos == len(photos) - 1 == len(ours.photo_list)
    shown = (said["warn"] + said["info"])[-1]
    head = next(line for line in shown.splitlines() if ours.path.name in line)
    carried = shown.splitlines()[shown.splitlines().index(head) + 1]
    assert f"{len(photos) - 1} 张照片" in head and f"收入的照片（{len(photos) - 1} 张）" in carried
    assert re.search(r"，(\d+) 张照片", head).group(1) == re.search(r"收入的照片（(\d+) 张）", carried).group(1)
