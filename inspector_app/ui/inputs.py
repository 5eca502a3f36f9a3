"""Input widgets built generically from a rule's fields (bool, count, number, choice, text).

Every answer is explicit: a yes/no is 是, 否 or 不适用 (a combo starting at "—", unanswered); a count
starts at "—" and 0 is an answer, offered as 无缺项 for a count of what is missing and 无 for a count of
what was gained (awards); a measured figure is typed as written (85, 85%, 5/7,
3.5分) and sent as typed. Fields of a `parts` rule (keys `part.field`, labels `部分：…`) are grouped under
their part's title. Every change is reported as `changed(key, value)` (None: unanswered); the page drafts
it at once and saves after a pause. An error from the core is shown once, in red under the field it names,
and goes when the field is corrected.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (QAbstractButton, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QSizePolicy, QSpinBox, QToolButton, QVBoxLayout, QWidget)

from inspector_app.numbers import fmt_points
from inspector_app.rubric.rules import FORMS, YES_NO, Field
from inspector_app.ui.core_words import core_text
from inspector_app.ui.i18n import translate

NO_CHOICE = "—"
ERROR_STYLE = "color: #b00020;"
# A focused button's padding (top, side) and border: FOCUS_STYLE draws them, the 0 button is sized for them
FOCUS_PADDING_TOP, FOCUS_PADDING, FOCUS_BORDER = 3, 8, 2
# The focus look's colours: its border, a focused button's fill, a focused check's fill
FOCUS_COLOR, FOCUS_BUTTON_FILL, FOCUS_FILL = "#0b57d0", "#e8f0fe", "#d2e3fc"
# A focus ring anyone can see, on every kind of control (the platform's is a faint dotted line).
# The buttons' focus frame is drawn with the padding and border that a count's 0 button is sized for (above).
FOCUS_STYLE = f"""
QLineEdit:focus, QPlainTextEdit:focus, QSpinBox:focus, QComboBox:focus {{ border: 2px solid {FOCUS_COLOR}; border-radius: 2px; }}
QPushButton:focus, QToolButton:focus {{ border: {FOCUS_BORDER}px solid {FOCUS_COLOR}; border-radius: 3px;
    background: {FOCUS_BUTTON_FILL}; padding: {FOCUS_PADDING_TOP}px {FOCUS_PADDING}px; }}
