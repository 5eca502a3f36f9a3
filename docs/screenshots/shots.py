"""Take the screenshots in docs/screenshots/ from the real window, offscreen, on the demo inspection.

    python3 docs/screenshots/shots.py          # 1366×768 at 100% and at 125% (QT_SCALE_FACTOR=1.25), 1920×1080

Each size runs in its own process (Qt reads the scale factor once, at start). Each picture is the window,
or one dialog, grabbed by Qt at the size a school laptop has; no screen or X server is needed. Look at every
picture after taking them: nothing may be clipped.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SIZES = {"": ("1", (1366, 768)), "-125": ("1.25", (1366, 768)), "-1920": ("1", (1920, 1080))}
AT_1920 = ("page",)  # the wide screen: the scoring page only


def take(suffix: str, lang: str = "zh_CN") -> list[str]:
    """In this process (QT_SCALE_FACTOR already set): every screen at the size of `suffix`."""
    data = Path(tempfile.mkdtemp(prefix="inspector-shots-"))
    os.environ["INSPECTOR_DATA_DIR"] = str(data)
    os.environ["INSPECTOR_CACHE_DIR"] = str(data / "cache")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication

    from inspector_app.store.db import open_store
    from inspector_app.ui import app as ui_app
    from inspector_app.ui import i18n

    app = ui_app.make_app(["inspector"])
    store = open_store(data)
    translators = i18n.install(app, lang)  # noqa: F841 - kept alive
    ui_app.app_font()
    scale = float(os.environ.get("QT_SCALE_FACTOR", "1"))
    width, height = SIZES[suffix][1]
    window = ui_app.create_window(store)  # first start: the demo opens
    window.resize(round(width / scale), round(height / scale))  # the screen's pixels, in scaled units
    window.show()
    taken = []
    tag = "" if lang == "zh_CN" else f"-{lang}"

    def shot(name: str, widget=None) -> None:
        if suffix == "-1920" and name not in AT_1920:
            return
        for _ in range(5):
            app.processEvents()
        path = HERE / f"{name}{tag}{suffix}.png"
        (widget or window).grab().save(str(path))
        taken.append(path.name)

    ws = window.workspace
    fourth = next(g.id for g in ws.groups if "第四中学" in g.name)
    window.select_group(fourth)
    places = window.workspace.places
    window.navigator.select(places[min(4, len(places) - 1)])  # as a click there: the page follows
    shot("page")
    per_school = next(p for p in window.workspace.places
                      if p.school_id and window.workspace.indicator(p.code).scope.per_school)
    window.navigator.select(per_school)
    shot("per-school")
    window.show_findings()
    shot("findings")
    window.data_menus.show_consensus()
    shot("consensus")
    window.data_menus.show_bureau()
    shot("bureau")
    window.show_home()
    shot("home")
    if suffix != "-1920":
        from inspector_app.store import backup
        backup.backup_now(window.store)
        dialog = window.data_menus.show_backups()
        shot("backups", dialog)
        dialog.close()
        from inspector_app.ui.plan_dialog import PlanDialog
        plan = PlanDialog(window)
        plan.show()
        shot("plan", plan)
        plan.rubric.setCurrentIndex(plan.rubric.findData("jiexi-2023"))
        shot("plan-template", plan)
        plan.close()
    window.close()
    store.close()
    return taken


def main(argv: list[str]) -> int:
    if len(argv) > 1 and argv[1] == "--one":
        for name in take(argv[2], argv[3] if len(argv) > 3 else "zh_CN"):
            print(name)
        return 0
    failed = 0
    runs = [(s, "zh_CN") for s in SIZES] + [("", "en")]
    for suffix, lang in runs:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": SIZES[suffix][0]}
        done = subprocess.run([sys.executable, __file__, "--one", suffix, lang], env=env, capture_output=True,
                              text=True)
        print(done.stdout, end="")
        if done.returncode:
            print(done.stderr, file=sys.stderr)
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
