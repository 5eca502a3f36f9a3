"""新建考核: complete rubrics come first and are chosen by default; a template (items of 0 points) is
refused with a plain explanation of what is missing, until it is completed."""
from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

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
    assert "数据包不加密" in dialog.plain_note.text() and "plan create" in dialog.plain_note.text()
