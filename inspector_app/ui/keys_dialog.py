"""Keys: this install's fingerprint (to read aloud), its public key file, the trusted / revoked / seen list;
and the dialog that trusts a held bundle's signer once the fingerprints have been compared."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView,
                               QInputDialog, QLabel, QLineEdit, QMessageBox, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from inspector_app.bundles.canonical import BundleError
from inspector_app.bundles.keys import KeyStore
from inspector_app.bundles.public_keys import normalize_fingerprint
from inspector_app.fsutil import write_atomic
from inspector_app.ui import file_dialogs
from inspector_app.ui.core_words import core_text
from inspector_app.ui.i18n import translate

STATUS = {"own": QT_TRANSLATE_NOOP("KeysDialog", "本机"), "trusted": QT_TRANSLATE_NOOP("KeysDialog", "已信任"),
          "revoked": QT_TRANSLATE_NOOP("KeysDialog", "已吊销"), "seen": QT_TRANSLATE_NOOP("KeysDialog", "见过，未信任")}


def fingerprint_label(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSize(20)
    font.setBold(True)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet("padding: 6px; background: #f3f6fa; border: 1px solid #c9d3df;")
    return label


class TrustDialog(QDialog):
    """Compare the fingerprint read aloud by the sender with the one on the bundle; trust only when they match."""

    def __init__(self, fingerprint: str, parent: QWidget | None = None, name: str = "", conflict: str = ""):
        super().__init__(parent)
        self.expected = normalize_fingerprint(fingerprint) or fingerprint
        self.claimed = name  # the name the bundle claims (the plan's expert), checked against the one typed
        self.conflict_text = conflict
        self.setWindowTitle(translate("TrustDialog", "核对指纹后信任"))
        layout = QVBoxLayout(self)
        explain = QLabel(translate("TrustDialog", "请发送人在他的电脑上打开“数据包 → 密钥”，念出本机指纹；"
                                                  "逐组核对下面的指纹，一致才信任。"))
        explain.setWordWrap(True)
        layout.addWidget(explain)
        layout.addWidget(QLabel(translate("TrustDialog", "数据包上的签名人指纹：")))
        layout.addWidget(fingerprint_label(self.expected))
        form = QFormLayout()
        self.typed = QLineEdit()
        self.typed.setPlaceholderText("XXXX-XXXX-XXXX-XXXX")
        self.name = QLineEdit(name)
        form.addRow(translate("TrustDialog", "对方念出的指纹(&F)："), self.typed)
        form.addRow(translate("TrustDialog", "姓名(&N)："), self.name)
        layout.addLayout(form)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        layout.addWidget(self.verdict)
        self.conflict = QLabel()  # a name that disagrees with the plan, shown before anyone trusts
        self.conflict.setWordWrap(True)
        self.conflict.setStyleSheet("color: #b00020; font-weight: bold;")
        layout.addWidget(self.conflict)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.trust_button = self.buttons.addButton(translate("TrustDialog", "一致，信任(&T)"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.typed.textChanged.connect(self._compare)
        self.name.textChanged.connect(self._compare)
        self._compare()

    def matches(self) -> bool:
        return normalize_fingerprint(self.typed.text()) == self.expected

    def _show_conflict(self) -> None:
        typed = self.name.text().strip()
        lines = [self.conflict_text] if self.conflict_text else []
        if self.claimed and typed and typed != self.claimed:
            lines.append(translate("TrustDialog", "您填写的姓名“{0}”与数据包所称的“{1}”不一致：请当面核实是谁的数据包。")
                         .format(typed, self.claimed))
        self.conflict.setText("\n".join(lines))
        self.conflict.setVisible(bool(lines))

    def _compare(self) -> None:
        self._show_conflict()
        ok = self.matches()
        self.trust_button.setEnabled(ok and bool(self.name.text().strip()))
        if not self.typed.text().strip():
            self.verdict.setText("")
        elif ok:
            self.verdict.setStyleSheet("color: #1b7a2f; font-weight: bold;")
            self.verdict.setText(translate("TrustDialog", "指纹一致。") if self.name.text().strip()
                                 else translate("TrustDialog", "指纹一致。请填写姓名。"))
        else:
            self.verdict.setStyleSheet("color: #b00020; font-weight: bold;")
            self.verdict.setText(translate("TrustDialog", "指纹不一致：不要信任，请当面再核对一次。"))


class KeysDialog(QDialog):
    def __init__(self, keystore: KeyStore, own_name: str = "", parent: QWidget | None = None, store=None):
        super().__init__(parent)
        self.keystore = keystore
        self.own_name = own_name
        self.store = store  # where the export remembers its folder (none: it starts where Qt would)
        self.setWindowTitle(translate("KeysDialog", "密钥"))
        self.resize(820, 520)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate("KeysDialog", "本机指纹（交换数据包前念给对方核对）：")))
        row = QHBoxLayout()
        self.fingerprint = fingerprint_label(keystore.own_key().fingerprint)
        row.addWidget(self.fingerprint, 1)
        self.export_button = QPushButton(translate("KeysDialog", "导出公钥(&E)…"))
        row.addWidget(self.export_button)
        layout.addLayout(row)
        layout.addWidget(QLabel(translate("KeysDialog", "密钥列表(&L)：")))
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([translate("KeysDialog", "姓名"), translate("KeysDialog", "状态"),
                                              translate("KeysDialog", "指纹"), translate("KeysDialog", "说明")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.trust_button = QPushButton(translate("KeysDialog", "核对指纹后信任(&T)…"))
        self.revoke_button = QPushButton(translate("KeysDialog", "吊销(&R)…"))
        close = QPushButton(translate("KeysDialog", "关闭"))
        for b in (self.trust_button, self.revoke_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.export_button.clicked.connect(self.export_public)
        self.trust_button.clicked.connect(self.trust_selected)
        self.revoke_button.clicked.connect(self.revoke_selected)
        close.clicked.connect(self.accept)
        self.table.itemSelectionChanged.connect(self._enable)
        self.refresh()

    def refresh(self) -> None:
        self.records = self.keystore.records()
        self.table.setRowCount(len(self.records))
        for row, rec in enumerate(self.records):
            detail = core_text(rec.reason or rec.role or rec.source)  # a role as the trust list keeps it: in English
            when = rec.revoked or rec.added
            cells = [core_text(rec.name) if rec.status == "own" else rec.name or "—", translate("KeysDialog", STATUS.get(rec.status, rec.status)), rec.fingerprint,
                     "　".join(x for x in (detail, when[:10]) if x)]
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self._enable()

    def selected(self):
        row = self.table.currentRow()
        return self.records[row] if 0 <= row < len(self.records) else None

    def _enable(self) -> None:
        rec = self.selected()
        self.revoke_button.setEnabled(rec is not None and rec.status in ("trusted", "seen"))
        self.trust_button.setEnabled(rec is not None and rec.status == "seen")

    def export_public(self) -> None:
        name, _ = file_dialogs.save_file_name(self, translate("KeysDialog", "导出公钥"), file_dialogs.KEYS,
                                              self.store, f"{self.own_name or 'inspector'}.pub",
                                              translate("KeysDialog", "公钥文件") + " (*.pub)")
        if not name:
            return
        try:
            write_atomic(Path(name), self.keystore.export_public(self.own_name))
        except OSError as exc:
            QMessageBox.warning(self, translate("KeysDialog", "密钥"), core_text(str(exc)))
            return
        QMessageBox.information(self, translate("KeysDialog", "密钥"),
                                translate("KeysDialog", "已导出公钥：{0}").format(name))

    def trust_selected(self) -> None:
        rec = self.selected()
        if rec is None:
            return
        dialog = TrustDialog(rec.fingerprint, self)
        if dialog.exec():
            try:
                self.keystore.trust_fingerprint(rec.fingerprint, dialog.name.text().strip())
            except BundleError as exc:
                QMessageBox.warning(self, translate("KeysDialog", "密钥"), exc.message)
            self.refresh()

    def revoke_selected(self) -> None:
        rec = self.selected()
        if rec is None:
            return
        reason, ok = QInputDialog.getText(self, translate("KeysDialog", "吊销密钥"),
                                          translate("KeysDialog", "吊销 {0}（{1}）的理由：").format(
                                              rec.name or "—", rec.fingerprint))
        if ok and reason.strip():
            self.keystore.revoke(rec.key_id, reason.strip())
            self.refresh()
