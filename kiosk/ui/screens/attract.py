"""Attract: shown at start and after each reset. Calm, slow motion; the touch that wakes it only wakes."""

from __future__ import annotations

import math
from bisect import bisect_right
from functools import cache

from PySide6.QtCore import QElapsedTimer, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QHideEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.theme import COLORS, Colors, Metrics
from kiosk.ui.widgets.labels import text_label
from kiosk.ui_text import UiText

# One slow breath of six seconds, then ten of stillness, as someone at rest breathes. The attract
# screen is where the kiosk spends most of its life, so it must rest too (DESIGN.md: <= 0.5 % of
# one core); painting 20 frames a second all the time it took 2.6 % (bench, December 2026). It
# repaints only when the breath has moved the largest ring by LOOK_PX, and its timer sleeps until
# that moment or through the stillness. Each repaint costs ~2 ms woken from sleep (~0.5 ms of
# drawing, the rest Qt's flush to the screen; caching the looks as pixmaps saved only a fifth, for
# 8 MB): a look a pixel apart, 42 repaints a cycle, measured 0.50-0.59 %; ~2 px apart, 22
# repaints, 0.28-0.30 % (one process on Xvfb, 2-core EPYC, 16 s windows).
LOOK_PX = 2
BREATH_MS = 6000
REST_MS = 10000
CYCLE_MS = BREATH_MS + REST_MS
SWELL = 0.14  # how much the rings grow with the breath, as a share of their size
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


def breath_at(ms: float) -> float:
    """How full the breath is `ms` into a cycle: 0 (out) to 1 (in), still through the rest."""
    into = ms % CYCLE_MS
    if into >= BREATH_MS:
        return 0.0
    return 0.5 - 0.5 * math.cos(2 * math.pi * into / BREATH_MS)


@cache
def breath_schedule(steps: int) -> list[tuple[int, int]]:
    """When, in ms into a cycle, the halo changes to which of `steps` + 1 looks (0: out; it
    stays out through the rest)."""
    schedule = [(0, 0)]
    for ms in range(1, BREATH_MS + 1):
        look = round(breath_at(ms) * steps)
        if look != schedule[-1][1]:
            schedule.append((ms, look))
    return schedule


class BreathingHalo(QWidget):
    """Soft rings that slowly swell and settle. Only this small widget repaints, only when shown,
    and only when the breath changes what it looks like."""

    def __init__(self, side: int) -> None:
        super().__init__()
        self.setFixedSize(side, side)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        # It paints its own background, so Qt need not repaint the screen behind it every frame.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        # Looks of the breath, each about LOOK_PX of growth of the largest ring apart.
        self.steps = max(1, round(side / 2 * SWELL / LOOK_PX))
        self._schedule = breath_schedule(self.steps)
        self._look = 0
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._next_look)
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

    @property
    def breath(self) -> float:
        """How full the breath on show is: 0 (out) to 1 (in); half way for a still frame."""
        return 0.5 if self._reduced_motion else self._look / self.steps

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
                self._look = 0
                self._next_look()
        else:
            self._timer.stop()

    def _next_look(self) -> None:
        """Shows the look the breath has reached and sleeps until the next one is due."""
        into = self._clock.elapsed() % CYCLE_MS
        index = bisect_right(self._schedule, (into, self.steps + 1)) - 1
        look = self._schedule[index][1]
        if look != self._look:
            self._look = look
            self.update()
        following = self._schedule[index + 1][0] if index + 1 < len(self._schedule) else CYCLE_MS
        self._timer.start(max(1, following - into))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        breath = self.breath
        painter.fillRect(self.rect(), QColor(self._colors.background))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        centre = QPointF(self.width() / 2, self.height() / 2)
        largest = self.width() / 2
        for (share, _alpha), color in zip(RINGS, self._rings, strict=True):
            painter.setBrush(color)
            radius = largest * share * (1 - SWELL + SWELL * breath)
            painter.drawEllipse(centre, radius, radius)
        painter.setBrush(QColor(self._colors.accent))
        core = largest * 0.30
        painter.drawEllipse(centre, core, core)
        # A fingertip mark in the middle says "touch here" without words.
        painter.setBrush(QColor(self._colors.on_accent))
        painter.drawEllipse(centre, core * 0.35, core * 0.35)
        painter.end()


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
