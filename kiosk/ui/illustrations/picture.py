"""The picture model: what one illustration draws into a rectangle, in still and moving layers.

A `Picture` is plain Python over a QPainter, no widget: the canvas paints it on screen, the home
screen's tiles paint label-free thumbnails of it, and the tests ask it where its words went. It is
built again whenever its rectangle changes.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import ClassVar

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from kiosk.illustration_specs import IllustrationSpec
from kiosk.illustration_text import illustration_text
from kiosk.theme import CAP_HEIGHT_PER_EM, COLORS, MIN_CAP_HEIGHT_MM, Colors, Metrics

LABEL_PX = 28  # the words inside a picture at the normal text size, in 1080p pixels


def label_px(metrics: Metrics, text_step: int) -> float:
    """The size of the words inside a picture at the reader's text-size step: they grow with
    it, half as much as body text (like the picture's buttons, so the drawing keeps room for
    them), and never under DESIGN.md's capital height on the glass. Never shrunk to fit: where
    they do not fit they wrap, take other places or the picture asks for more height."""
    least = metrics.mm(MIN_CAP_HEIGHT_MM / CAP_HEIGHT_PER_EM)
    return float(max(metrics.text_px(LABEL_PX, text_step, damped=True), least))


@dataclass(frozen=True)
class PaintedLabel:
    """Words painted inside a picture, and where."""

    text: str
    rect: QRectF  # what the words take
    part: str  # what they name (the same at every text size, whatever the wording)
    px: float  # their text size
    room: QRectF | None = None  # a box they must stay inside, where they have one


class Picture(ABC):
    """Draws one illustration's scene into `rect`; built again when the size changes.

    A subclass declares its `spec` (kiosk/illustration_specs.py) and places its parts in
    `lay_out()`, which the constructor calls once everything below is set."""

    spec: ClassVar[IllustrationSpec]
    # The moment of the motion that a still frame (reduced motion, previews, thumbnails) shows.
    still_phase: ClassVar[float] = 0.0

    def __init__(
        self,
        rect: QRectF,
        metrics: Metrics,
        *,
        labels: bool = True,
        keep_clear: QRectF | None = None,
        language: str = "en",
        text_step: int = 0,
        colors: Colors = COLORS,
    ) -> None:
        self.rect = QRectF(rect)
        self.colors = colors  # the theme it is drawn in: the canvas builds it again for another
        self.metrics = metrics
        self.labels = labels
        self.words = illustration_text(language)  # for the words painted inside the picture
        # A corner the picture leaves free for the pause button.
        self.keep_clear = QRectF(keep_clear) if keep_clear is not None else QRectF()
        # Label size; a label-free thumbnail scales its marks to its own size instead.
        self.px = label_px(metrics, text_step)
        self.ratio = (
            1.0  # the device pixel ratio the motion layer is painted at (set by the canvas)
        )
        if not labels:
            self.px = max(6.0, min(self.px, rect.height() / 12))
        self.line = max(2.0, metrics.px(3))
        # Whether every label found room at full size (lay_out says): where not, they are all
        # still painted, and the canvas asks for the height at which they fit (least_height).
        self.fits = True
        self.lay_out()

    @abstractmethod
    def lay_out(self) -> None:
        """Places the scene's parts (and, with `labels`, its words) inside `rect`."""

    @abstractmethod
    def paint_still(self, painter: QPainter, state: str) -> None:
        """The parts of `state` that do not move."""

    @abstractmethod
    def paint_motion(self, painter: QPainter, state: str, phase: float) -> None:
        """The moving parts of `state` at `phase` seconds."""

    @abstractmethod
    def painted_labels(self, state: str) -> list[PaintedLabel]:
        """The words painted inside the picture in `state` (none without `labels`), each with
        the rectangle it takes: the tests check that none is cut off, overlaps another, hides
        under the pause button or gets smaller or goes missing at a larger text size."""

    def motion_rects(self) -> list[QRectF]:
        """Where things move. Each frame repaints one rectangle round all of them: in Qt that
        costs less than several small ones or the whole picture."""
        return [self.rect]
