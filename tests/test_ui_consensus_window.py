"""The 合议 screen's group is the one its reports are of; the 定稿 refusal is shown whole, in the window's words."""
from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from inspector_app.store.db import open_store  # noqa: E402
from tests.test_ui_window import open_window as _show  # noqa: E402


def test_reports_on_the_consensus_screen_are_of_its_group(qtbot, tmp_path, monkeypatch):
    """Score page on 第七小学, 合议 page on 第四中学: Ctrl+R and 合议记录 offer 第四中学's files."""
    from inspector_app.store.demo import make_demo
    from inspector_app.ui import report_actions
    store = open_store(tmp_path / "demo")
    make_demo(store)
    window = _show(qtbot, store)
    ws = window.workspace
    seventh = next(g for g in ws.groups if "第七小学" in g.name)
    window.workspace.group = seventh  # the score page's 集团
    window.data_menus.show_consensus()
    view = window.data_menus.consensus
    view.groups.setCurrentIndex(view.groups.findData("g4"))
    assert "第四中学" in view.group.name and ws.group.id != "g4"
    offered = []
    monkeypatch.setattr(report_actions, "save_target",
                        lambda _parent, _title, suggested, _word, **_kw: offered.append(suggested.name))
    by_text = {a.text(): a for a in window.findChildren(type(window.work_actions[0]))}
    next(a for t, a in by_text.items() if "现场反馈报告" in t).trigger()
    next(a for t, a in by_text.items() if "合议记录" in t).trigger()
    assert len(offered) == 2 and all("第四中学" in name and "第七小学" not in name for name in offered), offered
    window.close()
    store.close()


def test_finalise_refusal_for_early_deadlines_is_whole_and_names_the_window(qtbot, tmp_path):
    """Visit date after the demo's 整改时限 2023-12-15: the refusal names the 整改事项 editor, no command, wrapped."""
    from inspector_app.store import plans as P
    from inspector_app.store.consensus import decide, places
    from inspector_app.store.demo import make_demo
    from inspector_app.ui.finalise_dialog import FinaliseDialog
    store = open_store(tmp_path / "demo")
    plan = make_demo(store)
    window = _show(qtbot, store)
    window.data_menus.show_consensus()
    view = window.data_menus.consensus
    view.groups.setCurrentIndex(view.groups.findData("g4"))
    group = P.get_group(store, plan.id, "g4")
    rubric = P.plan_rubric(store, plan)
    for place in places(store, plan, group):
        if len(place.scores) > 1 and place.spread > plan.spread_limit:
            decide(store, plan, rubric, group, place.school_id, place.indicator, place.scores["demo-lead"],
                   "核对原件后维持组长评分", "demo-lead")
    dialog = FinaliseDialog(window.workspace, view.group, view)
    qtbot.addWidget(dialog)
    dialog.visit.setDate(dialog.visit.date().fromString("2024-01-10", "yyyy-MM-dd"))
    dialog.meeting.setDate(dialog.meeting.date().fromString("2024-01-11", "yyyy-MM-dd"))
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.finalise()
    text = dialog.missing.text()
    assert "整改时限早于考核日期 2024-01-10" in text and "整改时限 2023-12-15" in text
    assert "inspector " not in text and "--deadline" not in text
    assert "专家组意见" in text and "修改" in text
    label = dialog.missing
    assert label.wordWrap()
    qtbot.wait(10)
    assert label.geometry().right() <= dialog.width() and label.height() >= label.heightForWidth(label.width())
    dialog.close()
    window.close()
    store.close()


def test_a_change_to_a_finalised_group_is_said_at_once_in_the_window(qtbot, tmp_path):
    """The window follows the command line's rule: the lead's change to the demo's finalised 兴仁 (C6 否 where the
    lead had 是: 5 points less) is kept and said at once, naming the group and that it must be finalised again;
    a change to an unfinished group says nothing of 定稿."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication
    from inspector_app.store.demo import make_demo
    from tests.test_ui_window import focused, key
    store = open_store(tmp_path / "demo")
    make_demo(store)
    window = _show(qtbot, store)
    for group_id, finalised in (("g7", False), ("gxr", True)):
        window.select_group(group_id)
        window.navigator.select(window.workspace.find_code("C6"))
        QApplication.processEvents()
        window.statusBar().clearMessage()
        window.page.focus_first()
        key(Qt.Key.Key_N if finalised else Qt.Key.Key_Y)  # 否 / 是 in the YesNoBox
        window.commit_all()
        said = window.statusBar().currentMessage()
        if finalised:
            assert said.startswith("中卫市兴仁教育集团 已定稿（第 1 版），这次改动后结果与定稿不同，"), said
            assert "总分：签名结果 78.44，重算 73.44" in said and "重新定稿并写明理由" in said, said  # 5 less
        else:
            assert "定稿" not in said, said
    window.close()
    store.close()
