"""A fresh laptop asks who the user is (您是哪位专家？) before anything is scored."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from inspector_app.bundles.keys import KeyStore  # noqa: E402
from inspector_app.cli.main import main  # noqa: E402
from inspector_app.store import entries as E  # noqa: E402
from inspector_app.store import identity as I  # noqa: E402
from inspector_app.store.db import open_store  # noqa: E402
from inspector_app.ui import identity_dialog  # noqa: E402
from inspector_app.ui.app import create_window  # noqa: E402
from inspector_app.workspace import Place  # noqa: E402

ROSTER = """\
title: 2024—2025学年集团化办学督导考核（复评）
school_year: 2024—2025
stage: 复评
groups:
  - id: g4
    name: 中卫市第四中学教育集团
    type: 共建型
    schools:
      - {id: s0, name: 中卫市第四中学教育集团总校, role: lead, kind: 初中}
experts:
  - {id: lead, name: 张组长, role: lead, key: lead.pub}
  - {id: x3, name: 赵专家}
"""


@pytest.fixture
def fresh_laptop(tmp_path):
    """The bureau's plan package imported on a laptop whose key the plan does not register."""
    bureau, lead, laptop = tmp_path / "bureau", tmp_path / "lead", tmp_path / "laptop"
    assert main(["--data-dir", str(lead), "keys", "export", "--out", str(tmp_path / "lead.pub")]) == 0
    (tmp_path / "roster.yaml").write_text(ROSTER, encoding="utf-8")
    # Plain bundles (--plain): a laptop the plan names no key for could not open an encrypted package.
    assert main(["--data-dir", str(bureau), "plan", "create", "--rubric", "suizhou-jlt", "--plain",
                 "--roster", str(tmp_path / "roster.yaml")]) == 0
    assert main(["--data-dir", str(bureau), "package", "--out", str(tmp_path / "usb")]) == 0
    KeyStore(laptop).trust(KeyStore(bureau).own_key().public_key, "教育局")
    [package] = (tmp_path / "usb").glob("*.zip")
    assert main(["--data-dir", str(laptop), "merge", str(package)]) == 0
    store = open_store(laptop)
    yield store
    store.close()


