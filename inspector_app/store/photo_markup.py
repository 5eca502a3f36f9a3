"""A photo's markup: circles, arrows and words drawn over the untouched original, kept as data.

The original's bytes (and their hash) stay the evidence; the markup is a short JSON list of shapes with
coordinates as fractions of the upright picture (0 = left/top, 1 = right/bottom), so the same shapes land in
the same place on a thumbnail, the window's view and the report's downscaled copy:

    [{"kind": "ellipse", "x0": 0.2, "y0": 0.3, "x1": 0.5, "y1": 0.6},
     {"kind": "arrow", "x0": 0.8, "y0": 0.9, "x1": 0.55, "y1": 0.62},
     {"kind": "text", "x": 0.1, "y": 0.1, "text": "消防通道堵塞"}]

`parse` checks a value from anywhere (the window, the command line, a bundle) and says what is wrong in
Chinese; `draw` paints the shapes onto a Pillow image (the report); the window paints them with Qt.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from typing import Any
from inspector_app.said import Said

MARKUP_HOLDS = Said('标注中有 {0}',
                     'The markup holds {0}')

MARKUP_LIST_SHAPES = Said('标注应为图形的列表',
                           'The markup must be a list of shapes')
MARKUP_HAS_TOO_MANY = Said('标注的图形过多（{0} 个，最多 {1} 个）',
                            'The markup has too many shapes ({0}, at most {1})')
WRONG_FORMAT_TABLE_KEYS = Said('{0}格式不对，应为键值表',
                                '{0} is in the wrong format: it must be a table of keys and values')
KIND_ONE = Said('{0}的 kind 应为 {1} 之一',
                 'The kind of {0} must be one of {1}')
COLOUR_WRITTEN_RRGGBB = Said('{0}的颜色应写成 #RRGGBB',
                              'The colour of {0} must be written #RRGGBB')
NUMBER_0_1_SHARE = Said('{0}的 {1} 应为 0 到 1 之间的数（占图片宽或高的比例）',
                         "{1} of {0} must be a number from 0 to 1 (a share of the picture's width or height)")
TEXT_1_CHARACTERS = Said('{0}的文字应为 1–{1} 个字',
                          'The text of {0} must be 1–{1} characters')
MARKUP_VALID_JSON_LINE = Said('标注不是有效的 JSON（{0}，第 {1} 行）',
                               'The markup is not valid JSON ({0}, line {1})')

__all__ = ["KINDS", "MAX_SHAPES", "MAX_WORDS", "MarkupError", "Shape", "draw", "dumps", "parse"]

KINDS = {"ellipse": "圈", "arrow": "箭头", "text": "文字"}
MAX_SHAPES = 100
MAX_WORDS = 60
DEFAULT_COLOR = "#e02020"
_COLOR = re.compile(r"#[0-9a-fA-F]{6}")
_POINTS = {"ellipse": ("x0", "y0", "x1", "y1"), "arrow": ("x0", "y0", "x1", "y1"), "text": ("x", "y")}


class MarkupError(ValueError):
    """A markup that cannot be used; the message says where and why, in Chinese."""


@dataclass(frozen=True)
class Shape:
    kind: str
    coords: tuple[float, ...]  # in the order of _POINTS[kind]
    text: str = ""
    color: str = DEFAULT_COLOR

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind, **dict(zip(_POINTS[self.kind], self.coords))}
        if self.kind == "text":
            data["text"] = self.text
        if self.color != DEFAULT_COLOR:
            data["color"] = self.color
        return data

    def moved(self, dx: float, dy: float) -> "Shape":
        coords = tuple(min(1.0, max(0.0, c + (dx if i % 2 == 0 else dy))) for i, c in enumerate(self.coords))
        return Shape(self.kind, coords, self.text, self.color)


def parse(value: str | list | None) -> list[Shape]:
    """Shapes from stored text (or an already-parsed list); '' or None is no markup."""
    if value is None or value == "" or value == []:
        return []
    if isinstance(value, str):
        try:
            value = json.loads(value, parse_constant=lambda name: (_ for _ in ()).throw(MarkupError(MARKUP_HOLDS(name))))
        except ValueError as exc:
            if isinstance(exc, MarkupError):
                raise
            raise MarkupError(MARKUP_VALID_JSON_LINE(exc.msg, exc.lineno)) from None
    if not isinstance(value, list):
        raise MarkupError(MARKUP_LIST_SHAPES())
    if len(value) > MAX_SHAPES:
        raise MarkupError(MARKUP_HAS_TOO_MANY(len(value), MAX_SHAPES))
    return [_shape(item, i + 1) for i, item in enumerate(value)]


def _shape(item: Any, n: int) -> Shape:
    where = f"标注第 {n} 个图形"
    if not isinstance(item, dict):
        raise MarkupError(WRONG_FORMAT_TABLE_KEYS(where))
    kind = item.get("kind")
    if kind not in _POINTS:
        raise MarkupError(KIND_ONE(where, '、'.join(_POINTS)))
    coords = []
    for name in _POINTS[kind]:
        v = item.get(name)
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or not 0 <= v <= 1:
            raise MarkupError(NUMBER_0_1_SHARE(where, name))
        coords.append(float(v))
    text = item.get("text", "")
    if kind == "text":
        if not isinstance(text, str) or not text.strip() or "\x00" in text or len(text) > MAX_WORDS:
            raise MarkupError(TEXT_1_CHARACTERS(where, MAX_WORDS))
        text = text.strip()
    color = item.get("color", DEFAULT_COLOR)
    if not isinstance(color, str) or not _COLOR.fullmatch(color):
        raise MarkupError(COLOUR_WRITTEN_RRGGBB(where))
    return Shape(kind, tuple(coords), text if kind == "text" else "", color.lower())


def dumps(shapes: list[Shape]) -> str:
    """The stored text: '' for no markup, else compact JSON (coordinates rounded to 1/10000)."""
    if not shapes:
        return ""
    rows = []
    for shape in shapes:
        row = shape.to_json()
        rows.append({k: (round(v, 4) if isinstance(v, float) else v) for k, v in row.items()})
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


def text_size(height: int) -> int:
    """Pixel size of a markup word on a picture this tall (the window uses the same proportion)."""
    return max(12, round(height * 0.05))


def line_width(width: int, height: int) -> int:
    return max(2, round(max(width, height) * 0.006))


def arrow_head(x0: float, y0: float, x1: float, y1: float, size: float) -> list[tuple[float, float]]:
    """The two back corners of an arrow's head at (x1, y1), in the same units as the points."""
    angle = math.atan2(y1 - y0, x1 - x0)
    return [(x1 - size * math.cos(angle - a), y1 - size * math.sin(angle - a)) for a in (0.45, -0.45)]


