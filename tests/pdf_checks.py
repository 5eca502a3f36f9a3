"""Checks every PDF the program writes must pass: 避头尾 in the extracted lines, every font embedded."""
from __future__ import annotations

import subprocess
from pathlib import Path

from inspector_app.typeset.linebreak import FORBIDDEN_END, FORBIDDEN_START


def pdftotext(path: Path, layout: bool = False) -> str:
    args = ["pdftotext"] + (["-layout"] if layout else []) + [str(path), "-"]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def bad_line_breaks(path: Path) -> list[str]:
    """Lines (as pdftotext reads them) that begin with a closing mark or end with an opening one."""
    bad = []
    for line in pdftotext(path).splitlines():
        stripped = line.strip()
        if stripped and (stripped[0] in FORBIDDEN_START or stripped[-1] in FORBIDDEN_END):
            bad.append(stripped)
    return bad


def unembedded_fonts(path: Path) -> list[str]:
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
    return [row[0] for row in rows if row[-5] != "yes"]


def assert_official(path: Path) -> None:
    assert bad_line_breaks(path) == [], path
    assert unembedded_fonts(path) == [], path
