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
    Point,
    color,
    cycle,
    draw_arrow_head,
    draw_text,
    fit_variant,
    lerp,
    pen,
    smooth,
    stack_labels,
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
LEFT = Qt.AlignmentFlag.AlignLeft
RIGHT = Qt.AlignmentFlag.AlignRight
ROW_GAP = 0.35  # between rows of words outside the drawing, in label heights
LEAST_DRAWING = 6.0  # the drawing's least height beside its words, in label heights (5 receptors)
# The notes that name a part inside the drawing, where each goes there and how it is set;
# one that does not fit there goes in a row above (or, the receptors', below) the drawing.
TRANSPORTER, SIGNAL, RECEPTORS_NOTE = "transporter", "signal", "receptors"
NOTES = (TRANSPORTER, SIGNAL, RECEPTORS_NOTE)
NAMES = ("sending cell", "gap", "receiving cell")  # the names under the drawing, left to right
INSIDE_ALIGN = {TRANSPORTER: RIGHT | BOTTOM, SIGNAL: LEFT | BOTTOM, RECEPTORS_NOTE: LEFT | TOP}
OUTSIDE_ALIGN = {TRANSPORTER: LEFT | TOP, SIGNAL: RIGHT | TOP, RECEPTORS_NOTE: RIGHT | TOP}
BOLD = {TRANSPORTER: True, SIGNAL: False, RECEPTORS_NOTE: False}


@dataclass(frozen=True)
class _Path:
    offset: float  # where in the release cycle this messenger starts
    release: Point  # where it leaves the sending cell
    drift: Point  # where it is just after leaving
    receptor: int  # the receptor it visits
    docked: Point  # where it sits in that receptor
    entry: Point  # the mouth of the transporter that takes it back
    inside: Point  # back inside the sending cell


@dataclass(frozen=True)
class _Label:
    """Words as drawn: aligned in `room`, and, outside the drawing, a line to `anchor`."""

    text: str
    room: QRectF
    align: Qt.AlignmentFlag
    slot: str  # what it names: a note's (NOTES) or a name's (NAMES)
    anchor: QPointF | None = None

    @property
    def bold(self) -> bool:
        return BOLD.get(self.slot, True)

    def text_rect(self, px: float) -> QRectF:
        """What the words take inside their room."""
        size = text_size(self.text, px, self.room.width(), bold=self.bold)
        x, y = self.room.left(), self.room.top()
        if self.align & Qt.AlignmentFlag.AlignRight:
            x = self.room.right() - size.width()
        elif self.align & Qt.AlignmentFlag.AlignHCenter:
            x = self.room.center().x() - size.width() / 2
        if self.align & Qt.AlignmentFlag.AlignBottom:
            y = self.room.bottom() - size.height()
        return QRectF(x, y, size.width(), size.height())