def _show(qtbot, store):
    window = create_window(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_fresh_laptop_asks_who_the_user_is_before_anything_is_scored(qtbot, fresh_laptop, monkeypatch):
    store = fresh_laptop
    asked = []

    def answer(dialog: identity_dialog.IdentityDialog) -> int:
        # Asked before anything is scored: no identity, no entry, the window not yet showing the plan.
        asked.append(dialog.windowTitle())
        assert I.current(store, dialog.workspace.plan.id) is None
        assert E.entries(store, dialog.workspace.plan.id) == []
        names = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        assert any("张组长" in n for n in names) and any("赵专家" in n for n in names)
        assert any("教育局" in n for n in names) and any("只查看" in n for n in names)
        dialog.select("lead")  # the plan registers another key for the lead: refused in words, dialog stays
        assert not dialog.choose()
        assert "张组长" in dialog.error.text() and "不是本机的密钥" in dialog.error.text()
        dialog.select("x3")
        assert dialog.choose()
        return 1

    monkeypatch.setattr(identity_dialog.IdentityDialog, "exec", answer)
    window = _show(qtbot, store)
    assert asked == ["您是哪位专家？"]
    ws = window.workspace
    assert ws.expert_id == "x3" and ws.can_score and "赵专家" in window.windowTitle()
    place = Place("", "C6")
    ws.draft(place, "met", "是")
    assert ws.commit().saved_at
    assert [e.expert_id for e in E.entries(store, ws.plan.id)] == ["x3"]
    window.close()
    # Asked once: the next start knows who the user is.
    asked.clear()
    again = _show(qtbot, store)
    assert asked == [] and again.workspace.expert_id == "x3"
    again.close()


def test_closing_the_question_scores_nothing(qtbot, fresh_laptop, monkeypatch):
    store = fresh_laptop
    monkeypatch.setattr(identity_dialog.IdentityDialog, "exec", lambda dialog: 0)
    window = _show(qtbot, store)
    ws = window.workspace
    assert not ws.can_score and ws.expert_id == ""
    ws.draft(Place("", "C6"), "met", "是")
    change = ws.commit()
    assert change.error and not change.saved_at
    assert E.entries(store, ws.plan.id) == []
    # 数据包 → 我的身份 asks again.
    monkeypatch.setattr(identity_dialog.IdentityDialog, "exec",
                        lambda dialog: (dialog.select(I.VIEWER), dialog.choose())[1])
    window.choose_identity()
    assert I.current(store, ws.plan.id).kind == "viewer" and not window.workspace.can_score
    assert "只查看" in window.windowTitle()
    window.close()


def test_finalise_in_the_consensus_view(qtbot, tmp_path, monkeypatch):
    """定稿 from the 合议 view: refused with what is missing, then recorded once the spreads are settled."""
    from inspector_app.store import finalisation as F
    from inspector_app.store import plans as P
    from inspector_app.store.consensus import decide, places
    from inspector_app.store.demo import make_demo
    from inspector_app.ui import finalise_dialog
    store = open_store(tmp_path / "demo")
    plan = make_demo(store)
    window = _show(qtbot, store)
    window.data_menus.show_consensus()
    view = window.data_menus.consensus
    view.groups.setCurrentIndex(view.groups.findData("g4"))
    assert "征求意见稿" in view.state.text() and view.finalise_button.isEnabled()
    shown = []

    def try_it(dialog: finalise_dialog.FinaliseDialog) -> int:
        ok = dialog.finalise()
        shown.append(dialog.missing.text())
        return int(ok)

    monkeypatch.setattr(finalise_dialog.FinaliseDialog, "exec", try_it)
    assert not view.finalise()  # the demo's 第四中学 has spreads above the plan's limit
    assert "差距" in shown[-1] and "理由" in shown[-1]
    group = P.get_group(store, plan.id, "g4")
    rubric = P.plan_rubric(store, plan)
    for place in places(store, plan, group):
        if len(place.scores) > 1 and place.spread > plan.spread_limit:
            decide(store, plan, rubric, group, place.school_id, place.indicator, place.scores["demo-lead"],
                   "核对原件后维持组长评分", "demo-lead")
    # Visited today, after the demo's items were due (2023-12-15): refused, each item named.
    assert not view.finalise()
    assert "整改时限早于考核日期" in shown[-1] and "整改时限 2023-12-15" in shown[-1]

    def on_the_demos_day(dialog: finalise_dialog.FinaliseDialog) -> int:
        dialog.visit.setDate(dialog.visit.date().fromString("2023-10-16", "yyyy-MM-dd"))
        dialog.meeting.setDate(dialog.meeting.date().fromString("2023-10-17", "yyyy-MM-dd"))
        return try_it(dialog)

    monkeypatch.setattr(finalise_dialog.FinaliseDialog, "exec", on_the_demos_day)
    assert view.finalise()
    assert F.latest(store, plan.id, "g4").version == 1 and "已定稿" in view.state.text()
    window.close()
    store.close()


def test_bureau_view_lists_unfinished_groups(qtbot, tmp_path):
    """The demo finalised 兴仁 only: it alone is ranked; the other four are listed as 未完成 with progress."""
    from inspector_app.store.demo import make_demo
    store = open_store(tmp_path / "demo")
    make_demo(store)
    window = _show(qtbot, store)
    window.data_menus.show_bureau()
    view = window.data_menus.bureau
    assert [name for _rank, name, _total in view.ranking()] == ["中卫市兴仁教育集团"]
    text = view.unfinished.text()
    assert "未完成" in text and "中卫市第四中学教育集团" in text and "已评 23/23 项" in text
    window.close()
    store.close()


def test_trust_dialog_shows_a_name_that_disagrees_with_the_plan(qtbot, tmp_path):
    """A bundle from an unknown key claiming the lead's name is held; trusting it shows the conflict."""
    from inspector_app.bundles.export import export_expert, export_plan
    from inspector_app.bundles.merge import merge_file
    from inspector_app.store import plans as P
    from inspector_app.store.demo import make_demo
    from inspector_app.ui.keys_dialog import TrustDialog
    lead = open_store(tmp_path / "lead")
    plan = make_demo(lead)
    package = export_plan(lead, KeyStore(lead.data_dir), plan, tmp_path / "usb").path
    other = open_store(tmp_path / "other")
    KeyStore(other.data_dir).trust(KeyStore(lead.data_dir).own_key().public_key, "张明华")
    assert merge_file(other, KeyStore(other.data_dir), package).status == "created"
    # Someone else's laptop, scoring in the lead's name.
    group = P.get_group(other, plan.id, "g4")
    E.set_entry(other, plan, P.plan_rubric(other, plan), group, "demo-lead", "", "C6", inputs={"met": "否"})
    bundle = export_expert(other, KeyStore(other.data_dir), plan, group, "demo-lead", tmp_path / "out").path
    outcome = merge_file(lead, KeyStore(lead.data_dir), bundle)
    assert outcome.status == "held" and outcome.claims == "张明华（演示组长）"
    assert "本机用户" in outcome.conflict
    dialog = TrustDialog(outcome.fingerprint or "AAAA-BBBB-CCCC-DDDD", None, name=outcome.claims,
                         conflict=outcome.conflict)
    qtbot.addWidget(dialog)
    assert "本机用户" in dialog.conflict.text()
    dialog.name.setText("王专家")
    assert "不一致" in dialog.conflict.text() and "张明华（演示组长）" in dialog.conflict.text()
    other.close()
    lead.close()
