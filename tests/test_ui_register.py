"""计分方式 on the award/project indicators (004 C15–C19, C21–C23): 逐项登记 (the register) or 直接填写 (typed
counts, or the highest level), one way at a time; switching keeps the other's data and the score follows the
chosen way."""
from __future__ import annotations

from decimal import Decimal

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from inspector_app.store import entries as E  # noqa: E402
from inspector_app.store import registers as RG  # noqa: E402
from inspector_app.store.demo import make_demo  # noqa: E402
from inspector_app.workspace_register import BY_HAND, BY_REGISTER  # noqa: E402
from store_helpers import past_plan  # noqa: E402
from tests.test_ui_keyboard import _mnemonics  # noqa: E402
from tests.test_ui_window import focused, key, open_window, store, type_text  # noqa: E402,F401

D = Decimal
ALT = Qt.KeyboardModifier.AltModifier


def _fresh(qtbot, store, group_id, code):
    """`code` at `group_id` with nothing entered by the demo's lead (the demo typed some counts)."""
    plan = make_demo(store)
    from inspector_app.store import plans as P
    group = P.get_group(store, plan.id, group_id)
    E.clear_entry(store, plan, group, "demo-lead", "", code)
    window = open_window(qtbot, store)
    window.select_group(group_id)
    ws = window.workspace
    place = ws.find_code(code)
    window.navigator.select(place)
    QApplication.processEvents()
    return window, ws, place


def _stored(ws, place):
    return E.get_entry(ws.store, ws.plan.id, ws.group.id, ws.expert_id, place.school_id, place.code)


def _register(editor, name, level, year="2023"):
    editor.name.setFocus()
    type_text(name)
    editor.level.setCurrentIndex(editor.level.findData(level))
    editor.year.setFocus()
    editor.year.selectAll()
    type_text(year)
    editor.name.setFocus()
    key(Qt.Key.Key_Return)  # Enter in the name adds the item
    assert not editor.error.isVisible(), editor.error.text()


def _alt(qtbot, letter, button) -> None:
    """Alt+letter on a button's mnemonic: Qt clicks it a moment later (an animated click)."""
    key(letter, ALT)
    qtbot.waitUntil(button.isChecked)
    QApplication.processEvents()


def _count(page, key_name, text):
    box = page.inputs.editors[key_name]
    box.setFocus()
    box.selectAll()
    type_text(text)
    key(Qt.Key.Key_Tab)


