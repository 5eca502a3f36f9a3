"""Translations: Chinese source strings, English from resources/i18n/inspector_en.ts.

The window speaks Chinese by default (the source language, no file needed).
English is chosen by the `language` setting or `INSPECTOR_LANG=en`; its `.qm`
is built from the `.ts` kept in the repository by `pyside6-lrelease`, into a
cache folder, named by the `.ts`'s content, whenever that `.qm` is missing.
Qt's own dialogs load `qtbase_<lang>.qm` from Qt's translations folder.
"""
from __future__ import annotations

import os
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from inspector_app import paths

SOURCE_LANGUAGE = "zh_CN"
LANGUAGES = {"zh_CN": "中文", "en": "English"}

translate = QCoreApplication.translate
_current = SOURCE_LANGUAGE  # the language installed last (core_words reads it)
_installs = 0  # how many times translators were installed (core_words keeps its translations per install)


def current_language() -> str:
    return _current


def installs() -> int:
    return _installs


def interface_locale(lang: str | None = None) -> QLocale:
    """The locale of the interface's language (dates, numbers), whatever the system's LANG says."""
    if (lang or _current) == SOURCE_LANGUAGE:
        return QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def chosen_language(setting: str | None = None) -> str:
    value = (os.environ.get("INSPECTOR_LANG") or setting or SOURCE_LANGUAGE).strip()
    if value.lower().startswith("en"):
        return "en"
    return SOURCE_LANGUAGE


def ts_path(lang: str) -> Path:
    return paths.resource_path("i18n", f"inspector_{lang}.ts")


def cache_dir() -> Path:
    return Path(os.environ.get("INSPECTOR_CACHE_DIR") or platformdirs.user_cache_dir("Inspector", appauthor=False))


def compiled(lang: str) -> Path | None:
    """The `.qm` for a language: shipped next to the `.ts` (frozen build) or built into the cache."""
    ts = ts_path(lang)
    shipped = ts.with_suffix(".qm")
    if shipped.is_file() and (not ts.is_file() or shipped.stat().st_mtime >= ts.stat().st_mtime):
        return shipped
    if not ts.is_file():
        return None
    # Named by the .ts's content: checkouts of different versions sharing one cache never take each other's.
    import hashlib
    digest = hashlib.sha256(ts.read_bytes()).hexdigest()[:12]
    qm = cache_dir() / "i18n" / f"inspector_{lang}-{digest}.qm"
    if qm.is_file():
        return qm
    import shutil  # only when a .qm must be built: rare, and subprocess is slow to import
    import subprocess

    tool = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if tool is None:
        return None
    try:
        qm.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True, timeout=60,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        return None
    return qm if qm.is_file() else None


# Qt 6 gave these labels of its file dialog a mnemonic; qtbase_zh_CN.qm still holds only the old sources
# ("Look in:", "Files of type:"), so they stayed English under Chinese. And the arrow keys as the window writes
# them everywhere else (Alt+→, as on the buttons' tips), not Qt's 右方向 in the menus and the F1 panel.
QT_GAPS = {"zh_CN": {("QFileDialog", "&Look in:"): "查找范围(&L)：",
                     ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
                     ("QShortcut", "Right"): "→", ("QShortcut", "Left"): "←",
                     ("QShortcut", "Up"): "↑", ("QShortcut", "Down"): "↓",
                     # the file dialog's type column and its size heading (Qt's own says 体积, "volume")
                     ("QAbstractFileIconProvider", "Folder"): "文件夹", ("QAbstractFileIconProvider", "File"): "文件",
                     ("QFileSystemModel", "Size"): "大小"}}


class QtGaps(QTranslator):
    """Qt's own strings its translation for the language lacks; empty for every other string."""

    def __init__(self, parent, table: dict[tuple[str, str], str]):
        super().__init__(parent)
        self.table = table

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002 - Qt's signature
        return self.table.get((context, source))  # None: not ours (an empty text would be taken as a translation)

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return not self.table


def install(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install Qt's own and Inspector's translators (before any widget is made); keep the result alive."""
    QLocale.setDefault(interface_locale(lang))
    global _current, _installs
    _current = lang
    _installs += 1
    installed = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase", "qt"):
        translator = QTranslator(app)
        if translator.load(f"{name}_{lang}", qt_dir):
            app.installTranslator(translator)
            installed.append(translator)
            break
    if lang in QT_GAPS:  # installed after Qt's, so asked first
        gaps = QtGaps(app, QT_GAPS[lang])
        app.installTranslator(gaps)
        installed.append(gaps)
    # zh_CN is the source language: its .qm (shipped by the build) only matters for a source without
    # Chinese in it, so a checkout does not build one at start.
    shipped = ts_path(lang).with_suffix(".qm")
    if lang != SOURCE_LANGUAGE or shipped.is_file():
        qm = compiled(lang)
        translator = QTranslator(app)
        if qm is not None and translator.load(str(qm)):
            app.installTranslator(translator)
            installed.append(translator)
    return installed
