"""The .deb: the one-folder program under /opt/inspector, with a launcher entry, the icon, the MIME
type of bundles (so double-clicking one opens Inspector), and Depends on the system libraries the
bundled Qt links to.

The Depends are not typed by hand: every ELF file of the build names the shared libraries it needs
(`readelf -d`); those the build does not carry itself are looked up with `ldconfig -p` and `dpkg -S`
on the building machine. Build on the oldest Debian the package must install on (Debian 12 here;
统信UOS 20 and 麒麟 V10 follow Debian 10–12).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PACKAGE = "inspector"
PREFIX = Path("opt") / PACKAGE
# Loaded by name at run time (dlopen), so no ELF file lists them; Qt's xcb platform needs them.
DLOPENED = ("libxcb-cursor.so.0", "libEGL.so.1", "libGL.so.1", "libfontconfig.so.1", "libxkbcommon-x11.so.0")
# Part of every Debian system: never worth a Depends line.
ESSENTIAL = {"libc6", "libgcc-s1", "libstdc++6", "zlib1g"}


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(4) == b"\x7fELF"
    except OSError:
        return False


def needed_libraries(folder: Path) -> tuple[set[str], set[str]]:
    """(sonames some ELF file of the build needs, sonames the build carries)."""
    needed, carried = set(DLOPENED), set()
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink() and is_elf(path):
            carried.add(path.name)
            out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True).stdout
            needed |= set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out))
    return needed, carried


def system_packages(sonames: set[str]) -> tuple[list[str], list[str]]:
    """(Debian packages providing the sonames, sonames found nowhere on this machine)."""
    cache = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    arch_paths: dict[str, str] = {}
    for line in cache.splitlines():  # "libX.so.1 (libc6,x86-64) => /lib/x86_64-linux-gnu/libX.so.1"
        match = re.match(r"\s*(\S+) \(([^)]*)\) => (\S+)", line)
        if match and ("64" in match.group(2)) == (sys.maxsize > 2**32):
            arch_paths.setdefault(match.group(1), match.group(3))
    packages, missing = set(), []
    for soname in sorted(sonames):
        path = arch_paths.get(soname)
        if path is None:
            missing.append(soname)
            continue
        owner = subprocess.run(["dpkg", "-S", os.path.realpath(path)], capture_output=True, text=True)
        if owner.returncode != 0:
            owner = subprocess.run(["dpkg", "-S", path], capture_output=True, text=True)
        if owner.returncode == 0:
            packages.add(owner.stdout.split(":")[0].strip())
        else:
            missing.append(soname)
    return sorted(packages - ESSENTIAL), missing


def depends(folder: Path) -> tuple[list[str], list[str]]:
    needed, carried = needed_libraries(folder)
    return system_packages({n for n in needed - carried if not n.startswith("ld-linux")})


def architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()


def folder_kib(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*")) // 1024


def make_deb(program: Path, out: Path, version: str) -> tuple[Path, list[str], list[str]]:
    """Build `out` (a .deb) from the one-folder `program`; returns it, its Depends and unresolved sonames."""
    stage = out.parent / "deb-root"
    shutil.rmtree(stage, ignore_errors=True)
    target = stage / PREFIX
    shutil.copytree(program, target, symlinks=True)
    (stage / "usr" / "bin").mkdir(parents=True)
    (stage / "usr" / "bin" / PACKAGE).symlink_to(Path("/") / PREFIX / PACKAGE)
    share = stage / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copy(HERE / "linux" / "inspector.desktop", share / "applications" / "inspector.desktop")
    (share / "mime" / "packages").mkdir(parents=True)
    shutil.copy(HERE / "linux" / "inspector-mime.xml", share / "mime" / "packages" / "inspector.xml")
    icons = ROOT / "resources" / "icons"
    for png in icons.glob("inspector-*.png"):
        size = png.stem.split("-")[1]
        folder = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(png, folder / "inspector.png")
    (share / "icons" / "hicolor" / "scalable" / "apps").mkdir(parents=True)
    shutil.copy(icons / "inspector.svg", share / "icons" / "hicolor" / "scalable" / "apps" / "inspector.svg")
    doc = share / "doc" / PACKAGE
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        "Licences of the fonts and libraries shipped in /opt/inspector: see Help → About in the program,\n"
        f"or /{PREFIX}/_internal/resources/about.json (collected by the build from their metadata).\n",
        encoding="utf-8")

    deps, missing = depends(target)
    control = stage / "DEBIAN"
    control.mkdir()
    (control / "control").write_text(
        f"Package: {PACKAGE}\nVersion: {version}\nArchitecture: {architecture()}\n"
        "Maintainer: Inspector <inspector@localhost.invalid>\nSection: education\nPriority: optional\n"
        f"Installed-Size: {folder_kib(stage)}\nDepends: {', '.join(deps)}\n"
        "Recommends: shared-mime-info, desktop-file-utils, fonts-wqy-microhei | fonts-noto-cjk\n"
        "Description: offline inspections of education groups (集团化办学督导考核)\n"
        " Experts score every indicator for every school against the bureau's rubric, with\n"
        " evidence, photos and notes; signed bundles carry the work from the experts to the\n"
        " panel lead and the education bureau, which ranks the groups and exports the results.\n",
        encoding="utf-8")
    out.unlink(missing_ok=True)
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "-z3", "--build", str(stage), str(out)], check=True,
                   stdout=subprocess.DEVNULL)
    shutil.rmtree(stage)
    return out, deps, missing
