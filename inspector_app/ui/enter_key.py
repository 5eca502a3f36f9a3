"""Enter presses the button that has the keyboard, in the main window as in a dialog: outside dialogs Qt
leaves that to Space, and a new user presses Enter on 添加照片… and waits. A button does not take Enter
there, so the key reaches the window, which presses it."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QRadioButton, QWidget


def press_focused_button(window: QWidget, event: QKeyEvent) -> bool:
    """From the window's keyPressEvent: True when Enter pressed the focused button of that window."""
    if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter) or \
            event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
        return False
    button = QApplication.focusWidget()
    if not isinstance(button, QAbstractButton) or isinstance(button, (QCheckBox, QRadioButton)):
        return False  # a box is ticked with Space; Enter on it stays as it was
    if button.window() is not window or not button.isEnabled():
        return False
    button.animateClick()
    return True
