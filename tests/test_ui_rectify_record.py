"""整改情况 in the bureau's 整改台账: a status change with its required reason, the unit's response, evidence
files kept by hash on the operation's worker and listed until recorded, the history (who, when, why), and an
evidence file opened in the system's viewer from a copy; by keyboard, its mnemonics apart from the ledger's."""
from __future__ import annotations

import hashlib
import re

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QDesktopServices  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QPushButton  # noqa: E402

from inspector_app.store import rectification as R  # noqa: E402
from inspector_app.store.db import open_store  # noqa: E402
from inspector_app.store.demo import make_demo  # noqa: E402
from inspector_app.ui.rectify_view import RectifyView  # noqa: E402

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def test_the_bureau_records_a_response_with_evidence_and_a_reason(qtbot, tmp_path, monkeypatch):
    store = open_store(tmp_path / "bureau")
    plan = make_demo(store)
    view = RectifyView(store, plan, as_of="2023-12-20", actor=lambda: R.bureau_actor(plan, "k-bureau"))
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    record = view.record
    first = view.shown()[0]
    item = R.get_item(store, first["id"])
    assert record.item.uid == item.uid and item.status == R.NOT_FIXED
    # Every mnemonic of the window is its own; Alt+C reaches the status.
    marks = [m.upper() for cls in (QLabel, QPushButton) for w in view.findChildren(cls) for m in re.findall(r"&(\w)", w.text())]
    assert len(marks) == len(set(marks)) == 13, marks
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    QTest.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is record.status
    QTest.keyClick(record.status, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is record.on_date

    # A file of a kind the store does not take is refused, naming it; nothing is staged.
    bad = tmp_path / "说明.exe"
    bad.write_bytes(b"MZ\x90\x00")
    record.add_files([str(bad)])
    assert "说明.exe" in record.error.text() and record.files.count() == 0
    # The unit's report (a PDF) is kept by hash at once and listed as 待记录.
    report = tmp_path / "整改报告.pdf"
    report.write_bytes(PDF)
    record.add_files([str(report)])
    assert record.files.count() == 1 and "待记录" in record.files.item(0).text()
    sha = hashlib.sha256(PDF).hexdigest()
    assert (store.photos_dir / record.staged[0]["stored"]).read_bytes() == PDF and record.staged[0]["sha256"] == sha
    # 已整改 without a reason: refused naming the reason, nothing recorded.
    record.status.setCurrentIndex(record.status.findData(R.FIXED))
    record.response.setPlainText("已建立特色学校创建方案")
    events = len(R.events(store, item.uid))
    record.record_button.click()
    assert "理由不能为空" in record.error.text() and len(R.events(store, item.uid)) == events
    record.reason.setText("收到整改报告")
    record.on_date.setDate(record.on_date.date().fromString("2023-12-01", "yyyy-MM-dd"))
    QTest.keyClick(view, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: R.get_item(store, item.uid).status == R.FIXED)
    done = R.get_item(store, item.uid)
    assert (done.response, done.fixed_on, [e.name for e in done.evidence]) == \
        ("已建立特色学校创建方案", "2023-12-01", ["整改报告.pdf"])
    status, files = R.events(store, item.uid)[-2:]
    assert (status.action, status.fields["status"], status.fields["old_status"], status.reason, status.actor,
            status.key_id) == ("status", R.FIXED, R.NOT_FIXED, "收到整改报告", plan.publication.issuing_body, "k-bureau")
    assert files.action == "evidence" and files.fields["files"][0]["sha256"] == sha
    # The ledger follows (fixed in time: no longer overdue, last), the item still selected, its history shown.
    assert view.rows_all[-1]["id"] == item.uid and not view.rows_all[-1]["overdue"]
    assert record.item.uid == item.uid and record.reason.text() == "" and not record.staged
    history = [record.history.item(n).text() for n in range(record.history.count())]
    assert any(plan.publication.issuing_body in h and "未整改 → 已整改" in h and "收到整改报告" in h and "2023-12-01" in h
               for h in history)
    assert "整改报告.pdf" in record.files.item(0).text() and "待记录" not in record.files.item(0).text()

    # 打开 (Alt+O): a copy under the file's own name goes to the system's viewer.
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    record.files.setCurrentRow(0)
    record.open_button.click()
    assert len(opened) == 1 and opened[0].endswith("整改报告.pdf") and open(opened[0], "rb").read() == PDF
    assert opened[0] != str(store.photos_dir / done.evidence[0].stored)
    view.close()
    store.close()


def test_without_the_right_to_record_the_ledger_is_read_only(qtbot, tmp_path):
    store = open_store(tmp_path / "member")
    plan = make_demo(store)
    view = RectifyView(store, plan, as_of="2023-12-20")  # no one to record as: a member's or viewer's laptop
    qtbot.addWidget(view)
    record = view.record
    assert record.item is not None and record.history.count() >= 1
    assert not any(w.isEnabled() for w in (record.status, record.response, record.reason, record.record_button,
                                           record.add_button))
    assert "只有签发本计划的教育局或专家组组长可以记录整改情况" in record.title.text()
    record.record()
    assert R.get_item(store, record.item.uid).status == R.NOT_FIXED
    store.close()
