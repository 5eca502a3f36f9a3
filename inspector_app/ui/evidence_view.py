"""Evidence files of one indicator at one place (PDF, Word, spreadsheets, phone recordings): add, list with
name, type and size, open in the system's viewer (a copy, never the stored evidence), remove with undo."""
from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QUrl, Qt, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QPushButton, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from inspector_app.store import evidence_files as EF
from inspector_app.store import evidence_records as ER
from inspector_app.store.db import StoreError
from inspector_app.ui import file_dialogs
from inspector_app.ui.core_words import core_text
from inspector_app.ui.i18n import translate
from inspector_app.ui.import_job import import_on_worker, say_imported
from inspector_app.ui.operation import Operation

FILE_PATTERNS = " ".join(f"*.{s}" for s in EF.FILE_TYPES)


class EvidenceView(QWidget):
    message = Signal(str, bool)  # text, is_error
    changed = Signal()
    saved = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = None
        self.place = None
        self.last_removed: int | None = None
        self.last_import: ER.EvidenceImport | None = None
        self.last_opened: Path | None = None
        self._open_dir: tempfile.TemporaryDirectory | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.add_button = QPushButton(translate("EvidenceView", "添加文件…"))
        self.open_button = QPushButton(translate("EvidenceView", "打开"))
        self.remove_button = QPushButton(translate("EvidenceView", "移除文件"))
        self.undo_button = QPushButton(translate("EvidenceView", "撤销移除文件"))
        self.undo_button.setEnabled(False)
        for button in (self.add_button, self.open_button, self.remove_button, self.undo_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([translate("EvidenceView", "名称"), translate("EvidenceView", "类型"),
                                   translate("EvidenceView", "大小")])
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list.header().setStretchLastSection(False)
        self.list.setMaximumHeight(130)
        self.list.setAccessibleName(translate("EvidenceView", "佐证文件列表"))
        layout.addWidget(self.list)
        self.hint = QLabel(translate("EvidenceView", "PDF、Word、表格、手机录音（m4a/mp3/amr/wav）。Enter 打开，Delete 移除。"))
        self.hint.setStyleSheet("color: #555;")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.add_button.clicked.connect(self.choose_files)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.undo_button.clicked.connect(self.undo_remove)
        self.list.itemActivated.connect(lambda *_: self.open_selected())
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.list, self.remove_selected)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)

    def focus_chain(self) -> list[QWidget]:
        return [self.add_button, self.open_button, self.remove_button, self.undo_button, self.list]

    def show_place(self, workspace, place) -> None:
        self.workspace, self.place = workspace, place
        self.last_removed = None
        self.undo_button.setEnabled(False)
        self.refresh()

    def records(self) -> list[ER.EvidenceRecord]:
        ws = self.workspace
        return ER.list_files(ws.store, ws.plan.id, ws.group.id, school_id=self.place.school_id,
                             indicator=self.place.code, expert_id=ws.expert_id)

    def refresh(self) -> None:
        focus = self.focusWidget() if self.isAncestorOf(self.focusWidget() or self) else None
        self.list.clear()
        if self.workspace is None:
            return
        for rec in self.records():
            item = QTreeWidgetItem([rec.name, core_text(rec.type_label), core_text(EF.size_text(rec.size))])
            item.setData(0, Qt.ItemDataRole.UserRole, rec.id)
            item.setToolTip(0, translate("EvidenceView", "{0}\n校验值 SHA-256：{1}").format(rec.name, rec.sha256))
            self.list.addTopLevelItem(item)
        if self.list.topLevelItemCount():
            self.list.setCurrentItem(self.list.topLevelItem(0))
        has = self.list.topLevelItemCount() > 0
        self.open_button.setEnabled(has)
        self.remove_button.setEnabled(has)
        if focus is not None and not focus.isEnabled():  # the last file removed: stay in the list, not lost
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---------------------------------------------------------------- adding
    def choose_files(self) -> None:
        names = file_dialogs.open_file_names(self, translate("EvidenceView", "添加佐证文件"),
                                             file_dialogs.EVIDENCE,
                                             self.workspace.store if self.workspace is not None else None,
                                             translate("EvidenceView", "佐证文件") + f" ({FILE_PATTERNS})")
        if names:
            self.import_paths([Path(n) for n in names])

    def import_paths(self, paths: list[Path]) -> Operation | None:
        """Files are checked, hashed and stored on a worker, then named in the store here."""
        if not paths or self.workspace is None:
            return None
        ws, place, root, paths = self.workspace, self.place, self.workspace.store.photos_dir, list(paths)

        def work(progress) -> list:
            results = []
            for i, path in enumerate(paths):
                try:
                    results.append(EF.ingest_file(path, root, cancelled=progress.cancelled))
                except EF.EvidenceError as err:
                    results.append(err)
                progress(i + 1, len(paths), path.name)
            return results

        def record(results: list, cancelled: bool) -> ER.EvidenceImport:
            return ER.record_files(ws.store, ws.plan, ws.group, ws.expert_id, place.school_id, place.code, results,
                                   cancelled=cancelled)

        return import_on_worker(self, work, record, title=translate("EvidenceView", "添加佐证文件"),
                                label=translate("EvidenceView", "正在检查并保存文件…"), done=self._imported).start()

    def _imported(self, result: ER.EvidenceImport) -> None:
        say_imported(self, result, cancelled=translate("EvidenceView", "已取消，没有添加任何文件"),
                     added=translate("EvidenceView", "已添加 {0} 个佐证文件"),
                     refused=translate("EvidenceView", "；{0} 个未添加：{1}"))

    # ---------------------------------------------------------------- one file
    def _selected(self) -> ER.EvidenceRecord | None:
        item = self.list.currentItem()
        if item is None or self.workspace is None:
            return None
        file_id = item.data(0, Qt.ItemDataRole.UserRole)
        return next((r for r in self.records() if r.id == file_id), None)

    def open_selected(self) -> None:
        """A copy under the file's own name in a temporary folder, opened by the system's viewer."""
        rec = self._selected()
        if rec is None:
            return
        if self._open_dir is None:
            self._open_dir = tempfile.TemporaryDirectory(prefix="inspector-open-")
        try:
            copy = ER.copy_out(self.workspace.store, rec, Path(self._open_dir.name) / str(rec.id))
        except StoreError as exc:
            self.message.emit(str(exc), True)
            return
        self.last_opened = copy
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy))):
            self.message.emit(translate("EvidenceView", "已用系统程序打开“{0}”（副本，原件不会被改动）").format(rec.name), False)
        else:
            self.message.emit(translate("EvidenceView", "本机没有能打开“{0}”的程序；副本在 {1}").format(rec.name, copy), True)

    def remove_selected(self) -> None:
        rec = self._selected()
        if rec is None:
            return
        ER.remove_file(self.workspace.store, rec.id, self.workspace.expert_id)
        self.last_removed = rec.id
        self.undo_button.setEnabled(True)
        self.message.emit(translate("EvidenceView", "已移除“{0}”（可撤销）").format(rec.name), False)
        self.refresh()
        self.changed.emit()
        self.saved.emit()

    def undo_remove(self) -> None:
        if self.last_removed is None:
            return
        ER.restore_file(self.workspace.store, self.last_removed, self.workspace.expert_id)
        self.last_removed = None
        self.undo_button.setEnabled(False)
        self.refresh()
        self.changed.emit()
        self.saved.emit()
