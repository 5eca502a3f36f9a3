"""新建考核: complete rubrics come first and are chosen by default; a template (items of 0 points) is
refused with a plain explanation of what is missing, until it is completed."""
from __future__ import annotations

import re

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402

from inspector_app.ui.plan_dialog import PlanDialog  # noqa: E402


def test_complete_rubrics_first_and_a_template_refused_with_its_reason(qtbot):
    dialog = PlanDialog()
    qtbot.addWidget(dialog)
    catalog = dialog.catalog
    ids = [dialog.rubric.itemData(i) for i in range(dialog.rubric.count()) if dialog.rubric.itemData(i)]
    statuses = [catalog.rubrics[i].status for i in ids]
    assert "template" in statuses and "complete" in statuses
    assert statuses == sorted(statuses, key=lambda s: s == "template")  # every complete one before any template
    first = catalog.rubrics[dialog.rubric.currentData()]
    assert first.status == "complete" and dialog.ok.isEnabled()
    assert "完整的指标体系" in dialog.about.text() and str(len(first.indicators)) in dialog.about.text()
    # jiexi-2023 is a template: rubrics/jiexi.yaml "status: template", its items "points: 待定" (0 points)
    dialog.rubric.setCurrentIndex(dialog.rubric.findData("jiexi-2023"))
    template = catalog.rubrics["jiexi-2023"]
    assert "模板" in dialog.rubric.currentText()
    text = dialog.about.text()
    assert "不能用来评分" in text and template.open_points[0] in text and "inspector rubric export" in text
    assert f"{sum(1 for i in template.indicators if not i.points)} 项指标的分值是 0" in text
    assert not dialog.ok.isEnabled()
    from inspector_app.rubric.readiness import scoring_refusal
    assert text == scoring_refusal(template)  # the words `inspector plan create` says (tests/test_plan_template.py)
    dialog.accept()  # Enter on the dialog: refused, still open
    assert dialog.result() == 0 and not dialog.ok.isEnabled()
    dialog.rubric.setCurrentIndex(dialog.rubric.findData("ankang-2022"))
    assert dialog.ok.isEnabled()


def test_the_dialog_says_its_plans_make_unencrypted_bundles(qtbot):
    dialog = PlanDialog()
    qtbot.addWidget(dialog)
    assert "数据包不加密" in dialog.plain_note.text()


def test_the_note_on_encryption_is_in_plain_words_and_the_command_only_an_aside(qtbot):
    """The principal reads what the dialog's plans are and whom to ask; a command line is for IT staff, aside."""
    dialog = PlanDialog()
    qtbot.addWidget(dialog)
    note = dialog.plain_note.text()
    assert "不加密" in note and "技术人员" in note
    assert not re.search(r"[A-Za-z]{3,}", note), note  # no command in the principal's sentence
    assert "inspector plan create" in dialog.it_note.text()
    assert dialog.it_note.font().pointSizeF() < dialog.plain_note.font().pointSizeF()


def test_no_empty_gap_under_the_rubric_or_above_the_buttons(qtbot):
    """A complete rubric's one line sits under the list, the next field right after it (the scrolling box kept
    for a template's long reason took a share of the height); no empty error line above the buttons."""
    dialog = PlanDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    spacing = dialog.layout().itemAt(0).layout().verticalSpacing()
    line = dialog.about.fontMetrics().height()
    gap = dialog.year.geometry().top() - dialog.rubric.geometry().bottom()
    needed = dialog.about.fontMetrics().boundingRect(0, 0, dialog.about.width(), 0, Qt.TextFlag.TextWordWrap,
                                                     dialog.about.text()).height()  # the text, at its width
    assert needed <= 2 * line and gap <= needed + 2 * spacing + line // 2, (gap, needed, spacing)
    buttons = dialog.ok.parentWidget()
    above = buttons.geometry().top() - dialog.it_note.geometry().bottom()
    assert above <= 2 * dialog.layout().spacing() + line // 2, above
    dialog.show_error("名称已被占用")
    assert dialog.error.isVisible()


def test_every_tab_stop_is_a_visible_input(qtbot):
    """Tab through 新建考核 lands only on things one types in, chooses or presses, each visible and enabled:
    the box under the rubric list (its explanation) was a stop with no focus ring, where Tab seemed lost."""
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit
    dialog = PlanDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    stops, widget = [], dialog.title
    while True:  # the chain Tab follows: every widget that takes focus by Tab, visible and enabled
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible() and widget.isEnabled():
            stops.append(widget)
        widget = widget.nextInFocusChain()
        if widget is dialog.title or len(stops) > 40:
            break
    assert len(stops) >= 6, stops
    for widget in stops:
        assert isinstance(widget, (QLineEdit, QComboBox, QPlainTextEdit, QAbstractButton)), type(widget).__name__
        assert widget.width() > 20 and widget.height() > 10
