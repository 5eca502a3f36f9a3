"""How an award/project count is entered on the indicator page (004 C15–C19, C21–C23): 逐项登记 (the group's
register below the score) or 直接填写个数 (直接选择级别 for a highest-level rule), one of them at a time.

Only the chosen way can be edited; the line under the choice says in plain words which one the score comes
from and what of the other is kept (nothing typed is lost by switching). The choice itself is the core's
(`Workspace.count_way` / `choose_count_way`, inspector_app/workspace_register.py).
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QPushButton, QRadioButton, QVBoxLayout, QWidget

from inspector_app.ui.i18n import translate
from inspector_app.workspace_register import BY_HAND, BY_REGISTER


class CountWay(QWidget):
    chosen = Signal(str)  # BY_REGISTER or BY_HAND, chosen by the user
    use_register = Signal()  # 按登记表计分: the register has items the entry does not use yet

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        row = QHBoxLayout()
        self.title = QLabel(translate("CountWay", "计分方式："))
        self.title.setStyleSheet("font-weight: bold;")
        row.addWidget(self.title)
        self.by_register = QRadioButton(translate("CountWay", "逐项登记(&S)"))
        self.by_register.setToolTip(translate("CountWay", "在下方登记表中每项登记一行，同一项目只按最高级别算一次"))
        self.by_hand = QRadioButton()
        self.buttons = QButtonGroup(self)
        self.buttons.addButton(self.by_register)
        self.buttons.addButton(self.by_hand)
        row.addWidget(self.by_register)
        row.addWidget(self.by_hand)
        row.addStretch(1)
        layout.addLayout(row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #1d4f91;")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        self.use_button = QPushButton(translate("CountWay", "按登记表计分"))
        self.use_button.hide()
        use_row = QHBoxLayout()
        use_row.addWidget(self.use_button)
        use_row.addStretch(1)
        layout.addLayout(use_row)
        self.by_register.clicked.connect(lambda: self._clicked(BY_REGISTER))
        self.by_hand.clicked.connect(lambda: self._clicked(BY_HAND))
        self.use_button.clicked.connect(self.use_register)
        self.way = ""

    def _clicked(self, way: str) -> None:
        if way != self.way:
            self.chosen.emit(way)

    def show_way(self, way: str, *, highest: bool, items: int, typed: bool, scoring: bool, enabled: bool) -> None:
        """`items`: the register's items; `typed`: typed figures are held; `scoring`: the register is in the
        entry (it scores it); `enabled`: the expert may score here."""
        self.way = way
        self.by_hand.setText(translate("CountWay", "直接选择级别(&C)") if highest
                             else translate("CountWay", "直接填写个数(&C)"))
        self.by_hand.setToolTip(translate("CountWay", "不登记各项，直接选择达到的最高级别") if highest
                                else translate("CountWay", "不登记各项，直接填写各级别的项数"))
        (self.by_register if way == BY_REGISTER else self.by_hand).setChecked(True)
        for button in (self.by_register, self.by_hand):
            button.setEnabled(enabled)
        self.status.setText(self.words(way, highest=highest, items=items, typed=typed, scoring=scoring))
        self.use_button.setVisible(enabled and way == BY_REGISTER and items > 0 and not scoring)

    @staticmethod
    def words(way: str, *, highest: bool, items: int, typed: bool, scoring: bool) -> str:
        if way == BY_REGISTER:
            text = translate("CountWay", "得分按下方登记表算出：每项获奖或项目登记一行。")
            if not scoring and items:
                text += translate("CountWay", "登记表中已有 {0} 项，还没有计入得分：请按“按登记表计分”。").format(items)
            elif not scoring:
                text += translate("CountWay", "登记第一项后即计分。")
            if typed:
                text += (translate("CountWay", "先前直接选择的级别仍保留（灰色，不计分），改选“直接选择级别”即按它计分。")
                         if highest else
                         translate("CountWay", "先前直接填写的个数仍保留（灰色，不计分），改选“直接填写个数”即按它们计分。"))
            return text
        text = (translate("CountWay", "得分按下面直接选择的最高级别算出。") if highest
                else translate("CountWay", "得分按下面直接填写的个数算出。"))
        if items:
            text += translate("CountWay", "登记表中的 {0} 项仍保留（灰色，不计分），改选“逐项登记”即按登记表计分。").format(items)
        return text

    def focus_chain(self) -> list[QWidget]:
        return [self.by_register, self.by_hand, self.use_button]
