"""The 帮助 menu: the manual (a PDF shipped with the program) and the About box."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

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
        self.about_action = window.add_action(menu, translate("HelpMenu", "关于 Inspector 督导考核(&A)…"), self.show_about)
        self.opened: QUrl | None = None  # what was last handed to the desktop (read by tests)

    def open_manual(self, parent: QWidget | None = None) -> bool:
        """`parent`: the window asking (the F1 panel), so the keyboard goes back to it after a message."""
        parent = parent if isinstance(parent, QWidget) else self.window  # a menu action passes `checked`
        path = manual_path()
        if path is None:
            QMessageBox.warning(parent, translate("HelpMenu", "使用手册"),
                                translate("HelpMenu", "没有找到使用手册（{0}）。").format(MANUAL_NAME))
            return False
        self.opened = QUrl.fromLocalFile(str(path))
        if not QDesktopServices.openUrl(self.opened):
            self._say_where(parent, path)
        return True

    def _say_where(self, parent: QWidget, path: Path) -> None:
        """No program opened the PDF: where it is, in words, and a way to get at it (the path, its folder)."""
        box = QMessageBox(QMessageBox.Icon.Information, translate("HelpMenu", "使用手册"),
                          translate("HelpMenu", "这台电脑上没有能打开 PDF 文件的程序，使用手册没有打开。"), parent=parent)
        box.setInformativeText(translate("HelpMenu", "使用手册是文件夹“{0}”里的文件“{1}”。可以复制它的位置，"
                                                     "或打开这个文件夹，把手册拷到有 PDF 阅读器的电脑上阅读。")
                               .format(path.parent, path.name))
        copy = box.addButton(translate("HelpMenu", "复制位置(&C)"), QMessageBox.ButtonRole.ActionRole)
        folder = box.addButton(translate("HelpMenu", "打开所在文件夹(&F)"), QMessageBox.ButtonRole.ActionRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Close))  # Enter and Escape just close it
        box.exec()
        if box.clickedButton() is copy:
            QApplication.clipboard().setText(str(path))
        elif box.clickedButton() is folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

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
