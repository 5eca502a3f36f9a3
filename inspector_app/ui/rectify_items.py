"""The group's 整改事项 under the panel's findings: the lead lists, corrects and removes them; members read them.

Each change goes through the same core use cases as `inspector rectify add | update | remove`
(inspection.Inspection.add_rectification …, which call store/rectification.py), so the checks are the
core's: a refused field comes back as RectifyError and is shown under the form, in the window's language.
Keyboard: Alt+Z the list, Alt+N 新增, Alt+E 修改, Alt+D 删去 (the findings view holds Alt+A/Q/S, the menus
K/G/B/T/P/R/U/H/L); in the item's form Ctrl+Enter saves and Esc cancels.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from inspector_app.store import rectification as R
from inspector_app.ui.core_words import core_text
from inspector_app.ui.i18n import translate
from inspector_app.ui.inputs import error_label

HEADS = (QT_TRANSLATE_NOOP("RectifyItems", "存在问题"), QT_TRANSLATE_NOOP("RectifyItems", "指标"),
         QT_TRANSLATE_NOOP("RectifyItems", "学校"), QT_TRANSLATE_NOOP("RectifyItems", "整改时限"),
         QT_TRANSLATE_NOOP("RectifyItems", "责任单位 · 责任人"), QT_TRANSLATE_NOOP("RectifyItems", "状态"))
TEXT_COLUMN = 0


def show_error(label: QLabel, text: str) -> None:
    label.setText(core_text(text))
    label.setVisible(bool(text))


class _Text(QPlainTextEdit):
    def __init__(self, height: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(height)


class _Checks(QListWidget):
    """A list of checkable rows (Space ticks the current one)."""

    def __init__(self, rows: list[tuple[str, str]], chosen: tuple[str, ...], height: int):
        super().__init__()
        self.setFixedHeight(height)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        for key, text in rows:
            text_full = text
            row = QListWidgetItem(text)
            row.setToolTip(text_full)
            row.setData(Qt.ItemDataRole.UserRole, key)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked if key in chosen else Qt.CheckState.Unchecked)
            self.addItem(row)
        rows = [n for n in range(self.count()) if self.item(n).checkState() == Qt.CheckState.Checked]
        if self.count():
            self.setCurrentRow(rows[0] if rows else 0)

    def chosen(self) -> tuple[str, ...]:
        return tuple(self.item(n).data(Qt.ItemDataRole.UserRole) for n in range(self.count())
                     if self.item(n).checkState() == Qt.CheckState.Checked)

    def set_checked(self, key: str, on: bool = True) -> None:
        for n in range(self.count()):
            if self.item(n).data(Qt.ItemDataRole.UserRole) == key:
                self.item(n).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


class RectifyItemDialog(QDialog):
    """One item's form: new (`item` None) or a correction of `item`, which needs a reason."""

    def __init__(self, inspection, group, item: R.Item | None, submit, parent: QWidget | None = None):
        super().__init__(parent)
        self.inspection, self.group, self.item, self.submit = inspection, group, item, submit
        self.setWindowTitle(translate("RectifyItems", "修改整改事项 {0}").format(item.uid) if item else
                            translate("RectifyItems", "新增整改事项 · {0}").format(group.name))
        rubric = inspection.rubric
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.text = _Text(72)
        self.text.setPlainText(item.text if item else "")
        codes = [i for i in rubric.indicators if i.applies_to(group.group_type)]
        self.indicators = _Checks([(i.code, f"{i.code}  {i.text_for(group.group_type)}") for i in codes],
                                  item.indicators if item else (), 110)
        self.schools = _Checks([(s.id, s.name) for s in group.schools], item.schools if item else (), 84)
        self.area = QComboBox()
        self.area.setEditable(True)
        self.area.setMinimumContentsLength(14)
        self.area.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.area.addItems([""] + [a.title for a in rubric.areas])
        self.area.lineEdit().setPlaceholderText(translate("RectifyItems", "不写：所涉指标的一级指标"))
        self._auto_area = item is None or not item.area
        self.area.setCurrentText(item.area_for(rubric) if item else "")
        self.area.lineEdit().textEdited.connect(self._area_typed)
        self.indicators.itemChanged.connect(self._indicator_ticked)
        self.deadline = QDateEdit()
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        self.deadline.setMinimumWidth(140)
        due = (item.deadline if item else "") or inspection.plan.publication.rectification_due
        self.deadline.setDate(QDate.fromString(due, "yyyy-MM-dd") if due else QDate.currentDate().addMonths(2))
        self.unit = QLineEdit(item.unit if item else "")
        self.person = QLineEdit(item.person if item else "")
        self.person.setPlaceholderText(translate("RectifyItems", "如：总校校长 张某"))
        rows = [(translate("RectifyItems", "存在问题(&T)："), self.text),
                (translate("RectifyItems", "所涉指标(&I)："), self.indicators),
                (translate("RectifyItems", "所涉学校(&C)："), self.schools),
                (translate("RectifyItems", "问题类别(&K)："), self.area),
                (translate("RectifyItems", "整改时限(&D)："), self.deadline),
                (translate("RectifyItems", "责任单位(&U)："), self.unit),
                (translate("RectifyItems", "责任人(&P)："), self.person)]
        self.reason = None
        if item is not None:
            self.reason = QLineEdit()
            rows.append((translate("RectifyItems", "修改理由(&R)："), self.reason))
        for text, widget in rows:
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        hint = QLabel(translate("RectifyItems", "不勾选学校：全集团。空格键勾选。"))
        hint.setStyleSheet("color: #666;")
        self.error = error_label()
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(translate("RectifyItems", "保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        cancel = buttons.addButton(translate("RectifyItems", "取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        self.text.setFocus()

    def _area_typed(self, _text: str) -> None:
        self._auto_area = False

    def _indicator_ticked(self, _row) -> None:
        if self._auto_area:
            chosen = self.indicators.chosen()
            self.area.setCurrentText(self.inspection.default_area(chosen[0]) if chosen else "")

    def draft(self) -> R.Draft:
        chosen = self.indicators.chosen()
        area = self.area.currentText().strip()
        if chosen and area == self.inspection.default_area(chosen[0]):
            area = ""  # classed by its indicator, and follows it if the indicator is corrected
        return R.Draft(self.text.toPlainText(), chosen, self.schools.chosen(),
                       self.deadline.date().toString("yyyy-MM-dd"), self.unit.text(), self.person.text(), area)

    def save(self) -> None:
        problem = self.submit(self.draft(), self.reason.text() if self.reason is not None else "")
        show_error(self.error, problem)
        if not problem:
            self.accept()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.save()
            return
        super().keyPressEvent(event)


class ReasonDialog(QDialog):
    """A reason asked before an action that keeps its record (删去); `submit(reason)` returns the refusal."""

    def __init__(self, title: str, prompt: str, submit, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.submit = submit
        label = QLabel(prompt)
        label.setWordWrap(True)
        self.reason = _Text(60)
        label.setBuddy(self.reason)
        self.error = error_label()
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(translate("RectifyItems", "删去"), QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(translate("RectifyItems", "取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (label, self.reason, self.error, buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(420)
        self.reason.setFocus()

    def save(self) -> None:
        problem = self.submit(self.reason.toPlainText())
        show_error(self.error, problem)
        if not problem:
            self.accept()


class RectifyItemsBox(QGroupBox):
    """The group's items as a table, with 新增 / 修改 / 删去 for the lead."""
    changed = Signal()

    def __init__(self, key_id=lambda: "", parent: QWidget | None = None):
        super().__init__(translate("RectifyItems", "整改事项(&Z)"), parent)
        self.key_id = key_id  # this laptop's key, asked when a change is recorded
        self.workspace = None
        self.dialog: QDialog | None = None
        self.items: list[R.Item] = []
        layout = QHBoxLayout(self)
        self.table = QTableWidget(0, len(HEADS))
        self.table.setHorizontalHeaderLabels([translate("RectifyItems", h) for h in HEADS])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setAccessibleName(translate("RectifyItems", "整改事项"))
        layout.addWidget(self.table, 1)
        side = QVBoxLayout()
        self.add_button = QPushButton(translate("RectifyItems", "新增(&N)…"))
        self.edit_button = QPushButton(translate("RectifyItems", "修改(&E)…"))
        self.remove_button = QPushButton(translate("RectifyItems", "删去(&D)…"))
        for button in (self.add_button, self.edit_button, self.remove_button):
            side.addWidget(button)
        self.note = QLabel()
        self.note.setStyleSheet("color: #666;")
        self.note.setWordWrap(True)
        self.note.setMaximumWidth(140)
        side.addWidget(self.note)
        side.addStretch(1)
        layout.addLayout(side)
        self.add_button.clicked.connect(self.add_item)
        self.edit_button.clicked.connect(self.edit_item)
        self.remove_button.clicked.connect(self.remove_item)
        self.table.itemSelectionChanged.connect(self._enable)
        self.table.doubleClicked.connect(lambda _i: self.edit_item())
        self.table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setTabOrder(self.table, self.add_button)
        self.setTabOrder(self.add_button, self.edit_button)
        self.setTabOrder(self.edit_button, self.remove_button)

    def load(self, workspace) -> None:
        self.workspace = workspace
        self.refresh()

    def refresh(self) -> None:
        ws = self.workspace
        if ws is None or ws.group is None:
            return
        current = self.current()
        self.items = ws.inspection.rectify_items(ws.group)
        names = {s.id: s.name for s in ws.group.schools}
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.items))
        for n, item in enumerate(self.items):
            cells = (item.text, "、".join(item.indicators) or "—",
                     "、".join(names.get(s, s) for s in item.schools) or core_text(R.WHOLE_GROUP),
                     item.deadline or translate("Core", "未定"), " · ".join(p for p in (item.unit, item.person) if p) or "—",
                     core_text(item.status))
            for col, value in enumerate(cells):
                cell = QTableWidgetItem(value)
                if col == TEXT_COLUMN:  # the rest on hover: the id the command line takes, the area
                    cell.setToolTip(translate("RectifyItems", "编号 {0} · 类别 {1}\n{2}").format(
                        item.uid, item.area_for(ws.rubric), item.text))
                self.table.setItem(n, col, cell)
        head = self.table.horizontalHeader()
        for col in range(len(HEADS)):
            head.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch if col == TEXT_COLUMN
                                      else QHeaderView.ResizeMode.ResizeToContents)
        uids = [i.uid for i in self.items]
        if uids:
            self.table.selectRow(uids.index(current.uid) if current and current.uid in uids else 0)
        self.table.blockSignals(False)
        writer = ws.can_rectify
        for button in (self.add_button, self.edit_button, self.remove_button):
            button.setVisible(writer)
        self.note.setText("" if writer else translate("RectifyItems", "由专家组组长填写，此处只读"))
        self._enable()

    def _enable(self) -> None:
        chosen = self.current() is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def current(self) -> R.Item | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.items[rows[0].row()] if rows and rows[0].row() < len(self.items) else None

    # ------------------------------------------------------------------ actions
    def _actor(self) -> R.Actor:
        return self.workspace.rectify_actor(self.key_id())

    def _attempt(self, action) -> str:
        """Run a core use case; its refusal as text ("" when done)."""
        try:
            action()
        except R.RectifyError as exc:
            return str(exc)
        except Exception as exc:  # noqa: BLE001 - a storage failure: said, nothing changed
            from inspector_app.store.db import StoreError
            if isinstance(exc, StoreError):
                return str(exc)
            raise
        self.refresh()
        self.changed.emit()
        return ""

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()

    def add_item(self) -> None:
        ws = self.workspace
        if ws is None or not ws.can_rectify:
            return

        def submit(draft: R.Draft, _reason: str) -> str:
            return self._attempt(lambda: ws.inspection.add_rectification(ws.group, draft, self._actor()))
        self._open(RectifyItemDialog(ws.inspection, ws.group, None, submit, self))

    def edit_item(self) -> None:
        ws, item = self.workspace, self.current()
        if ws is None or item is None or not ws.can_rectify:
            return

        def submit(draft: R.Draft, reason: str) -> str:
            changes = {k: getattr(draft, k) for k in R.EDITABLE}
            return self._attempt(lambda: ws.inspection.edit_rectification(ws.group, item.uid, changes, self._actor(),
                                                                           reason))
        self._open(RectifyItemDialog(ws.inspection, ws.group, item, submit, self))

    def remove_item(self) -> None:
        ws, item = self.workspace, self.current()
        if ws is None or item is None or not ws.can_rectify:
            return

        def submit(reason: str) -> str:
            return self._attempt(lambda: ws.inspection.remove_rectification(item.uid, self._actor(), reason))
        self._open(ReasonDialog(translate("RectifyItems", "删去整改事项 {0}").format(item.uid),
                                translate("RectifyItems", "删去“{0}”的理由(&R)（记录保留）：").format(item.text[:40]),
                                submit, self))
