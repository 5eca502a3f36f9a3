"""The window's part of 整改: the bureau's 整改台账 (keyboard, filters, overdue first, the same rows as the
workbook's sheet) and last year's open items on their indicator's page."""
from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from inspector_app.results.rectify_ledger import as_cells, ledger  # noqa: E402
from inspector_app.store import rectification as R  # noqa: E402
from inspector_app.store.db import open_store  # noqa: E402
from inspector_app.store.demo import make_demo  # noqa: E402
from inspector_app.ui.app import create_window  # noqa: E402
from inspector_app.workspace import Place  # noqa: E402

AS_OF = "2023-12-20"  # after the demo's 整改时限 (2023-12-15): every item not reported fixed is overdue


def _window(qtbot, store):
    window = create_window(store)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_ledger_is_filtered_by_keyboard_and_lists_overdue_first(qtbot, tmp_path):
    store = open_store(tmp_path / "bureau")
    plan = make_demo(store)
    found = R.items(store, plan.id)
    assert len(found) >= 3
    bureau = R.Actor("沙坡头区教育局")
    R.set_status(store, found[0], R.FIXED, bureau, "收到整改报告", on_date="2023-12-01")
    window = _window(qtbot, store)
    window.data_menus.show_bureau()
    view = window.data_menus.bureau.open_rectification(modal=False)
    view.as_of = AS_OF
    view.rows_all = ledger(store, plan, AS_OF)
    view.refresh()
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    rows = [[view.table.item(r, c).text() for c in range(view.table.columnCount())] for r in range(view.table.rowCount())]
    assert rows == [[("" if v is None else str(v)) for v in as_cells(r)] for r in ledger(store, plan, AS_OF)]
    assert rows[-1][0] == found[0].uid and rows[-1][10] == ""  # reported fixed in time: last, not overdue
    assert all(r[10] == "逾期" for r in rows[:-1])
    # Alt+S puts the keyboard on the status filter; choosing 已整改 leaves the one item reported fixed.
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    from PySide6.QtTest import QTest
    QTest.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is view.status
    view.status.setCurrentIndex(view.status.findData(R.FIXED))
    assert view.table.rowCount() == 1 and view.table.item(0, 0).text() == found[0].uid
    view.group.setCurrentIndex(view.group.findText("中卫市宣和教育集团"))
    assert view.table.rowCount() == (found[0].group_id == "g2")
    view.close()
    window.close()
    store.close()


def test_last_years_open_items_show_on_their_indicator_page(qtbot, tmp_path):
    store = open_store(tmp_path / "panel")
    plan = make_demo(store)
    item = next(i for i in R.items(store, plan.id, "g4"))
    with store.tx():  # carried into this plan, as `plan create --previous` links them
        R.link(store, plan.id, item.uid, "carried")
    store.set_setting("current_plan", plan.id)
    window = _window(qtbot, store)
    window.select_group("g4")
    ws = window.workspace
    code = item.indicators[0]
    place = next(p for p in ws.places if p.code == code)
    window.show_place(place)
    page = window.page
    assert page.carried.isVisibleTo(window) and item.text in page.carried.text() and "未整改" in page.carried.text()
    other = next(p for p in ws.places if p.code not in item.indicators)
    window.show_place(Place(other.school_id, other.code))
    assert not page.carried.isVisibleTo(window)
    window.close()
    store.close()
