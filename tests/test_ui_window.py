"""The expert's window, driven as an expert drives it: with the keyboard."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PIL import Image  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QPushButton,
                               QSpinBox)  # noqa: E402

from inspector_app.numbers import fmt_points  # noqa: E402
from inspector_app.store import entries as E  # noqa: E402
from inspector_app.store import plans as P  # noqa: E402
from inspector_app.store.db import open_store  # noqa: E402
from inspector_app.store.demo import make_demo  # noqa: E402
from inspector_app.store.photo_records import list_photos  # noqa: E402
from inspector_app.ui.app import create_window  # noqa: E402
from inspector_app.ui.main_window import MainWindow  # noqa: E402
from inspector_app.ui.inputs import CountBox, YesNoBox  # noqa: E402
from inspector_app.ui.operation import Operation  # noqa: E402
from inspector_app.workspace import Place  # noqa: E402

FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


@pytest.fixture
def store(data_dir):
    s = open_store(data_dir)
    yield s
    s.close()


def open_window(qtbot, store) -> MainWindow:
    window = create_window(store)  # as `inspector` starts it: the current plan opens
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def focused():
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def key(qt_key, modifier=Qt.KeyboardModifier.NoModifier):
    from PySide6.QtTest import QTest
    QTest.keyClick(focused(), qt_key, modifier)


def type_text(text: str):
    """Key by key; characters beyond Latin-1 (full-width digits, Chinese) as an input method sends them."""
    from PySide6.QtTest import QTest
    for ch in text:
        if ord(ch) < 128:
            QTest.keyClicks(focused(), ch)
        else:
            QTest.sendKeyEvent(QTest.KeyAction.Click, focused(), Qt.Key.Key_unknown, ch,
                               Qt.KeyboardModifier.NoModifier)


def typed_counts_chosen(qtbot, window, rule) -> None:
    """On an indicator counted by level (004 C15–C19), which starts with its register, 直接填写个数 (Alt+C) is
    chosen and Tab goes on to the first count."""
    if rule.type != "awards":
        return
    key(Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(window.page.count_way.by_hand.isChecked)
    key(Qt.Key.Key_Tab)


def core_card(store, group_id="g4", expert="demo-lead"):
    plan = P.find_plan(store, None)
    rubric = P.plan_rubric(store, plan)
    group = P.get_group(store, plan.id, group_id)
    return E.expert_scorer(store, plan, rubric, group, expert).card()


def test_first_start_opens_the_demo_and_home_still_offers_it(qtbot, store):
    window = open_window(qtbot, store)  # an empty data folder: straight into the demo
    assert window.workspace is not None and window.workspace.plan.demo
    assert window.stack.currentWidget() is window.splitter
    assert window.banner.isVisible() and "演示" in window.banner.text() and "新建考核" in window.banner.text()
    first = window.workspace.group.id
    assert window.score.total_label.text().endswith(fmt_points(core_card(store, first).total))
    assert window.page.title.text().startswith(window.workspace.places[0].code)
    assert "演示" in window.windowTitle()
    key(Qt.Key.Key_Home, Qt.KeyboardModifier.AltModifier)  # 主页
    assert window.stack.currentWidget() is window.home
    assert window.home.plans.count() == 1 and window.home.demo_button.isVisible()
    assert window.home.import_button.isEnabled()
    window.home.demo_button.setFocus()
    key(Qt.Key.Key_Space)  # 打开演示考核: the same demo, not a second one
    assert window.workspace.plan.demo and len(P.list_plans(store)) == 1


ANSWER_KEYS = {"是": Qt.Key.Key_Y, "否": Qt.Key.Key_N, "不适用": Qt.Key.Key_A}


def _answer_field(f, value_for_number, turn: int = 0):
    """Answer one input from the keyboard; `turn` varies the answer: 是/否/不适用, counts 1 or 0 (无缺项)."""
    widget = focused()
    if f.kind == "bool":
        assert isinstance(widget, YesNoBox), (f.key, widget)
        answer = "不适用" if turn < 0 else ("是", "否")[turn % 2]
        key(ANSWER_KEYS[answer])
        assert widget.currentData() == answer
    elif f.kind == "count":
        assert isinstance(widget, CountBox), (f.key, widget)
        assert widget.text() == "—"  # unanswered until typed
        type_text(str(turn % 2))  # 0 is an answer: nothing missing
        key(Qt.Key.Key_Tab)
        assert focused() is widget.none_missing and widget.none_missing.isChecked() == (turn % 2 == 0)
    elif f.kind == "number":
        assert isinstance(widget, QLineEdit), (f.key, widget)
        type_text(value_for_number(f))
    elif f.kind == "choice":
        assert isinstance(widget, QComboBox), (f.key, widget)
        key(Qt.Key.Key_Down)
    elif f.kind == "text":
        assert isinstance(widget, QPlainTextEdit), (f.key, widget)
        type_text("现场核实")
    key(Qt.Key.Key_Tab)


def _number(f) -> str:
    low = f.minimum or Decimal(0)
    high = f.maximum if f.maximum is not None else Decimal(20)
    text = fmt_points((low + high) / 2)
    return text.translate(FULL_WIDTH)  # typed with a Chinese input method


def walk_group_afresh(qtbot, store, group_id: str = "g4"):
    """The demo with the lead's entries of one group cleared, the window opened and the group chosen by
    keyboard (Ctrl+J puts the focus on the group list, Down picks the next group)."""
    plan = make_demo(store)
    rubric = P.plan_rubric(store, plan)
    group = P.get_group(store, plan.id, group_id)
    for e in E.entries(store, plan.id, group.id, "demo-lead"):
        E.clear_entry(store, plan, group, "demo-lead", e.school_id, e.indicator)
    window = open_window(qtbot, store)
    key(Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    while window.workspace.group.id != group_id:
        key(Qt.Key.Key_Down)
    return plan, rubric, group, window


def test_expert_walks_a_school_with_the_keyboard(qtbot, store):
    plan, rubric, group, window = walk_group_afresh(qtbot, store)
    ws = window.workspace
    key(Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    type_text(ws.places[0].code)
    key(Qt.Key.Key_Return)
    units = ws.units
    walk = [Place("", c) for c in units[0].codes] + [Place(units[1].school_id, c) for c in units[1].codes]
    # One indicator is answered 不适用 at its first yes/no; it counts as done, with no points.
    na_place = next(p for p in walk[3:] if any(f.kind == "bool" for f in rubric.indicator(p.code).rule.fields()))
    for i, place in enumerate(walk):
        assert window.place == place
        assert ws.state(place) == "未开始"
        fields = rubric.indicator(place.code).rule.fields()
        na_at = next((j for j, f in enumerate(fields) if f.kind == "bool"), None) if place == na_place else None
        typed_counts_chosen(qtbot, window, rubric.indicator(place.code).rule)
        for turn, f in enumerate(fields):
            _answer_field(f, _number, -1 if turn == na_at else i + turn)
        if place == na_place:
            assert ws.outcome(place)[1] is None and ws.state(place) == "已完成"
            assert window.page.points.text() == "不适用"
        else:
            assert ws.outcome(place)[1] is not None, place
            assert window.page.points.text().startswith(fmt_points(ws.outcome(place)[1]))
        if i % 2:
            key(Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
        else:
            key(Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert not ws.dirty  # moving on saved everything
    assert window.saved.text().startswith("已保存")
    card = core_card(store)
    assert window.score.total_label.text().endswith(fmt_points(card.total))
    for area in card.areas:
        assert window.score.area_labels[area.code].text() == f"{fmt_points(area.points)} / {fmt_points(area.max)}"
    done, total = ws.unit_progress(units[1].school_id)
    assert done == total == len(units[1].codes)
    # The previous school and back again
    key(Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.place.school_id == units[1].school_id
    key(Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.place == Place("", units[0].codes[0])
    key(Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.place == Place("", units[0].codes[0])  # nothing before the first


def test_values_survive_closing_and_reopening(qtbot, data_dir):
    store = open_store(data_dir)
    make_demo(store)
    window = open_window(qtbot, store)
    ws = window.workspace
    place = ws.find_code("C5")
    window.navigator.select(place)
    window.page.focus_first()
    type_text("１８")
    window.findings.edits["problems"].setPlainText("交流比例不足")
    window.close()  # saves at once, no waiting for the pause
    store.close()

    again = open_store(data_dir)
    try:
        plan = P.find_plan(again, None)
        entry = E.get_entry(again, plan.id, ws.group.id, ws.expert_id, "", "C5")
        assert entry is not None and Decimal(str(entry.inputs["ratio.value"])) == 18
        window2 = open_window(qtbot, again)
        window2.navigator.select(window2.workspace.find_code("C5"))
        editor = window2.page.inputs.editors["ratio.value"]
        assert editor.text() == "18"
        assert window2.findings.edits["problems"].toPlainText() == "交流比例不足"
        assert window2.score.total_label.text().endswith(fmt_points(core_card(again, ws.group.id).total))
        window2.close()
    finally:
        again.close()


def _jpegs(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    result = []
    for i in range(count):
        path = folder / f"photo{i:02d}.jpg"
        Image.new("RGB", (64, 48), (i * 8 % 256, 120, 200)).save(path, "JPEG")
        result.append(path)
    return result


def test_photo_import_cancelled_adds_nothing(qtbot, store, tmp_path):
    plan = make_demo(store)
    window = open_window(qtbot, store)
    photos = window.page.photos
    before = list_photos(store, plan.id)
    paths = _jpegs(tmp_path / "in", 30)
    seen = []
    original = Operation.start

    def cancel_after_five(op):
        def on_progress(done, _total, _name):
            seen.append(done)
            if done >= 5:
                op.cancel()
        op.progressed.connect(on_progress, Qt.ConnectionType.DirectConnection)
        return original(op)
    Operation.start = cancel_after_five
    try:
        job = photos.import_paths(paths)
    finally:
        Operation.start = original
    assert seen and job.was_cancelled and photos.last_import.cancelled and photos.last_import.added == []
    assert list_photos(store, plan.id) == before


def test_photo_import_on_a_thread_and_its_cancel_button(qtbot, store, tmp_path, monkeypatch):
    monkeypatch.setattr(Operation, "inline", False)
    plan = make_demo(store)
    window = open_window(qtbot, store)
    photos = window.page.photos
    few = _jpegs(tmp_path / "few", 3)
    with qtbot.waitSignal(photos.changed, timeout=20000):
        job = photos.import_paths(few)
        assert not job.done  # the work is on the worker; the test's thread is free
    assert job.done and len(photos.last_import.added) == 3
    assert photos.list.count() == 3
    many = _jpegs(tmp_path / "many", 30)
    before = list_photos(store, plan.id)
    with qtbot.waitSignal(photos.changed, timeout=20000):
        job = photos.import_paths(many)
        job.dialog.findChild(QPushButton).click()  # the progress dialog's Cancel button
    assert job.was_cancelled and photos.last_import.cancelled
    assert list_photos(store, plan.id) == before
    # Remove and undo
    photos.list.setCurrentRow(0)
    photos.remove_selected()
    assert photos.list.count() == 2
    photos.undo_remove()
    assert photos.list.count() == 3


@pytest.mark.parametrize("typed", ["abc", "1e3"])
def test_invalid_input_shows_the_chinese_error_and_stores_nothing(qtbot, store, typed):
    plan = make_demo(store)
    window = open_window(qtbot, store)
    ws = window.workspace
    place = ws.find_code("C5")
    before = E.get_entry(store, plan.id, ws.group.id, ws.expert_id, "", "C5")
    key(Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    type_text("C5")
    key(Qt.Key.Key_Return)
    assert window.place == place
    editor = window.page.inputs.editors["ratio.value"]
    assert focused() is editor
    editor.selectAll()
    type_text(typed)
    error = window.page.inputs.errors["ratio.value"]
    assert error.isVisible() and "不是数字" in error.text()
    assert ws.state(place) == "需注意"
    key(Qt.Key.Key_Tab)  # leaving the field saves what is valid: nothing new
    window.page.commit_now()
    after = E.get_entry(store, plan.id, ws.group.id, ws.expert_id, "", "C5")
    assert after == before
    assert window.score.total_label.text().endswith(fmt_points(core_card(store, ws.group.id).total))


def test_search_and_findings_by_keyboard(qtbot, store):
    plan = make_demo(store)
    window = open_window(qtbot, store)
    key(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_text("交流教师")
    key(Qt.Key.Key_Return)
    assert "交流教师" in window.workspace.indicator(window.place.code).text_for(window.workspace.group.group_type)
    key(Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.middle.currentWidget() is window.findings
    edit = window.findings.edits["achievements"]
    assert focused() is edit
    edit.selectAll()
    type_text("例会制度坚持较好")
    key(Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # leaving saves
    from inspector_app.store.findings import get_findings
    assert get_findings(store, plan.id, window.workspace.group.id)["achievements"] == "例会制度坚持较好"
