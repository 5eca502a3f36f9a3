"""The program's icon, set on the application at start (kept apart from the About box, which loads on demand)."""
from __future__ import annotations

from PySide6.QtGui import QIcon

from inspector_app import paths

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """The program's icon at every drawn size (resources/icons, made by build/make_icon.py)."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = paths.resource_path("icons", f"inspector-{size}.png")
        if path.is_file():
            icon.addFile(str(path))
    return icon
