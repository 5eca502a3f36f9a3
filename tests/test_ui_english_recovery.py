"""The English window says the start-up notices in English: the account of an unclean exit (what was kept, the
last change saved) and a data folder on removable storage; a write refused for a full disk too. Each is made for
real (a store closed without its clean close, the core's own explanation of an OS error)."""
from __future__ import annotations

import errno
import re

import pytest

pytest.importorskip("pytestqt")

from tests.test_ui_language import language  # noqa: E402,F401

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def test_an_unclean_exit_is_told_in_english_at_the_next_start(qtbot, language, data_dir):
    from inspector_app.store.db import open_store
    from inspector_app.ui import app as ui_app
    from tests.store_helpers import crashed_after_an_entry
    crashed_after_an_entry(data_dir)
    again = open_store(data_dir)
    assert "没有正常退出" in again.report.recovered  # the core and the command line say it in Chinese
    language("en")
    window = ui_app.create_window(again)
    qtbot.addWidget(window)
    said = window.banner.text()
    assert said.startswith("Inspector did not close properly last time"), said
    assert "The database passed its integrity check." in said and "are kept" in said, said
    assert "the score of indicator C6" in said, said
    assert "cannot be recovered" in said and not CJK.findall(said), said
    window.commit_all()
    again.close()


def test_storage_notices_are_said_in_english(qtbot, language, tmp_path):
    from inspector_app.fsutil import explain_os_error, is_removable_or_network
    from inspector_app.ui.core_words import core_text
    language("en")
    stick = is_removable_or_network(tmp_path, mounts=f"/dev/sdb1 {tmp_path} vfat rw 0 0\n")
    assert stick and "可移动存储" in stick
    assert core_text(stick).startswith("The data folder is on removable storage") and not CJK.findall(core_text(stick))
    share = is_removable_or_network(tmp_path, mounts=f"server:/x {tmp_path} nfs4 rw 0 0\n")
    assert core_text(share).startswith("The data folder is on network storage (nfs4") and not CJK.findall(core_text(share))
    full = explain_os_error(OSError(errno.ENOSPC, "No space left on device"), tmp_path / "a.zip")
    assert core_text(full) == f"The disk is full (or the file is over its size limit): {tmp_path / 'a.zip'} cannot be " \
                              "written. Nothing already saved is affected.", core_text(full)
    read_only = core_text(explain_os_error(OSError(errno.EROFS, "Read-only"), tmp_path))
    assert read_only.startswith(f"Cannot write {tmp_path}: the folder is read-only") and not CJK.findall(read_only)
