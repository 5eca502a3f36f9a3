"""What a new user's keyboard-only walk through a whole school (安康 2022, three schools, scored school by
school) ran into: who she is after 新建考核, finishing one school before the next, the same indicator at the
next school, Ctrl+1 from the tree, the page's "1/3 校已评" as she scores, the vetoes by Alt+F / Alt+Q, and a
list answered by its arrows."""
from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402

from inspector_app.rubric.catalog import load_catalog  # noqa: E402
from inspector_app.store import plans as P  # noqa: E402
from inspector_app.ui import identity_dialog  # noqa: E402
from inspector_app.workspace_places import Place  # noqa: E402
from tests.test_ui_window import focused, key, open_window, store, type_text  # noqa: E402,F401

SCHOOLS = (("城关小学", "lead"), ("东关小学", "member"), ("西关小学", "member"))


def _spec() -> P.PlanSpec:
    return P.PlanSpec(title="城关教育集团考核", school_year="2023—2024", stage="复评", groups=[P.GroupSpec(
        "城关教育集团", [P.SchoolSpec(n, r, "小学", id=f"s{i}") for i, (n, r) in enumerate(SCHOOLS)],
        group_type="一体型", id="g1")],
        experts=[P.ExpertSpec("李老师", "member", "e1"), P.ExpertSpec("王丽华", "lead", "e0")])


@pytest.fixture
def ankang(qtbot, store, monkeypatch):
    """The window on a plan of 安康 2022 whose user chose to be 王丽华 (组长)."""
    plan = P.create_plan(store, load_catalog().get("ankang-2022"), _spec())
    monkeypatch.setattr(identity_dialog.IdentityDialog, "exec",
                        lambda dialog: (dialog.select("e0"), dialog.choose())[1])
    window = open_window(qtbot, store)
    window.open_plan(plan.id)
    assert window.workspace.expert_id == "e0"
    return window


def test_a_new_inspection_asks_who_she_is_with_the_lead_chosen(qtbot, store, monkeypatch):
    """The laptop that makes a plan is its issuer, so its key alone made her 教育局, who cannot score."""
    from inspector_app.ui import plan_dialog
    rubric = load_catalog().get("ankang-2022")

    class Typed:  # 新建考核 filled in and OK pressed once
        def __init__(self, _parent):
            self.times = 0

        def exec(self):
            self.times += 1
            return self.times == 1

        def spec(self):
            return rubric, _spec()

    asked = []

    def answer(dialog):
        asked.append(dialog.list.currentItem().text())
        return dialog.choose()  # Enter on what is offered

    window = open_window(qtbot, store)
    monkeypatch.setattr(plan_dialog, "PlanDialog", Typed)
    monkeypatch.setattr(identity_dialog.IdentityDialog, "exec", answer)
    window.create_plan()
    assert asked and asked[0].startswith("王丽华"), asked  # the lead, though listed second
    ws = window.workspace
    assert ws.plan.title == "城关教育集团考核" and ws.expert_id == "e0"
    assert "王丽华" in window.windowTitle() and "教育局" not in window.windowTitle()
    assert "只可查看" not in window.page.where.text()


def test_next_unscored_finishes_her_school_before_the_next(ankang):
    ws = ankang.workspace
    first = [p for p in ws.places if p.school_id == "s0"]
    last = first[-1]
    assert ws.next_unscored(last) == first[0]  # round her school again, not on to 东关小学
    ankang.navigator.select(last)
    ankang.page.focus_first()
    key(Qt.Key.Key_F8)
    assert ankang.place == first[0]


