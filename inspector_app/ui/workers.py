"""Background work: a worker QObject on a QThread running a core function that
takes `progress` and `cancelled` callables, with a progress dialog whose
Cancel cancels.

Only the file work runs on the worker thread; the database belongs to the main
thread, so results come back by a queued signal and are recorded there.
Tests set `PhotoImport.inline = True` to run the work on the calling thread.
"""
from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from inspector_app.ui.i18n import translate


class IngestWorker(QObject):
    progress = Signal(int, int, str)
    finished = Signal(list, bool)  # results, cancelled

    def __init__(self, sources: list[Path], photos_dir: Path):
        super().__init__()
        self.sources = sources
        self.photos_dir = photos_dir
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    @Slot()
    def run(self) -> None:
        from inspector_app.store import photos as files  # Pillow: loaded with the first import, not at start
        results = files.ingest_many(self.sources, self.photos_dir,
                                    progress=lambda done, total, name: self.progress.emit(done, total, name),
                                    cancelled=self._cancel.is_set)
        self.finished.emit(results, self._cancel.is_set())


class PhotoImport(QObject):
    """One import: worker, thread and progress dialog; `done(ImportResult)` on the main thread."""
    inline = False  # tests: run on the calling thread, no dialog
    done = Signal(object)

    def __init__(self, workspace, place, sources: list[Path], parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.place = place
        self.worker = IngestWorker(list(sources), workspace.store.photos_dir)
        self.thread: QThread | None = None
        self.dialog: QProgressDialog | None = None
        self.result = None
        self.worker.finished.connect(self._finished)

    def start(self) -> None:
        if self.inline:
            self.worker.run()
            return
        self.dialog = QProgressDialog(translate("PhotoImport", "正在导入照片…"), translate("PhotoImport", "取消"),
                                      0, len(self.worker.sources), self.parent())
        self.dialog.setWindowTitle(translate("PhotoImport", "导入照片"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        # to this object (main thread), not to the worker: a slot of an object on the busy worker thread
        # would be queued there and run only after the work is over
        self.dialog.canceled.connect(self.cancel)
        self.worker.progress.connect(self._progress)
        self.thread = QThread()
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        # quit() straight from the worker thread: a queued quit would wait behind _finished, which waits for it
        self.worker.finished.connect(self.thread.quit, Qt.ConnectionType.DirectConnection)
        self.thread.start()

    @Slot()
    def cancel(self) -> None:
        self.worker.cancel()

    @Slot(int, int, str)
    def _progress(self, done: int, total: int, name: str) -> None:
        if self.dialog is not None:
            self.dialog.setMaximum(total)
            self.dialog.setValue(done)
            self.dialog.setLabelText(translate("PhotoImport", "正在导入照片 {0}/{1}：{2}").format(done, total, name))

    @Slot(list, bool)
    def _finished(self, results: list, cancelled: bool) -> None:
        if self.thread is not None:
            self.thread.wait()
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.deleteLater()
        self.result = self.workspace.record_photos(self.place, results, cancelled)
        self.done.emit(self.result)
