"""At 125% text scaling on a 1366×768 screen the indicator page fits its width: no horizontal scrollbar, and
the explanation keeps a readable width (it was squeezed to one character a line)."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

SCRIPT = textwrap.dedent("""
    import tempfile
    from inspector_app.store.db import open_store
    from inspector_app.ui import app as A
    app = A.make_app()
    A.i18n.install(app, "zh_CN")
    A.app_font()
    store = open_store(tempfile.mkdtemp())
    window = A.create_window(store)
    window.resize(round(1366 / 1.25), round(768 / 1.25))  # the logical size of 1366×768 at 125%
    window.show()
    window.select_group("g4")
    ws = window.workspace
    bad = []
    for place in ws.places:
        window.navigator.select(place)
        for _ in range(3):
            app.processEvents()
        page = window.page
        if page.horizontalScrollBar().maximum() > 0:
            bad.append(f"{place.code}: horizontal scrollbar")
        em = page.fontMetrics().horizontalAdvance("中")
        if page.explanation.width() < 8 * em:
            bad.append(f"{place.code}: explanation {page.explanation.width()} px wide")
    print("checked", len(ws.places), "problems", bad)
    store.close()
""")


def run_at_125_percent(tmp_path: Path, source: str) -> subprocess.CompletedProcess:
    """`source` in a process of its own: Qt reads the scale factor once, at start."""
    script = tmp_path / "scaled.py"
    script.write_text(source, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR="1.25",
               PYTHONPATH=str(Path(__file__).resolve().parent.parent))
    return subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=240)


def test_no_horizontal_scrollbar_at_1366_by_768_and_125_percent(tmp_path):
    run = run_at_125_percent(tmp_path, SCRIPT)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "problems []" in run.stdout, run.stdout


MINIMUM_SCRIPT = textwrap.dedent("""
    import tempfile
    from inspector_app.store.db import open_store
    from inspector_app.ui import app as A
    from inspector_app.ui.main_window import DEMO_NOTICE
    app = A.make_app()
    A.i18n.install(app, "zh_CN")
    A.app_font()
    store = open_store(tempfile.mkdtemp())
    window = A.create_window(store)  # first start: the demo, with its banner
    window.resize(round(1366 / 1.25), round(768 / 1.25))
    window.show()
    bad = []

    def check(screen):
        for _ in range(3):
            app.processEvents()
        if not window.banner.isVisible():
            window.show_notice(DEMO_NOTICE())  # the home hides the demo's notice: any notice there
            for _ in range(3):
                app.processEvents()
        assert window.banner.isVisible() and window.banner.text()
        for what, size in (("minimumSizeHint", window.minimumSizeHint()), ("minimumSize", window.minimumSize())):
            if size.width() > 1093 or size.height() > 614:
                bad.append(f"{screen}: {what} {size.width()}x{size.height()}")

    assert window.banner.text() == DEMO_NOTICE()
    check("start")
    window.findings  # built just after the first paint: in the stack from then on
    check("indicator")
    for code in ("C1", "C16", "C18"):
        window.navigator.select(next(p for p in window.workspace.places if p.code == code))
        check(code)
    window.show_findings()
    check("findings")
    window.data_menus.show_consensus()
    check("consensus")
    window.data_menus.show_bureau()
    check("bureau")
    window.show_home()
    check("home")
    print("problems", bad)
    store.close()
""")


def test_minimum_size_fits_1366_by_768_at_125_percent_with_the_demo_banner(tmp_path):
    run = run_at_125_percent(tmp_path, MINIMUM_SCRIPT)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "problems []" in run.stdout, run.stdout