QCheckBox:focus, QRadioButton:focus {{ background: {FOCUS_FILL}; border-radius: 2px; }}
QTreeView:focus, QListView:focus, QTableView:focus {{ border: 2px solid {FOCUS_COLOR}; }}
"""
def room_for_focus(button: QAbstractButton) -> None:
    """A button as large as its text with the focus frame's padding and border (FOCUS_STYLE): its size is
    taken unfocused, and focused its text was elided ("添加文件夹..", cut at the bottom). Never shrinks, so
    a button whose text changes (选入报告 / 已选入报告 ✓) keeps room for the longer one."""
    metrics = button.fontMetrics()
    width = metrics.horizontalAdvance(button.text().replace("&", "")) + 2 * (FOCUS_PADDING + FOCUS_BORDER) + 8
    height = metrics.height() + 2 * (FOCUS_PADDING_TOP + FOCUS_BORDER)
    least = button.minimumSize()
    if width > least.width() or height > least.height():
        button.setMinimumSize(max(width, least.width()), max(height, least.height()))


UNANSWERED = -1  # a count's spin box at its minimum shows "—": not answered yet
YES, NO, NOT_APPLICABLE = YES_NO  # the answers as the core takes them (data, shown translated)
YES_NO_KEYS = {Qt.Key.Key_Y: YES, Qt.Key.Key_N: NO, Qt.Key.Key_A: NOT_APPLICABLE}
ANSWER_TEXT = {YES: QT_TRANSLATE_NOOP("FieldInputs", "是"), NO: QT_TRANSLATE_NOOP("FieldInputs", "否"),
               NOT_APPLICABLE: QT_TRANSLATE_NOOP("FieldInputs", "不适用")}
FORM_TEXT = {"number": QT_TRANSLATE_NOOP("Forms", "数字，如 85"), "percent": QT_TRANSLATE_NOOP("Forms", "百分数，如 85%"),
             "ratio": QT_TRANSLATE_NOOP("Forms", "完成数/应完成数 或 得分/满分，如 5/7、8.5/10"),
             "points": QT_TRANSLATE_NOOP("Forms", "直接给分，如 3.5分"),
             "yesno": QT_TRANSLATE_NOOP("Forms", "是（按 100% 计）或 否（按 0 计）")}


def error_label() -> QLabel:
    """A hidden red line under a field or form, for what is refused."""
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def plain_error(message: str, label: str = "") -> str:
    """The core's message without the place and field it is already shown under, said once."""
    text = message
    while True:
        head, sep, rest = text.partition(": ")
        if not sep or len(head) > 40:
            break
        text = rest
    for prefix in {label, label.split("：", 1)[-1]} - {""}:
        while text.startswith(prefix + "：") or text.startswith(prefix + ":"):
            text = text[len(prefix) + 1:].lstrip()
    return text.strip()


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
            if isinstance(editor, CountBox):
                row = QHBoxLayout()
                row.setContentsMargins(0, 0, 0, 0)
                row.addWidget(editor)
                row.addWidget(editor.none_missing)
                row.addStretch(1)
                column.addLayout(row)
            else:
                column.addWidget(editor)
            hint = self._hint(f)
            if hint:
                hint_label = QLabel(hint)
                hint_label.setStyleSheet("color: #666;")
                # A count's hint wraps in the width there is (on one line it was clipped at 125%, at 无缺); the
                # short yes/no hint stays on one line (wrapped, its second line was cut short).
                hint_label.setWordWrap(f.kind == "count" or len(hint) > 24)
                column.addWidget(hint_label)
            column.addWidget(error)
            worth = translate("FieldInputs", "（{0} 分）").format(fmt_points(f.points)) if f.kind == "bool" and f.points else ""
            caption = QLabel(label + worth)
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
        chain = self.focus_chain()
        for before, after in zip(chain, chain[1:]):
            QWidget.setTabOrder(before, after)
        self._loading = False

    def focus_chain(self) -> list[QWidget]:
        """The inputs in reading order, a count's 无缺项 (or 无) right after its box."""
        chain: list[QWidget] = []
        for editor in self.editors.values():
            chain.append(editor)
            if isinstance(editor, CountBox):
                chain.append(editor.none_missing)
        return chain

    def _hint(self, f: Field) -> str:
        if f.kind == "bool":
            return translate("FieldInputs", "Y 是 · N 否 · A 不适用")
        if f.kind == "count":
            each = translate("FieldInputs", "每项 × {0} 分；").format(fmt_points(f.points)) if f.points else ""
            if f.gained:
                return each + translate("FieldInputs", "填写个数，0 即没有")
            return each + translate("FieldInputs", "填写个数，0 即无缺项")
        if f.kind == "choice":  # a list takes no typed score: say how it is chosen
            return translate("FieldInputs", "↑↓ 选择（Alt+↓ 展开列表）")
        if f.kind == "number" and f.forms:
            return translate("FieldInputs", "可填：") + "；".join(translate("Forms", FORM_TEXT[x]) if x in FORM_TEXT else FORMS[x]
                                                        for x in f.forms if x in FORMS)
        if f.kind == "number":
            low = fmt_points(f.minimum) if f.minimum is not None else ""
            high = fmt_points(f.maximum) if f.maximum is not None else ""
            if low or high:
                return translate("FieldInputs", "填写 {0}–{1}{2}").format(low or "0", high or "…", f.unit)
        return ""

    def _editor(self, f: Field, value: Any, label: str) -> QWidget:
        key = f.key
        if f.kind == "bool":
            combo = YesNoBox()
            combo.setAccessibleName(label)
            combo.set_answer(value)
            combo.currentIndexChanged.connect(lambda _i, k=key, c=combo: self._emit(k, c.currentData()))
            return combo
        if f.kind == "count":
            return self._count_editor(f, value, label)
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
        edit.setMaximumWidth(200)
        edit.setPlaceholderText(f.unit)
        edit.textEdited.connect(lambda text, k=key: self._emit(k, text.strip() if text.strip() else None))
        edit.editingFinished.connect(self.left)
        return edit

    def _count_editor(self, f: Field, value: Any, label: str) -> QWidget:
        spin = CountBox()
        spin.setAccessibleName(label)
        spin.setRange(UNANSWERED, int(f.maximum) if f.maximum is not None else 999)
        spin.setSpecialValueText(NO_CHOICE)
        spin.setValue(UNANSWERED if value is None else int(value))
        spin.setMaximumWidth(120)
        spin.setAccelerated(True)
        none_missing = QToolButton()
        if f.gained:  # a count of awards gained: 0 is "none", not "nothing missing"
            none_missing.setText(translate("FieldInputs", "无"))
            none_missing.setToolTip(translate("FieldInputs", "一项也没有：记为 0（空格键切换）"))
        else:
            none_missing.setText(translate("FieldInputs", "无缺项"))
            none_missing.setToolTip(translate("FieldInputs", "一项也不缺：记为 0（空格键切换）"))
        none_missing.setCheckable(True)
        none_missing.setChecked(value is not None and int(value) == 0)
        none_missing.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        room_for_focus(none_missing)
        none_missing.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        spin.valueChanged.connect(lambda n, k=f.key, b=none_missing: self._count_changed(k, n, b))
        spin.typed.connect(lambda v, k=f.key: self._emit(k, v))
        none_missing.clicked.connect(lambda on, s=spin: s.setValue(0 if on else UNANSWERED))
        spin.editingFinished.connect(self.left)
        spin.none_missing = none_missing
        return spin

    def _count_changed(self, key: str, n: int, button: QToolButton) -> None:
        button.setChecked(n == 0)
        self._emit(key, None if n == UNANSWERED else n)

    # ---------------------------------------------------------------- state
    def _emit(self, key: str, value: Any) -> None:
        if not self._loading:
            self.changed.emit(key, value)

    def show_error(self, key: str, message: str) -> bool:
        """Under the field named (True), else nowhere here (False: the page says it)."""
        for k, label in self.errors.items():
            label.setVisible(bool(message) and k == key)
            if k == key:
                label.setText(core_text(plain_error(message, self._fields[k].label)))
        return key in self.errors

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.hide()

    def first_editor(self) -> QWidget | None:
        return next((e for e in self.editors.values() if e.isEnabled()), None)


