"""反馈会记录: the lead records the group's feedback meeting (time, place, attendees, the unit's response),
which the 现场反馈报告 prints; the same record as `inspector panel meeting`. Others see it read-only."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout,
                               QWidget)

from inspector_app.store import feedback as F
from inspector_app.store.db import StoreError
from inspector_app.ui.core_words import core_text
from inspector_app.ui.i18n import translate


class MeetingDialog(QDialog):
    saved = Signal()

    def __init__(self, workspace, group, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.group = group
        self.setWindowTitle(translate("MeetingDialog", "反馈会记录 — {0}").format(group.name))
        self.resize(640, 480)
        layout = QVBoxLayout(self)
        self.lead = workspace.expert_role == "lead"
        note = QLabel(translate("MeetingDialog", "写入现场反馈报告的“反馈会”一节。") if self.lead else
                      translate("MeetingDialog", "只有本计划的组长可以记录反馈会；这里只能查看。"))
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        layout.addLayout(form)
        old = F.meeting(workspace.store, workspace.plan.id, group.id)
        self.held_at = QLineEdit(old.held_at)
        self.held_at.setPlaceholderText(translate("MeetingDialog", "如 2024-09-26 15:30"))
        self.place = QLineEdit(old.place)
        self.attendees = QPlainTextEdit(old.attendees)
        self.attendees.setTabChangesFocus(True)
        self.attendees.setPlaceholderText(translate("MeetingDialog", "考核组成员，集团和学校的参会人员"))
        self.response = QPlainTextEdit(old.response)
        self.response.setTabChangesFocus(True)
        self.response.setPlaceholderText(translate("MeetingDialog", "被考核单位对反馈意见的表态"))
        for label, widget in ((translate("MeetingDialog", "时间(&T)："), self.held_at),
                              (translate("MeetingDialog", "地点(&P)："), self.place),
                              (translate("MeetingDialog", "参加人员(&A)："), self.attendees),
                              (translate("MeetingDialog", "单位意见(&R)："), self.response)):
            form.addRow(label, widget)
            if isinstance(widget, QLineEdit):
                widget.setReadOnly(not self.lead)
            else:
                widget.setReadOnly(not self.lead)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
                                   if self.lead else QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def value(self) -> F.Meeting:
        return F.Meeting(self.held_at.text().strip(), self.place.text().strip(),
                         self.attendees.toPlainText().strip(), self.response.toPlainText().strip())

    def accept(self) -> None:
        if not self.lead:
            super().accept()
            return
        ws = self.workspace
        try:
            F.set_meeting(ws.store, ws.plan.id, self.group.id, self.value(), ws.expert_id)
        except StoreError as exc:
            self.error.setText(core_text(str(exc)))  # said in the dialog, which stays open with what was typed
            return
        self.saved.emit()
        super().accept()
