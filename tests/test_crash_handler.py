"""The top-level handler: an unexpected exception becomes a short message and a crash report without user data."""
from __future__ import annotations

import sys

import pytest

from inspector_app import crash


def cli(folder, *args: str) -> int:
    from inspector_app.cli.main import main
    return main(["--data-dir", str(folder), *args])


SECRET = "王老师的备注：机密"


def test_an_unexpected_error_in_a_command_is_a_message_and_a_report_without_user_data(data_dir, capsys, monkeypatch):
    assert cli(data_dir, "demo") == 0
    from inspector_app.cli import store_cmd

    def broken(*_a, **_k):
        raise AttributeError(f"'str' object has no attribute 'get' ({SECRET})")

    monkeypatch.setattr(store_cmd, "place_from_args", broken)
    capsys.readouterr()
    assert cli(data_dir, "entry", "set", "--group", "第四中学", "--indicator", "C6", "met=true", "--note", SECRET) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "程序内部出错" in err and SECRET not in err
    reports = list((data_dir / crash.REPORTS).glob("crash-*.txt"))
    assert len(reports) == 1 and str(reports[0]) in err
    text = reports[0].read_text(encoding="utf-8")
    assert "command: inspector --data-dir … entry set --group … --indicator … … --note …" in text
    assert "exception: builtins.AttributeError" in text and "store_cmd.py" in text and "in cmd_entry_set" in text
    assert SECRET not in text and "第四中学" not in text and str(data_dir) not in text
    from inspector_app import __version__
    assert __version__ in text


def test_a_lone_surrogate_in_the_command_line_is_refused_naming_the_option(data_dir, capsys):
    assert cli(data_dir, "demo") == 0
    assert cli(data_dir, "progress", "--group", "\udcff") == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "--group" in err and "Unicode" in err


@pytest.mark.parametrize("argv, shown", [
    (["entry", "set", "--group", "g4", "points=5"], "inspector entry set --group … …"),
    (["--data-dir=/home/li/x", "backup", "restore", "latest"], "inspector --data-dir=… backup restore …"),
    (["photo", "add", "-h"], "inspector photo add -h"),
])
def test_the_command_in_a_report_keeps_only_command_words_and_option_names(argv, shown):
    assert crash.redact_command(argv) == shown


def test_the_window_turns_an_exception_in_a_slot_into_a_message_box(data_dir, monkeypatch, qtbot):
    from PySide6.QtWidgets import QMessageBox

    from inspector_app.ui import app as ui_app
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    ui_app.install_error_handler()
    try:
        raise KeyError(SECRET)
    except KeyError:
        sys.excepthook(*sys.exc_info())
    assert len(shown) == 1 and "程序内部出错" in shown[0] and SECRET not in shown[0]
    report = next((data_dir / crash.REPORTS).glob("crash-*.txt")).read_text(encoding="utf-8")
    assert "builtins.KeyError" in report and SECRET not in report
