"""Starting the window: application, translations, font, store, main window."""
from __future__ import annotations

import os
import sys
from typing import Callable

# The core first: once PySide6 is loaded, its import hook reads the source of every newly imported
# module (to look for `from __feature__ import`), which costs a cold start tens of milliseconds.
import inspector_app.workspace  # noqa: F401,I001 - imported for its side effect on start-up time
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from inspector_app import paths
from inspector_app.store.db import Store, StoreError, open_store
from inspector_app.ui import i18n
from inspector_app.ui.core_words import core_text

translate = QCoreApplication.translate

QUIT_AFTER_PAINT = "INSPECTOR_QUIT_AFTER_PAINT"  # benchmarks: exit once the window has painted
OPEN_DEMO = "INSPECTOR_OPEN_DEMO"  # open (creating if needed) the demo at start


def app_font() -> None:
    """Chinese glyphs everywhere: the bundled Droid Sans Fallback when the system has no CJK font."""
    families = QFontDatabase.families()
    if any(name in families for name in ("WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei",
                                         "PingFang SC", "Droid Sans Fallback")):
        return
    font_file = paths.resource_path("fonts", "DroidSansFallbackFull.ttf")
    if font_file.is_file():
        font_id = QFontDatabase.addApplicationFont(str(font_file))
        loaded = QFontDatabase.applicationFontFamilies(font_id)
        if loaded:
            font = QFont(loaded[0])
            font.setPointSize(QApplication.font().pointSize())
            QApplication.setFont(font)


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Inspector")
    app.setOrganizationName("Inspector")
    app.setDesktopFileName("inspector")  # the launcher entry the .deb installs (build/deb.py)
    from inspector_app.ui.icon import app_icon
    app.setWindowIcon(app_icon())
    return app


def create_window(store: Store):
    from inspector_app.store.plans import list_plans
    from inspector_app.ui.main_window import MainWindow
    window = MainWindow(store, home=False)
    from inspector_app.ui.help_menu import HelpMenu  # 帮助: the manual and the About box
    window.help_menu = HelpMenu(window)
    current = store.setting("current_plan")
    if os.environ.get(OPEN_DEMO):
        window.open_demo()
    elif current:
        window.open_plan(current)
    elif not list_plans(store):  # first start: straight into the demo (its notice says how to begin a real one)
        window.open_demo()
    if window.workspace is None:
        window.show_home()  # no plan yet: the home offers the demo
    return window


class _FirstPaint(QObject):
    """Runs `then` once the window has painted for the first time (the first paint event of any of its
    widgets), `delay_ms` later on the event loop; the rest of that paint pass runs first."""

    def __init__(self, window, then: Callable[[], object], delay_ms: int = 0):
        super().__init__(window)
        self.window_, self.then, self.delay_ms = window, then, delay_ms

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if (event.type() == QEvent.Type.Paint and watched.isWidgetType()
                and watched.window() is self.window_):
            QApplication.instance().removeEventFilter(self)
            QTimer.singleShot(self.delay_ms, self.then)
        return False


def after_first_paint(app: QApplication, window, then: Callable[[], object], delay_ms: int = 0) -> None:
    app.installEventFilter(_FirstPaint(window, then, delay_ms))  # a child of the window: kept alive with it


def quit_after_first_paint(app: QApplication, window) -> None:
    """Benchmarks measure to the first paint."""
    after_first_paint(app, window, app.quit)


def install_error_handler() -> None:
    """Every exception that reaches the event loop (a slot that failed) becomes a message box and,
    when unexpected, a crash report; the window stays open and what was saved stays saved."""
    def hook(kind, exc, tb):
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        from inspector_app import crash
        exc.__traceback__ = tb
        text = crash.explain(exc)
        try:
            QMessageBox.critical(QApplication.activeWindow(), "Inspector", text)
        except Exception:  # noqa: BLE001 - no box can be shown (no display): the terminal gets it
            print(f"inspector: {text}", file=sys.stderr)
    sys.excepthook = hook


def offer_restore(message: str) -> Store | None:
    """The database cannot be opened: say why, and when a good backup exists offer to restore it."""
    from inspector_app.store import backup
    data_dir = paths.data_dir()
    good = backup.newest_good_backup(data_dir) if "backup restore latest" in message else None
    if good is None:
        QMessageBox.critical(None, "Inspector", core_text(message))
        return None
    box = QMessageBox(QMessageBox.Icon.Critical, "Inspector", core_text(message))
    restore = box.addButton(translate("App", "从 {0} 的备份恢复").format(f"{good.made_at:%Y-%m-%d %H:%M}"),
                             QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("App", "退出"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is not restore:
        return None
    try:
        aside = backup.restore(data_dir, good.path)
        store = open_store()
    except (StoreError, OSError) as exc:
        QMessageBox.critical(None, "Inspector", translate("App", "恢复未完成：{0}").format(core_text(str(exc))))
        return None
    kept = translate("App", "原来的文件保留在 {0}。").format(aside) if aside else ""
    QMessageBox.information(None, "Inspector", translate("App", "已从 {0} 恢复，恢复后的数据库已通过完整性检查。").format(
        good.path.name) + kept)
    return store


def run_app(open_files: list[str] | None = None) -> int:
    """The window; `open_files`: bundles to import once it shows (a bundle double-clicked on the desktop)."""
    app = make_app()
    install_error_handler()
    try:
        store = open_store()
    except StoreError as exc:
        i18n.install(app, i18n.chosen_language())
        store = offer_restore(str(exc))
        if store is None:
            return 1
    translators = i18n.install(app, i18n.chosen_language(store.setting("language")))  # noqa: F841 - kept alive
    app_font()
    window = create_window(store)
    window.showMaximized() if not os.environ.get(QUIT_AFTER_PAINT) else window.show()
    # Once the window has painted, load the writing side of the store (sqlite-utils) so the first save does
    # not wait for it. A timer started here fired before the first paint and delayed it by the import.
    # The findings view (专家组意见) is built then too, off the first screen.
    after_first_paint(app, window, lambda: (store.db, window.findings), delay_ms=50)
    if open_files:
        from pathlib import Path
        QTimer.singleShot(0, lambda: window.data_menus.bundles.import_files([Path(f) for f in open_files]))
    if os.environ.get(QUIT_AFTER_PAINT):
        quit_after_first_paint(app, window)
    try:
        return app.exec()
    finally:
        window.commit_all()
        window.store.close()  # the store the window holds (a restore replaces the first one)
