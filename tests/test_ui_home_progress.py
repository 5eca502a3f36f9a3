"""The home list says how far this laptop's expert is in each plan ("12/23 已评"), as the group chooser does."""
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
    assert f"{done}/{total} 已评" in text and plan.title in text
