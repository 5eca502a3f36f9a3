"""整改情况 of one item in the bureau's 整改台账: its status changed with a reason, the unit's response, the
evidence files, and its history (who, when, why).

Recording goes through store/rectification.set_status, as `inspector rectify update ID --status … --reason …
--response … --evidence FILE` does; the files are read, checked and kept by hash on a worker
(ui/operation.py, store/rectify_evidence.keep_files) and listed as 待记录 until 记录 writes them with the rest.
An evidence file opens in the system's viewer from a copy (the stored file is never handed out).
Keyboard (the ledger holds Alt+G/A/S/L): Alt+C status, Alt+D date, Alt+R response, Alt+Y reason,
Alt+E evidence, Alt+F add files, Alt+O open, Alt+W record, Alt+H history.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QComboBox, QDateEdit, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QVBoxLayout,
                               QWidget)

from inspector_app.results.rectify_ledger import event_summary
from inspector_app.store import rectification as R
from inspector_app.ui import file_dialogs
from inspector_app.ui.core_words import core_text
from inspector_app.ui.i18n import translate
from inspector_app.ui.inputs import error_label
from inspector_app.ui.rectify_items import show_error

FILE_FILTER = "*.pdf *.doc *.docx *.xls *.xlsx *.csv *.m4a *.mp3 *.amr *.wav *.jpg *.jpeg *.png *.heic *.heif"


def _label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


class RectifyRecord(QGroupBox):
    """The selected item's 整改情况; `recorded` after a change is written."""
    recorded = Signal(str)  # the item's id

    def __init__(self, store, actor, parent: QWidget | None = None):
        super().__init__(translate("RectifyRecord", "整改情况"), parent)
        self.store, self.actor = store, actor  # actor(): who records here (R.Actor); None: nobody here may
        self.item: R.Item | None = None
        self.staged: list[dict] = []  # evidence kept by hash, not yet named by an event
        self.operation = None
        outer = QHBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold;")
        form.addRow(self.title)
        self.status = QComboBox()
        for status in R.STATUSES:
            self.status.addItem(core_text(status), status)
        self.on_date = QDateEdit()
        self.on_date.setCalendarPopup(True)
        self.on_date.setDisplayFormat("yyyy-MM-dd")
        self.on_date.setMinimumWidth(140)
        self.on_date.setDate(QDate.currentDate())
        row = QHBoxLayout()
        row.addWidget(self.status)
        row.addWidget(_label(translate("RectifyRecord", "日期(&D)："), self.on_date))
        row.addWidget(self.on_date)
        row.addStretch(1)
        form.addRow(_label(translate("RectifyRecord", "状态(&C)："), self.status), row)
        self.response = QPlainTextEdit()
        self.response.setTabChangesFocus(True)
        self.response.setFixedHeight(64)
        self.response.setPlaceholderText(translate("RectifyRecord", "被考核单位报告的整改措施和结果"))
        form.addRow(_label(translate("RectifyRecord", "整改情况(&R)："), self.response), self.response)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(translate("RectifyRecord", "必填：如 收到整改报告"))
        form.addRow(_label(translate("RectifyRecord", "理由(&Y)："), self.reason), self.reason)
        self.error = error_label()
        form.addRow(self.error)
        self.record_button = QPushButton(translate("RectifyRecord", "记录(&W)"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.record_button)
        form.addRow(buttons)
        outer.addLayout(form, 3)

        files = QVBoxLayout()
        self.files = QListWidget()
        self.files.setMinimumWidth(200)
        self.files.setWordWrap(True)
        self.files.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        files.addWidget(_label(translate("RectifyRecord", "佐证(&E)："), self.files))
        files.addWidget(self.files, 1)
        file_buttons = QHBoxLayout()
        self.add_button = QPushButton(translate("RectifyRecord", "添加佐证(&F)…"))
        self.open_button = QPushButton(translate("RectifyRecord", "打开(&O)"))
        file_buttons.addWidget(self.add_button)
        file_buttons.addWidget(self.open_button)
        files.addLayout(file_buttons)
        outer.addLayout(files, 2)

        history = QVBoxLayout()
        self.history = QListWidget()
        self.history.setWordWrap(True)
        self.history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        history.addWidget(_label(translate("RectifyRecord", "变更记录(&H)："), self.history))
        history.addWidget(self.history, 1)
        outer.addLayout(history, 3)

        self.record_button.clicked.connect(self.record)
        self.add_button.clicked.connect(self.choose_files)
        self.open_button.clicked.connect(self.open_file)
        self.files.itemActivated.connect(lambda _i: self.open_file())
        self.files.currentRowChanged.connect(lambda _r: self._enable())
        order = [self.status, self.on_date, self.response, self.reason, self.record_button, self.files,
                 self.add_button, self.open_button, self.history]
        for first, second in zip(order, order[1:]):
            self.setTabOrder(first, second)
        self.show_item(None)

    # ------------------------------------------------------------------ showing
    def show_item(self, item: R.Item | None) -> None:
        if item is None or self.item is None or item.uid != self.item.uid:
            self.staged = []
            self.reason.clear()
            show_error(self.error, "")
        self.item = item
        for widget in (self.status, self.on_date, self.response, self.reason, self.record_button, self.add_button):
            widget.setEnabled(item is not None and not item.removed and self.actor is not None)
        if item is None:
            self.title.setText(translate("RectifyRecord", "在上面的台账中选一项"))
            self.response.clear()
            self.files.clear()
            self.history.clear()
            self._enable()
            return
        self.title.setText(f"{item.uid}  {item.text}" + ("" if self.actor is not None else translate(
            "RectifyRecord", "\n（只有签发本计划的教育局或专家组组长可以记录整改情况）")))
        self.status.setCurrentIndex(self.status.findData(item.status))
        self.response.setPlainText(item.response)
        self._fill_files()
        self.history.clear()
        for ev in R.events(self.store, item.uid):
            when = ev.at[:16].replace("T", " ")
            line = f"{when}  {core_text(ev.actor)}: {core_text(event_summary(ev))}"
            if ev.reason:  # typed, or the program's own (a re-check score's rule): said in English when it is known
                line += translate("RectifyRecord", "（理由：{0}）").format(core_text(ev.reason))
            if ev.on_date:
                line += translate("RectifyRecord", "（日期 {0}）").format(ev.on_date)
            self.history.addItem(line)
        self.history.scrollToBottom()

    def _fill_files(self) -> None:
        self.files.blockSignals(True)  # refilling must not throw the keyboard focus away
        self.files.clear()
        for ev in (self.item.evidence if self.item else ()):
            row = QListWidgetItem(f"{ev.name} ({ev.added_by} {ev.added_on})")
            row.setData(Qt.ItemDataRole.UserRole, ev)
            self.files.addItem(row)
        for meta in self.staged:
            row = QListWidgetItem(translate("RectifyRecord", "{0}（待记录）").format(meta["name"]))
            row.setData(Qt.ItemDataRole.UserRole, meta)
            self.files.addItem(row)
        if self.files.count():
            self.files.setCurrentRow(self.files.count() - 1)
        self.files.blockSignals(False)
        self._enable()

    def _enable(self) -> None:
        self.open_button.setEnabled(self.files.currentItem() is not None)

    # ------------------------------------------------------------------ recording
    def record(self) -> None:
        """Status, response and the staged files, with the reason, through the core's set_status."""
        item = self.item
        if item is None or self.actor is None:
            return
        status = self.status.currentData()
        try:
            done = R.set_status(self.store, item, status, self.actor(), self.reason.text(),
                                response=self.response.toPlainText(),
                                on_date=self.on_date.date().toString("yyyy-MM-dd"), evidence=tuple(self.staged))
        except R.RectifyError as exc:
            show_error(self.error, str(exc))
            return
        if done is item:
            show_error(self.error, translate("RectifyRecord", "没有改变：状态、整改情况和佐证都和记录的一样"))
            return
        self.staged = []
        self.reason.clear()
        show_error(self.error, "")
        self.show_item(done)
        self.recorded.emit(done.uid)

    def choose_files(self) -> None:
        names = file_dialogs.open_file_names(self, translate("RectifyRecord", "选择整改佐证文件"),
                                             file_dialogs.RECTIFY_EVIDENCE, self.store,
                                             translate("RectifyRecord", "整改佐证（{0}）").format(FILE_FILTER))
        if names:
            self.add_files(names)

    def add_files(self, paths: list[str]) -> None:
        """Read, check and keep the files on a worker; they are listed as 待记录 until 记录."""
        from inspector_app.store.rectify_evidence import keep_files
        from inspector_app.ui.operation import Operation
        root = self.store.photos_dir
        show_error(self.error, "")

        def kept(files: list[dict]) -> None:
            known = {e.sha256 for e in self.item.evidence} | {m["sha256"] for m in self.staged}
            self.staged += [f for f in files if f["sha256"] not in known]
            self._fill_files()

        self.operation = Operation(self.window(), translate("RectifyRecord", "添加整改佐证"),
                                   lambda progress: keep_files(root, paths, progress),
                                   label=translate("RectifyRecord", "正在检查并保存佐证文件…"))
        self.operation.on_success(kept).on_cancel(lambda files: kept(files or [])) \
            .on_failure(lambda exc: show_error(self.error, str(exc))).start()

    def open_file(self) -> None:
        """A copy of the chosen evidence file under its own name, opened in the system's viewer."""
        row = self.files.currentItem()
        if row is None:
            return
        meta = row.data(Qt.ItemDataRole.UserRole)
        rec = meta if isinstance(meta, R.Evidence) else R.Evidence(meta["sha256"], meta["name"], meta["mime"],
                                                                    meta["size"], meta["stored"], "", "")
        from inspector_app.store.db import StoreError
        from inspector_app.store.evidence_records import copy_out
        try:
            copy = copy_out(self.store, rec, Path(tempfile.mkdtemp(prefix="inspector-open-")))
        except StoreError as exc:
            show_error(self.error, str(exc))
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy))):
            show_error(self.error, translate("RectifyRecord", "系统中没有可以打开“{0}”的程序").format(rec.name))
