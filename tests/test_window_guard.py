"""Another program cannot hide the kiosk for good (issue 14, case 9): minimised, taken out of
full screen, resized, hidden or destroyed, the window is back full screen within a second and
the log says what happened. Offscreen here (the state changes Qt reports); the same on a real
X server in tests/test_window_guard_x11.py."""

from __future__ import annotations

import logging
from collections.abc import Callable

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from kiosk.ui.app import show
from kiosk.ui.window_guard import RESTORE_DELAY_MS, WindowGuard

# The offscreen platform cannot raise a window or pass on size hints, and says so; an X server can.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def full_screen(make_kiosk, qtbot):  # type: ignore[no-untyped-def]
    """The kiosk window shown as the real kiosk shows it (kiosk.ui.app.show), full screen."""
    screen = QGuiApplication.primaryScreen().geometry()
    controller = make_kiosk(size=(screen.width(), screen.height()))
    window = controller.window
    window.setMinimumSize(0, 0)  # make_kiosk fixes the size; a real kiosk window is not fixed
    window.setMaximumSize(16777215, 16777215)
    show(window, controller.config, fullscreen=True)
    qtbot.waitExposed(window)
    return window, screen


@pytest.fixture
def guarded(full_screen):  # type: ignore[no-untyped-def]
    window, screen = full_screen
    return window, WindowGuard(window, lambda: QRect(screen)), screen


def minimise(window: QWidget) -> None:
    window.showMinimized()


def leave_full_screen(window: QWidget) -> None:
    window.showNormal()


def resize(window: QWidget) -> None:
    window.resize(600, 400)


def hide(window: QWidget) -> None:
    window.hide()


@pytest.mark.parametrize(
    ("meddle", "logged"),
    [
        (minimise, "minimised"),
        (leave_full_screen, "taken out of full screen"),
        # Offscreen, a resize also ends the full-screen state; under X11 it is "resized to WxH".
        (resize, "taken out of full screen"),
        (hide, "hidden"),
    ],
)
def test_the_window_is_put_back_full_screen_within_a_second(  # type: ignore[no-untyped-def]
    guarded, qtbot, caplog: pytest.LogCaptureFixture, meddle: Callable[[QWidget], None], logged: str
) -> None:
    window, guard, screen = guarded
    assert guard.what_happened() is None
    assert RESTORE_DELAY_MS < 1000
    meddle(window)
    qtbot.waitUntil(lambda: guard.what_happened() is None, timeout=1000)
    assert window.isVisible()
    assert window.isFullScreen()
    assert window.geometry() == screen
    assert logged in caplog.text
    assert "by another program; restoring it" in caplog.text


def test_a_window_left_alone_is_left_alone(guarded, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, guard, _ = guarded
    window.update()
    with qtbot.assertNotEmitted(guard.restored, wait=RESTORE_DELAY_MS * 2):
        window.repaint()


def test_a_starting_window_put_out_of_full_screen_is_the_compositors_doing(  # type: ignore[no-untyped-def]
    full_screen, qtbot, caplog: pytest.LogCaptureFixture
) -> None:
    """cage takes a new window out of full screen state about a second after its first paint:
    as the kiosk starts that is put right and logged, not warned of as another program's."""
    caplog.set_level(logging.INFO, logger="kiosk.ui.window_guard")
    window, screen = full_screen
    guard = WindowGuard(window, lambda: QRect(screen), starting_for_ms=60_000)
    window.showNormal()  # its size stays the screen's, as under cage
    assert window.geometry() == screen
    qtbot.waitUntil(lambda: guard.what_happened() is None, timeout=1000)
    assert "taken out of full screen as it starts; putting it back" in caplog.text
    assert "by another program" not in caplog.text
