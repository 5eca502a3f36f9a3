"""The About box, the Help menu, the icon, and opening a bundle named on the command line."""
from __future__ import annotations

import json
import sys
import re
from importlib import metadata

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtGui import QDesktopServices  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from inspector_app import __version__, about, paths  # noqa: E402
from inspector_app.cli import main as cli  # noqa: E402
from inspector_app.store.db import open_store  # noqa: E402
from inspector_app.ui import app as ui_app  # noqa: E402
from inspector_app.ui import help_menu  # noqa: E402
from inspector_app.ui.about_dialog import AboutDialog  # noqa: E402
from inspector_app.ui.icon import app_icon  # noqa: E402
from inspector_app.store.demo import make_demo  # noqa: E402
from tests.test_ui_language import language  # noqa: E402,F401
from tests.test_ui_window import store  # noqa: E402,F401


@pytest.fixture
def window(qtbot, data_dir):
    store = open_store(data_dir)
    w = ui_app.create_window(store)
    qtbot.addWidget(w)
    yield w
    w.commit_all()
    store.close()


def test_licences_come_from_the_metadata_of_every_runtime_dependency():
    licences = {item.name: item for item in about.collect()}
    requirements = [r for r in metadata.distribution("inspector-app").requires if "extra ==" not in r]
    for requirement in requirements:
        name = metadata.distribution(re.match(r"[A-Za-z0-9._-]+", requirement).group()).metadata["Name"]
        assert name in licences, f"{name} (a dependency) has no licence listed"
        assert licences[name].licence and licences[name].licence != "UNKNOWN"
    qt = next(item for item in licences.values() if item.name.lower().startswith("pyside6"))
    assert "LGPL" in qt.licence
    assert not any(item.name.startswith("pytest") for item in licences.values()), "test extras are not shipped"


def test_each_shipped_font_has_its_licence_text():
    fonts = [item for item in about.collect() if item.kind == "font"]
    licence_files = sorted(paths.resource_path("fonts").glob("LICENSE-*.txt"))
    assert len(fonts) == len(licence_files) >= 1
    for font, path in zip(fonts, licence_files):
        assert font.texts == [path.read_text(encoding="utf-8")]


def test_a_build_lists_only_what_it_bundled_and_the_program_reads_it(tmp_path, monkeypatch):
    written = about.write_about(tmp_path, "2026-12-01 10:00 UTC", {"PySide6", "yaml"})
    data = json.loads(written.read_text(encoding="utf-8"))
    libraries = {item["name"] for item in data["licences"] if item["kind"] == "library"}
    assert libraries == {metadata.distribution("PySide6_Essentials").metadata["Name"],
                         metadata.distribution("PyYAML").metadata["Name"]}
    resources = tmp_path / "resources"
    resources.mkdir()
    written.rename(resources / about.ABOUT_FILE)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    shown = about.read_about()
    assert shown.built == "2026-12-01 10:00 UTC" and shown.version == __version__
    assert {item.name for item in shown.licences if item.kind == "library"} == libraries


def test_the_about_box_shows_version_build_and_every_licence(qtbot):
    info = about.read_about()
    dialog = AboutDialog(about=info)
    qtbot.addWidget(dialog)
    assert __version__ in dialog.summary.text() and "从源代码运行" in dialog.summary.text()
    assert dialog.table.topLevelItemCount() == len(info.licences)
    rows = [dialog.table.topLevelItem(i) for i in range(dialog.table.topLevelItemCount())]
    dejavu = next(row for row in rows if row.text(0).startswith("DejaVu"))
    dialog.table.setCurrentItem(dejavu)
    assert "Bitstream" in dialog.text.toPlainText()


def test_the_window_has_the_icon_the_help_menu_and_the_plan_in_its_title(window, qtbot):
    ui_app.make_app()
    assert not QApplication.windowIcon().isNull()
    assert sorted(app_icon().availableSizes(), key=lambda s: s.width())[-1].width() >= 256
    titles = [action.text() for action in window.menuBar().actions()]
    assert "帮助(&H)" in titles
    window.open_demo()
    assert window.workspace.plan.title in window.windowTitle()


def test_help_opens_the_shipped_manual(window, monkeypatch, tmp_path):
    manual = tmp_path / "resources" / "manual" / help_menu.MANUAL_NAME
    manual.parent.mkdir(parents=True)
    manual.write_bytes(b"%PDF-1.4\n")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    assert window.help_menu.open_manual()
    assert opened and opened[0].toLocalFile() == str(manual)


def test_help_says_so_when_the_manual_is_missing(window, monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.setattr(help_menu.paths, "project_root", lambda: tmp_path)
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: said.append(args[2]))
    assert not window.help_menu.open_manual()
    assert help_menu.MANUAL_NAME in said[0]


def test_a_bundle_named_instead_of_a_command_opens_the_window_to_import_it(tmp_path, monkeypatch):
    bundle = tmp_path / "专家组-第四中学.zip"
    bundle.write_bytes(b"PK\x03\x04")
    started = []
    monkeypatch.setattr(ui_app, "run_app", lambda open_files=None: started.append(open_files) or 0)
    assert cli.main([str(bundle)]) == 0
    assert started == [[str(bundle)]]
    with pytest.raises(SystemExit):  # a file that is not there is not a bundle: the usual usage error
        cli.main([str(tmp_path / "missing.zip")])


