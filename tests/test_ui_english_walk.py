"""The English window is English throughout: every screen and dialog of the demo inspection is walked under
English and no Chinese character may show except in what the rubric and the roster say (indicator texts,
rules, evidence names; plan, group, school and expert names; the notes, reasons and findings typed in).
Those are collected from the rubric and the database and taken out of each text before it is checked."""
from __future__ import annotations

import dataclasses
import json
import re
import zipfile

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtWidgets import (QAbstractButton, QComboBox, QDialog, QGroupBox, QLabel, QLineEdit,  # noqa: E402
                               QListWidget, QMessageBox, QPlainTextEdit, QTableWidget, QTextEdit, QTreeWidget,
                               QWidget)

from tests.test_ui_language import language  # noqa: E402,F401
from tests.test_ui_window import open_window, store  # noqa: E402,F401

LANGUAGE_NAMES = ("中文", "English")
# What is typed into a score field is Chinese under both languages (是/否); the licence of the shipped
# report font names its style as printers do (宋体/明体).
INPUT_WORDS = ("是", "否", "宋体", "明体")
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Columns of the database holding what people typed or the roster named: shown as they are.
DATA_COLUMNS = {"plans": ("title", "school_year", "issuing_body", "objection_channel"), "groups": ("name",), "schools": ("name", "short_name", "kind", "head_role"),
                "experts": ("name",), "entries": ("note", "inputs"), "vetoes": ("reason",), "photos": ("caption", "name"),
                "findings": ("text",), "consensus": ("reason",), "feedback_meetings": ("place", "attendees", "response"),
                "finalisations": ("reason",), "register_items": ("name", "level", "evidence"),
                "evidence_files": ("name",), "rectification_items": ("text", "area", "unit", "person", "response")}


def _strings(value, seen: set[int], out: set[str]) -> None:
    """Every text inside the rubric's objects (indicators, rules, parts, options, grades…)."""
    if isinstance(value, str):
        out.add(value)
        return
    if id(value) in seen or value is None or isinstance(value, (int, float, bool)):
        return
    seen.add(id(value))
    if isinstance(value, dict):
        for k, v in value.items():
            _strings(k, seen, out)
            _strings(v, seen, out)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for v in value:
            _strings(v, seen, out)
    elif dataclasses.is_dataclass(value) or hasattr(value, "__dict__"):
        if type(value).__module__.startswith("inspector_app.rubric"):
            for v in (vars(value).values() if hasattr(value, "__dict__") else
                      (getattr(value, f.name) for f in dataclasses.fields(value))):
                _strings(v, seen, out)


def data_words(store, rubric) -> list[str]:
    """What may stay Chinese: the rubric's wording and the data, longest first; a word the window puts into
    English itself (a group type, a grade) is not among them."""
    from inspector_app.ui.core_words import core_text
    from inspector_app.rubric.catalog import load_catalog
    found: set[str] = set()
    from inspector_app.ui.core_words import WORDS
    for one in [rubric, *load_catalog().rubrics.values()]:  # 新建考核 lists every rubric by its title
        _strings(one, set(), found)
        for ind in one.indicators:  # the rule as the rubric sets it, its inputs' labels and choices
            found.add(ind.rule.describe())
            for f in ind.rule.fields():
                found.update([f.label, *f.choices])
    found = {text for text in found if text not in WORDS}  # group types, grades: put into English
    found.update(INPUT_WORDS)
    groups = [name for (name,) in store.conn.execute("SELECT name FROM groups")]
    for table, columns in DATA_COLUMNS.items():
        for column in columns:
            for (value,) in store.conn.execute(f"SELECT {column} FROM {table}"):  # noqa: S608 - fixed names
                if isinstance(value, str):
                    found.add(value)
                    found.update(value.split(group_name, 1)[1] for group_name in groups if value.startswith(group_name)
                                 and value != group_name)  # a school as the lists show it: without its group
                    if value.startswith("{"):
                        found.update(str(v) for v in json.loads(value).values())
    pieces = set()
    for text in found:
        if CJK.search(text):
            pieces.add(text.strip())  # whole, for a text cut short to fit
        for piece in re.split(r"[\n；。，、：:（）()]+", text):
            piece = piece.strip(" ·•—-　")
            if CJK.search(piece):
                pieces.add(piece)
    return sorted(pieces, key=len, reverse=True)


