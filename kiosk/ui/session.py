"""Notices when nobody has touched the kiosk for a while.

One application-wide event filter sees every touch, tap, drag, key and wheel turn; one single-shot
timer waits for the quiet. Nothing runs while the kiosk is in use or asleep on its attract screen.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QInputEvent, QMouseEvent

from kiosk.config import Config
from kiosk.ui.app_filter import ApplicationFilter

ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
    }
)


class IdleWatch(ApplicationFilter):
    """Watches from `start()` (the application filter) to `stop()`; `arm()` starts the wait."""

    activity = Signal()
    idle = Signal()

    def __init__(self, idle_timeout_s: int) -> None:
        super().__init__()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self._since_touch = QElapsedTimer()
        self._since_touch.start()
        self.set_timeout(idle_timeout_s)

    @property
    def timer(self) -> QTimer:
        return self._timer

    def set_timeout(self, idle_timeout_s: int) -> None:
        self._timer.setInterval(idle_timeout_s * 1000)

    def configure(self, config: Config) -> None:
        self.set_timeout(config.session.idle_timeout_s)

    def stop(self) -> None:
        self._timer.stop()
        super().stop()

    def seconds_since_touch(self) -> int:
        return self._since_touch.elapsed() // 1000

    def arm(self) -> None:
        """Starts (or restarts) waiting for the quiet."""
        self._timer.start()

    def disarm(self) -> None:
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of the application passes here: the cheap class test comes first.
        if not isinstance(event, QInputEvent):
            return False
        kind = event.type()
        # One touch passes here once per widget it propagates through; noting it twice is harmless.
        if kind in ACTIVITY_EVENTS or (kind == QEvent.Type.MouseMove and _is_drag(event)):
            self.note_activity()
        return False

    def note_activity(self) -> None:
        """A patient did something (also told by the keypad, which keeps the keys it uses)."""
        self._since_touch.start()
        if self._timer.isActive():
            self._timer.start()
        self.activity.emit()


def _is_drag(event: QEvent) -> bool:
    return isinstance(event, QMouseEvent) and event.buttons() != Qt.MouseButton.NoButton
