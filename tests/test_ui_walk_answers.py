"""The keyboard-only walk through a whole school, answering 否, 0 (无缺项), 不适用 and 无, with evidence files
attached on the way: what the core stores and the totals it shows, worked by hand from the seed (004)."""
from __future__ import annotations

from decimal import Decimal

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QComboBox, QLineEdit  # noqa: E402

from inspector_app.store import entries as E  # noqa: E402
from inspector_app.store import evidence_records as ER  # noqa: E402
from inspector_app.ui import file_dialogs  # noqa: E402
from inspector_app.ui.inputs import CountBox, YesNoBox  # noqa: E402
from inspector_app.workspace import Place  # noqa: E402
from tests.test_evidence_files import M4A, PDF  # noqa: E402
from tests.test_ui_keyboard import _tab_to  # noqa: E402
from tests.test_ui_window import core_card, focused, key, store, type_text, typed_counts_chosen, walk_group_afresh  # noqa: E402,F401

NO, NA = Qt.Key.Key_N, Qt.Key.Key_A
# What is typed at each indicator, field by field (suizhou-jlt, 共建型 group g4): a yes/no by its key,
# a count or a number as text, a choice by the key that picks it (Down: the first level, End: 无).
TYPED = {
    "C1": ["0", NO, NO, "55", NO], "C2": ["0", "0", NO], "C3": [NO, "0", NO], "C4": [NO, NO, NO],
    "C5": ["１０", "50"], "C6": [NO], "C7": [NO], "C8": [NO], "C9": [NA], "C10": ["0", "0"], "C11": [NO, NO],
    "C12": [NO], "C13": [NO], "C14": [NO, NO], "C15": ["0", "0"], "C16": ["0", "0", "0"],
    "C17": ["0", "0", "0"], "C18": ["0", "0", "0"], "C19": ["0", "0", "0"],
    "C21": [Qt.Key.Key_Down], "C22": [Qt.Key.Key_Down], "C23": [Qt.Key.Key_End],
}
C20_TYPED = ["80", "90%", "70", "100"]  # 第三方评价满意率 at each of the four schools, in the navigator's order

# Worked by hand from 004 (its 评分标准 column, quoted) and the rubric's reading of it:
EXPECTED = {
    # C1 "教联体各项制度缺一项扣0.5分。家长满意度低于60%扣1分。": 0 missing -> 1; 团结/精神状态/党建 否 -> 0;
    # 55% < 60% -> the 1 point of 家长满意度 lost.  1 + 0 + 0 + 0 + 0 = 1
    "C1": Decimal("1"),
    # C2 "…缺一项扣0.5分；各成员校年度工作计划、总结缺一项扣0.5分。": nothing missing -> 1; 列入学校工作计划 否 -> 0
    "C2": Decimal("1"),
    # C3 "教联体学校未召开会议或无记录均不得分…成员校校长未参加会议或无记录均不得分。": both 否 -> 0
    "C3": Decimal("0"),
    # C4 "未建立管理办法和有关制度此项不得分。": 否, 否, 否 -> 0
    "C4": Decimal("0"),
    # C5 "按完成比例计分。" 交流教师比例 10% of the 20% asked: 8 × 10/20 = 4; 交流周期 50%: 2 × 50/100 = 1
    "C5": Decimal("5"),
    # C6 "未建立紧缺学科师资共享，此项不得分。" C7 "未执行不得分。" C8 "未建立一体化培训体系，此项不得分。"
    "C6": Decimal("0"), "C7": Decimal("0"), "C8": Decimal("0"),
    "C9": None,  # 不适用: done, no points
    # C10 "未开展一项活动扣0.5分，未“推门”听课评课扣2分。": nothing missing -> 4
    "C10": Decimal("4"),
    # C11 "未实现教学共研，推进无成果、无佐证资料各项不得分。" C12 "未开展该项不得分。" C13 "未开发特色课程，此项不得分。"
    # C14 "学校无特色文化品牌，此项不得分；未组织开展文化活动或社会实践活动不得分。"
    "C11": Decimal("0"), "C12": Decimal("0"), "C13": Decimal("0"), "C14": Decimal("0"),
    # C15 "每创建成1项市级1分，省级2分" and C16–C19 "增加国家级得2分，省级得1分，市级得0.5分。": none -> 0
    "C15": Decimal("0"), "C16": Decimal("0"), "C17": Decimal("0"), "C18": Decimal("0"), "C19": Decimal("0"),
    # C20 "各校得分的平均分即为教联体最终得分。" 10 × 80%, 90%, 70%, 100% = 8, 9, 7, 10; (8+9+7+10)/4 = 8.5
    "C20": Decimal("8.5"),
    # C21 "国家级得3分，省级得2分，市级得1分。" 国家级 -> 3; C22 "省级得3分，市级得1分。" 省级 -> 3;
    # C23 "获得国家级得4分，省级得3分。" 无 -> 0
    "C21": Decimal("3"), "C22": Decimal("3"), "C23": Decimal("0"),
}
# Areas (004 一级指标): A1 C1–C3 = 1+1+0; A2 C4–C9 = 0+5+0+0+0 (C9 不适用); A3 C10–C15 = 4; A4 C16–C19 = 0;
# A5 C20 = 8.5; A6 加分项 C21–C23 = 3+3+0.  Total 2 + 5 + 4 + 0 + 8.5 + 6 = 25.5
AREAS = {"A1": Decimal("2"), "A2": Decimal("5"), "A3": Decimal("4"), "A4": Decimal("0"), "A5": Decimal("8.5"),
         "A6": Decimal("6")}
