"""Word (.docx) output through python-docx: named styles in the faces a Chinese Word or WPS user expects.

Every paper also goes out as .docx so the panel or the bureau can edit its
wording before printing. The styles carry names a user finds in Word's style
list — 公文标题 (黑体 二号), 一级标题 (黑体 三号), 二级标题 (楷体 四号), 正文
(仿宋_GB2312 小四, indented two characters), 表格文字 (宋体 五号), 落款 —
with the East Asian face set explicitly (w:eastAsia) and, in the font table,
the face to use where that one is missing (仿宋_GB2312 → 仿宋, 黑体 → SimHei,
…). Latin letters and digits are in Times New Roman, as 公文 set them. The page
is A4 in GB/T 9704's text block. Text gets full-width punctuation like the PDFs.
"""
from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from inspector_app.fsutil import write_atomic
from inspector_app.typeset.linebreak import fullwidth

LATIN_FACE = "Times New Roman"
# Each Chinese face and the faces Word or WPS falls back to when it is not installed.
FALLBACKS = {"仿宋_GB2312": "仿宋", "黑体": "SimHei", "宋体": "SimSun", "楷体": "KaiTi", "仿宋": "FangSong"}
STYLES = {
    # name: (east asian face, size pt, bold, alignment, first-line indent in characters, space after pt)
    "公文标题": ("黑体", 22, False, WD_ALIGN_PARAGRAPH.CENTER, 0, 12),
    "一级标题": ("黑体", 16, False, WD_ALIGN_PARAGRAPH.LEFT, 0, 6),
    "二级标题": ("楷体", 14, True, WD_ALIGN_PARAGRAPH.LEFT, 0, 3),
    "正文": ("仿宋_GB2312", 12, False, WD_ALIGN_PARAGRAPH.JUSTIFY, 2, 3),
    "说明文字": ("宋体", 9, False, WD_ALIGN_PARAGRAPH.LEFT, 0, 3),
    "表格文字": ("宋体", 10.5, False, WD_ALIGN_PARAGRAPH.LEFT, 0, 0),
    "表头": ("黑体", 10.5, False, WD_ALIGN_PARAGRAPH.CENTER, 0, 0),
    "落款": ("仿宋_GB2312", 14, False, WD_ALIGN_PARAGRAPH.RIGHT, 0, 0),
    "标记": ("黑体", 14, False, WD_ALIGN_PARAGRAPH.CENTER, 0, 6),
    "图片": ("宋体", 10.5, False, WD_ALIGN_PARAGRAPH.CENTER, 0, 2),
    "图片说明": ("宋体", 10.5, False, WD_ALIGN_PARAGRAPH.CENTER, 0, 10),
}


def _fonts(element, east_asian: str) -> None:
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr, value in (("w:ascii", LATIN_FACE), ("w:hAnsi", LATIN_FACE), ("w:eastAsia", east_asian),
                        ("w:cs", LATIN_FACE)):
        fonts.set(qn(attr), value)
    fonts.set(qn("w:hint"), "eastAsia")


