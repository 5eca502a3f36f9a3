"""Long file work (writing bundles, rendering PDF, writing workbooks) off the main thread.

`FileJob.run(fn)` runs `fn` on a worker thread and waits for it in a local
event loop, so the window keeps painting and the progress dialog's Cancel
works; it returns fn's result or raises fn's exception. The caller gathers
what it needs from the store before, and records the outcome after, on the
main thread: `fn` must not touch the store. `progress` and `cancelled` are
safe to call from the worker: the core functions take them as they are.
Tests set `FileJob.inline = True` to run `fn` on the calling thread.
"""
from __future__ import annotations

import threading
from typing import Any, Callable

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from inspector_app.ui.i18n import translate

STEPS = 1000  # the dialog counts in thousandths: byte counts overflow Qt's int


class _Runner(QObject):
    finished = Signal()

    def __init__(self, fn: Callable[[], Any]):
        super().__init__()
        self.fn = fn
        self.result: Any = None
        self.error: BaseException | None = None

    @Slot()
    def run(self) -> None:
        try:
            self.result = self.fn()
        except BaseException as exc:  # noqa: BLE001 - handed back to the main thread and raised there
            self.error = exc
        self.finished.emit()


class FileJob(QObject):
    """One job with one progress dialog; use as a context manager around one or more `run` calls."""
    inline = False
    progressed = Signal(int, int, str)

    def __init__(self, parent: QWidget | None, title: str, label: str, *, cancellable: bool = True):
        super().__init__(parent)
        self.title, self.label = title, label
        self.cancellable = cancellable  # False: the work has no way to stop midway, so no Cancel button
        self._cancel = threading.Event()
        self.dialog: QProgressDialog | None = None
        self.progressed.connect(self._show)  # queued when emitted from the worker

    def __enter__(self) -> "FileJob":
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    # ---------------------------------------------------------------- for the core functions
    def progress(self, done: int, total: int, name: str = "") -> None:
        self.progressed.emit(int(done), int(total), str(name))

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @Slot()
    def cancel(self) -> None:
        self._cancel.set()

    def set_label(self, text: str) -> None:
        self.label = text
        if self.dialog is not None:
            self.dialog.setLabelText(text)

    # ---------------------------------------------------------------- running
    def run(self, fn: Callable[[], Any]) -> Any:
        if self.inline:
            return fn()
        self._open_dialog()
        runner = _Runner(fn)
        thread = QThread()
        runner.moveToThread(thread)
        loop = QEventLoop()
        thread.started.connect(runner.run)
        runner.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        thread.finished.connect(loop.quit)  # queued to this thread: delivered once the loop runs
        thread.start()
        loop.exec()
        thread.wait()
        if runner.error is not None:
            raise runner.error
        return runner.result

    def _open_dialog(self) -> None:
        if self.dialog is not None:
            return
        self.dialog = QProgressDialog(self.label, translate("FileJob", "取消"), 0, STEPS, self.parent())
        self.dialog.setWindowTitle(self.title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        if not self.cancellable:
            self.dialog.setCancelButton(None)
            self.dialog.setRange(0, 0)  # busy: the work reports no progress
        self.dialog.setValue(0)

    @Slot(int, int, str)
    def _show(self, done: int, total: int, name: str) -> None:
        if self.dialog is None:
            return
        self.dialog.setValue(min(STEPS, done * STEPS // total) if total > 0 else 0)
        if name:
            self.dialog.setLabelText(f"{self.label}\n{name}")

    def close(self) -> None:
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None
