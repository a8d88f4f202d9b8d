"""Shown instead of an empty or broken kiosk when no section of the content can be shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.theme import Metrics
from kiosk.ui.style import grows_with_text
from kiosk.ui.widgets.labels import text_label
from kiosk.ui_text import UiText


class UpdatingScreen(QWidget):
    def __init__(self, text: UiText, metrics: Metrics) -> None:
        super().__init__()
        self.setObjectName("Screen")
        self.message_label = grows_with_text(text_label(text.updating, "Notice"))
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(
            metrics.margin * 2, metrics.margin, metrics.margin * 2, metrics.margin
        )
        layout.addWidget(self.message_label)
