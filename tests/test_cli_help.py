"""`inspector --help` lists every command the window's work can be done with."""
import pytest

from inspector_app.cli.main import main

COMMANDS = ["rubric", "score", "demo", "plan", "entry", "photo", "progress", "history", "backup", "report", "export",
            "merge", "panel", "package", "keys", "verify", "results", "roster"]


def test_help_lists_every_command(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    text = capsys.readouterr().out
    for command in COMMANDS:
        assert f"    {command} " in text, command


def test_unknown_command_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--data-dir", "x", "bogus"])
    assert done.value.code == 2
    assert "bogus" in capsys.readouterr().err
