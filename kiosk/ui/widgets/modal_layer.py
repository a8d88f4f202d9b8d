"""A dimmed layer over the whole window holding one card; nothing beneath it can be touched."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QColor, QHideEvent, QMouseEvent, QPainter, QPaintEvent, QShowEvent
from PySide6.QtWidgets import QLayout, QVBoxLayout, QWidget

from kiosk.theme import Metrics
from kiosk.ui.style import Look, show_look

SCRIM = QColor(20, 28, 32, 170)


class ModalLayer(QWidget):
    # A tap on the dimmed part, when the layer allows it.
    tapped_outside = Signal()

    def __init__(
        self,
        window: QWidget,
        card: QWidget,
        metrics: Metrics,
        *,
        max_width: int,
        arrange: Callable[[QSize], None] | None = None,
    ) -> None:
        """`arrange`, if given, lays the card out for the room it has (the window less the
        layer's margins) before the card is sized."""
        super().__init__(window)
        self.card = card
        self._arrange = arrange
        self._max_width = max_width
        self._margin = metrics.margin
        self._look = Look()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(self._margin, self._margin, self._margin, self._margin)
        layout.addStretch(1)
        layout.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.hide()

    def present(self) -> None:
        parent = self.parentWidget()
        assert parent is not None
        show_look(self.card, self._look)
        self._fit(parent)
        self.show()
        self.raise_()

    def set_look(self, look: Look) -> None:
        """The patient's theme and text size for the card: now if it shows (chosen in the
        Display panel itself), else when it is next presented."""
        self._look = look
        parent = self.parentWidget()
        if parent is not None and self.isVisible():
            show_look(self.card, look)
            self._fit(parent)

    def _fit(self, parent: QWidget) -> None:
        # Centring uses the card's size hint, which ignores how wrapped text grows when narrow:
        # fix the width, then ask the card's layout for the height that width needs.
        room = parent.width() - 2 * self._margin
        if self._arrange is not None:
            self._arrange(QSize(room, parent.height() - 2 * self._margin))
        # Fonts come from the stylesheet, which reaches a widget only when it is polished.
        for widget in (self.card, *self.card.findChildren(QWidget)):
            widget.ensurePolished()
        # No narrower than the card's layout allows (the PIN pad's words beside its keys).
        least = self.card.minimumSizeHint().width()
        self._set_width(min(max(self._max_width, least), room))
        if self.card.height() > parent.height() - 2 * self._margin:
            # A low screen at a large text size (a 10" 1280×800 panel, whose 4.8 mm words are
            # 43-80 px): the card takes the screen's width, so its words take fewer lines.
            self._set_width(room)
        self.setGeometry(parent.rect())

    def _set_width(self, width: int) -> None:
        self.card.setFixedWidth(width)
        layout = self.card.layout()
        # A layout keeps the heights it measured for a width until the event loop tells it
        # words changed: text made larger under an open card must be measured anew.
        for nested in self.card.findChildren(QLayout):
            nested.invalidate()
        if layout is not None and layout.hasHeightForWidth():
            # The card's border (from the stylesheet) narrows what its layout gets.
            frame_width = width - self.card.contentsRect().width()
            frame_height = self.card.height() - self.card.contentsRect().height()
            self.card.setFixedHeight(layout.heightForWidth(width - frame_width) + frame_height)

    # The window is watched for resizes only while the layer shows: a filter on the window
    # runs for every event it gets, sixty a second while a picture moves.
    def showEvent(self, event: QShowEvent) -> None:
        parent = self.parentWidget()
        if parent is not None:
            parent.installEventFilter(self)
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        parent = self.parentWidget()
        if parent is not None:
            parent.removeEventFilter(self)
        super().hideEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        QPainter(self).fillRect(self.rect(), SCRIM)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()  # nothing beneath the layer may see this touch

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()
        self.tapped_outside.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self._fit(watched)
        return False
