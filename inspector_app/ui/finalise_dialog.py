"""定稿 in the 合议 view: the visit and 反馈会 dates, a reason when a finalised result changes, and what is
still missing when the group cannot be finalised yet (the same use case as `inspector panel finalise`)."""
from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit,
                               QVBoxLayout, QWidget)

from inspector_app.store import finalisation as F
from inspector_app.ui.core_words import core_text
from inspector_app.ui.i18n import translate


class FinaliseDialog(QDialog):
    def __init__(self, workspace, group, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace, self.group = workspace, group
        self.finalised: F.Finalised | None = None
        state = F.report_state(workspace.store, workspace.plan, workspace.rubric, group)
        self.setWindowTitle(translate("FinaliseDialog", "定稿：{0}").format(group.name))
        layout = QVBoxLayout(self)
        said = translate("FinaliseDialog", "定稿后，反馈报告、专家组数据包和教育局公布的都是这一版结果；"
                                           "之后的修改须写明理由，成为新的一版，原版本保留。")
        if state.finalised is not None:
            said = translate("FinaliseDialog", "已定稿第 {0} 版（{1}）。").format(state.version, core_text(state.label)) + said
        intro = QLabel(said)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        today = QDate.currentDate()
        self.visit, self.meeting = QDateEdit(today), QDateEdit(today)
        for edit, value in ((self.visit, state.visit_date), (self.meeting, state.meeting_date)):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
            if value:
                edit.setDate(QDate.fromString(value, "yyyy-MM-dd"))
        self.reason = QPlainTextEdit()
        self.reason.setFixedHeight(60)
        self.reason.setPlaceholderText(translate("FinaliseDialog", "定稿后再修改时必填"))
        form.addRow(translate("FinaliseDialog", "考核日期(&V)："), self.visit)
        form.addRow(translate("FinaliseDialog", "反馈会日期(&M)："), self.meeting)
        form.addRow(translate("FinaliseDialog", "修改理由(&R)："), self.reason)
        layout.addLayout(form)
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet("color: #b00020;")
        self.missing.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setMinimumWidth(520)
        layout.addWidget(self.missing)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton(translate("FinaliseDialog", "定稿(&F)"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.finalise)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def finalise(self) -> bool:
        ws = self.workspace
        try:
            self.finalised = F.finalise(ws.store, ws.plan, ws.rubric, self.group, ws.expert_id,
                                        self.visit.date().toString("yyyy-MM-dd"),
                                        self.meeting.date().toString("yyyy-MM-dd"), self.reason.toPlainText())
        except F.FinaliseError as exc:
            head = str(exc)
            if exc.visit:  # the core names the command line's remedy; the window names its own
                head = translate("FinaliseDialog", "集团 {0} 有 {1} 项整改事项的整改时限早于考核日期 {2}。"
                                 "请在“专家组意见”的整改事项中选中该项，点“修改”改正整改时限（或改正考核日期），"
                                 "再定稿：").format(self.group.name, len(exc.missing), exc.visit)
            self.missing.setText("\n".join([head if exc.visit else core_text(head),
                                            *(core_text(line) for line in exc.missing)]))
            self.layout().activate()
            self.adjustSize()  # the whole message shown, wrapped, not cut off at the dialog's edge
            return False
        self.accept()
        return True
