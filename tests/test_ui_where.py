"""Where am I: reopening where left off, next and next unscored, progress, 暂计, per-school counts, marks
explained, search; and the veto that shows unsaved until it has a reason."""
from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402

from inspector_app.store import entries as E  # noqa: E402
from inspector_app.store.db import open_store  # noqa: E402
from inspector_app.store.demo import make_demo  # noqa: E402
from inspector_app.ui.navigator import STATE_MARKS, state_name  # noqa: E402
from tests.test_ui_window import focused, key, open_window, store, type_text  # noqa: E402,F401


def _clear(store, plan, ws, group_id):
    group = next(g for g in ws.groups if g.id == group_id)
    for e in E.entries(store, plan.id, group_id, ws.expert_id):
        E.clear_entry(store, plan, group, ws.expert_id, e.school_id, e.indicator)
    for _e, k, _v, _r in E.vetoes(store, plan.id, group_id, ws.expert_id):
        E.set_veto(store, plan, ws.rubric, group, ws.expert_id, k, False, "")


def test_reopens_where_the_expert_left_off(qtbot, data_dir):
    store = open_store(data_dir)
    make_demo(store)
    window = open_window(qtbot, store)
    window.select_group("g4")
    place = window.workspace.find_code("C9")
    window.navigator.select(place)
    window.close()
    store.close()
    again = open_store(data_dir)
    try:
        window2 = open_window(qtbot, again)
        assert window2.workspace.group.id == "g4" and window2.place == place
        assert window2.saved.isVisible() and window2.saved.text().startswith("已保存")
        # the keyboard is there too (it was on the group chooser), and the row is within the tree's view
        assert focused() is window2.page.inputs.first_editor()
        tree = window2.navigator.tree
        row = tree.visualItemRect(tree.currentItem())
        assert row.top() >= 0 and row.bottom() <= tree.viewport().height()
        window2.close()
    finally:
        again.close()


def test_next_unscored_fresh_totals_and_per_school_counts(qtbot, store):
    plan = make_demo(store)
    window = open_window(qtbot, store)
    ws = window.workspace
    _clear(store, plan, ws, "g4")
    window.select_group("g4")
    ws = window.workspace
    # A fresh group: no total and no grade, not a large "0 不合格"
    assert window.score.total_label.text() == "—" and "不合格" not in window.score.grade_label.text()
    first = ws.places[0]
    window.navigator.select(first)
    window.page.focus_first()
    assert isinstance(focused(), type(window.page.inputs.editors[next(iter(window.page.inputs.editors))]))
    key(Qt.Key.Key_F8)
    assert window.place == ws.places[1]  # the first not scored after this one
    # One indicator scored: a provisional total, and the grade waits
    c5 = ws.find_code("C5")
    window.navigator.select(c5)
    window.page.inputs.editors["ratio.value"].setFocus()
    type_text("18")
    window.page.inputs.editors["cycle.value"].setFocus()
    type_text("是")
    window.page.commit_now()
    assert window.score.total_label.text().startswith("暂计")
    assert "等次待评完" in window.score.grade_label.text()
    assert window.saved.text().startswith("已保存")
    # The group chooser says how far the group is
    combo = window.navigator.group_combo
    done = sum(ws.unit_progress(u.school_id)[0] for u in ws.units)
    total = sum(ws.unit_progress(u.school_id)[1] for u in ws.units)
    assert f"{done}/{total} 项已评" in combo.itemText(combo.currentIndex())
    # A per-school indicator: how many schools are scored, on the page and in the navigator
    per_school = next(p for p in ws.places if p.school_id and ws.indicator(p.code).scope.per_school)
    window.navigator.select(per_school)
    scored, covered = ws.schools_scored(per_school.code)
    assert f"{scored}/{covered} 校已评" in window.page.where.text()
    item = window.navigator.items[per_school]
    assert f"{scored}/{covered} 校" in item.text(1) and "逐校评分" in item.toolTip(1)
    # Every mark is explained
    assert "未开始" in item.toolTip(1) or "还没有" in item.toolTip(1)
    assert all(mark in window.navigator.legend.text() for mark in "○◐●▲")
    assert "自评分" in window.navigator.legend_detail.text()


def test_search_finds_rule_words_and_evidence(qtbot, store):
    make_demo(store)
    window = open_window(qtbot, store)
    window.select_group("g4")
    codes = {p.code for p in window.workspace.search("满意")}
    assert "C20" in codes  # 满意 is in C20's rule (满意度), not its title


