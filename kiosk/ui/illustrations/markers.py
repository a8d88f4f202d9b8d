"""The markers that stand for moving things (serotonin, pain signals...): an outline per kind,
drawn once into a small sprite per colour and copied each frame."""

from __future__ import annotations

import math
from functools import lru_cache
from typing import assert_never

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPixmap, QPolygonF

from kiosk.illustration_specs import MarkerShape
from kiosk.ui.illustrations.drawing import Point, color, pen, xy

SPRITE_CACHE_LIMIT = 256


def marker_path(shape: MarkerShape, center: QPointF, size: float) -> QPainterPath:
    """A marker of about `size` across: each kind of thing has its own outline, not just a colour."""
    r = size / 2
    x, y = center.x(), center.y()
    path = QPainterPath()
    match shape:
        case MarkerShape.CIRCLE:
            path.addEllipse(center, r * 0.85, r * 0.85)
        case MarkerShape.TRIANGLE:
            path.addPolygon(
                QPolygonF(
                    [
                        QPointF(x, y - r),
                        QPointF(x + r * 0.95, y + r * 0.75),
                        QPointF(x - r * 0.95, y + r * 0.75),
                    ]
                )
            )
            path.closeSubpath()
        case MarkerShape.BURST:
            points = []
            for i in range(14):
                radius = r if i % 2 == 0 else r * 0.5
                angle = math.pi * i / 7 - math.pi / 2
                points.append(QPointF(x + radius * math.cos(angle), y + radius * math.sin(angle)))
            path.addPolygon(QPolygonF(points))
            path.closeSubpath()
        case MarkerShape.WAVE:
            path.moveTo(x - r, y)
            for i in range(1, 25):
                t = i / 24
                path.lineTo(x - r + 2 * r * t, y - r * 0.45 * math.sin(t * 2 * math.pi * 1.5))
        case MarkerShape.CAPSULE:
            path.addRoundedRect(QRectF(x - r, y - r * 0.45, 2 * r, r * 0.9), r * 0.45, r * 0.45)
        case _:
            assert_never(shape)
    return path


def _paint_marker(
    painter: QPainter, shape: MarkerShape, center: QPointF, size: float, ink: str, edge: str
) -> None:
    path = marker_path(shape, center, size)
    if shape is MarkerShape.WAVE:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(pen(ink, max(2.0, size * 0.2)))
    else:
        painter.setBrush(color(ink))
        painter.setPen(pen(edge, max(1.0, size * 0.08)))
    painter.drawPath(path)
    if shape is MarkerShape.CAPSULE:
        painter.setPen(pen(edge, max(1.0, size * 0.08)))
        painter.drawLine(
            QPointF(center.x(), center.y() - size * 0.22),
            QPointF(center.x(), center.y() + size * 0.22),
        )


@lru_cache(maxsize=SPRITE_CACHE_LIMIT)
def _sprite(shape: MarkerShape, ink: str, edge: str, size: int, ratio: float) -> QPixmap:
    """A marker drawn once into a small pixmap: moving marks are copied, not redrawn, each frame.
    Keyed by its colours too, so that a theme change makes each theme's sprites once."""
    side = size * 2
    sprite = QPixmap(round(side * ratio), round(side * ratio))
    sprite.setDevicePixelRatio(ratio)
    sprite.fill(Qt.GlobalColor.transparent)
    painter = QPainter(sprite)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    _paint_marker(painter, shape, QPointF(side / 2, side / 2), size, ink, edge)
    painter.end()
    return sprite


def draw_marker(
    painter: QPainter,
    shape: MarkerShape,
    center: QPointF | Point,
    size: float,
    ink: str,
    alpha: float = 1.0,
    *,
    edge: str,
    ratio: float | None = None,
) -> None:
    """A marker of `shape` in `ink` with a ring of `edge` (the card's colour: it keeps marks
    that pass each other apart), about `size` across, centred on `center`. The motion
    layer passes its device pixel `ratio`: asking the painter for it costs, frame after frame."""
    if alpha <= 0.01:
        return
    x, y = xy(center) if isinstance(center, QPointF) else center
    whole = max(1, round(size))
    if ratio is None:
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
    sprite = _sprite(shape, ink, edge, whole, ratio)
    if alpha < 0.99:
        painter.setOpacity(alpha)
    painter.drawPixmap(QPointF(x - whole, y - whole), sprite)
    if alpha < 0.99:
        painter.setOpacity(1.0)
