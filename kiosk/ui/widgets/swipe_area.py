"""Swipes anywhere on a screen that is not a control: its background, titles, a picture's
panel and canvas. Watches without taking anything: a tap still reaches what it lands on."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractButton, QScrollBar, QWidget

from kiosk.ui.widgets.kinetic_scroll import swipe_direction

# Controls keep their own drags: a scrollbar's thumb, a button pressed and slid off.
CONTROLS = (QAbstractButton, QScrollBar)


class SwipeArea(QObject):
    # +1: the finger moved right-to-left (the next page); -1: left-to-right (the previous one).
    swiped = Signal(int)

    def __init__(self, screen: QWidget, min_swipe_px: int) -> None:
        super().__init__(screen)
        self._screen = screen
        self._min_swipe_px = min_swipe_px
        self._pressed_at: QPointF | None = None

    def watch(self, root: QWidget, *, skip: tuple[QWidget, ...] = ()) -> None:
        """Watches `root` and everything in it, except controls and the widgets in `skip` (and
        what they hold); call again for widgets added later (Qt installs a filter once)."""
        for widget in (root, *root.findChildren(QWidget)):
            if isinstance(widget, CONTROLS) or any(
                widget is other or other.isAncestorOf(widget) for other in skip
            ):
                continue
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress:
            assert isinstance(event, QMouseEvent)
            if event.button() == Qt.MouseButton.LeftButton:
                self._pressed_at = event.globalPosition()
        elif kind == QEvent.Type.MouseButtonRelease and self._pressed_at is not None:
            assert isinstance(event, QMouseEvent)
            # The release also climbs to the parents that watch; the first one decides.
            moved = event.globalPosition() - self._pressed_at
            self._pressed_at = None
            direction = swipe_direction(moved, self._screen.width(), self._min_swipe_px)
            if direction:
                self.swiped.emit(direction)
        return False
