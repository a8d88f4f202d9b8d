"""Contact: the clinic's name and phone number in large type, and the article's closing words."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.contact import ClinicDetails
from kiosk.theme import Metrics
from kiosk.ui.widgets.labels import text_label
from kiosk.ui.widgets.touch_button import TouchButton
from kiosk.ui_text import UiText


class ContactScreen(QWidget):
    back_requested = Signal()

    def __init__(self, clinic: ClinicDetails, closing_html: str, text: UiText, metrics: Metrics) -> None:
        super().__init__()
        self.setObjectName("Screen")
        self._metrics = metrics
        self.title_label = text_label(text.contact_title, "PageTitle")
        self.name_label = text_label(clinic.name, "ClinicName")
        self.phone_label = text_label(clinic.phone, "PhoneNumber", wrap=False)
        self.phone_label.setVisible(bool(clinic.phone))
        self.closing_label = QLabel(closing_html)
        self.closing_label.setObjectName("ClosingWords")
        self.closing_label.setTextFormat(Qt.TextFormat.RichText)
        self.closing_label.setWordWrap(True)
        self.closing_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.closing_label.setOpenExternalLinks(False)
        self.closing_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.back_button = TouchButton(text.back)
        self.back_button.clicked.connect(self.back_requested)

        details = QVBoxLayout()
        details.setSpacing(metrics.spacing)
        details.addWidget(self.name_label)
        details.addWidget(self.phone_label)
        details.addWidget(self.closing_label, 1)
        columns = QHBoxLayout()
        columns.setSpacing(metrics.margin)
        columns.addLayout(details, 1)
        header = QHBoxLayout()
        header.addWidget(self.title_label, 1)
        header.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(metrics.margin, metrics.margin, metrics.margin, metrics.spacing)
        layout.setSpacing(metrics.spacing)
        layout.addLayout(header)
        layout.addLayout(columns, 1)
        self.set_text_step(0)

    def set_text_step(self, step: int) -> None:
        body_px = self._metrics.body_px(step)
        self.closing_label.setStyleSheet(f"font-size: {body_px}px;")
