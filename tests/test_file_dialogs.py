"""The window's file dialogs (ui/file_dialogs.py): dates in the interface's language whatever LANG says, a
sidebar wide enough for its places, 所有文件 after every open filter, each kind of choice starting in the folder
last used for it, and the window's focus look. Each dialog is built and looked at, or run and answered by a timer."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QDateTime, QDir, QLocale, QSettings, QStandardPaths, QTimer, QUrl  # noqa: E402
from PySide6.QtGui import QFont  # noqa: E402
from PySide6.QtWidgets import QApplication, QFileDialog, QListView, QStyle, QTreeView  # noqa: E402

from inspector_app.store.db import open_store  # noqa: E402
from inspector_app.ui import file_dialogs as F  # noqa: E402
from inspector_app.ui.inputs import FOCUS_COLOR, FOCUS_STYLE  # noqa: E402
from tests.test_ui_language import language  # noqa: E402,F401
from tests.test_ui_scaling import run_at_125_percent  # noqa: E402

PHOTOS = "照片 (*.jpg *.jpeg *.png)"


@pytest.fixture(autouse=True)
def qt_settings(tmp_path):
    """Qt's dialog keeps its own state (history, sidebar width) in QtProject.conf: here in a temporary folder."""
    folder = tmp_path / "qt-settings"
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    yield folder
    home = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, home)


@pytest.fixture
def store(data_dir):
    opened = open_store(data_dir)
    yield opened
    opened.close()


def built(qtbot, *args, **kwargs) -> QFileDialog:
    dialog = F.build(*args, **kwargs)
    qtbot.addWidget(dialog)
    return dialog


def answer_with(path: Path | None) -> None:
    """The next dialog shown is answered: `path` chosen, or cancelled."""
    def answer():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, answer)
            return
        if path is None:
            dialog.reject()
            return
        dialog.selectFile(str(path))
        dialog.accept()
    QTimer.singleShot(0, answer)


def date_shown(qtbot, dialog: QFileDialog, name: str) -> str:
    view = dialog.findChild(QTreeView, "treeView")
    model = view.model()

    def row():
        return next((r for r in range(model.rowCount(view.rootIndex())) if model.index(r, 0, view.rootIndex()).data()
                     == name), None)
    qtbot.waitUntil(lambda: row() is not None, timeout=5000)  # the folder is read on Qt's own thread
    root = view.rootIndex()
    return model.index(row(), F.DATE_COLUMN, root).data()


# ---------------------------------------------------------------------------- 1. dates in the interface's language
def test_dates_follow_the_interface_language_not_the_system(qtbot, tmp_path, language):  # noqa: F811
    folder = tmp_path / "照片"
    folder.mkdir()
    photo = folder / "校门.jpg"
    photo.write_bytes(b"\xff\xd8\xff")
    when = datetime(2026, 3, 5, 14, 7).timestamp()
    os.utime(photo, (when, when))
    modified = QDateTime.fromSecsSinceEpoch(int(when))

    for code, title, locale, start in (
            ("zh_CN", "添加照片", QLocale(QLocale.Language.Chinese, QLocale.Country.China), "2026/3/5"),
            ("en", "Add photos", QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), "3/5/26")):
        language(code)
        dialog = built(qtbot, None, title, F.PHOTOS, None, mode=F.OPEN_FILES, filters=PHOTOS, default=folder)
        assert dialog.locale().name() == locale.name()
        text = date_shown(qtbot, dialog, "校门.jpg")
        assert text == locale.toString(modified, QLocale.FormatType.ShortFormat)
        assert text.startswith(start), text


def test_a_file_size_is_written_in_the_interface_locale_and_a_folder_has_none(qtbot, tmp_path):
    (tmp_path / "a.db").write_bytes(b"x" * 2048)
    (tmp_path / "二年级").mkdir()
    dialog = built(qtbot, None, "t", F.BACKUP_RESTORE, None, mode=F.OPEN_FILE, default=tmp_path)
    view = dialog.findChild(QTreeView, "treeView")
    qtbot.waitUntil(lambda: view.model().rowCount(view.rootIndex()) == 2, timeout=5000)
    sizes = {view.model().index(r, 0, view.rootIndex()).data(): view.model().index(r, F.SIZE_COLUMN,
                                                                                     view.rootIndex()).data()
             for r in range(2)}
    assert sizes == {"a.db": F.interface_locale().formattedDataSize(2048), "二年级": ""}


