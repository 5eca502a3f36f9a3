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


RUBRICS_SCRIPT = textwrap.dedent("""
    import tempfile
    from inspector_app.rubric.catalog import load_catalog
    from inspector_app.store import plans as P
    from inspector_app.store.db import open_store
    from inspector_app.ui import app as A
    from inspector_app.ui import identity_dialog
    identity_dialog.IdentityDialog.exec = lambda dialog: (dialog.select("e0"), dialog.choose())[1]  # 您是哪位专家？
    app = A.make_app()
    A.i18n.install(app, "zh_CN")
    A.app_font()
    bad, seen = [], []
    for rid, rubric in sorted(load_catalog().rubrics.items()):
        if rubric.status != "complete":
            continue
        store = open_store(tempfile.mkdtemp())
        spec = P.PlanSpec(title=f"{rid} 考核", school_year="2023—2024", stage="复评", groups=[P.GroupSpec(
            "城关教育集团", [P.SchoolSpec(n, r, "小学", id=f"s{i}") for i, (n, r) in
                          enumerate((("城关小学", "lead"), ("东关小学", "member"), ("西关小学", "member")))],
            group_type=(rubric.group_types[0] if rubric.group_types else ""), id="g1")],
            experts=[P.ExpertSpec("王丽华", "lead", "e0")])
        plan = P.create_plan(store, rubric, spec)
        window = A.create_window(store)
        window.resize(round(1366 / 1.25), round(768 / 1.25))
        window.show()
        window.open_plan(plan.id)
        for place in window.workspace.places[:3] + window.workspace.places[-2:]:
            window.navigator.select(place)
            for _ in range(3):
                app.processEvents()
            size = window.minimumSizeHint()
            if size.width() > 1093 or size.height() > 614:
                bad.append(f"{rid} {place.code}: minimumSizeHint {size.width()}x{size.height()}")
        seen.append((rid, len(rubric.vetoes)))
        window.close()
        store.close()
    print("seen", seen)
    print("problems", bad)
""")


def test_every_shipped_rubric_fits_1366_by_768_at_125_percent(tmp_path):
    """A rubric with vetoes (安康 2022: 一票否决 and 取消优秀资格) made the score panel, and so the window, 988 px
    tall on a 768 px screen: 已保存 and the lower half of the page could not be seen. The panel scrolls now."""
    run = run_at_125_percent(tmp_path, RUBRICS_SCRIPT)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "('ankang-2022', 2)" in run.stdout, run.stdout  # a rubric with vetoes was among those opened
    assert "problems []" in run.stdout, run.stdout
