"""What the About box says: the version, when the program was built, and the licences of the fonts and
libraries it ships with.

A built program reads `about.json`, written by the build (build/build.py) from the metadata of the
packages it bundled; a checkout collects the same from the installed packages' metadata when asked.
Nothing here is typed by hand: a new dependency or a new font appears by itself.
"""
from __future__ import annotations

import json
import re
import sys
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

from inspector_app import __version__, paths

DISTRIBUTION = "inspector-app"
ABOUT_FILE = "about.json"
_LICENCE_FILE = re.compile(r"(LICEN[CS]E|COPYING|NOTICE)", re.IGNORECASE)


@dataclass
class Licence:
    name: str
    version: str
    licence: str          # the short name (an SPDX expression where the package gives one)
    kind: str             # "font", "library" or "runtime"
    texts: list[str] = field(default_factory=list)   # full licence texts, as shipped by the package


@dataclass
class About:
    version: str
    built: str | None     # ISO date and time of the build; None when running from source
    platform: str
    licences: list[Licence]


def _short_licence(meta) -> str:
    value = meta.get("License-Expression") or ""
    if not value:
        text = (meta.get("License") or "").strip()
        if text and "\n" not in text and len(text) <= 80:
            value = text
    if not value:
        classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License")]
        value = "; ".join(classifiers)
    return value or "UNKNOWN"


def _named_in(text: str) -> str:
    """The licence a licence text names in its first lines (MIT, BSD, Apache-2.0), or UNKNOWN."""
    head = text[:400]
    for pattern, name in ((r"\bMIT License\b", "MIT"), (r"Apache License,? Version 2\.0", "Apache-2.0"),
                          (r"\bBSD\b", "BSD")):
        if re.search(pattern, head):
            return name
    return "UNKNOWN"


def _licence_texts(dist: metadata.Distribution) -> list[str]:
    texts = []
    for entry in dist.files or []:
        if entry.parent.name.endswith(".dist-info") or "licenses" in entry.parts:
            if _LICENCE_FILE.match(entry.name):
                try:
                    texts.append(entry.read_text(encoding="utf-8"))
                except (OSError, UnicodeDecodeError):
                    continue
    return texts


def _requirement_name(requirement: str) -> str | None:
    if ";" in requirement and "extra" in requirement.split(";", 1)[1]:
        return None  # optional extras (tests, building) are not shipped
    match = re.match(r"[A-Za-z0-9._-]+", requirement)
    return match.group(0) if match else None


def shipped_distributions(root: str = DISTRIBUTION) -> list[metadata.Distribution]:
    """The installed packages the program runs on: its dependencies and theirs, without extras."""
    seen: dict[str, metadata.Distribution] = {}
    todo = [root]
    while todo:
        name = todo.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen[key] = dist
        todo += [n for n in map(_requirement_name, dist.requires or []) if n]
    return [dist for key, dist in sorted(seen.items()) if key != DISTRIBUTION]


def font_licences() -> list[Licence]:
    """Each `resources/fonts/LICENSE-<name>.txt`: its first line names the font and its files."""
    licences = []
    for path in sorted(paths.resource_path("fonts").glob("LICENSE-*.txt")):
        text = path.read_text(encoding="utf-8")
        first = text.strip().splitlines()[0] if text.strip() else path.stem
        first = re.split(r"[:：]\s| — ", first, maxsplit=1)[0]
        spdx = re.search(r"^License:\s*(.+)$", text, re.MULTILINE)
        named = re.search(r"(Apache License, Version 2\.0|SIL Open Font License|Bitstream Vera|Arphic Public License"
                          r"|GPL[^\n,.]*)", text, re.IGNORECASE)
        short = spdx.group(1).strip() if spdx else (named.group(1) if named else "")
        licences.append(Licence(first, "", short, "font", [text]))
    return licences


def _common_licence(expression: str) -> list[str]:
    """A package that ships no licence file (PySide6): the text of the first licence its expression
    names, from the system's collection when there is one (Debian: /usr/share/common-licenses)."""
    common = Path("/usr/share/common-licenses")
    for spdx in re.findall(r"[A-Za-z0-9.+-]+", expression):
        candidate = common / re.sub(r"(-only|-or-later|\.0)", "", spdx).replace("-2.0", "-2")
        if candidate.is_file():
            return [f"{spdx}\n\n" + candidate.read_text(encoding="utf-8", errors="replace")]
    return []


def collect(modules: set[str] | None = None) -> list[Licence]:
    """The licences of the fonts, the Python runtime and every shipped library, from their metadata.
    `modules`: the top-level modules a build bundled; a package none of whose modules is among them
    is not shipped, so not listed."""
    owners = metadata.packages_distributions() if modules is not None else {}
    shipped_names = {re.sub(r"[-_.]+", "-", d).lower() for m in modules or () for d in owners.get(m, ())}
    runtime = Licence("Python", ".".join(map(str, sys.version_info[:3])), "PSF-2.0", "runtime", [
        f.read_text(encoding="utf-8", errors="replace") for f in (
            Path(sys.base_prefix, "lib", f"python{sys.version_info[0]}.{sys.version_info[1]}", "LICENSE.txt"),
            Path(sys.base_prefix, "LICENSE.txt")) if f.is_file()][:1])
    libraries = []
    for dist in shipped_distributions():
        name = dist.metadata["Name"]
        if modules is not None and re.sub(r"[-_.]+", "-", name).lower() not in shipped_names:
            continue
        short = _short_licence(dist.metadata)
        texts = _licence_texts(dist)
        if short == "UNKNOWN" and texts:  # metadata without a licence field (pyrage): the shipped text names it
            short = _named_in(texts[0])
        libraries.append(Licence(name, dist.version, short, "library", texts or _common_licence(short)))
    return font_licences() + [runtime] + libraries


def write_about(folder: Path, built: str, modules: set[str]) -> Path:
    """Called by the build: the About box's content, next to the bundled resources."""
    about = About(__version__, built, sys.platform, collect(modules))
    target = folder / ABOUT_FILE
    target.write_text(json.dumps(asdict(about), ensure_ascii=False, indent=1), encoding="utf-8")
    return target


def read_about() -> About:
    """In a built program, what the build recorded; from source, collected now."""
    shipped = paths.resource_path(ABOUT_FILE)
    if getattr(sys, "frozen", False) and shipped.is_file():
        data = json.loads(shipped.read_text(encoding="utf-8"))
        data["licences"] = [Licence(**item) for item in data["licences"]]
        return About(**data)
    return About(__version__, None, sys.platform, collect())
