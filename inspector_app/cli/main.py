"""The `inspector` command: everything the window does, from a terminal."""
from __future__ import annotations

import argparse
import os
import sys

import importlib

from inspector_app import __version__, paths

# Each command module adds its sub-commands; listed in --help order. They are imported only when a
# command line is parsed, so starting the window does not load every command's dependencies.
COMMAND_MODULES = ["rubric_cmd", "score_cmd", "store_cmd", "register_cmd", "panel_work_cmd", "veto_cmd",
                   "evidence_cmd",
                   "bundle_cmd", "keys_cmd", "results_cmd", "rectify_cmd"]


class CommandError(Exception):
    """A failure to report in one plain sentence, with exit code 1 (2 for usage)."""

    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    from inspector_app.cli import argparse_zh
    argparse_zh.install()
    parser = argparse.ArgumentParser(
        prog="inspector", add_help=with_commands,
        description="Inspector：集团化办学督导考核（离线）。不带子命令时启动窗口。",
    )
    parser.add_argument("--version", action="version", version=f"inspector {__version__}", help="显示程序版本并退出")
    parser.add_argument("--data-dir", metavar="DIR",
                        help=f"数据文件夹（默认为每个用户自己的文件夹；也可用环境变量 {paths.ENV_VAR}）")
    if with_commands:
        sub = parser.add_subparsers(dest="command", metavar="COMMAND")
        for name in COMMAND_MODULES:
            importlib.import_module(f"inspector_app.cli.{name}").register(sub)
        from inspector_app.cli import help_texts
        help_texts.fill(parser)
    return parser


def bundle_file(arg: str) -> bool:
    """A bundle named on the command line instead of a command (the desktop opening a double-clicked file)."""
    return arg.lower().endswith(".zip") and os.path.isfile(arg)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    bad = _undecodable(argv)
    if bad:  # before argparse, whose own messages would fail to print such text
        say(bad)
        return 2
    try:
        # Only global options (or none): the window. Anything else goes through the full parser.
        quick, rest = build_parser(with_commands=False).parse_known_args(argv)
        if rest and all(bundle_file(a) for a in rest):  # `inspector FILE.zip…`: the window imports them
            if quick.data_dir:
                paths.set_data_dir(quick.data_dir)
            from inspector_app.ui.app import run_app
            return run_app(open_files=rest)
        args = quick if not rest else build_parser().parse_args(argv)
        if args.data_dir:
            paths.set_data_dir(args.data_dir)
        if not getattr(args, "command", None):
            from inspector_app.ui.app import run_app  # Qt only when the window is wanted
            return run_app()
        refuse_bad_text(args, argv)
        return int(args.func(args) or 0)
    except CommandError as exc:
        say(str(exc))
        return exc.code
    except KeyboardInterrupt:
        say("已取消")
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # noqa: BLE001 - the one place every unexpected error becomes a message
        from inspector_app import crash
        say(crash.explain(exc, argv))
        return 1


def refuse_bad_text(args: argparse.Namespace, argv: list[str]) -> None:
    """Every text option checked before a command runs: a lone surrogate (bytes the terminal could not decode)
    or a NUL is refused with the option named, never stored."""
    from inspector_app.store.text import text_problem
    for name, value in vars(args).items():
        option = name if name in POSITIONAL else "--" + name.replace("_", "-")
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and name != "data_dir":
                problem = text_problem(item)
                if problem:
                    raise CommandError(f"{option} 的值{problem}", 2)
                special = _special_file(item)
                if special:
                    raise CommandError(f"{option}：{item} 是{special}，不是普通文件，未打开", 2)
                given = name in POSITIONAL or any(a == option or a.startswith(option + "=") for a in argv)
                if given and not item.strip() and name not in EMPTY_ALLOWED:
                    # An empty name is contained in every name and an empty value would clear: neither is meant.
                    raise CommandError(f"{option} 的值为空，未做任何修改", 2)


def _undecodable(argv: list[str]) -> str:
    """A lone surrogate stands for bytes the terminal could not decode: refused, the option named."""
    from inspector_app.store.text import text_problem
    for index, token in enumerate(argv):
        problem = text_problem(token)
        if problem:
            before = argv[index - 1] if index and argv[index - 1].startswith("-") else ""
            where = f"{before} 的值" if before else f"第 {index + 1} 个参数"
            return f"{where}{problem}"
    return ""


def _special_file(path: str) -> str:
    """A FIFO, a device or a socket named on the command line: opening it could wait forever."""
    import stat
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return ""
    if stat.S_ISFIFO(mode):
        return "管道（FIFO）"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISSOCK(mode):
        return "设备或套接字"
    return ""


POSITIONAL = {"values", "files", "backup", "source", "file", "key", "rubric", "answers", "workbook"}
EMPTY_ALLOWED = {"school", "caption", "reason", "note", "name", "role", "values", "command"}


def say(text: str) -> None:
    """One line on stderr; text that cannot be encoded (a lone surrogate from argv) is escaped, not fatal."""
    stream = sys.stderr
    encoding = getattr(stream, "encoding", None) or "utf-8"
    line = f"inspector: {text}\n".encode(encoding, "backslashreplace").decode(encoding, "replace")
    try:
        stream.write(line)
        stream.flush()
    except (OSError, ValueError):
        pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
