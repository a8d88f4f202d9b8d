"""The gap between two nerve cells, without medicine and with an SNRI.

Science (DESIGN.md): an SNRI blocks the transporters on the *sending* cell that pull serotonin
and norepinephrine back in, so more of both stays in the gap. It adds no serotonin and does not
act on the receiving cell's receptors. The same messengers are released in both states; with the
medicine they stay in the gap longer and act on the receptors longer and more: "how long and how
much", never a "weak" or "strong" signal.
"""

from __future__ import annotations

import math
from typing import ClassVar

from PySide6.QtCore import QPointF, QRectF, Qt

from kiosk.illustration_specs import SYNAPSE
from kiosk.ui.illustrations.drawing import (
    fit_variant,
    pen,
    stack_labels,
    text_size,
)
from kiosk.ui.illustrations.picture import PaintedLabel, Picture
from kiosk.ui.illustrations.synapse_model import (
    ASPECT,
    BOLD,
    GUTTER,
    INSIDE_ALIGN,
    LEAST_DRAWING,
    LEFT,
    MESSENGERS,
    MIN_ASPECT,
    NAME_LINES,
    NAMES,
    NOTES,
    OUTSIDE_ALIGN,
    RECEIVING_EDGE,
    RECEPTORS,
    RECEPTORS_NOTE,
    RIGHT,
    ROW_GAP,
    SENDING_EDGE,
    SIGNAL,
    TOP,
    TRANSPORTER,
    WITH_SNRI,
    WITHOUT,
    MessengerPath,
    PlacedWords,
)
from kiosk.ui.illustrations.synapse_paint import SynapsePainting


class SynapsePicture(SynapsePainting, Picture):
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
        self.placed: dict[str, list[PlacedWords]] = {state: [] for state in SYNAPSE.states}
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
                    placed.append(PlacedWords(text or "", region, INSIDE_ALIGN[slot], slot))
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
                placed.append(PlacedWords(text, row, OUTSIDE_ALIGN[slot], slot, self._anchor(slot)))
            fits &= self._place_beside(state)
            if self.names:
                band = bottom + px * 0.3
                for part, (name, centre, room) in zip(NAMES, self.names, strict=True):
                    x = b.left() + b.width() * centre
                    height = text_size(name, px, room, bold=True).height()
                    rect = QRectF(x - room / 2, band, room, height)
                    placed.append(PlacedWords(name, rect, Qt.AlignmentFlag.AlignHCenter, part))
            else:
                y = bottom
                for part, (name, align) in zip(NAMES, self._stacked_names(), strict=True):
                    height = text_size(name, px, area.width(), bold=True).height()
                    rect = QRectF(area.left(), y + gap, area.width(), height)
                    placed.append(PlacedWords(name, rect, align, part))
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
                self.placed[state].append(PlacedWords(text, box, align, slot, self._anchor(slot)))
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

    def _path(self, index: int) -> MessengerPath:
        """The fixed points of one messenger's trip, worked out once per size."""
        h = self.box.height()
        gap = self.receiving_edge - self.sending_edge
        receptor = (index * 3) % RECEPTORS
        transporter = self.transporters[index % 2]
        return MessengerPath(
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
