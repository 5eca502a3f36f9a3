"""The English window says the core's refusals in English: a damaged database, a rubric file or workbook with
mistakes, a bundle refused at a place in one of its files, a roster file with mistakes. Each is made for real
(temporary files and databases, the core's own calls) and shown under English; what may stay Chinese is only
what the file itself says: the rubric's wording, and the sheets, columns and values of a roster or rubric
workbook (the template's own words), found from the core's lists, never written here."""
from __future__ import annotations

import re

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QMessageBox  # noqa: E402

from tests.test_ui_language import language  # noqa: E402,F401
from tests.test_ui_window import store  # noqa: E402,F401

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def left_chinese(text: str, allowed=()) -> str:
    """The text with every allowed word taken out (longest first): what Chinese is left is the window's fault."""
    for word in sorted(allowed, key=len, reverse=True):
        text = text.replace(word, "")
    return "".join(CJK.findall(text))


def test_a_damaged_database_is_said_in_english_at_start(qtbot, language, tmp_path, monkeypatch):
    from inspector_app import paths
    from inspector_app.store import backup
    from inspector_app.store.db import DB_NAME, StoreError, open_store
    from inspector_app.ui import app
    language("en")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a, **k: shown.append(text))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    # Not a database at all, and no backup: said, with the way to restore one kept elsewhere.
    lone = tmp_path / "lone"
    lone.mkdir()
    (lone / DB_NAME).write_bytes(b"this is no database" * 10)
    monkeypatch.setattr(paths, "data_dir", lambda: lone)
    with pytest.raises(StoreError) as caught:
        open_store(lone)
    assert "数据库文件" in str(caught.value)  # the core (and the command line) say it in Chinese
    assert app.offer_restore(str(caught.value)) is None
    said = shown.pop()
    assert said.startswith(f"The database file {lone / DB_NAME} is not an SQLite database"), said
    assert "There is no automatic backup that can be used." in said and "inspector backup restore FILE" in said
    assert not left_chinese(said), said
    # Cut short, with a sound backup: the newest backup is named and offered.
    kept = tmp_path / "kept"
    store = open_store(kept)
    backup.backup_now(store)
    store.close()
    db = kept / DB_NAME
    db.write_bytes(db.read_bytes()[:1024 * 2])
    monkeypatch.setattr(paths, "data_dir", lambda: kept)
    with pytest.raises(StoreError) as caught:
        open_store(kept)
    assert app.offer_restore(str(caught.value)) is None
    said = shown.pop()
    assert "is cut short: it should have" in said and "The newest sound backup is" in said, said
    assert "restore it with “inspector backup restore latest” (the present file is kept" in said, said
    assert not left_chinese(said), said


def _rubric_words():
    """The rubric files' and workbooks' own words: each rubric's wording, the sheets and columns of a workbook."""
    from inspector_app.rubric import workbook_layout as L
    from inspector_app.rubric.catalog import load_catalog
    from tests.test_ui_english_walk import _strings
    found: set[str] = set()
    for rubric in load_catalog().rubrics.values():
        _strings(rubric, set(), found)
    for name in dir(L):
        value = getattr(L, name)
        if name.isupper():
            _strings(value, set(), found)
    return found


