"""Explicit answers in the window: 是/否/不适用, counts whose 0 counts, figures as written, errors said once."""
from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402

from inspector_app.store import entries as E  # noqa: E402
from inspector_app.store.demo import make_demo  # noqa: E402
from tests.test_ui_window import focused, key, open_window, store, type_text  # noqa: E402,F401


def _fresh(store, code: str):
    plan = make_demo(store)
    window = open_window(qtbot_holder[0], store)
    ws = window.workspace
    window.select_group("g4")
    ws = window.workspace
    for e in E.entries(store, plan.id, ws.group.id, ws.expert_id):
        E.clear_entry(store, plan, ws.group, ws.expert_id, e.school_id, e.indicator)
    window.select_group("g4")
    place = ws.find_code(code)
    window.navigator.select(place)
    return window, ws, place


qtbot_holder: list = []


@pytest.fixture(autouse=True)
def _hold(qtbot):
    qtbot_holder[:] = [qtbot]


def test_no_and_zero_are_answers_and_unanswered_is_not(store):
    window, ws, place = _fresh(store, "C1")  # C1: a count of missing documents, yes/no items, a percentage
    page = window.page
    assert ws.state(place) == "未开始" and ws.outcome(place)[1] is None
    count = page.inputs.editors["charter.missing"]
    assert count.text() == "—"
    count.setFocus()
    type_text("0")  # nothing missing: an answer, not "not scored"
    assert ws.inputs(place)["charter.missing"] == 0 and count.none_missing.isChecked()
    key(Qt.Key.Key_Tab)
    key(Qt.Key.Key_Space)  # 无缺项 off again: unanswered
    assert "charter.missing" not in ws.inputs(place) and count.text() == "—"
    key(Qt.Key.Key_Space)  # and on: 0
    assert ws.inputs(place)["charter.missing"] == 0
    gate = page.inputs.editors["unity.met"]
    gate.setFocus()
    key(Qt.Key.Key_N)  # 否, in one key
    assert ws.inputs(place)["unity.met"] == "否"
    assert focused() is gate, focused()
    key(Qt.Key.Key_Delete)
    assert "unity.met" not in ws.inputs(place)
    for k in ("unity.met", "morale.met", "party.met"):
        page.inputs.editors[k].setFocus()
        key(Qt.Key.Key_Y)
    page.inputs.editors["parents.value"].setFocus()
    type_text("85%")  # with the sign, as written on paper
    _answered, points, lines = ws.outcome(place)
    assert points == 5 and not page.error.isVisible()
    page.commit_now()
    entry = E.get_entry(store, ws.plan.id, ws.group.id, ws.expert_id, "", "C1")
    assert entry.inputs["charter.missing"] == 0 and entry.inputs["unity.met"] in ("是", True)


def test_an_error_is_said_once_and_goes_when_fixed(store):
    window, ws, place = _fresh(store, "C5")
    page = window.page
    edit = page.inputs.editors["ratio.value"]
    edit.setFocus()
    type_text("150")
    shown = [lbl for lbl in page.inputs.errors.values() if lbl.isVisible()]
    assert len(shown) == 1 and not page.error.isVisible()
    text = shown[0].text()
    assert "100%" in text and "交流教师比例" not in text and text.count("不能大于") == 1
    assert window.statusBar().currentMessage() == ""  # not said a second time below
    edit.selectAll()
    type_text("15%")
    assert not any(lbl.isVisible() for lbl in page.inputs.errors.values())
    assert ws.error(place) == "" and ws.inputs(place)["ratio.value"] == "15%"


