"""The pain and mood cycle, and where each helper eases it.

Pain → poor sleep and stress → low mood → less activity → more pain, drawn as four boxes in a
square with arrows round it. A helper eases one or more steps: the arrow leaving an eased step
gets thinner, the cycle weaker there. The cycle is never shown broken and pain never disappears.
Medicine is shown easing pain itself first (its relief is mostly direct, DESIGN.md) and mood
second, so the picture never suggests the pain "was really depression".
"""

from __future__ import annotations

import math
from typing import ClassVar

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath

from kiosk.illustration_specs import PAIN_MOOD_CYCLE, MarkerShape
from kiosk.theme import Colors
from kiosk.ui.illustrations.drawing import (
    Track,
    color,
    cycle,
    draw_arrow_head,
    draw_text,
    pen,
    text_size,
)
from kiosk.ui.illustrations.markers import draw_marker
from kiosk.ui.illustrations.picture import PaintedLabel, Picture

CYCLE, MEDICINE, PHYSICAL_THERAPY, MINDFULNESS, CARE_TEAM = PAIN_MOOD_CYCLE.states

# The four steps, clockwise from the top left (their names: PainMoodCycleWords.steps()).
PAIN, SLEEP, MOOD, ACTIVITY = range(4)
STEP_COUNT = 4
# Which steps each helper eases; the first is where it helps most.
EASES: dict[str, tuple[int, ...]] = {
    CYCLE: (),
    MEDICINE: (PAIN, MOOD),
    PHYSICAL_THERAPY: (ACTIVITY, PAIN),
    MINDFULNESS: (SLEEP, ACTIVITY),
    CARE_TEAM: (PAIN, SLEEP, MOOD, ACTIVITY),
}
STEP_SECONDS = 3.0  # a dot takes this long from one step to the next: 12 s round the cycle
PAD = 0.45  # room round a step's name inside its box, in text heights
SMALLEST_PAD = 0.2  # and the least, where the picture is short


