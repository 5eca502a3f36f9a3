"""Smoke test of the built program, with no Python on its PATH: the demo chain from the command line
(demo, report as PDF and Word, export, verify, results), then the window opened offscreen and quit once painted;
the same for the installed .deb when given (installed with apt, started from the launcher's Exec line).
Prints the program's size and its cold start beside a bare PySide6 window started by this Python.

    python3 build/smoke.py --program build/dist/inspector [--deb build/dist/inspector.deb]

Exit status 0 when every step did what it should; each failure is printed with the command's output.
"""
from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

BARE_WINDOW = ("from PySide6.QtCore import QTimer\nfrom PySide6.QtWidgets import QApplication, QMainWindow\n"
               "app = QApplication([])\nw = QMainWindow()\nw.show()\nQTimer.singleShot(0, app.quit)\napp.exec()\n")
STARTS = 3


class Smoke:
    def __init__(self, scratch: Path):
        self.scratch = scratch
        self.failures: list[str] = []
        empty_bin = scratch / "bin"  # PATH holds nothing: no python, no tools
        empty_bin.mkdir(exist_ok=True)
        self.env = {"PATH": str(empty_bin), "HOME": str(scratch / "home"), "LANG": "C.UTF-8",
                    "QT_QPA_PLATFORM": "offscreen", "INSPECTOR_CACHE_DIR": str(scratch / "cache")}

    def run(self, label: str, cmd: list[str], **env) -> subprocess.CompletedProcess | None:
        try:
            done = subprocess.run(cmd, env={**self.env, **env}, capture_output=True, text=True, timeout=300)
        except (OSError, subprocess.TimeoutExpired) as exc:
            self.failures.append(f"{label}: {exc}")
            print(f"FAIL {label}: {exc}")
            return None
        ok = done.returncode == 0
        print(f"{'ok  ' if ok else 'FAIL'} {label}")
        if not ok:
            self.failures.append(f"{label}: exit {done.returncode}\n{done.stdout}\n{done.stderr}")
            print(done.stdout[-2000:], done.stderr[-2000:], sep="\n")
        return done if ok else None

    def check(self, label: str, condition: bool, detail: str = "") -> None:
        print(f"{'ok  ' if condition else 'FAIL'} {label}{': ' + detail if detail and not condition else ''}")
        if not condition:
            self.failures.append(f"{label}: {detail}")

    def demo_chain(self, name: str, program: list[str]) -> None:
        data, out = self.scratch / f"{name}-data", self.scratch / f"{name}-out"
        out.mkdir()
        base = [*program, "--data-dir", str(data)]
        self.run(f"{name}: --version", [*program, "--version"])
        self.run(f"{name}: demo", [*base, "demo"])
        report = out / "反馈报告.pdf"
        self.run(f"{name}: report", [*base, "report", "--group", "第四中学", "--out", str(report)])
        self.check(f"{name}: report is a PDF", report.is_file() and report.read_bytes()[:5] == b"%PDF-")
        word = out / "反馈报告.docx"
        self.run(f"{name}: report as Word", [*base, "report", "--group", "第四中学", "--out", str(word)])
        self.check(f"{name}: report is a Word document", word.is_file() and zipfile.is_zipfile(word)
                   and "word/document.xml" in zipfile.ZipFile(word).namelist())
        self.run(f"{name}: export", [*base, "export", "--out", str(out)])
        bundles = sorted(out.glob("*.zip"))
        self.check(f"{name}: bundles written", bool(bundles), "no bundle")
        if bundles:
            self.run(f"{name}: verify", [*base, "verify", *map(str, bundles)])
        workbook, pdf = out / "结果.xlsx", out / "公示.pdf"
        self.run(f"{name}: results", [*base, "results", "--out", str(workbook), "--pdf", str(pdf)])
        self.check(f"{name}: results workbook", workbook.is_file() and zipfile.is_zipfile(workbook))
        self.check(f"{name}: results PDF", pdf.is_file() and pdf.read_bytes()[:5] == b"%PDF-")
        self.window(name, program, data)

    def window(self, name: str, program: list[str], data: Path) -> list[float]:
        times = []
        for i in range(STARTS):
            started = time.perf_counter()
            done = self.run(f"{name}: window offscreen, quit after paint ({i + 1})", [*program, "--data-dir", str(data)],
                            INSPECTOR_QUIT_AFTER_PAINT="1")
            times.append(time.perf_counter() - started)
            if done is None:
                break
        return times


