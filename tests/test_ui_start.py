"""What the window loads before its first paint: none of the libraries a start does not need.

The cold start goal (≤ 3× a bare PySide6 window, bench/bench_ui.py) rests on it: sqlite-utils waits for
the first write (warmed just after the paint), Pillow for a photo to decode, cryptography for a key, the
About box's licences for the About box, openpyxl and reportlab for a workbook or a PDF."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from inspector_app.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("sqlite_utils", "PIL", "cryptography", "inspector_app.about", "openpyxl", "reportlab", "docx")

PROBE = f"""
import sys
from inspector_app.ui import app as A
seen = []
later = A.after_first_paint
def watch(app, window, then, delay_ms=0):
    def first():
        if not seen:
            seen.append(sorted(m for m in {HEAVY!r} if m in sys.modules))
        return then()
    later(app, window, first, delay_ms)
A.after_first_paint = watch
A.run_app()
print("loaded:", ",".join(seen[0]) if seen else "never painted")
"""


def test_nothing_heavy_is_loaded_before_the_first_paint(tmp_path):
    data = tmp_path / "demo"
    assert main(["--data-dir", str(data), "demo"]) == 0  # a plan with scores and photos, migrated
    env = dict(os.environ, INSPECTOR_DATA_DIR=str(data), INSPECTOR_QUIT_AFTER_PAINT="1",
               QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), PYTHONPATH=str(ROOT))
    run = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, cwd=ROOT,
                         timeout=120)
    assert run.returncode == 0, run.stderr
    assert "loaded: \n" in run.stdout, run.stdout
