"""Language: Qt's own dialogs speak Chinese under zh_CN (qtbase_zh_CN); the English interface puts the
core's words (grades, explanations, errors) into English, leaving only the rubric's own wording."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QApplication, QFileDialog, QLabel  # noqa: E402

from inspector_app.ui import i18n  # noqa: E402
from inspector_app.ui.core_words import core_text  # noqa: E402
from tests.test_ui_window import open_window, store  # noqa: E402,F401

CJK = __import__("re").compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def language(qtbot):
    app = QApplication.instance()
    installed = []

    def use(lang: str):
        for t in installed:
            app.removeTranslator(t)
        installed[:] = i18n.install(app, lang)
    yield use
    for t in installed:
        app.removeTranslator(t)
    from PySide6.QtCore import QLocale
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    i18n._current = i18n.SOURCE_LANGUAGE  # back to the source language (no translator) for the tests after


def labels_of_file_dialog(qtbot) -> str:
    dialog = QFileDialog(None, "t")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    dialog.show()
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    dialog.close()
    return text


def test_qt_file_dialog_in_chinese_and_in_english(qtbot, language):
    language("zh_CN")
    text = labels_of_file_dialog(qtbot)
    assert "查找范围" in text and "文件类型" in text and "文件名称" in text, text
    # the translator filling Qt's gaps leaves every other string to the others (no empty texts)
    assert i18n.translate("MainWindow", "数据(&T)") == "数据(&T)"
    assert i18n.translate("QFileDialog", "&Open") == "打开(&O)"
    # the file list's type column and size heading, which Qt's own Chinese leaves in English or says oddly
    from PySide6.QtCore import QFileInfo
    from PySide6.QtGui import QAbstractFileIconProvider
    assert QAbstractFileIconProvider().type(QFileInfo(str(Path(__file__).parent))) == "文件夹"
    assert i18n.translate("QFileSystemModel", "Size") == "大小"
    language("en")
    text = labels_of_file_dialog(qtbot).replace("&", "")
    assert "Look in" in text and "Files of type" in text, text


def test_core_words_in_english(language):
    language("zh_CN")
    assert core_text("良好") == "良好"  # Chinese: the core's text as it is
    language("en")
    assert core_text("良好") == "Good"
    assert core_text("交流教师比例 21.6%，目标 20%，完成 100% × 8 分 = 8") == \
        "交流教师比例 21.6%, target 20%, 100% achieved × 8 pt = 8"  # the measure is the rubric's word
    assert core_text("无法写入 /x/报告.pdf：文件夹是只读的或没有权限。已保存的内容没有受影响。") == \
        "Cannot write /x/报告.pdf: the folder is read-only or not permitted. Nothing already saved is affected."
    assert core_text("尚有 3 项未评分（按 0 分计），总分与等次为暂计") == \
        "3 item(s) not scored yet (counted as 0): the total and the grade are provisional"
    assert core_text("某个规则原文") == "某个规则原文"  # not known: the rubric's wording stays


def test_english_window_shows_grades_and_explanations_in_english(qtbot, store, language):
    language("en")
    from inspector_app.store.demo import make_demo
    make_demo(store)
    window = open_window(qtbot, store)
    ws = window.workspace
    window.select_group(next(g.id for g in ws.groups if "第四中学" in g.name))
    c5 = window.workspace.find_code("C5")
    window.navigator.select(c5)
    assert "target" in window.page.explanation.text() and "分 =" not in window.page.explanation.text()
    assert "Scored once for the education group as a whole" in window.page.where.text()
    grade = window.score.grade_label.text()
    assert grade and not CJK.search(grade), grade
    unit = window.navigator.tree.topLevelItem(0).text(0)
    assert unit.startswith("Group as a whole ") and not CJK.search(unit), unit
    window.close()


def test_rectification_refusals_and_statuses_in_english(language):
    language("en")
    assert core_text("整改事项的内容不能为空") == "The text of the item may not be empty"
    assert core_text("整改时限 2023-10-01 早于考核日期 2023-10-16（中卫市兴仁教育集团）；整改时限应在考核之后") == \
        "The deadline 2023-10-01 is before the visit date 2023-10-16 (中卫市兴仁教育集团); " \
        "a deadline must come after the visit"
    assert core_text("复查未通过") == "failed at re-check" and core_text("全集团") == "whole group"
    assert core_text("状态 未整改 → 已整改；整改情况") == "status not rectified → rectified; Rectification report"


def test_core_messages_declared_with_their_english_form(language):
    """Messages the core declares with an English form (inspector_app/said.py) need no listing in the window."""
    from inspector_app.rubric.catalog import load_catalog
    from inspector_app.rubric.readiness import scoring_refusal
    from inspector_app.store import finalisation as F
    language("en")
    assert core_text(F.NOT_READY("中卫市第四中学教育集团", 5)) == \
        "中卫市第四中学教育集团 cannot be finalised yet; 5 thing(s) missing:"  # the group's name stays as the roster says
    assert core_text(F.WIDE_SPREAD("C11", "", "4", "1", "甲 6、乙 2")) == \
        "indicator C11: the experts' spread 4 is over the plan's 1 (甲 6、乙 2); the lead must decide, with a reason"
    refusal = core_text(scoring_refusal(load_catalog().rubrics["jiexi-2023"]))
    assert refusal.startswith("“揭西县县级教育集团评价指标（评价维度）” is a template and cannot be scored yet")
    assert "inspector rubric export jiexi-2023 --out rubric.xlsx" in refusal
    language("zh_CN")
    assert core_text(F.NOT_READY("甲集团", 2)) == "集团 甲集团 还不能定稿，尚缺 2 项："


def test_core_texts_kept_per_language_and_new_messages_seen(language):
    """core_text keeps what it said per language and text: the same again under English, the Chinese again
    under Chinese, and a message declared after the first call still found."""
    from inspector_app import said
    from inspector_app.bundles import zipsafe
    language("en")
    text = zipsafe.EMPTY_ZIP_FILE_INSPECTOR()
    assert text == "这是一个空的 zip 文件，不是 Inspector 数据包。"
    assert core_text(text) == core_text(text) == "This is an empty zip file, not an Inspector bundle."
    assert core_text("尚无甲乙丙丁的消息") == "尚无甲乙丙丁的消息"
    late = said.Said("尚无甲乙丙丁的消息", "no news of A, B, C or D yet")
    try:
        assert core_text("尚无甲乙丙丁的消息") == "no news of A, B, C or D yet"
        language("zh_CN")
        assert core_text(text) == text
        language("en")
        assert core_text(text) == "This is an empty zip file, not an Inspector bundle."
    finally:
        said._KNOWN.remove(late)
