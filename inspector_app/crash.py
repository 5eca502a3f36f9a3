"""The last line of defence: an unexpected error becomes a short message and a crash report file.

The report holds what a maintainer needs and nothing the user typed: the
program's version, the platform, the command's words (option names and
command names, never their values), the exception's type and the stack as
file, line and function. Exception messages and local values are left out,
since they can quote notes, names or scores.
"""
from __future__ import annotations

import os
import platform
import re
import sqlite3
import sys
import traceback
from datetime import datetime
from pathlib import Path

REPORTS = "crash-reports"
_WORD = re.compile(r"[a-z][a-z0-9-]{0,30}")


def redact_command(argv: list[str]) -> str:
    """`inspector entry set --group … --note …`: command words and option names only."""
    shown, words, after_option = ["inspector"], 0, False
    for token in argv:
        if token.startswith("--"):
            shown.append(token.split("=", 1)[0] + ("=…" if "=" in token else ""))
            after_option = "=" not in token
            continue
        if token.startswith("-") and len(token) == 2:
            shown.append(token)
        elif words < 2 and _WORD.fullmatch(token) and not after_option:
            shown.append(token)
            words += 1
        else:
            shown.append("…")
        after_option = False
    return " ".join(shown)


def report_text(exc: BaseException, command: str) -> str:
    from inspector_app import __version__
    lines = [f"Inspector {__version__} crash report", f"time: {datetime.now().astimezone().isoformat(timespec='seconds')}",
             f"python: {platform.python_version()}  sqlite: {sqlite3.sqlite_version}  platform: {platform.platform()}",
             f"command: {command}", f"exception: {type(exc).__module__}.{type(exc).__qualname__}", "stack:"]
    for frame in traceback.extract_tb(exc.__traceback__):
        lines.append(f"  {_short(frame.filename)}:{frame.lineno} in {frame.name}")
    return "\n".join(lines) + "\n"


def _short(filename: str) -> str:
    """Paths inside the program or Python itself, without the user's home folder."""
    parts = Path(filename).parts
    for anchor in ("inspector_app", "site-packages", "dist-packages"):
        if anchor in parts:
            return "/".join(parts[parts.index(anchor):])
    return Path(filename).name


def write_report(exc: BaseException, command: str, data_dir: Path | None = None) -> Path | None:
    """Write the report into the data folder's crash-reports/ (or the temporary folder); None if nowhere."""
    text = report_text(exc, command)
    stamp = f"crash-{datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}.txt"
    import tempfile
    for folder in ([Path(data_dir) / REPORTS] if data_dir else []) + [Path(tempfile.gettempdir()) / "inspector-crash"]:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / stamp
            path.write_text(text, encoding="utf-8")
            return path
        except OSError:
            continue
    return None


def message_for(exc: BaseException, report: Path | None) -> str:
    where = f"错误报告已保存到 {report}（只含程序版本、命令和出错位置，不含您录入的内容），请交给技术支持。" if report \
        else "错误报告无法保存。"
    return f"程序内部出错（{type(exc).__name__}），刚才的操作没有完成；已保存的内容不受影响。{where}"


def data_dir_or_none() -> Path | None:
    try:
        from inspector_app import paths
        return Path(paths.data_dir())
    except Exception:  # noqa: BLE001 - the report must not fail for want of a folder
        return None


def handle(exc: BaseException, argv: list[str] | None = None) -> str:
    """Write the report for `exc`; return the message for the user."""
    command = redact_command(list(sys.argv[1:] if argv is None else argv))
    return message_for(exc, write_report(exc, command, data_dir_or_none()))


def plain_message(exc: BaseException) -> str | None:
    """The message of an error that already speaks to the user (or of a damaged database); else None."""
    from inspector_app.bundles.canonical import BundleError
    from inspector_app.fsutil import StorageError, explain_os_error
    from inspector_app.numbers import NumberError
    from inspector_app.store.db import StoreError, explain_database_error
    if isinstance(exc, sqlite3.DatabaseError):
        return explain_database_error(exc, data_dir_or_none() or Path("."))
    if isinstance(exc, (StoreError, BundleError, NumberError)):
        return str(exc)
    if isinstance(exc, StorageError) and exc.strerror:
        return exc.strerror  # already in plain words, with the path
    if isinstance(exc, OSError) and exc.errno is not None:
        return explain_os_error(exc, exc.filename or "文件")
    return None


def explain(exc: BaseException, argv: list[str] | None = None) -> str:
    """A known kind of failure in plain words; anything else, a crash report and a short message."""
    plain = plain_message(exc)
    return plain if plain is not None else handle(exc, argv)
