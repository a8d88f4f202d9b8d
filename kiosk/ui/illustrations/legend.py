"""The key above a picture: a marker and its name per moving thing, flowed into rows."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter

from kiosk.illustration_specs import LegendItem
from kiosk.theme import Colors
from kiosk.ui.illustrations.drawing import draw_text, text_size
from kiosk.ui.illustrations.markers import draw_marker


def legend_rows(
    items: Sequence[LegendItem], px: float, width: float
) -> list[list[tuple[LegendItem, float]]]:
    """Legend items flowed into rows that fit `width`, each with its width."""
    rows: list[list[tuple[LegendItem, float]]] = [[]]
    used = 0.0
    gap = px
    for item in items:
        item_width = px * 1.5 + text_size(item.label, px, 10_000, bold=True).width()
        if rows[-1] and used + gap + item_width > width:
            rows.append([])
            used = 0.0
        used += (gap if rows[-1] else 0.0) + item_width
        rows[-1].append((item, item_width))
    return rows


def legend_height(items: Sequence[LegendItem], px: float, width: float) -> float:
    if not items:
        return 0.0
    return len(legend_rows(items, px, width)) * px * 1.45


def draw_legend(
    painter: QPainter, rect: QRectF, items: Sequence[LegendItem], px: float, colors: Colors
) -> None:
    """The key, its words in `colors`' text on its card (`surface`)."""
    line = px * 1.45
    y = rect.top()
    for row in legend_rows(items, px, rect.width()):
        x = rect.left()
        for item, item_width in row:
            center = QPointF(x + px * 0.55, y + line / 2)
            draw_marker(painter, item.shape, center, px * 1.05, item.color, edge=colors.surface)
            label = QRectF(x + px * 1.5, y, item_width - px * 1.5 + 2, line)
            middle = Qt.AlignmentFlag.AlignVCenter
            draw_text(painter, label, item.label, px, ink=colors.text, bold=True, align=middle)
            x += item_width + px
        y += line