def test_rubric_file_and_workbook_problems_are_said_in_english(language, tmp_path):
    from inspector_app.rubric.loader import RubricError, load_rubric
    from inspector_app.rubric.workbook_export import export_workbook
    from inspector_app.rubric.workbook_import import import_workbook
    from inspector_app.rubric.workbook_layout import GRADES, INDICATORS, WorkbookError, plain
    from inspector_app.rubric.yamlnodes import read_yaml_file
    from inspector_app.ui.core_words import core_text
    import openpyxl
    language("en")
    allowed = _rubric_words()
    source = sorted((__import__("pathlib").Path(__file__).resolve().parents[1] / "rubrics").glob("*.yaml"))[0]
    # A rubric file with mistakes: an unknown key, a grade given twice, a tab in its indentation.
    text = source.read_text(encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text(text.replace("title:", "titel:", 1), encoding="utf-8")
    with pytest.raises(RubricError) as caught:
        load_rubric(broken)
    said = core_text(str(caught.value))
    assert "unknown key" in said and str(broken) in said, said
    assert not left_chinese(said, allowed), said
    tabbed = tmp_path / "tabbed.yaml"
    tabbed.write_text(text.replace("\n  ", "\n\t", 1), encoding="utf-8")
    with pytest.raises(RubricError) as caught:
        load_rubric(tabbed)
    said = core_text(str(caught.value))
    assert "indented with a Tab" in said, said
    assert not left_chinese(said, allowed), said
    empty = tmp_path / "empty.yaml"
    empty.write_bytes(b"")
    with pytest.raises(RubricError) as caught:
        load_rubric(empty)
    assert core_text(str(caught.value)) == f"{empty}:1: file: the file is empty"
    # A workbook with mistakes: a grade's lower bound that is no number, an indicator's points in words.
    xlsx = tmp_path / "r.xlsx"
    export_workbook(plain(read_yaml_file(source)), str(xlsx))
    wb = openpyxl.load_workbook(xlsx)
    wb[GRADES]["B2"] = "八十五"
    wb[INDICATORS].cell(row=2, column=5, value="五分")
    wb.save(xlsx)
    with pytest.raises(WorkbookError) as caught:
        import_workbook(xlsx)
    assert "八十五" in str(caught.value)
    said = core_text(str(caught.value))
    assert '"八十五" is not a number' in said and "等级!B2" in said, said
    assert not left_chinese(said, allowed | {"八十五", "五分"}), said
    del wb[INDICATORS]  # a sheet missing: named as the workbook names it, not put into English
    wb.save(xlsx)
    with pytest.raises(WorkbookError) as caught:
        import_workbook(xlsx)
    said = core_text(str(caught.value))
    assert f"sheet: the sheet “{INDICATORS}” is missing" in said, said
    not_a_workbook = tmp_path / "x.xlsx"
    not_a_workbook.write_bytes(b"rubric: not a workbook\n")
    with pytest.raises(WorkbookError) as caught:
        import_workbook(not_a_workbook)
    assert core_text(str(caught.value)) == f"{not_a_workbook}: (file): file: not an Excel workbook (.xlsx)"


def test_a_bundle_refused_at_a_place_is_said_in_english(language):
    from inspector_app.bundles import schema
    from inspector_app.bundles.canonical import BundleError
    from inspector_app.ui.core_words import core_text
    language("en")
    entries = [{"indicator": "C1", "school": "", "points": "1", "inputs": {}, "note": ""} for _ in range(3)]
    entries[2]["inputs"] = ["not", "a", "table"]
    with pytest.raises(BundleError) as caught:
        schema.check("expert", "entries.json", entries)
    assert "第 3 项 → 输入项" in str(caught.value)
    said = core_text(str(caught.value))
    assert said == "entries.json item 3 → inputs in the bundle: wrong format: must be a table of keys and values; " \
                   "refused.", said
    plan = {"plan": {"id": "p", "title": "T", "school_year": "2024", "stage": "复评"},
            "groups": [{"id": "g", "name": "一中集团", "schools": []}, {"id": "g", "name": "二中集团", "schools": []}],
            "experts": []}
    with pytest.raises(BundleError) as caught:
        schema.check("plan", "plan.json", plan)
    said = core_text(str(caught.value))
    assert said.startswith("plan.json groups → item 2 in the bundle: its id “g” is the same as one before it"), said
    assert not left_chinese(said), said


def test_roster_file_mistakes_are_said_in_english(language, tmp_path):
    from openpyxl import load_workbook
    from inspector_app.results import roster as RO
    from inspector_app.rubric.catalog import load_catalog
    from inspector_app.scoring.school import ROLES as SCHOOL_ROLES
    from inspector_app.store.plans import SCHOOL_KINDS
    from inspector_app.ui.core_words import core_text
    from tests.test_roster_plan import fill_template
    language("en")
    rubric = load_catalog().rubrics["suizhou-jlt"]
    path = tmp_path / "roster.xlsx"
    fill_template(path)
    wb = load_workbook(path)
    wb["学校"].append(["G1", "S3", "某校", "校长", "小学", ""])  # not a role
    wb["学校"].append(["G9", "S4", "另一校", "成员校", "大学", ""])  # no such group, no such school level
    wb["自评"].append(["G1", "C99", "3"])  # no such indicator
    wb.save(path)
    with pytest.raises(RO.RosterError) as caught:
        RO.read_roster(path, rubric)
    said = core_text(str(caught.value))
    # The roster's own words: its sheets, columns, what was typed in it, the rubric's title and types.
    typed = {"某校", "校长", "另一校", "大学", *SCHOOL_ROLES.values(), *SCHOOL_KINDS, rubric.title, *rubric.group_types,
             *RO.SHEETS, *(column for columns in RO.SHEETS.values() for column, _ in columns)}
    assert "学校!D4: the role must be 核心校 or 成员校, not “校长”" in said, said
    assert "group id “G9” is not on the “集团” sheet" in said and "indicator code “C99” is not in" in said, said
    assert not left_chinese(said, typed), said
    missing = tmp_path / "gone.xlsx"
    with pytest.raises(RO.RosterError) as caught:
        RO.read_roster(missing, rubric)
    assert core_text(str(caught.value)) == f"file {missing} not found"
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"no workbook")
    with pytest.raises(RO.RosterError) as caught:
        RO.read_roster(bad, rubric)
    said = core_text(str(caught.value))
    assert said.startswith("bad.xlsx cannot be read as an Excel workbook (.xlsx): "), said
    assert not left_chinese(said), said


def test_publication_dates_refused_in_the_english_window(qtbot, store, language):  # noqa: F811
    from inspector_app.store.demo import make_demo
    from tests.test_ui_window import open_window
    language("en")
    make_demo(store)
    window = open_window(qtbot, store)
    dialog = window.data_menus.publication_dialog()
    dialog.edits["publicity_start"].setText("2024-10-20")
    dialog.edits["publicity_end"].setText("2024-10-08")
    dialog.edits["rectification_due"].setText("下个月")
    dialog.accept()
    shown = dialog.error.text()
    assert shown == "the due date of the rectification report must be a date written like 2024-10-08, not “下个月”; " \
                    "the publicity ends before it starts", shown
    assert not left_chinese(shown, {"下个月"})
    dialog.close()
    window.close()
