"""Translations: every Chinese string the window shows goes through Qt's translation system, and both
languages are complete: zh_CN (the source language) and English have no unfinished entry, and the
.ts files hold exactly the strings of the code (build/translations.py refreshes them)."""
import ast
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "build"))
import translations as T  # noqa: E402

TRANSLATING_CALLS = {"translate", "QT_TRANSLATE_NOOP", "tr"}
# Chinese literals in ui/ that are data, not text of the window: each with the reason.
DATA_LITERALS = {
    ("i18n.py", "中文"),                       # the language's own name in the language menu
    ("i18n.py", "查找范围(&L)："),              # Qt's own file dialog: strings its zh_CN file lacks
    ("i18n.py", "文件类型(&T)："),
    ("i18n.py", "文件夹"),
    ("i18n.py", "文件"),
    ("i18n.py", "大小"),
    ("merge_results.py", "请与发送人当面核对指纹后运行：.*$"),  # a pattern matching the core's message
    ("core_words.py", " 或 "),                 # the core's separator of options, matched to say each option
    ("plan_dialog.py", "学年"),                # part of a stored plan title, not shown as UI text
    ("bureau_view.py", "考核结果-"),           # file names of the Chinese documents written
    ("bureau_view.py", "考核结果公示-"),
    ("report_actions.py", "现场反馈报告-"),
    ("report_actions.py", "评分表-"),
    ("report_actions.py", "合议记录-"),
    ("bureau_view.py", "中"),                  # a sample character: the width of nine characters of a name
}


def untranslated_literals(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    allowed = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name in TRANSLATING_CALLS:
                allowed |= {id(sub) for arg in node.args for sub in ast.walk(arg)}
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(body[0].value, ast.Constant):
            allowed.add(id(body[0].value))  # docstrings
    return [f"{path.name}:{node.lineno}: {node.value!r}" for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and T.CJK.search(node.value)
            and id(node) not in allowed and (path.name, node.value) not in DATA_LITERALS]


def test_every_chinese_string_of_the_window_is_translatable():
    found = [line for path in T.sources() for line in untranslated_literals(path)]
    assert not found, "Chinese text shown without QCoreApplication.translate:\n" + "\n".join(found)


def test_the_checker_finds_a_bare_string(tmp_path):
    module = tmp_path / "view.py"
    module.write_text('label.setText("未翻译")\nlabel.setText(translate("V", "已翻译"))\n', encoding="utf-8")
    assert untranslated_literals(module) == ["view.py:1: '未翻译'"]


@pytest.mark.parametrize("lang", T.LANGUAGES)
def test_the_ts_file_holds_exactly_the_strings_of_the_code(lang):
    new, gone = T.stale(lang)
    assert not new, f"not in {T.ts_file(lang).name} (run python3 build/translations.py): {sorted(new)}"
    assert not gone, f"no longer in the code (run python3 build/translations.py): {sorted(gone)}"


@pytest.mark.parametrize("lang", T.LANGUAGES)
def test_the_language_is_complete(lang):
    assert T.messages(T.ts_file(lang)), "no messages at all"
    assert T.problems(lang) == []


def test_an_unfinished_or_broken_entry_is_reported(tmp_path):
    ts = tmp_path / "inspector_en.ts"
    ts.write_text("""<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="en" sourcelanguage="zh_CN">
<context><name>V</name>
<message><source>已保存 {0}</source><translation>Saved</translation></message>
<message><source>取消</source><translation type="unfinished"></translation></message>
<message><source>关闭</source><translation>Close</translation></message>
</context></TS>""", encoding="utf-8")
    found = T.problems("en", tmp_path)
    assert len(found) == 2
    assert "placeholders differ" in found[0] and "'已保存 {0}'" in found[0]
    assert "not translated" in found[1] and "'取消'" in found[1]


def test_english_keeps_every_accelerator_and_placeholder():
    for m in T.messages(T.ts_file("en")):
        if re.search(r"&[^&\s]", m.source):
            assert re.search(r"&[^&\s]", m.translation), f"{m.source!r} → {m.translation!r} lost its accelerator"


def test_zh_cn_translations_are_the_chinese_sources():
    for m in T.messages(T.ts_file("zh_CN")):
        if T.CJK.search(m.source):
            assert m.translation == m.source
