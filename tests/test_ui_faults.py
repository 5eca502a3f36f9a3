"""Window actions under faults: each action that writes or reads a file, driven against a read-only folder,
a full disk (the file size capped with RLIMIT_FSIZE, SIGXFSZ ignored so writes fail with EFBIG), a folder
where a file was asked for, a damaged bundle, a FIFO, a foreign or newer database. Each ends in a message in
Chinese, never an exception (sys.excepthook and pytest-qt both watch), and the scores and photos stored are
unchanged. One demo window serves the whole module: the sweep stays quick."""
from __future__ import annotations

import contextlib
import os
import resource
import signal
import sqlite3

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtGui import QDesktopServices  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from inspector_app import paths  # noqa: E402
from inspector_app.store.db import open_store  # noqa: E402
from inspector_app.store.demo import make_demo  # noqa: E402
from inspector_app.ui import backup_dialog, completion_check, merge_results  # noqa: E402
from inspector_app.ui.app import create_window  # noqa: E402
from inspector_app.ui.operation import Operation  # noqa: E402
from permissions import read_only, rerun_without_overrides  # noqa: E402
from tests.test_storage_faults import entries_digest  # noqa: E402

CJK = __import__("re").compile(r"[\u4e00-\u9fff]")
CAP = 4 * 1024  # a "full disk": no file written here grows past 4 KB


@contextlib.contextmanager
def disk_full(limit: int = CAP):
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, old_handler)


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ui-faults") / "data"
    store = open_store(folder)
    make_demo(store)
    store.close()
    return folder


@pytest.fixture
def said(monkeypatch):
    """Message boxes, the results of an import and the viewer, recorded; every uncaught exception too."""
    log = {"boxes": [], "opened": [], "imports": [], "errors": []}
    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, lambda _p, _t, text, *a, k=kind: log["boxes"].append((k, text)))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: log["opened"].append(url))
    monkeypatch.setattr(merge_results.MergeResultsDialog, "exec", lambda self: log["imports"].append(self) or 1)
    monkeypatch.setattr(completion_check, "confirm_complete", lambda *_a, **_k: True)
    monkeypatch.setattr(backup_dialog, "ask", lambda *_a: True)
    monkeypatch.setattr("sys.excepthook", lambda kind, exc, tb: log["errors"].append(exc))
    return log


@pytest.fixture
def window(qtbot, demo_dir, monkeypatch, said):
    monkeypatch.setenv(paths.ENV_VAR, str(demo_dir))
    paths.set_data_dir(None)
    store = open_store(demo_dir)
    win = create_window(store)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    win.select_group("g4")
    before = entries_digest(demo_dir)
    yield win
    QApplication.processEvents()
    win.store.close()
    assert not said["errors"], said["errors"]
    assert not Operation.running
    assert entries_digest(demo_dir) == before, "the scores or photos stored changed"


def one_chinese_box(said, *words) -> str:
    assert said["boxes"], "no message was shown"
    kind, text = said["boxes"][-1]
    assert kind in ("warning", "critical") and CJK.search(text), text
    assert "Traceback" not in text and "Error" not in text and "errno" not in text.lower(), text
    for word in words:
        assert word in text, text
    assert not said["opened"], "a file that was not written was opened"
    return text


# ------------------------------------------------------------------ writing documents
DOCUMENTS = {
    "report.pdf": lambda w, out: w.data_menus.reports.feedback(out / "反馈.pdf"),
    "report.docx": lambda w, out: w.data_menus.reports.feedback(out / "反馈.docx"),
    "record.pdf": lambda w, out: w.data_menus.reports.panel_record(out / "合议记录.pdf"),
    "record.docx": lambda w, out: w.data_menus.reports.panel_record(out / "合议记录.docx"),
    "sheet.pdf": lambda w, out: w.data_menus.reports.score_sheet(out / "评分表.pdf"),
    "workbook": lambda w, out: (w.data_menus.show_bureau(), w.data_menus.bureau.export_workbook(out / "结果.xlsx")),
    "notice.pdf": lambda w, out: (w.data_menus.show_bureau(), w.data_menus.bureau.export_pdf(out / "公示.pdf")),
    "notice.docx": lambda w, out: (w.data_menus.show_bureau(), w.data_menus.bureau.export_pdf(out / "公示.docx")),
}


