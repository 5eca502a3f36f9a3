"""数据 → 备份与恢复: the backups of this data folder (time, size, what each holds), a backup now, and a
restore of the chosen one (or of another file) after a confirmation.

A restore replaces the live database: the window closes its store, `store.backup.restore` runs on a
worker (an `Operation`), moving the current database aside under a name that says whether it was sound
(replaced-…) or damaged (damaged-…), and the window reopens the folder. A backup that cannot be restored
(foreign, newer, damaged, missing) is refused before anything is closed, so nothing changes."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QMessageBox,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from inspector_app.store import backup as B
from inspector_app.store.db import StoreError, open_store
from inspector_app.ui import file_dialogs
from inspector_app.ui.core_words import core_text, fault_text
from inspector_app.ui.i18n import translate
from inspector_app.ui.operation import Operation


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


def ask(parent: QWidget, title: str, text: str) -> bool:
    """Yes/no, 否 the default (tests replace this function)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes = box.addButton(translate("BackupDialog", "恢复(&R)"), QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(translate("BackupDialog", "取消"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no)
    box.exec()
    return box.clickedButton() is yes


class BackupActions(QObject):
    """Backup now and restore, for the window; `restored` carries the path the old database was kept at."""
    restored = Signal(str)

    def __init__(self, window):
        super().__init__(window)
        self.window = window

    # ---------------------------------------------------------------- backup now
    def backup_now(self, parent: QWidget | None = None) -> B.Backup | None:
        window = self.window
        window.commit_all()
        try:
            made = B.backup_now(window.store)
        except (StoreError, OSError) as exc:
            QMessageBox.warning(parent or window, translate("BackupDialog", "立即备份"),
                                fault_text(exc, B.backup_dir(window.store.data_dir)))
            return None
        window.statusBar().showMessage(translate("BackupDialog", "已备份到 {0}").format(made.path), 10000)
        return made

    # ---------------------------------------------------------------- restore
    def restore(self, source: Path, parent: QWidget | None = None) -> Operation:
        """Check `source` (on a worker), ask, then restore it (on a worker) and reopen the folder."""
        parent = parent or self.window
        title = translate("BackupDialog", "从备份恢复")
        source = Path(source)

        def checked(refused: str) -> None:
            if refused:
                QMessageBox.warning(parent, title, core_text(refused))
                return
            held = B.contents(source)
            text = translate("BackupDialog", "用这个备份替换当前的数据库？\n\n{0}\n内容：{1}\n\n当前的数据库不会删除：它将另存在备份文件夹 {2} 中"
                     "（文件名以 replaced- 开头，已损坏的以 damaged- 开头）。恢复后重新打开考核。").format(
                source.name, core_text(held.text()), B.backup_dir(self.window.store.data_dir))
            if ask(parent, title, text):
                self._replace(source, parent)

        op = Operation(parent, title, lambda _p: B.refusal(source), label=translate("BackupDialog", "正在检查备份…"), cancellable=False)
        return op.on_success(checked).start()

    def _replace(self, source: Path, parent: QWidget) -> Operation:
        window = self.window
        title = translate("BackupDialog", "从备份恢复")
        data_dir = window.store.data_dir
        window.release_store()  # the live database closed: restore takes the folder's lock

        def done(aside) -> None:
            if not self._reopen(data_dir, parent):
                return
            kept = translate("BackupDialog", "原来的数据库保留在 {0}。").format(aside) if aside else translate("BackupDialog", "原来没有数据库。")
            QMessageBox.information(parent, title, translate("BackupDialog", "已从 {0} 恢复，恢复后的数据库已通过完整性检查。").format(source.name)
                                    + kept)
            self.restored.emit(str(aside or ""))

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, (StoreError, OSError)):
                self._reopen(data_dir, parent)
                raise exc
            QMessageBox.warning(parent, title, translate("BackupDialog", "恢复未完成，当前的数据库没有改变：{0}").format(
                fault_text(exc, data_dir)))
            self._reopen(data_dir, parent)

        op = Operation(parent, title, lambda _p: B.restore(data_dir, source), label=translate("BackupDialog", "正在恢复…"),
                       cancellable=False)
        return op.on_success(done).on_failure(failed).start()

    def _reopen(self, data_dir: Path, parent: QWidget) -> bool:
        try:
            store = open_store(data_dir)
        except StoreError as exc:
            QMessageBox.critical(parent, translate("BackupDialog", "从备份恢复"), core_text(str(exc)))
            return False
        self.window.adopt_store(store)
        return True


class BackupDialog(QDialog):
    def __init__(self, actions: BackupActions, parent: QWidget | None = None):
        super().__init__(parent)
        self.actions = actions
        self.setWindowTitle(translate("BackupDialog", "备份与恢复"))
        self.resize(900, 460)
        data_dir = actions.window.store.data_dir
        self.folder = B.backup_dir(data_dir)
        layout = QVBoxLayout(self)
        intro = QLabel(translate("BackupDialog", "有改动时，程序每 5 分钟和退出时自动备份数据库；备份按时间保留（最近一小时的全部、一天内每小时一份、"
                         "一个月内每天一份）。备份文件夹：{0}").format(self.folder))
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(intro)
        label = QLabel(translate("BackupDialog", "已有的备份(&L)："))
        self.table = QTableWidget(0, 3)
        label.setBuddy(self.table)
        self.table.setHorizontalHeaderLabels([translate("BackupDialog", "时间"), translate("BackupDialog", "大小"), translate("BackupDialog", "内容")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(label)
        layout.addWidget(self.table, 1)
        self.empty = QLabel(translate("BackupDialog", "还没有备份。"))
        layout.addWidget(self.empty)
        row = QHBoxLayout()
        self.now_button = QPushButton(translate("BackupDialog", "立即备份(&B)"))
        self.restore_button = QPushButton(translate("BackupDialog", "恢复所选备份(&R)…"))
        self.file_button = QPushButton(translate("BackupDialog", "从其他文件恢复(&F)…"))
        self.open_button = QPushButton(translate("BackupDialog", "打开备份文件夹(&O)"))
        for b in (self.now_button, self.restore_button, self.file_button, self.open_button):
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.now_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(lambda: self.restore_selected())
        self.file_button.clicked.connect(lambda: self.restore_file())
        self.open_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder))))
        self.table.itemActivated.connect(lambda _i: self.restore_selected())
        actions.restored.connect(lambda _a: self.accept())
        self.load()

    def load(self) -> None:
        self.backups = B.list_backups(self.folder.parent)
        self.table.setRowCount(len(self.backups))
        for r, made in enumerate(self.backups):
            cells = [f"{made.made_at:%Y-%m-%d %H:%M:%S}", size_text(made.size), core_text(B.contents(made.path).text())]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(made.path))
                if c == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        self.empty.setVisible(not self.backups)
        self.restore_button.setEnabled(bool(self.backups))
        if self.backups:
            self.table.setCurrentCell(0, 0)

    def backup_now(self) -> None:
        if self.actions.backup_now(self) is not None:
            self.load()

    def restore_selected(self) -> Operation | None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.backups):
            return None
        return self.actions.restore(self.backups[row].path, self)

    def restore_file(self, path: Path | None = None) -> Operation | None:
        if path is None:
            chosen = file_dialogs.open_file_name(
                self, translate("BackupDialog", "从其他文件恢复"), file_dialogs.BACKUP_RESTORE, self.actions.window.store,
                translate("BackupDialog", "Inspector 数据库") + " (*.db)", self.folder)
            if not chosen:
                return None
            path = Path(chosen)
        return self.actions.restore(path, self)