def test_searching_lists_only_where_something_is_found_and_escape_clears_it(qtbot, store):
    from PySide6.QtCore import Qt
    make_demo(store)
    window = open_window(qtbot, store)
    window.select_group("g4")
    nav = window.navigator
    nav.search.setFocus()
    nav.search.setText("满意")
    hits = set(window.workspace.search("满意"))
    shown = {place for place, item in nav.items.items() if not item.isHidden()}
    assert shown == hits
    for unit_item in nav.unit_items.values():  # an area or school with no hit is not listed while searching
        for i in range(unit_item.childCount()):
            area = unit_item.child(i)
            found = any(not area.child(j).isHidden() for j in range(area.childCount()))
            assert area.isHidden() is not found, area.text(0)
    qtbot.keyClick(nav.search, Qt.Key.Key_Escape)
    assert nav.search.text() == ""
    assert all(not item.isHidden() for item in nav.items.values())
    assert all(not u.isHidden() for u in nav.unit_items.values())


def test_the_language_menu_ticks_the_language_in_use_and_the_one_chosen_next(qtbot, store):
    from inspector_app.ui.i18n import current_language
    make_demo(store)
    window = open_window(qtbot, store)
    actions = window.language_actions
    assert [code for code, a in actions.items() if a.isChecked()] == [current_language()]
    other = next(code for code in actions if code != current_language())
    actions[other].trigger()
    assert [code for code, a in actions.items() if a.isChecked()] == [other]
    assert store.setting("language") == other


def test_a_refused_value_below_the_fold_is_scrolled_into_view(qtbot, store):
    from PySide6.QtCore import QPoint
    make_demo(store)
    window = open_window(qtbot, store)
    window.resize(900, 420)  # a short window: the page scrolls
    ws = window.workspace
    place, field = next((p, f) for p in ws.places for f in ws.indicator(p.code).rule.fields()
                        if f.kind == "number" and ws.applicable(p))
    window.show_place(place)
    page = window.page
    page._input_changed(field.key, "abc")
    label = page.inputs.errors[field.key]
    page.verticalScrollBar().setValue(page.verticalScrollBar().maximum())  # looking elsewhere when it is said
    page._input_changed(field.key, "abcd")
    qtbot.waitUntil(lambda: label.isVisible())
    qtbot.wait(50)
    top = label.mapTo(page.widget(), QPoint(0, 0)).y()
    shown = page.verticalScrollBar().value()
    assert shown <= top and top + label.height() <= shown + page.viewport().height(), (top, shown)


def test_the_page_says_why_a_place_needs_attention_when_it_is_the_self_score(qtbot, store):
    # ▲ in the navigator: an error, or the panel's score a fifth of the maximum or more from the school's own
    from decimal import Decimal
    from inspector_app.workspace import ATTENTION
    make_demo(store)
    window = open_window(qtbot, store)
    ws = window.workspace
    for place in ws.places:
        own, (_answered, points, _lines) = ws.self_score(place), ws.outcome(place)
        if own is None or points is None:
            continue
        window.show_place(place)
        far = abs(own - points) >= Decimal("0.2") * ws.indicator(place.code).points and own != points
        assert window.page.attention.isVisibleTo(window) is far, place
        if far:
            assert ws.state(place) == ATTENTION and "自评分" in window.page.attention.text()
            return
    raise AssertionError("the demo has no place scored far from its self-score")


def test_a_veto_without_a_reason_shows_unsaved(qtbot, store):
    from inspector_app.rubric.catalog import load_catalog
    from inspector_app.store import plans as P
    rubric = load_catalog().rubrics["ankang-2022"]  # 安康: a rubric with a 一票否决
    spec = P.PlanSpec("安康测试", "2024—2025", P.STAGES[0], [P.GroupSpec("汉滨教育集团", [
        P.SchoolSpec("汉滨初中", "lead"), P.SchoolSpec("汉滨二中", "member")], rubric.group_types[0])],
        [P.ExpertSpec("张老师", "lead", "zhang")])
    plan = P.create_plan(store, rubric, spec)
    store.set_setting(f"me:{plan.id}", "zhang")  # this laptop is 张老师 (her key is not registered)
    window = open_window(qtbot, store)
    window.open_plan(plan.id)
    ws = window.workspace
    key_ = ws.rubric.vetoes[0].key
    box, why, state, _saved = window.score.veto_states[key_]
    box.setChecked(True)
    assert state.isVisible() and "未保存" in state.text()
    assert ws.vetoes().get(key_, (False, ""))[0] is False  # not stored
    why.setFocus()
    assert focused() is why, (focused(), why.isVisible(), window.score.isVisible())
    type_text("查实有违规办学行为")
    assert "未保存" in state.text()
    window.navigator.tree.setFocus()  # leaving the box saves
    assert why.toPlainText() == "查实有违规办学行为", (why.toPlainText(), state.text())
    assert ws.vetoes()[key_] == (True, "查实有违规办学行为"), state.text()
    assert "已保存" in state.text() and window.saved.text().startswith("已保存")
    text = next(w for w in window.score.veto_box.findChildren(type(state)) if w.text() == ws.rubric.vetoes[0].text)
    assert text.wordWrap() and isinstance(why, type(window.page.note).__mro__[1])  # a multi-line box


