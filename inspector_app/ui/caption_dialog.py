"""The photo caption editor: several lines, sized for a sentence or two of Chinese, saved with Ctrl+Enter."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from inspector_app.store.photo_records import MAX_CAPTION
from inspector_app.ui.i18n import translate


class _CaptionEdit(QPlainTextEdit):
    """Enter starts a new line; Ctrl+Enter saves (handled here, so it works whichever window is active)."""
    submitted = Signal()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.submitted.emit()
            return
        super().keyPressEvent(event)


class CaptionDialog(QDialog):
    def __init__(self, caption: str, label: str, chosen: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("CaptionDialog", "照片说明 — {0}").format(label))
        layout = QVBoxLayout(self)
        where = (translate("CaptionDialog", "这张照片已选入报告：说明会印在反馈报告的照片下方。") if chosen
                 else translate("CaptionDialog", "这张照片未选入报告：说明只留在评分记录中。"))
        hint = QLabel(translate("CaptionDialog", "照片说明（拍的是什么、说明了什么问题）：") + "\n" + where)
        hint.setWordWrap(True)
        self.edit = _CaptionEdit(caption)
        self.edit.submitted.connect(self.accept)
        self.edit.setTabChangesFocus(True)  # Tab goes on to the buttons; Enter starts a new line
        self.edit.setPlaceholderText(translate("CaptionDialog", "例如：三楼消防通道堆放杂物，未及时清理。"))
        hint.setBuddy(self.edit)
        self.count = QLabel()
        self.count.setStyleSheet("color: #555;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(translate("CaptionDialog", "保存（Ctrl+Enter）"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("CaptionDialog", "取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):  # from the buttons too
            QShortcut(QKeySequence(keys), self, self.accept)
        layout.addWidget(hint)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count)
        layout.addWidget(buttons)
        self.edit.textChanged.connect(self._counted)
        self._counted()
        self.setMinimumSize(480, 260)
        self.resize(620, 340)
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.edit.moveCursor(self.edit.textCursor().MoveOperation.End)

    def text(self) -> str:
        return self.edit.toPlainText()

    def _counted(self) -> None:
        n = len(self.edit.toPlainText().strip())
        self.count.setText(translate("CaptionDialog", "{0} / {1} 字").format(n, MAX_CAPTION))
        self.save_button.setEnabled(n <= MAX_CAPTION)
