"""A card over the whole window with a visible countdown: "Still reading?" and the cleaning pause.

Its ticker runs only while the card is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from kiosk.theme import Metrics
from kiosk.ui.style import grows_with_text
from kiosk.ui.widgets.labels import text_label
from kiosk.ui.widgets.modal_layer import ModalLayer
from kiosk.ui.widgets.touch_button import TouchButton
from kiosk.ui_text import Plural

TICK_MS = 250


class CountdownOverlay(QObject):
    finished = Signal()
    # With a button, a tap anywhere on the overlay answers it (and goes no further).
    dismissed = Signal()

    def __init__(
        self, window: QWidget, metrics: Metrics, *, title: str, message: Plural, button: str = ""
    ) -> None:
        super().__init__(window)
        self._message = message
        self._seconds = 0
        self._total_ms = 0
        self._clock = QElapsedTimer()
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self._tick)
        card = QFrame()
        card.setObjectName("OverlayCard")
        self.title_label = grows_with_text(text_label(title, "OverlayTitle"))
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown_label = grows_with_text(text_label("", "OverlayMessage"))
        self.countdown_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(metrics.margin, metrics.margin, metrics.margin, metrics.margin)
        layout.setSpacing(metrics.spacing)
        layout.addWidget(self.title_label)
        layout.addWidget(self.countdown_label)
        self.button = grows_with_text(TouchButton(button)) if button else None
        self.layer = ModalLayer(window, card, metrics, max_width=metrics.px(1000))
        if self.button is not None:
            self.button.setMinimumHeight(round(metrics.touch_target * 1.4))
            self.button.clicked.connect(self._dismiss)
            layout.addWidget(self.button)
            self.layer.tapped_outside.connect(self._dismiss)

    @property
    def seconds_left(self) -> int:
        return self._seconds

    @property
    def is_counting(self) -> bool:
        return self._ticker.isActive()

    def start(self, seconds: int) -> None:
        self._seconds = seconds
        self._total_ms = seconds * 1000
        self._clock.start()
        self._show_seconds()
        self.layer.present()
        self._ticker.start()

    def stop(self) -> None:
        self._ticker.stop()
        self.layer.hide()

    def expire(self) -> None:
        """Ends the countdown now, as if its time had run out."""
        self.stop()
        self.finished.emit()

    def _tick(self) -> None:
        left_ms = self._total_ms - self._clock.elapsed()
        if left_ms <= 0:
            self.expire()
            return
        seconds = (left_ms + 999) // 1000
        if seconds != self._seconds:
            self._seconds = seconds
            self._show_seconds()

    def _show_seconds(self) -> None:
        self.countdown_label.setText(self._message.format(self._seconds))

    def _dismiss(self) -> None:
        self.stop()
        self.dismissed.emit()
