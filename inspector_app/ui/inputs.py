"""Input widgets built generically from a rule's fields (bool, count, number, choice, text).

Fields of a `parts` rule (keys `part.field`, labels `部分：…`) are grouped under
their part's title. Every change is reported as `changed(key, value)`; the
page drafts it at once and saves after a pause. Errors from the core are shown
in red under the field they name.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QPlainTextEdit,
                               QSpinBox, QVBoxLayout, QWidget)

from inspector_app.numbers import fmt_points
from inspector_app.rubric.rules import Field
from inspector_app.ui.i18n import translate

NO_CHOICE = "—"
ERROR_STYLE = "color: #b00020;"


class FieldInputs(QWidget):
    changed = Signal(str, object)  # field key, value (None clears)
    left = Signal()  # focus left an input: save now

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._fields: dict[str, Field] = {}
        self._loading = False

    # ---------------------------------------------------------------- building
    def build(self, fields: list[Field], values: dict[str, Any], enabled: bool = True) -> None:
        self._loading = True
        while self._layout.count():
            item = self._layout.takeAt(0)
            old = item.widget()
            if old is not None:
                old.hide()  # out of the focus chain now, not when the event loop next runs
                old.setParent(None)
                old.deleteLater()
        self.editors.clear()
        self.errors.clear()
        self._fields = {f.key: f for f in fields}
        box, form, current_part = None, None, None
        for f in fields:
            part, _, _ = f.key.rpartition(".")
            if form is None or part != current_part:
                current_part = part
                title = f.label.split("：", 1)[0] if part and "：" in f.label else ""
                box = QGroupBox(title) if title else QWidget()
                form = QFormLayout(box)
                form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
                form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
                if not title:
                    form.setContentsMargins(0, 0, 0, 0)
                self._layout.addWidget(box)
            label = f.label.split("：", 1)[1] if part and "：" in f.label else f.label
            editor = self._editor(f, values.get(f.key), label)
            editor.setEnabled(enabled)
            error = QLabel()
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(editor)
            hint = self._hint(f)
            if hint:
                hint_label = QLabel(hint)
                hint_label.setStyleSheet("color: #666;")
                hint_label.setWordWrap(True)
                column.addWidget(hint_label)
            column.addWidget(error)
            if f.kind == "bool":
                form.addRow(holder)
            else:
                caption = QLabel(label)
                caption.setWordWrap(True)
                caption.setBuddy(editor)
                form.addRow(caption, holder)
            self.editors[f.key] = editor
            self.errors[f.key] = error
        self._layout.addStretch(0)
        for index in range(self._layout.count()):
            widget = self._layout.itemAt(index).widget()
            if widget is not None:
                widget.show()  # now, not when the layout's queued show runs: focus can move at once
        chain = list(self.editors.values())
        for before, after in zip(chain, chain[1:]):
            QWidget.setTabOrder(before, after)
        self._loading = False

    def _hint(self, f: Field) -> str:
        if f.kind == "count" and f.points is not None:
            return translate("FieldInputs", "每项 × {0} 分").format(fmt_points(f.points))
        if f.kind == "number":
            low = fmt_points(f.minimum) if f.minimum is not None else ""
            high = fmt_points(f.maximum) if f.maximum is not None else ""
            if low or high:
                return translate("FieldInputs", "填写 {0}–{1}{2}").format(low or "0", high or "…", f.unit)
        return ""

    def _editor(self, f: Field, value: Any, label: str) -> QWidget:
        key = f.key
        if f.kind == "bool":
            text = label + (translate("FieldInputs", "（{0} 分）").format(fmt_points(f.points)) if f.points else "")
            box = QCheckBox(text)
            box.setChecked(bool(value))
            box.toggled.connect(lambda on, k=key: self._emit(k, on))
            return box
        if f.kind == "count":
            spin = QSpinBox()
            spin.setRange(int(f.minimum or 0), int(f.maximum) if f.maximum is not None else 999)
            spin.setValue(int(value or 0))
            spin.setMaximumWidth(120)
            spin.setAccelerated(True)
            spin.valueChanged.connect(lambda n, k=key: self._emit(k, n))
            spin.editingFinished.connect(self.left)
            return spin
        if f.kind == "choice":
            combo = QComboBox()
            combo.addItem(NO_CHOICE, None)
            for choice in f.choices:
                combo.addItem(choice, choice)
            combo.setCurrentIndex(max(0, combo.findData(value)) if value is not None else 0)
            combo.currentIndexChanged.connect(lambda _i, k=key, c=combo: self._emit(k, c.currentData()))
            return combo
        if f.kind == "text":
            edit = _TextEdit()
            edit.setPlainText("" if value is None else str(value))
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(64)
            edit.textChanged.connect(lambda k=key, e=edit: self._emit(k, e.toPlainText()))
            edit.focus_out.connect(self.left)
            return edit
        edit = QLineEdit("" if value is None else fmt_points(value) if not isinstance(value, str) else value)
        edit.setMaximumWidth(160)
        edit.setPlaceholderText(f.unit)
        edit.textEdited.connect(lambda text, k=key: self._emit(k, text if text.strip() else None))
        edit.editingFinished.connect(self.left)
        return edit

    # ---------------------------------------------------------------- state
    def _emit(self, key: str, value: Any) -> None:
        if not self._loading:
            self.changed.emit(key, value)

    def show_error(self, key: str, message: str) -> None:
        for k, label in self.errors.items():
            label.setVisible(bool(message) and k == key)
            if k == key:
                label.setText(message)
        if message and key not in self.errors and self.errors:
            first = next(iter(self.errors.values()))
            first.setText(message)
            first.show()

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.hide()

    def first_editor(self) -> QWidget | None:
        return next((e for e in self.editors.values() if e.isEnabled()), None)


class _TextEdit(QPlainTextEdit):
    focus_out = Signal()

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        self.focus_out.emit()