def test_saved_time_at_opening_is_the_last_change_saved_in_this_data_folder(qtbot, data_dir, monkeypatch):
    """After a restart "已保存 HH:MM:SS" is the newest history row's time in local time (as `inspector history`
    lists it), not the time of some entry, such as when the demo was made; the tooltip gives its date."""
    from datetime import datetime

    from inspector_app.store import history as H
    store = open_store(data_dir)
    make_demo(store)
    window = open_window(qtbot, store)
    later = "2031-05-06T03:04:05+08:00"  # a save some time after the demo was made, not in the same second
    monkeypatch.setattr(H, "now", lambda: later)
    window.findings.edits["problems"].setPlainText("交流比例不足")  # a finding: saved, with a history row
    window.close()
    store.close()
    again = open_store(data_dir)
    try:
        newest = again.conn.execute("SELECT at FROM history ORDER BY id DESC LIMIT 1").fetchone()[0]
        assert newest == later
        local = datetime.fromisoformat(newest).astimezone()
        window2 = open_window(qtbot, again)
        assert window2.saved.isVisible() and window2.saved.text() == f"已保存 {local:%H:%M:%S}"
        assert f"{local:%Y-%m-%d %H:%M:%S}" in window2.saved.toolTip()
        window2.close()
    finally:
        again.close()


def test_the_navigator_leaves_the_room_to_the_indicators_names(qtbot, store):
    """The state column holds a mark and a school count; its words are the tooltip's and the legend's, and a
    unit's progress reads across the row, so the indicator's own words are what the width goes to."""
    make_demo(store)
    window = open_window(qtbot, store)
    window.resize(1366, 700)
    nav = window.navigator
    tree = nav.tree
    metrics = tree.fontMetrics()
    assert tree.header().sectionSize(1) <= metrics.horizontalAdvance("▲ 99/99 校") + 3 * metrics.averageCharWidth() + 8
    assert tree.header().sectionSize(0) > 2 * tree.header().sectionSize(1)
    for place, item in nav.items.items():
        state = window.workspace.state(place)
        assert item.text(1).startswith(STATE_MARKS[state]) and state_name(state) not in item.text(1)
        assert state_name(state) in item.toolTip(1)
    for school_id, unit_item in nav.unit_items.items():
        done, total = window.workspace.unit_progress(school_id)
        assert unit_item.isFirstColumnSpanned() and f"{done}/{total} 项" in unit_item.text(0)
        assert all(unit_item.child(i).isFirstColumnSpanned() for i in range(unit_item.childCount()))


def test_the_two_counts_of_progress_say_what_they_count(qtbot, store):
    """The chooser and each unit's row count the expert's items in one unit (项; an indicator scored per school
    is one item a school), the score panel counts the group's indicators for the grade and says 指标: one word
    for one thing on the screen, and no third word (处) beside them."""
    make_demo(store)
    window = open_window(qtbot, store)
    nav = window.navigator
    index = nav.group_combo.currentIndex()
    done, total = window.workspace.group_progress()[window.workspace.group.id]
    tip = nav.group_combo.itemData(index, Qt.ItemDataRole.ToolTipRole)
    assert nav.group_combo.itemText(index).endswith(f"{done}/{total} 项已评")
    assert f"分给您评的 {total} 项中已评 {done} 项" in tip and "每所学校各算一项" in tip
    assert "逐校评分的指标" in nav.group_combo.toolTip() and "处" not in nav.group_combo.toolTip()
    units = [item.text(0) for item in nav.unit_items.values()]
    assert all(" 项 · " in text for text in units)
    card = window.workspace.card()
    label = window.score.grade_label
    assert 0 < done < total and label.text() == f"等次待评完（指标已评完 {card.done}/{card.count}）"
    assert "项指标都评完后给出" in label.toolTip() and "项已评" in label.toolTip()
    shown = [nav.group_combo.itemText(i) for i in range(nav.group_combo.count())] + units + [label.text()]
    assert not any("处" in text for text in shown)