class YesNoBox(QComboBox):
    """— / 是 / 否 / 不适用, with Y, N and A as keys (a Chinese item cannot be typed), Delete for —."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.addItem(NO_CHOICE, None)
        for answer in YES_NO:
            self.addItem(translate("FieldInputs", ANSWER_TEXT[answer]), answer)
        self.setMinimumContentsLength(6)

    def set_answer(self, value: Any) -> None:
        if value is True:
            value = YES
        elif value is False:
            value = NO
        index = self.findData(value) if value is not None else 0
        self.setCurrentIndex(max(0, index))

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        answer = YES_NO_KEYS.get(event.key())
        if answer is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.setCurrentIndex(self.findData(answer))
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.setCurrentIndex(0)
            return
        super().keyPressEvent(event)


class CountBox(QSpinBox):
    """A count whose empty state is "—" (unanswered); typing replaces it, 0 included.

    What is typed is never silently changed: text the box cannot hold as a count (1.5, -2, 三) stays as
    typed, also when focus leaves, and is passed on as `typed` for the core to refuse in words; a spin
    box alone would drop the "." of 1.5 and take 15."""
    none_missing: QToolButton
    typed = Signal(object)  # typed text that is not a count in range (for the core to refuse), or the count it became

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.refused = ""  # the text shown that the box holds no value for
        # No arrow buttons: under the focus ring's style sheet Qt draws them as two flat bars. The count is
        # typed (or Up/Down), and 无缺项 stands beside the box.
        self.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
        # Room for four digits and a whole line of text inside the focus ring: sized by its content alone the
        # box was 35×19 at 125%, and on a real screen a saved 0 was drawn clipped away, an empty box.
        metrics = self.fontMetrics()
        self.setMinimumSize(metrics.horizontalAdvance("0000") + 2 * (FOCUS_BORDER + 6),
                            metrics.height() + 2 * (FOCUS_BORDER + FOCUS_PADDING_TOP))
        self.lineEdit().textEdited.connect(self._edited)
        self.valueChanged.connect(self._value_changed)

    def validate(self, text: str, pos: int):  # noqa: D102 - Qt's
        state, text, pos = super().validate(text, pos)
        if state == QValidator.State.Invalid:
            state = QValidator.State.Intermediate  # kept as typed; the core says what is wrong with it
        return state, text, pos

    def _value_changed(self, _n: int) -> None:
        self.refused = ""

    def _edited(self, text: str) -> None:
        stripped = text.strip()
        if super().validate(text, len(text))[0] == QValidator.State.Acceptable:
            if self.refused:  # corrected, perhaps to the value the box still held: no valueChanged then
                self.refused = ""
                value = self.valueFromText(text)
                self.typed.emit(None if value == UNANSWERED else value)
        elif stripped and stripped != self.specialValueText():
            self.refused = text
            self.typed.emit(stripped)

    def focusInEvent(self, event) -> None:  # noqa: N802
        super().focusInEvent(event)
        self.selectAll()

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt's name
        refused = self.refused
        super().focusOutEvent(event)  # would put back the text of the value it last held
        if refused and self.lineEdit().text() != refused:
            self.lineEdit().setText(refused)
            self.refused = refused


class _TextEdit(QPlainTextEdit):
    focus_out = Signal()

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        self.focus_out.emit()


