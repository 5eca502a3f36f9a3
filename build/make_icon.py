"""Draw the program's icon: resources/icons/inspector.svg (the scalable original, for the desktop
menu), PNGs at the sizes the window and the Linux icon theme use, and inspector.ico for Windows.

    python3 build/make_icon.py

A blue tile with a sheet of paper, three lines of text and a red tick: a scored inspection sheet.
The PNGs are drawn by Pillow from the same shapes as the SVG, at 4× and scaled down for smooth edges.
"""
from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
BLUE, PAPER, LINE, TICK = "#1f4e8c", "#ffffff", "#9fb3cc", "#d62828"

# Geometry on a 256-unit canvas, shared by the SVG and the PNGs.
TILE = (8, 8, 248, 248, 44)                       # x0, y0, x1, y1, corner radius
SHEET = [(64, 36), (164, 36), (196, 68), (196, 220), (64, 220)]
FOLD = [(164, 36), (164, 68), (196, 68)]
LINES = [(86, 84, 150), (86, 112, 174), (86, 140, 128)]   # x0, y, x1 (stroke 12, round caps)
TICK_PATH = [(100, 172), (128, 198), (184, 134)]          # stroke 20


def svg() -> str:
    x0, y0, x1, y1, r = TILE
    pts = lambda p: " ".join(f"{x},{y}" for x, y in p)  # noqa: E731
    lines = "".join(f'<line x1="{a}" y1="{y}" x2="{b}" y2="{y}"/>' for a, y, b in LINES)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">\n'
        f'  <rect x="{x0}" y="{y0}" width="{x1 - x0}" height="{y1 - y0}" rx="{r}" fill="{BLUE}"/>\n'
        f'  <polygon points="{pts(SHEET)}" fill="{PAPER}"/>\n'
        f'  <polygon points="{pts(FOLD)}" fill="{LINE}"/>\n'
        f'  <g stroke="{LINE}" stroke-width="12" stroke-linecap="round">{lines}</g>\n'
        f'  <polyline points="{pts(TICK_PATH)}" fill="none" stroke="{TICK}" stroke-width="20" '
        'stroke-linecap="round" stroke-linejoin="round"/>\n'
        '</svg>\n'
    )


def raster(size: int) -> Image.Image:
    scale = size * 4 / 256
    big = Image.new("RGBA", (size * 4, size * 4), (0, 0, 0, 0))
    draw = ImageDraw.Draw(big)
    s = lambda p: [(x * scale, y * scale) for x, y in p]  # noqa: E731
    x0, y0, x1, y1, r = TILE
    draw.rounded_rectangle([x0 * scale, y0 * scale, x1 * scale, y1 * scale], radius=r * scale, fill=BLUE)
    draw.polygon(s(SHEET), fill=PAPER)
    draw.polygon(s(FOLD), fill=LINE)
    for a, y, b in LINES:
        w = 12 * scale
        draw.line(s([(a, y), (b, y)]), fill=LINE, width=round(w))
        for x in (a, b):  # round caps
            draw.ellipse([x * scale - w / 2, y * scale - w / 2, x * scale + w / 2, y * scale + w / 2], fill=LINE)
    w = 20 * scale
    draw.line(s(TICK_PATH), fill=TICK, width=round(w), joint="curve")
    for x, y in (TICK_PATH[0], TICK_PATH[-1]):
        draw.ellipse([x * scale - w / 2, y * scale - w / 2, x * scale + w / 2, y * scale + w / 2], fill=TICK)
    return big.resize((size, size), Image.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "inspector.svg").write_text(svg(), encoding="utf-8")
    images = {size: raster(size) for size in SIZES}
    for size, image in images.items():
        image.save(OUT / f"inspector-{size}.png", optimize=True)
    images[256].save(OUT / "inspector.ico", sizes=[(s, s) for s in SIZES if s <= 256])
    print(f"icons written to {OUT}")


if __name__ == "__main__":
    main()
