"""Kinetic (flick) scrolling for a scroll area, plus left/right swipes, from finger or mouse drags.

The scroller is fed by hand rather than through QScroller.grabGesture: the gesture machinery
consumes the press before anyone else sees it, and a swipe must be told apart from a scroll.
Touchscreens deliver synthesised mouse events to widgets that do not ask for touch events.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractScrollArea, QScroller, QScrollerProperties

# A swipe must travel at least this share of the view's width, mostly sideways.
SWIPE_WIDTH_SHARE = 0.18
SWIPE_SIDEWAYS_RATIO = 2.0


class KineticScroll(QObject):
    # +1: the finger moved right-to-left (show the next section); -1: left-to-right (previous).
    swiped = Signal(int)

    def __init__(self, area: QAbstractScrollArea, min_swipe_px: int) -> None:
        super().__init__(area)
        self._viewport = area.viewport()
        self._min_swipe_px = min_swipe_px
        self._press_position: QPointF | None = None
        self._scroller = QScroller.scroller(self._viewport)
        properties = self._scroller.scrollerProperties()
        properties.setScrollMetric(
            QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy,
            QScrollerProperties.OvershootPolicy.OvershootAlwaysOff,
        )
        self._scroller.setScrollerProperties(properties)
        self._viewport.installEventFilter(self)

    def stop(self) -> None:
        self._scroller.stop()
        self._press_position = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            assert isinstance(event, QMouseEvent)
            if event.button() != Qt.MouseButton.LeftButton:
                return True
            self._press_position = event.position()
            self._feed(QScroller.Input.InputPress, event)
            return True
        if kind == QEvent.Type.MouseMove and self._press_position is not None:
            assert isinstance(event, QMouseEvent)
            self._feed(QScroller.Input.InputMove, event)
            return True
        if kind == QEvent.Type.MouseButtonRelease and self._press_position is not None:
            assert isinstance(event, QMouseEvent)
            self._feed(QScroller.Input.InputRelease, event)
            self._finish_gesture(event.position())
            return True
        return False

    def _feed(self, kind: QScroller.Input, event: QMouseEvent) -> None:
        self._scroller.handleInput(kind, event.position(), event.timestamp())

    def _finish_gesture(self, release_position: QPointF) -> None:
        assert self._press_position is not None
        moved = release_position - self._press_position
        self._press_position = None
        direction = swipe_direction(moved, self._viewport.width(), self._min_swipe_px)
        if direction:
            self._scroller.stop()
            self.swiped.emit(direction)


def swipe_direction(moved: QPointF, width: int, min_swipe_px: int) -> int:
    """+1 for a swipe to the next page (right-to-left), -1 for the previous, 0 for no swipe:
    far enough for `width` and mostly sideways."""
    distance = max(min_swipe_px, round(width * SWIPE_WIDTH_SHARE))
    if abs(moved.x()) >= distance and abs(moved.x()) >= SWIPE_SIDEWAYS_RATIO * abs(moved.y()):
        return 1 if moved.x() < 0 else -1
    return 0
