"""Where Inspector keeps its data: `--data-dir`, `INSPECTOR_DATA_DIR`, or the per-user folder."""
from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_VAR = "INSPECTOR_DATA_DIR"
APP_NAME = "Inspector"

_override: Path | None = None


def set_data_dir(path: str | Path | None) -> None:
    global _override
    _override = Path(path).expanduser().resolve() if path else None


def data_dir() -> Path:
    if _override is not None:
        return _override
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser().resolve()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def package_root() -> Path:
    return Path(__file__).resolve().parent


def project_root() -> Path:
    return package_root().parent


def resource_path(*parts: str) -> Path:
    """A file shipped with the program (fonts, translations), in a checkout or a frozen build."""
    import sys
    base = Path(getattr(sys, "_MEIPASS", project_root()))
    return base.joinpath("resources", *parts)


def shipped_rubrics_dir() -> Path:
    import sys
    base = Path(getattr(sys, "_MEIPASS", project_root()))
    return base / "rubrics"
