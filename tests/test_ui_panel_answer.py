"""The window's reasoned override, 不适用 with a reason, and the award/project register, driven with the keyboard."""
from __future__ import annotations

from decimal import Decimal

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QAction  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel  # noqa: E402

from inspector_app.numbers import fmt_points  # noqa: E402
from inspector_app.store import entries as E  # noqa: E402
from inspector_app.store import registers as RG  # noqa: E402
from inspector_app.store.demo import make_demo  # noqa: E402
from store_helpers import past_plan  # noqa: E402
from tests.test_ui_window import focused, key, open_window, store, type_text  # noqa: E402,F401

D = Decimal


def _at(qtbot, store, code):
    window = open_window(qtbot, store)
    window.select_group("g4")
    ws = window.workspace
    place = ws.find_code(code)
    window.navigator.select(place)
    QApplication.processEvents()
    return window, ws, place


def _stored(ws, place):
    return E.get_entry(ws.store, ws.plan.id, ws.group.id, ws.expert_id, place.school_id, place.code)


def test_override_needs_a_reason_shows_both_figures_and_clears(qtbot, store):
    make_demo(store)
    window, ws, place = _at(qtbot, store, "C1")
    page, box = window.page, window.page.panel_answer
    computed = ws.outcome(place)[1]
    assert computed is not None and "未改定" in box.side_by_side.text()
    box.points.setFocus()
    type_text("2.5")  # points with no reason yet: held, said under the reason, nothing drafted
    assert box.reason_error.isVisible() and "理由" in box.reason_error.text()
    assert "override" not in ws.inputs(place)
    key(Qt.Key.Key_Tab)  # 撤销改定 (disabled: nothing to undo yet) is skipped
    assert focused() is box.reason
    type_text("按评分标准原文，缺一项扣0.5分适用于全部5分")
    assert not box.reason_error.isVisible()
    assert ws.outcome(place)[1] == D("2.5")
    assert page.points.text().startswith("2.5 /")
    assert box.side_by_side.text() == f"按计分办法：{fmt_points(computed)} 分　→　考核组改定：2.5 分"
    key(Qt.Key.Key_Tab)  # leaving the reason saves at once
    entry = _stored(ws, place)
    assert entry.points == D("2.5") and D(str(entry.inputs["override"])) == D("2.5")
    assert entry.inputs["override_reason"].startswith("按评分标准原文")
    assert any("考核组改定为 2.5 分" in line for line in entry.explanation)
    assert box.clear_button.isEnabled()
    box.clear_button.setFocus()
    key(Qt.Key.Key_Space)  # 撤销改定: the points and the reason go together
    entry = _stored(ws, place)
    assert "override" not in entry.inputs and "override_reason" not in entry.inputs
    assert entry.points == computed and box.points.text() == "" and "未改定" in box.side_by_side.text()


def test_override_beyond_the_points_is_refused_under_the_field(qtbot, store):
    make_demo(store)
    window, ws, place = _at(qtbot, store, "C1")  # 004 C1 is worth 5 points
    box = window.page.panel_answer
    box.reason.setFocus()
    type_text("理由")
    box.points.setFocus()
    type_text("6")
    assert box.reason_error.isVisible() and "不能大于 5" in box.reason_error.text()
    assert "override" not in ws.inputs(place)
    window.page.commit_now()
    assert "override" not in _stored(ws, place).inputs


def test_not_applicable_with_a_reason(qtbot, store):
    make_demo(store)
    window, ws, place = _at(qtbot, store, "C9")
    page, box = window.page, window.page.panel_answer
    box.not_applicable.setFocus()
    key(Qt.Key.Key_Space)  # ticked with no reason: asked for, nothing saved
    assert box.na_error.isVisible() and focused() is box.na_reason
    assert "not_applicable" not in ws.inputs(place)
    type_text("本集团成员校均在城区，没有交流到农村学校的教师")
    key(Qt.Key.Key_Tab)
    entry = _stored(ws, place)
    assert entry.inputs["not_applicable"].startswith("本集团成员校均在城区")
    assert page.points.text() == "不适用" and ws.scored(place)
    box.not_applicable.setFocus()
    key(Qt.Key.Key_Space)  # and back
    assert "not_applicable" not in _stored(ws, place).inputs and page.points.text() != "不适用"


