"""Photos of one indicator at one place: add (files, folder, drag and drop), thumbnails labelled by file name
and time taken, full-size view, caption, markup, 选入报告 (on by default), remove with undo."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import QIcon, QImage, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QPushButton, QScrollArea, QVBoxLayout, QWidget)

from inspector_app.store.db import StoreError
from inspector_app.ui import file_dialogs
from inspector_app.ui.caption_dialog import CaptionDialog
from inspector_app.ui.core_words import core_text
from inspector_app.ui.i18n import translate
from inspector_app.ui.inputs import room_for_focus
from inspector_app.ui.import_job import import_on_worker, say_imported
from inspector_app.ui.operation import Operation

PHOTO_TYPES = ("*.jpg *.jpeg *.png *.heic *.heif *.webp *.tif *.tiff")
SUFFIXES = {".jpg", ".jpeg", ".png", ".heic", ".heif", ".webp", ".tif", ".tiff"}


class PhotosView(QWidget):
    message = Signal(str, bool)  # text, is_error
    changed = Signal()
    saved = Signal()  # a photo added, removed, restored or its caption or choice changed

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = None
        self.place = None
        self.last_removed: int | None = None
        self.current_import: Operation | None = None
        self.last_import = None  # the last ImportResult
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        self.add_files = QPushButton(translate("PhotosView", "添加照片…"))
        self.add_folder = QPushButton(translate("PhotosView", "添加文件夹…"))
        self.caption = QPushButton(translate("PhotosView", "说明…"))
        self.markup = QPushButton(translate("PhotosView", "标注…"))
        self.chosen = QPushButton(translate("PhotosView", "选入报告"))
        self.chosen.setCheckable(True)
        self.chosen.setToolTip(translate("PhotosView", "选入的照片印在现场反馈报告的“附：现场照片”中（新添加的照片默认选入）"))
        self.remove = QPushButton(translate("PhotosView", "移除"))
        self.undo = QPushButton(translate("PhotosView", "撤销移除"))
        self.undo.setEnabled(False)
        # Two rows, adding and then acting on the selected photo: one row is too wide at 125% on 1366×768.
        for b in (self.add_files, self.add_folder, self.undo):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        actions = QHBoxLayout()
        for b in (self.caption, self.markup, self.chosen, self.remove):
            actions.addWidget(b)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.list = QListWidget()
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(120, 90))
        self.list.setGridSize(QSize(150, 140))
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.setFixedHeight(150)
        self.list.setWordWrap(True)
        self.list.setAcceptDrops(False)
        self.hint = QLabel(translate("PhotosView", "可把照片或文件夹拖到这里。Enter 打开原图，Delete 移除；✓ 表示已选入报告。"))
        self.hint.setStyleSheet("color: #666;")
        self.hint.setWordWrap(True)
        layout.addWidget(self.list)
        layout.addWidget(self.hint)
        self.add_files.clicked.connect(self.choose_files)
        self.add_folder.clicked.connect(self.choose_folder)
        self.caption.clicked.connect(self.edit_caption)
        self.markup.clicked.connect(self.edit_markup)
        self.chosen.clicked.connect(self.toggle_chosen)
        self.list.currentItemChanged.connect(lambda *_: self._sync_buttons())
        self.remove.clicked.connect(self.remove_selected)
        self.undo.clicked.connect(self.undo_remove)
        self.list.itemActivated.connect(lambda _item: self.open_selected())
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.list, self.remove_selected)
        # Set apart: PySide6 ignores a `context=` keyword here, and a window-wide Delete would remove the
        # selected photo while the expert clears a field anywhere on the page.
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)

    def focus_chain(self) -> list[QWidget]:
        """The buttons in their row, then the photos they act on."""
        return [self.add_files, self.add_folder, self.caption, self.markup, self.chosen, self.remove, self.undo,
                self.list]

    def show_place(self, workspace, place) -> None:
        self.workspace, self.place = workspace, place
        self.last_removed = None
        self.undo.setEnabled(False)
        self.refresh()

    def refresh(self) -> None:
        keep = self._selected_id()
        # Rebuilt without signals: a moment with nothing selected would disable the focused button,
        # and Qt would move the keyboard focus away from it.
        self.list.blockSignals(True)
        try:
            self._fill(keep)
        finally:
            self.list.blockSignals(False)
        self._sync_buttons()

    def _fill(self, keep: int | None) -> None:
        self.list.clear()
        if self.workspace is None:
            return
        for photo in self.workspace.photos(self.place):
            name = photo.label if len(photo.label) <= 14 else photo.label[:6] + "…" + photo.label[-7:]
            item = QListWidgetItem(("✓ " if photo.chosen else "") + name + ("\n" + photo.when if photo.when else ""))
            tip = [photo.label, photo.caption or translate("PhotosView", "（无说明）"),
                   translate("PhotosView", "已选入报告") if photo.chosen else translate("PhotosView", "未选入报告"),
                   (translate("PhotosView", "拍摄时间：") if photo.taken_at else translate("PhotosView", "文件时间："))
                   + (photo.when or "—")]
            if photo.markup:
                tip.append(translate("PhotosView", "有标注（原图未改动）"))
            try:
                item.setIcon(QIcon(_with_markup(QPixmap(str(self.workspace.photo_file(photo, thumb=True))),
                                                photo.markup)))
            except StoreError as exc:
                tip.append(core_text(str(exc)))
            item.setToolTip("\n".join(tip))
            item.setData(Qt.ItemDataRole.UserRole, photo.id)
            self.list.addItem(item)
            if photo.id == keep:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)

    def _sync_buttons(self) -> None:
        photo_id = self._selected_id()
        photo = self._photo(photo_id) if photo_id is not None and self.workspace is not None else None
        for button in (self.caption, self.markup, self.chosen, self.remove):
            button.setEnabled(photo is not None)
        self.chosen.setChecked(bool(photo and photo.chosen))
        self.chosen.setText(translate("PhotosView", "已选入报告 ✓") if photo and photo.chosen
                            else translate("PhotosView", "选入报告"))
        room_for_focus(self.chosen)

    # ---------------------------------------------------------------- adding
    def choose_files(self) -> None:
        names = file_dialogs.open_file_names(self, translate("PhotosView", "添加照片"), file_dialogs.PHOTOS,
                                             self._store(),
                                             translate("PhotosView", "照片") + f" ({PHOTO_TYPES})")
        if names:
            self.import_paths([Path(n) for n in names])

    def choose_folder(self) -> None:
        folder = file_dialogs.existing_directory(self, translate("PhotosView", "添加文件夹中的照片"),
                                                 file_dialogs.PHOTOS, self._store())
        if folder:
            self.import_paths(expand([Path(folder)]))

    def _store(self):
        return self.workspace.store if self.workspace is not None else None

    def import_paths(self, paths: list[Path]) -> Operation | None:
        """Photos are checked, decoded and stored on a worker, then named in the store here."""
        if not paths or self.workspace is None:
            return None
        workspace, place, photos_dir, paths = self.workspace, self.place, self.workspace.store.photos_dir, list(paths)

        def work(progress) -> list:
            from inspector_app.store import photos as files  # Pillow: loaded with the first import, not at start
            return files.ingest_many(paths, photos_dir, progress=progress, cancelled=progress.cancelled)

        def record(results: list, cancelled: bool):
            return workspace.record_photos(place, results, cancelled)

        def failed() -> None:
            self.current_import = None

        job = import_on_worker(self, work, record, title=translate("PhotosView", "导入照片"),
                               label=translate("PhotosView", "正在导入照片…"), done=self._imported, failed=failed)
        self.current_import = job
        self.last_import = None
        return job.start()

    def _imported(self, result) -> None:
        self.current_import = None
        say_imported(self, result, cancelled=translate("PhotosView", "已取消导入，没有添加任何照片"),
                     added=translate("PhotosView", "已添加 {0} 张照片"),
                     refused=translate("PhotosView", "；{0} 个文件未导入：{1}"))

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        self.import_paths(expand(paths))
        event.acceptProposedAction()

    # ---------------------------------------------------------------- one photo
    def _selected_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def _photo(self, photo_id: int):
        return next((p for p in self.workspace.photos(self.place) if p.id == photo_id), None)

    def open_selected(self) -> None:
        photo_id = self._selected_id()
        photo = self._photo(photo_id) if photo_id is not None else None
        if photo is None:
            return
        # Pillow: only when a photo is opened
        from inspector_app.store.photo_display import display_image_bytes
        from inspector_app.store.photos import PhotoError
        try:
            data, _mime = display_image_bytes(self.workspace.photo_file(photo, thumb=False), max_side=2400)
        except (StoreError, PhotoError, OSError) as exc:
            self.message.emit(str(exc), True)
            return
        PhotoDialog(QImage.fromData(data), photo.caption, self, photo.markup).exec()

    def _current(self):
        photo_id = self._selected_id()
        return self._photo(photo_id) if photo_id is not None and self.workspace is not None else None

    def _after_change(self) -> None:
        self.refresh()
        self.changed.emit()
        self.saved.emit()

    def edit_caption(self) -> None:
        photo = self._current()
        if photo is None:
            return
        dialog = CaptionDialog(photo.caption, photo.label, photo.chosen, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                self.workspace.set_caption(photo.id, dialog.text())
            except StoreError as exc:
                self.message.emit(str(exc), True)
            self._after_change()

    def toggle_chosen(self) -> None:
        photo = self._current()
        if photo is None:
            return
        self.workspace.set_photo(photo.id, chosen=not photo.chosen)
        self.message.emit((translate("PhotosView", "“{0}”不再选入报告") if photo.chosen
                           else translate("PhotosView", "“{0}”已选入报告")).format(photo.label), False)
        self._after_change()

    def edit_markup(self) -> None:
        """Shapes over the photo, kept apart from it: the original file (the evidence) is never written."""
        photo = self._current()
        if photo is None:
            return
        from inspector_app.store import photo_markup as M
        from inspector_app.store.photo_display import display_image_bytes
        from inspector_app.store.photos import PhotoError
        from inspector_app.ui.markup_editor import MarkupDialog
        try:
            data, _mime = display_image_bytes(self.workspace.photo_file(photo, thumb=False), max_side=2000)
            shapes = M.parse(photo.markup)
        except (StoreError, PhotoError, OSError, M.MarkupError) as exc:
            self.message.emit(str(exc), True)
            return
        self.markup_dialog = MarkupDialog(QImage.fromData(data), shapes, photo.label, self)
        if self.markup_dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                self.workspace.set_photo(photo.id, markup=M.dumps(self.markup_dialog.shapes()))
            except StoreError as exc:
                self.message.emit(str(exc), True)
            self._after_change()

    def remove_selected(self) -> None:
        photo_id = self._selected_id()
        if photo_id is None:
            return
        self.workspace.remove_photo(photo_id)
        self.last_removed = photo_id
        self.undo.setEnabled(True)
        self.message.emit(translate("PhotosView", "已移除 1 张照片（可撤销）"), False)
        self.refresh()
        self.changed.emit()
        self.saved.emit()

    def undo_remove(self) -> None:
        if self.last_removed is None:
            return
        self.workspace.restore_photo(self.last_removed)
        self.last_removed = None
        self.undo.setEnabled(False)
        self.refresh()
        self.changed.emit()
        self.saved.emit()


def expand(paths: list[Path]) -> list[Path]:
    """Files as given; folders become the photos in them (sorted, not recursive)."""
    result = []
    for path in paths:
        if path.is_dir():
            result += sorted(p for p in path.iterdir() if p.suffix.lower() in SUFFIXES and p.is_file())
        else:
            result.append(path)
    return result


def _with_markup(pixmap: QPixmap, markup: str) -> QPixmap:
    """A copy of the picture with its markup painted on (nothing is painted on a stored file)."""
    if not markup or pixmap.isNull():
        return pixmap
    from inspector_app.store import photo_markup as M
    from inspector_app.ui.markup_editor import paint_shapes
    try:
        shapes = M.parse(markup)
    except M.MarkupError:
        return pixmap
    out = QPixmap(pixmap)
    painter = QPainter(out)
    paint_shapes(painter, QRectF(0, 0, out.width(), out.height()), shapes)
    painter.end()
    return out


class PhotoDialog(QDialog):
    def __init__(self, image: QImage, caption: str, parent: QWidget | None = None, markup: str = ""):
        super().__init__(parent)
        self.setWindowTitle(caption or translate("PhotosView", "照片"))
        screen = self.screen().availableGeometry() if self.screen() else None
        pixmap = _with_markup(QPixmap.fromImage(image), markup)
        if screen is not None:
            pixmap = pixmap.scaled(int(screen.width() * 0.9), int(screen.height() * 0.85),
                                   Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        label = QLabel()
        label.setPixmap(pixmap)
        area = QScrollArea()
        area.setWidget(label)
        area.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.addWidget(area)
        if caption:
            layout.addWidget(QLabel(caption))
        self.resize(pixmap.width() + 40, pixmap.height() + 60)
