"""The kiosk's pictures by key: content front matter names them (`illustration: synapse`).

Each key's spec (kiosk/illustration_specs.py) says its states, words and legend; the picture
class below draws it. tests/test_illustration_specs.py fails, naming what is missing, when a spec
has no picture here or a picture no spec.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPixmap

from kiosk.frame_budget import FrameBudget
from kiosk.theme import COLORS, Colors, Metrics
from kiosk.ui.illustrations.pain_mood_cycle import PainMoodCyclePicture
from kiosk.ui.illustrations.pain_pathway import PainPathwayPicture
from kiosk.ui.illustrations.picture import Picture
from kiosk.ui.illustrations.synapse import SynapsePicture
from kiosk.ui.illustrations.widget import Illustration

PICTURES: dict[str, type[Picture]] = {
    picture.spec.key: picture
    for picture in (SynapsePicture, PainPathwayPicture, PainMoodCyclePicture)
}

__all__ = ["PICTURES", "Illustration", "Picture", "create_illustration", "thumbnail"]


def create_illustration(
    key: str,
    metrics: Metrics,
    *,
    reduced_motion: bool,
    language: str = "en",
    frame_budget: FrameBudget | None = None,
) -> Illustration:
    """The illustration for `key`, with every word in `language` (English for a language
    kiosk/illustration_text.py has no words for), drawing at `frame_budget`'s rate (the kiosk
    shares one among its pictures); raises KeyError for a key `kiosk check` would have
    reported."""
    return Illustration(
        PICTURES[key],
        metrics,
        reduced_motion=reduced_motion,
        language=language,
        frame_budget=frame_budget,
    )


def thumbnail(
    key: str, size: QSize, metrics: Metrics, *, language: str = "en", colors: Colors = COLORS
) -> QPixmap:
    """A still, label-free picture of the illustration's first state on a transparent pixmap,
    in the theme of `colors` (laid on a ground of its `surface`).

    It has no words, so it is the same in every `language`."""
    kind = PICTURES[key]
    resting = kind.spec.states[0]
    pixmap = QPixmap(size)
    pixmap.fill(Qt.GlobalColor.transparent)
    rect = QRectF(0, 0, size.width(), size.height())
    picture = kind(rect, metrics, labels=False, language=language, colors=colors)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    picture.paint_still(painter, resting)
    picture.paint_motion(painter, resting, picture.still_phase)
    painter.end()
    return pixmap