def bare_window_times(scratch: Path) -> list[float]:
    times = []
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for _ in range(STARTS):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", BARE_WINDOW], env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return times


def size_mb(path: Path) -> float:
    return (path.stat().st_size if path.is_file() else sum(p.lstat().st_size for p in path.rglob("*"))) / 1e6


def about_file(folder: Path) -> Path:
    return folder / "_internal" / "resources" / "about.json"


def check_about(smoke: Smoke, folder: Path) -> None:
    path = about_file(folder)
    smoke.check("about.json shipped", path.is_file(), str(path))
    if path.is_file():
        about = json.loads(path.read_text(encoding="utf-8"))
        names = {item["name"].lower() for item in about["licences"]}
        kinds = {item["kind"] for item in about["licences"]}
        smoke.check("about.json: build date", bool(about.get("built")))
        smoke.check("about.json: fonts and Qt listed", {"font", "library", "runtime"} <= kinds
                    and any(n.startswith("pyside6") for n in names), str(sorted(names)))
    for qm in ("inspector_en.qm", "inspector_zh_CN.qm"):
        smoke.check(f"{qm} shipped", (folder / "_internal" / "resources" / "i18n" / qm).is_file())


def desktop_exec(desktop: Path) -> list[str]:
    for line in desktop.read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            return [a for a in shlex.split(line[5:]) if not a.startswith("%")]
    raise SystemExit(f"{desktop}: no Exec line")


def install_deb(smoke: Smoke, deb: Path) -> list[str] | None:
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    done = subprocess.run([*sudo, "apt-get", "install", "-y", "-q", "--reinstall", str(deb.resolve())],
                          capture_output=True, text=True, env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    smoke.check("deb: apt-get install ./inspector.deb", done.returncode == 0, done.stdout[-1500:] + done.stderr[-1500:])
    if done.returncode != 0:
        return None
    desktop = Path("/usr/share/applications/inspector.desktop")
    smoke.check("deb: launcher entry installed", desktop.is_file())
    smoke.check("deb: icon installed", Path("/usr/share/icons/hicolor/256x256/apps/inspector.png").is_file())
    smoke.check("deb: bundle MIME type installed", Path("/usr/share/mime/packages/inspector.xml").is_file())
    return desktop_exec(desktop) if desktop.is_file() else None


def mime_of(path: Path) -> str | None:
    if shutil.which("gio") is None:
        return None
    out = subprocess.run(["gio", "info", "-a", "standard::content-type", str(path)], capture_output=True, text=True)
    for line in out.stdout.splitlines():
        if "standard::content-type" in line:
            return line.split(":", 3)[-1].strip()
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--program", type=Path, required=True, help="the one-folder program (build/dist/inspector)")
    parser.add_argument("--deb", type=Path, help="also install this .deb with apt and run the installed program")
    args = parser.parse_args(argv)
    binary = args.program / ("inspector-cli.exe" if sys.platform == "win32" else "inspector")
    with tempfile.TemporaryDirectory(prefix="inspector-smoke-") as tmp:
        smoke = Smoke(Path(tmp))
        check_about(smoke, args.program)
        smoke.demo_chain("built", [str(binary)])
        built_times = smoke.window("built (again)", [str(binary)], Path(tmp) / "built-data")
        bare = bare_window_times(Path(tmp))
        installed_times = []
        if args.deb:
            command = install_deb(smoke, args.deb)
            if command:
                smoke.demo_chain("installed", command)
                installed_times = smoke.window("installed (again)", command, Path(tmp) / "installed-data")
                bundle = next(iter(sorted((Path(tmp) / "installed-out").glob("*.zip"))), None)
                kind = mime_of(bundle) if bundle else None
                if kind is not None:
                    smoke.check("deb: a bundle is recognised as application/x-inspector-bundle",
                                kind == "application/x-inspector-bundle", kind)
        print()
        print(f"size: one-folder program {size_mb(args.program):.0f} MB"
              + (f", .deb {size_mb(args.deb):.0f} MB" if args.deb else ""))
        line = f"cold start to first paint (median of {STARTS}): built {statistics.median(built_times):.2f} s"
        if installed_times:
            line += f", installed {statistics.median(installed_times):.2f} s"
        print(line + f"; bare PySide6 window (this Python) {statistics.median(bare):.2f} s")
        if smoke.failures:
            print(f"\n{len(smoke.failures)} smoke failures")
            return 1
        print("\nsmoke: all passed")
        return 0


if __name__ == "__main__":
    sys.exit(main())