def test_the_next_school_opens_at_the_same_indicator(ankang):
    ws = ankang.workspace
    here = next(p for p in ws.places if p.school_id == "s0" and p.code == "5")
    ankang.navigator.select(here)
    ankang.page.focus_first()
    key(Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert ankang.place == Place("s1", "5")


def test_ctrl_1_from_the_tree_puts_the_keyboard_in_the_page(ankang):
    ankang.navigator.select(Place("s0", "1"))
    ankang.focus_tree()
    assert focused() is ankang.navigator.tree
    key(Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert focused() is ankang.page.inputs.first_editor()


def test_the_schools_count_on_the_page_follows_each_score(ankang):
    ankang.navigator.select(Place("s0", "1"))
    assert "0/3 校已评" in ankang.page.where.text()
    ankang.page.focus_first()
    type_text("85")
    ankang.page.commit_now()
    assert "1/3 校已评" in ankang.page.where.text()  # without moving away and back


def test_the_vetoes_by_alt_f_and_alt_q_shown_in_the_scrolling_panel(ankang):
    ankang.resize(1093, 614)  # 1366×768 at 125%
    ankang.navigator.select(Place("s0", "1"))
    ankang.page.focus_first()
    panel = ankang.score
    boxes = {k: b for k, (b, _w, _s, _r) in panel.veto_states.items()}
    fail = next(b for k, b in boxes.items() if not panel.veto_kinds[k])
    withhold = next(b for k, b in boxes.items() if panel.veto_kinds[k])
    key(Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    assert focused() is fail
    area = panel.parentWidget().parentWidget()  # the scroll area's viewport, then the area
    top_left = fail.mapTo(area.viewport(), fail.rect().topLeft())
    assert 0 <= top_left.y() and top_left.y() + fail.height() <= area.viewport().height()
    key(Qt.Key.Key_Q, Qt.KeyboardModifier.AltModifier)
    assert focused() is withhold
    from inspector_app.ui.shortcuts_help import PAGE_KEYS
    assert any(keys == "Alt+F / Alt+Q" for keys, _what in PAGE_KEYS)  # and F1 says so


def test_a_list_says_how_it_is_answered(ankang):
    """A level list (优秀/良好/…) takes no typed score: typing 90 did nothing, without a word."""
    ws = ankang.workspace
    place = next(p for p in ws.places if any(f.kind == "choice" for f in ws.indicator(p.code).rule.fields()))
    ankang.navigator.select(place)
    labels = ankang.page.inputs.findChildren(type(ankang.page.where))
    assert any("↑↓ 选择" in label.text() and label.isVisible() for label in labels)


def test_enter_presses_the_focused_button_and_a_mnemonic_scrolls_to_its_field(ankang):
    """Enter on 添加照片… did nothing (Space did); Alt+letter to a field below the visible part of the page
    left her typing into a field she could not see."""
    page = ankang.page
    ankang.resize(1093, 614)
    ankang.navigator.select(Place("s0", "1"))
    opened = []
    button = next(b for b in page.findChildren(type(page.next_button)) if b.text().startswith("添加照片"))
    button.clicked.disconnect()
    button.clicked.connect(lambda: opened.append("clicked"))
    button.setFocus()
    key(Qt.Key.Key_Return)
    from PySide6.QtTest import QTest
    QTest.qWait(250)  # animateClick releases the button a moment later
    assert opened == ["clicked"]
    page.verticalScrollBar().setValue(0)
    note = page.note
    key(Qt.Key.Key_Tab)  # leave the button
    note.setFocus(Qt.FocusReason.ShortcutFocusReason)  # as its label's Alt+letter gives it
    top = note.mapTo(page.viewport(), note.rect().topLeft()).y()
    assert 0 <= top < page.viewport().height()


def test_a_focused_button_keeps_its_whole_text(ankang):
    """Focused, 添加文件夹… was cut to "添加文件夹.." and 登记此项(A) to "登记此项(A": the focus ring's padding
    and border were not in the size the button was given unfocused."""
    from PySide6.QtWidgets import QAbstractButton, QCheckBox
    from inspector_app.ui.inputs import FOCUS_BORDER, FOCUS_PADDING
    ankang.navigator.select(Place("s0", "1"))
    page = ankang.page
    short = []
    for button in page.findChildren(QAbstractButton):
        if isinstance(button, QCheckBox) or not button.isVisibleTo(page) or not button.text():
            continue
        button.setFocus()
        need = button.fontMetrics().horizontalAdvance(button.text().replace("&", "")) + 2 * (FOCUS_PADDING + FOCUS_BORDER)
        if button.width() < need:
            short.append(f"{button.text()}: {button.width()} < {need}")
    assert not short, short


def test_alt_z_x_w_reach_the_note_photos_and_files_in_view(ankang):
    """Some twenty Tab presses lay between the last score and the note, photos and evidence files."""
    ankang.resize(1093, 614)
    ankang.navigator.select(Place("s0", "1"))
    ankang.page.focus_first()
    page = ankang.page
    for letter, inside in ((Qt.Key.Key_Z, page.note), (Qt.Key.Key_X, page.photos), (Qt.Key.Key_W, page.files)):
        page.verticalScrollBar().setValue(0)
        key(letter, Qt.KeyboardModifier.AltModifier)
        widget = focused()
        assert widget is inside or inside.isAncestorOf(widget), (letter, widget)
        top = widget.mapTo(page.viewport(), widget.rect().topLeft()).y()
        assert 0 <= top < page.viewport().height()
