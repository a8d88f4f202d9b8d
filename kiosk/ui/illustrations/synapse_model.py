"""The synapse picture's parts and proportions, shared by its layout (synapse.py) and its
painting (synapse_paint.py)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt

from kiosk.illustration_specs import SYNAPSE
from kiosk.ui.illustrations.drawing import Point, text_size

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
class MessengerPath:
    offset: float  # where in the release cycle this messenger starts
    release: Point  # where it leaves the sending cell
    drift: Point  # where it is just after leaving
    receptor: int  # the receptor it visits
    docked: Point  # where it sits in that receptor
    entry: Point  # the mouth of the transporter that takes it back
    inside: Point  # back inside the sending cell


@dataclass(frozen=True)
class PlacedWords:
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
