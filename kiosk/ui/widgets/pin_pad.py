"""An on-screen keypad for the staff PIN: digits only, masked, large keys, closes itself when left."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QBoxLayout, QFrame, QGridLayout, QVBoxLayout

from kiosk.pin import PIN_FORM
from kiosk.theme import Metrics
from kiosk.ui.style import grows_with_text
from kiosk.ui.widgets.labels import text_label
from kiosk.ui.widgets.touch_button import TouchButton

MAX_DIGITS = 8
MASK = "●"
IDLE_CLOSE_MS = 30_000
ERASE = "⌫"
ENTER = "OK"


class PinPad(QFrame):
    submitted = Signal(str)
    cancelled = Signal()

    def __init__(self, metrics: Metrics, *, title: str, cancel: str) -> None:
        super().__init__()
        self.setObjectName("OverlayCard")
        self._digits = ""
        self._idle_timer = QTimer(self)
        self._idle_timer.setSingleShot(True)
        self._idle_timer.setInterval(IDLE_CLOSE_MS)
        self._idle_timer.timeout.connect(self.cancelled)
        self.title_label = text_label(title, "StaffTitle")
        self.display = text_label("", "PinDisplay", wrap=False)
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.display.setMinimumWidth(metrics.px(480))
        self.message_label = text_label("", "PinMessage")
        self.keys: dict[str, TouchButton] = {}
        grid = QGridLayout()
        grid.setSpacing(metrics.px(16))
        labels = ["1", "2", "3", "4", "5", "6", "7", "8", "9", ERASE, "0", ENTER]
        for index, label in enumerate(labels):
            key = grows_with_text(TouchButton(label))
            key.setMinimumSize(
                round(metrics.touch_target * 1.25), round(metrics.touch_target * 1.1)
            )
            key.clicked.connect(lambda _checked=False, label=label: self._press(label))
            grid.addWidget(key, index // 3, index % 3)
            self.keys[label] = key
        self.keys[ERASE].setAccessibleName("Erase")
        self.cancel_button = grows_with_text(TouchButton(cancel))
        self.cancel_button.clicked.connect(self.cancelled)
        self._words = QVBoxLayout()
        self._words.setSpacing(metrics.spacing)
        self._words.addWidget(self.title_label)
        self._words.addWidget(self.display)
        self._words.addWidget(self.message_label)
        # Beside the keys, Cancel goes to the foot of the words.
        self._words.addStretch(1)
        self._layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self._layout.setContentsMargins(
            metrics.margin, metrics.margin, metrics.margin, metrics.margin
        )
        self._layout.setSpacing(metrics.spacing)
        self._layout.addLayout(self._words)
        self._layout.addLayout(grid)
        self._layout.addWidget(self.cancel_button)

    def arrange_for(self, room: QSize) -> None:
        """Words, keys and Cancel one under another; beside the keys where that is taller
        than `room` (a 10" 1280×800 panel: four rows of 20 mm keys, Cancel and the words need
        ~1000 px of its 800)."""
        self._place(beside=False)
        if self._layout.totalMinimumSize().height() > room.height():
            self._place(beside=True)

    def _place(self, *, beside: bool) -> None:
        self._layout.removeWidget(self.cancel_button)
        self._words.removeWidget(self.cancel_button)
        if beside:
            self._layout.setDirection(QBoxLayout.Direction.LeftToRight)
            self._words.addWidget(self.cancel_button)
        else:
            self._layout.setDirection(QBoxLayout.Direction.TopToBottom)
            self._layout.addWidget(self.cancel_button)
        self._layout.invalidate()

    @property
    def idle_timer(self) -> QTimer:
        return self._idle_timer

    def open(self, message: str = "") -> None:
        self._digits = ""
        self._refresh()
        self.show_message(message)
        self._idle_timer.start()

    def close_pad(self) -> None:
        self._digits = ""
        self._idle_timer.stop()

    def show_message(self, message: str) -> None:
        self.message_label.setText(message)

    def set_locked(self, locked: bool) -> None:
        for key in self.keys.values():
            key.setEnabled(not locked)

    def _press(self, label: str) -> None:
        self._idle_timer.start()
        if label == ERASE:
            self._digits = self._digits[:-1]
        elif label == ENTER:
            if PIN_FORM.match(self._digits):
                entered, self._digits = self._digits, ""
                self._refresh()
                self.submitted.emit(entered)
                return
        elif len(self._digits) < MAX_DIGITS:
            self._digits += label
        self._refresh()

    def _refresh(self) -> None:
        self.display.setText(MASK * len(self._digits) or " ")
        self.display.setAccessibleName(f"{len(self._digits)} digits entered")
        self.keys[ENTER].setEnabled(
            bool(PIN_FORM.match(self._digits)) and self.keys["0"].isEnabled()
        )
