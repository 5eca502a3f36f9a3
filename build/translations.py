"""Refresh the window's translations from the code, and say what is missing.

    python3 build/translations.py            # update resources/i18n/*.ts; exit 1 if anything is unfinished
    python3 build/translations.py --check    # change nothing; exit 1 if the .ts files are stale or unfinished
    python3 build/translations.py --fill en.tsv   # also take English from lines "源文<TAB>English"
    python3 build/translations.py --qm DIR   # also compile the .qm files into DIR (the build does this)

Every string the window shows goes through QCoreApplication.translate (see inspector_app/ui/i18n.py);
Chinese (zh_CN) is the source language. `pyside6-lupdate` scans every module of inspector_app/ui/ and
keeps the translations already made. For zh_CN each Chinese source is its own translation, so new
strings are complete there by themselves; a source with no Chinese in it stays unfinished until a
Chinese translation is written. For English a new string stays unfinished until its translation is
written into resources/i18n/inspector_en.ts (by hand or with Qt Linguist); this script lists them.
Locations are not stored, so moving code does not change the .ts files.
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "inspector_app" / "ui"
I18N = ROOT / "resources" / "i18n"
SOURCE_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
PLACEHOLDER = re.compile(r"\{\d*\}")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translation: str
    unfinished: bool


def ts_file(lang: str, folder: Path = I18N) -> Path:
    return folder / f"inspector_{lang}.ts"


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: it comes with PySide6 (pip install pyside6-essentials)")
    return found


def sources() -> list[Path]:
    return sorted(p for p in UI.rglob("*.py") if "__pycache__" not in p.parts)


def lupdate(ts: Path, lang: str) -> None:
    cmd = [tool("lupdate"), *map(str, sources()), "-ts", str(ts), "-source-language", SOURCE_LANGUAGE,
           "-target-language", lang, "-no-obsolete", "-locations", "none", "-silent"]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)


def messages(ts: Path) -> list[Message]:
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            found.append(Message(name, message.findtext("source") or "", (translation.text or "") if translation is not None
                                 else "", translation is not None and translation.get("type") in ("unfinished", "vanished",
                                                                                               "obsolete")))
    return found


def fill_source_language(ts: Path) -> None:
    """zh_CN: a Chinese source is its own translation."""
    tree = ET.parse(ts)
    for message in tree.getroot().iter("message"):
        source, translation = message.findtext("source") or "", message.find("translation")
        if translation is not None and translation.get("type") == "unfinished" and CJK.search(source):
            translation.text = source
            translation.attrib.pop("type")
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def fill(ts: Path, table: dict[str, str], unfinished_only: bool = False) -> int:
    """Write translations for the sources in `table` (any context); returns how many were set."""
    tree, count = ET.parse(ts), 0
    for message in tree.getroot().iter("message"):
        text = table.get(message.findtext("source") or "")
        translation = message.find("translation")
        if unfinished_only and translation is not None and translation.get("type") != "unfinished":
            continue
        if text is not None and translation is not None:
            translation.text = text
            translation.attrib.pop("type", None)
            count += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return count


def read_table(path: Path) -> dict[str, str]:
    """Lines `source<TAB>translation`; `\\n` stands for a line break inside either."""
    table = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if "\t" not in line:
            raise SystemExit(f"{path}:{number}: expected source<TAB>translation")
        source, text = line.split("\t", 1)
        table[source.replace("\\n", "\n")] = text.replace("\\n", "\n")
    return table


def problems(lang: str, folder: Path = I18N) -> list[str]:
    """What keeps a language from being complete: unfinished entries, empty ones, lost placeholders."""
    found = []
    for m in messages(ts_file(lang, folder)):
        where = f"{ts_file(lang, folder).name}: [{m.context}] {m.source!r}"
        if m.unfinished or not m.translation.strip():
            found.append(f"{where}: not translated")
        elif sorted(PLACEHOLDER.findall(m.source)) != sorted(PLACEHOLDER.findall(m.translation)):
            found.append(f"{where}: placeholders differ in {m.translation!r}")
        elif lang == SOURCE_LANGUAGE and not CJK.search(m.translation):
            found.append(f"{where}: no Chinese in the translation {m.translation!r}")
    return found


def stale(lang: str) -> tuple[set, set]:
    """Strings in the code missing from the .ts, and strings in the .ts no longer in the code."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / ts_file(lang).name
        shutil.copy(ts_file(lang), fresh)
        lupdate(fresh, lang)
        now = {(m.context, m.source) for m in messages(fresh)}
    kept = {(m.context, m.source) for m in messages(ts_file(lang))}
    return now - kept, kept - now


def refresh() -> None:
    for lang in LANGUAGES:
        ts = ts_file(lang)
        if not ts.exists():
            ts.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" '
                          f'language="{lang}" sourcelanguage="{SOURCE_LANGUAGE}"/>\n', encoding="utf-8")
        # A string moved to another context (code moved between classes) keeps its translation.
        known = {m.source: m.translation for m in messages(ts) if not m.unfinished and m.translation}
        lupdate(ts, lang)
        if lang == SOURCE_LANGUAGE:
            fill_source_language(ts)
        fill(ts, known, unfinished_only=True)


def compile_qm(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    built = []
    for lang in LANGUAGES:
        qm = folder / f"inspector_{lang}.qm"
        subprocess.run([tool("lrelease"), "-silent", str(ts_file(lang)), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; report stale or unfinished entries")
    parser.add_argument("--fill", type=Path, metavar="TSV", help="English from lines source<TAB>translation")
    parser.add_argument("--qm", type=Path, metavar="DIR", help="compile the .qm files into DIR")
    args = parser.parse_args(argv)
    report = []
    if args.check:
        for lang in LANGUAGES:
            new, gone = stale(lang)
            report += [f"{ts_file(lang).name}: [{c}] {s!r}: in the code, not in the file" for c, s in sorted(new)]
            report += [f"{ts_file(lang).name}: [{c}] {s!r}: in the file, no longer in the code" for c, s in sorted(gone)]
    else:
        refresh()
        if args.fill:
            print(f"{fill(ts_file('en'), read_table(args.fill))} English translations set")
    for lang in LANGUAGES:
        report += problems(lang)
    if args.qm:
        compile_qm(args.qm)
    for line in report:
        print(line, file=sys.stderr)
    counts = {lang: len(messages(ts_file(lang))) for lang in LANGUAGES}
    print(f"{', '.join(f'{lang}: {n} messages' for lang, n in counts.items())}; {len(report)} problems")
    return 1 if report else 0


if __name__ == "__main__":
    sys.exit(main())
