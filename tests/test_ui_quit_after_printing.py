"""The crash on quit after printing: PySide6 6.12.0 on Python 3.11 dropped a reference to None on every void
call (and to True on every signal emitted), so after a report and a score sheet (thousands of progress
updates) quitting freed None or True and aborted with "Fatal Python error: bool_dealloc". The version is
excluded in pyproject.toml; these tests would fail on it."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytest.importorskip("pytestqt")


def test_qt_calls_keep_the_references_of_none_and_booleans(qtbot):
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QLabel

    class Source(QObject):
        fired = Signal(bool)

    label, source = QLabel(), Source()
    qtbot.addWidget(label)
    source.fired.connect(lambda _on: None)
    before = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(2000):
        label.setText("已保存")  # a void call
        label.isVisible()  # a bool result
        source.fired.emit(True)
    after = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    assert all(abs(a - b) < 50 for a, b in zip(before, after)), (before, after)


SCRIPT = textwrap.dedent("""
    import sys
    from pathlib import Path
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtTest import QTest
    from inspector_app.store.db import open_store
    from inspector_app.ui import app as A
    QDesktopServices.openUrl = staticmethod(lambda url: True)  # no PDF viewer here
    app = A.make_app()
    store = open_store()
    A.i18n.install(app, "zh_CN")
    window = A.create_window(store)
    window.show()
    window.select_group("g4")
    out = Path(sys.argv[1])
    reports = window.data_menus.reports

    def quit_():
        QTest.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)  # 退出, as the expert quits
        QTimer.singleShot(200, app.quit)

    def sheet():
        reports.score_sheet(out / "评分表.pdf").finished.connect(lambda _op: QTimer.singleShot(50, quit_))

    QTimer.singleShot(100, lambda: reports.feedback(out / "反馈.pdf").finished.connect(
        lambda _op: QTimer.singleShot(50, sheet)))
    try:
        code = app.exec()
    finally:
        window.commit_all()
        store.close()
    print("quit", code, (out / "反馈.pdf").is_file(), (out / "评分表.pdf").is_file())
""")


def test_quit_after_printing_a_report_and_a_score_sheet(tmp_path, data_dir):
    script = tmp_path / "print_and_quit.py"
    script.write_text(SCRIPT, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(Path(__file__).resolve().parent.parent))
    run = subprocess.run([sys.executable, str(script), str(tmp_path)], capture_output=True, text=True, env=env,
                         timeout=240)
    assert "Fatal Python error" not in run.stderr, run.stderr[-2000:]
    assert run.returncode == 0, run.stderr[-2000:]
    assert "quit 0 True True" in run.stdout  # both printed on a worker, then a clean exit