def test_a_files_type_is_said_in_the_programs_words_not_the_systems(qtbot, tmp_path):
    """The system's MIME comments name types in the system's language ("JPEG image" in the Chinese window, cut to
    "JPE…age"); the program says what it takes (evidence_files' labels), and 文件夹."""
    from inspector_app.store import evidence_files as EF
    for name in ("章程.pdf", "访谈.m4a", "校园.jpg", "名单.zip"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "二年级").mkdir()
    dialog = built(qtbot, None, "t", F.EVIDENCE, None, mode=F.OPEN_FILES, default=tmp_path)
    view = dialog.findChild(QTreeView, "treeView")
    qtbot.waitUntil(lambda: view.model().rowCount(view.rootIndex()) == 5, timeout=5000)
    types = {view.model().index(r, 0, view.rootIndex()).data(): view.model().index(r, F.TYPE_COLUMN,
                                                                                     view.rootIndex()).data()
             for r in range(5)}
    assert types["章程.pdf"] == EF.FILE_TYPES["pdf"].label and types["访谈.m4a"] == EF.FILE_TYPES["m4a"].label
    assert types["校园.jpg"] == EF.KIND_LABELS["photo"] and types["名单.zip"] == "ZIP 文件"
    assert types["二年级"] == "文件夹", types


# ---------------------------------------------------------------------------- 2. the sidebar
def narrow_sidebar_remembered_by_qt() -> None:
    """Qt keeps the sidebar's width from one dialog to the next; on the laptop where 计算机 was cut it was 70."""
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.setValue("FileDialog/shortcuts", ["file:", QUrl.fromLocalFile(QDir.homePath()).toString()])  # its places
    settings.setValue("FileDialog/sidebarWidth", 40)
    settings.sync()


def sidebar_problems(sidebar: QListView) -> list[str]:
    """Each place's name and icon as the list's delegate lays them out (the font's metrics), against the room the
    list has: a place wider than it is drawn cut (计…)."""
    model = sidebar.model()
    icon = sidebar.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, sidebar)
    room = sidebar.viewport().width()
    problems = []
    for row in range(model.rowCount()):
        label = model.index(row, 0).data()
        need = max(sidebar.sizeHintForIndex(model.index(row, 0)).width(),
                   sidebar.fontMetrics().horizontalAdvance(label) + icon)
        if need > room:
            problems.append(f"{label}: {need} > {room}")
    return problems


def test_the_sidebar_is_wide_enough_for_its_longest_place(qtbot, tmp_path, language):  # noqa: F811
    language("zh_CN")
    narrow_sidebar_remembered_by_qt()
    app = QApplication.instance()
    font = app.font()
    larger = QFont(font)
    larger.setPointSizeF(font.pointSizeF() * 1.4)  # a laptop set to larger text
    app.setFont(larger)
    try:
        dialog = built(qtbot, None, "t", F.PHOTOS, None, mode=F.OPEN_FILES, filters=PHOTOS, default=tmp_path)
        dialog.show()
        qtbot.waitExposed(dialog)
        sidebar = dialog.findChild(QListView, "sidebar")
        labels = [sidebar.model().index(r, 0).data() for r in range(sidebar.model().rowCount())]
        assert "计算机" in labels, labels
        assert sidebar_problems(sidebar) == []
    finally:
        app.setFont(font)


