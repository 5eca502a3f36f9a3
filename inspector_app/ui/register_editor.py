"""The group's award/project register for one indicator (004 C15–C19, C21–C23): each item with its name,
level, year, school and evidence, as the panel holds the list on paper.

Adding or removing an item writes the register and scores the expert's entry from it at once (the core's
`Workspace.edit_register`): the same project counted once at its highest level, the baseline year's items
subtracted level by level (this register's items of that year and the baseline year's plan in the same data
folder), then the rule's points and cap; the page shows the points and every step. The page's 计分方式
(ui/count_way.py) decides whether the register or the typed counts score the entry: only the chosen one can be
edited, and the register's items are kept while the counts are typed.
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

        self.entry = QWidget()  # what adds and removes items: hidden while the typed counts score the entry
        entry_layout = QVBoxLayout(self.entry)
        entry_layout.setContentsMargins(0, 0, 0, 0)
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
        entry_layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        entry_layout.addWidget(self.error)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(translate("RegisterEditor", "登记此项(&A)"))
        self.remove_button = QPushButton(translate("RegisterEditor", "删除所选(&D)"))
        for button in (self.add_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        entry_layout.addLayout(buttons)
        layout.addWidget(self.entry)
        self.add_button.clicked.connect(self.add_item)
        self.name.returnPressed.connect(self.add_item)
        self.evidence.returnPressed.connect(self.add_item)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.delete_pressed.connect(self.remove_selected)

    # ---------------------------------------------------------------- showing
    def show_place(self, workspace: Workspace, place: Place, enabled: bool) -> None:
        """`enabled`: the register is the chosen way and the expert may score here; else it is only read."""
        self.workspace, self.place = workspace, place
        rule = workspace.indicator(place.code).rule
        self.level.clear()
        for name in rule.level_names:
            self.level.addItem(name, name)
        self.school.clear()
        self.school.addItem(NO_CHOICE, "")
        for school in workspace.group.schools:
            self.school.addItem(school.name, school.id)
        self.about.setText(self.explain(rule, len(workspace.register_baseline(place.code)),
                                        bool(workspace.baselines(place.code))))
        for widget in (self.name, self.level, self.year, self.school, self.evidence, self.add_button,
                       self.remove_button, self.table):
            widget.setEnabled(enabled)
        self.entry.setVisible(enabled)
        self.error.hide()
        self.refresh()

    @staticmethod
    def explain(rule, found: int, total_shown: bool = False) -> str:
        """What the register does, in her words; with a baseline year, what counts as the baseline, where it
        comes from (`found`: the items read from that year's inspection on this computer) and what to do;
        `total_shown`: the plan's total for that year is on the page (对照), and is not what is subtracted."""
        text = translate("RegisterEditor", "每项获奖或项目登记一行，得分自动算出。同一项目登记了不止一次的"
                                           "（如先评为市级、后评为省级），只按最高的级别算一次。")
        year = getattr(rule, "baseline", "")
        if not year:
            return text
        years = f"{year}—{int(year) + 1}"
        text += translate("RegisterEditor", "本项只算比 {0} 年多出来的项数，{0} 年的项数是“基数”。").format(year)
        if found:
            text += translate("RegisterEditor", "基数已从本电脑上 {0} 学年的考核中自动读出（{1} 项），您不用再登记，"
                                                "只登记本期的项目即可。").format(years, found)
        else:
            text += translate("RegisterEditor", "本电脑上没有 {0} 学年考核的登记表，基数暂按 0 项算，登记的各项都算新增。"
                                                "如 {1} 年也有获奖，请把那些项目也登记在这里，年份填 {1}："
                                                "它们只作基数，不加分。").format(years, year)
        if total_shown:
            text += translate("RegisterEditor", "上方“对照”中的 {0} 年总数只供参考，不会自动减去。").format(year)
        return text

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
        self.remove_button.setEnabled(self.name.isEnabled() and bool(rows))

    def uses_register(self) -> bool:
        return self.workspace.inputs(self.place).get(REGISTER) is not None

    def focus_chain(self) -> list[QWidget]:
        return [self.table, self.name, self.level, self.year, self.school, self.evidence,
                self.add_button, self.remove_button]

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
