"""The home list says how far this laptop's expert is in each plan ("12/24 项已评"), as the group chooser does."""
from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from inspector_app.store import entries as E  # noqa: E402
from inspector_app.store import plans as P  # noqa: E402
from inspector_app.store.demo import make_demo  # noqa: E402
from tests.test_ui_window import open_window, store  # noqa: E402,F401


def test_home_list_and_group_chooser_show_progress(qtbot, store):
    plan = make_demo(store)
    window = open_window(qtbot, store)
    ws = window.workspace
    expert = ws.expert_id
    assert expert  # the demo's laptop user is its lead
    done = total = 0
    for group in P.groups(store, plan.id):  # counted here from the store, unit by unit
        for unit in E.progress(store, plan, ws.rubric, group, expert):
            done, total = done + unit.done, total + unit.total
    assert 0 < done < total
    combo = window.navigator.group_combo
    assert all("已评" in combo.itemText(i) for i in range(combo.count()))
    window.show_home()
    text = window.home.plans.item(0).text()
    assert f"{done}/{total} 项已评" in text and plan.title in text


def test_group_count_says_it_counts_places_and_the_score_panel_indicators(qtbot, store):
    """The group chooser counts places (an indicator scored per school is one place a school), the score panel
    counts indicators: each names what it counts, so 15/24 beside 14/23 is not a contradiction."""
    make_demo(store)
    window = open_window(qtbot, store)
    combo = window.navigator.group_combo
    assert all("项已评" in combo.itemText(i) for i in range(combo.count()))
    assert "逐校评分的指标（如 C20）每所学校各算一项" in combo.toolTip()
    card = window.workspace.card()
    if not card.complete:
        assert f"指标已评完 {card.done}/{card.count}" in window.score.grade_label.text()


def test_the_demo_notice_stays_with_the_demo(qtbot, store):
    from inspector_app.ui.main_window import DEMO_NOTICE
    window = open_window(qtbot, store)
    window.open_demo()
    window.show_notice(DEMO_NOTICE())
    assert not window.banner.isHidden()
    window.show_home()
    assert window.banner.isHidden()


def test_the_demo_notice_shows_whenever_the_demo_is_open_also_at_the_second_start(qtbot, data_dir):
    """First start on an empty folder opens the demo with its notice; the second start on the same folder reopens
    the demo (the current plan) and must say so again, as its title does (【演示】)."""
    from inspector_app.store.db import open_store
    from inspector_app.ui.app import create_window
    from inspector_app.ui.main_window import DEMO_NOTICE
    for start in ("first", "second"):
        store = open_store(data_dir)
        try:
            window = create_window(store)
            qtbot.addWidget(window)
            window.show()
            assert window.workspace is not None and window.workspace.plan.demo, start
            assert "【演示】" in window.windowTitle(), start
            assert not window.banner.isHidden() and DEMO_NOTICE() in window.banner.text(), start
            window.show_home()  # the list of plans is not the demo: its notice goes
            assert window.banner.isHidden(), start
            window.open_plan(window.workspace.plan.id)  # and comes back with it
            assert not window.banner.isHidden() and DEMO_NOTICE() in window.banner.text(), start
            window.commit_all()
            window.close()
        finally:
            store.close()
