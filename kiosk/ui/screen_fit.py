"""The full-screen window is the screen: it takes the screen's geometry when shown and again
whenever the output is rotated or resized, and a preview gets a virtual screen of its size.

Nothing here forces a size on the window's contents: the layouts must fit whatever the screen
offers (tests/test_screens.py checks that on real full-screen windows).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from PySide6.QtCore import QObject, QRect, QSize, Signal
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

# Qt's offscreen platform takes its screens from a JSON file (Qt >= 6.5); 96 dpi is what it
# assumes without one. Its physical size is always 0.254 mm a pixel (100 dpi).
VIRTUAL_SCREEN_DPI = 96


def virtual_screen_platform(size: QSize | tuple[int, int], folder: Path) -> str:
    """The QT_QPA_PLATFORM value for an offscreen screen of `size`, its file written in `folder`."""
    width, height = (size.width(), size.height()) if isinstance(size, QSize) else size
    config = folder / f"screen-{width}x{height}.json"
    screen = {
        "name": f"virtual-{width}x{height}",
        "x": 0,
        "y": 0,
        "width": width,
        "height": height,
        "logicalDpi": VIRTUAL_SCREEN_DPI,
        "logicalBaseDpi": VIRTUAL_SCREEN_DPI,
        "dpr": 1,
    }
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    return f"offscreen:configfile={config}"


class FollowScreen(QObject):
    """Keeps a full-screen window equal to its screen when the compositor rotates or resizes
    the output, or moves the window to another one.

    A turn keeps the window's sizes: they come from the screen's short side and its glass,
    which a turn leaves as they were (tests/test_screen_rotation.py checks the layouts after
    turns). Any other size asks for sizes laid out anew: `needs_new_layout` says so (seen on
    Xephyr: 1920x1080 resized to 1024x768 kept the 1080p sizes and cut a section's title).
    """

    needs_new_layout = Signal(QSize)

    def __init__(self, window: QWidget, screen: QScreen, laid_out_for: QSize) -> None:
        super().__init__(window)
        self._window = window
        self._laid_out_for = laid_out_for
        self._screen: QScreen | None = None
        self.follow(screen)
        handle = window.windowHandle()
        if handle is not None:
            handle.screenChanged.connect(self.follow)

    def follow(self, screen: QScreen | None) -> None:
        if screen is None or screen is self._screen:
            return
        if self._screen is not None:
            self._screen.geometryChanged.disconnect(self._fit)
        self._screen = screen
        screen.geometryChanged.connect(self._fit)
        self._fit(screen.geometry())

    @property
    def laid_out_for(self) -> QSize:
        return QSize(self._laid_out_for)

    def is_turn_of_layout(self, size: QSize) -> bool:
        """Whether the window's sizes suit a screen of `size`: the size they were laid out for,
        upright or turned."""
        return size in (self._laid_out_for, self._laid_out_for.transposed())

    def _fit(self, geometry: QRect) -> None:
        if self._window.geometry() != geometry:
            log.info(
                "screen %s is now %dx%d; the window follows",
                self._screen.name() if self._screen else "?",
                geometry.width(),
                geometry.height(),
            )
        self._window.setGeometry(geometry)
        if self._window.isVisible():
            self._window.showFullScreen()
        # An empty geometry is an output going away or not yet set up, not a size to lay out.
        if not geometry.isEmpty() and not self.is_turn_of_layout(geometry.size()):
            self.needs_new_layout.emit(geometry.size())
