"""The `inspector` command: everything the window does, from a terminal."""
from __future__ import annotations

import argparse
import os
import sys

from inspector_app import __version__, paths
from inspector_app.cli import bundle_cmd, keys_cmd, results_cmd, rubric_cmd, score_cmd, store_cmd

# Each command module adds its sub-commands; modules are listed here in --help order.
COMMAND_MODULES = [rubric_cmd, score_cmd, store_cmd, bundle_cmd, keys_cmd, results_cmd]


class CommandError(Exception):
    """A failure to report in one plain sentence, with exit code 1 (2 for usage)."""

    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="inspector",
        description="Inspector：集团化办学督导考核（离线）。不带子命令时启动窗口。",
    )
    parser.add_argument("--version", action="version", version=f"inspector {__version__}")
    parser.add_argument("--data-dir", metavar="DIR",
                        help=f"数据文件夹（默认为每个用户自己的文件夹；也可用环境变量 {paths.ENV_VAR}）")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.data_dir:
        paths.set_data_dir(args.data_dir)
    if not args.command:
        from inspector_app.ui.app import run_app  # Qt only when the window is wanted
        return run_app()
    try:
        return int(args.func(args) or 0)
    except CommandError as exc:
        print(f"inspector: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("inspector: 已取消", file=sys.stderr)
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