class WordDoc:
    """A document with the official styles, A4 portrait or landscape, a header and a 第 N 页 共 M 页 footer."""

    def __init__(self, header: str, landscape: bool = False, mark: str = ""):
        self.doc = Document()
        section = self.doc.sections[0]
        section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        if landscape:
            section.left_margin = section.right_margin = Mm(18)
            section.top_margin = section.bottom_margin = Mm(22)
        else:  # GB/T 9704: 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm
            section.top_margin, section.bottom_margin = Mm(37), Mm(35)
            section.left_margin, section.right_margin = Mm(28), Mm(26)
        styles = self.doc.styles
        normal = styles["Normal"]
        normal.font.name = LATIN_FACE
        normal.font.size = Pt(12)
        _fonts(normal.element, "宋体")
        for name, (face, size, bold, align, indent, after) in STYLES.items():
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = normal
            style.quick_style = True
            style.font.name = LATIN_FACE
            style.font.size = Pt(size)
            style.font.bold = bold
            _fonts(style.element, face)
            fmt = style.paragraph_format
            fmt.alignment = align
            fmt.space_after = Pt(after)
            if indent:
                fmt.first_line_indent = Pt(size * indent)
            if name in ("一级标题", "二级标题"):
                fmt.keep_with_next = True
                fmt.space_before = Pt(10)
        self._font_table()
        head = section.header.paragraphs[0]
        head.text = fullwidth(header) + (f"　　{mark}" if mark else "")
        head.style = styles["说明文字"]
        foot = section.footer.paragraphs[0]
        foot.style = styles["说明文字"]
        foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
        foot.add_run("第 ")
        self._field(foot, "PAGE")
        foot.add_run(" 页 共 ")
        self._field(foot, "NUMPAGES")
        foot.add_run(" 页")

    def _font_table(self) -> None:
        """Declare the Chinese faces with their fallbacks (w:altName) and GB2312 charset."""
        part = next(p for p in self.doc.part.package.iter_parts() if p.partname == "/word/fontTable.xml")
        from lxml import etree
        root = etree.fromstring(part.blob)
        ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        for name, alt in FALLBACKS.items():
            font = etree.SubElement(root, f"{{{ns}}}font")
            font.set(f"{{{ns}}}name", name)
            for tag, value in (("altName", alt), ("charset", "86"), ("family", "modern"), ("pitch", "fixed")):
                child = etree.SubElement(font, f"{{{ns}}}{tag}")
                child.set(f"{{{ns}}}val", value)
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    @staticmethod
    def _field(paragraph, code: str) -> None:
        run = paragraph.add_run()
        for kind, text in (("begin", None), (None, code), ("separate", None), (None, "1"), ("end", None)):
            if kind:
                el = OxmlElement("w:fldChar")
                el.set(qn("w:fldCharType"), kind)
            elif text == code:
                el = OxmlElement("w:instrText")
                el.set(qn("xml:space"), "preserve")
                el.text = f" {code} "
            else:
                el = OxmlElement("w:t")
                el.text = text
            run._r.append(el)

    def para(self, text: str, style: str = "正文", color: RGBColor | None = None):
        p = self.doc.add_paragraph(style=style)
        for n, line in enumerate(fullwidth(str(text)).split("\n")):
            run = p.add_run()
            if n:
                run.add_break()
            run.add_text(line)
            if color is not None:
                run.font.color.rgb = color
        return p

    def table(self, rows: list[list[str]], widths_mm: list[float] | None = None, head_rows: int = 1):
        table = self.doc.add_table(rows=len(rows), cols=len(rows[0]))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for r, row in enumerate(rows):
            cells = table.rows[r].cells
            for c, value in enumerate(row):
                cell = cells[c]
                cell.text = ""
                p = cell.paragraphs[0]
                p.style = self.doc.styles["表头" if r < head_rows else "表格文字"]
                p.add_run(fullwidth("" if value is None else str(value)))
                if widths_mm:
                    cell.width = Mm(widths_mm[c])
        if widths_mm:
            table.autofit = False
            for c, width in enumerate(widths_mm):
                table.columns[c].width = Mm(width)  # the grid LibreOffice and WPS lay out by
        for r in range(head_rows):  # the header row repeats on every page
            trpr = table.rows[r]._tr.get_or_add_trPr()
            el = OxmlElement("w:tblHeader")
            el.set(qn("w:val"), "true")
            trpr.append(el)
        for row in table.rows:  # a row never breaks across pages
            el = OxmlElement("w:cantSplit")
            el.set(qn("w:val"), "true")
            row._tr.get_or_add_trPr().append(el)
        self.doc.add_paragraph(style="说明文字")
        return table

    def picture(self, data: bytes, size_px: tuple[int, int], box_mm: tuple[float, float]):
        """An image (JPEG or PNG bytes) fitted into a box, centred, kept on the page of the line after it
        (its caption)."""
        scale = min(box_mm[0] / size_px[0], box_mm[1] / size_px[1])
        p = self.doc.add_paragraph(style="图片")
        p.paragraph_format.keep_with_next = True
        p.add_run().add_picture(io.BytesIO(data), width=Mm(size_px[0] * scale), height=Mm(size_px[1] * scale))
        return p

    def page_break(self) -> None:
        self.doc.add_page_break()

    def save(self, out_path: Path | str) -> Path:
        buf = io.BytesIO()
        self.doc.save(buf)
        out = Path(out_path)
        write_atomic(out, buf.getvalue())
        return out
