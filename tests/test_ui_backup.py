"""数据 → 备份与恢复 in the window: the list (time, size, what each holds), backup now, restore with a
confirmation, the current database kept aside under a name that says so, and refusals that change nothing."""
from __future__ import annotations

import sqlite3

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QMessageBox  # noqa: E402

from inspector_app.store import backup as B  # noqa: E402
from inspector_app.store import plans as P  # noqa: E402
from inspector_app.store.db import open_store  # noqa: E402
from inspector_app.ui import backup_dialog  # noqa: E402
from inspector_app.ui.app import create_window  # noqa: E402


@pytest.fixture
def said(monkeypatch):
    log = {"info": [], "warn": [], "asked": []}
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: log["info"].append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: log["warn"].append(text))
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a: log["warn"].append(text))
    monkeypatch.setattr(backup_dialog, "ask", lambda _p, _t, text: log["asked"].append(text) or log.get("answer", True))
    return log


@pytest.fixture
def window(qtbot, data_dir):
    store = open_store(data_dir)
    win = create_window(store)  # an empty folder: the demo opens
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    yield win
    win.store.close()


def findings(window) -> dict:
    return window.workspace.findings()


def test_the_list_says_when_how_big_and_what_each_backup_holds(window, said):
    made = window.data_menus.backups.backup_now()
    assert made is not None and "已备份到" in window.statusBar().currentMessage()
    dialog = window.data_menus.show_backups()
    assert dialog.table.rowCount() == len(B.list_backups(window.store.data_dir)) >= 1
    assert dialog.table.item(0, 0).text() == f"{made.made_at:%Y-%m-%d %H:%M:%S}"
    assert dialog.table.item(0, 1).text().endswith("KB")
    held = dialog.table.item(0, 2).text()
    assert window.workspace.plan.title in held and "评分" in held and "照片" in held
    dialog.backup_now()
    assert dialog.table.rowCount() == len(B.list_backups(window.store.data_dir)) >= 2
    dialog.close()


def test_restore_asks_keeps_the_current_database_aside_and_reopens(window, said):
    ws = window.workspace
    ws.set_finding("achievements", "备份之前写的成绩")
    good = window.data_menus.backups.backup_now()
    ws.set_finding("achievements", "备份之后写的成绩")
    plan_id = ws.plan.id
    dialog = window.data_menus.show_backups()
    dialog.table.setCurrentCell(0, 0)  # the newest: the one just made
    said["answer"] = False
    dialog.restore_selected()  # asked, answered 取消: nothing happens
    assert said["asked"] and good.path.name in said["asked"][0] and "replaced-" in said["asked"][0]
    assert findings(window)["achievements"] == "备份之后写的成绩"
    said["answer"] = True
    dialog.restore_selected()
    assert not said["warn"], said["warn"]
    assert window.workspace is not None and window.workspace.plan.id == plan_id  # reopened where it was
    assert findings(window)["achievements"] == "备份之前写的成绩"
    assert "已通过完整性检查" in said["info"][-1]
    kept = [b for b in B.backup_dir(window.store.data_dir).glob("replaced-*.db")]
    assert len(kept) == 1 and str(kept[0]) in said["info"][-1]
    conn = sqlite3.connect(kept[0])  # what was replaced is all there
    assert "备份之后写的成绩" in {r[0] for r in conn.execute("SELECT text FROM findings")}
    conn.close()
    # the window works on the restored store: a save goes through
    change = window.workspace.set_finding("achievements", "恢复之后写的")
    assert not change.save_error and findings(window)["achievements"] == "恢复之后写的"


def test_a_foreign_file_is_refused_before_anything_closes(window, said, tmp_path):
    foreign = tmp_path / "other.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = window.workspace.findings()
    store = window.store
    dialog = window.data_menus.show_backups()
    dialog.restore_file(foreign)
    assert said["warn"] and "不是 Inspector 的数据库备份" in said["warn"][0] and not said["asked"]
    assert window.store is store and window.workspace.findings() == before  # the store was never closed
    dialog.restore_file(tmp_path / "none.db")
    assert "不存在" in said["warn"][1]
    assert P.list_plans(window.store)
