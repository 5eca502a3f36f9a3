"""Choosing a file or folder: every file dialog of the window is built here, one way.

Qt's own dialog (asked for on Linux, where the window gets it anyway on UOS and Kylin: the bundled Qt has no
platform dialog there) is made to fit the window:
- its dates and sizes are written in the interface's language, not the system's (under LANG=C they were
  English dates in a Chinese dialog);
- its sidebar is as wide as its places' names (Qt's default cut 计算机 to 计…), its size column as its sizes and
  its type column as its types, and they stay so while it is open: a place added (a USB stick mounted) or renamed,
  a folder's files listed, the dialog resized;
- an open dialog with a type filter also offers 所有文件 (*);
- each kind of choice starts in the folder last used for it, kept in the store's settings (this laptop's data
  folder), or where it started before when that folder is gone; a suggested file name is kept;
- its focused list and item are drawn with the window's focus look.

`build` makes the dialog (tests look at it without showing it); the functions below it run it, as Qt's
static functions did, and return what those returned: nothing ("" or []) on cancel.
"""
from __future__ import annotations

import math
import sqlite3
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QIdentityProxyModel, QLocale, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QListView, QStyle, QTreeView, QWidget

from inspector_app.store.db import StoreError
from inspector_app.ui.i18n import interface_locale, translate
from inspector_app.ui.inputs import FOCUS_COLOR, FOCUS_FILL, FOCUS_STYLE

# The kinds of choice, each remembering its own folder
PHOTOS = "photos"  # photos to add, one by one or a folder of them
EVIDENCE = "evidence"  # an indicator's evidence files
RECTIFY_EVIDENCE = "rectify_evidence"  # a rectification's evidence files
BUNDLES_IMPORT = "bundles_import"  # bundles to import
BUNDLE_EXPORT = "bundle_export"  # the folder bundles are exported to (a USB stick)
REPORTS = "reports"  # a group's documents, saved
RESULTS = "results"  # the bureau's results (workbook, notice), saved
KEYS = "keys"  # this laptop's public key, exported
BACKUP_RESTORE = "backup_restore"  # a database file to restore from
KINDS = (PHOTOS, EVIDENCE, RECTIFY_EVIDENCE, BUNDLES_IMPORT, BUNDLE_EXPORT, REPORTS, RESULTS, KEYS, BACKUP_RESTORE)
SETTING = "last_folder:{0}"

OPEN_FILES, OPEN_FILE, FOLDER, SAVE = "open_files", "open_file", "folder", "save"
SIZE_COLUMN, TYPE_COLUMN, DATE_COLUMN = 1, 2, 3  # QFileSystemModel's columns
PICTURE_SUFFIXES = ("jpg", "jpeg", "png", "heic", "heif", "webp", "bmp", "gif", "tif", "tiff")
# The focused file framed in the focus colour, and filled as a focused check box is unless selected (Qt's own mark
# is a faint dotted line, or nothing)
ITEM_FOCUS_STYLE = (f"QListView::item:focus, QTreeView::item:focus {{ border: 1px solid {FOCUS_COLOR}; }}"
                    f"QListView::item:focus:!selected, QTreeView::item:focus:!selected {{ background: {FOCUS_FILL}; }}")


def all_files() -> str:
    return translate("FileDialogs", "所有文件") + " (*)"


def with_all_files(filters: str) -> str:
    """`filters` (Qt's "name (*.a *.b);;…"), then 所有文件 (*) unless it is offered already."""
    if not filters or "(*)" in filters.split(";;")[-1]:
        return filters
    return f"{filters};;{all_files()}"


# ---------------------------------------------------------------------------- the folder each kind remembers
def last_folder(store, kind: str) -> Path | None:
    """The folder last used for `kind`, while it still is a folder."""
    if store is None:
        return None
    try:
        text = store.setting(SETTING.format(kind))
    except (StoreError, sqlite3.Error):
        return None
    folder = Path(text) if text else None
    return folder if folder is not None and folder.is_dir() else None


def remember(store, kind: str, folder: Path) -> None:
    """Kept for the next time; a store that cannot write (a full disk) only loses this convenience: what was
    chosen is still done, and says its own error if it fails."""
    if store is None:
        return
    try:
        store.set_setting(SETTING.format(kind), str(folder))
    except (StoreError, sqlite3.Error, OSError):
        pass


def start(store, kind: str, default: str | Path = "", *, save: bool = False) -> str:
    """Where the dialog opens: the remembered folder (with the suggested file name of a save), else `default`."""
    folder = last_folder(store, kind)
    if folder is None:
        return str(default)
    if save and default and Path(default).name:
        return str(folder / Path(default).name)
    return str(folder)


def chosen_folder(path: str, mode: str) -> Path:
    return Path(path) if mode == FOLDER else Path(path).parent


