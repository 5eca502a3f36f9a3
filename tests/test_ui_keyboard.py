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


def test_a_mnemonic_is_its_shortcuts_letter(qtbot, store):
    """跳到指标编号 is Ctrl+G and (G), 选择集团 Ctrl+J and (J), like the group chooser's label 集团(J):
    not crossed."""
    make_demo(store)
    window = open_window(qtbot, store)
    checked = []
    for menu in (a.menu() for a in window.menuBar().actions() if a.menu() is not None):  # every menu
        for action in menu.actions():
            letters = MNEMONIC.findall(action.text())
            for seq in action.shortcuts():
                text = seq.toString(QKeySequence.SequenceFormat.PortableText)
                if letters and re.fullmatch(r"Ctrl\+[A-Z]", text):
                    assert letters[0].upper() == text[-1], (action.text(), text)
                    checked.append(text)
    assert {"Ctrl+G", "Ctrl+J", "Ctrl+F", "Ctrl+N", "Ctrl+Q", "Ctrl+R", "Ctrl+P"} <= set(checked), checked
    from PySide6.QtWidgets import QLabel
    label = next(lb for lb in window.navigator.findChildren(QLabel) if lb.buddy() is window.navigator.group_combo)
    assert "(&J)" in label.text()
    import xml.etree.ElementTree as ET
    from pathlib import Path
    ts = ET.parse(Path(__file__).resolve().parent.parent / "resources" / "i18n" / "inspector_en.ts")
    english = {m.findtext("source"): m.findtext("translation") for m in ts.iter("message")}
    assert MNEMONIC.findall(english["跳到指标编号(&G)…"])[0].upper() == "G"  # and so in English
    assert MNEMONIC.findall(english["选择集团(&J)…"])[0].upper() == "J"
    assert MNEMONIC.findall(english["生成现场反馈报告(&R)…"])[0].upper() == "R"
    assert MNEMONIC.findall(english["打印评分表(&P)…"])[0].upper() == "P"


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


def test_focus_ring_and_f1_panel(qtbot, store, request):
    from inspector_app.ui.i18n import QT_GAPS, QtGaps
    make_demo(store)
    window = open_window(qtbot, store)
    gaps = QtGaps(QApplication.instance(), QT_GAPS["zh_CN"])  # as i18n.install("zh_CN") puts it over Qt's own
    QApplication.installTranslator(gaps)
    request.addfinalizer(lambda: QApplication.removeTranslator(gaps))
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
    # the arrow keys as the buttons' tips write them, not Qt's 右方向 / 左方向
    assert any(row.startswith("Ctrl+PgDown 或 Alt+→\t") for row in rows), rows
    assert any(row.startswith("Ctrl+PgUp 或 Alt+←\t") for row in rows), rows
    assert not any("方向" in row for row in rows), rows
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)  # it holds the keyboard: Escape is its own
    qtbot.keyClick(QApplication.focusWidget() or panel, Qt.Key.Key_Escape)
    assert not panel.isVisible()


