"""Keyboard: no mnemonic or shortcut clashes, Tab in reading order, a focus ring, F1 lists the shortcuts."""
from __future__ import annotations

import re

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtGui import QAction, QKeySequence  # noqa: E402
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel  # noqa: E402

from inspector_app.store.demo import make_demo  # noqa: E402
from tests.test_ui_window import focused, key, open_window, store  # noqa: E402,F401

MNEMONIC = re.compile(r"&([^&\s])")
# Keys a text box keeps for itself on Linux (Qt's X11 bindings: Ctrl+E end of line, Ctrl+U/K delete, …)
TEXT_KEYS = {"Ctrl+A", "Ctrl+C", "Ctrl+V", "Ctrl+X", "Ctrl+Z", "Ctrl+Y", "Ctrl+E", "Ctrl+U", "Ctrl+K",
             "Ctrl+Home", "Ctrl+End", "Ctrl+Left", "Ctrl+Right", "Ctrl+Backspace", "Ctrl+Del", "Ctrl+Shift+Z",
             "Home", "End", "Del", "Backspace", "Alt+Down", "Alt+Up"}


def _mnemonics(window) -> list[str]:
    found = [m.upper() for a in window.menuBar().actions() for m in MNEMONIC.findall(a.text())]
    for widget in window.findChildren(QAbstractButton) + window.findChildren(QLabel):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel) and widget.buddy() is None:
            continue
        found += [m.upper() for m in MNEMONIC.findall(widget.text())]
    return found


def test_no_two_controls_on_a_screen_share_a_mnemonic(qtbot, store):
    make_demo(store)
    window = open_window(qtbot, store)
    screens = {"评分": lambda: window.show_scoring(), "专家组意见": lambda: window.show_findings(),
               "合议": lambda: window.data_menus.show_consensus(), "汇总": lambda: window.data_menus.show_bureau(),
               "主页": lambda: window.show_home()}
    for name, show in screens.items():
        show()
        QApplication.processEvents()
        letters = _mnemonics(window)
        dupes = sorted({m for m in letters if letters.count(m) > 1})
        assert not dupes, f"{name}: {dupes}"
    for menu_action in window.menuBar().actions():  # and within each menu
        letters = [m.upper() for a in menu_action.menu().actions() for m in MNEMONIC.findall(a.text())]
        assert len(letters) == len(set(letters)), menu_action.text()


def test_no_shortcut_is_taken_twice_or_kept_by_a_text_box(qtbot, store):
    make_demo(store)
    window = open_window(qtbot, store)
    seen: dict[str, str] = {}
    for action in window.findChildren(QAction):
        for seq in action.shortcuts():
            text = seq.toString(QKeySequence.SequenceFormat.PortableText)
            assert text not in seen, f"{text}: {seen.get(text)} and {action.text()}"
            assert text not in TEXT_KEYS, f"{text} ({action.text()}) does nothing in a text box"
            seen[text] = action.text()


def test_tab_goes_down_the_page_in_reading_order(qtbot, store):
    make_demo(store)
    window = open_window(qtbot, store)
    window.select_group("g4")
    window.navigator.select(window.workspace.find_code("C1"))
    page = window.page
    page.focus_first()
    body = page.widget()
    positions, names = [], []
    for _ in range(40):
        widget = focused()
        if not body.isAncestorOf(widget):
            break
        at = widget.mapTo(body, QPoint(0, 0))
        positions.append((at.y(), at.x()))
        names.append(widget.objectName() or type(widget).__name__)
        key(Qt.Key.Key_Tab)
    assert len(positions) > 8
    rows = [y for y, _x in positions]
    # down the page: never back up by more than a line (side-by-side boxes share a row)
    assert all(b >= a - 30 for a, b in zip(rows, rows[1:])), list(zip(names, positions))[:60]
    reached = set(names)
    assert {"YesNoBox", "CountBox", "QToolButton", "_NoteEdit", "QPushButton"} <= reached, reached


def test_focus_ring_and_f1_panel(qtbot, store):
    make_demo(store)
    window = open_window(qtbot, store)
    assert ":focus" in window.styleSheet() and "border: 2px solid" in window.styleSheet()
    key(Qt.Key.Key_F1)
    panel = window.help_menu.keys_panel
    qtbot.waitExposed(panel)
    rows = panel.texts()
    for action in window.findChildren(QAction):
        for seq in action.shortcuts():
            native = seq.toString(QKeySequence.SequenceFormat.NativeText)
            assert any(native in row for row in rows), (native, action.text())
    assert any("Y / N / A" in row for row in rows)
    panel.close()