def test_a_count_keeps_a_decimal_typed_and_refuses_it_in_words(store):
    """A count typed as 1.5 is not silently read as 15 (or 1): it stays as typed, the core refuses it
    under the field, nothing is saved, and the error goes once a whole number is typed."""
    from inspector_app.numbers import NumberError, parse_count
    window, ws, place = _fresh(store, "C18")
    page = window.page
    page.count_way.by_hand.click()  # 直接填写个数 (a fresh C18 starts with its register)
    key_name = next(k for k, f in page.inputs._fields.items() if f.kind == "count")
    field = page.inputs._fields[key_name]
    count = page.inputs.editors[key_name]
    with pytest.raises(NumberError) as refused:
        parse_count("1.5", what=field.label)  # the rule: a count is whole
    count.setFocus()
    type_text("1.5")
    assert count.text() == "1.5"  # what was typed, not 15
    shown = [k for k, lbl in page.inputs.errors.items() if lbl.isVisible()]
    assert shown == [key_name], shown
    said = page.inputs.errors[key_name].text()
    assert "整数" in said and "1.5" in said and str(refused.value).endswith(said), (said, str(refused.value))
    assert key_name not in ws.inputs(place) and ws.error(place)
    key(Qt.Key.Key_Tab)  # leaving the field neither replaces the text nor saves it
    assert count.text() == "1.5" and page.inputs.errors[key_name].isVisible()
    page.commit_now()
    entry = E.get_entry(store, ws.plan.id, ws.group.id, ws.expert_id, place.school_id, place.code)
    assert entry is None or key_name not in entry.inputs
    count.setFocus()
    count.selectAll()
    type_text("1")  # the stored value was none: 1 is a change the box reports
    assert not page.inputs.errors[key_name].isVisible() and ws.error(place) == ""
    assert ws.inputs(place)[key_name] == parse_count("1")
    count.selectAll()
    type_text("1.5")
    assert page.inputs.errors[key_name].isVisible() and key_name not in ws.inputs(place)
    count.selectAll()
    type_text("1")  # back to the value the box last held: still reported, the error goes
    assert not page.inputs.errors[key_name].isVisible() and ws.inputs(place)[key_name] == 1


def test_not_applicable_counts_as_done_in_every_count_before_and_after_a_restart(store):
    """An indicator answered 不适用 is done (no points, nothing missing): the group list, the tree, the home
    list, `inspector progress`'s units and 完成检查 count it alike, while running and after a restart."""
    from inspector_app.inspection import Inspection
    from inspector_app.rubric.rules import not_applicable_reason
    from inspector_app.store import plans as P
    window, ws, place = _fresh(store, "C7")
    fields = ws.indicator(place.code).rule.fields()
    gate = window.page.inputs.editors[next(f.key for f in fields if f.kind == "bool")]
    gate.setFocus()
    key(Qt.Key.Key_A)  # 不适用
    window.page.commit_now()
    plan, group, expert = ws.plan, ws.group, ws.expert_id

    def expected() -> int:  # the rule, from what is stored: points, or inputs that say 不适用
        rows = E.entries(store, plan.id, group.id, expert)
        return sum(1 for e in rows if e.points is not None or not_applicable_reason(e.inputs))

    stored = E.get_entry(store, plan.id, group.id, expert, place.school_id, place.code)
    assert stored.points is None and not_applicable_reason(stored.inputs)
    total = len(ws.places)
    want = expected()
    assert want >= 1

    def counts(w) -> dict:
        nav, wsp = w.navigator, w.workspace
        combo = nav.group_combo.itemText(nav.group_combo.findData(group.id))
        return {"combo": combo.endswith(f"{want}/{total} 项已评"),
                "tree": sum(wsp.unit_progress(u.school_id)[0] for u in wsp.units) == want,
                "store": sum(u.done for u in E.progress(store, plan, wsp.rubric, group, expert)) == want,
                "group_progress": wsp.group_progress()[group.id] == (want, total),
                "not_listed": place not in wsp.unscored() and place not in wsp.unscored_in(group.id)}

    assert all(counts(window).values()), counts(window)
    home_done, _ = Inspection(store, plan).progress(expert)
    every = sum(1 for g in P.groups(store, plan.id) for e in E.entries(store, plan.id, g.id, expert)
                if e.points is not None or not_applicable_reason(e.inputs))
    assert home_done == every
    window.close()
    again = open_window(qtbot_holder[0], store)  # a restart: every count read back from the store
    again.select_group(group.id)
    assert all(counts(again).values()), counts(again)
    assert again.workspace.scored(place)


