"""Display options for the current patient: high contrast, extra-large text, less motion."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QVBoxLayout

from kiosk.theme import Metrics
from kiosk.ui.style import grows_with_text
from kiosk.ui.widgets.labels import text_label
from kiosk.ui.widgets.touch_button import TouchButton
from kiosk.ui_text import UiText


class DisplayPanel(QFrame):
    high_contrast_toggled = Signal(bool)
    larger_text_toggled = Signal(bool)
    reduced_motion_toggled = Signal(bool)
    done = Signal()

    def __init__(self, text: UiText, metrics: Metrics) -> None:
        super().__init__()
        self.setObjectName("OverlayCard")
        self._text = text
        self.title_label = grows_with_text(text_label(text.display_options, "OverlayTitle"))
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.toggles: dict[str, TouchButton] = {}
        grid = QGridLayout()
        grid.setSpacing(metrics.spacing)
        rows = (
            ("high_contrast", text.high_contrast, self.high_contrast_toggled),
            ("larger_text", text.larger_text, self.larger_text_toggled),
            ("reduced_motion", text.reduced_motion, self.reduced_motion_toggled),
        )
        for row, (name, label, signal) in enumerate(rows):
            grid.addWidget(grows_with_text(text_label(label, "DisplayRow")), row, 0)
            toggle = grows_with_text(TouchButton(text.off))
            toggle.setObjectName("Toggle")
            toggle.setCheckable(True)
            toggle.setMinimumWidth(round(metrics.touch_target * 1.8))
            toggle.toggled.connect(
                lambda checked, toggle=toggle, label=label: self._relabel(toggle, label, checked)
            )
            toggle.toggled.connect(signal)
            self._relabel(toggle, label, False)
            grid.addWidget(toggle, row, 1)
            self.toggles[name] = toggle
        grid.setColumnStretch(0, 1)
        self.done_button = grows_with_text(TouchButton(text.done))
        self.done_button.clicked.connect(self.done)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(metrics.margin, metrics.margin, metrics.margin, metrics.margin)
        layout.setSpacing(metrics.spacing)
        layout.addWidget(self.title_label)
        layout.addLayout(grid)
        layout.addWidget(self.done_button)

    def show_choices(self, *, high_contrast: bool, larger_text: bool, reduced_motion: bool) -> None:
        """Sets the switches to the session's current choices without announcing a change."""
        for name, value in (
            ("high_contrast", high_contrast),
            ("larger_text", larger_text),
            ("reduced_motion", reduced_motion),
        ):
            toggle = self.toggles[name]
            toggle.blockSignals(True)
            toggle.setChecked(value)
            toggle.blockSignals(False)
            self._relabel(toggle, self._row_label(name), value)

    def _row_label(self, name: str) -> str:
        labels = {
            "high_contrast": self._text.high_contrast,
            "larger_text": self._text.larger_text,
            "reduced_motion": self._text.reduced_motion,
        }
        return labels[name]

    def _relabel(self, toggle: TouchButton, label: str, checked: bool) -> None:
        # The state in words, not only in colour; the accessible name says what it switches.
        toggle.setText(self._text.on if checked else self._text.off)
        toggle.setAccessibleName(f"{label}: {self._text.on if checked else self._text.off}")
