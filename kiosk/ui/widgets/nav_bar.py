"""The bar that is always there: Home · Previous · Next · Text size · Contact."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QWidget

from kiosk.theme import TEXT_SIZE_STEPS, Metrics
from kiosk.ui.widgets.touch_button import TouchButton
from kiosk.ui_text import UiText

FILLED_DOT = "●"
EMPTY_DOT = "○"


def text_size_marks(step: int) -> str:
    return FILLED_DOT * (step + 1) + EMPTY_DOT * (TEXT_SIZE_STEPS - step - 1)


class NavBar(QWidget):
    home_clicked = Signal()
    previous_clicked = Signal()
    next_clicked = Signal()
    text_size_clicked = Signal()
    contact_clicked = Signal()

    def __init__(self, text: UiText, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NavBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._text = text
        self.home_button = TouchButton(text.home)
        self.previous_button = TouchButton(text.previous)
        self.next_button = TouchButton(text.next)
        self.text_size_button = TouchButton(text.text_size)
        self.contact_button = TouchButton(text.contact)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(metrics.spacing, metrics.px(14), metrics.spacing, metrics.px(14))
        layout.setSpacing(metrics.spacing)
        for button in self.buttons:
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            layout.addWidget(button)
        self.home_button.clicked.connect(self.home_clicked)
        self.previous_button.clicked.connect(self.previous_clicked)
        self.next_button.clicked.connect(self.next_clicked)
        self.text_size_button.clicked.connect(self.text_size_clicked)
        self.contact_button.clicked.connect(self.contact_clicked)
        self.show_text_step(0)

    @property
    def buttons(self) -> tuple[TouchButton, ...]:
        return (
            self.home_button,
            self.previous_button,
            self.next_button,
            self.text_size_button,
            self.contact_button,
        )

    def show_text_step(self, step: int) -> None:
        self.text_size_button.setText(f"{self._text.text_size} {text_size_marks(step)}")
        self.text_size_button.setAccessibleName(
            f"{self._text.text_size} {step + 1} / {TEXT_SIZE_STEPS}"
        )

    def set_available(self, *, home: bool, previous: bool, next_: bool, contact: bool) -> None:
        self.home_button.setEnabled(home)
        self.previous_button.setEnabled(previous)
        self.next_button.setEnabled(next_)
        self.contact_button.setEnabled(contact)