def _count_rows(window):
    """Each count's box, its button, its caption and its hint, as the page shows them."""
    from PySide6.QtWidgets import QLabel
    inputs = window.page.inputs
    rows = []
    for k, editor in inputs.editors.items():
        if not hasattr(editor, "none_missing"):
            continue
        caption = next(lb for lb in inputs.findChildren(QLabel) if lb.buddy() is editor)
        holder = editor.parentWidget()
        hint = next(lb for lb in holder.findChildren(QLabel) if lb.text().startswith(("每项", "填写个数")))
        rows.append((k, editor, editor.none_missing, caption, hint))
    return rows


def test_a_count_button_and_hint_show_their_whole_text_at_125_percent(store, qtbot):
    from PySide6.QtWidgets import QApplication
    window, ws, place = _fresh(store, "C1")
    window.resize(round(1366 / 1.25), round(768 / 1.25))  # the logical size of 1366×768 at 125%
    from inspector_app.ui.inputs import FOCUS_BORDER, FOCUS_PADDING, FOCUS_PADDING_TOP
    from inspector_app.ui.main_window import FOCUS_STYLE
    assert f"padding: {FOCUS_PADDING_TOP}px {FOCUS_PADDING}px" in FOCUS_STYLE
    assert f"border: {FOCUS_BORDER}px" in FOCUS_STYLE
    for code in ("C1", "C2", "C16", "C18"):
        window.navigator.select(ws.find_code(code))
        rows = _count_rows(window)
        assert rows, code
        for k, editor, button, caption, hint in rows:
            button.setFocus()
            QApplication.processEvents()
            QApplication.processEvents()
            assert button.hasFocus()
            room = button.width() - 2 * (FOCUS_PADDING + FOCUS_BORDER)
            assert room >= button.fontMetrics().horizontalAdvance(button.text()), (code, k, button.width())
            assert button.height() - 2 * (FOCUS_PADDING_TOP + FOCUS_BORDER) >= button.fontMetrics().height(), (code, k)
            assert hint.wordWrap(), (code, k)  # in the width there is, never clipped
            assert hint.height() >= hint.heightForWidth(hint.width()), (code, k)  # and not cut short
            if len(caption.text()) > 8:
                continue  # a long caption may take a line above its box
            # a short caption beside its box, not on a line of its own (新增国家级 was, alone of three)
            top = editor.mapTo(window, editor.rect().topLeft()).y()
            caption_top = caption.mapTo(window, caption.rect().topLeft()).y()
            assert abs(top - caption_top) < editor.height(), (code, k, top, caption_top)


def test_award_counts_offer_none_and_shortfalls_nothing_missing(store, qtbot):
    window, ws, place = _fresh(store, "C1")
    for code in ("C15", "C16", "C18"):
        window.navigator.select(ws.find_code(code))
        rows = _count_rows(window)
        assert rows, code
        for k, editor, button, caption, hint in rows:
            assert button.text() == "无", (code, k, button.text())
            assert hint.text().endswith("0 即没有"), (code, k, hint.text())
            assert "缺" not in button.toolTip()
    for code in ("C1", "C2"):
        window.navigator.select(ws.find_code(code))
        for k, editor, button, caption, hint in _count_rows(window):
            assert button.text() == "无缺项" and hint.text().endswith("0 即无缺项"), (code, k)
    # decided by the rule: counts of awards gained are "none", counts of deductions "nothing missing"
    kinds = set()
    for ind in ws.rubric.indicators:
        rules = [p.rule for p in ind.rule.parts] if ind.rule.type == "parts" else [ind.rule]
        for rule in rules:
            for f in rule.own_fields():
                if f.kind == "count":
                    kinds.add(rule.type)
                    assert f.gained == (rule.type == "awards"), (ind.code, rule.type, f.key)
    assert kinds == {"awards", "deduct"}, kinds