def test_register_editor_scores_c16_from_the_list_and_the_2021_register(qtbot, store):
    past, past_rubric, past_group = past_plan(store)  # the same group (g4) in 2021—2022, in the same data folder
    for name, level in [("省级优秀论文（刘老师）", "省级"), ("市级优质课一等奖（陈老师）", "市级")]:
        RG.add_item(store, past, past_rubric, past_group, "C16", name=name, level=level)
    make_demo(store)
    window, ws, place = _at(qtbot, store, "C16")
    page, editor = window.page, window.page.register
    page.count_way.by_register.click()  # the demo typed counts here: the register is chosen (they are kept)
    assert editor.isVisible() and "2021—2022 学年的考核中自动读出（2 项）" in editor.about.text()
    # 004 C16: “论文、教学获奖及各种评优评先总数在2021年基础上有所增加” — “增加国家级得2分，省级得1分，市级得0.5分。”
    typed = [("全国教学技能大赛一等奖", "省级"), ("全国教学技能大赛 一等奖", "国家级"), ("国家级课题结题", "国家级"),
             ("省级论文一等奖", "省级"), ("省级基本功大赛一等奖", "省级"), ("省级优质课二等奖", "省级"),
             ("市级论文一等奖", "市级"), ("市级说课比赛一等奖", "市级")]
    for name, level in typed:
        editor.name.setFocus()
        type_text(name)
        key(Qt.Key.Key_Tab)
        assert focused() is editor.level
        editor.level.setCurrentIndex(editor.level.findData(level))
        key(Qt.Key.Key_Tab)
        type_text("2023")
        editor.name.setFocus()
        key(Qt.Key.Key_Return)  # Enter in the name adds the item
        assert not editor.error.isVisible(), editor.error.text()
    assert editor.table.rowCount() == 8 and editor.uses_register()
    # By hand: the 技能大赛 award once, at 国家级. This year 国家级 2, 省级 3, 市级 2; 2021: 省级 1, 市级 1.
    # 国家级 2 × 2 = 4; 省级 (3 − 1) × 1 = 2; 市级 (2 − 1) × 0.5 = 0.5; 6.5, capped at 5.
    entry = _stored(ws, place)
    assert entry.points == D(5) and page.points.text().startswith("5 /")
    shown = page.explanation.text()
    assert "基数来自：2021—2022学年考核计划“上年考核”的登记表" in shown
    assert "重复登记（省级、国家级），按国家级计一次" in shown and "本项最高 5 分" in shown
    assert not page.inputs.first_editor()  # the counts are not used while the register is
    row = next(i for i in range(8) if editor.table.item(i, 0).text() == "国家级课题结题")
    editor.table.setFocus()
    editor.table.selectRow(row)
    key(Qt.Key.Key_Delete)  # 国家级 1 → 2; 2 + 2 + 0.5 = 4.5
    assert editor.table.rowCount() == 7 and _stored(ws, place).points == D("4.5")
    page.count_way.by_hand.click()  # counts typed instead: the list is kept
    assert not editor.uses_register() and editor.table.rowCount() == 7
    assert "register" not in _stored(ws, place).inputs and page.inputs.first_editor() is not None


def test_register_mistake_is_said_in_the_editor(qtbot, store):
    make_demo(store)
    window, ws, place = _at(qtbot, store, "C21")
    editor = window.page.register
    window.page.count_way.by_register.click()
    editor.year.setFocus()
    type_text("23")
    editor.name.setFocus()
    type_text("教联体经验被省报报道")
    key(Qt.Key.Key_Return)
    assert editor.error.isVisible() and "四位数字" in editor.error.text() and editor.table.rowCount() == 0


def test_consensus_view_marks_an_experts_override(qtbot, store):
    from inspector_app.store import plans as P
    from inspector_app.store.consensus import places
    plan = make_demo(store)
    rubric, group = P.plan_rubric(store, plan), P.get_group(store, plan.id, "g4")
    shared = next(p for p in places(store, plan, group) if len(p.scores) > 1 and "demo-li" in p.scores)
    E.set_entry(store, plan, rubric, group, "demo-li", shared.school_id, shared.indicator,
                inputs={"override_reason": "按原文读法", "override": "0"})
    window = open_window(qtbot, store)
    window.select_group("g4")
    window.data_menus.show_consensus()
    view = window.data_menus.consensus
    view.only_split.setChecked(False)
    row = next(i for i, p in enumerate(view.shown) if (p.school_id, p.indicator) == (shared.school_id, shared.indicator))
    column = 2 + view.expert_ids.index("demo-li")
    cell = view.table.item(row, column)
    assert cell.text() == "0 ✎" and "按原文读法" in cell.toolTip()
    view.table.setCurrentCell(row, 0)
    QApplication.processEvents()
    shown = " ".join(w.text() for w in view.findChildren(QLabel) if not w.isHidden())
    assert "改定得分（不按计分办法），理由：按原文读法" in shown and "按计分办法为" in shown


def test_score_panel_says_the_total_holds_an_override(qtbot, store):
    make_demo(store)
    window, ws, place = _at(qtbot, store, "C1")
    box = window.page.panel_answer
    box.reason.setFocus()
    type_text("按原文读法")
    box.points.setFocus()
    type_text("3")
    key(Qt.Key.Key_Tab)
    assert "含考核组改定得分：C1" in window.score.note_label.text()


def test_a_letter_in_the_override_is_said_not_to_be_a_score_before_any_reason_is_asked(qtbot, store):
    """A key meant for a yes/no answer, typed after Tab into 改定得分: said to be no number, nothing drafted."""
    make_demo(store)
    window, ws, place = _at(qtbot, store, "C1")
    box = window.page.panel_answer
    box.points.setFocus()
    type_text("a")
    assert box.reason_error.isVisible() and "不是数字" in box.reason_error.text(), box.reason_error.text()
    assert "理由" not in box.reason_error.text()
    assert "override" not in ws.inputs(place) and "override" not in _stored(ws, place).inputs
    box.reason.setFocus()
    type_text("按评分标准原文")  # a reason does not make the letter a score
    assert "不是数字" in box.reason_error.text() and "override" not in ws.inputs(place)
    box.points.selectAll()
    box.points.setFocus()
    type_text("2")
    assert not box.reason_error.isVisible() and ws.outcome(place)[1] == D("2")


def test_the_completion_check_has_its_key_beside_next_unscored(qtbot, store):
    make_demo(store)
    window = open_window(qtbot, store)
    [action] = [a for a in window.findChildren(QAction) if a.text().startswith("完成检查")]
    assert [s.toString() for s in action.shortcuts()] == ["F9"]
