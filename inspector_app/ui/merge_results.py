"""What an import did, file by file, in the core's own Chinese sentences; a held bundle's signer can be
trusted here (after comparing fingerprints) and the bundle imported again."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMessageBox, QPushButton,
                               QVBoxLayout, QWidget)

from inspector_app.bundles.canonical import BundleError
from inspector_app.bundles.keys import KeyStore
from inspector_app.bundles.public_keys import normalize_fingerprint
from inspector_app.ui.core_words import core_text
from inspector_app.ui.i18n import SOURCE_LANGUAGE, current_language, translate
from inspector_app.ui.keys_dialog import TrustDialog, fingerprint_label

GOOD = {"merged", "already", "created", "amended", "superseded"}
COLORS = {"held": "#8a5a00", "rejected": "#b00020", "conflict": "#b00020"}
FINGERPRINT = re.compile(r"[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}")
CLI_HINT = re.compile(r"请与发送人当面核对指纹后运行：.*$")


def held_fingerprint(outcome) -> str:
    """The signer's fingerprint of a held bundle: from the outcome, else from its sentence."""
    if outcome.fingerprint:
        return outcome.fingerprint
    found = FINGERPRINT.search(outcome.message)
    if found is None:
        return ""
    return normalize_fingerprint(found.group()) or ""


def sentence(outcome) -> str:
    """The core's sentence in the window's language; a held bundle points at the button here instead of the
    command line."""
    from inspector_app.bundles.merge import STATUS_TEXT
    message = outcome.message
    if outcome.status == "held":
        message = CLI_HINT.sub(translate("MergeResults", "请与发送人当面核对指纹，然后点“核对指纹后信任”。"), message)
    status = STATUS_TEXT.get(outcome.status, outcome.status)
    if current_language() == SOURCE_LANGUAGE:
        return f"{outcome.file}: {status}。{message}".rstrip("。") + "。"
    message = core_text(message).rstrip("。. ")
    return f"{outcome.file}: {core_text(status)}" + (f". {message}." if message else ".")


class MergeResultsDialog(QDialog):
    def __init__(self, results: list[tuple[Path, object]], keystore: KeyStore,
                 reimport: Callable[[Path], list], parent: QWidget | None = None):
        super().__init__(parent)
        self.results = list(results)
        self.keystore = keystore
        self.reimport = reimport
        self.setWindowTitle(translate("MergeResults", "导入结果"))
        self.resize(900, 460)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        layout.addWidget(self.list, 1)
        self.fp_caption = QLabel(translate("MergeResults", "签名人指纹："))
        self.fp = fingerprint_label("")
        layout.addWidget(self.fp_caption)
        layout.addWidget(self.fp)
        buttons = QHBoxLayout()
        self.trust_button = QPushButton(translate("MergeResults", "核对指纹后信任(&T)…"))
        close = QPushButton(translate("MergeResults", "关闭"))
        close.setDefault(True)
        buttons.addWidget(self.trust_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.trust_button.clicked.connect(lambda: self.trust_row(self.list.currentRow()))
        close.clicked.connect(self.accept)
        self.list.currentRowChanged.connect(self._selected)
        self.refresh()
        held = [i for i, (_p, o) in enumerate(self.results) if o.status == "held"]
        self.list.setCurrentRow(held[0] if held else 0)
        self.list.setFocus()

    def refresh(self) -> None:
        row = self.list.currentRow()
        self.list.clear()
        for _path, outcome in self.results:
            lines = [sentence(outcome)] + [f"    {sentence(m)}" for m in outcome.members]
            item = QListWidgetItem(("✔ " if outcome.status in GOOD else "✖ ") + "\n".join(lines))
            if outcome.status in COLORS:
                item.setForeground(QBrush(QColor(COLORS[outcome.status])))
            self.list.addItem(item)
        counts: dict[str, int] = {}
        for _p, o in self.results:
            counts[o.status] = counts.get(o.status, 0) + 1
        good = sum(n for s, n in counts.items() if s in GOOD)
        text = translate("MergeResults", "共 {0} 个文件：{1} 个已导入").format(len(self.results), good)
        if counts.get("held"):
            text += translate("MergeResults", "，{0} 个暂缓（签名人尚未受信任）").format(counts["held"])
        bad = counts.get("rejected", 0) + counts.get("conflict", 0)
        if bad:
            text += translate("MergeResults", "，{0} 个未导入").format(bad)
        self.summary.setText(text + ("。" if current_language() == SOURCE_LANGUAGE else "."))
        if 0 <= row < self.list.count():
            self.list.setCurrentRow(row)
        self._selected(self.list.currentRow())

    def _selected(self, row: int) -> None:
        outcome = self.results[row][1] if 0 <= row < len(self.results) else None
        fingerprint = held_fingerprint(outcome) if outcome is not None and outcome.status == "held" else ""
        self.fp.setText(fingerprint)
        self.fp.setVisible(bool(fingerprint))
        self.fp_caption.setVisible(bool(fingerprint))
        self.trust_button.setEnabled(bool(fingerprint))

    def trust_row(self, row: int) -> bool:
        """Compare fingerprints, trust the signer, import the file again; True when it then went in."""
        if not 0 <= row < len(self.results):
            return False
        path, outcome = self.results[row]
        fingerprint = held_fingerprint(outcome)
        if not fingerprint:
            return False
        dialog = TrustDialog(fingerprint, self, name=getattr(outcome, "claims", ""),
                             conflict=getattr(outcome, "conflict", ""))
        if not dialog.exec() or not dialog.matches():
            return False
        try:
            self.keystore.trust_fingerprint(fingerprint, dialog.name.text().strip())
        except BundleError as exc:
            QMessageBox.warning(self, translate("MergeResults", "导入结果"), core_text(exc.message))
            return False
        again = self.reimport(path)
        if again:
            self.results[row] = (path, again[0])
        # other files held for the same signer go in too
        for i, (other_path, other) in enumerate(self.results):
            if i != row and other.status == "held" and held_fingerprint(other) == fingerprint:
                more = self.reimport(other_path)
                if more:
                    self.results[i] = (other_path, more[0])
        self.refresh()
        return self.results[row][1].status in GOOD
