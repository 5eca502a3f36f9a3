"""The group's award/project register for one indicator (004 C15–C19, C21–C23): each item with its name,
level, year, school and evidence, as the panel holds the list on paper.

Adding or removing an item writes the register and scores the expert's entry from it at once (the core's
`Workspace.edit_register`): the same project counted once at its highest level, the baseline year's items
subtracted level by level (this register's items of that year and the baseline year's plan in the same data
folder), then the rule's points and cap; the page shows the points and every step. Counts can still be
typed instead: 改填个数 stops using the register (the list is kept).
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from inspector_app.rubric.rules.register import REGISTER
from inspector_app.ui.core_words import core_text
from inspector_app.ui.i18n import translate
from inspector_app.ui.inputs import ERROR_STYLE, NO_CHOICE, plain_error
from inspector_app.workspace import Place, Workspace

class _Table(QTableWidget):
    delete_pressed = Signal()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Delete:
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)


class RegisterEditor(QGroupBox):
    changed = Signal(object)  # the core's Change, for the page to refresh from

    def __init__(self, parent: QWidget | None = None):
        super().__init__(translate("RegisterEditor", "获奖/项目登记表（本集团）"), parent)
        self.workspace: Workspace | None = None
        self.place: Place | None = None
        self.item_ids: list[int] = []
        layout = QVBoxLayout(self)
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.about.setStyleSheet("color: #555;")
        layout.addWidget(self.about)
        self.table = _Table(0, 5)
        self.table.setHorizontalHeaderLabels([translate("RegisterEditor", "名称"), translate("RegisterEditor", "级别"),
                                              translate("RegisterEditor", "年份"), translate("RegisterEditor", "学校"),
                                              translate("RegisterEditor", "佐证")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table: the page reads down
        header = self.table.horizontalHeader()
        for column, mode in enumerate((QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch,
                                       QHeaderView.ResizeMode.Stretch)):
            header.setSectionResizeMode(column, mode)
        self.table.setAccessibleName(translate("RegisterEditor", "已登记的项目"))
        layout.addWidget(self.table)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.name = QLineEdit()
        self.name.setPlaceholderText(translate("RegisterEditor", "获奖或项目名称，同名视为同一项目"))
        name_label = QLabel(translate("RegisterEditor", "名称(&M)："))
        name_label.setBuddy(self.name)
        form.addRow(name_label, self.name)
        self.level = QComboBox()
        self.level.setAccessibleName(translate("RegisterEditor", "级别"))
        self.year = QLineEdit()
        self.year.setMaximumWidth(90)
        self.year.setPlaceholderText(translate("RegisterEditor", "如 2023"))
        self.year.setAccessibleName(translate("RegisterEditor", "年份"))
        row = QHBoxLayout()
        row.addWidget(self.level)
        row.addWidget(QLabel(translate("RegisterEditor", "年份：")))
        row.addWidget(self.year)
        row.addStretch(1)
        level_label = QLabel(translate("RegisterEditor", "级别(&V)："))
        level_label.setBuddy(self.level)
        form.addRow(level_label, row)
        self.school = QComboBox()
        self.school.setAccessibleName(translate("RegisterEditor", "学校"))
        form.addRow(translate("RegisterEditor", "学校："), self.school)
        self.evidence = QLineEdit()
        self.evidence.setPlaceholderText(translate("RegisterEditor", "佐证：证书、文件名或文号"))
        self.evidence.setAccessibleName(translate("RegisterEditor", "佐证"))
        form.addRow(translate("RegisterEditor", "佐证："), self.evidence)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(translate("RegisterEditor", "登记此项(&A)"))
        self.remove_button = QPushButton(translate("RegisterEditor", "删除所选(&D)"))
        self.use_button = QPushButton()
        for button in (self.add_button, self.remove_button, self.use_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add_item)
        self.name.returnPressed.connect(self.add_item)
        self.evidence.returnPressed.connect(self.add_item)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.delete_pressed.connect(self.remove_selected)
        self.use_button.clicked.connect(self._toggle_use)

    # ---------------------------------------------------------------- showing
    def show_place(self, workspace: Workspace, place: Place, enabled: bool) -> None:
        self.workspace, self.place = workspace, place
        rule = workspace.indicator(place.code).rule
        self.level.clear()
        for name in rule.level_names:
            self.level.addItem(name, name)
        self.school.clear()
        self.school.addItem(NO_CHOICE, "")
        for school in workspace.group.schools:
            self.school.addItem(school.name, school.id)
        baseline = getattr(rule, "baseline", "")
        text = translate("RegisterEditor", "逐项登记本集团的获奖或项目，得分由登记表算出：同名项目只按最高级别计一次。")
        if baseline:
            text += translate("RegisterEditor", "年份为 {0} 的各项（以及数据文件夹中 {0}—{1} 学年考核计划的登记表）作为基数，"
                                                "按级别减去，只计增加的项数。").format(baseline, int(baseline) + 1)
        self.about.setText(text)
        for widget in (self.name, self.level, self.year, self.school, self.evidence, self.add_button,
                       self.remove_button, self.use_button, self.table):
            widget.setEnabled(enabled)
        self.error.hide()
        self.refresh()

    def refresh(self) -> None:
        ws, place = self.workspace, self.place
        rows = ws.register_items(place.code)
        self.item_ids = [r.id for r in rows]
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            school = ws.school_name(r.school_id) if r.school_id else "—"
            for column, value in enumerate((r.name, r.level, r.year or "—", school, r.evidence or "—")):
                self.table.setItem(i, column, QTableWidgetItem(value))
        self.table.resizeRowsToContents()
        # as tall as its first six rows (wrapped names included), at least two: the page scrolls, not the table
        heights = [self.table.rowHeight(i) for i in range(min(len(rows), 6))]
        heights += [self.table.verticalHeader().defaultSectionSize()] * (2 - len(heights))
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height() + 4 + sum(heights))
        using = self.uses_register()
        self.use_button.setText(translate("RegisterEditor", "不用登记表，改填个数") if using
                                else translate("RegisterEditor", "按登记表计分"))
        self.remove_button.setEnabled(self.name.isEnabled() and bool(rows))

    def uses_register(self) -> bool:
        return self.workspace.inputs(self.place).get(REGISTER) is not None

    def focus_chain(self) -> list[QWidget]:
        return [self.table, self.name, self.level, self.year, self.school, self.evidence,
                self.add_button, self.remove_button, self.use_button]

    # ---------------------------------------------------------------- editing
    def _done(self, change) -> None:
        if change.error:
            self.error.setText(core_text(plain_error(change.error)))
            self.error.show()
        else:
            self.error.hide()
        self.refresh()
        self.changed.emit(change)

    def add_item(self) -> None:
        item = {"name": self.name.text().strip(), "level": self.level.currentData() or "",
                "year": self.year.text().strip(), "school_id": self.school.currentData() or "",
                "evidence": self.evidence.text().strip()}
        if not item["name"]:
            self._done_error(translate("RegisterEditor", "请先填写名称"))
            return
        change = self.workspace.edit_register(self.place, add=item)
        if not change.error:
            self.name.clear()
            self.evidence.clear()
            self.name.setFocus(Qt.FocusReason.OtherFocusReason)
        self._done(change)

    def _done_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if not rows:
            self._done_error(translate("RegisterEditor", "请先在表中选中要删除的项"))
            return
        change = None
        for row in reversed(rows):
            change = self.workspace.edit_register(self.place, remove=self.item_ids[row])
            if change.error:
                break
        self._done(change)

    def _toggle_use(self) -> None:
        self._done(self.workspace.edit_register(self.place, use=not self.uses_register()))
