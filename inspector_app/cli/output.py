"""Printing for the command line: JSON that keeps Chinese readable."""
from __future__ import annotations

import json
import sys


def print_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _width(text: str) -> int:
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def print_table(header: list[str], rows: list[list[str]]) -> None:
    """Columns padded by display width, so Chinese names line up in a terminal."""
    widths = [max(_width(str(r[c])) for r in [header, *rows]) for c in range(len(header))]
    for row in [header, *rows]:
        cells = [str(v) + " " * (widths[c] - _width(str(v))) for c, v in enumerate(row)]
        sys.stdout.write("  ".join(cells).rstrip() + "\n")


def write_csv(path, header: list[str], rows: list[list[str]]) -> None:
    """UTF-8 with a byte-order mark, which Excel needs to read Chinese from a CSV file."""
    import csv
    import io

    from inspector_app.fsutil import write_atomic
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    write_atomic(path, ("\ufeff" + buffer.getvalue()).encode("utf-8"))
