"""The space an official paper leaves for a seal (盖章)."""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from inspector_app.typeset.fonts import draw_text
from inspector_app.typeset.page import MUTED, RULE


class SealSpace(Flowable):
    """A dashed circle where the seal goes, with （盖章） in its middle."""

    def __init__(self, size: float = 36 * mm):
        super().__init__()
        self.size = size

    def wrap(self, avail_width, avail_height):
        return self.size, self.size

    def draw(self):
        c = self.canv
        c.saveState()
        c.setStrokeColor(RULE)
        c.setDash(2, 2)
        c.setLineWidth(0.6)
        r = self.size / 2 - 1
        c.circle(self.size / 2, self.size / 2, r)
        c.setFillColor(MUTED)
        draw_text(c, self.size / 2, self.size / 2 - 3, "（盖章）", 9, anchor="middle")
        c.restoreState()
