"""整改事项 written in the findings view: the lead adds, corrects (with a reason) and removes (with a reason)
the group's items through the same core use cases as `inspector rectify add | update | remove`, refusals shown
under the form naming the field; members see the list read-only; all of it by keyboard."""
from __future__ import annotations

import re

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QPushButton  # noqa: E402

from inspector_app.store import rectification as R  # noqa: E402
from inspector_app.store.db import open_store  # noqa: E402
from inspector_app.store.demo import make_demo  # noqa: E402
from inspector_app.ui.app import create_window  # noqa: E402
from inspector_app.ui.identity_dialog import own_key  # noqa: E402


def _findings(qtbot, tmp_path, group_id):
    store = open_store(tmp_path / "lead")
    plan = make_demo(store)
    store.set_setting("current_plan", plan.id)
    window = create_window(store)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.select_group(group_id)
    window.show_findings()
    return store, plan, window, window.findings.items


def _mnemonics(widgets) -> list[str]:
    found = []
    for w in widgets:
        text = w.text() if isinstance(w, (QLabel, QPushButton)) else w.title()
        found += [m.upper() for m in re.findall(r"&(\w)", text)]
    return found


def _alt(qtbot, window, box, key) -> None:
    box.dialog = None
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(window, key, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: box.dialog is not None)


def test_the_lead_adds_corrects_and_removes_items_by_keyboard(qtbot, tmp_path):
    # gxr is the demo's finalised group (visit 2023-10-16); its three items are due 2023-12-15.
    store, plan, window, box = _findings(qtbot, tmp_path, "gxr")
    before = R.items(store, plan.id, "gxr")
    assert box.table.rowCount() == len(before) == 3 and box.add_button.isVisible()
    # Alt+Z reaches the list, Tab goes on to 新增 / 修改 / 删去; no mnemonic here clashes with the menus'.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is box.table
    QTest.keyClick(box.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is box.add_button
    menus = [a.text() for a in window.menuBar().actions()]
    view = window.findings
    own = _mnemonics([*(e.parentWidget() for e in view.edits.values()), box, box.add_button, box.edit_button,
                      box.remove_button])
    top = [m.upper() for t in menus for m in re.findall(r"&(\w)", t)]
    assert len(own) == len(set(own)) == 7 and not set(own) & set(top)

    # 新增 (Alt+N): an empty text is refused naming the field, nothing stored.
    _alt(qtbot, window, box, Qt.Key.Key_N)  # a mnemonic clicks after a short animation
    dialog = box.dialog
    assert dialog.isVisible()
    form_marks = _mnemonics([w for w in dialog.findChildren(QLabel) if "&" in w.text()])
    assert len(form_marks) == len(set(form_marks)) == 7
    assert dialog.deadline.date().toString("yyyy-MM-dd") == plan.publication.rectification_due == "2023-12-15"
    dialog.save_button.click()
    assert "整改事项的内容不能为空" in dialog.error.text() and dialog.isVisible()
    assert len(R.items(store, plan.id, "gxr")) == 3
    # Typed: the text, C6 ticked with Space (its 一级指标 filled in as the area), the second school,
    # a deadline before the visit: refused naming 整改时限 and the visit date.
    dialog.text.insertPlainText("紧缺学科教师未统一管理")
    dialog.indicators.setFocus()
    dialog.indicators.setCurrentRow(next(n for n in range(dialog.indicators.count())
                                         if dialog.indicators.item(n).text().startswith("C6 ")))
    QTest.keyClick(dialog.indicators, Qt.Key.Key_Space)
    assert dialog.indicators.chosen() == ("C6",)
    assert dialog.area.currentText() == "师资共育"  # 004 A2 师资共育 holds C6
    dialog.schools.item(1).setCheckState(Qt.CheckState.Checked)
    dialog.person.setText("执行校长 李某")
    dialog.deadline.setDate(dialog.deadline.date().fromString("2023-10-01", "yyyy-MM-dd"))
    QTest.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "整改时限 2023-10-01 早于考核日期 2023-10-16" in dialog.error.text()
    assert len(R.items(store, plan.id, "gxr")) == 3
    dialog.deadline.setDate(dialog.deadline.date().fromString("2023-11-30", "yyyy-MM-dd"))
    QTest.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    [new] = [i for i in R.items(store, plan.id, "gxr") if i.uid not in {b.uid for b in before}]
    school = next(s for s in window.workspace.group.schools if s.id == new.schools[0])
    assert (new.text, new.indicators, new.deadline, new.person, new.area) == \
        ("紧缺学科教师未统一管理", ("C6",), "2023-11-30", "执行校长 李某", "")  # area: by its indicator
    assert new.area_for(window.workspace.rubric) == "师资共育" and school.id == dialog.schools.item(1).data(Qt.ItemDataRole.UserRole)
    assert new.created_by == window.workspace.expert_name
    assert R.events(store, new.uid)[0].key_id == own_key(store).key_id
    assert box.table.rowCount() == 4

    # 修改 (Alt+E) needs a reason; with one, the change is an event with who and why.
    box.table.selectRow(3)
    _alt(qtbot, window, box, Qt.Key.Key_E)
    dialog = box.dialog
    assert dialog.indicators.chosen() == ("C6",) and dialog.text.toPlainText() == new.text
    dialog.unit.setText("集团总校")
    dialog.save_button.click()
    assert "修改理由不能为空" in dialog.error.text()
    dialog.reason.setText("责任单位补记")
    dialog.save_button.click()
    assert not dialog.isVisible()
    edited = R.get_item(store, new.uid)
    assert edited.unit == "集团总校"
    last = R.events(store, new.uid)[-1]
    assert (last.action, last.fields, last.reason, last.actor) == \
        ("edited", {"unit": "集团总校"}, "责任单位补记", window.workspace.expert_name)

    # 删去 (Alt+D) needs a reason; the item leaves the list, its record stays.
    _alt(qtbot, window, box, Qt.Key.Key_D)
    dialog = box.dialog
    dialog.ok.click()
    assert "删去理由不能为空" in dialog.error.text() and box.table.rowCount() == 4
    dialog.reason.insertPlainText("与 C5 重复")
    dialog.ok.click()
    assert not dialog.isVisible() and box.table.rowCount() == 3
    gone = R.get_item(store, new.uid)
    assert gone.removed and R.events(store, new.uid)[-1].reason == "与 C5 重复"
    window.close()
    store.close()


def test_members_see_the_items_read_only(qtbot, tmp_path):
    store, plan, window, box = _findings(qtbot, tmp_path, "g4")
    window.workspace.choose_identity("demo-li", own_key(store))
    window.findings.load(window.workspace)
    assert window.workspace.expert_role == "member"
    assert box.table.rowCount() == len(R.items(store, plan.id, "g4")) == 3
    assert not any(b.isVisible() for b in (box.add_button, box.edit_button, box.remove_button))
    assert box.note.isVisible() and "只读" in box.note.text()
    box.add_item()
    box.edit_item()
    assert box.dialog is None  # nothing to write with
    window.close()
    store.close()