def test_the_sidebar_follows_its_places_and_the_dialogs_size_while_open(qtbot, tmp_path, language):  # noqa: F811
    """Fitted as it opens is not enough: a USB stick mounted while the dialog is open adds a place (the sidebar's
    model: rows inserted) or gives one its volume's name (data changed), and the sidebar widens to the longest
    label, as its font lays it out; a dialog made smaller keeps it so."""
    language("zh_CN")
    narrow_sidebar_remembered_by_qt()
    dialog = built(qtbot, None, "t", F.EVIDENCE, None, mode=F.OPEN_FILES, default=tmp_path)
    dialog.show()
    qtbot.waitExposed(dialog)
    sidebar = dialog.findChild(QListView, "sidebar")
    model = sidebar.model()
    icon = sidebar.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, sidebar)
    assert sidebar_problems(sidebar) == []
    before = sidebar.viewport().width()

    stick = tmp_path / "督导考核资料（教育局发的优盘）二〇二三学年"
    stick.mkdir()
    dialog.setSidebarUrls(dialog.sidebarUrls() + [QUrl.fromLocalFile(str(stick))])
    labels = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert stick.name in labels, labels
    need = sidebar.fontMetrics().horizontalAdvance(stick.name) + icon
    qtbot.waitUntil(lambda: sidebar.viewport().width() >= need, timeout=3000)
    assert need > before and sidebar_problems(sidebar) == []

    longer = "金士顿优盘（第二学区督导组：照片、录音、佐证材料）"  # the volume's name, once it is read
    model.setData(model.index(model.rowCount() - 1, 0), longer)
    need = sidebar.fontMetrics().horizontalAdvance(longer) + icon
    qtbot.waitUntil(lambda: sidebar.viewport().width() >= need, timeout=3000)
    assert sidebar_problems(sidebar) == []

    dialog.resize(480, 320)  # smaller: the file list gives way, not the places
    qtbot.waitUntil(lambda: dialog.width() <= max(480, dialog.minimumSizeHint().width()), timeout=3000)
    QApplication.processEvents()
    assert sidebar_problems(sidebar) == []


SCALED = textwrap.dedent("""
    import tempfile
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QListView
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, tempfile.mkdtemp())
    from inspector_app.ui import app as A
    from inspector_app.ui import file_dialogs as F
    from tests.test_file_dialogs import narrow_sidebar_remembered_by_qt, sidebar_problems
    app = A.make_app()
    A.i18n.install(app, "zh_CN")
    A.app_font()
    narrow_sidebar_remembered_by_qt()
    dialog = F.build(None, "t", F.PHOTOS, None, mode=F.OPEN_FILES, filters="照片 (*.jpg)", default=tempfile.mkdtemp())
    dialog.show()
    for _ in range(3):
        app.processEvents()
    sidebar = dialog.findChild(QListView, "sidebar")
    labels = [sidebar.model().index(r, 0).data() for r in range(sidebar.model().rowCount())]
    print("labels", labels, "problems", sidebar_problems(sidebar))
""")


def test_the_sidebar_is_wide_enough_at_125_percent(tmp_path):
    run = run_at_125_percent(tmp_path, SCALED)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "计算机" in run.stdout and "problems []" in run.stdout, run.stdout


SIZES = textwrap.dedent("""
    import os, sys, tempfile
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QTreeView
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, tempfile.mkdtemp())
    from inspector_app.ui import app as A
    from inspector_app.ui import file_dialogs as F
    from tests.test_file_dialogs import size_problems
    folder = tempfile.mkdtemp()
    for name, size in (("校门.jpg", 413_184), ("录音.m4a", 1000 * 1024 ** 2), ("a.db", 2048)):
        with open(os.path.join(folder, name), "wb") as f:
            f.truncate(size)  # sparse: the size is what the list shows
    app = A.make_app()
    A.i18n.install(app, sys.argv[1])
    A.app_font()
    dialog = F.build(None, "t", F.EVIDENCE, None, mode=F.OPEN_FILES, default=folder)
    dialog.show()
    view = dialog.findChild(QTreeView, "treeView")
    for _ in range(200):
        app.processEvents()
        if view.model().rowCount(view.rootIndex()) == 3:
            break
    for _ in range(3):
        app.processEvents()
    print("rows", view.model().rowCount(view.rootIndex()), "problems", size_problems(view))
""")


