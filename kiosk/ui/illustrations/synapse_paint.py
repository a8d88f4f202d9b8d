"""Paints the synapse picture that SynapsePicture (synapse.py) has laid out: the cells,
transporters, receptors and words on the still layer; the messengers and the signal on the
motion layer."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen

from kiosk.illustration_specs import MarkerShape
from kiosk.theme import Colors
from kiosk.ui.illustrations.drawing import (
    Point,
    color,
    cycle,
    draw_arrow_head,
    draw_text,
    lerp,
    pen,
    smooth,
)
from kiosk.ui.illustrations.markers import draw_marker
from kiosk.ui.illustrations.synapse_model import (
    MESSENGERS,
    PERIOD,
    RECEPTORS,
    TRANSPORTER,
    WITH_SNRI,
    MessengerPath,
    PlacedWords,
)


class SynapsePainting:
    """The painting half of SynapsePicture: it draws what SynapsePicture.lay_out placed (the
    geometry below, set there; the rest is Picture's)."""

    colors: Colors
    px: float
    line: float
    ratio: float
    labels: bool
    box: QRectF
    sending_edge: float
    receiving_edge: float
    mid_y: float
    size: float
    signal_start: float
    transporters: list[QPointF]
    receptors: list[QPointF]
    paths: list[MessengerPath]
    placed: dict[str, list[PlacedWords]]
    _cups: list[QPainterPath]
    _active_pen: QPen
    _resting_pen: QPen

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
            self._paint_labels(painter, state)

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

    def _paint_labels(self, painter: QPainter, state: str) -> None:
        ink = self.colors.medicine if state == WITH_SNRI else self.colors.text
        for label in self.placed[state]:
            if not label.text:
                continue
            if label.anchor is not None:
                self._paint_leader(painter, label)
            draw_text(
                painter,
                label.room,
                label.text,
                self.px,
                ink=ink if label.slot == TRANSPORTER else self.colors.text,
                bold=label.bold,
                align=label.align,
            )

    def _paint_leader(self, painter: QPainter, label: PlacedWords) -> None:
        """A thin line from a note outside the drawing to what it names, ending in a dot."""
        assert label.anchor is not None
        words = label.text_rect(self.px)
        anchor = label.anchor
        beside_y = max(words.top(), min(words.bottom(), anchor.y()))
        if anchor.x() > words.right():  # words to the left of the drawing
            x, y = words.right() + self.px * 0.2, beside_y
        elif anchor.x() < words.left():  # to its right
            x, y = words.left() - self.px * 0.2, beside_y
        else:  # above or below it
            x = max(words.left() + self.px * 0.3, min(words.right() - self.px * 0.3, anchor.x()))
            y = words.bottom() if anchor.y() > words.bottom() else words.top()
        painter.setPen(pen(self.colors.outline, max(1.5, self.px * 0.08)))
        painter.drawLine(QPointF(x, y), anchor)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color(self.colors.outline))
        painter.drawEllipse(anchor, self.px * 0.16, self.px * 0.16)

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
