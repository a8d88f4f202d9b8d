"""The bar that is always there: Home · Previous · Next · Text size · Display · Contact, and
Language when the content has more than one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QWidget

from kiosk.navigation import NavButtons
from kiosk.theme import BAR_TEXT_STEPS, Metrics
from kiosk.ui.widgets.touch_button import TouchButton
from kiosk.ui_text import UiText

FILLED_DOT = "●"
EMPTY_DOT = "○"
EXTRA = "+"


def text_size_marks(step: int) -> str:
    """Three dots for the bar's three steps; the Display panel's extra-large step adds a plus."""
    if step >= BAR_TEXT_STEPS:
        return FILLED_DOT * BAR_TEXT_STEPS + EXTRA
    return FILLED_DOT * (step + 1) + EMPTY_DOT * (BAR_TEXT_STEPS - step - 1)


class NavBar(QWidget):
    home_clicked = Signal()
    previous_clicked = Signal()
    next_clicked = Signal()
    text_size_clicked = Signal()
    display_clicked = Signal()
    contact_clicked = Signal()
    language_clicked = Signal()

    def __init__(self, text: UiText, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NavBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._text = text
        self._step = 0
        self._short = False  # the short wordings of Text size and Display, where the full don't fit
        self.home_button = TouchButton(text.home)
        self.previous_button = TouchButton(text.previous)
        self.next_button = TouchButton(text.next)
        self.text_size_button = TouchButton(text.text_size)
        self.display_button = TouchButton(text.display_options)
        self.contact_button = TouchButton(text.contact)
        # Parented now: shown later, a button outside any layout would become a window of its own.
        self.language_button = TouchButton("", self)
        self.language_button.hide()
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(
            metrics.spacing, metrics.px(14), metrics.spacing, metrics.px(14)
        )
        self._grid.setSpacing(metrics.spacing)
        self._arrangement = (0, 0)
        for button in self.buttons:
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.home_button.clicked.connect(self.home_clicked)
        self.previous_button.clicked.connect(self.previous_clicked)
        self.next_button.clicked.connect(self.next_clicked)
        self.text_size_button.clicked.connect(self.text_size_clicked)
        self.display_button.clicked.connect(self.display_clicked)
        self.contact_button.clicked.connect(self.contact_clicked)
        self.language_button.clicked.connect(self.language_clicked)
        self._arrange(1)
        self.show_text_step(0)

    @property
    def buttons(self) -> tuple[TouchButton, ...]:
        return (
            self.home_button,
            self.previous_button,
            self.next_button,
            self.text_size_button,
            self.display_button,
            self.contact_button,
            self.language_button,
        )

    def set_text(self, text: UiText) -> None:
        """Relabels the bar for another language."""
        self._text = text
        for button, label in (
            (self.home_button, text.home),
            (self.previous_button, text.previous),
            (self.next_button, text.next),
            (self.contact_button, text.contact),
        ):
            button.set_label(label)
        self._label_wordings()
        self.fit()

    def offer_language(self, name: str | None) -> None:
        """Shows the button that switches to the language called `name` (in that language)."""
        self.language_button.setVisible(name is not None)
        if name is not None:
            self.language_button.set_label(name)
        self.fit()

    def show_text_step(self, step: int) -> None:
        self._step = step
        self._label_wordings()
        self.fit()  # "●●●+" is longer

    def _label_wordings(self) -> None:
        """Text size and Display in the wording that fits; their accessible names always in full."""
        text = self._text
        size = text.text_size_short if self._short else text.text_size
        self.text_size_button.setText(f"{size} {text_size_marks(self._step)}")
        self.text_size_button.setAccessibleName(f"{text.text_size} {self._step + 1}")
        self.display_button.setText(
            text.display_options_short if self._short else text.display_options
        )
        self.display_button.setAccessibleName(text.display_options)

    def set_available(self, buttons: NavButtons) -> None:
        self.home_button.setEnabled(buttons.home)
        self.previous_button.setEnabled(buttons.previous)
        self.next_button.setEnabled(buttons.next)
        self.contact_button.setEnabled(buttons.contact)

    def _shown(self) -> list[TouchButton]:
        return [
            button
            for button in self.buttons
            if button is not self.language_button or not button.isHidden()
        ]

    def _arrange(self, rows: int) -> None:
        shown = self._shown()
        if (rows, len(shown)) == self._arrangement:
            return
        self._arrangement = (rows, len(shown))
        for button in self.buttons:
            self._grid.removeWidget(button)
        per_row = -(-len(shown) // rows)
        for index, button in enumerate(shown):
            self._grid.addWidget(button, index // per_row, index % per_row)
            # Screen readers take children in creation order; raising puts each at the end, so
            # they read the bar as it is shown (the language button, made first, comes last).
            button.raise_()

    def fit(self) -> None:
        """As few rows as fit every label at its natural width: one on a wide screen, more on
        a narrow one or at a large text size; in each, the full wordings of Text size and
        Display where they fit, else the short ones. A row costs the page more than a longer
        word helps, so the short wordings in one row come before the full ones in two."""
        count = len(self._shown())
        for rows, short in (
            (rows, short) for rows in range(1, count + 1) for short in (False, True)
        ):
            if short != self._short:
                self._short = short
                self._label_wordings()
            if self._fits(rows):
                break
        self._arrange(rows)

    def _fits(self, rows: int) -> bool:
        """Whether every shown label fits at its natural width with the buttons in `rows` rows
        (a grid: each column as wide as its widest button)."""
        shown = self._shown()
        per_row = -(-len(shown) // rows)
        columns = [0] * per_row
        for index, button in enumerate(shown):
            columns[index % per_row] = max(columns[index % per_row], button.sizeHint().width())
        margins = self._grid.contentsMargins()
        spacing = self._grid.spacing() * (per_row - 1)
        # The bar spans its window: while hidden (the attract screen) its own width is stale.
        parent = self.parentWidget()
        width = parent.width() if parent is not None else self.width()
        return sum(columns) + spacing + margins.left() + margins.right() <= width

    def showEvent(self, event: QShowEvent) -> None:
        # Hidden, the bar missed its window's resizes.
        self.fit()
        super().showEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()
