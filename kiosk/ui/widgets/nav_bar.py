"""The bar that is always there: Home · Previous · Next · Text size · Display · Contact, and
Language when the content has more than one."""

from __future__ import annotations

from itertools import combinations, pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.navigation import NavButtons
from kiosk.theme import BAR_TEXT_STEPS, MIN_GAP_MM, Metrics
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
        self._column = QVBoxLayout(self)
        # Above the bar a page may scroll a tile or button right to its edge: the bar's own
        # margin keeps DESIGN.md's 2 mm between them (px(14) is 10 px on a 10" 1280×800 panel,
        # 1.7 mm).
        edge = max(metrics.px(14), metrics.mm(MIN_GAP_MM))
        self._column.setContentsMargins(metrics.spacing, edge, metrics.spacing, edge)
        self._column.setSpacing(metrics.spacing)
        self._rows: list[QHBoxLayout] = []
        self._arrangement: tuple[int, ...] = ()
        for button in self.buttons:
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.home_button.clicked.connect(self.home_clicked)
        self.previous_button.clicked.connect(self.previous_clicked)
        self.next_button.clicked.connect(self.next_clicked)
        self.text_size_button.clicked.connect(self.text_size_clicked)
        self.display_button.clicked.connect(self.display_clicked)
        self.contact_button.clicked.connect(self.contact_clicked)
        self.language_button.clicked.connect(self.language_clicked)
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

    def _arrange(self, counts: tuple[int, ...]) -> None:
        shown = self._shown()
        if counts == self._arrangement:
            return
        self._arrangement = counts
        for row in self._rows:
            for button in self.buttons:
                row.removeWidget(button)
            self._column.removeItem(row)
        self._rows = []
        taken = 0
        for count in counts:
            row = QHBoxLayout()
            row.setSpacing(self._column.spacing())
            for button in shown[taken : taken + count]:
                row.addWidget(button)
                # Screen readers take children in creation order; raising puts each at the
                # end, so they read the bar as it is shown (the language button, made first,
                # comes last).
                button.raise_()
            taken += count
            self._column.addLayout(row)
            self._rows.append(row)

    def fit(self) -> None:
        """As few rows as fit every label at its natural width: one on a wide screen, more on
        a narrow one or at a large text size; in each, the full wordings of Text size and
        Display where they fit, else the short ones. A row costs the page more than a longer
        word helps, so the short wordings in one row come before the full ones in two."""
        count = len(self._shown())
        counts: tuple[int, ...] | None = None
        for rows, short in (
            (rows, short) for rows in range(1, count + 1) for short in (False, True)
        ):
            if short != self._short:
                self._short = short
                self._label_wordings()
            counts = self._fitting_rows(rows)
            if counts is not None:
                break
        self._arrange(counts or (1,) * count)

    def _fitting_rows(self, rows: int) -> tuple[int, ...] | None:
        """How many buttons each of `rows` rows takes, in the bar's order, so that every label
        fits at its natural width; the most even split that fits (4 + 3, not 6 + 1), None if
        none does. Each row has its own widths, not a grid's columns: on a 10" panel held
        upright (800 px, 20 mm targets) a grid fits two buttons a row (four rows, 548 px of
        the screen) where rows of their own fit three, two and two (411 px)."""
        shown = self._shown()
        margins = self._column.contentsMargins()
        parent = self.parentWidget()
        # The bar spans its window: while hidden (the attract screen) its own width is stale.
        width = (
            (parent.width() if parent is not None else self.width())
            - margins.left()
            - margins.right()
        )
        widths = [button.sizeHint().width() for button in shown]
        best: tuple[int, ...] | None = None
        for cuts in combinations(range(1, len(shown)), rows - 1):
            edges = (0, *cuts, len(shown))
            counts = tuple(end - begin for begin, end in pairwise(edges))
            fits = all(
                sum(widths[begin:end]) + self._column.spacing() * (end - begin - 1) <= width
                for begin, end in pairwise(edges)
            )
            # Even first; among equals, the fuller rows on top (the bar's first buttons).
            if fits and (
                best is None
                or (max(counts), [-c for c in counts]) < (max(best), [-c for c in best])
            ):
                best = counts
        return best

    def showEvent(self, event: QShowEvent) -> None:
        # Hidden, the bar missed its window's resizes.
        self.fit()
        super().showEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()
