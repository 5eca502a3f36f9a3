"""What every indicator takes besides its rule's inputs: the panel's reasoned override of the computed points,
and 不适用 with a reason.

An override is the points the panel gives (within 0 and the indicator's points) and a written reason, both
required: the reason is drafted first, then the points, so the core never sees points without a reason; points
typed with no reason yet are held here with the reason's box saying so, and saved as soon as a reason is
written. The rule's own figure stays on view beside the override. Clearing the points (or 撤销改定) removes
the override and its reason together; the history keeps both. 不适用 is ticked and its reason written; the
indicator is neither scored nor missing while it stands. Changes go out as `changed(key, value)`, exactly as
the rule's fields do, and the page drafts and saves them the same way.
"""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QPushButton, QVBoxLayout, QWidget)

from inspector_app.numbers import NumberError, fmt_points, parse_decimal
from inspector_app.rubric.rules import NOT_APPLICABLE, OVERRIDE, OVERRIDE_REASON
from inspector_app.ui.core_words import core_text
from inspector_app.ui.i18n import translate
from inspector_app.ui.inputs import error_label, plain_error


class ReasonEdit(QPlainTextEdit):
    """A multi-line reason: Tab moves on (Ctrl+Enter is not needed), leaving it saves."""
    focus_out = Signal()

    def __init__(self, placeholder: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(60)
        self.setPlaceholderText(placeholder)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        self.focus_out.emit()


def _reason_box(placeholder: str, name: str) -> tuple[ReasonEdit, QLabel, QVBoxLayout]:
    """A reason to write, with the line that says what is missing under it."""
    edit, error = ReasonEdit(placeholder), error_label()
    edit.setAccessibleName(name)
    column = QVBoxLayout()
    column.setSpacing(2)
    column.addWidget(edit)
    column.addWidget(error)
    return edit, error, column


class PanelAnswer(QGroupBox):
    changed = Signal(str, object)  # OVERRIDE, OVERRIDE_REASON or NOT_APPLICABLE; None removes it
    left = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(translate("PanelAnswer", "考核组改定得分，或本项不适用"), parent)
        self._loading = False
        self._maximum = Decimal(0)
        self._has_override = self._has_na = False  # what the entry holds (drafts included)
        layout = QVBoxLayout(self)
        self.side_by_side = QLabel()
        self.side_by_side.setWordWrap(True)
        self.side_by_side.setStyleSheet("color: #1d4f91;")
        layout.addWidget(self.side_by_side)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.points = QLineEdit()
        self.points.setMaximumWidth(120)
        self.points.setAccessibleName(translate("PanelAnswer", "改定得分"))
        self.clear_button = QPushButton(translate("PanelAnswer", "撤销改定"))
        self.clear_button.setToolTip(translate("PanelAnswer", "回到按计分办法得出的分数（改定得分和理由一并删除，历史记录保留）"))
        row = QHBoxLayout()
        row.addWidget(self.points)
        self.range_hint = QLabel()
        self.range_hint.setStyleSheet("color: #666;")
        row.addWidget(self.range_hint)
        row.addStretch(1)
        row.addWidget(self.clear_button)
        points_label = QLabel(translate("PanelAnswer", "改定得分(&O)："))
        points_label.setBuddy(self.points)
        form.addRow(points_label, row)
        self.reason, self.reason_error, reason_box = _reason_box(
            translate("PanelAnswer", "为什么不按计分办法给分（必填），如：按评分标准原文，缺一项扣0.5分适用于全部5分"),
            translate("PanelAnswer", "改定理由"))
        reason_label = QLabel(translate("PanelAnswer", "改定理由(&E)："))
        reason_label.setBuddy(self.reason)
        form.addRow(reason_label, reason_box)
        self.not_applicable = QCheckBox(translate("PanelAnswer", "本项不适用(&N)"))
        self.na_reason, self.na_error, na_box = _reason_box(
            translate("PanelAnswer", "不适用的理由（必填），如：本集团没有农村学校"), translate("PanelAnswer", "不适用的理由"))
        form.addRow(self.not_applicable, na_box)
        layout.addLayout(form)

        self.points.textEdited.connect(self._override_edited)
        self.points.editingFinished.connect(self.left)
        self.reason.textChanged.connect(self._override_edited)
        self.reason.focus_out.connect(self.left)
        self.clear_button.clicked.connect(self.clear_override)
        self.not_applicable.toggled.connect(self._na_edited)
        self.na_reason.textChanged.connect(self._na_edited)
        self.na_reason.focus_out.connect(self.left)

    # ---------------------------------------------------------------- showing
    def show_values(self, values: dict, maximum: Decimal, enabled: bool) -> None:
        self._loading = True
        self._maximum = maximum
        override = values.get(OVERRIDE)
        self.points.setText("" if override is None else fmt_points(Decimal(str(override))))
        self.points.setPlaceholderText(f"0–{fmt_points(maximum)}")
        self.range_hint.setText(translate("PanelAnswer", "0 至 {0} 分；空着即按计分办法").format(fmt_points(maximum)))
        self.reason.setPlainText(str(values.get(OVERRIDE_REASON) or ""))
        na = str(values.get(NOT_APPLICABLE) or "")
        self._has_override = override is not None or bool(values.get(OVERRIDE_REASON))
        self._has_na = bool(na)
        self.not_applicable.setChecked(bool(na))
        self.na_reason.setPlainText(na)
        self.na_reason.setEnabled(enabled and bool(na))
        for widget in (self.points, self.reason, self.clear_button, self.not_applicable):
            widget.setEnabled(enabled)
        self.clear_button.setEnabled(enabled and override is not None)
        self.reason_error.hide()
        self.na_error.hide()
        self._loading = False

    def show_points(self, computed: Decimal | None, final: Decimal | None, overridden: bool,
                    applicable: bool = True) -> None:
        """The rule's figure and the override side by side."""
        rule = "—" if computed is None else fmt_points(computed)
        if not applicable:
            text = translate("PanelAnswer", "本项不适用：不计分，也不计入应评项数")
        elif overridden:
            text = translate("PanelAnswer", "按计分办法：{0} 分　→　考核组改定：{1} 分").format(
                rule, "—" if final is None else fmt_points(final))
        else:
            text = translate("PanelAnswer", "按计分办法：{0} 分（未改定）").format(rule)
        self.side_by_side.setText(text)
        self.clear_button.setEnabled(self.points.isEnabled() and overridden)

    def show_error(self, key: str, message: str) -> bool:
        labels = {OVERRIDE: self.reason_error, OVERRIDE_REASON: self.reason_error, NOT_APPLICABLE: self.na_error}
        if key not in labels:
            return False
        labels[key].setText(core_text(plain_error(message)))
        labels[key].show()
        return True

    def clear_errors(self) -> None:
        self.reason_error.hide()
        self.na_error.hide()

    def focus_chain(self) -> list[QWidget]:
        return [self.points, self.clear_button, self.reason, self.not_applicable, self.na_reason]

    # ---------------------------------------------------------------- editing
    def _override_edited(self) -> None:
        if self._loading:
            return
        points = self.points.text().strip()
        reason = self.reason.toPlainText().strip()
        if points:
            try:  # a letter is not a score: said first, in the core's words, before the reason is asked for
                parse_decimal(points, what=translate("PanelAnswer", "改定得分"))
            except NumberError as exc:
                self.reason_error.setText(core_text(str(exc)))
                self.reason_error.show()
                return
        if points and not reason:
            self.reason_error.setText(translate("PanelAnswer", "改定得分须写明理由：写下理由后才保存"))
            self.reason_error.show()
            return
        self.reason_error.hide()
        if points:
            self._has_override = True
            self.changed.emit(OVERRIDE_REASON, reason)
            self.changed.emit(OVERRIDE, points)
        elif self._has_override:  # no override: its reason goes with it (it would otherwise read as one)
            self._has_override = False
            self.changed.emit(OVERRIDE, None)
            self.changed.emit(OVERRIDE_REASON, None)

    def clear_override(self) -> None:
        self._loading = True
        self.points.clear()
        self.reason.clear()
        self._loading = False
        self.reason_error.hide()
        if self._has_override:
            self._has_override = False
            self.changed.emit(OVERRIDE, None)
            self.changed.emit(OVERRIDE_REASON, None)
            self.left.emit()

    def _na_edited(self) -> None:
        if self._loading:
            return
        ticked = self.not_applicable.isChecked()
        self.na_reason.setEnabled(ticked)
        reason = self.na_reason.toPlainText().strip()
        if ticked and not reason:
            self.na_error.setText(translate("PanelAnswer", "请写明本项不适用的理由：写下理由后才保存"))
            self.na_error.show()
            self.na_reason.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.na_error.hide()
        if ticked or self._has_na:
            self._has_na = ticked
            self.changed.emit(NOT_APPLICABLE, reason if ticked else None)
            if not ticked:
                self.left.emit()
