"""Long work from the window, one way: gather on the main thread, work on a worker, record on the main thread.

    Operation(window, "导出数据包", work, label="正在写入…") \\
        .on_success(record).on_cancel(undo).on_failure(say).start()

The caller gathers what the work needs from the store before it builds the operation. `work(progress)`
runs on a worker thread and must touch neither the store nor any widget; it reports through
`progress(done, total, name)` and stops when `progress.cancelled()` is true (the core functions take
`progress` and `progress.cancelled` as they are). Its result is handed back on the main thread to
`on_success`, which records it; an exception goes to `on_failure` (by default a message box with its
text). Cancel in the progress dialog sets the flag: whatever the work then returns or raises goes to
`on_cancel` instead, so the recorder can keep what was finished and drop what was not.

While an operation runs its window-modal dialog keeps the user from starting another edit; the event
loop keeps turning (painting, autosave timers), so nothing waits in a nested loop. Tests set
`Operation.inline = True`: `start()` then runs all three steps on the calling thread before it returns.
"""
from __future__ import annotations

import threading
from typing import Any, Callable, ClassVar

from PySide6.QtCore import SIGNAL, SLOT, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from inspector_app.ui.i18n import translate

STEPS = 1000  # the dialog counts in thousandths: byte counts overflow Qt's int


class Progress:
    """Handed to the work: report progress, ask whether to stop. Safe to call from any thread."""

    def __init__(self, operation: "Operation"):
        self._operation = operation
        self._event = threading.Event()

    def __call__(self, done: int, total: int, name: str = "") -> None:
        self._operation.progressed.emit(int(done), int(total), str(name))

    def cancelled(self) -> bool:
        return self._event.is_set()

    def is_set(self) -> bool:  # a threading.Event's spelling, which some core functions accept
        return self._event.is_set()

    def cancel(self) -> None:
        self._event.set()


class _Worker(QThread):
    def __init__(self, fn: Callable[[], Any]):
        super().__init__()
        self.fn = fn
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self.fn()
        except BaseException as exc:  # noqa: BLE001 - handed back to the main thread
            self.error = exc


class Operation(QObject):
    inline: ClassVar[bool] = False
    running: ClassVar[set["Operation"]] = set()  # kept alive until recorded; the window waits for them on close

    progressed = Signal(int, int, str)
    finished = Signal(object)  # self, once recorded

    def __init__(self, parent: QWidget | None, title: str, work: Callable[[Progress], Any], *, label: str = "",
                 cancellable: bool = True):
        super().__init__(parent)
        self.title = title
        self.label = label or title
        self.work = work
        self.cancellable = cancellable
        self.progress = Progress(self)
        self.result: Any = None
        self.error: BaseException | None = None
        self.was_cancelled = False
        self.done = False
        self.dialog: QProgressDialog | None = None
        self._worker: _Worker | None = None
        self._success: Callable[[Any], Any] | None = None
        self._failure: Callable[[BaseException], Any] | None = None
        self._cancel: Callable[[Any], Any] | None = None
        self.progressed.connect(self._show_progress)  # queued when emitted from the worker

    # ---------------------------------------------------------------- building
    def on_success(self, fn: Callable[[Any], Any]) -> "Operation":
        self._success = fn
        return self

    def on_failure(self, fn: Callable[[BaseException], Any]) -> "Operation":
        self._failure = fn
        return self

    def on_cancel(self, fn: Callable[[Any], Any]) -> "Operation":
        """fn(result or None): what to keep or undo when the user cancelled."""
        self._cancel = fn
        return self

    # ---------------------------------------------------------------- running
    def start(self) -> "Operation":
        Operation.running.add(self)
        if self.inline:
            try:
                self.result = self.work(self.progress)
            except BaseException as exc:  # noqa: BLE001 - recorded like the worker's
                self.error = exc
            self._record()
            return self
        self._open_dialog()
        self._worker = _Worker(lambda: self.work(self.progress))
        self._worker.finished.connect(self._worker_finished)  # queued: the worker emits it from its thread
        self._worker.start()
        return self

    @Slot()
    def cancel(self) -> None:
        self.progress.cancel()
        if self.dialog is not None:
            self.dialog.setLabelText(translate("Operation", "正在取消…"))

    def wait(self) -> None:
        """Block until the work is over (closing the window) and record it."""
        if self._worker is not None:
            self._worker.wait()
            self._worker_finished()

    @classmethod
    def cancel_all(cls) -> None:
        for op in list(cls.running):
            op.cancel()
            op.wait()

    @Slot()
    def _worker_finished(self) -> None:
        worker, self._worker = self._worker, None
        if worker is None or self.done:
            return
        worker.wait()
        self.result, self.error = worker.result, worker.error
        worker.deleteLater()
        self._record()

    def _record(self) -> None:
        self._close_dialog()
        self.done = True
        self.was_cancelled = self.progress.cancelled()
        try:
            if self.was_cancelled:
                if self._cancel is not None:
                    self._cancel(None if self.error is not None else self.result)
            elif self.error is not None:
                if not isinstance(self.error, Exception):
                    raise self.error  # KeyboardInterrupt, SystemExit: not ours to swallow
                (self._failure or self._say_failure)(self.error)
            elif self._success is not None:
                self._success(self.result)
        finally:
            Operation.running.discard(self)
            self.finished.emit(self)

    def _say_failure(self, exc: BaseException) -> None:
        parent = self.parent() if isinstance(self.parent(), QWidget) else None
        from inspector_app.ui.core_words import core_text
        QMessageBox.warning(parent, self.title, core_text(str(exc)) or type(exc).__name__)

    # ---------------------------------------------------------------- the dialog
    def _open_dialog(self) -> None:
        parent = self.parent() if isinstance(self.parent(), QWidget) else None
        dialog = QProgressDialog(self.label, translate("Operation", "取消"), 0, STEPS, parent)
        dialog.setWindowTitle(self.title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        # Stay up saying 正在取消… until the work has stopped, rather than Qt's hiding it at once
        QObject.disconnect(dialog, SIGNAL("canceled()"), dialog, SLOT("cancel()"))
        dialog.canceled.connect(self.cancel)
        if not self.cancellable:
            dialog.setCancelButton(None)
        dialog.setValue(0)
        self.dialog = dialog

    @Slot(int, int, str)
    def _show_progress(self, done: int, total: int, name: str) -> None:
        if self.dialog is None or self.progress.cancelled():
            return
        if total > 0:
            self.dialog.setValue(min(STEPS, done * STEPS // total))
        if name:
            self.dialog.setLabelText(f"{self.label}\n{name}")

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.reset()
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None
