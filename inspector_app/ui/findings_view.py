"""The panel's findings for the current group: 主要成绩, 存在问题, 整改建议."""
from __future__ import annotations

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import QFrame, QGroupBox, QLabel, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget

from inspector_app.ui.i18n import translate
from inspector_app.ui.rectify_items import RectifyItemsBox
from inspector_app.workspace import Change, Workspace

SAVE_DELAY_MS = 300
EDIT_MIN_HEIGHT = 48  # three boxes and the items fit a 1366×768 screen at 125% under the demo's banner


class _Edit(QPlainTextEdit):
    focus_out = Signal()

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.focus_out.emit()


class _Body(QWidget):
    """What the scroll area holds: no taller than its minimum when the view is too short for it (the area
    then sizes it by its height for the width, taken from the boxes' preferred heights, and they grew to a
    screen of scrolling)."""

    def sizeHint(self):  # noqa: N802 - Qt's name
        return self.minimumSizeHint()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self.layout().minimumHeightForWidth(width)


class FindingsView(QWidget):
    changed = Signal(object)  # Change

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace: Workspace | None = None
        self._dirty: set[str] = set()
        self._loading = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SAVE_DELAY_MS)
        self.timer.timeout.connect(self.commit_now)
        # In a scroll area: the window's smallest height is not this view's (it sits in a stack with the
        # indicator page, so its minimum was the window's: taller than a 768 screen at 125% with a banner).
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(self.scroll)
        body = _Body()
        self.scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 8, 12, 12)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        hint = QLabel(translate("FindingsView", "专家组意见写入反馈报告。输入即保存。"))
        hint.setStyleSheet("color: #666;")
        layout.addWidget(hint)
        titles = {"achievements": translate("FindingsView", "主要成绩(&A)"),
                  "problems": translate("FindingsView", "存在问题(&Q)"),
                  "suggestions": translate("FindingsView", "整改建议(&S)")}
        self.edits: dict[str, _Edit] = {}
        for kind, title in titles.items():
            box = QGroupBox(title)  # Alt+letter focuses the box's text
            inner = QVBoxLayout(box)
            edit = _Edit()
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(EDIT_MIN_HEIGHT)
            inner.addWidget(edit)
            layout.addWidget(box, 1)
            edit.textChanged.connect(lambda k=kind: self._typed(k))
            edit.focus_out.connect(self.commit_now)
            self.edits[kind] = edit
            if kind == "problems":
                self.items = RectifyItemsBox(self._key_id)
                layout.addWidget(self.items, 1)

    def load(self, workspace: Workspace) -> None:
        self.commit_now()
        self.workspace = workspace
        self._loading = True
        self.title.setText(translate("FindingsView", "专家组意见：{0}").format(workspace.group.name))
        for kind, text in workspace.findings().items():
            self.edits[kind].setPlainText(text)
        self._loading = False
        self.items.load(workspace)

    def _key_id(self) -> str:
        from inspector_app.ui.identity_dialog import own_key
        return own_key(self.workspace.store).key_id

    def _typed(self, kind: str) -> None:
        if not self._loading:
            self._dirty.add(kind)
            self.timer.start()

    @Slot()
    def commit_now(self) -> None:
        self.timer.stop()
        if self.workspace is None:
            return
        for kind in sorted(self._dirty):
            change: Change = self.workspace.set_finding(kind, self.edits[kind].toPlainText())
            if change.error or change.save_error:
                self.changed.emit(change)
                return
            self._dirty.discard(kind)
            self.changed.emit(change)
