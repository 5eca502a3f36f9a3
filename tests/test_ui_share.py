"""What is an expert's own to score (her share, 分工), as 下一未评项 (F8), 完成检查 (F9), the export's check and
the progress counts all say it: one rule, store.experts.is_assigned."""
from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from inspector_app.store import plans as P  # noqa: E402
from inspector_app.store.demo import make_demo  # noqa: E402
from inspector_app.ui.completion_check import missing_lines  # noqa: E402
from tests.test_ui_window import open_window, store  # noqa: E402,F401


def _share(store, plan, rows) -> None:
    """The demo's lead (this laptop's expert) given only `rows` (group, school, indicator) of the plan."""
    with store.tx():
        store.conn.execute("DELETE FROM assignments WHERE plan_id = ? AND expert_id = 'demo-lead'", (plan.id,))
        for g, s, c in rows:
            store.conn.execute("INSERT INTO assignments (plan_id, expert_id, group_id, school_id, indicator)"
                               " VALUES (?, 'demo-lead', ?, ?, ?)", (plan.id, g, s, c))


def _f8_places(window) -> list:
    """Every place F8 visits from the first one, until it comes round again (or says all are scored)."""
    ws, seen = window.workspace, []
    place = ws.next_unscored(None)
    while place is not None and place not in seen:
        seen.append(place)
        place = ws.next_unscored(place)
    return seen


def _check(window, group) -> None:
    ws = window.workspace
    mine = [p for p in ws.places if ws.is_mine(p)]
    unscored = [p for p in mine if not ws.scored(p)]
    assert set(_f8_places(window)) == set(unscored) == set(ws.unscored_in(group.id))
    line = missing_lines(ws, [group.id])
    assert (line[0].startswith(f"{group.name}：{len(unscored)} 项未评") if unscored else line == [])
    # the group chooser and the units count the same places
    assert ws.group_progress()[group.id] == (len(mine) - len(unscored), len(mine))
    other = next(g for g in ws.groups if g.id != group.id)
    ws.select_group(other.id)  # 完成检查 over a group that is not open counts the same places
    assert missing_lines(ws, [group.id]) == line
    ws.select_group(group.id)


def test_the_group_as_a_whole_is_not_every_schools_c20(qtbot, store):
    plan = make_demo(store)
    group = P.get_group(store, plan.id, "g4")
    _share(store, plan, [("g4", "", "*")])  # 集团整体 only: C20 is scored school by school, by others
    store.set_setting("current_plan", plan.id)
    window = open_window(qtbot, store)
    window.workspace.select_group("g4")
    ws = window.workspace
    assert not any(ws.is_mine(p) for p in ws.places if p.school_id)
    assert all(ws.is_mine(p) for p in ws.places if not p.school_id)
    assert "C20（" not in "".join(missing_lines(ws, [group.id]))
    _check(window, group)


def test_every_school_of_the_group_is_each_schools_places(qtbot, store):
    plan = make_demo(store)
    group = P.get_group(store, plan.id, "g4")
    _share(store, plan, [("g4", s.id, "*") for s in group.schools])
    store.set_setting("current_plan", plan.id)
    window = open_window(qtbot, store)
    window.workspace.select_group("g4")
    ws = window.workspace
    assert {p for p in ws.places if ws.is_mine(p)} == {p for p in ws.places if p.school_id}
    _check(window, group)
    # the home list counts her places, too
    done, total = ws.inspection.progress(ws.expert_id)
    assert total == len([p for p in ws.places if ws.is_mine(p)])