def test_c16_one_way_at_a_time_and_switching_keeps_both(qtbot, store):
    past, past_rubric, past_group = past_plan(store)  # g4 inspected in 2021—2022 on this computer
    RG.add_item(store, past, past_rubric, past_group, "C16", name="省级优秀论文（刘老师）", level="省级")
    window, ws, place = _fresh(qtbot, store, "g4", "C16")
    page, way, editor = window.page, window.page.count_way, window.page.register
    # The register is the default here (the rule counts by level): only it can be edited, nothing is scored yet.
    assert way.isVisible() and way.by_register.isChecked() and not way.by_hand.isChecked()
    assert editor.isVisible() and editor.name.isEnabled() and editor.add_button.isEnabled()
    assert not page.inputs.isVisible() and page.inputs.first_editor() is None  # nothing typed: no counts shown
    assert "得分按下方登记表算出" in way.status.text() and "登记第一项后即计分" in way.status.text()
    assert ws.outcome(place)[1] is None
    assert "2021—2022 学年的考核中自动读出（1 项）" in editor.about.text() and "不用再登记" in editor.about.text()
    assert "数据文件夹" not in editor.about.text()
    # Keyboard: the choice comes first in reading order, then (the counts being out of sight) the register.
    way.by_register.setFocus()
    key(Qt.Key.Key_Tab)
    assert focused() is editor.table
    letters = _mnemonics(window)
    assert not sorted({m for m in letters if letters.count(m) > 1}), letters

    # 004 C16: “论文、教学获奖及各种评优评先总数在2021年基础上有所增加” — “增加国家级得2分，省级得1分，市级得0.5分。”
    for name, level in [("省级论文一等奖", "省级"), ("省级优质课二等奖", "省级"), ("市级说课比赛一等奖", "市级")]:
        _register(editor, name, level)
    # By hand: 省级 2 this year − 1 in 2021 = 1 × 1 = 1; 市级 1 − 0 = 1 × 0.5 = 0.5; 1.5 (under the cap of 5).
    assert _stored(ws, place).points == D("1.5") and page.points.text().startswith("1.5 /")
    assert "基数来自" in page.explanation.text()

    _alt(qtbot, Qt.Key.Key_C, way.by_hand)  # 直接填写个数(&C)
    assert way.by_hand.isChecked() and ws.count_way(place) == BY_HAND
    assert page.inputs.isVisible() and page.inputs.first_editor() is not None
    assert not editor.name.isEnabled() and not editor.table.isEnabled() and not editor.entry.isVisible()
    assert editor.isVisible() and editor.table.rowCount() == 3  # kept, greyed
    assert "登记表中的 3 项仍保留" in way.status.text()
    assert "register" not in _stored(ws, place).inputs and len(ws.register_items("C16")) == 3
    assert ws.outcome(place)[1] is None  # no count typed yet: not scored from the register either
    _count(page, "national", "1")
    _count(page, "provincial", "0")
    _count(page, "city", "0")
    # Typed: 新增国家级 1 × 2 = 2.
    assert _stored(ws, place).points == D(2) and page.points.text().startswith("2 /")

    way.by_hand.setFocus()
    _alt(qtbot, Qt.Key.Key_S, way.by_register)  # 逐项登记(&S): back to the register, the typed counts kept, greyed and unused
    assert way.by_register.isChecked() and editor.name.isEnabled() and editor.table.rowCount() == 3
    assert page.inputs.isVisible() and page.inputs.first_editor() is None
    assert "先前直接填写的个数仍保留" in way.status.text()
    stored = _stored(ws, place)
    assert stored.points == D("1.5") and stored.inputs["national"] == 1 and len(stored.inputs["register"]) == 4
    assert "已改为“逐项登记”" in window.statusBar().currentMessage()

    _alt(qtbot, Qt.Key.Key_C, way.by_hand)  # and the typed counts score again as they were
    assert _stored(ws, place).points == D(2) and len(ws.register_items("C16")) == 3


def test_c21_highest_level_typed_first_register_on_choice(qtbot, store):
    window, ws, place = _fresh(qtbot, store, "gxh", "C21")
    page, way, editor = window.page, window.page.count_way, window.page.register
    # One level to choose: typed first; the register, empty, is out of sight.
    assert way.by_hand.isChecked() and way.by_hand.text() == "直接选择级别(&C)"
    assert page.inputs.first_editor() is not None and not editor.isVisible()
    # 004 C21: “国家级得3分，省级得2分，市级得1分。（同类取最高分）”
    combo = page.inputs.editors["level"]
    combo.setCurrentIndex(combo.findText("国家级"))
    page.commit_now()
    assert _stored(ws, place).points == D(3)

    way.by_register.click()
    assert editor.isVisible() and editor.name.isEnabled() and not page.inputs.first_editor()
    assert _stored(ws, place).points == D(0)  # the register, chosen and empty: 未达到任何级别 → 0
    _register(editor, "教联体经验被市报报道", "市级")
    _register(editor, "教联体经验被省报报道", "省级")
    assert _stored(ws, place).points == D(2)  # the highest registered: 省级 → 2
    way.by_hand.click()
    assert _stored(ws, place).points == D(3) and _stored(ws, place).inputs["level"] == "国家级"
    assert editor.isVisible() and not editor.name.isEnabled() and editor.table.rowCount() == 2


def test_a_way_chosen_with_nothing_entered_holds_for_the_session(qtbot, store):
    window, ws, place = _fresh(qtbot, store, "g2y", "C15")
    page, way = window.page, window.page.count_way
    assert way.by_register.isChecked() and ws.count_way(place) == BY_REGISTER
    way.by_hand.click()
    assert _stored(ws, place) is None  # nothing written by choosing alone
    window.step(1)
    window.step(-1)
    assert window.page.place == place and way.by_hand.isChecked() and page.inputs.first_editor() is not None
    assert not page.register.isVisible()  # empty, and not the chosen way
