"""The feedback report's appendices: the photos the panel chose and the list of evidence files.

Kept apart from `feedback` because they are laid out from the stored files, not from the score card.
"""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, PageBreak, Spacer, Table

from inspector_app.reports.model import ReportData
from inspector_app.reports.pdf_photos import PhotoFlowable
from inspector_app.reports.pdf_render import RenderContext
from inspector_app.reports.pdf_style import Heading, Styles, data_table, para, table_style


def photo_pages(d: ReportData, s: Styles, w: float, ctx: RenderContext) -> list:
    """附：现场照片, two to a row, each captioned with where it was taken."""
    gap = 8 * mm
    box_w, box_h = (w - gap) / 2, 62 * mm
    out: list = [PageBreak(), Heading("附：现场照片", size=15, space_before=4),
                 para(d.PHOTOS_NOTE.format(len(d.photos)), s.note)]
    for i in range(0, len(d.photos), 2):
        cells = []
        for photo in d.photos[i:i + 2]:
            caption = d.photo_caption(i + len(cells) + 1, photo)
            index = i + len(cells)
            cells.append([PhotoFlowable(photo.path, box_w, box_h, ctx, s, index, photo.markup),
                          Spacer(1, 2 * mm), para(caption, s.caption)])
        while len(cells) < 2:
            cells.append("")
        table = Table([cells], colWidths=[box_w + gap / 2] * 2, hAlign="CENTER")
        table.setStyle(table_style([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
        out.append(table)
    return out


def evidence_list(d: ReportData, s: Styles, w: float) -> list:
    """附：佐证材料清单: evidence files are listed, never printed."""
    rows = [[para(h, s.cell_head) for h in d.EVIDENCE_HEAD]]
    rows += [[para(r[0], s.cell_center), para(r[1], s.cell), para(r[2], s.cell), para(r[3], s.cell_center),
              para(r[4], s.cell)] for r in d.evidence_rows()]
    return [CondPageBreak(60 * mm), Heading("附：佐证材料清单", size=15, space_before=4),
            para(f"共 {len(d.evidence)} 份，由考核组在查阅资料、访谈中收集，原件随考核数据保存，未印入本报告。", s.note),
            data_table(rows, [12 * mm, w - 12 * mm - 34 * mm - 16 * mm - 30 * mm, 34 * mm, 16 * mm, 30 * mm],
                       extra=[("VALIGN", (0, 1), (-1, -1), "TOP")])]
