"""Build the manual's PDF (docs/manual/inspector-manual.pdf) from its Markdown chapters.

    python3 docs/manual/build_manual.py [--shots] [--out FILE.pdf]

`--shots` first retakes the screenshots (docs/manual/shots.py). The chapters are parsed by
markdown-it-py and laid out by reportlab with the fonts shipped in resources/fonts (embedded, so the
PDF reads the same on any computer). build/build.py runs this before building the program, which
ships the PDF and opens it from 帮助 → 使用手册.
"""
from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path

from markdown_it import MarkdownIt
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (Image, KeepTogether, ListFlowable, ListItem, PageBreak, Paragraph, SimpleDocTemplate,
                                Spacer, Table, TableStyle)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CHAPTERS = ["index.md", "expert.md", "lead.md", "bureau.md"]
OUT = HERE / "inspector-manual.pdf"
FONT, LATIN = "ManualSans", "ManualLatin"
BLUE = colors.HexColor("#1f4e8c")


def register_fonts() -> None:
    fonts = ROOT / "resources" / "fonts"
    pdfmetrics.registerFont(TTFont(FONT, str(fonts / "DroidSansFallbackFull.ttf")))
    pdfmetrics.registerFont(TTFont(LATIN, str(fonts / "DejaVuSans.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT, italic=FONT, boldItalic=FONT)
    pdfmetrics.registerFontFamily(LATIN, normal=LATIN, bold=LATIN, italic=LATIN, boldItalic=LATIN)


def text_markup(text: str) -> str:
    """Escaped text, each run of characters Droid Sans Fallback lacks (Latin, digits, “”, →) set in DejaVu Sans."""
    cjk = pdfmetrics.getFont(FONT).face.charToGlyph
    out, run, run_latin = [], [], None
    for char in text:
        latin = ord(char) not in cjk
        if run and latin != run_latin:
            out.append(_run("".join(run), run_latin))
            run = []
        run.append(char)
        run_latin = latin
    if run:
        out.append(_run("".join(run), run_latin))
    return "".join(out)


def _run(text: str, latin: bool) -> str:
    escaped = html.escape(text, quote=False)
    return f'<font name="{LATIN}">{escaped}</font>' if latin and text.strip() else escaped


def styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=FONT, fontSize=10.5, leading=17, wordWrap="CJK", spaceAfter=5)
    return {
        "body": base,
        "h1": ParagraphStyle("h1", base, fontSize=20, leading=28, textColor=BLUE, spaceBefore=4, spaceAfter=12),
        "h2": ParagraphStyle("h2", base, fontSize=14, leading=21, textColor=BLUE, spaceBefore=10, spaceAfter=6),
        "h3": ParagraphStyle("h3", base, fontSize=12, leading=18, spaceBefore=6, spaceAfter=4),
        "cell": ParagraphStyle("cell", base, fontSize=9.5, leading=14, spaceAfter=0),
        "caption": ParagraphStyle("caption", base, fontSize=9, leading=13, alignment=TA_CENTER,
                                  textColor=colors.HexColor("#555555"), spaceAfter=10),
    }


def inline(token) -> str:
    """An inline token's children as reportlab's paragraph markup."""
    out = []
    for child in token.children or []:
        if child.type == "text":
            out.append(text_markup(child.content))
        elif child.type in ("softbreak", "hardbreak"):
            out.append("<br/>" if child.type == "hardbreak" else "")
        elif child.type == "strong_open":
            out.append(f'<font color="{BLUE.hexval().replace("0x", "#")}">')
        elif child.type == "strong_close":
            out.append("</font>")
        elif child.type == "code_inline":
            out.append(f'<font color="#7a3e00">{text_markup(child.content)}</font>')
    return "".join(out)


def image_of(token):
    for child in token.children or []:
        if child.type == "image":
            return HERE / child.attrs["src"], "".join(c.content for c in child.children or [])
    return None


def picture(path: Path, caption: str, width: float, st) -> KeepTogether:
    image = Image(str(path))
    scale = min(1.0, width / image.imageWidth, 120 * mm / image.imageHeight)
    image.drawWidth, image.drawHeight = image.imageWidth * scale, image.imageHeight * scale
    return KeepTogether([image, Paragraph(text_markup(caption), st["caption"])])


def flowables(text: str, width: float, st) -> list:
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    story, stack = [], [[]]  # stack of open containers (lists, items); story at the bottom
    table, row, starts = None, None, []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        target = stack[-1] if len(stack) > 1 else story
        if tok.type == "heading_open":
            story.append(Paragraph(inline(tokens[i + 1]), st[tok.tag if tok.tag in st else "h3"]))
            i += 3
            continue
        if tok.type == "paragraph_open":
            content = tokens[i + 1]
            found = image_of(content)
            if found and found[0].is_file():
                target.append(picture(found[0], found[1], width, st))
            else:
                target.append(Paragraph(inline(content), st["body"]))
            i += 3
            continue
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            stack.append([])
            starts.append(str(tok.attrs.get("start", 1)))
        elif tok.type == "list_item_open":
            stack.append([])
        elif tok.type == "list_item_close":
            item = stack.pop()
            stack[-1].append(ListItem(item, leftIndent=14))
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            items = stack.pop()
            ordered, start = tok.type == "ordered_list_close", starts.pop()
            flow = ListFlowable(items, bulletType="1" if ordered else "bullet", start=start if ordered else "•",
                                bulletFontName=LATIN, bulletFontSize=9, leftIndent=14)
            (stack[-1] if len(stack) > 1 else story).append(flow)
        elif tok.type == "table_open":
            table = []
        elif tok.type == "tr_open":
            row = []
        elif tok.type in ("th_open", "td_open"):
            row.append(Paragraph(inline(tokens[i + 1]), st["cell"]))
            i += 3
            continue
        elif tok.type == "tr_close":
            table.append(row)
        elif tok.type == "table_close":
            grid = Table(table, colWidths=[width * 0.18, width * 0.82], repeatRows=1)
            grid.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9fb3cc")),
                                      ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef6")),
                                      ("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), FONT)]))
            story.append(grid)
            story.append(Spacer(1, 6))
        elif tok.type in ("fence", "code_block"):
            target.append(Paragraph(text_markup(tok.content).replace("\n", "<br/>"), st["cell"]))
        i += 1
    return story


def page_footer(canvas, doc) -> None:
    canvas.saveState()
    canvas.setFillColor(colors.HexColor("#777777"))
    footer = Paragraph(text_markup(f"Inspector 督导考核 使用手册 · 第 {doc.page} 页"),
                       ParagraphStyle("footer", fontName=FONT, fontSize=8.5, alignment=TA_CENTER))
    footer.wrapOn(canvas, A4[0], 20 * mm)
    footer.drawOn(canvas, 0, 10 * mm)
    canvas.restoreState()


def build(out: Path = OUT) -> Path:
    register_fonts()
    st = styles()
    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm,
                            bottomMargin=22 * mm, title="Inspector 督导考核 使用手册", author="Inspector",
                            subject="专家、专家组组长、教育局的使用手册", lang="zh-CN",
                            initialFontName=LATIN)  # never the unembedded Helvetica
    story = []
    for number, name in enumerate(CHAPTERS):
        if number:
            story.append(PageBreak())
        story += flowables((HERE / name).read_text(encoding="utf-8"), doc.width, st)
    doc.build(story, onFirstPage=page_footer, onLaterPages=page_footer)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shots", action="store_true", help="retake the screenshots first")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if args.shots:
        import subprocess
        subprocess.run([sys.executable, str(HERE / "shots.py")], check=True)
    path = build(args.out)
    print(f"manual: {path} ({path.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