# ---------------------------------------------------------------------------- the dialog
class InterfaceLocale(QIdentityProxyModel):
    """The file list's sizes and dates in the dialog's locale: QFileSystemModel writes them in the system's."""

    def __init__(self, locale: QLocale, parent=None):
        super().__init__(parent)
        self.locale_ = locale

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole and column in (SIZE_COLUMN, TYPE_COLUMN, DATE_COLUMN):
            model = self.sourceModel()
            if isinstance(model, QFileSystemModel):
                source = self.mapToSource(index)
                if column == TYPE_COLUMN:
                    # Qt names a file's type from the system's MIME comments, in the system's language
                    # ("JPEG image", "Folder" in the Chinese window); the program's own words for what it takes
                    return (translate("FileDialogs", "文件夹") if model.isDir(source)
                            else type_words(model.fileName(source)))
                if column == DATE_COLUMN:
                    return self.locale_.toString(model.lastModified(source), QLocale.FormatType.ShortFormat)
                if not model.isDir(source):  # a folder's size is left empty, as Qt does
                    return self.locale_.formattedDataSize(model.size(source))
        return super().data(index, role)


def type_words(name: str) -> str:
    """A file's type as the program says it: an evidence file's kind, a picture, or "PDF 文件"."""
    from inspector_app.store import evidence_files as EF
    from inspector_app.ui.core_words import core_text
    found = EF.file_type(name)
    if found is not None:
        return core_text(found.label)
    suffix = Path(name).suffix.lower().lstrip(".")
    if suffix in PICTURE_SUFFIXES:
        return core_text(EF.KIND_LABELS["photo"])
    return translate("FileDialogs", "{0} 文件").format(suffix.upper()) if suffix else translate("FileDialogs", "文件")


def fit_sidebar(dialog: QFileDialog) -> None:
    """The places' column as wide as its widest name and icon, as the list's own delegate lays them out in the
    list's font (so at any scaling), with the frame and room for a scroll bar."""
    sidebar = dialog.findChild(QListView, "sidebar")
    if sidebar is None:  # the platform's dialog
        return
    widest = sidebar.sizeHintForColumn(0)
    if widest <= 0:
        return
    scroll = sidebar.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, sidebar)
    sidebar.setMinimumWidth(widest + 2 * sidebar.frameWidth() + scroll)


def fit_size_column(dialog: QFileDialog, locale: QLocale) -> None:
    """The size column as wide as the widest size the list writes (1,023.99 GiB in the interface's locale), in the
    list's font (so at any scaling), with the delegate's margins: Qt's default width cut 403.50 KiB to 403…KiB."""
    view = dialog.findChild(QTreeView, "treeView")
    if view is None:
        return
    metrics = QFontMetricsF(view.font())  # fractional, as the delegate lays text out (then rounds up)
    widest = math.ceil(max(metrics.horizontalAdvance(locale.formattedDataSize(int(1023.99 * 1024 ** power)))
                           for power in range(5)))
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1  # each side
    view.header().resizeSection(SIZE_COLUMN, max(view.columnWidth(SIZE_COLUMN), widest + 2 * margin))


def type_texts() -> list[str]:
    """Every type the list can say but a suffix's own ("PDF 文件"): what the type column is at least as wide as."""
    from inspector_app.store import evidence_files as EF
    from inspector_app.ui.core_words import core_text
    return ([core_text(t.label) for t in EF.FILE_TYPES.values()] + [core_text(EF.KIND_LABELS["photo"])]
            + [translate("FileDialogs", "文件夹"), translate("FileDialogs", "文件")])


def fit_type_column(dialog: QFileDialog, texts: list[str]) -> None:
    """The type column as wide as the widest of `texts` as the list's delegate lays it out, in the list's font (so at
    any scaling): Qt's default width cut a type to "JPE…age". Only ever widened (the user may have widened it)."""
    view = dialog.findChild(QTreeView, "treeView")
    if view is None or not texts:
        return
    metrics = QFontMetricsF(view.font())
    widest = math.ceil(max(metrics.horizontalAdvance(text) for text in texts))
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1  # each side
    view.header().resizeSection(TYPE_COLUMN, max(view.columnWidth(TYPE_COLUMN), widest + 2 * margin))


