"""A keystroke repaints only what it changed: the navigator's marks, counts and totals after any edits
equal what loading the navigator afresh shows."""
from __future__ import annotations

import random

import pytest

pytest.importorskip("pytestqt")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from inspector_app.store.db import open_store  # noqa: E402
from inspector_app.store.demo import demo_inputs, make_demo  # noqa: E402
from inspector_app.ui.navigator import Navigator  # noqa: E402
from inspector_app.workspace import Workspace  # noqa: E402


def _shown(nav: Navigator) -> dict:
    return {"places": {p: (i.text(1), i.toolTip(1), i.foreground(1).color().name()) for p, i in nav.items.items()},
            "units": {s: i.text(0) for s, i in nav.unit_items.items()}}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    store = open_store(tmp_path_factory.mktemp("incremental") / "data")
    plan = make_demo(store)
    ws = Workspace(store, plan)
    counts = {}
    for g in ws.groups:  # the group with the most per-school places: where one keystroke touches most rows
        ws.select_group(g.id)
        counts[g.id] = sum(1 for p in ws.places if p.school_id)
    yield store, plan, max(counts, key=counts.get)
    store.close()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 10 ** 6), st.integers(0, 10 ** 6), st.sampled_from(["value", "clear", "bad"])),
                min_size=1, max_size=30))
def test_navigator_after_random_edits_equals_a_fresh_load(qtbot, demo, edits):
    store, plan, group_id = demo
    ws = Workspace(store, plan)
    ws.select_group(group_id)
    live = Navigator()
    qtbot.addWidget(live)
    live.load(ws)
    for which, seed, what in edits:
        place = ws.places[which % len(ws.places)]
        rule = ws.indicator(place.code).rule
        keys = [f.key for f in rule.fields()]
        if not keys:
            continue
        key = keys[seed % len(keys)]
        value = (None if what == "clear" else "不是数字" if what == "bad"
                 else demo_inputs(rule, random.Random(seed)).get(key))
        ws.draft(place, key, value)
        live.update_place(place)
    fresh = Navigator()
    qtbot.addWidget(fresh)
    fresh.load(ws)
    assert _shown(live) == _shown(fresh)
    # the group chooser counts the drafts too, as every unit's places done summed afresh
    done = sum(ws.unit_progress(u.school_id)[0] for u in ws.units)
    combo = live.group_combo
    assert f"{done}/{sum(ws.unit_progress(u.school_id)[1] for u in ws.units)} 项已评" in combo.itemText(combo.currentIndex())
    ws._pending.clear()  # nothing typed here is saved
