"""公示信息: what the bureau publishes with the results (issuing body, 公示期, how to object) and the date
the 整改报告 is due; the plan's fields, as `inspector plan publication` sets them. Every change is recorded
in the history; a date that is not a date is said in the dialog, which keeps what was typed."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from inspector_app.store import plans as P
from inspector_app.store.db import StoreError
from inspector_app.ui.core_words import core_text
from inspector_app.ui.i18n import translate


class PublicationDialog(QDialog):
    saved = Signal(object)  # the plan as saved

    def __init__(self, store, plan, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.plan = plan
        self.setWindowTitle(translate("PublicationDialog", "公示信息 — {0}").format(plan.title))
        self.resize(640, 300)
        layout = QVBoxLayout(self)
        intro = QLabel(translate("PublicationDialog", "由教育局填写：印在考核结果公示的落款和正文中，整改报告截止日期印在现场反馈报告的整改要求中。"
                                 "日期写成 2024-10-08 这样。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        pub = plan.publication
        self.edits: dict[str, QLineEdit] = {}
        labels = {"issuing_body": translate("PublicationDialog", "发布单位(&B)："),
                  "publicity_start": translate("PublicationDialog", "公示开始日期(&S)："),
                  "publicity_end": translate("PublicationDialog", "公示截止日期(&E)："),
                  "objection_channel": translate("PublicationDialog", "异议受理方式(&O)："),
                  "rectification_due": translate("PublicationDialog", "整改报告截止日期(&R)：")}
        hints = {"issuing_body": translate("PublicationDialog", "如 沙坡头区教育局"),
                 "objection_channel": translate("PublicationDialog", "电话、邮箱、地址")}
        for key in P.Publication.FIELDS:
            edit = QLineEdit(getattr(pub, key))
            edit.setPlaceholderText(hints.get(key, "2024-10-08"))
            self.edits[key] = edit
            form.addRow(labels[key], edit)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def value(self) -> P.Publication:
        return P.Publication(**{k: e.text().strip() for k, e in self.edits.items()})

    def accept(self) -> None:
        try:
            plan = P.set_publication(self.store, self.plan, self.value())
        except StoreError as exc:
            self.error.setText(core_text(str(exc)))
            return
        self.plan = plan
        self.saved.emit(plan)
        super().accept()