def _tab_to(widget, limit: int = 80) -> None:
    for _ in range(limit):
        if focused() is widget:
            return
        key(Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {widget.text() if hasattr(widget, 'text') else widget}")


def test_evidence_file_photo_choice_caption_and_markup_by_keyboard(qtbot, store, tmp_path, monkeypatch):
    """At one indicator, with the keyboard alone: add a PDF, open it (a copy, under its own name), remove it and
    undo; take a photo out of the report and back, write its caption, mark it up; every button reached by Tab."""
    import hashlib
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QDialog
    from inspector_app.store import evidence_records as ER
    from inspector_app.store import photo_markup as M
    from inspector_app.ui import file_dialogs
    from inspector_app.store import photo_records as PR
    from inspector_app.ui.caption_dialog import CaptionDialog
    from inspector_app.ui.markup_editor import MarkupDialog
    from tests.test_evidence_files import PDF
    plan = make_demo(store)
    window = open_window(qtbot, store)
    ws = window.workspace
    key(Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    from tests.test_ui_window import type_text
    type_text("C6")
    key(Qt.Key.Key_Return)
    page, photos, files = window.page, window.page.photos, window.page.files
    place = window.place
    pdf = tmp_path / "学校章程.pdf"
    pdf.write_bytes(PDF)
    monkeypatch.setattr(file_dialogs, "open_file_names", lambda *a, **k: [str(pdf)])
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile()) or True))

    _tab_to(files.add_button)
    key(Qt.Key.Key_Space)
    [rec] = ER.list_files(store, plan.id, ws.group.id, school_id=place.school_id, indicator=place.code)
    assert files.list.topLevelItem(0).text(0) == "学校章程.pdf" and files.list.topLevelItem(0).text(1) == "PDF 文档"
    _tab_to(files.list)
    key(Qt.Key.Key_Return)
    assert [p.rsplit("/", 1)[-1] for p in opened] == ["学校章程.pdf"]
    assert open(opened[0], "rb").read() == PDF and opened[0] != str(store.photos_dir / rec.stored)
    key(Qt.Key.Key_Delete)
    assert ER.list_files(store, plan.id, ws.group.id, indicator=place.code) == []
    assert files.undo_button.isEnabled()
    while focused() is not files.undo_button:
        key(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    key(Qt.Key.Key_Space)
    assert [f.id for f in ER.list_files(store, plan.id, ws.group.id, indicator=place.code)] == [rec.id]

    # Photos: every button is on the Tab path, the choice for the report is one key away.
    [shot] = ws.photos(place)
    original = PR.file_path(store, shot).read_bytes()
    page.focus_first()
    for button in (photos.caption, photos.markup, photos.chosen, photos.remove):
        _tab_to(button)
        assert button.hasFocus() and button.isVisible()
    assert shot.chosen and photos.chosen.isChecked()
    while focused() is not photos.chosen:
        key(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    key(Qt.Key.Key_Space)
    assert not PR.get_photo(store, shot.id).chosen and not photos.list.currentItem().text().startswith("✓")
    key(Qt.Key.Key_Space)
    assert PR.get_photo(store, shot.id).chosen and photos.list.currentItem().text().startswith("✓")
    label = photos.list.currentItem().text()
    assert label.startswith("✓ " + shot.name[:6]) and shot.when in label

    seen = {}

    def caption_by_keys(dialog):
        dialog.show()
        seen["size"] = (dialog.width(), dialog.height())
        dialog.edit.selectAll()
        QTest.keyClicks(dialog.edit, "Line one")
        QTest.keyClick(dialog.edit, Qt.Key.Key_Return)  # Enter is a new line, not "save"
        QTest.keyClicks(dialog.edit, "Line two")
        QTest.keyClick(dialog.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        return dialog.result()
    monkeypatch.setattr(CaptionDialog, "exec", caption_by_keys)
    while focused() is not photos.caption:
        key(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    key(Qt.Key.Key_Space)
    assert PR.get_photo(store, shot.id).caption == "Line one\nLine two"
    assert seen["size"][0] >= 480 and seen["size"][1] >= 260

    def markup_by_keys(dialog):
        dialog.show()
        canvas = dialog.canvas
        QTest.keyClick(canvas, Qt.Key.Key_Return)  # a circle in the middle
        QTest.keyClick(canvas, Qt.Key.Key_2)  # the arrow tool
        QTest.keyClick(canvas, Qt.Key.Key_Return)
        QTest.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the arrow
        QTest.keyClick(canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)  # move the circle
        QTest.keyClick(canvas, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        return dialog.result()
    monkeypatch.setattr(MarkupDialog, "exec", markup_by_keys)
    _tab_to(photos.markup)
    key(Qt.Key.Key_Space)
    [circle] = M.parse(PR.get_photo(store, shot.id).markup)
    assert circle.kind == "ellipse" and circle.coords == pytest.approx((0.4, 0.35, 0.7, 0.65))
    assert PR.file_path(store, shot).read_bytes() == original
    assert hashlib.sha256(original).hexdigest() == shot.sha256
