"""Full disk (RLIMIT_FSIZE) and read-only storage: every writing command ends in a plain message.

Each command runs as a real `python -m inspector_app` child. For a full disk the
child's file size is capped (SIGXFSZ ignored, so writes fail with EFBIG as on a
full stick); for read-only storage the folder is a read-only mount (as root), or has its write
permission taken away (not root; or root without the right to mount, the child then losing root's
power to write through permissions). Nothing stored may change.
"""
from __future__ import annotations

import hashlib
import os
import resource
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from permissions import drop_overrides, read_only_for_child

ROOT = Path(__file__).resolve().parents[1]
GROUP = "第四中学"


def run(data_dir: Path, *args: str, fsize: int | None = None, obey_permissions: bool = False) -> subprocess.CompletedProcess:
    def cap():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # inherited by exec: writes fail with EFBIG instead
        if fsize is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
        if obey_permissions:
            drop_overrides()

    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "inspector_app", "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, env=env, preexec_fn=cap, timeout=120)


def entries_digest(data_dir: Path) -> str:
    conn = sqlite3.connect(data_dir / "inspector.db")
    try:
        rows = conn.execute("SELECT * FROM entries ORDER BY id").fetchall() + \
            conn.execute("SELECT * FROM photos ORDER BY id").fetchall()
        return hashlib.sha256(repr(rows).encode()).hexdigest()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("faults") / "data"
    assert run(data_dir, "demo").returncode == 0
    return data_dir


def _plain(result: subprocess.CompletedProcess) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode != 0, result
    return result.stderr


WRITES = {
    "report": lambda out: ["report", "--group", GROUP, "--out", str(out / "反馈报告.pdf")],
    "results": lambda out: ["results", "--out", str(out / "结果.xlsx")],
    "export": lambda out: ["export", "--out", str(out)],
    "panel-export": lambda out: ["panel", "export", "--group", GROUP, "--out", str(out)],
    "keys-export": lambda out: ["keys", "export", "--out", str(out / "me.pub")],
}


@pytest.mark.parametrize("command", sorted(WRITES))
def test_writing_to_a_read_only_folder_is_said_in_words(demo, tmp_path, command):
    before = entries_digest(demo)
    with read_only_for_child(tmp_path / "stick") as (stick, obey):
        err = _plain(run(demo, *WRITES[command](stick), obey_permissions=obey))
    assert "只读" in err or "没有权限" in err or "未定稿" in err or "定稿" in err, err
    assert entries_digest(demo) == before


@pytest.mark.parametrize("command", sorted(set(WRITES) - {"keys-export", "results"}))  # files under 40 KB
def test_writing_to_a_full_stick_is_said_in_words(demo, tmp_path, command):
    before = entries_digest(demo)
    stick = tmp_path / "stick"
    stick.mkdir()
    # 40 KB: above what opening the store writes (its 32 KB shared-memory file), below any document made here
    err = _plain(run(demo, *WRITES[command](stick), fsize=40_000))
    assert "磁盘空间已满" in err or "定稿" in err, err
    assert not [p for p in stick.iterdir() if not p.name.startswith(".")]
    assert entries_digest(demo) == before


def test_a_report_to_a_folder_name_is_said_in_words(demo, tmp_path):
    err = _plain(run(demo, "report", "--group", GROUP, "--out", str(tmp_path)))
    assert "文件夹" in err


def test_backup_now_with_too_little_space_is_said_in_words(demo):
    size = (demo / "inspector.db").stat().st_size
    before = entries_digest(demo)
    err = _plain(run(demo, "backup", "now", fsize=size // 2))
    assert "备份失败" in err and "磁盘空间已满" in err, err
    assert entries_digest(demo) == before
    assert run(demo, "progress", "--group", GROUP).returncode == 0  # the live database is fine


def test_a_write_on_a_full_disk_keeps_what_was_saved(demo, tmp_path):
    before = entries_digest(demo)
    result = run(demo, "entry", "set", "--group", GROUP, "--indicator", "C6", "met=false",
                 "--note", "长" * 30_000, fsize=60_000)  # the WAL cannot take the note's pages
    err = _plain(result)
    assert "磁盘空间已满" in err or "无法写入磁盘" in err, err
    assert entries_digest(demo) == before