@pytest.mark.parametrize("document", DOCUMENTS)
def test_a_document_to_a_read_only_folder(request, window, said, tmp_path, document):
    if rerun_without_overrides(request, unless_mount=True):
        return
    with read_only(tmp_path / "stick") as stick:
        DOCUMENTS[document](window, stick)
        assert not list(stick.iterdir())
    one_chinese_box(said, "只读")


@pytest.mark.parametrize("document", ["report.pdf", "record.docx", "workbook", "notice.pdf"])
def test_a_document_to_a_full_disk(window, said, tmp_path, document):
    out = tmp_path / "full"
    out.mkdir()
    with disk_full():
        DOCUMENTS[document](window, out)
    one_chinese_box(said, "磁盘空间")
    assert not list(out.iterdir()), list(out.iterdir())


def test_a_document_named_like_a_folder(window, said, tmp_path):
    (tmp_path / "反馈.pdf").mkdir()
    window.data_menus.reports.feedback(tmp_path / "反馈.pdf")
    one_chinese_box(said, "文件夹")


# ------------------------------------------------------------------ reading files
def test_import_a_damaged_bundle_and_a_fifo(window, said, tmp_path):
    damaged = tmp_path / "坏的.zip"
    damaged.write_bytes(b"PK\x03\x04" + os.urandom(300))
    fifo = tmp_path / "管道.zip"
    os.mkfifo(fifo)
    outcomes = window.data_menus.bundles.import_files([damaged, fifo])
    assert len(outcomes) == 2 and said["imports"]
    for outcome in outcomes:
        assert outcome.status == "rejected" and CJK.search(outcome.message), outcome.message
        assert "Traceback" not in outcome.message


def test_photo_add_of_a_fifo_and_a_folder(window, said, tmp_path, qtbot):
    fifo = tmp_path / "照片.jpg"
    os.mkfifo(fifo)
    folder = tmp_path / "文件夹.jpg"
    folder.mkdir()
    place = next(p for p in window.workspace.places if window.workspace.is_mine(p))
    window.navigator.select(place)
    messages = []
    window.page.photos.message.connect(lambda text, error: messages.append((text, error)))
    window.page.photos.import_paths([fifo, folder])
    result = window.page.photos.last_import
    assert result is not None and not result.added and len(result.refused) == 2
    assert messages and messages[-1][1] and CJK.search(messages[-1][0]), messages


def test_photo_add_of_an_unreadable_file(request, window, said, tmp_path):
    if rerun_without_overrides(request):  # root reads a file whatever its permissions
        return
    locked = tmp_path / "锁住.jpg"
    locked.write_bytes(b"\xff\xd8\xff" + b"0" * 100)
    locked.chmod(0)
    place = next(p for p in window.workspace.places if window.workspace.is_mine(p))
    window.navigator.select(place)
    window.page.photos.import_paths([locked])
    assert not window.page.photos.last_import.added and window.page.photos.last_import.refused


# ------------------------------------------------------------------ backups
def test_backup_now_with_the_disk_full(window, said):
    with disk_full(16 * 1024):
        assert window.data_menus.backups.backup_now() is None
    one_chinese_box(said, "备份失败")


def test_restore_a_foreign_and_a_newer_database(window, said, tmp_path):
    foreign = tmp_path / "别的.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    store = window.store
    window.data_menus.backups.restore(foreign)
    one_chinese_box(said, "不是 Inspector 的数据库备份", "未恢复")
    newer = tmp_path / "新版本.db"
    made = window.data_menus.backups.backup_now()
    said["boxes"].clear()
    newer.write_bytes(made.path.read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 9999")
    conn.commit()
    conn.close()
    window.data_menus.backups.restore(newer)
    one_chinese_box(said, "更新版本", "未恢复")
    assert window.store is store and window.workspace is not None  # never closed


def test_export_bundle_to_a_read_only_folder(request, window, said, tmp_path):
    if rerun_without_overrides(request, unless_mount=True):
        return
    with read_only(tmp_path / "stick") as stick:
        window.data_menus.bundles.export_mine(stick)
        assert not [p for p in stick.iterdir()]
    one_chinese_box(said, "只读")
