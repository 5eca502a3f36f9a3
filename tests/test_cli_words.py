"""The command line speaks Chinese throughout: argparse's own words included, and every option has help."""
from __future__ import annotations

import argparse

import pytest

from inspector_app.cli import help_texts
from inspector_app.cli.main import build_parser, main

ENGLISH = ("usage:", "positional arguments", "options:", "show this help", "error:", "unrecognized arguments",
           "the following arguments are required", "invalid choice", "expected one argument")


def _commands(parser: argparse.ArgumentParser, path=()):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield path + (name,)
                yield from _commands(sub, path + (name,))


COMMANDS = sorted(set(_commands(build_parser())))


def test_every_option_has_help():
    assert help_texts.fill(build_parser()) == []


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help_and_usage_errors_have_no_english_argparse_words(command, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    with pytest.raises(SystemExit) as done:
        main(["--data-dir", str(tmp_path), *command, "--help"])
    assert done.value.code == 0
    shown = capsys.readouterr().out
    assert "用法：" in shown
    assert not [w for w in ENGLISH if w in shown], shown
    with pytest.raises(SystemExit) as done:
        main(["--data-dir", str(tmp_path), *command, "--no-such-option"])
    assert done.value.code == 2
    said = capsys.readouterr().err
    assert "错误" in said and not [w for w in ENGLISH if w in said], said