def shown_texts(top: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every visible text of a window or dialog."""
    found = [("title", QWidget.windowTitle(top))]
    for w in [top, *top.findChildren(QWidget)]:
        if not (w is top or w.isVisibleTo(top)):
            continue
        name = type(w).__name__
        # Qt's own methods, called unbound: a widget may keep an attribute of the same name (a "title" label)
        if isinstance(w, QLabel):
            found.append((name, QLabel.text(w)))
        if isinstance(w, QAbstractButton):
            found.append((name, QAbstractButton.text(w)))
        if isinstance(w, QGroupBox):
            found.append((name, QGroupBox.title(w)))
        if isinstance(w, (QLineEdit, QPlainTextEdit, QTextEdit)):
            found.append((name, w.placeholderText()))
            if w.isReadOnly():  # a box people type in holds their words (the findings, a reason)
                found.append((name, w.text() if isinstance(w, QLineEdit) else w.toPlainText()))
        if isinstance(w, QComboBox):
            found += [(name, w.itemText(i)) for i in range(w.count())]
        if isinstance(w, QTableWidget):
            found += [(name, w.horizontalHeaderItem(c).text()) for c in range(w.columnCount())
                      if w.horizontalHeaderItem(c)]
            found += [(name, w.item(r, c).text()) for r in range(w.rowCount()) for c in range(w.columnCount())
                      if w.item(r, c)]
        if isinstance(w, QTreeWidget):
            found += [(name, w.headerItem().text(c)) for c in range(w.columnCount())]
            stack = [w.topLevelItem(i) for i in range(w.topLevelItemCount())]
            while stack:
                item = stack.pop()
                found += [(name, item.text(c)) for c in range(w.columnCount())]
                found += [(name, item.toolTip(c)) for c in range(w.columnCount())]
                stack += [item.child(i) for i in range(item.childCount())]
        if isinstance(w, QListWidget):
            found += [(name, w.item(i).text()) for i in range(w.count())]
        found.append((name + ".toolTip", QWidget.toolTip(w)))
    for menu_action in top.findChildren(QWidget):
        for action in QWidget.actions(menu_action):  # (a dialog may keep its own "actions" attribute)
            if action.text() not in LANGUAGE_NAMES:  # the language menu names each language in itself
                found.append(("action", action.text()))
    return [(where, text) for where, text in found if text]


class Walk:
    def __init__(self, words: list[str]):
        self.words, self.offending = words, []

    def check(self, screen: str, top: QWidget) -> None:
        for where, text in shown_texts(top):
            self.check_text(screen, where, text)

    def check_text(self, screen: str, where: str, text: str) -> None:
        left = text
        if left.endswith("…") and any(word.startswith(left[:-1]) for word in self.words):
            return  # the rubric's text cut short to fit
        for word in self.words:
            if word in left:
                left = left.replace(word, "")
        if CJK.search(left):
            self.offending.append(f"{screen} / {where}: {text!r}")


def test_every_screen_and_dialog_of_the_english_window_is_english(qtbot, store, language, monkeypatch, tmp_path):
    language("en")
    from inspector_app.store.demo import make_demo
    make_demo(store)
    said: list[str] = []
    for kind in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, lambda _p, title, text, *a, **k: said.append(f"{title}\n{text}")
                            or QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QDialog, "exec", lambda self: shown.append(self) or 0)
    shown: list[QDialog] = []
    window = open_window(qtbot, store)
    ws = window.workspace
    walk = Walk(data_words(store, ws.rubric))
    walk.check("home", window.show_home() or window)
    for group in ws.groups:
        window.select_group(group.id)
        for place in window.workspace.places[:40]:
            window.show_place(place)
            walk.check(f"page {group.name} {place.code}", window)
    # a number typed wrongly: the core's refusal, under the field, in English (the field's label is the rubric's)
    place, field = next((p, f) for p in ws.places for f in ws.indicator(p.code).rule.fields()
                        if f.kind in ("number", "count") and ws.applicable(p))
    window.show_place(place)
    window.page._input_changed(field.key, "abc")
    refused = [label.text() for label in window.page.inputs.errors.values() if label.isVisibleTo(window)]
    assert any('"abc" is not a number' in text for text in refused), refused
    walk.check(f"input error {place.code}", window)
    window.show_findings()
    walk.check("findings", window)
    window.data_menus.show_consensus()
    consensus = window.data_menus._consensus
    consensus.only_split.setChecked(False)  # every place scored by several experts
    for index in range(consensus.groups.count()):
        consensus.groups.setCurrentIndex(index)
        for row in range(consensus.table.rowCount()):
            consensus.table.setCurrentCell(row, 0)
            walk.check(f"合议 row {row}", window)
    window.data_menus.show_bureau()
    bureau = window.data_menus._bureau
    for row in range(bureau.table.rowCount()):
        bureau.table.setCurrentCell(row, 0)
        walk.check(f"bureau row {row}", window)
    rectification = bureau.open_rectification(modal=False)  # 整改台账
    rectification.show()
    walk.check("整改台账", rectification)
    rectification.close()
    from inspector_app.store import backup
    backup.backup_now(window.store)
    for name, dialog in (("backups", window.data_menus.show_backups()),
                         ("反馈会记录", window.data_menus.meeting_dialog()),
                         ("公示信息", window.data_menus.publication_dialog())):
        walk.check(name, dialog)
        dialog.close()
    from inspector_app.ui.plan_dialog import PlanDialog
    plan = PlanDialog(window)
    qtbot.addWidget(plan)
    plan.show()
    for i in range(plan.rubric.count()):
        plan.rubric.setCurrentIndex(i)
        walk.check(f"新建考核 {plan.rubric.currentData()}", plan)
    plan.close()
    # a photo's caption and markup dialogs (the demo's first photo)
    for group in ws.groups:
        window.select_group(group.id)
        with_photos = [p for p in window.workspace.places if window.workspace.photos(p)]
        if with_photos:
            break
    window.show_place(with_photos[0])
    window.page.photos.list.setCurrentRow(0)
    walk.check("照片", window)
    window.page.photos.edit_caption()
    window.page.photos.edit_markup()
    window.choose_identity()  # 您是哪位专家？
    consensus.finalise()  # 定稿 of the 合议 screen's group
    window.data_menus.bundles.show_keys()
    window.help_menu.show_about()
    window.help_menu.show_keys()
    assert {"IdentityDialog", "FinaliseDialog", "KeysDialog", "AboutDialog", "CaptionDialog", "MarkupDialog"} <= \
        {type(d).__name__ for d in shown}
    for dialog in [*shown, window.help_menu.keys_panel]:
        walk.check(type(dialog).__name__, dialog)
    # importing: a damaged file, a file that is no bundle, and the expert's own bundle twice
    shown.clear()
    out = tmp_path / "usb"
    out.mkdir()
    window.data_menus.bundles.export_mine(out)  # 完成检查 first: what is missing (shown, then closed)
    for dialog in shown:
        walk.check("完成检查", dialog)
    from inspector_app.ui import completion_check
    monkeypatch.setattr(completion_check, "confirm_complete", lambda *a, **k: True)
    shown.clear()
    window.data_menus.bundles.export_mine(out)
    qtbot.waitUntil(lambda: bool(said), timeout=20000)
    bundle = next(out.glob("*.zip"))
    damaged = tmp_path / "damaged.inspector.zip"
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 0xFF
    damaged.write_bytes(bytes(data))
    text = tmp_path / "notes.inspector.zip"
    with zipfile.ZipFile(text, "w") as z:
        z.writestr("readme.txt", "x")
    empty = tmp_path / "empty.inspector.zip"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.inspector.zip"
    zipfile.ZipFile(blank, "w").close()
    window.data_menus.bundles.import_files([bundle, bundle, damaged, text, empty, blank])
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    for dialog in shown:
        walk.check(type(dialog).__name__, dialog)
    merged = "\n".join(text for _w, text in shown_texts(shown[-1]))
    assert "damaged.inspector.zip: refused." in merged and "was changed or is damaged since it was signed" in merged
    assert "notes.inspector.zip: refused. notes.inspector.zip is not an Inspector bundle" in merged, merged
    assert "File empty.inspector.zip is empty (0 bytes)" in merged, merged
    assert "This is an empty zip file, not an Inspector bundle." in merged, merged
    for text in said:
        walk.check_text("message box", "text", text)
    window.close()
    assert not walk.offending, "\n".join(dict.fromkeys(walk.offending))


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_bureau_list_shows_the_group_names_in_either_language(qtbot, store, language, lang):
    """At 1366×768 the English flags and headings are wider than the list: the group's name keeps nine
    characters and the list scrolls. In Chinese, with room to spare, the name takes all of it."""
    language(lang)
    from inspector_app.store.demo import make_demo
    make_demo(store)
    window = open_window(qtbot, store)
    window.resize(1366, 768)
    window.data_menus.show_bureau()
    bureau = window.data_menus._bureau
    qtbot.waitUntil(lambda: bureau.table.viewport().width() > 300)
    header = bureau.table.horizontalHeader()
    nine = bureau.fontMetrics().horizontalAdvance("中") * 9
    needed = min(bureau.table.sizeHintForColumn(1), nine)
    assert header.sectionSize(1) >= needed
    widths = sum(header.sectionSize(c) for c in range(bureau.table.columnCount()))
    if lang == "zh_CN":
        assert widths >= bureau.table.viewport().width() - 2  # stretched to the edge: no room left unused
