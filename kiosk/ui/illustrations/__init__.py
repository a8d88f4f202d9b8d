"""The kiosk's illustrations by key: content front matter names them (`illustration: synapse`)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPixmap

from kiosk.theme import Metrics
from kiosk.ui.illustrations.base import Illustration
from kiosk.ui.illustrations.pain_mood_cycle import PainMoodCycleIllustration
from kiosk.ui.illustrations.pain_pathway import PainPathwayIllustration
from kiosk.ui.illustrations.synapse import SynapseIllustration

ILLUSTRATIONS: dict[str, type[Illustration]] = {
    illustration.key: illustration
    for illustration in (SynapseIllustration, PainPathwayIllustration, PainMoodCycleIllustration)
}

__all__ = ["ILLUSTRATIONS", "Illustration", "create_illustration", "thumbnail"]


def create_illustration(
    key: str, metrics: Metrics, *, reduced_motion: bool, language: str = "en"
) -> Illustration:
    """The illustration for `key`, with every word in `language` (English for a language
    kiosk/illustration_text.py has no words for); raises KeyError for a key `kiosk check` would
    have reported."""
    return ILLUSTRATIONS[key](metrics, reduced_motion=reduced_motion, language=language)


def thumbnail(key: str, size: QSize, metrics: Metrics, *, language: str = "en") -> QPixmap:
    """A still, label-free picture of the illustration's first state on a transparent pixmap.

    It has no words, so it is the same in every `language`."""
    kind = ILLUSTRATIONS[key]
    pixmap = QPixmap(size)
    pixmap.fill(Qt.GlobalColor.transparent)
    rect = QRectF(0, 0, size.width(), size.height())
    picture = kind.picture(rect, metrics, labels=False, language=language)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    picture.paint_still(painter, kind.states[0])
    picture.paint_motion(painter, kind.states[0], picture.still_phase)
    painter.end()
    return pixmap
