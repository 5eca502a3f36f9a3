"""A scroll area that keeps the widget with the keyboard in view, however it got there: Tab scrolls a
QScrollArea by itself, a mnemonic (Alt+M, Alt+F) or a click on a label does not."""
from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget


class FollowingScrollArea(QScrollArea):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        QApplication.instance().focusChanged.connect(self.follow)  # let go of when this area is deleted

    @Slot(QWidget, QWidget)
    def follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        inside = self.widget()
        if new is not None and inside is not None and inside.isAncestorOf(new):
            self.ensureWidgetVisible(new)
