"""您是哪位专家？ — the first time a plan is opened on a laptop whose key names nobody in it.

The laptop's key decides when it can (the plan registers it for one expert, or
this laptop issued the plan); otherwise the user chooses: one of the plan's
experts, 教育局, or 只查看. A choice the key cannot hold is refused in words and
the dialog stays. Closing it chooses nothing: the plan is shown and nothing is
scored until someone is chosen (the 数据包 menu offers the dialog again).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from inspector_app.store import identity as I
from inspector_app.ui.core_words import core_text
from inspector_app.ui.i18n import translate


def own_key(store) -> I.OwnKey:
    from inspector_app.bundles.keys import KeyStore  # cryptography: only when the key is asked for
    own = KeyStore(store.data_dir).own_key()
    return I.OwnKey(own.key_id, own.public_key, own.fingerprint)


class IdentityDialog(QDialog):
    def __init__(self, workspace, own: I.OwnKey, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.own = own
        self.chosen: I.Identity | None = None
        self.setWindowTitle(translate("IdentityDialog", "您是哪位专家？"))
        layout = QVBoxLayout(self)
        intro = QLabel(translate("IdentityDialog", "考核计划“{0}”：请选择您在本次考核中的身份。选择专家后才能录入评分；"
                                                   "本机密钥指纹 {1}。").format(workspace.plan.title, own.fingerprint))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        for e in workspace.experts:
            role = translate("IdentityDialog", "组长") if e.role == "lead" else translate("IdentityDialog", "专家")
            mark = ""
            if e.key_id and e.key_id != own.key_id:
                mark = translate("IdentityDialog", "（计划登记了另一把密钥）")
            item = QListWidgetItem(f"{e.name}（{role}）{mark}")
            item.setData(Qt.ItemDataRole.UserRole, e.id)
            self.list.addItem(item)
        for value, label in ((I.BUREAU, translate("IdentityDialog", "教育局（签发本计划的电脑）")),
                             (I.VIEWER, translate("IdentityDialog", "只查看，不录入评分"))):
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, value)
            self.list.addItem(item)
        layout.addWidget(self.list)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.choose)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self.choose())
        layout.addWidget(buttons)

    def select(self, value: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == value:
                self.list.setCurrentRow(row)

    def choose(self) -> bool:
        item = self.list.currentItem()
        if item is None:
            self.error.setText(translate("IdentityDialog", "请先选择一项。"))
            return False
        try:
            self.chosen = self.workspace.choose_identity(item.data(Qt.ItemDataRole.UserRole), self.own)
        except I.IdentityError as exc:
            self.error.setText(core_text(str(exc)))
            return False
        self.accept()
        return True


def settle_identity(window, workspace) -> I.Identity | None:
    """The identity for the open plan: the key's, or the user's choice; None when the dialog was closed."""
    if workspace.identity is not None:
        return workspace.identity
    own = own_key(workspace.store)
    found = I.settle_by_key(workspace.store, workspace.plan, own)
    if found is not None:
        value = found.expert_id or (I.BUREAU if found.kind == "bureau" else I.VIEWER)
        return workspace.choose_identity(value, own)
    dialog = IdentityDialog(workspace, own, window)
    dialog.exec()
    return dialog.chosen


def ask_after_new_plan(store, plan, parent=None) -> None:
    """After 新建考核: who is going to use it. The key alone would make the laptop that made the plan its
    教育局, which cannot score; the person who typed the panel in is usually one of its experts (the lead
    first in the list). Closing the question leaves the key's answer (教育局)."""
    from inspector_app.store.db import StoreError
    from inspector_app.workspace import Workspace
    try:
        workspace = Workspace(store, plan)
    except StoreError:
        return
    if not workspace.experts:
        return
    dialog = IdentityDialog(workspace, own_key(store), parent)
    lead = next((e.id for e in workspace.experts if e.role == "lead"), workspace.experts[0].id)
    dialog.select(lead)
    dialog.exec()
