"""整改台账: every rectification item of the plan, overdue first, filtered by group, area and status.

The rows are `results.rectify_ledger.ledger` (the same the command line and the workbook's sheet show).
Keyboard: Alt+G / Alt+A / Alt+S move to the filters, Alt+L to the table, Esc closes. Under the table the
selected item's 整改情况 is recorded (ui/rectify_record.py: its own mnemonics, none of these).
"""
from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from inspector_app.results.rectify_ledger import COLUMNS, as_cells, ledger
from inspector_app.store import rectification as R
from inspector_app.ui.core_words import core_text
from inspector_app.ui.i18n import translate

HEADS = (QT_TRANSLATE_NOOP("RectifyView", "编号"), QT_TRANSLATE_NOOP("RectifyView", "集团"),
         QT_TRANSLATE_NOOP("RectifyView", "类别"), QT_TRANSLATE_NOOP("RectifyView", "指标"),
         QT_TRANSLATE_NOOP("RectifyView", "学校"), QT_TRANSLATE_NOOP("RectifyView", "存在问题"),
         QT_TRANSLATE_NOOP("RectifyView", "责任单位"), QT_TRANSLATE_NOOP("RectifyView", "责任人"),
         QT_TRANSLATE_NOOP("RectifyView", "整改时限"), QT_TRANSLATE_NOOP("RectifyView", "状态"),
         QT_TRANSLATE_NOOP("RectifyView", "逾期"), QT_TRANSLATE_NOOP("RectifyView", "报告整改日期"),
         QT_TRANSLATE_NOOP("RectifyView", "复查通过日期"), QT_TRANSLATE_NOOP("RectifyView", "整改情况"),
         QT_TRANSLATE_NOOP("RectifyView", "佐证"))
TEXT_COLUMN = 5  # 存在问题
OVERDUE_FG = QColor("#b00020")
PASSED_FG = QColor("#2e7d32")


class RectifyView(QDialog):
    def __init__(self, store, plan, parent: QWidget | None = None, *, as_of: str | None = None, actor=None):
        super().__init__(parent)
        self.store, self.plan = store, plan
        self.as_of = as_of or _dt.date.today().isoformat()
        self.setWindowTitle(translate("RectifyView", "整改台账 · {0}").format(plan.title))
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(min(1280, screen.width() - 40), min(720, screen.height() - 60))
        self.rows_all = ledger(store, plan, self.as_of)
        outer = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.group = self._combo(filters, translate("RectifyView", "集团(&G)："), sorted({r["group_name"] for r in self.rows_all}))
        self.area = self._combo(filters, translate("RectifyView", "类别(&A)："), sorted({r["area"] for r in self.rows_all}))
        self.status = self._combo(filters, translate("RectifyView", "状态(&S)："), list(R.STATUSES))
        filters.addStretch(1)
        outer.addLayout(filters)
        label = QLabel(translate("RectifyView", "事项(&L)："))
        outer.addWidget(label)
        self.table = QTableWidget(0, len(COLUMNS))
        assert len(HEADS) == len(COLUMNS)
        self.table.setHorizontalHeaderLabels([translate("RectifyView", h) for h in HEADS])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        label.setBuddy(self.table)
        outer.addWidget(self.table, 1)
        self.summary = QLabel()
        outer.addWidget(self.summary)
        from inspector_app.ui.rectify_record import RectifyRecord
        self.record = RectifyRecord(store, actor)  # actor None: the ledger is read here, not written
        self.record.recorded.connect(self.reload)
        outer.addWidget(self.record)
        self.table.currentCellChanged.connect(lambda row, *_: self._show(row))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(translate("RectifyView", "关闭"))
        close.rejected.connect(self.reject)
        outer.addWidget(close)
        for combo in (self.group, self.area, self.status):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh()
        self.table.setFocus()

    def _combo(self, layout: QHBoxLayout, text: str, values: list[str]) -> QComboBox:
        label = QLabel(text)
        combo = QComboBox()
        combo.addItem(translate("RectifyView", "全部"), None)
        for value in values:
            combo.addItem(core_text(value), value)  # statuses in the window's language, kept as stored
        label.setBuddy(combo)
        layout.addWidget(label)
        layout.addWidget(combo)
        return combo

    def shown(self) -> list[dict]:
        """The rows the filters let through, in the ledger's order (overdue first)."""
        group, area, status = (c.currentData() for c in (self.group, self.area, self.status))
        return [r for r in self.rows_all if (group is None or r["group_name"] == group)
                and (area is None or r["area"] == area) and (status is None or r["status"] == status)]

    def _show(self, row: int) -> None:
        rows = self.shown()
        self.record.show_item(R.get_item(self.store, rows[row]["id"]) if 0 <= row < len(rows) else None)

    def reload(self, uid: str = "") -> None:
        """The rows again after a change, the changed item still selected."""
        self.rows_all = ledger(self.store, self.plan, self.as_of)
        self.refresh(uid)

    def refresh(self, uid: str = "") -> None:
        rows = self.shown()
        self.table.setRowCount(len(rows))
        for n, row in enumerate(rows):
            for col, value in enumerate(as_cells(row)):
                item = QTableWidgetItem("" if value is None else core_text(str(value)))
                if row["overdue"]:
                    item.setForeground(QBrush(OVERDUE_FG))
                elif row["status"] == R.PASSED:
                    item.setForeground(QBrush(PASSED_FG))
                if col == 5 and row["response"]:
                    item.setToolTip(row["response"])
                self.table.setItem(n, col, item)
        self.table.resizeColumnsToContents()
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(TEXT_COLUMN, QHeaderView.ResizeMode.Stretch)
        overdue = sum(r["overdue"] for r in rows)
        self.summary.setText(translate("RectifyView", "共 {0} 项，逾期 {1} 项（按 {2} 计）").format(len(rows), overdue, self.as_of))
        ids = [r["id"] for r in rows]
        if rows:
            self.table.setCurrentCell(ids.index(uid) if uid in ids else 0, 0)
        self._show(self.table.currentRow() if rows else -1)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape:
            self.reject()
            return
        super().keyPressEvent(event)
