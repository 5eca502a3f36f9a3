"""帮助 → 关于: the program's icon, version, build date, and the licences of what it ships with
(inspector_app/about.py collects them; nothing here is typed by hand)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPlainTextEdit, QSplitter,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from inspector_app import paths
from inspector_app.about import About, read_about
from inspector_app.ui.i18n import translate

def kind_label(kind: str) -> str:
    return {"font": translate("AboutDialog", "字体"), "runtime": translate("AboutDialog", "运行环境"),
            "library": translate("AboutDialog", "程序库")}.get(kind, kind)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, about: About | None = None):
        super().__init__(parent)
        self.about = about or read_about()
        self.setWindowTitle(translate("AboutDialog", "关于 Inspector 督导考核"))
        self.resize(760, 560)
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        picture = QLabel()
        picture.setPixmap(QPixmap(str(paths.resource_path("icons", "inspector-64.png"))))
        head.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        built = self.about.built or translate("AboutDialog", "从源代码运行（未打包）")
        self.summary = QLabel(translate("AboutDialog", "<b>Inspector 集团化办学督导考核</b><br>版本 {0}<br>构建时间：{1}<br>"
                                        "平台：{2}").format(self.about.version, built, self.about.platform))
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head.addWidget(self.summary, 1)
        layout.addLayout(head)
        layout.addWidget(QLabel(translate("AboutDialog", "本程序附带的字体和程序库及其许可证（点一行查看全文）：")))
        split = QSplitter(Qt.Orientation.Vertical)
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels([translate("AboutDialog", "名称"), translate("AboutDialog", "版本"),
                                    translate("AboutDialog", "许可证"), translate("AboutDialog", "类别")])
        for licence in self.about.licences:
            item = QTreeWidgetItem([licence.name, licence.version, licence.licence, kind_label(licence.kind)])
            item.setData(0, Qt.ItemDataRole.UserRole, "\n\n".join(licence.texts))
            self.table.addTopLevelItem(item)
        for column in range(3):
            self.table.resizeColumnToContents(column)
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 320))
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        split.addWidget(self.table)
        split.addWidget(self.text)
        layout.addWidget(split, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.currentItemChanged.connect(self._show_text)
        if self.table.topLevelItemCount():
            self.table.setCurrentItem(self.table.topLevelItem(0))

    def _show_text(self, item: QTreeWidgetItem | None, _previous=None) -> None:
        text = item.data(0, Qt.ItemDataRole.UserRole) if item else ""
        self.text.setPlainText(text or translate("AboutDialog", "（此程序库没有附带许可证全文，许可证见上表）"))