def test_the_completion_check_asks_for_a_second_look_at_what_is_marked(qtbot, store, monkeypatch):
    """完成检查 lists what is unscored and, for the open group, the scored indicators the navigator marks ▲."""
    from PySide6.QtWidgets import QMessageBox
    from inspector_app.ui import completion_check
    make_demo(store)
    window = open_window(qtbot, store)
    window.select_group("g4")
    ws, nav = window.workspace, window.navigator
    marked = [p for p, item in nav.items.items() if item.text(1).startswith("▲") and ws.scored(p) and ws.is_mine(p)]
    assert marked  # the demo's group has scores far from the self-scores
    [line] = completion_check.attention_lines(ws, [ws.group.id])
    assert f"{len(marked)} 项需注意" in line and all(p.code in line for p in marked)
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    completion_check.confirm_complete(window, ws, [ws.group.id], exporting=False)
    assert "标有 ▲ 的指标请再核对一下" in shown[0] and line in shown[0]


def test_the_completion_check_marks_every_group_not_only_the_open_one(qtbot, store):
    """Each group's ▲ line is the same whether that group is open or not: the navigator's marks of that group."""
    from inspector_app.ui import completion_check
    make_demo(store)
    window = open_window(qtbot, store)
    ws, nav = window.workspace, window.navigator
    lines = {}
    for group in ws.groups:
        window.select_group(group.id)
        marked = [p for p, item in nav.items.items() if item.text(1).startswith("▲") and ws.scored(p) and ws.is_mine(p)]
        lines[group.id] = completion_check.attention_lines(ws, [group.id])
        assert len(lines[group.id]) == (1 if marked else 0)
        if marked:
            assert lines[group.id][0].startswith(f"{group.name}：{len(marked)} 项需注意")
    assert sum(1 for found in lines.values() if found) >= 2  # the demo has ▲ in more than one group
    window.select_group("g4")
    for group in ws.groups:  # seen from g4: every other group's ▲, as when it was open
        assert completion_check.attention_lines(ws, [group.id]) == lines[group.id]


def test_f9_offers_to_go_to_the_first_missing_place_and_enter_goes(qtbot, store):
    """F9's box: 转到第一项未评 (the default, so Enter goes there) and 关闭; the open group's first comes first."""
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMessageBox
    make_demo(store)
    window = open_window(qtbot, store)
    ws = window.workspace
    group = next(g for g in ws.groups if ws.unscored_in(g.id))
    window.select_group(group.id)
    first = ws.unscored()[0]
    window.navigator.select(ws.places[-1] if ws.places[-1] != first else ws.places[0])
    seen = {}

    def answer():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["buttons"] = [b.text() for b in box.buttons()]
        seen["default"] = box.defaultButton().text()
        QTest.keyClick(box, Qt.Key.Key_Return)
    QTimer.singleShot(0, answer)
    window.data_menus.check_complete()
    assert sorted(seen["buttons"]) == sorted(["转到第一项未评(&G)", "关闭"])
    assert seen["default"] == "转到第一项未评(&G)"
    assert window.place == first and ws.group.id == group.id

    # 关闭 (Escape) stays where she is
    window.navigator.select(ws.places[-1])
    QTimer.singleShot(0, lambda: QTest.keyClick(QApplication.activeModalWidget(), Qt.Key.Key_Escape))
    window.data_menus.check_complete()
    assert window.place == ws.places[-1]


def test_f9_goes_to_another_group_when_the_open_one_is_done(qtbot, store):
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from inspector_app.ui import completion_check
    make_demo(store)
    window = open_window(qtbot, store)
    ws = window.workspace
    done = next((g for g in ws.groups if not ws.unscored_in(g.id)), None)
    assert done is not None  # the demo's lead has scored all of g4
    window.select_group(done.id)
    target = completion_check.first_to_visit(ws, [g.id for g in ws.groups])
    assert target is not None and target[0] != done.id
    QTimer.singleShot(0, lambda: QTest.keyClick(QApplication.activeModalWidget(), Qt.Key.Key_Return))
    window.data_menus.check_complete()
    assert (ws.group.id, window.place) == target
