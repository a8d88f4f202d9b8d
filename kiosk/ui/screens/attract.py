"""Attract: shown at start and after each reset. Calm, slow motion; the touch that wakes it only wakes."""

from __future__ import annotations

import math

from PySide6.QtCore import QElapsedTimer, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QHideEvent, QMouseEvent, QPainter, QPaintEvent, QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.theme import COLORS, Colors, Metrics
from kiosk.ui.widgets.labels import text_label
from kiosk.ui_text import UiText

# One slow breath every six seconds. The rings grow by under a pixel between frames at 20 frames
# a second, so that is smooth here and keeps the attract screen, shown for hours a day, under the
# 3 % CPU budget (bench/results.md: 4.9 % at 30 frames a second with the parent repainted too).
BREATH_MS = 6000
FRAME_MS = 50
# The three rings: their size (share of the halo) and how strongly each tints what is beneath it.
RINGS = ((1.0, 0.10), (0.78, 0.18), (0.56, 0.26))


def _over(beneath: QColor, ink: QColor, alpha: float) -> QColor:
    """`ink` at `alpha` over an opaque `beneath`, as the opaque colour the eye sees."""
    return QColor.fromRgbF(
        beneath.redF() + (ink.redF() - beneath.redF()) * alpha,
        beneath.greenF() + (ink.greenF() - beneath.greenF()) * alpha,
        beneath.blueF() + (ink.blueF() - beneath.blueF()) * alpha,
    )


def ring_colors(colors: Colors) -> list[QColor]:
    """Each ring as the opaque colour of the tints stacked up to it over the background: the
    same picture as translucent rings, for half the painting (no blending of large areas)."""
    accent = QColor(colors.accent)
    beneath = QColor(colors.background)
    stacked = []
    for _share, alpha in RINGS:
        beneath = _over(beneath, accent, alpha)
        stacked.append(beneath)
    return stacked


class BreathingHalo(QWidget):
    """Soft rings that slowly swell and settle. Only this small widget repaints, and only when shown."""

    def __init__(self, side: int) -> None:
        super().__init__()
        self.setFixedSize(side, side)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        # It paints its own background, so Qt need not repaint the screen behind it every frame.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self.update)
        self._reduced_motion = False
        self._colors = COLORS
        self._rings = ring_colors(COLORS)

    def set_colors(self, colors: Colors) -> None:
        self._colors = colors
        self._rings = ring_colors(colors)
        self.update()

    @property
    def is_animating(self) -> bool:
        return self._timer.isActive()

    def set_reduced_motion(self, reduced: bool) -> None:
        self._reduced_motion = reduced
        self._sync_timer()
        self.update()

    def showEvent(self, event: QShowEvent) -> None:
        self._sync_timer()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._timer.stop()
        super().hideEvent(event)

    def _sync_timer(self) -> None:
        if self.isVisible() and not self._reduced_motion:
            if not self._timer.isActive():
                self._clock.start()
                self._timer.start()
        else:
            self._timer.stop()

    def _phase(self) -> float:
        if self._reduced_motion or not self._clock.isValid():
            return 0.5
        return 0.5 - 0.5 * math.cos(2 * math.pi * (self._clock.elapsed() % BREATH_MS) / BREATH_MS)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(self._colors.background))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        centre = QPointF(self.width() / 2, self.height() / 2)
        largest = self.width() / 2
        breath = self._phase()
        for (share, _alpha), color in zip(RINGS, self._rings, strict=True):
            painter.setBrush(color)
            radius = largest * share * (0.86 + 0.14 * breath)
            painter.drawEllipse(centre, radius, radius)
        painter.setBrush(QColor(self._colors.accent))
        core = largest * 0.30
        painter.drawEllipse(centre, core, core)
        # A fingertip mark in the middle says "touch here" without words.
        painter.setBrush(QColor(self._colors.on_accent))
        painter.drawEllipse(centre, core * 0.35, core * 0.35)


class AttractScreen(QWidget):
    woken = Signal()

    def __init__(self, title: str, clinic_name: str, text: UiText, metrics: Metrics) -> None:
        super().__init__()
        self.setObjectName("Screen")
        self.setAccessibleName(text.touch_to_start)
        self.title_label = text_label(title, "AttractTitle")
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.halo = BreathingHalo(metrics.px(300))
        self.prompt_label = text_label(text.touch_to_start, "AttractPrompt", wrap=False)
        self.clinic_label = text_label(clinic_name, "AttractClinic")
        self.clinic_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for label in (self.title_label, self.prompt_label, self.clinic_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(
            metrics.margin * 2, metrics.margin, metrics.margin * 2, metrics.margin
        )
        layout.setSpacing(metrics.margin)
        layout.addStretch(2)
        layout.addWidget(self.title_label)
        layout.addWidget(self.halo, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.prompt_label, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        layout.addWidget(self.clinic_label)

    def set_reduced_motion(self, reduced: bool) -> None:
        self.halo.set_reduced_motion(reduced)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        # Waking on release means the whole touch ends here: nothing beneath is pressed.
        event.accept()
        self.woken.emit()
