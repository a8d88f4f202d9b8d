"""Drawing primitives the pictures share: fonts, pens, wordings that fit their room, easing, tracks.

Plain functions over a QPainter; nothing here knows about any one picture or widget.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF

from kiosk.theme import FONT_FAMILY

TEXT_SIZE_CACHE = 4096  # measured wordings kept: each picture has a few dozen per size
# A point for motion maths: plain floats are much cheaper than QPointF, frame after frame.
Point = tuple[float, float]
WRAP = Qt.TextFlag.TextWordWrap
TOP_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


def font(px: float, *, bold: bool = False) -> QFont:
    result = QFont(FONT_FAMILY)
    result.setPixelSize(max(1, round(px)))
    result.setBold(bold)
    return result


def color(hex_color: str, alpha: float = 1.0) -> QColor:
    result = QColor(hex_color)
    result.setAlphaF(max(0.0, min(1.0, alpha)))
    return result


def pen(hex_color: str, width: float, alpha: float = 1.0) -> QPen:
    result = QPen(color(hex_color, alpha), width)
    result.setCapStyle(Qt.PenCapStyle.RoundCap)
    result.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return result


def text_size(text: str, px: float, width: float, *, bold: bool = False) -> QSizeF:
    """The size `text` takes when wrapped to `width`."""
    return QSizeF(*_wrapped_size(text, round(px), width, bold))


@lru_cache(maxsize=TEXT_SIZE_CACHE)
def _wrapped_size(text: str, px: int, width: float, bold: bool) -> tuple[float, float]:
    # Laying a picture out measures the same few words many times over (least_height tries
    # several heights): measured once, a text-size change's search takes a few ms, not ~50.
    metrics = QFontMetricsF(font(px, bold=bold))
    bounds = metrics.boundingRect(QRectF(0, 0, max(1.0, width), 100_000), WRAP | TOP_LEFT, text)
    return bounds.width(), bounds.height()


def fit_variant(
    variants: Sequence[str], px: float, width: float, height: float, *, bold: bool = False
) -> str | None:
    """The first (longest) wording that fits `width` × `height` when wrapped, or None."""
    for text in variants:
        size = text_size(text, px, width, bold=bold)
        if size.width() <= width + 0.5 and size.height() <= height + 0.5:
            return text
    return None


def draw_text(
    painter: QPainter,
    rect: QRectF,
    text: str,
    px: float,
    *,
    ink: str,
    bold: bool = False,
    align: Qt.AlignmentFlag = TOP_LEFT,
) -> None:
    painter.setFont(font(px, bold=bold))
    painter.setPen(color(ink))
    painter.drawText(rect, int(align) | int(WRAP), text)


def smooth(t: float) -> float:
    """Ease in and out on 0..1."""
    t = max(0.0, min(1.0, t))
    return t * t * (3 - 2 * t)


def lerp(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def xy(point: QPointF) -> Point:
    return (point.x(), point.y())


def cycle(phase: float, period: float, offset: float = 0.0) -> float:
    """Where a repeating motion of `period` seconds is, on 0..1."""
    return ((phase / period) + offset) % 1.0


class Track:
    """A polyline that things travel along, measured by length so speed stays even."""

    def __init__(self, points: Sequence[QPointF]) -> None:
        self.points = [xy(point) for point in points]
        self._lengths = [0.0]
        for a, b in zip(self.points, self.points[1:], strict=False):
            self._lengths.append(self._lengths[-1] + math.dist(a, b))

    @property
    def length(self) -> float:
        return self._lengths[-1]

    def at(self, t: float) -> Point:
        if len(self.points) == 1 or self.length == 0:
            return self.points[0]
        target = max(0.0, min(1.0, t)) * self.length
        for index in range(1, len(self.points)):
            if self._lengths[index] >= target:
                span = self._lengths[index] - self._lengths[index - 1]
                local = (target - self._lengths[index - 1]) / span if span else 0.0
                return lerp(self.points[index - 1], self.points[index], local)
        return self.points[-1]

    def path(self) -> QPainterPath:
        path = QPainterPath(QPointF(*self.points[0]))
        for point in self.points[1:]:
            path.lineTo(QPointF(*point))
        return path


def draw_arrow_head(
    painter: QPainter, tip: QPointF, angle: float, size: float, ink: str, alpha: float = 1.0
) -> None:
    """A filled arrow head pointing along `angle` (radians, screen coordinates)."""
    back = angle + math.pi
    left = QPointF(tip.x() + size * math.cos(back + 0.45), tip.y() + size * math.sin(back + 0.45))
    right = QPointF(tip.x() + size * math.cos(back - 0.45), tip.y() + size * math.sin(back - 0.45))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color(ink, alpha))
    painter.drawPolygon(QPolygonF([tip, left, right]))


def stack_labels(
    wished: Sequence[float], heights: Sequence[float], top: float, bottom: float, gap: float
) -> list[float] | None:
    """Tops for labels as near their `wished` tops as they can be without overlapping, all
    inside top..bottom and in the given order; None if they cannot all fit."""
    if sum(heights) + gap * max(0, len(heights) - 1) > bottom - top + 0.5:
        return None
    placed = []
    cursor = top
    for wish, height in zip(wished, heights, strict=True):
        y = max(wish, cursor)
        placed.append(y)
        cursor = y + height + gap
    limit = bottom
    for index in reversed(range(len(placed))):
        placed[index] = min(placed[index], limit - heights[index])
        limit = placed[index] - gap
    return placed