TOTAL = Decimal("25.5")


def _type(f, typed) -> None:
    widget = focused()
    if f.kind == "bool":
        assert isinstance(widget, YesNoBox), (f.key, widget)
        key(typed)
    elif f.kind == "count":
        assert isinstance(widget, CountBox) and widget.text() == "—", (f.key, widget)
        type_text(typed)
        key(Qt.Key.Key_Tab)  # on to its 无缺项 box, ticked by the 0
        assert focused() is widget.none_missing and widget.none_missing.isChecked() == (typed == "0")
    elif f.kind == "number":
        assert isinstance(widget, QLineEdit), (f.key, widget)
        type_text(typed)
    else:
        assert f.kind == "choice" and isinstance(widget, QComboBox), (f.key, widget)
        key(typed)
    key(Qt.Key.Key_Tab)


def test_whole_school_by_keyboard_with_no_zero_not_applicable_and_evidence_files(qtbot, store, tmp_path,
                                                                                  monkeypatch):
    chosen = []
    monkeypatch.setattr(file_dialogs, "open_file_names", lambda *a, **k: chosen)
    (tmp_path / "学校章程.pdf").write_bytes(PDF)
    (tmp_path / "校长访谈.m4a").write_bytes(M4A)
    plan, rubric, group, window = walk_group_afresh(qtbot, store)
    assert ER.list_files(store, plan.id, group.id) == []  # the demo attaches no evidence files
    ws = window.workspace
    key(Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    type_text("C1")
    key(Qt.Key.Key_Return)
    walk = [(Place("", c), TYPED[c]) for c in ws.units[0].codes]
    walk += [(Place(u.school_id, "C20"), [t]) for u, t in zip(ws.units[1:], C20_TYPED, strict=True)]
    attach = {Place("", "C3"): tmp_path / "学校章程.pdf", Place(ws.units[2].school_id, "C20"): tmp_path / "校长访谈.m4a"}
    for i, (place, typed) in enumerate(walk):
        assert window.place == place
        fields = rubric.indicator(place.code).rule.fields()
        typed_counts_chosen(qtbot, window, rubric.indicator(place.code).rule)
        for f, answer in zip(fields, typed, strict=True):
            _type(f, answer)
        if place in attach:  # 添加文件 on the Tab path, the file chosen in the (patched) dialog
            chosen[:] = [str(attach[place])]
            _tab_to(window.page.files.add_button)
            key(Qt.Key.Key_Space)
            assert window.page.files.list.topLevelItem(0).text(0) == attach[place].name
        if i % 2:
            key(Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
        else:
            key(Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert not ws.dirty

    stored = {(e.school_id, e.indicator): e for e in E.entries(store, plan.id, group.id, "demo-lead")}
    assert len(stored) == len(walk)
    # The answers as stored: 否 is False, 不适用 is kept as such, 0 is a count of 0, "90%" is 90.
    c1 = stored[("", "C1")].inputs
    assert (c1["charter.missing"], c1["unity.met"], c1["morale.met"], c1["party.met"]) == (0, False, False, False)
    assert Decimal(str(c1["parents.value"])) == 55
    assert stored[("", "C3")].inputs["meetings.gate"] is False and stored[("", "C3")].inputs["meetings.fewer"] == 0
    assert Decimal(str(stored[("", "C5")].inputs["ratio.value"])) == 10  # typed full-width
    assert stored[("", "C6")].inputs["met"] is False
    assert stored[("", "C10")].inputs == {"activities": 0, "no_visits": 0}
    assert stored[("", "C23")].inputs["level"] == "无"
    assert [Decimal(str(stored[(u.school_id, "C20")].inputs["value"])) for u in ws.units[1:]] == [80, 90, 70, 100]
    assert ws.state(Place("", "C9")) == "已完成" and ws.outcome(Place("", "C9"))[1] is None

    card = core_card(store)
    assert {code: r.points for code, r in card.indicators.items()} == EXPECTED
    assert {a.code: a.points for a in card.areas} == AREAS
    assert card.total == TOTAL
    assert window.score.total_label.text().endswith("25.5")

    files = ER.list_files(store, plan.id, group.id)
    assert sorted((f.school_id, f.indicator, f.name, f.kind) for f in files) == sorted([
        ("", "C3", "学校章程.pdf", "document"), (ws.units[2].school_id, "C20", "校长访谈.m4a", "audio")])
    assert all(ER.file_problem(store, f) is None for f in files)