def size_problems(view: QTreeView) -> list[str]:
    """Each file's size as the view's delegate lays it out in the view's font, against its column: wider is
    drawn cut (403…KiB)."""
    model, root = view.model(), view.rootIndex()
    room = view.columnWidth(F.SIZE_COLUMN)
    problems = []
    for row in range(model.rowCount(root)):
        index = model.index(row, F.SIZE_COLUMN, root)
        need = max(view.sizeHintForIndex(index).width(),
                   view.fontMetrics().horizontalAdvance(index.data() or "") + 2 * view.style().pixelMetric(
                       QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 2)
        if need > room:
            problems.append(f"{index.data()}: {need} > {room}")
    return problems


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_size_column_is_wide_enough_for_its_sizes_at_125_percent(tmp_path, lang):
    script = tmp_path / "sizes.py"
    script.write_text(SIZES, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR="1.25",
               PYTHONPATH=str(Path(__file__).resolve().parent.parent))
    run = subprocess.run([sys.executable, str(script), lang], capture_output=True, text=True, env=env, timeout=240)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "rows 3 problems []" in run.stdout, run.stdout


TYPES = textwrap.dedent("""
    import os, sys, tempfile
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QTreeView
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, tempfile.mkdtemp())
    from inspector_app.ui import app as A
    from inspector_app.ui import file_dialogs as F
    from tests.test_file_dialogs import column_problems
    folder = tempfile.mkdtemp()
    names = ("校门.jpeg", "章程.pdf", "访谈.m4a", "名单.xlsx", "汇报.docx", "报表.et", "种子.torrent", "说明")
    for name in names:
        open(os.path.join(folder, name), "wb").close()
    os.mkdir(os.path.join(folder, "二年级"))
    app = A.make_app()
    A.i18n.install(app, sys.argv[1])
    A.app_font()
    dialog = F.build(None, "t", F.EVIDENCE, None, mode=F.OPEN_FILES, default=folder)
    dialog.show()
    view = dialog.findChild(QTreeView, "treeView")
    for _ in range(200):
        app.processEvents()
        if view.model().rowCount(view.rootIndex()) == len(names) + 1:
            break
    for _ in range(3):
        app.processEvents()
    print("rows", view.model().rowCount(view.rootIndex()), "problems", column_problems(view, F.TYPE_COLUMN))
""")


def column_problems(view: QTreeView, column: int) -> list[str]:
    """Each row's text in `column` as the view's delegate lays it out in the view's font, against the column's
    width: wider is drawn cut (JPE…age)."""
    model, root = view.model(), view.rootIndex()
    room = view.columnWidth(column)
    margin = 2 * view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 2
    problems = []
    for row in range(model.rowCount(root)):
        index = model.index(row, column, root)
        need = max(view.sizeHintForIndex(index).width(), view.fontMetrics().horizontalAdvance(index.data() or "") + margin)
        if need > room:
            problems.append(f"{index.data()}: {need} > {room}")
    return problems


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_type_column_is_wide_enough_for_its_types_at_125_percent(tmp_path, lang):
    script = tmp_path / "types.py"
    script.write_text(TYPES, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR="1.25",
               PYTHONPATH=str(Path(__file__).resolve().parent.parent))
    run = subprocess.run([sys.executable, str(script), lang], capture_output=True, text=True, env=env, timeout=240)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "rows 9 problems []" in run.stdout, run.stdout


# ---------------------------------------------------------------------------- 3. filters
def test_every_open_dialog_with_a_filter_also_offers_all_files(qtbot, tmp_path, language):  # noqa: F811
    language("zh_CN")
    for mode in (F.OPEN_FILES, F.OPEN_FILE):
        dialog = built(qtbot, None, "t", F.PHOTOS, None, mode=mode, filters=PHOTOS, default=tmp_path)
        assert dialog.nameFilters() == [PHOTOS, "所有文件 (*)"]
    save = built(qtbot, None, "t", F.REPORTS, None, mode=F.SAVE, filters="PDF (*.pdf)", default=tmp_path / "x.pdf")
    assert save.nameFilters() == ["PDF (*.pdf)"]  # a save writes one type: nothing to add
    offered = "数据库 (*.db);;所有文件 (*)"
    assert F.with_all_files(offered) == offered  # not offered twice
    assert F.with_all_files("") == ""
    language("en")
    assert F.with_all_files("Photos (*.jpg)") == "Photos (*.jpg);;All files (*)"


# ---------------------------------------------------------------------------- 4. the last folder, per kind
def test_each_kind_starts_in_its_last_folder_across_a_restart_and_falls_back_when_it_is_gone(
        qtbot, tmp_path, data_dir, store):
    usb, default = tmp_path / "U盘" / "照片", tmp_path / "默认"
    usb.mkdir(parents=True)
    default.mkdir()
    (usb / "校门.jpg").write_bytes(b"\xff\xd8\xff")
    (usb / "操场.jpg").write_bytes(b"\xff\xd8\xff")
    dialog = built(qtbot, None, "t", F.PHOTOS, store, mode=F.OPEN_FILES, filters=PHOTOS, default=default)
    assert Path(dialog.directory().path()) == default  # nothing remembered yet: where it started before

    answer_with(usb / "校门.jpg")
    assert F.open_file_names(None, "添加照片", F.PHOTOS, store, PHOTOS, default) == [str(usb / "校门.jpg")]
    answer_with(None)  # cancelled: nothing chosen, nothing remembered
    assert F.open_file_names(None, "添加佐证文件", F.EVIDENCE, store, "PDF (*.pdf)", default) == []
    store.close()

    fresh = open_store(data_dir)  # the program started again
    try:
        photos = built(qtbot, None, "t", F.PHOTOS, fresh, mode=F.OPEN_FILES, filters=PHOTOS, default=default)
        assert Path(photos.directory().path()) == usb
        folder = built(qtbot, None, "t", F.PHOTOS, fresh, mode=F.FOLDER, default=default)  # a folder of photos too
        assert Path(folder.directory().path()) == usb
        evidence = built(qtbot, None, "t", F.EVIDENCE, fresh, mode=F.OPEN_FILES, default=default)
        assert Path(evidence.directory().path()) == default  # each kind its own folder

        shutil.rmtree(usb)  # the USB stick taken out
        gone = built(qtbot, None, "t", F.PHOTOS, fresh, mode=F.OPEN_FILES, filters=PHOTOS, default=default)
        assert Path(gone.directory().path()) == default
    finally:
        fresh.close()


def test_a_save_keeps_its_suggested_name_in_the_folder_last_saved_to(qtbot, tmp_path, store):
    reports, elsewhere = tmp_path / "报告", tmp_path / "data" / "reports"
    reports.mkdir()
    elsewhere.mkdir(parents=True)
    answer_with(reports / "反馈报告.pdf")
    chosen, kind = F.save_file_name(None, "t", F.REPORTS, store, elsewhere / "反馈报告.pdf", "PDF (*.pdf)")
    assert (chosen, kind) == (str(reports / "反馈报告.pdf"), "PDF (*.pdf)")
    dialog = built(qtbot, None, "t", F.REPORTS, store, mode=F.SAVE, filters="PDF (*.pdf)",
                   default=elsewhere / "合议记录.pdf")
    assert dialog.selectedFiles() == [str(reports / "合议记录.pdf")]
    results = built(qtbot, None, "t", F.RESULTS, store, mode=F.SAVE, default=elsewhere / "考核结果.xlsx")
    assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    assert results.selectedFiles() == [str(elsewhere / "考核结果.xlsx")]  # results remember their own folder
    answer_with(None)
    assert F.save_file_name(None, "t", F.KEYS, store, "专家甲.pub", "(*.pub)") == ("", "")


def test_a_folder_choice_remembers_the_folder_chosen(qtbot, tmp_path, store):
    usb = tmp_path / "U盘"
    usb.mkdir()
    answer_with(usb)
    assert F.existing_directory(None, "导出到文件夹", F.BUNDLE_EXPORT, store) == str(usb)
    dialog = built(qtbot, None, "t", F.BUNDLE_EXPORT, store, mode=F.FOLDER)
    assert Path(dialog.directory().path()) == usb
    assert dialog.fileMode() == QFileDialog.FileMode.Directory and dialog.testOption(QFileDialog.Option.ShowDirsOnly)


# ---------------------------------------------------------------------------- 5. the focus look
def test_the_file_list_and_its_focused_item_wear_the_window_focus_look(qtbot, tmp_path):
    dialog = built(qtbot, None, "t", F.EVIDENCE, None, mode=F.OPEN_FILES, default=tmp_path)
    style = dialog.styleSheet()
    assert FOCUS_STYLE in style and f"::item:focus {{ border: 1px solid {FOCUS_COLOR}; }}" in style
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own dialog, as on Linux
