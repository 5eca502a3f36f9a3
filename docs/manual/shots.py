"""Take the manual's screenshots from the real window, offscreen, on the demo inspection.

    python3 docs/manual/shots.py            # writes docs/manual/images/*.png

Run it after the window changes (build/build.py runs it before building the manual), so the pictures
in the manual are the program as it is. Each picture is the window (or one dialog) grabbed by Qt; no
screen or X server is needed.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
IMAGES = HERE / "images"
SIZE = (1280, 760)


def main() -> int:
    data = Path(tempfile.mkdtemp(prefix="inspector-shots-"))
    os.environ["INSPECTOR_DATA_DIR"] = str(data)
    os.environ["INSPECTOR_CACHE_DIR"] = str(data / "cache")
    from PySide6.QtWidgets import QApplication

    from inspector_app.store.db import open_store
    from inspector_app.ui import app as ui_app
    from inspector_app.ui import i18n

    app = ui_app.make_app(["inspector"])
    store = open_store(data)
    translators = i18n.install(app, "zh_CN")  # noqa: F841 - kept alive
    ui_app.app_font()
    IMAGES.mkdir(exist_ok=True)
    window = ui_app.create_window(store)  # first start: the demo opens
    window.resize(*SIZE)
    window.show()
    taken, failed = [], []

    def shot(name: str, widget=None) -> None:
        for _ in range(5):
            app.processEvents()
        target = widget or window
        try:
            target.grab().save(str(IMAGES / f"{name}.png"))
            taken.append(name)
        except Exception as exc:  # noqa: BLE001 - report every picture that could not be taken
            failed.append(f"{name}: {exc}")

    def step(name: str, action) -> None:
        try:
            action()
        except Exception as exc:  # noqa: BLE001
            failed.append(f"{name}: {exc!r}")
            return
        shot(name)

    ws = window.workspace
    groups = {g.name: g.id for g in ws.groups} if ws is not None and hasattr(ws, "groups") else {}
    fourth = next((gid for name, gid in groups.items() if "第四中学" in name), None)
    if fourth:
        window.select_group(fourth)
    places = window.workspace.places if window.workspace is not None else []
    step("page", lambda: window.show_place(places[min(4, len(places) - 1)]))
    step("findings", window.show_findings)
    step("consensus", window.data_menus.show_consensus)
    step("bureau", window.data_menus.show_bureau)
    step("home", window.show_home)

    def dialog_shot(name: str, make) -> None:
        try:
            dialog = make()
        except Exception as exc:  # noqa: BLE001
            failed.append(f"{name}: {exc!r}")
            return
        shot(name, dialog)
        dialog.close()

    def markup() -> None:  # 标注… on the first demo photo the window shows (the dialog grabbed, not run)
        from PySide6.QtWidgets import QDialog
        ws = window.workspace
        for group in ws.groups:
            window.select_group(group.id)
            place = next((p for p in window.workspace.places if window.workspace.photos(p)), None)
            if place is not None:
                break
        else:
            raise LookupError("no photo in the demo")
        window.show_place(place)
        photos = window.page.photos
        photos.list.setCurrentRow(0)
        original = QDialog.exec
        QDialog.exec = lambda self: (self.resize(900, 640), self.show(), shot("markup", self), self.close(), 0)[-1]
        try:
            photos.edit_markup()
        finally:
            QDialog.exec = original

    try:
        markup()
    except Exception as exc:  # noqa: BLE001
        failed.append(f"markup: {exc!r}")
    from inspector_app.store import backup
    backup.backup_now(window.store)
    dialog_shot("backups", window.data_menus.show_backups)
    if fourth:
        window.select_group(fourth)
    dialog_shot("meeting", window.data_menus.meeting_dialog)
    dialog_shot("publication", window.data_menus.publication_dialog)
    from inspector_app.ui.about_dialog import AboutDialog
    about = AboutDialog(window)
    about.resize(760, 520)
    about.show()
    shot("about", about)
    about.close()
    from inspector_app.ui.plan_dialog import PlanDialog
    plan = PlanDialog(window)
    plan.show()
    shot("plan", plan)
    plan.close()
    from inspector_app.ui.keys_dialog import KeysDialog
    keys = KeysDialog(window.data_menus.bundles.keystore(), "", window)
    keys.resize(760, 420)
    keys.show()
    shot("keys", keys)
    keys.close()

    window.commit_all()
    window.close()
    store.close()
    QApplication.processEvents()
    print(f"{len(taken)} screenshots in {IMAGES}: {', '.join(taken)}")
    for line in failed:
        print(f"not taken: {line}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
