"""F1: every shortcut of the window in one panel, read from the actions themselves (so it cannot drift),
with the keys that work inside the indicator page."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHeaderView, QLabel, QPushButton, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from inspector_app.ui.i18n import translate

PAGE_KEYS = (  # (keys, what they do): handled by the widgets, not by menu actions
    ("Tab / Shift+Tab", QT_TRANSLATE_NOOP("ShortcutsHelp", "下一个 / 上一个输入框，按页面从上到下的顺序")),
    ("Y / N / A", QT_TRANSLATE_NOOP("ShortcutsHelp", "是否题：是 / 否 / 不适用；Delete 清除回“—”")),
    (QT_TRANSLATE_NOOP("ShortcutsHelp", "数字"),
     QT_TRANSLATE_NOOP("ShortcutsHelp", "计数题：直接输入个数，0 表示无缺项（获奖等计数：0 表示没有）")),
    (QT_TRANSLATE_NOOP("ShortcutsHelp", "空格"), QT_TRANSLATE_NOOP("ShortcutsHelp", "勾选 / 取消勾选；按下按钮")),
    ("Enter", QT_TRANSLATE_NOOP("ShortcutsHelp", "在照片或材料列表中：打开原件")),
    ("Delete", QT_TRANSLATE_NOOP("ShortcutsHelp", "在照片或材料列表中：移除（可撤销）")),
    ("Alt+Z / Alt+X / Alt+W", QT_TRANSLATE_NOOP("ShortcutsHelp", "跳到本项的备注 / 照片 / 佐证文件")),
    ("Alt+F / Alt+Q", QT_TRANSLATE_NOOP("ShortcutsHelp", "一票否决（右侧得分栏）：认定否决 / 认定取消资格，再写事实和理由")),
    ("Alt+" + QT_TRANSLATE_NOOP("ShortcutsHelp", "带下划线的字母"),
     QT_TRANSLATE_NOOP("ShortcutsHelp", "打开菜单，或跳到标签旁的输入框")),
)


def shortcut_rows(window) -> list[tuple[str, str, str]]:
    """(menu, action, keys) for every action of the menu bar that has a shortcut."""
    rows = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is None:
            continue
        for action in menu.actions():
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
            if keys:
                rows.append((menu.title().replace("&", ""), action.text().replace("&", "").rstrip("…"),
                             translate("ShortcutsHelp", " 或 ").join(keys)))
    return rows


class ShortcutsHelp(QDialog):
    def __init__(self, window, open_manual=None, parent: QWidget | None = None):
        super().__init__(parent or window)
        self.setWindowTitle(translate("ShortcutsHelp", "快捷键一览"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        intro = QLabel(translate("ShortcutsHelp", "整个程序都可以只用键盘操作。菜单里的每一项也都写着它的快捷键。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([translate("ShortcutsHelp", "按键"), translate("ShortcutsHelp", "作用")])
        self.tree.setRootIsDecorated(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        groups: dict[str, QTreeWidgetItem] = {}
        for menu, action, keys in shortcut_rows(window):
            top = groups.get(menu)
            if top is None:
                top = groups[menu] = QTreeWidgetItem([menu, ""])
                self.tree.addTopLevelItem(top)
            top.addChild(QTreeWidgetItem([keys, action]))
        page = QTreeWidgetItem([translate("ShortcutsHelp", "评分页"), ""])
        self.tree.addTopLevelItem(page)
        for keys, what in PAGE_KEYS:
            shown = keys if keys.isascii() else translate("ShortcutsHelp", keys)
            if keys.startswith("Alt+") and not keys.isascii():
                shown = "Alt+" + translate("ShortcutsHelp", keys[4:])
            page.addChild(QTreeWidgetItem([shown, translate("ShortcutsHelp", what)]))
        self.tree.expandAll()
        layout.addWidget(self.tree, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        if open_manual is not None:
            manual = QPushButton(translate("ShortcutsHelp", "打开使用手册(&M)"))
            buttons.addButton(manual, QDialogButtonBox.ButtonRole.HelpRole)
            manual.clicked.connect(lambda: open_manual(self))  # its message is the panel's: focus comes back here
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.resize(640, 600)
        self.tree.setFocus()

    def texts(self) -> list[str]:
        out = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            out += [f"{top.child(j).text(0)}\t{top.child(j).text(1)}" for j in range(top.childCount())]
        return out