class KeepFitted(QObject):
    """Keeps Qt's dialog (its parent) fitted while it is open, not only as it opens: the sidebar follows its places
    (a USB stick mounted adds or renames one: the model's rows inserted, removed or changed), the type column the
    types listed as a folder is read (rows inserted), and both the dialog's resizing, showing and font. The dialog is
    always asked of Qt (the parent, the object watched), so nothing is held that can outlive it."""

    REFIT = (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.FontChange, QEvent.Type.StyleChange)

    def __init__(self, dialog: QFileDialog):
        super().__init__(dialog)
        places = dialog.findChild(QListView, "sidebar").model()
        for signal in (places.rowsInserted, places.rowsRemoved, places.dataChanged, places.modelReset,
                       places.layoutChanged):
            signal.connect(self.fit_sidebar)
        files = dialog.findChild(QTreeView, "treeView").model()
        files.rowsInserted.connect(self.fit_listed_types)
        files.modelReset.connect(self.fit_columns)
        dialog.installEventFilter(self)
        refit(dialog)

    def fit_sidebar(self, *_) -> None:
        fit_sidebar(self.parent())

    def fit_columns(self, *_) -> None:
        refit(self.parent(), sidebar=False)

    def fit_listed_types(self, parent: QModelIndex, first: int, last: int) -> None:
        model = self.parent().findChild(QTreeView, "treeView").model()
        texts = {model.index(row, TYPE_COLUMN, parent).data() for row in range(first, last + 1)}
        fit_type_column(self.parent(), [t for t in texts if t])

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() in self.REFIT and isinstance(watched, QFileDialog):
            refit(watched)
        return False


def refit(dialog: QFileDialog, sidebar: bool = True) -> None:
    """The sidebar to its places, the size and type columns to what they can say (in the dialog's locale)."""
    if sidebar:
        fit_sidebar(dialog)
    fit_size_column(dialog, dialog.locale())
    fit_type_column(dialog, type_texts())


def build(parent: QWidget | None, title: str, kind: str, store, *, mode: str, filters: str = "",
          default: str | Path = "") -> QFileDialog:
    """The dialog for one choice of `kind`, not yet shown; `default`: where it opened before it remembered."""
    if kind not in KINDS or mode not in (OPEN_FILES, OPEN_FILE, FOLDER, SAVE):
        raise ValueError(f"file dialog: {kind!r}, {mode!r}")
    if mode in (OPEN_FILES, OPEN_FILE):
        filters = with_all_files(filters)
    dialog = QFileDialog(parent, title, start(store, kind, default, save=mode == SAVE), filters)
    dialog.setObjectName(f"file_dialog_{kind}")
    if sys.platform not in ("win32", "darwin"):
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    if mode == OPEN_FILES:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    elif mode == OPEN_FILE:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    elif mode == FOLDER:
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    else:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    locale = interface_locale()
    dialog.setLocale(locale)
    if dialog.findChild(QListView, "sidebar") is not None:  # Qt's own dialog (the platform's has no widgets)
        dialog.setProxyModel(InterfaceLocale(locale, dialog))
        KeepFitted(dialog)  # a child of the dialog, gone with it
        dialog.setStyleSheet(FOCUS_STYLE + ITEM_FOCUS_STYLE)  # also when its parent is not the window
    return dialog


def run(dialog: QFileDialog, kind: str, store, mode: str) -> list[str]:
    """Shows `dialog` until it is answered; what was chosen ([] on cancel), its folder remembered."""
    if dialog.exec() != QFileDialog.DialogCode.Accepted:
        return []
    chosen = dialog.selectedFiles()
    if chosen:
        remember(store, kind, chosen_folder(chosen[0], mode))
    return chosen


# ---------------------------------------------------------------------------- what the window calls
def open_file_names(parent: QWidget | None, title: str, kind: str, store, filters: str = "",
                    default: str | Path = "") -> list[str]:
    """Existing files (several may be chosen); [] on cancel."""
    return run(build(parent, title, kind, store, mode=OPEN_FILES, filters=filters, default=default),
               kind, store, OPEN_FILES)


def open_file_name(parent: QWidget | None, title: str, kind: str, store, filters: str = "",
                   default: str | Path = "") -> str:
    """One existing file; "" on cancel."""
    chosen = run(build(parent, title, kind, store, mode=OPEN_FILE, filters=filters, default=default),
                 kind, store, OPEN_FILE)
    return chosen[0] if chosen else ""


def existing_directory(parent: QWidget | None, title: str, kind: str, store, default: str | Path = "") -> str:
    """An existing folder; "" on cancel."""
    chosen = run(build(parent, title, kind, store, mode=FOLDER, default=default), kind, store, FOLDER)
    return chosen[0] if chosen else ""


def save_file_name(parent: QWidget | None, title: str, kind: str, store, suggested: str | Path,
                   filters: str = "") -> tuple[str, str]:
    """A file to write, `suggested` (its name kept, in the folder last saved to) to begin with; and the type
    chosen. ("", "") on cancel."""
    dialog = build(parent, title, kind, store, mode=SAVE, filters=filters, default=suggested)
    chosen = run(dialog, kind, store, SAVE)
    return (chosen[0], dialog.selectedNameFilter()) if chosen else ("", "")