def draw(image, shapes: list[Shape]):
    """A copy of a Pillow RGB image with the shapes painted on (the original image is left alone)."""
    if not shapes:
        return image
    from PIL import ImageDraw, ImageFont

    from inspector_app.paths import resource_path
    out = image.convert("RGB") if image.mode != "RGB" else image.copy()
    w, h = out.size
    pen = ImageDraw.Draw(out)
    width = line_width(w, h)
    font = None
    for shape in shapes:
        c = shape.coords
        if shape.kind == "ellipse":
            box = [min(c[0], c[2]) * w, min(c[1], c[3]) * h, max(c[0], c[2]) * w, max(c[1], c[3]) * h]
            pen.ellipse(box, outline=shape.color, width=width)
        elif shape.kind == "arrow":
            x0, y0, x1, y1 = c[0] * w, c[1] * h, c[2] * w, c[3] * h
            pen.line([(x0, y0), (x1, y1)], fill=shape.color, width=width)
            pen.polygon([(x1, y1), *arrow_head(x0, y0, x1, y1, width * 5)], fill=shape.color)
        else:
            if font is None:
                font = ImageFont.truetype(str(resource_path("fonts", "DroidSansFallbackFull.ttf")), text_size(h))
            pen.text((c[0] * w, c[1] * h), shape.text, font=font, fill=shape.color,
                     stroke_width=max(1, width // 2), stroke_fill="white")
    return out
