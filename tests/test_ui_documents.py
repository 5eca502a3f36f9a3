"""Documents from the window: the 合议记录, Word (.docx) for the feedback report, the 合议记录 and the 公示
(chosen in the save dialog), the 反馈会 record and the bureau's 公示 fields — each as the command line has it."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtGui import QDesktopServices  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from inspector_app.store import feedback as F  # noqa: E402
from inspector_app.store import plans as P  # noqa: E402
from inspector_app.store.db import open_store  # noqa: E402
from inspector_app.store.demo import make_demo  # noqa: E402
from inspector_app.ui import file_dialogs, report_actions  # noqa: E402
from inspector_app.ui.app import create_window  # noqa: E402


@pytest.fixture
def said(monkeypatch):
    log = {"info": [], "warn": [], "opened": []}
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: log["info"].append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: log["warn"].append(text))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: log["opened"].append(Path(url.toLocalFile())))
    return log


@pytest.fixture
def window(qtbot, data_dir):
    store = open_store(data_dir)
    make_demo(store)
    win = create_window(store)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    win.select_group("g4")
    yield win
    win.store.close()


def docx_text(path: Path) -> str:
    import docx
    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_panel_record_and_word_from_the_report_menu(window, tmp_path, said):
    reports = window.data_menus.reports
    group = window.workspace.group
    pdf = tmp_path / "合议记录.pdf"
    assert reports.panel_record(pdf).done and pdf.is_file() and said["opened"] == [pdf]
    assert "合议记录" in pdf_text(pdf).replace(" ", "")
    record = tmp_path / "合议记录.docx"
    assert reports.panel_record(record).done and record.is_file()
    text = docx_text(record)
    assert "合议记录" in text and group.name in text
    feedback = tmp_path / "反馈.docx"
    assert reports.feedback(feedback).done and "现场反馈报告" in docx_text(feedback)
    assert not said["warn"], said["warn"]
    assert not list(tmp_path.glob(".*")), "a partial file was left behind"


def test_the_save_dialog_offers_word_and_names_the_file_by_the_type_chosen(window, tmp_path, monkeypatch):
    offered = []

    def dialog(_parent, _title, _kind, _store, suggested, types):
        offered.append(types)
        return str(tmp_path / "报告"), types.split(";;")[-1]  # no suffix typed, Word chosen
    monkeypatch.setattr(file_dialogs, "save_file_name", dialog)
    assert report_actions.save_target(window, "t", tmp_path / "x.pdf", word=True) == tmp_path / "报告.docx"
    assert "*.docx" in offered[0] and "*.pdf" in offered[0]
    assert report_actions.save_target(window, "t", tmp_path / "x.pdf", word=False) == tmp_path / "报告.pdf"
    assert "*.docx" not in offered[1]  # the score sheet: PDF only, it is signed as printed


def test_notice_as_word_from_the_bureau_view(window, tmp_path, said):
    window.data_menus.show_bureau()
    out = tmp_path / "公示.docx"
    op = window.data_menus.bureau.export_pdf(out)
    assert op.done and out.is_file() and not said["warn"], said["warn"]
    plan = window.workspace.plan
    text = docx_text(out)
    assert "公示" in text and plan.publication.issuing_body in text  # the demo's plan sets its issuing body


def test_the_lead_records_the_feedback_meeting_and_it_says_saved(window, qtbot):
    ws = window.workspace
    assert ws.expert_role == "lead"
    window.saved.setText("")
    dialog = window.data_menus.meeting_dialog()
    dialog.held_at.setText("2024-09-26 15:30")
    dialog.place.setText("第四中学会议室")
    dialog.attendees.setPlainText("考核组全体，集团领导")
    dialog.response.setPlainText("接受反馈意见，限期整改")
    dialog.accept()
    stored = F.meeting(window.store, ws.plan.id, ws.group.id)
    assert stored == F.Meeting("2024-09-26 15:30", "第四中学会议室", "考核组全体，集团领导", "接受反馈意见，限期整改")
    assert window.saved.text().startswith("已保存")
    again = window.data_menus.meeting_dialog()  # opens with what is stored
    assert again.place.text() == "第四中学会议室"
    again.reject()


def test_the_bureau_sets_the_publication_fields_a_bad_date_is_said(window):
    dialog = window.data_menus.publication_dialog()
    dialog.edits["issuing_body"].setText("某某区教育局")
    dialog.edits["publicity_start"].setText("2024-10-8x")
    dialog.accept()
    assert "2024-10-8x" in dialog.error.text() and dialog.isVisible()
    plan = P.get_plan(window.store, window.workspace.plan.id)
    assert plan.publication.issuing_body != "某某区教育局"  # nothing saved
    dialog.edits["publicity_start"].setText("2024-10-08")
    dialog.edits["publicity_end"].setText("2024-10-14")
    dialog.accept()
    plan = P.get_plan(window.store, plan.id)
    assert (plan.publication.issuing_body, plan.publication.publicity_start, plan.publication.publicity_end) == (
        "某某区教育局", "2024-10-08", "2024-10-14")
    assert window.saved.text().startswith("已保存")
