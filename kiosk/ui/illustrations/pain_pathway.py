"""Pain signals rising from the lower back or knee, and calming signals coming down to meet them.

Science (DESIGN.md): an SNRI works in the brain and spinal cord, never in the back or knee. It
strengthens the body's own calming signals that run from the brainstem down to the spinal cord,
where pain signals come in (the dorsal horn): the brainstem sends its calming waves at the same
pace in both states, and with the medicine they act longer and more strongly where they arrive
(a bigger, longer glow there). The benefit is modest and drawn at its true size: now and then a
pain pulse is calmed at the spinal cord and the others pass a little fainter, and the "pain felt"
bar drops by about a tenth (trials: 5 to 10 points of 100 against placebo), never to empty.
Calming signals have their own shape; nothing is drawn as a pain on/off switch.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath

from kiosk.illustration_specs import PAIN_PATHWAY, MarkerShape
from kiosk.theme import TRACK_ALPHA
from kiosk.ui.illustrations.drawing import (
    Track,
    color,
    cycle,
    draw_text,
    pen,
    smooth,
    stack_labels,
    text_size,
)
from kiosk.ui.illustrations.markers import draw_marker, marker_path
from kiosk.ui.illustrations.picture import PaintedLabel, Picture

WITHOUT, WITH_SNRI = PAIN_PATHWAY.states
PAIN_PERIOD = 6.0  # seconds for a pain pulse to travel from the knee to the brain
CALM_PERIOD = 5.0  # seconds for a calming signal to travel from the brainstem to the gate
CALM_WAVES = 2  # on their way down at once, in every state: the medicine adds no waves
CALM_ARRIVES = 0.95  # how far along its track a calming wave is when it reaches the gate
# Where a calming wave arrives, its effect (a glow round the gate) lasts this many seconds and
# spreads this far (in hundredths of the picture's height): longer and more with the medicine.
CALM_EFFECT = {WITHOUT: (0.9, 4.5), WITH_SNRI: (2.0, 7.0)}
# How strong a pain pulse still is once past the spinal cord, and how full the "pain felt" bar is:
# about a tenth less with the medicine (BMJ 2021: 5 to 10 points of 100 against placebo).
PAST_GATE = {WITHOUT: 0.9, WITH_SNRI: 0.8}
PAIN_FELT = {WITHOUT: 0.8, WITH_SNRI: 0.7}
FIGURE_ASPECT = 0.46  # the body's width / height
CALLOUT_PARTS = ("pain felt", "brainstem", "spinal cord", "where pain starts")  # _callouts' order


@dataclass(frozen=True)
class _Callout:
    variants: tuple[str, ...]  # longest first
    anchors: tuple[QPointF, ...]
    meter: bool = False


@dataclass(frozen=True)
class _Placed:
    text: str
    rect: QRectF
    anchors: tuple[QPointF, ...]
    meter: bool


class PainPathwayPicture(Picture):
    spec = PAIN_PATHWAY
    still_phase: ClassVar[float] = 1.9

    def lay_out(self) -> None:
        rect, labels = self.rect, self.labels
        px = self.px
        figure = rect.height() * FIGURE_ASPECT
        bracket = px * 3.2 if labels else figure * 0.2
        column = 0.0
        if labels:
            # The body gives way to the callouts' column where the screen is narrow (a word is
            # never cut or shrunk); the column then runs on below the body.
            least_column = self._widest_word(px) + px * 0.5
            # The room left of the body for the medicine's bracket gives way first, to the
            # width of its capsule, then the body itself.
            spare = rect.width() - px - least_column - figure
            bracket = max(px * 1.6, min(bracket, spare))
            figure = max(px * 2, min(figure, rect.width() - bracket - px - least_column))
            column = min(px * 16, rect.width() - bracket - figure - px)
        group = bracket + figure + (px + column if labels else 0.0)
        left = rect.left() + max(0.0, (rect.width() - group) / 2)
        height = figure / FIGURE_ASPECT
        self.u = u = height / 100
        self.cx = cx = left + bracket + figure / 2
        self.top = top = rect.top()
        self.bracket_x = left + bracket * 0.6
        self.column = QRectF(left + bracket + figure + px, top, max(1.0, column), rect.height())
        self.size = max(px * 0.7, u * 4.5)
        self.brain = QPointF(cx, top + 10.5 * u)
        self.brainstem = QPointF(cx, top + 19.5 * u)
        self.gate = QPointF(cx, top + 56 * u)  # where pain signals come into the spinal cord
        self.knee = QPointF(cx + 7.5 * u, top + 86 * u)
        self.back = QPointF(cx + 12 * u, top + 61 * u)
        rise = [QPointF(cx + 1.8 * u, top + 56 * u), QPointF(cx + 1.8 * u, top + 19 * u)]
        rise.append(QPointF(cx + 2.5 * u, top + 12 * u))
        thigh = [QPointF(cx + 8 * u, top + 74 * u), QPointF(cx + 5 * u, top + 63 * u)]
        self.knee_track = Track([self.knee, *thigh, *rise])
        self.back_track = Track([self.back, QPointF(cx + 6 * u, top + 58.5 * u), *rise])
        self.calm_track = Track(
            [
                QPointF(cx - 1.8 * u, top + 20 * u),
                QPointF(cx - 1.8 * u, top + 55 * u),
                QPointF(cx - 0.3 * u, top + 56.5 * u),
            ]
        )
        self.knee_gate = _fraction_at(self.knee_track, self.gate.y())
        self.back_gate = _fraction_at(self.back_track, self.gate.y())
        self.callouts: list[_Placed] = []
        if labels:
            self._place_callouts()

    # --- labels -----------------------------------------------------------------------------

    def painted_labels(self, state: str) -> list[PaintedLabel]:
        """The callouts beside the body, and with the medicine its name under the bracket."""
        labels = [
            PaintedLabel(
                placed.text,
                QRectF(placed.rect.topLeft(), text_size(placed.text, self.px, placed.rect.width())),
                part,
                self.px,
            )
            for part, placed in zip(CALLOUT_PARTS, self.callouts, strict=True)
        ]
        if self.labels and state == WITH_SNRI:
            name, room = self._medicine_label()
            size = text_size(name, self.px, room.width(), bold=True)
            label = QRectF(room.topLeft(), size)
            labels.append(PaintedLabel(name, label, "medicine", self.px, room=room))
        return labels

    def _widest_word(self, px: float) -> float:
        """The widest single word of the callouts' shortest wordings and the medicine's name."""
        words = self.words.pain_pathway
        texts = [c[-1] for c in (words.pain_felt, words.brainstem, words.spinal_cord)]
        texts += [words.pain_starts[-1], words.medicine]
        return max(
            text_size(word, px, 10_000, bold=True).width()
            for text in texts
            for word in text.split()
        )

    def _medicine_label(self) -> tuple[str, QRectF]:
        """The medicine's name just under the bracket's lower end, clear of the callouts."""
        px = self.px
        name = self.words.pain_pathway.medicine
        width = text_size(name, px, 10_000, bold=True).width() + 2
        left = max(self.rect.left(), self.bracket_x - width / 2)
        width = min(width, self.column.left() - px * 0.5 - left)
        height = text_size(name, px, width, bold=True).height()
        return name, QRectF(left, self.gate.y() + px * 0.35, width, height)

    def _callouts(self) -> list[_Callout]:
        u, cx = self.u, self.cx
        words = self.words.pain_pathway
        return [
            _Callout(words.pain_felt, (QPointF(cx + 8.3 * u, self.brain.y()),), meter=True),
            _Callout(words.brainstem, (self.brainstem,)),
            _Callout(words.spinal_cord, (QPointF(cx + 3.5 * u, self.gate.y()),)),
            _Callout(words.pain_starts, (self.back, self.knee)),
        ]

    def _place_callouts(self) -> None:
        """Longest wordings that fit the column without overlapping; shorter ones where they do
        not. Never smaller: where even the shortest do not fit, they are stacked from the top
        (some beyond the bottom) and the picture does not fit (`fits`)."""
        callouts = self._callouts()
        levels = max(len(c.variants) for c in callouts)
        for level in range(levels):
            texts = [c.variants[min(level, len(c.variants) - 1)] for c in callouts]
            placed = self._try_place(callouts, texts, self.px)
            if placed is not None:
                self.callouts = placed
                break
        else:
            self.fits = False
            self.callouts = self._stacked(callouts, [c.variants[-1] for c in callouts])
        name, room = self._medicine_label()
        word_fits = text_size(name, self.px, room.width(), bold=True).width() <= room.width() + 0.5
        self.fits &= word_fits and room.bottom() <= self.rect.bottom() + 0.5

    def _stacked(self, callouts: list[_Callout], texts: list[str]) -> list[_Placed]:
        column, px = self.column, self.px
        placed = []
        y = column.top()
        for callout, text in zip(callouts, texts, strict=True):
            height = text_size(text, px, column.width()).height() + (
                px * 1.2 if callout.meter else 0
            )
            placed.append(
                _Placed(
                    text,
                    QRectF(column.left(), y, column.width(), height),
                    callout.anchors,
                    callout.meter,
                )
            )
            y += height + px * 0.35
        return placed

    def _try_place(
        self, callouts: list[_Callout], texts: list[str], px: float
    ) -> list[_Placed] | None:
        column = self.column
        widths = [column.width()] * len(callouts)
        for _round in range(2):  # a label beside the pause button gets narrower
            heights = []
            for callout, text, width in zip(callouts, texts, widths, strict=True):
                size = text_size(text, px, width)
                if size.width() > width + 0.5:
                    return None
                heights.append(size.height() + (px * 1.2 if callout.meter else 0.0))
            wished = [min(a.y() for a in c.anchors) - px * 0.7 for c in callouts]
            tops = stack_labels(wished, heights, column.top(), column.bottom(), px * 0.35)
            if tops is None:
                return None
            changed = False
            for index, (y, h) in enumerate(zip(tops, heights, strict=True)):
                box = QRectF(column.left(), y, widths[index], h)
                if box.intersects(self.keep_clear):
                    widths[index] = self.keep_clear.left() - column.left() - px * 0.5
                    changed = True
            if not changed:
                return [
                    _Placed(text, QRectF(column.left(), y, w, h), c.anchors, c.meter)
                    for c, text, y, w, h in zip(callouts, texts, tops, widths, heights, strict=True)
                ]
            if min(widths) < px * 3:
                return None
        return None

    # --- still layer ------------------------------------------------------------------------

    def paint_still(self, painter: QPainter, state: str) -> None:
        strong = state == WITH_SNRI
        self._paint_body(painter)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for track in (self.knee_track, self.back_track):
            painter.setPen(pen(self.colors.pain_signal, self.line, TRACK_ALPHA))
            painter.drawPath(track.path())
        painter.setPen(pen(self.colors.calming_signal, self.line, TRACK_ALPHA))
        painter.drawPath(self.calm_track.path())
        painter.setPen(pen(self.colors.pain_signal, self.line))
        for spot in (self.knee, self.back):
            painter.drawPath(marker_path(MarkerShape.BURST, spot, self.size * 1.5))
        # Where the calming signals act: a glow round the gate, wider with the medicine.
        _seconds, reach = CALM_EFFECT[state]
        painter.setPen(pen(self.colors.calming_signal, self.line * (2.0 if strong else 1.0)))
        painter.setBrush(color(self.colors.calming_signal, 0.22 if strong else 0.12))
        painter.drawEllipse(self.gate, self.u * reach, self.u * reach)
        # Where pain signals come into the spinal cord, and where calming signals start.
        painter.setPen(pen(self.colors.text, self.line))
        painter.setBrush(color(self.colors.surface))
        painter.drawEllipse(self.gate, self.u * 3, self.u * 3)
        painter.setPen(pen(self.colors.surface, self.line * 0.5))
        painter.setBrush(color(self.colors.calming_signal))
        painter.drawEllipse(self.brainstem, self.u * 2.2, self.u * 2.2)
        if strong:
            self._paint_medicine_bracket(painter)
        for placed in self.callouts:
            self._paint_callout(painter, placed, state)

    def _paint_body(self, painter: QPainter) -> None:
        u, cx, top = self.u, self.cx, self.top
        body = QPainterPath()
        body.addEllipse(QPointF(cx, top + 12 * u), 11 * u, 11.5 * u)
        body.addRoundedRect(QRectF(cx - 4 * u, top + 21 * u, 8 * u, 7 * u), u, u)
        body.addRoundedRect(QRectF(cx - 15 * u, top + 27 * u, 30 * u, 39 * u), 7 * u, 7 * u)
        for side in (-1, 1):
            arm = QRectF(cx + side * 18.5 * u - 3.5 * u, top + 29 * u, 7 * u, 34 * u)
            body.addRoundedRect(arm, 3.5 * u, 3.5 * u)
            leg = QRectF(cx + side * 7.5 * u - 5.5 * u, top + 60 * u, 11 * u, 50 * u)
            body.addRoundedRect(leg, 5.5 * u, 5.5 * u)
        # The legs are cut off below the knees: the picture needs the knee, not the feet.
        frame = QPainterPath()
        frame.addRect(QRectF(cx - 30 * u, top - u, 60 * u, 100.5 * u))
        painter.setPen(pen(self.colors.outline, self.line))
        painter.setBrush(color(self.colors.body_fill))
        painter.drawPath(body.simplified().intersected(frame))
        # The brain inside the head, and the spinal cord running down the back.
        painter.setPen(pen(self.colors.outline, self.line * 0.8))
        painter.setBrush(color(self.colors.receiving_cell))
        painter.drawEllipse(self.brain, 8.3 * u, 6.5 * u)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawArc(QRectF(cx - 5 * u, top + 6.5 * u, 10 * u, 6 * u), 200 * 16, 140 * 16)
        painter.setBrush(color(self.colors.surface))
        cord = QRectF(cx - 3.5 * u, top + 17 * u, 7 * u, 45 * u)
        painter.drawRoundedRect(cord, 3.5 * u, 3.5 * u)

    def _paint_medicine_bracket(self, painter: QPainter) -> None:
        """Where the medicine acts: a bracket from the top of the head down to the pain gate."""
        x = self.bracket_x
        start, end = self.top + self.u, self.gate.y()
        tick = self.size * 0.5
        path = QPainterPath(QPointF(x + tick, start))
        path.lineTo(x, start)
        path.lineTo(x, end)
        path.lineTo(x + tick, end)
        painter.setPen(pen(self.colors.medicine, self.line * 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        middle = QPointF(x, (start + end) / 2)
        draw_marker(
            painter,
            MarkerShape.CAPSULE,
            middle,
            self.size * 1.4,
            self.colors.medicine,
            edge=self.colors.surface,
        )
        if self.labels:  # named just under the bracket's lower end, clear of the line
            name, label = self._medicine_label()
            draw_text(painter, label, name, self.px, ink=self.colors.medicine, bold=True)

    def _paint_callout(self, painter: QPainter, placed: _Placed, state: str) -> None:
        px = self.px
        box = placed.rect
        start = QPointF(box.left() - px * 0.35, box.top() + px * 0.7)
        painter.setPen(pen(self.colors.outline, max(1.5, px * 0.08)))
        for anchor in placed.anchors:
            painter.drawLine(start, anchor)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color(self.colors.outline))
        for anchor in placed.anchors:
            painter.drawEllipse(anchor, px * 0.16, px * 0.16)
        draw_text(painter, box, placed.text, px, ink=self.colors.text)
        if placed.meter:
            bar, filled = self._meter(placed, state)
            radius = bar.height() / 2
            painter.setPen(pen(self.colors.outline, max(1.5, px * 0.08)))
            painter.setBrush(color(self.colors.surface))
            painter.drawRoundedRect(bar, radius, radius)
            painter.setBrush(color(self.colors.pain_signal))
            painter.drawRoundedRect(filled, radius, radius)

    def pain_bar(self, state: str) -> tuple[QRectF, QRectF] | None:
        """The "pain felt" bar and its filled part in `state`; None where it has no room."""
        meters = [placed for placed in self.callouts if placed.meter]
        return self._meter(meters[0], state) if meters else None

    def _meter(self, placed: _Placed, state: str) -> tuple[QRectF, QRectF]:
        px = self.px
        box = placed.rect
        height = px * 0.85
        bar = QRectF(box.left(), box.bottom() - height, min(box.width(), px * 9), height)
        return bar, QRectF(bar.left(), bar.top(), bar.width() * PAIN_FELT[state], height)

    # --- motion layer -----------------------------------------------------------------------

    def motion_rects(self) -> list[QRectF]:
        """The three tracks the signals travel along, and the calming glow round the gate."""
        half = self.size * 0.75
        rects = []
        for track in (self.knee_track, self.back_track, self.calm_track):
            xs = [x for x, _y in track.points]
            ys = [y for _x, y in track.points]
            rects.append(QRectF(QPointF(min(xs), min(ys)), QPointF(max(xs), max(ys))))
        reach = max(spread for _seconds, spread in CALM_EFFECT.values()) * self.u + self.line
        glow = QRectF(self.gate.x() - reach, self.gate.y() - reach, 2 * reach, 2 * reach)
        return [*(rect.adjusted(-half, -half, half, half) for rect in rects), glow]

    def calming_waves(self, phase: float) -> list[float]:
        """How far along its track (0 at the brainstem, 1 at the spinal cord) each calming wave
        is at `phase`: the same in every state, since the medicine does not make the brainstem
        send them more often."""
        return [cycle(phase, CALM_PERIOD, index / CALM_WAVES) for index in range(CALM_WAVES)]

    def paint_motion(self, painter: QPainter, state: str, phase: float) -> None:
        seconds, reach = CALM_EFFECT[state]
        for t in self.calming_waves(phase):
            alpha = smooth(t / 0.1) * (1 - smooth((t - 0.9) / 0.1))
            point = self.calm_track.at(t)
            draw_marker(
                painter,
                MarkerShape.WAVE,
                point,
                self.size,
                self.colors.calming_signal,
                alpha,
                edge=self.colors.surface,
                ratio=self.ratio,
            )
            # The wave's effect where it arrived: a ring that spreads and fades, for longer
            # and wider with the medicine.
            since = (t - CALM_ARRIVES) % 1.0 * CALM_PERIOD
            if since < seconds:
                grown = smooth(since / seconds)
                radius = self.u * (3.0 + (reach - 3.0) * grown)
                painter.setPen(pen(self.colors.calming_signal, self.line * 1.5, 1.0 - grown))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(self.gate, radius, radius)
        pulses = ((self.knee_track, self.knee_gate, 3, 0), (self.back_track, self.back_gate, 2, 1))
        for track, gate_at, count, first in pulses:
            for index in range(count):
                t = cycle(phase, PAIN_PERIOD, first * 0.17 + index / count)
                self._paint_pain_pulse(
                    painter, track, gate_at, t, state, stopped=(first + index) % 3 == 0
                )

    def _paint_pain_pulse(
        self,
        painter: QPainter,
        track: Track,
        gate_at: float,
        t: float,
        state: str,
        *,
        stopped: bool,
    ) -> None:
        """One pain pulse; past the spinal cord it is fainter, and with the medicine every third
        pulse is calmed there (fades out) — the others still reach the brain."""
        strength = 1.0
        if t > gate_at:
            fade = smooth((t - gate_at) / 0.08)
            if stopped and state == WITH_SNRI:
                if fade < 1:
                    point = track.at(gate_at)
                    draw_marker(
                        painter,
                        MarkerShape.BURST,
                        point,
                        self.size,
                        self.colors.pain_signal,
                        1 - fade,
                        edge=self.colors.surface,
                        ratio=self.ratio,
                    )
                return
            strength = 1 - (1 - PAST_GATE[state]) * fade
        alpha = smooth(t / 0.06) * (1 - smooth((t - 0.94) / 0.06)) * strength
        size = self.size * (0.55 + 0.45 * strength)
        draw_marker(
            painter,
            MarkerShape.BURST,
            track.at(t),
            size,
            self.colors.pain_signal,
            alpha,
            edge=self.colors.surface,
            ratio=self.ratio,
        )


def _fraction_at(track: Track, y: float) -> float:
    """How far along `track` it first comes up to height `y` (pain tracks run upwards)."""
    steps = 200
    for i in range(steps + 1):
        if track.at(i / steps)[1] <= y + 0.5:
            return i / steps
    return 1.0
