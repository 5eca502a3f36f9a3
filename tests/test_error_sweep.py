"""Every command's error paths, swept: no input may end in a traceback or a crash report.

Each command of the parser (read from argparse itself, so a new command is swept
without being listed here) is run with plausible values, then with each of its
options and arguments in turn given a hostile value: empty, a lone surrogate,
a huge number, a FIFO, a missing path, a folder, a garbage file. It runs against
the demo inspection and against a damaged database. A run passes when it ends
in an exit status with no traceback and the top-level handler wrote no crash
report (a crash report means an unexpected exception: a path nobody handled).

INSPECTOR_SWEEP=full sweeps every hostile value (a few minutes); the default
sweeps a representative subset within CI's time.
"""
from __future__ import annotations

import argparse
import io
import os
import shutil
import sys
from pathlib import Path

import pytest

from inspector_app import crash
from inspector_app.cli.main import build_parser, main

FULL = os.environ.get("INSPECTOR_SWEEP") == "full"
COUNTS = {"tried": 0, "handled": 0, "failed": 0}

PLAUSIBLE = {"group": "第四中学", "indicator": "C6", "school": "", "rubric": "suizhou-jlt", "points": "3",
             "reason": "核对原件", "name": "李", "level": "市级", "visit_date": "2024-05-01",
             "meeting_date": "2024-05-02", "id": "1", "key": "AAAA-BBBB", "set": "张明华", "limit": "5",
             "grade": "优秀", "sheet": "李静", "values": "met=true", "stage": "复评", "title": "测试",
             "school_year": "2024—2025", "year": "2024", "evidence": "章程", "method": "查阅资料"}


def leaves(parser: argparse.ArgumentParser, prefix: list[str]):
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield prefix, parser
        return
    for name, sub in subs[0].choices.items():
        yield from leaves(sub, prefix + [name])


COMMANDS = [(" ".join(prefix), parser) for prefix, parser in leaves(build_parser(), [])]


@pytest.fixture(scope="module")
def places(tmp_path_factory):
    root = tmp_path_factory.mktemp("sweep")
    demo = root / "demo"
    assert main(["--data-dir", str(demo), "demo"]) == 0
    files = root / "files"
    files.mkdir()
    (files / "garbage.zip").write_bytes(b"PK\x03\x04" + os.urandom(300))
    (files / "garbage.txt").write_text("不是任何格式\n", encoding="utf-8")
    (files / "folder").mkdir()
    os.mkfifo(files / "fifo.zip")
    good_out = root / "out"
    good_out.mkdir()
    damaged = root / "damaged"
    shutil.copytree(demo, damaged, ignore=shutil.ignore_patterns("inspector.lock"))
    db = damaged / "inspector.db"
    db.write_bytes(db.read_bytes()[: db.stat().st_size * 9 // 10])  # truncated: every command must say so
    return {"demo": demo, "files": files, "out": good_out, "root": root, "damaged": damaged}


def hostile_values(places) -> list[str]:
    f = places["files"]
    chosen = ["\udcff", str(f / "fifo.zip"), str(f / "garbage.zip")]
    if FULL:
        chosen += ["", " ", "9" * 40, "-1", str(f / "missing.zip"), str(f / "folder"), str(f / "garbage.txt"),
                   "../../../etc/passwd", "长" * 5000]
    return chosen


def argv_for(parser: argparse.ArgumentParser, places, override: tuple[str, str] | None = None) -> list[str]:
    argv = []
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction) or action.nargs == 0:
            continue
        dest = action.dest
        value = PLAUSIBLE.get(dest)
        if dest in ("out", "pdf"):
            value = str(places["out"] / ("x.pdf" if dest == "pdf" else "out"))
        if dest in ("files", "source", "backup", "file", "workbook", "answers", "roster"):
            value = str(places["files"] / "garbage.zip")
        if override and override[0] == dest:
            value = override[1]
        if value is None or not (action.required or not action.option_strings or (override and override[0] == dest)):
            continue
        argv += ([action.option_strings[0], value] if action.option_strings else [value])
    return argv


def _run(data_dir: Path, words: str, argv: list[str], capsys, monkeypatch) -> str:
    crashes = []
    monkeypatch.setattr(crash, "handle", lambda exc, argv=None: crashes.append(exc) or "CRASH")
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    full = ["--data-dir", str(data_dir), *words.split(), *argv]
    try:
        main(full)
    except SystemExit:
        pass  # argparse's usage errors: a message and status 2
    out = capsys.readouterr()
    COUNTS["tried"] += 1
    problem = ""
    if crashes:
        problem = f"unexpected {type(crashes[0]).__name__}: {crashes[0]}"
    elif "Traceback" in out.err or "Traceback" in out.out:
        problem = "traceback printed"
    if problem:
        COUNTS["failed"] += 1
        return f"{' '.join(full[2:])!r}: {problem}"
    COUNTS["handled"] += 1
    return ""


@pytest.mark.parametrize("words", [w for w, _p in COMMANDS if w not in ("demo",)])
def test_every_option_of_every_command_with_hostile_values(places, words, capsys, monkeypatch):
    parser = dict(COMMANDS)[words]
    data_dir = places["demo"]  # shared: a command that succeeds may change it, as a user's would
    failures = [_run(data_dir, words, argv_for(parser, places), capsys, monkeypatch)]
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction) or action.nargs == 0:
            continue
        for value in hostile_values(places):
            failures.append(_run(data_dir, words, argv_for(parser, places, (action.dest, value)), capsys, monkeypatch))
    failures = [f for f in failures if f]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("words", [w for w, _p in COMMANDS if w not in ("demo", "backup restore")])
def test_every_command_on_a_damaged_database(places, words, capsys, monkeypatch):
    data_dir = places["damaged"]
    failure = _run(data_dir, words, argv_for(dict(COMMANDS)[words], places), capsys, monkeypatch)
    assert not failure, failure


def test_the_sweep_counts():
    print(f"\nerror-path sweep: {COUNTS}")
    assert COUNTS["failed"] == 0
