"""Keeps the full-screen kiosk window full screen and on the glass when another program on an X11
display minimises it, takes it out of full screen, resizes, hides or destroys it.

cage (the package's Wayland compositor) lets no client do any of that; under X11 any program
can (`xdotool windowminimize`, `wmctrl -b remove,fullscreen`, XDestroyWindow). Qt reports each
as an event on the window or its native window: a state change, a resize, a hide, an expose
event that leaves it unexposed (unmapped, iconified, or its X window destroyed). A short timer
gathers the burst, and the window is put back within RESTORE_DELAY_MS. An unexposed window gets
a new native window, because a destroyed X window cannot be shown again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

# Well within the one second a patient might notice; long enough for a WM's burst to settle.
RESTORE_DELAY_MS = 250
# cage (Xwayland) takes a new window out of full screen state ~1 s after it is first painted,
# while it still fills the output: on a starting kiosk that is the compositor's way, not
# another program's. The window is put back either way; only the log's words differ.
STARTING_MS = 5000
OUT_OF_FULL_SCREEN = "taken out of full screen"
WATCHED_EVENTS = frozenset(
    {
        QEvent.Type.WindowStateChange,
        QEvent.Type.Resize,
        QEvent.Type.Move,
        QEvent.Type.Hide,
        QEvent.Type.Expose,
    }
)
HIDDEN = "hidden"
NOT_EXPOSED = "unmapped, minimised or destroyed"


class WindowGuard(QObject):
    restored = Signal(str)  # what had happened to the window

    def __init__(
        self, window: QWidget, screen_geometry: Callable[[], QRect], *, starting_for_ms: int = 0
    ) -> None:
        """`starting_for_ms`: for this long the window is starting, and a compositor taking it
        out of full screen state while it still fills its screen is logged as the start's."""
        super().__init__(window)
        self._window = window
        self._screen_geometry = screen_geometry
        self._handle: QObject | None = None
        # True from a restore until the next check, which may see the restore's own aftermath.
        self._settling = False
        self._waited = False
        self._starting_for_ms = starting_for_ms
        self._age = QElapsedTimer()
        self._age.start()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(RESTORE_DELAY_MS)
        self.timer.timeout.connect(self.check)
        window.installEventFilter(self)
        self._watch_handle()

    def _watch_handle(self) -> None:
        """The native window (QWindow) gets the expose events; a new one after each re-creation."""
        handle = self._window.windowHandle()
        if handle is not None and handle is not self._handle:
            handle.installEventFilter(self)
            self._handle = handle

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in WATCHED_EVENTS and not self.timer.isActive():
            self.timer.start()
        return False

    def what_happened(self) -> str | None:
        """What keeps the window from filling its screen, or None when it does."""
        window = self._window
        handle = window.windowHandle()
        if not window.isVisible():
            return HIDDEN
        if handle is None or not handle.isExposed():
            return NOT_EXPOSED
        if window.isMinimized():
            return "minimised"
        if not window.isFullScreen():
            return OUT_OF_FULL_SCREEN
        geometry, screen = window.geometry(), self._screen_geometry()
        if geometry != screen:
            return f"moved or resized to {geometry.width()}x{geometry.height()}"
        return None

    def check(self) -> None:
        happened = self.what_happened()
        settling, self._settling = self._settling, False
        if happened is None:
            return
        if settling and happened == NOT_EXPOSED and not self._waited:
            # A window just restored may wait a moment for the X server to expose it again.
            self._waited = self._settling = True
            self.timer.start()
            return
        self._waited = False
        if settling:
            log.info("the kiosk window was %s while it was being restored; again", happened)
        elif self._compositor_settling(happened):
            log.info("the kiosk window is %s as it starts; putting it back", happened)
        else:
            log.warning("the kiosk window was %s by another program; restoring it", happened)
        self.restore(recreate=happened in (HIDDEN, NOT_EXPOSED))
        self.restored.emit(happened)

    def _compositor_settling(self, happened: str) -> bool:
        """A starting window out of full screen state that still fills its screen."""
        return (
            happened == OUT_OF_FULL_SCREEN
            and not self._age.hasExpired(self._starting_for_ms)
            and self._window.geometry() == self._screen_geometry()
        )

    def restore(self, *, recreate: bool) -> None:
        window = self._window
        if recreate:
            # A new native window: the old one may no longer exist on the X server.
            window.hide()
            window.destroy(True, True)
        window.setGeometry(self._screen_geometry())
        window.setWindowState(Qt.WindowState.WindowFullScreen)
        window.showFullScreen()
        window.raise_()
        window.activateWindow()
        self._watch_handle()
        self._settling = True
