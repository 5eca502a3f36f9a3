"""One report being made: its progress and cancel callbacks, its errors, and the context flowables draw in."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from inspector_app.said import Said

REPORT_CANCELLED = Said('报告生成已取消',
                         'Making the report was cancelled')


if TYPE_CHECKING:
    from inspector_app.reports.pdf_photos import PhotoPrefetcher

__all__ = ["Cancelled", "Progress", "RenderContext", "ReportCancelled", "ReportError"]

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class ReportCancelled(Exception):
    """The person stopped the report; nothing was written at the destination."""


class ReportError(Exception):
    """A report that cannot be made, said in plain words."""


@dataclass
class RenderContext:
    cancelled: Cancelled | None = None
    workdir: Path | None = None  # downscaled photos wait here until reportlab has read them
    photos: "PhotoPrefetcher | None" = None

    def check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ReportCancelled(REPORT_CANCELLED())

