"""The 帮助 menu: the manual (a PDF shipped with the program) and the About box."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from inspector_app import paths
from inspector_app.ui.i18n import translate

MANUAL_NAME = "inspector-manual.pdf"


def manual_path() -> Path | None:
    """The manual PDF: beside the bundled resources in a built program, in docs/manual/ in a checkout."""
    for candidate in (paths.resource_path("manual", MANUAL_NAME), paths.project_root() / "docs" / "manual" / MANUAL_NAME):
        if candidate.is_file():
            return candidate
    return None


class HelpMenu(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        menu = window.menuBar().addMenu(translate("HelpMenu", "帮助(&H)"))
        self.manual_action = window.add_action(menu, translate("HelpMenu", "使用手册(&M)"), self.open_manual, ["Shift+F1"])
        self.keys_action = window.add_action(menu, translate("HelpMenu", "快捷键一览(&K)…"), self.show_keys, ["F1"])
        menu.addSeparator()
        self.about_action = window.add_action(menu, translate("HelpMenu", "关于 Inspector(&A)…"), self.show_about)
        self.opened: QUrl | None = None  # what was last handed to the desktop (read by tests)

    def open_manual(self) -> bool:
        path = manual_path()
        if path is None:
            QMessageBox.warning(self.window, translate("HelpMenu", "使用手册"),
                                translate("HelpMenu", "没有找到使用手册（{0}）。").format(MANUAL_NAME))
            return False
        self.opened = QUrl.fromLocalFile(str(path))
        if not QDesktopServices.openUrl(self.opened):
            QMessageBox.information(self.window, translate("HelpMenu", "使用手册"),
                                    translate("HelpMenu", "请用 PDF 阅读器打开：{0}").format(path))
        return True

    def show_keys(self) -> None:
        from inspector_app.ui.shortcuts_help import ShortcutsHelp
        self.keys_panel = ShortcutsHelp(self.window, self.open_manual)
        self.keys_panel.show()
        # It takes the keyboard at once, so Escape closes it rather than reaching the window behind
        self.keys_panel.raise_()
        self.keys_panel.activateWindow()

    def show_about(self) -> None:
        from inspector_app.ui.about_dialog import AboutDialog
        AboutDialog(self.window).exec()
