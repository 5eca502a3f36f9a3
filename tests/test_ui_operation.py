"""The one way the window runs long work: gather here, work on a worker, record here; Cancel cancels."""
import threading

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from inspector_app.ui.operation import Operation


def _op(parent, work, log):
    return (Operation(parent, "试验", work, label="正在试验…")
            .on_success(lambda r: log.append(("success", r, threading.current_thread())))
            .on_cancel(lambda r: log.append(("cancel", r, threading.current_thread())))
            .on_failure(lambda e: log.append(("failure", str(e), threading.current_thread()))))


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_inline_runs_all_three_steps_before_start_returns(parent):
    log, seen = [], []
    op = _op(parent, lambda progress: seen.append(threading.current_thread()) or 42, log).start()
    assert op.done and log == [("success", 42, threading.main_thread())] and seen == [threading.main_thread()]
    assert op not in Operation.running


def test_work_on_a_worker_and_the_record_on_the_main_thread(qtbot, parent, monkeypatch):
    monkeypatch.setattr(Operation, "inline", False)
    log, seen, gate = [], [], threading.Event()

    def work(progress):
        seen.append(threading.current_thread())
        progress(1, 2, "一半")
        gate.wait(5)
        return "完成"
    op = _op(parent, work, log)
    with qtbot.waitSignal(op.finished, timeout=10000):
        op.start()
        assert not op.done and op in Operation.running  # start() returned while the work runs
        gate.set()
    assert seen[0] is not threading.main_thread()
    assert log == [("success", "完成", threading.main_thread())]


def test_cancel_in_the_dialog_stops_the_work_and_goes_to_on_cancel(qtbot, parent, monkeypatch):
    monkeypatch.setattr(Operation, "inline", False)
    log, steps = [], []

    def work(progress):
        for i in range(500):
            if progress.cancelled():
                return steps
            steps.append(i)
            progress(i, 500)
            threading.Event().wait(0.01)
        return steps
    op = _op(parent, work, log)
    with qtbot.waitSignal(op.finished, timeout=10000):
        op.start()
        qtbot.waitUntil(lambda: op.dialog.isVisible(), timeout=5000)  # shown once the work takes 300 ms
        op.dialog.findChild(QPushButton).click()
        assert op.dialog.isVisible()  # says 正在取消… until the work has stopped
    assert op.was_cancelled and log[0][0] == "cancel" and len(steps) < 500


def test_a_failure_is_said_once_and_never_raised(qtbot, parent, monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text, *a: said.append((title, text)))

    def work(_progress):
        raise OSError("磁盘已满")
    op = Operation(parent, "导出", work).start()
    assert op.done and isinstance(op.error, OSError) and said == [("导出", "磁盘已满")]


def test_closing_waits_for_running_work(qtbot, parent, monkeypatch):
    monkeypatch.setattr(Operation, "inline", False)
    log = []

    def work(progress):
        while not progress.cancelled():
            threading.Event().wait(0.01)
        return "停"
    op = _op(parent, work, log).start()
    Operation.cancel_all()
    assert op.done and log == [("cancel", "停", threading.main_thread())] and not Operation.running
