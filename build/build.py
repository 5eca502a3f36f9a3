"""Build the desktop program for people without Python: one command on Linux or Windows.

    python3 -m pip install -e ".[build]" && python3 build/build.py      # Linux: folder + .deb
    py -m pip install -e ".[build]" && py build\\build.py               # Windows: folder + .zip

Linux gives build/dist/inspector/ (the one-folder program) and build/dist/inspector.deb; Windows gives
build\\dist\\inspector\\ (inspector.exe for the window, inspector-cli.exe for the command line) and
build\\dist\\inspector-windows.zip. First the manual's screenshots are retaken and its PDF rebuilt
(docs/manual/), so the program ships the manual of the window it is. `--smoke` then runs
build/smoke.py on what was built.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DIST, WORK = HERE / "dist", HERE / "work"
sys.path.insert(0, str(ROOT))


def size_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 1e6
    return sum(p.lstat().st_size for p in path.rglob("*")) / 1e6


def pyinstaller() -> Path:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise SystemExit('PyInstaller is missing: python3 -m pip install -e ".[build]"') from None
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--distpath",
                    str(DIST), "--workpath", str(WORK), str(ROOT / "inspector.spec")], check=True, cwd=ROOT)
    program = DIST / "inspector"
    print(f"one-folder program: {program}  {size_mb(program):.0f} MB  ({time.monotonic() - started:.0f} s)")
    return program


def manual() -> None:
    """Retake the manual's screenshots from the current window and rebuild its PDF, which the build ships."""
    started = time.monotonic()
    subprocess.run([sys.executable, str(ROOT / "docs" / "manual" / "build_manual.py"), "--shots"], check=True, cwd=ROOT)
    print(f"manual rebuilt ({time.monotonic() - started:.0f} s)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the one-folder program, and the .deb on Linux.")
    parser.add_argument("--no-deb", action="store_true", help="only the one-folder program")
    parser.add_argument("--smoke", action="store_true", help="then run build/smoke.py on the result")
    parser.add_argument("--no-manual", action="store_true", help="ship docs/manual/inspector-manual.pdf as it is")
    args = parser.parse_args(argv)
    from inspector_app import __version__

    if not args.no_manual:
        manual()
    program = pyinstaller()
    deb = None
    if sys.platform == "win32":
        archive = shutil.make_archive(str(DIST / "inspector-windows"), "zip", DIST, "inspector")
        print(f"zip: {archive}  {size_mb(Path(archive)):.0f} MB")
    elif sys.platform.startswith("linux") and not args.no_deb:
        if shutil.which("dpkg-deb") is None:
            print("dpkg-deb not found: no .deb (the one-folder program is complete)")
        else:
            import deb as debian
            started = time.monotonic()
            deb, depends, missing = debian.make_deb(program, DIST / "inspector.deb", __version__)
            print(f"deb: {deb}  {size_mb(deb):.0f} MB  ({time.monotonic() - started:.0f} s)")
            print(f"  Depends: {', '.join(depends)}")
            if missing:
                print(f"  not found on this machine (install them, then build again): {', '.join(missing)}")
                return 1
    if args.smoke:
        import smoke
        return smoke.main(["--program", str(program)] + (["--deb", str(deb)] if deb else []))
    return 0


if __name__ == "__main__":
    sys.exit(main())
