"""Marking up a photo: circles, arrows and words drawn as a layer over the untouched original.

Mouse: drag to draw a circle or an arrow, click to place a word. Keyboard (all of it works without a mouse):
1 / 2 / 3 pick 圈 / 箭头 / 文字, Enter adds the chosen shape in the middle, the arrow keys move the selected
shape (Shift: further), N selects the next shape, Delete removes it, Ctrl+Z undoes, Ctrl+S saves, Esc cancels.
The shapes are kept as data (store.photo_markup); the original file and its hash never change.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QKeySequence, QPainter, QPainterPath, QPen, QPolygonF, QShortcut
from PySide6.QtWidgets import (QButtonGroup, QDialog, QHBoxLayout, QInputDialog, QLabel, QPushButton, QSizePolicy,
                               QVBoxLayout, QWidget)

from inspector_app.store import photo_markup as M
from inspector_app.ui.i18n import translate

TOOLS = ("ellipse", "arrow", "text")
_FAMILY: list[str] = []


def _word_font(pixels: int) -> QFont:
    """The face the report draws markup words with (shipped, so Chinese never shows as boxes)."""
    if not _FAMILY:
        from PySide6.QtGui import QFontDatabase
        from inspector_app.paths import resource_path
        found = QFontDatabase.addApplicationFont(str(resource_path("fonts", "DroidSansFallbackFull.ttf")))
        families = QFontDatabase.applicationFontFamilies(found) if found >= 0 else []
        _FAMILY.append(families[0] if families else "")
    font = QFont(_FAMILY[0]) if _FAMILY[0] else QFont()
    font.setPixelSize(pixels)
    return font


def paint_shapes(painter: QPainter, target: QRectF, shapes: list[M.Shape], selected: int | None = None) -> None:
    """The shapes over a picture drawn in `target` (the same proportions Pillow uses for the report)."""
    w, h = target.width(), target.height()
    width = M.line_width(int(w), int(h))
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for i, shape in enumerate(shapes):
        color = QColor(shape.color)
        pen = QPen(color, width)
        if i == selected:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        c = shape.coords
        if shape.kind == "ellipse":
            painter.drawEllipse(QRectF(QPointF(target.left() + c[0] * w, target.top() + c[1] * h),
                                       QPointF(target.left() + c[2] * w, target.top() + c[3] * h)).normalized())
        elif shape.kind == "arrow":
            x0, y0 = target.left() + c[0] * w, target.top() + c[1] * h
            x1, y1 = target.left() + c[2] * w, target.top() + c[3] * h
            painter.drawLine(QPointF(x0, y0), QPointF(x1, y1))
            painter.setBrush(color)
            painter.drawPolygon(QPolygonF([QPointF(x1, y1)] + [QPointF(x, y) for x, y in
                                                                M.arrow_head(x0, y0, x1, y1, width * 5)]))
        else:
            font = _word_font(M.text_size(int(h)))
            path = QPainterPath()
            # Pillow places a word by its top-left corner; Qt by its baseline
            from PySide6.QtGui import QFontMetricsF
            ascent = QFontMetricsF(font).ascent()
            path.addText(QPointF(target.left() + c[0] * w, target.top() + c[1] * h + ascent), font, shape.text)
            painter.setPen(QPen(QColor("white"), max(1, width // 2) * 2))
            painter.drawPath(path)
            painter.fillPath(path, color)
            if i == selected:
                painter.setPen(QPen(color, 1, Qt.PenStyle.DashLine))
                painter.drawRect(path.boundingRect())
    painter.restore()


class MarkupCanvas(QWidget):
    changed = Signal()
    save_requested = Signal()
    tool_changed = Signal(str)

    def __init__(self, image: QImage, shapes: list[M.Shape], parent: QWidget | None = None):
        super().__init__(parent)
        self.image = image
        self.shapes = list(shapes)
        self.history: list[list[M.Shape]] = []
        self.tool = "ellipse"
        self.selected: int | None = len(self.shapes) - 1 if self.shapes else None
        self._start: QPointF | None = None
        self._end: QPointF | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(480, 320)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(translate("MarkupEditor", "照片标注画布"))
        self.ask_word = self._ask_word  # replaced in tests

    # ------------------------------------------------------------ geometry
    def picture_rect(self) -> QRectF:
        if self.image.isNull():
            return QRectF(self.rect())
        scale = min(self.width() / self.image.width(), self.height() / self.image.height())
        w, h = self.image.width() * scale, self.image.height() * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def _fraction(self, point: QPointF) -> tuple[float, float]:
        r = self.picture_rect()
        return (min(1.0, max(0.0, (point.x() - r.left()) / r.width())),
                min(1.0, max(0.0, (point.y() - r.top()) / r.height())))

    # ------------------------------------------------------------ editing
    def _push(self) -> None:
        self.history.append(list(self.shapes))

    def add(self, shape: M.Shape) -> None:
        if len(self.shapes) >= M.MAX_SHAPES:
            return
        self._push()
        self.shapes.append(shape)
        self.selected = len(self.shapes) - 1
        self.changed.emit()
        self.update()

    def add_centred(self) -> None:
        """The chosen shape in the middle of the picture (keyboard users move it with the arrow keys)."""
        if self.tool == "ellipse":
            self.add(M.Shape("ellipse", (0.35, 0.35, 0.65, 0.65)))
        elif self.tool == "arrow":
            self.add(M.Shape("arrow", (0.25, 0.75, 0.48, 0.52)))
        else:
            word = self.ask_word()
            if word:
                self.add(M.Shape("text", (0.4, 0.45), word))

    def delete_selected(self) -> None:
        if self.selected is None or not self.shapes:
            return
        self._push()
        del self.shapes[self.selected]
        self.selected = len(self.shapes) - 1 if self.shapes else None
        self.changed.emit()
        self.update()

    def undo(self) -> None:
        if not self.history:
            return
        self.shapes = self.history.pop()
        self.selected = len(self.shapes) - 1 if self.shapes else None
        self.changed.emit()
        self.update()

    def clear(self) -> None:
        if self.shapes:
            self._push()
            self.shapes, self.selected = [], None
            self.changed.emit()
            self.update()

    def move_selected(self, dx: float, dy: float) -> None:
        if self.selected is None:
            return
        self._push()
        self.shapes[self.selected] = self.shapes[self.selected].moved(dx, dy)
        self.changed.emit()
        self.update()

    def select_next(self) -> None:
        if self.shapes:
            self.selected = 0 if self.selected is None else (self.selected + 1) % len(self.shapes)
            self.update()

    def _ask_word(self) -> str:
        word, ok = QInputDialog.getText(self, translate("MarkupEditor", "标注文字"),
                                        translate("MarkupEditor", "要写在照片上的字（最多 {0} 字）：").format(M.MAX_WORDS))
        return word.strip()[:M.MAX_WORDS] if ok else ""

    # ------------------------------------------------------------ events
    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#303030"))
        target = self.picture_rect()
        painter.drawImage(target, self.image)
        shapes = list(self.shapes)
        if self._start is not None and self._end is not None and self.tool != "text":
            (x0, y0), (x1, y1) = self._fraction(self._start), self._fraction(self._end)
            shapes.append(M.Shape(self.tool, (x0, y0, x1, y1)))
        paint_shapes(painter, target, shapes, self.selected)
        if self.hasFocus():
            painter.setPen(QPen(QColor("#1d6fd8"), 3))
            painter.drawRect(self.rect().adjusted(1, 1, -2, -2))
        painter.end()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        if self.tool == "text":
            word = self.ask_word()
            if word:
                self.add(M.Shape("text", self._fraction(event.position()), word))
            return
        self._start = self._end = event.position()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if self._start is not None:
            self._end = event.position()
            self.update()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if self._start is None:
            return
        (x0, y0), (x1, y1) = self._fraction(self._start), self._fraction(event.position())
        self._start = self._end = None
        if abs(x1 - x0) + abs(y1 - y0) > 0.02:  # a click is not a shape
            self.add(M.Shape(self.tool, (x0, y0, x1, y1)))
        self.update()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        step = 0.05 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 0.01
        moves = {Qt.Key.Key_Left: (-step, 0), Qt.Key.Key_Right: (step, 0), Qt.Key.Key_Up: (0, -step),
                 Qt.Key.Key_Down: (0, step)}
        key = event.key()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if ctrl and key == Qt.Key.Key_Z:
            self.undo()
        elif ctrl and key == Qt.Key.Key_S:
            self.save_requested.emit()
        elif key in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3):
            self.tool = TOOLS[key - Qt.Key.Key_1]
            self.tool_changed.emit(self.tool)
        elif key in moves:
            self.move_selected(*moves[key])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.add_centred()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_selected()
        elif key == Qt.Key.Key_N:
            self.select_next()
        else:
            super().keyPressEvent(event)


class MarkupDialog(QDialog):
    """The editor; `shapes()` after `exec()` returns QDialog.Accepted is what to store."""

    def __init__(self, image: QImage, shapes: list[M.Shape], label: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("MarkupEditor", "标注照片 — {0}").format(label))
        self.canvas = MarkupCanvas(image, shapes)
        tools = QHBoxLayout()
        self.tool_buttons: dict[str, QPushButton] = {}
        group = QButtonGroup(self)
        for n, (tool, text) in enumerate(zip(TOOLS, (translate("MarkupEditor", "圈"), translate("MarkupEditor", "箭头"),
                                                    translate("MarkupEditor", "文字"))), 1):
            button = QPushButton(f"{text}（{n}）")
            button.setCheckable(True)
            button.setChecked(tool == self.canvas.tool)
            button.clicked.connect(lambda _=False, t=tool: self.choose(t))
            group.addButton(button)
            tools.addWidget(button)
            self.tool_buttons[tool] = button
        self.add_button = QPushButton(translate("MarkupEditor", "添加到中间（Enter）"))
        self.undo_button = QPushButton(translate("MarkupEditor", "撤销（Ctrl+Z）"))
        self.delete_button = QPushButton(translate("MarkupEditor", "删除所选（Delete）"))
        self.clear_button = QPushButton(translate("MarkupEditor", "全部清除"))
        for button in (self.add_button, self.undo_button, self.delete_button, self.clear_button):
            tools.addWidget(button)
        tools.addStretch(1)
        self.canvas.tool_changed.connect(self.choose)
        self.canvas.save_requested.connect(self.accept)
        self.add_button.clicked.connect(self.canvas.add_centred)
        self.undo_button.clicked.connect(self.canvas.undo)
        self.delete_button.clicked.connect(self.canvas.delete_selected)
        self.clear_button.clicked.connect(self.canvas.clear)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.canvas.undo)
        QShortcut(QKeySequence.StandardKey.Save, self, self.accept)
        hint = QLabel(translate("MarkupEditor", "拖动画圈或箭头，单击写字。键盘：1/2/3 选工具，Enter 在中间添加，方向键移动所选"
                                "（Shift 移得更远），N 选下一个，Delete 删除，Ctrl+Z 撤销，Ctrl+S 保存，Esc 取消。"
                                "原图不会改动，标注单独保存。"))
        hint.setWordWrap(True)
        self.save_button = QPushButton(translate("MarkupEditor", "保存标注（Ctrl+S）"))
        self.cancel_button = QPushButton(translate("MarkupEditor", "取消"))
        self.save_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(hint, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(bottom)
        screen = self.screen().availableGeometry() if self.screen() else None
        self.resize(min(1100, int(screen.width() * 0.9)) if screen else 1000,
                    min(760, int(screen.height() * 0.9)) if screen else 700)
        self.canvas.setFocus(Qt.FocusReason.OtherFocusReason)

    def choose(self, tool: str) -> None:
        self.canvas.tool = tool
        self.tool_buttons[tool].setChecked(True)

    def shapes(self) -> list[M.Shape]:
        return list(self.canvas.shapes)