class SynapsePicture(Picture):
    spec = SYNAPSE
    still_phase: ClassVar[float] = 2.6

    def lay_out(self) -> None:
        rect, px = self.rect, self.px
        area = QRectF(rect)
        if not self.keep_clear.isEmpty():  # leave the pause button's corner free
            area.setRight(min(rect.right(), self.keep_clear.left() - px * 0.4))
        self.area = area
        # The words, per state, where they are drawn; the cells' names side by side under the
        # drawing where they fit, else one per row; a note that does not fit beside what it
        # names moves above or below the drawing, with a line to it. Each round lays the
        # drawing out in what the words leave; a label that moved stays moved, so it settles.
        self.names: list[tuple[str, float, float]] | None = []
        self.moved: set[str] = set()
        self.beside: set[str] = set()  # of those moved, the ones beside the drawing
        self.placed: dict[str, list[_Label]] = {state: [] for state in SYNAPSE.states}
        above = below = 0.0
        for _round in range(6):
            self._place_drawing(above, below)
            if not self.labels:
                break
            if self.names is not None:
                self.names = self._fit_names(self.box.width())
            self.moved |= {slot for slot in NOTES if not self._fits_inside(slot)}
            self.beside = {slot for slot in self.moved if self._fits_beside(slot)}
            now_above, now_below = self._outside_heights()
            if (now_above, now_below) == (above, below):
                break
            above, below = now_above, now_below
        else:  # not settled: the drawing leaves the words their room, and the search goes on
            self._place_drawing(above, below)
            self.fits = False
        if self.labels:
            self._place_labels()
        self.paths = [self._path(index) for index in range(MESSENGERS)]
        self._cups = [self._cup(index) for index in range(RECEPTORS)]
        self._active_pen = pen(self.colors.text, self.line * 1.6)
        self._resting_pen = pen(self.colors.text_muted, self.line * 1.1)

    def _place_drawing(self, above: float, below: float) -> None:
        """The drawing in what the words above and below it leave."""
        rect, area = self.rect, self.area
        room = max(1.0, rect.height() - above - below)
        width = min(area.width(), room * ASPECT)
        height = max(1.0, min(room, width / MIN_ASPECT))
        top = rect.top() + above + (room - height) / 2
        self.box = QRectF(area.center().x() - width / 2, top, width, height)
        b = self.box
        h = b.height()
        px = self.px
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

    # --- labels -----------------------------------------------------------------------------

    def _note_words(self, slot: str, state: str) -> tuple[str, ...]:
        words = self.words.synapse
        blocked = state == WITH_SNRI
        if slot == TRANSPORTER:
            return words.blocked if blocked else words.transporter
        if slot == SIGNAL:
            return words.acts_longer if blocked else words.acts_briefly
        return words.receptors

    def _inside_region(self, slot: str) -> QRectF:
        """Where a note goes beside what it names, inside the drawing."""
        b, px = self.box, self.px
        h = b.height()
        if slot == TRANSPORTER:  # beside the lower transporter, inside the sending cell
            return QRectF(
                QPointF(b.left() + b.width() * 0.15, self.mid_y - h * 0.02),
                QPointF(self.sending_edge - self.size * 1.3, b.bottom() - h * 0.07),
            )
        left = self.receiving_edge + self.size * 1.2
        right = b.right() - px * 0.4
        if slot == SIGNAL:  # above the signal arrow, inside the receiving cell
            above = QRectF(
                QPointF(left, b.top() + h * 0.08), QPointF(right, self.mid_y - self.size * 0.9)
            )
            if above.intersects(self.keep_clear):
                above.setRight(min(right, self.keep_clear.left() - px * 0.4))
            return above
        return QRectF(  # the receptors: below the signal arrow
            QPointF(left, self.mid_y + self.size * 0.9), QPointF(right, b.bottom() - h * 0.08)
        )

    def _fits_inside(self, slot: str) -> bool:
        if slot in self.moved:
            return False
        region = self._inside_region(slot)
        return all(
            fit_variant(
                self._note_words(slot, state),
                self.px,
                region.width(),
                region.height(),
                bold=BOLD[slot],
            )
            is not None
            for state in SYNAPSE.states
        )

    def _outside_room(self, slot: str) -> QRectF:
        """The row's width for a note outside the drawing: the transporter's from the left edge
        (up to the sending cell's edge where it then shares its row with the signal's note),
        the receiving cell's notes to the right edge, clear of the transporter's line."""
        area = self.area
        if slot == TRANSPORTER:
            right = self.sending_edge if self._shares_row() else area.right()
            return QRectF(area.left(), 0, max(1.0, right - area.left()), 0)
        left = self.sending_edge + self.px * GUTTER
        return QRectF(left, 0, max(1.0, area.right() - left), 0)

    def _beside_room(self, slot: str) -> QRectF:
        """Room for a note beside the drawing where it leaves the picture's sides free: left of
        it for the transporter's, right of it for the receiving cell's."""
        area, gutter = self.area, self.px * GUTTER
        if slot == TRANSPORTER:
            return QRectF(area.left(), 0, max(0.0, self.box.left() - gutter - area.left()), 0)
        left = self.box.right() + gutter
        return QRectF(left, 0, max(0.0, area.right() - left), 0)

    def _fits_beside(self, slot: str) -> bool:
        width = self._beside_room(slot).width()
        return width >= 1 and all(
            self._wording(self._note_words(slot, state), width, BOLD[slot]) is not None
            for state in SYNAPSE.states
        )

    def _in_rows(self) -> set[str]:
        """The notes in rows above or below the drawing."""
        return self.moved - self.beside

    def _shares_row(self) -> bool:
        """Whether the transporter's and the signal's notes, both above the drawing, fit side
        by side (on a wide screen) rather than one above the other."""
        if not {TRANSPORTER, SIGNAL} <= self._in_rows():
            return False
        width = self.sending_edge - self.area.left()
        return all(
            self._wording(self._note_words(TRANSPORTER, state), width, True) is not None
            for state in SYNAPSE.states
        )

    def _wording(self, variants: tuple[str, ...], width: float, bold: bool) -> str | None:
        """The longest wording that fits `width` in at most NAME_LINES lines, or None."""
        lines = text_size("\n".join(["X"] * NAME_LINES), self.px, 10_000, bold=bold).height()
        return fit_variant(variants, self.px, width, lines, bold=bold)

    def _outside_text(self, slot: str, state: str) -> str:
        """The longest wording that fits the row in NAME_LINES lines, else the longest that
        wraps into it in more (the shortest if none does)."""
        variants = self._note_words(slot, state)
        width = self._outside_room(slot).width()
        bold = BOLD[slot]
        return (
            self._wording(variants, width, bold)
            or fit_variant(variants, self.px, width, math.inf, bold=bold)
            or variants[-1]
        )

    def _row_height(self, slot: str) -> float:
        width = self._outside_room(slot).width()
        return max(
            text_size(self._outside_text(slot, state), self.px, width, bold=BOLD[slot]).height()
            for state in SYNAPSE.states
        )

    def _stacked_names(self) -> list[tuple[str, Qt.AlignmentFlag]]:
        """The cells' names one per row (too little width side by side): the sending cell's to
        the left, the gap's centred, the receiving cell's to the right, as in the drawing."""
        words = self.words.synapse
        width = self.area.width()
        names = []
        for variants, align in (
            (words.sending_cell, Qt.AlignmentFlag.AlignLeft),
            (words.gap, Qt.AlignmentFlag.AlignHCenter),
            (words.receiving_cell, Qt.AlignmentFlag.AlignRight),
        ):
            text = fit_variant(variants, self.px, width, math.inf, bold=True) or variants[-1]
            names.append((text, align))
        return names

    def _outside_heights(self) -> tuple[float, float]:
        """The height the words above and below the drawing take."""
        px = self.px
        gap = px * ROW_GAP
        in_rows = self._in_rows()
        rows = [self._row_height(slot) for slot in (TRANSPORTER, SIGNAL) if slot in in_rows]
        above = max(rows) + gap if self._shares_row() else sum(row + gap for row in rows)
        below = 0.0
        if RECEPTORS_NOTE in in_rows:
            below += gap + self._row_height(RECEPTORS_NOTE)
        if self.names:
            below += px * 0.3 + max(
                text_size(name, px, room, bold=True).height() for name, _centre, room in self.names
            )
        else:
            self.names = None
            width = self.area.width()
            below += sum(
                gap + text_size(name, px, width, bold=True).height()
                for name, _align in self._stacked_names()
            )
        return (above + gap if above else 0.0), below

    def _place_labels(self) -> None:
        """Every state's words where they go, and whether they all found room (`fits`)."""
        px, b, area = self.px, self.box, self.area
        gap = px * ROW_GAP
        fits = b.height() >= min(area.width() / ASPECT, px * LEAST_DRAWING) - 0.5
        for state in SYNAPSE.states:
            placed = self.placed[state]
            y = self.rect.top()
            bottom = b.bottom()
            for slot in (TRANSPORTER, SIGNAL, RECEPTORS_NOTE):
                if slot not in self.moved:
                    region = self._inside_region(slot)
                    text = fit_variant(
                        self._note_words(slot, state),
                        px,
                        region.width(),
                        region.height(),
                        bold=BOLD[slot],
                    )
                    placed.append(_Label(text or "", region, INSIDE_ALIGN[slot], slot))
                    continue
                if slot in self.beside:
                    continue
                row_room = self._outside_room(slot)
                height = self._row_height(slot)
                if slot == RECEPTORS_NOTE:
                    top = bottom + gap
                    bottom = top + height
                elif slot == SIGNAL and self._shares_row():
                    top = self.rect.top()
                else:
                    top = y
                    y += height + gap
                text = self._outside_text(slot, state)
                wide = text_size(text, px, row_room.width(), bold=BOLD[slot]).width()
                fits &= wide <= row_room.width() + 0.5
                row = QRectF(row_room.left(), top, row_room.width(), height)
                placed.append(_Label(text, row, OUTSIDE_ALIGN[slot], slot, self._anchor(slot)))
            fits &= self._place_beside(state)
            if self.names:
                band = bottom + px * 0.3
                for part, (name, centre, room) in zip(NAMES, self.names, strict=True):
                    x = b.left() + b.width() * centre
                    height = text_size(name, px, room, bold=True).height()
                    rect = QRectF(x - room / 2, band, room, height)
                    placed.append(_Label(name, rect, Qt.AlignmentFlag.AlignHCenter, part))
            else:
                y = bottom
                for part, (name, align) in zip(NAMES, self._stacked_names(), strict=True):
                    height = text_size(name, px, area.width(), bold=True).height()
                    rect = QRectF(area.left(), y + gap, area.width(), height)
                    placed.append(_Label(name, rect, align, part))
                    fits &= (
                        text_size(name, px, area.width(), bold=True).width() <= area.width() + 0.5
                    )
                    y += gap + height
        lowest = max(label.room.bottom() for label in self.placed[WITHOUT])
        self.fits &= fits and lowest <= self.rect.bottom() + 0.5

    def _place_beside(self, state: str) -> bool:
        """The notes beside the drawing, each as near what it names as the others let it be;
        False where they do not all fit the picture's height."""
        fits = True
        rect = self.rect
        for side in ((TRANSPORTER,), (SIGNAL, RECEPTORS_NOTE)):
            slots = [slot for slot in side if slot in self.beside]
            if not slots:
                continue
            texts, heights, wished = [], [], []
            for slot in slots:
                room = self._beside_room(slot)
                text = self._wording(self._note_words(slot, state), room.width(), BOLD[slot])
                texts.append(text or "")
                height = max(
                    text_size(
                        self._wording(self._note_words(slot, other), room.width(), BOLD[slot])
                        or "",
                        self.px,
                        room.width(),
                        bold=BOLD[slot],
                    ).height()
                    for other in SYNAPSE.states
                )
                heights.append(height)
                wished.append(self._anchor(slot).y() - height / 2)
            gap = self.px * ROW_GAP
            tops = stack_labels(wished, heights, rect.top(), rect.bottom(), gap)
            if tops is None:
                fits = False
                tops = wished
            for slot, text, top, height in zip(slots, texts, tops, heights, strict=True):
                room = self._beside_room(slot)
                align = (RIGHT if slot == TRANSPORTER else LEFT) | TOP
                box = QRectF(room.left(), top, room.width(), height)
                self.placed[state].append(_Label(text, box, align, slot, self._anchor(slot)))
        return fits

    def _anchor(self, slot: str) -> QPointF:
        """Where the line from a note outside the drawing meets what it names."""
        s = self.size
        if slot == TRANSPORTER:
            upper = self.transporters[0]
            if slot in self.beside:  # reached from the left
                return QPointF(upper.x() - s * 0.9, upper.y())
            return QPointF(upper.x(), upper.y() - s * 0.8)
        if slot == SIGNAL:
            length, thickness = self._signal_geometry(strong=False)
            return QPointF(self.signal_start + length * 0.5, self.mid_y - thickness)
        lowest = self.receptors[-1]
        return QPointF(lowest.x(), lowest.y() + s * 0.6)

    def painted_labels(self, state: str) -> list[PaintedLabel]:
        """The cells' names and the notes beside what they name, as drawn in `state`."""
        return [
            PaintedLabel(label.text, label.text_rect(self.px), label.slot, self.px, room=label.room)
            for label in self.placed.get(state, [])
            if label.text
        ]

    def _fit_names(self, width: float) -> list[tuple[str, float, float]] | None:
        """The names under a drawing `width` wide, as (wording, centre as a share of `width`,
        room): the cells' names share one level of wording, the longest that fits under its
        cell in NAME_LINES lines, leaving room for the gap's name between them; None where
        no wording fits (they go one per row)."""
        words = self.words.synapse
        sending, receiving = words.sending_cell, words.receiving_cell
        tallest = text_size("\n".join(["X"] * NAME_LINES), self.px, 10_000, bold=True).height()
        for level in range(max(len(sending), len(receiving))):
            sides = (
                sending[min(level, len(sending) - 1)],
                receiving[min(level, len(receiving) - 1)],
            )
            for gap in words.gap:
                names = self._names_at(width, self.px, sides, gap, tallest)
                if names is not None:
                    return names
        return None

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

    def _paint_leader(self, painter: QPainter, label: _Label) -> None:
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