class PainMoodCyclePicture(Picture):
    spec = PAIN_MOOD_CYCLE
    still_phase: ClassVar[float] = 1.0

    def lay_out(self) -> None:
        rect, labels = self.rect, self.labels
        self.steps = self.words.pain_mood_cycle.steps()
        right = rect.right()
        if not self.keep_clear.isEmpty():
            right = min(right, self.keep_clear.left() - self.px * 0.4)
        area = QRectF(QPointF(rect.left(), rect.top()), QPointF(right, rect.bottom()))
        self.text_px = self.px  # never shrunk: where the words do not fit, `fits` says so
        self.pad = self.text_px * PAD
        width, height = self._box_size(area)
        # Too short for two rows of boxes: less room round the words (they may then also wrap
        # into fewer lines) rather than boxes beyond the picture's edge.
        share = PAD
        while labels and area.height() - 2 * height < self.px * 0.8 and share > SMALLEST_PAD:
            share = max(SMALLEST_PAD, share - 0.05)
            self.pad = self.text_px * share
            width, height = self._box_size(area)
        column_gap = min(area.width() - 2 * width, max(self.px * 5, width * 0.7))
        row_gap = max(self.px * 0.8, min(area.height() - 2 * height, column_gap * 1.2))
        left = area.center().x() - (2 * width + column_gap) / 2
        top = area.center().y() - (2 * height + row_gap) / 2
        x = (left, left + width + column_gap)
        y = (top, top + height + row_gap)
        # Clockwise: pain top left, sleep top right, mood bottom right, activity bottom left.
        self.boxes = [
            QRectF(x[0], y[0], width, height),
            QRectF(x[1], y[0], width, height),
            QRectF(x[1], y[1], width, height),
            QRectF(x[0], y[1], width, height),
        ]
        self.center = QPointF(left + width + column_gap / 2, top + height + row_gap / 2)
        self.hub = max(self.px, min(self.px * 2.6, column_gap * 0.7, row_gap * 0.9))
        self.arrows = [self._arrow(i, (i + 1) % STEP_COUNT) for i in range(STEP_COUNT)]
        self.dot = max(self.px * 0.5, self.line * 3)
        if labels:
            inner = width - 2 * self.pad
            self.fits = area.height() - 2 * height >= self.px * 0.8 - 0.5 and all(
                text_size(step, self.text_px, inner, bold=True).width() <= inner + 0.5
                for step in self.steps
            )

    def painted_labels(self, state: str) -> list[PaintedLabel]:
        """The steps' names, each centred in its box (the same in every state)."""
        if not self.labels:
            return []
        labels = []
        for index, (step, box) in enumerate(zip(self.steps, self.boxes, strict=True)):
            inner = box.adjusted(self.pad, self.pad, -self.pad, -self.pad)
            size = text_size(step, self.text_px, inner.width(), bold=True)
            rect = QRectF(0, 0, size.width(), size.height())
            rect.moveCenter(inner.center())
            labels.append(PaintedLabel(step, rect, f"step {index}", self.text_px, room=inner))
        return labels

    def _box_size(self, area: QRectF) -> tuple[float, float]:
        width = min((area.width() - self.px * 3.5) / 2, self.text_px * 10)
        if not self.labels:
            return width, area.height() * 0.3
        pad = self.pad
        # Wide enough for the longest word where the screen is narrow: the gap between the
        # columns gives way first, down to room for the arrows.
        widest = max(
            text_size(word, self.text_px, 10_000, bold=True).width()
            for step in self.steps
            for word in step.split()
        )
        width = max(width, min(widest + 2 * pad + 1, (area.width() - self.px * 1.5) / 2))
        tallest = max(
            text_size(s, self.text_px, width - 2 * pad, bold=True).height() for s in self.steps
        )
        return width, tallest + 2 * pad

    def _arrow(self, start: int, end: int) -> Track:
        """A straight arrow from one step's box to the next, across the gap between them."""
        a, b = self.boxes[start], self.boxes[end]
        gap = self.px * 0.3
        if abs(a.center().y() - b.center().y()) < 1:  # same row
            y = a.center().y()
            if a.center().x() < b.center().x():
                return Track([QPointF(a.right() + gap, y), QPointF(b.left() - gap, y)])
            return Track([QPointF(a.left() - gap, y), QPointF(b.right() + gap, y)])
        x = a.center().x()
        if a.center().y() < b.center().y():
            return Track([QPointF(x, a.bottom() + gap), QPointF(x, b.top() - gap)])
        return Track([QPointF(x, a.top() - gap), QPointF(x, b.bottom() + gap)])

    # --- still layer ------------------------------------------------------------------------

    def paint_still(self, painter: QPainter, state: str) -> None:
        eased = EASES[state]
        for index, arrow in enumerate(self.arrows):
            weak = index in eased
            line = pen(self.colors.outline, self.line * (1.0 if weak else 2.2))
            if weak:
                line.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(line)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            end, before = QPointF(*arrow.points[-1]), QPointF(*arrow.points[0])
            angle = math.atan2(end.y() - before.y(), end.x() - before.x())
            head = self.px * (0.6 if weak else 0.85)
            tail_end = QPointF(
                end.x() - head * 0.6 * math.cos(angle), end.y() - head * 0.6 * math.sin(angle)
            )
            painter.drawLine(before, tail_end)
            draw_arrow_head(painter, end, angle, head, self.colors.outline)
        if state == CYCLE:
            self._paint_cycle_mark(painter)
        else:
            self._paint_helper(painter, state, eased)
        for index, box in enumerate(self.boxes):
            self._paint_step(painter, index, box, eased=index in eased)

    def _paint_step(self, painter: QPainter, index: int, box: QRectF, *, eased: bool) -> None:
        radius = min(box.height() / 2, self.px * 0.6)
        ink = self.colors.calming_signal if eased else self.colors.outline
        painter.setPen(pen(ink, self.line * (2.0 if eased else 1.2)))
        painter.setBrush(color(self.colors.eased if eased else self.colors.surface))
        painter.drawRoundedRect(box, radius, radius)
        if not self.labels:  # a thumbnail: two bars where the words would be
            painter.setPen(pen(self.colors.outline, self.line * 2))
            for share, length in ((0.4, 0.6), (0.62, 0.4)):
                y = box.top() + box.height() * share
                x = box.center().x() - box.width() * length / 2
                painter.drawLine(QPointF(x, y), QPointF(x + box.width() * length, y))
            return
        pad = self.pad
        inner = box.adjusted(pad, pad, -pad, -pad)
        center = Qt.AlignmentFlag.AlignCenter
        draw_text(
            painter,
            inner,
            self.steps[index],
            self.text_px,
            ink=self.colors.text,
            bold=True,
            align=center,
        )

    def _paint_cycle_mark(self, painter: QPainter) -> None:
        """A round arrow in the middle: each step leads to the next."""
        r = self.hub * 0.42
        c = self.center
        painter.setPen(pen(self.colors.outline, self.line * 1.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawArc(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r), 120 * 16, 280 * 16)
        tip = QPointF(
            c.x() + r * math.cos(math.radians(-120)), c.y() + r * math.sin(math.radians(-120))
        )
        draw_arrow_head(painter, tip, math.radians(-30), r * 0.6, self.colors.outline)

    def _paint_helper(self, painter: QPainter, state: str, eased: tuple[int, ...]) -> None:
        """The helper in the middle, with a line to each step it eases."""
        hub = self.center
        for rank, index in enumerate(eased):
            target = _nearest_corner(self.boxes[index], hub)
            painter.setPen(pen(self.colors.calming_signal, self.line * (2.2 if rank == 0 else 1.4)))
            painter.drawLine(hub, target)
        painter.setPen(pen(self.colors.calming_signal, self.line * 1.4))
        painter.setBrush(color(self.colors.surface))
        painter.drawEllipse(hub, self.hub * 0.55, self.hub * 0.55)
        _draw_helper_icon(painter, state, hub, self.hub * 0.8, self.line, self.colors)

    # --- motion layer -----------------------------------------------------------------------

    def motion_rects(self) -> list[QRectF]:
        """The arrows the dots walk along."""
        d = self.dot
        rects = []
        for arrow in self.arrows:
            a, b = QPointF(*arrow.points[0]), QPointF(*arrow.points[-1])
            rects.append(QRectF(a, b).normalized().adjusted(-d, -d, d, d))
        return rects

    def paint_motion(self, painter: QPainter, state: str, phase: float) -> None:
        """Dots walk round the cycle, slower and smaller past an eased step."""
        eased = EASES[state]
        for index, arrow in enumerate(self.arrows):
            weak = index in eased
            t = cycle(phase, STEP_SECONDS * (1.5 if weak else 1.0), index * 0.25)
            alpha = math.sin(math.pi * t) ** 0.5
            size = self.dot * (0.7 if weak else 1.0)
            draw_marker(
                painter,
                MarkerShape.CIRCLE,
                arrow.at(t),
                size,
                self.colors.text_muted,
                alpha,
                edge=self.colors.surface,
                ratio=self.ratio,
            )


def _nearest_corner(box: QRectF, point: QPointF) -> QPointF:
    x = box.left() if abs(box.left() - point.x()) < abs(box.right() - point.x()) else box.right()
    y = box.top() if abs(box.top() - point.y()) < abs(box.bottom() - point.y()) else box.bottom()
    return QPointF(x, y)


def _draw_helper_icon(
    painter: QPainter, state: str, center: QPointF, size: float, line: float, colors: Colors
) -> None:
    """A small drawing for each helper, so it can be recognised without reading."""
    s = size / 2
    x, y = center.x(), center.y()
    ink = colors.calming_signal
    if state == MEDICINE:
        draw_marker(
            painter, MarkerShape.CAPSULE, center, size * 0.95, colors.medicine, edge=colors.surface
        )
    elif state == PHYSICAL_THERAPY:  # a dumbbell
        painter.setPen(pen(ink, line * 1.6))
        painter.drawLine(QPointF(x - s * 0.6, y), QPointF(x + s * 0.6, y))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color(ink))
        for side in (-1, 1):
            plate = QRectF(x + side * s * 0.6 - s * 0.14, y - s * 0.42, s * 0.28, s * 0.84)
            painter.drawRoundedRect(plate, 2, 2)
    elif state == MINDFULNESS:  # a lotus: three petals
        painter.setPen(pen(ink, line))
        painter.setBrush(color(colors.eased))
        for angle in (-40, 0, 40):
            painter.save()
            painter.translate(x, y + s * 0.35)
            painter.rotate(angle)
            petal = QPainterPath()
            petal.addEllipse(QPointF(0, -s * 0.38), s * 0.2, s * 0.4)
            painter.drawPath(petal)
            painter.restore()
    elif state == CARE_TEAM:  # two people
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color(ink))
        for side in (-1, 1):
            person = x + side * s * 0.3
            painter.drawEllipse(QPointF(person, y - s * 0.25), s * 0.18, s * 0.18)
            shoulders = QPainterPath()
            shoulders.moveTo(person - s * 0.3, y + s * 0.4)
            shoulders.quadTo(QPointF(person, y - s * 0.15), QPointF(person + s * 0.3, y + s * 0.4))
            shoulders.closeSubpath()
            painter.drawPath(shoulders)
