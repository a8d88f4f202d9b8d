"""The hidden way in for staff: press and hold the window's top-left corner.

Watches touches without taking them: a short tap in the corner reaches whatever is there, as usual.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QWidget

from kiosk.ui.app_filter import ApplicationFilter


class CornerHold(ApplicationFilter):
    """Watches from `start()` to `stop()`."""

    held = Signal()

    def __init__(self, window: QWidget, corner_px: int, hold_s: int) -> None:
        super().__init__(window)
        self._window = window
        self._corner_px = corner_px
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.held)
        self.set_hold_seconds(hold_s)

    @property
    def timer(self) -> QTimer:
        return self._timer

    def set_hold_seconds(self, seconds: int) -> None:
        self._timer.setInterval(seconds * 1000)

    def _in_corner(self, event: QMouseEvent) -> bool:
        point = self._window.mapFromGlobal(event.globalPosition().toPoint())
        return QRect(QPoint(0, 0), QPoint(self._corner_px, self._corner_px)).contains(point)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QMouseEvent):
            return False
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress:
            if self._in_corner(event):
                self._timer.start()
            else:
                self._timer.stop()
        elif kind == QEvent.Type.MouseButtonRelease or (
            kind == QEvent.Type.MouseMove and not self._in_corner(event)
        ):
            self._timer.stop()
        return False
