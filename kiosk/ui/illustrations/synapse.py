"""The gap between two nerve cells, without medicine and with an SNRI.

Science (DESIGN.md): an SNRI blocks the transporters on the *sending* cell that pull serotonin
and norepinephrine back in, so more of both stays in the gap. It adds no serotonin and does not
act on the receiving cell's receptors. The same messengers are released in both states; with the
medicine they stay in the gap longer and act on the receptors longer and more: "how long and how
much", never a "weak" or "strong" signal.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import ClassVar

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath

from kiosk.illustration_specs import SYNAPSE, MarkerShape
from kiosk.ui.illustrations.drawing import (
    SMALLEST_TEXT,
    Point,
    color,
    cycle,
    draw_arrow_head,
    draw_fitting,
    draw_text,
    fit_variant,
    lerp,
    pen,
    smooth,
    text_scales,
    text_size,
)
from kiosk.ui.illustrations.markers import draw_marker
from kiosk.ui.illustrations.picture import PaintedLabel, Picture

WITHOUT, WITH_SNRI = SYNAPSE.states
MESSENGERS = 12
RECEPTORS = 5
PERIOD = 8.0  # seconds from one release of a messenger to its next
ASPECT = 2.8  # the drawing's width / height, at most
MIN_ASPECT = 1.5  # and at least: a tall space gets a centred drawing, not stretched cells
SENDING_EDGE = 0.44  # where the two membranes are, as shares of the drawing's width
RECEIVING_EDGE = 0.62
NAME_LINES = 2  # the cells' names take at most this many lines, where they can
GUTTER = 0.6  # the least space between two names, in label heights
BOTTOM = Qt.AlignmentFlag.AlignBottom
TOP = Qt.AlignmentFlag.AlignTop


@dataclass(frozen=True)
class _Path:
    offset: float  # where in the release cycle this messenger starts
    release: Point  # where it leaves the sending cell
    drift: Point  # where it is just after leaving
    receptor: int  # the receptor it visits
    docked: Point  # where it sits in that receptor
    entry: Point  # the mouth of the transporter that takes it back
    inside: Point  # back inside the sending cell


class SynapsePicture(Picture):
    spec = SYNAPSE
    still_phase: ClassVar[float] = 2.6

    def lay_out(self) -> None:
        rect, labels = self.rect, self.labels
        px = self.px
        # The names under the drawing: (wording, centre as a share of its width, room).
        self.names: list[tuple[str, float, float]] = []
        self.name_px = px
        band = 0.0
        area = QRectF(rect)
        if not self.keep_clear.isEmpty():  # leave the pause button's corner free
            area.setRight(min(rect.right(), self.keep_clear.left() - px * 0.4))
        width = area.width()
        for _round in range(3):  # the name band's height depends on the drawing's width
            width = min(area.width(), max(1.0, rect.height() - band) * ASPECT)
            if not labels:
                break
            self.names, self.name_px = self._fit_names(width)
            band = px * 0.3 + max(
                text_size(name, self.name_px, room, bold=True).height()
                for name, _centre, room in self.names
            )
        height = max(1.0, min(rect.height() - band, width / MIN_ASPECT))
        top = rect.top() + (rect.height() - band - height) / 2
        self.box = QRectF(area.center().x() - width / 2, top, width, height)
        b = self.box
        h = b.height()
        self.band = QRectF(b.left(), b.bottom() + px * 0.3, b.width(), max(0.0, band - px * 0.3))
        self.sending_edge = b.left() + b.width() * SENDING_EDGE
        self.receiving_edge = b.left() + b.width() * RECEIVING_EDGE
        self.mid_y = b.center().y()
        self.size = max(px * 0.75, min(h * 0.09, px * 1.1))
        self.transporters = [
            QPointF(self.sending_edge, b.top() + h * 0.17),
            QPointF(self.sending_edge, b.bottom() - h * 0.17),
        ]
        self.receptors = [
            QPointF(self.receiving_edge, b.top() + h * (0.2 + 0.15 * i)) for i in range(RECEPTORS)
        ]
        self.signal_start = self.receiving_edge + self.size * 1.4
        self.paths = [self._path(index) for index in range(MESSENGERS)]
        self._cups = [self._cup(index) for index in range(RECEPTORS)]
        self._active_pen = pen(self.colors.text, self.line * 1.6)
        self._resting_pen = pen(self.colors.text_muted, self.line * 1.1)

    def painted_labels(self) -> list[PaintedLabel]:
        """The cells' names under the drawing."""
        labels = []
        for name, centre, room in self.names:
            size = text_size(name, self.name_px, room, bold=True)
            x = self.box.left() + self.box.width() * centre
            rect = QRectF(x - size.width() / 2, self.band.top(), size.width(), size.height())
            labels.append(PaintedLabel(name, rect))
        return labels

    def _fit_names(self, width: float) -> tuple[list[tuple[str, float, float]], float]:
        """The names under a drawing `width` wide, as (wording, centre as a share of `width`,
        room), and their text size. The cells' names share one level of wording, the
        longest that fits under its cell in NAME_LINES lines at some size (smaller text before a
        shorter wording), leaving room for the gap's name between them. If nothing fits, the
        shortest wordings at the smallest size, without the gap's name if it still does not."""
        words = self.words.synapse
        sending, receiving = words.sending_cell, words.receiving_cell
        lines = "\n".join(["X"] * NAME_LINES)
        for level in range(max(len(sending), len(receiving))):
            sides = (
                sending[min(level, len(sending) - 1)],
                receiving[min(level, len(receiving) - 1)],
            )
            for scale in text_scales(SMALLEST_TEXT):
                px = self.px * scale
                tallest = text_size(lines, px, 10_000, bold=True).height()
                for gap in words.gap:
                    names = self._names_at(width, px, sides, gap, tallest)
                    if names is not None:
                        return names, px
        px = self.px * SMALLEST_TEXT
        rooms = (width * SENDING_EDGE, width * (1.0 - RECEIVING_EDGE))
        names = [
            (sending[-1], SENDING_EDGE / 2, rooms[0]),
            (receiving[-1], (1.0 + RECEIVING_EDGE) / 2, rooms[1]),
        ]
        spare = min(
            (room - text_size(text, px, room, bold=True).width()) / 2 for text, _c, room in names
        )
        gap_room = width * (RECEIVING_EDGE - SENDING_EDGE) + 2 * (spare - px * GUTTER)
        gap_name = fit_variant(words.gap, px, max(1.0, gap_room), math.inf, bold=True)
        if gap_name is not None:
            names.insert(1, (gap_name, (SENDING_EDGE + RECEIVING_EDGE) / 2, gap_room))
        return names, px

    def _names_at(
        self, width: float, px: float, sides: tuple[str, str], gap: str, tallest: float
    ) -> list[tuple[str, float, float]] | None:
        """The names with these wordings, or None if one does not fit in `tallest` height. The
        gap's name is centred on the gap and may be wider than it: the cells' names, centred
        under their cells, then wrap narrower to leave it room, with a gutter between names."""
        gap_column = width * (RECEIVING_EDGE - SENDING_EDGE)
        gap_width = text_size(gap, px, 10_000, bold=True).width()
        give = max(0.0, (gap_width - gap_column) / 2 + px * GUTTER)
        rooms = (width * SENDING_EDGE - 2 * give, width * (1.0 - RECEIVING_EDGE) - 2 * give)
        for text, room in zip(sides, rooms, strict=True):
            size = text_size(text, px, room, bold=True)
            if room < 1 or size.width() > room + 0.5 or size.height() > tallest + 0.5:
                return None
        return [
            (sides[0], SENDING_EDGE / 2, rooms[0]),
            (gap, (SENDING_EDGE + RECEIVING_EDGE) / 2, max(gap_column, gap_width + 1)),
            (sides[1], (1.0 + RECEIVING_EDGE) / 2, rooms[1]),
        ]

    def _path(self, index: int) -> _Path:
        """The fixed points of one messenger's trip, worked out once per size."""
        h = self.box.height()
        gap = self.receiving_edge - self.sending_edge
        receptor = (index * 3) % RECEPTORS
        transporter = self.transporters[index % 2]
        return _Path(
            offset=index / MESSENGERS + 0.037 * (index % 3),
            release=(self.sending_edge, self.mid_y + h * 0.05 * ((index * 7) % 5 - 2)),
            drift=(
                self.sending_edge + gap * (0.35 + 0.12 * math.sin(index * 1.7)),
                self.mid_y + h * 0.3 * math.sin(index * 2.3),
            ),
            receptor=receptor,
            docked=(self.receptors[receptor].x() - self.size * 0.6, self.receptors[receptor].y()),
            entry=(transporter.x() + self.size * 0.9, transporter.y()),
            inside=(transporter.x() - self.size * 2.2, transporter.y()),
        )

    # --- still layer ------------------------------------------------------------------------

    def paint_still(self, painter: QPainter, state: str) -> None:
        blocked = state == WITH_SNRI
        self._paint_cells(painter)
        self._paint_vesicles(painter)
        for index in range(RECEPTORS):
            self._paint_receptor(painter, index, active=False)
        for point in self.transporters:
            self._paint_transporter(painter, point, blocked=blocked)
        self._paint_signal(painter, strong=blocked)
        if self.labels:
            self._paint_labels(painter, blocked=blocked)

    def _paint_cells(self, painter: QPainter) -> None:
        b = self.box
        h = b.height()
        top, bottom = b.top() + h * 0.04, b.bottom() - h * 0.04
        neck = b.left() + b.width() * 0.07
        shoulder = b.left() + b.width() * 0.17
        axon_half = h * 0.16
        radius = h * 0.22
        edge = self.sending_edge
        sending = QPainterPath()
        sending.moveTo(b.left(), self.mid_y - axon_half)
        sending.cubicTo(
            QPointF(neck, self.mid_y - axon_half), QPointF(neck, top), QPointF(shoulder, top)
        )
        sending.lineTo(edge - radius, top)
        sending.quadTo(QPointF(edge, top), QPointF(edge, top + radius))
        sending.lineTo(edge, bottom - radius)
        sending.quadTo(QPointF(edge, bottom), QPointF(edge - radius, bottom))
        sending.lineTo(shoulder, bottom)
        sending.cubicTo(
            QPointF(neck, bottom),
            QPointF(neck, self.mid_y + axon_half),
            QPointF(b.left(), self.mid_y + axon_half),
        )
        edge = self.receiving_edge
        receiving = QPainterPath()
        receiving.moveTo(b.right(), b.top())
        receiving.lineTo(edge + radius, b.top())
        receiving.quadTo(QPointF(edge, b.top()), QPointF(edge, b.top() + radius))
        receiving.lineTo(edge, b.bottom() - radius)
        receiving.quadTo(QPointF(edge, b.bottom()), QPointF(edge + radius, b.bottom()))
        receiving.lineTo(b.right(), b.bottom())
        for path, fill in (
            (sending, self.colors.sending_cell),
            (receiving, self.colors.receiving_cell),
        ):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color(fill))
            painter.drawPath(path)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(pen(self.colors.outline, self.line * 1.2))
            painter.drawPath(path)

    def _paint_vesicles(self, painter: QPainter) -> None:
        """A little sac that holds messengers before they are let out."""
        b = self.box
        h = b.height()
        radius = h * 0.1
        center = QPointF(self.sending_edge - b.width() * 0.13, self.mid_y - h * 0.2)
        small = radius * 0.62
        painter.setPen(pen(self.colors.outline, self.line * 0.7))
        painter.setBrush(color(self.colors.surface))
        painter.drawEllipse(center, radius, radius)
        left = QPointF(center.x() - radius * 0.38, center.y() - radius * 0.2)
        right = QPointF(center.x() + radius * 0.38, center.y() + radius * 0.25)
        colors = self.colors
        draw_marker(painter, MarkerShape.CIRCLE, left, small, colors.serotonin, edge=colors.surface)
        draw_marker(
            painter, MarkerShape.TRIANGLE, right, small, colors.norepinephrine, edge=colors.surface
        )

    def _cup(self, index: int) -> QPainterPath:
        point = self.receptors[index]
        s = self.size
        cup = QPainterPath()
        cup.moveTo(point.x() - s * 0.55, point.y() - s * 0.55)
        cup.lineTo(point.x() + s * 0.05, point.y() - s * 0.55)
        cup.lineTo(point.x() + s * 0.05, point.y() + s * 0.55)
        cup.lineTo(point.x() - s * 0.55, point.y() + s * 0.55)
        return cup

    def _paint_receptor(self, painter: QPainter, index: int, *, active: bool) -> None:
        """A cup on the receiving cell that a messenger fits into; dark and thick while in use
        (drawn each frame then, from shapes made once)."""
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(self._active_pen if active else self._resting_pen)
        painter.drawPath(self._cups[index])

    def _paint_transporter(self, painter: QPainter, point: QPointF, *, blocked: bool) -> None:
        """A doorway through the sending cell's wall; plugged by a capsule when blocked."""
        s = self.size
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color(self.colors.sending_cell))
        painter.drawRect(QRectF(point.x() - s * 0.8, point.y() - s * 0.5, s * 1.6, s * 1.0))
        painter.setBrush(color(self.colors.accent))
        for side in (-1, 1):
            top = point.y() + side * s * 0.55 - s * 0.2
            painter.drawRoundedRect(QRectF(point.x() - s * 0.85, top, s * 1.7, s * 0.4), 3, 3)
        if blocked:
            draw_marker(
                painter,
                MarkerShape.CAPSULE,
                point,
                s * 1.5,
                self.colors.medicine,
                edge=self.colors.surface,
            )
            return
        # An arrow into the sending cell: the transporter pulls messengers back in.
        tail = QPointF(point.x() + s * 0.9, point.y())
        head = QPointF(point.x() - s * 1.1, point.y())
        painter.setPen(pen(self.colors.accent, self.line))
        painter.drawLine(tail, head)
        draw_arrow_head(
            painter, QPointF(head.x() - s * 0.25, head.y()), math.pi, s * 0.5, self.colors.accent
        )

    def _signal_geometry(self, *, strong: bool) -> tuple[float, float]:
        """The signal arrow's length and thickness: bigger when more messengers reach receptors."""
        length = (self.box.right() - self.signal_start) * (0.8 if strong else 0.45)
        return length, self.size * (0.7 if strong else 0.3)

    def _paint_signal(self, painter: QPainter, *, strong: bool) -> None:
        length, thickness = self._signal_geometry(strong=strong)
        start = QPointF(self.signal_start, self.mid_y)
        end = QPointF(self.signal_start + length, self.mid_y)
        head = thickness * 1.4 + self.size * 0.5
        painter.setPen(pen(self.colors.accent, thickness))
        painter.drawLine(start, QPointF(end.x() - head * 0.5, end.y()))
        draw_arrow_head(painter, end, 0.0, head, self.colors.accent)

    def _paint_labels(self, painter: QPainter, *, blocked: bool) -> None:
        px = self.px
        b = self.box
        h = b.height()
        words = self.words.synapse
        centered = Qt.AlignmentFlag.AlignHCenter | TOP
        for name, centre, room in self.names:
            x = b.left() + b.width() * centre
            rect = QRectF(x - room / 2, self.band.top(), room, self.band.height())
            draw_text(
                painter, rect, name, self.name_px, ink=self.colors.text, bold=True, align=centered
            )
        # Beside the lower transporter, inside the sending cell.
        region = QRectF(
            QPointF(b.left() + b.width() * 0.15, self.mid_y - h * 0.02),
            QPointF(self.sending_edge - self.size * 1.3, b.bottom() - h * 0.07),
        )
        ink = self.colors.medicine if blocked else self.colors.text
        right_bottom = Qt.AlignmentFlag.AlignRight | BOTTOM
        transporter = words.blocked if blocked else words.transporter
        draw_fitting(
            painter,
            region,
            transporter,
            px,
            ink=ink,
            bold=True,
            align=right_bottom,
            smallest=SMALLEST_TEXT,
        )
        # Above and below the signal arrow, inside the receiving cell.
        left = self.receiving_edge + self.size * 1.2
        right = b.right() - px * 0.4
        above = QRectF(
            QPointF(left, b.top() + h * 0.08), QPointF(right, self.mid_y - self.size * 0.9)
        )
        if above.intersects(self.keep_clear):
            above.setRight(min(right, self.keep_clear.left() - px * 0.4))
        signal = words.acts_longer if blocked else words.acts_briefly
        left_bottom = Qt.AlignmentFlag.AlignLeft | BOTTOM
        draw_fitting(
            painter,
            above,
            signal,
            px,
            ink=self.colors.text,
            align=left_bottom,
            smallest=SMALLEST_TEXT,
        )
        below = QRectF(
            QPointF(left, self.mid_y + self.size * 0.9), QPointF(right, b.bottom() - h * 0.08)
        )
        left_top = Qt.AlignmentFlag.AlignLeft | TOP
        draw_fitting(
            painter,
            below,
            words.receptors,
            px,
            ink=self.colors.text,
            align=left_top,
            smallest=SMALLEST_TEXT,
        )

    # --- motion layer -----------------------------------------------------------------------

    def motion_rects(self) -> list[QRectF]:
        """The gap with its receptors, and the signal arrow."""
        b = self.box
        s = self.size
        gap = QRectF(
            QPointF(self.sending_edge - s * 3, b.top()),
            QPointF(self.receiving_edge + s, b.bottom()),
        )
        length, thickness = self._signal_geometry(strong=True)
        signal = QRectF(self.signal_start, self.mid_y - thickness, length, thickness * 2)
        return [gap, signal]

    def paint_motion(self, painter: QPainter, state: str, phase: float) -> None:
        blocked = state == WITH_SNRI
        bound = [False] * RECEPTORS
        for index in range(MESSENGERS):
            where = self._messenger(index, phase, blocked=blocked)
            if where is None:
                continue
            point, alpha, at_receptor = where
            if at_receptor is not None:
                bound[at_receptor] = True
            if index % 2 == 0:
                draw_marker(
                    painter,
                    MarkerShape.CIRCLE,
                    point,
                    self.size,
                    self.colors.serotonin,
                    alpha,
                    edge=self.colors.surface,
                    ratio=self.ratio,
                )
            else:
                draw_marker(
                    painter,
                    MarkerShape.TRIANGLE,
                    point,
                    self.size,
                    self.colors.norepinephrine,
                    alpha,
                    edge=self.colors.surface,
                    ratio=self.ratio,
                )
        for index, active in enumerate(bound):
            if active:
                self._paint_receptor(painter, index, active=True)
        self._paint_signal_pulses(painter, phase, strong=blocked)

    def _messenger(
        self, index: int, phase: float, *, blocked: bool
    ) -> tuple[Point, float, int | None] | None:
        """Where messenger `index` is: its point, its opacity and the receptor it sits in."""
        path = self.paths[index]
        u = cycle(phase, PERIOD, path.offset)
        if u < 0.12:  # leaves the sending cell
            return lerp(path.release, path.drift, smooth(u / 0.12)), smooth(u / 0.05), None
        if not blocked:
            if u < 0.24:
                return lerp(path.drift, path.docked, smooth((u - 0.12) / 0.12)), 1.0, None
            if u < 0.32:
                return path.docked, 1.0, path.receptor
            if u < 0.46:  # the transporter pulls it back
                return lerp(path.docked, path.entry, smooth((u - 0.32) / 0.14)), 1.0, None
            if u < 0.56:
                fading = 1.0 - smooth((u - 0.48) / 0.08)
                return lerp(path.entry, path.inside, smooth((u - 0.46) / 0.1)), fading, None
            return None
        # Transporters blocked: the messenger stays in the gap and meets receptors again and again.
        h = self.box.height()
        gap = self.receiving_edge - self.sending_edge
        wander = (
            self.sending_edge
            + gap * (0.52 + 0.2 * math.sin(2 * math.pi * (phase / 5.3) + index * 1.3)),
            self.mid_y + h * 0.34 * math.sin(2 * math.pi * (phase / 7.1) + index * 2.1),
        )
        for visit in (0.3, 0.62):
            if visit - 0.08 <= u < visit + 0.08:
                pull = smooth(1 - abs(u - visit) / 0.08 * 1.4)
                point = lerp(wander if u > 0.2 else path.drift, path.docked, pull)
                return point, 1.0, path.receptor if pull > 0.95 else None
        point = lerp(path.drift, wander, smooth((u - 0.12) / 0.1))
        return point, 1.0 - smooth((u - 0.86) / 0.12), None  # drifts away slowly at the end

    def _paint_signal_pulses(self, painter: QPainter, phase: float, *, strong: bool) -> None:
        length, thickness = self._signal_geometry(strong=strong)
        count = 3 if strong else 1
        for index in range(count):
            t = cycle(phase, 3.0, index / count)
            x = self.signal_start + length * 0.8 * t
            dot = thickness * 0.7
            alpha = math.sin(math.pi * t)
            draw_marker(
                painter,
                MarkerShape.CIRCLE,
                (x, self.mid_y),
                dot,
                self.colors.surface,
                alpha,
                edge=self.colors.surface,
                ratio=self.ratio,
            )