def test_the_desktop_entry_and_mime_type_open_the_bundles_the_program_writes():
    import configparser
    import fnmatch
    import xml.etree.ElementTree as ET
    from pathlib import Path

    from inspector_app.bundles.export import BUNDLE_SUFFIX
    linux = Path(__file__).resolve().parent.parent / "build" / "linux"
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    kind = ET.parse(linux / "inspector-mime.xml").getroot().find("m:mime-type", ns)
    globs = [g.get("pattern") for g in kind.findall("m:glob", ns)]
    for name in (f"考核计划-演示-1{BUNDLE_SUFFIX}", f"张老师-第四中学-20261201-093000-2{BUNDLE_SUFFIX}"):
        assert any(fnmatch.fnmatch(name, g) for g in globs), name
    assert not any(fnmatch.fnmatch("照片.zip", g) for g in globs), "other zips stay zips"
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(linux / "inspector.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert kind.get("type") in desktop["MimeType"].split(";")
    assert desktop["Exec"].split()[-1] in ("%f", "%F") and desktop["Icon"] == "inspector"


def test_the_warm_up_waits_for_the_first_paint(qtbot):
    # sqlite-utils is loaded after the window has painted, so its import never delays the first paint.
    from PySide6.QtWidgets import QLabel, QMainWindow
    w = QMainWindow()
    w.setCentralWidget(QLabel("Inspector"))
    qtbot.addWidget(w)
    ran = []
    ui_app.after_first_paint(QApplication.instance(), w, lambda: ran.append("warm"))
    QApplication.processEvents()
    assert ran == []  # not shown, not painted: nothing yet (a timer started here would have run)
    w.show()
    qtbot.waitUntil(lambda: ran == ["warm"], timeout=3000)
    w.repaint()
    QApplication.processEvents()
    assert ran == ["warm"]  # once


def _answer_the_message(qtbot, seen: list, press=None) -> None:
    """Once the message is up (it blocks), note the window it stands over, its words and buttons, and close it as
    the user did: Enter, or a button of it."""
    def answer():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append((box.parentWidget().window() if box.parentWidget() else None, box.text() + "\n" + box.informativeText(),
                     [b.text() for b in box.buttons()]))
        button = next((b for b in box.buttons() if press in b.text()), None) if press else None
        if press is None:
            qtbot.keyClick(box, Qt.Key.Key_Return)
        elif button is None:
            box.reject()  # no such button: the assertions after say so
        else:
            button.click()
    QTimer.singleShot(0, answer)


def test_without_a_pdf_reader_the_manual_message_returns_to_the_f1_panel(window, qtbot, monkeypatch):
    """F1, then Alt+M on a computer with no PDF reader: after Enter on the message the keyboard is the panel's
    again, so Escape closes it (it was the main window's, under the panel still on top)."""
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    window.show()
    qtbot.waitExposed(window)
    window.help_menu.show_keys()
    panel = window.help_menu.keys_panel
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    seen = []
    _answer_the_message(qtbot, seen)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(seen))  # a mnemonic clicks the button a moment later (animateClick)
    # The desktop gives the keyboard back to the window a closed message stood over (its parent, for which it
    # is transient); the offscreen platform does not, so the test does what the window manager does.
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert seen[0][0] is not None, "the message stood over no window"
    seen[0][0].activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    qtbot.keyClick(QApplication.focusWidget() or panel, Qt.Key.Key_Escape)
    assert not panel.isVisible()


def test_without_a_pdf_reader_the_message_says_where_the_manual_is_and_copies_or_opens_its_folder(
        window, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) and False)
    manual = help_menu.manual_path()
    seen = []
    _answer_the_message(qtbot, seen, press="复制")
    window.help_menu.open_manual()
    text = seen[0][1]
    assert any("复制" in b for b in seen[0][2]), seen[0][2]
    assert str(manual.parent) in text and manual.name in text
    assert QApplication.clipboard().text() == str(manual)
    seen.clear()
    _answer_the_message(qtbot, seen, press="文件夹")
    opened.clear()
    window.help_menu.open_manual()
    assert [url.toLocalFile() for url in opened] == [str(manual), str(manual.parent)]


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_window_names_the_program_as_the_menu_entry_does(qtbot, store, language, lang):
    """Chinese: 「Inspector 督导考核」, the name of the desktop's menu entry, in the title and the About item;
    English keeps its Name (Inspector)."""
    import configparser
    from pathlib import Path
    language(lang)
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(Path(__file__).resolve().parent.parent / "build" / "linux" / "inspector.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    name = desktop["Name[zh_CN]"] if lang == "zh_CN" else "Inspector"
    make_demo(store)
    window = ui_app.create_window(store)  # the demo opens: its title names plan, user and program
    qtbot.addWidget(window)
    assert window.windowTitle().endswith(f" — {name}"), window.windowTitle()
    about = re.sub(r"\(&.\)|&", "", window.help_menu.about_action.text()).rstrip("…")
    assert about.endswith(f" {name}"), about
    window.commit_all()
