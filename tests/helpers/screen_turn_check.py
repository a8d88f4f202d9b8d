"""Runs the real kiosk, full screen and in kiosk mode, on an X screen (Xephyr) that is turned
after start, and reports as JSON on stdout every state in which, after a turn, the window is
not the screen or the layout inspector finds a fault: what was shown across the turn, then a
section with its picture, the Display panel and home, in each language, everyday and in high
contrast with the largest text. tests/test_screen_rotation.py starts the
X servers; this process turns its screen by resizing Xephyr's window on the outer X server.

    DISPLAY=:XEPHYR QT_QPA_PLATFORM=xcb python tests/helpers/screen_turn_check.py \\
        CONFIG HOST_DISPLAY XEPHYR_WINDOW 1080x1920 1920x1080 ...
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from PySide6.QtCore import QEvent, QEventLoop, QObject, QRect, QSize, QTimer  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from helpers.layout import layout_problems  # noqa: E402
from helpers.screen_check import CONTENT, window_problems  # noqa: E402
from helpers.xephyr import turn_screen  # noqa: E402
from kiosk.loading import load_everything  # noqa: E402
from kiosk.theme import TEXT_SIZE_STEPS  # noqa: E402
from kiosk.ui.app import application, build_kiosk, screen_size, show  # noqa: E402
from kiosk.ui.controller import KioskController  # noqa: E402
from kiosk.ui.window_guard import WindowGuard  # noqa: E402

# Generous: the window follows within a frame or two; a busy machine must not fail the test.
FOLLOW_TIMEOUT_MS = 20_000


class ResizeWatch(QObject):
    """Calls `changed` on each resize or move of the window it watches."""

    def __init__(self, window: QWidget, changed: Callable[[], None]) -> None:
        super().__init__(window)
        self._changed = changed
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
            self._changed()
        return False


def wait_for_screen(window: QWidget, size: QSize) -> list[str]:
    """Runs the event loop until the screen is `size` and the window equals it, woken by the
    screen's geometryChanged and the window's resizes; what is still wrong after
    FOLLOW_TIMEOUT_MS."""
    target = QRect(0, 0, size.width(), size.height())

    def fits() -> bool:
        return window.screen().geometry() == target and window.geometry() == target

    loop = QEventLoop()

    def check() -> None:
        if fits():
            loop.quit()

    screen = window.screen()
    screen.geometryChanged.connect(check)
    watch = ResizeWatch(window, check)
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)
    deadline.start(FOLLOW_TIMEOUT_MS)
    if not fits():
        loop.exec()
    deadline.stop()
    screen.geometryChanged.disconnect(check)
    window.removeEventFilter(watch)
    watch.deleteLater()
    if fits():
        return []
    return [
        f"after the turn to {size.width()}x{size.height()} Qt's screen is "
        f"{window.screen().geometry()} and the window {window.geometry()}"
    ]


def faults(controller: KioskController) -> list[str]:
    # The inspector first: it lets the layouts settle, as the frames after a turn would.
    in_layout = layout_problems(controller.window, controller.metrics.touch_target)
    return window_problems(controller) + in_layout


def main() -> int:
    config, host_display, xephyr_window, *turns = sys.argv[1:]
    loaded = load_everything(CONTENT, Path(config))
    application()
    controller = build_kiosk(
        loaded, screen_size(loaded.config, None), kiosk_mode=True, reload=lambda: loaded
    )
    window = controller.window
    show(window, loaded.config, fullscreen=True)
    # As `kiosk run` does in kiosk mode: the guard must not fight the window following a turn.
    WindowGuard(window, lambda: window.screen().geometry())
    window.prepare_ahead()
    window.wake()
    with_picture = next(
        index for index, section in enumerate(window.sections) if section.illustration
    )
    found: dict[str, list[str]] = {}

    def look(state: str) -> None:
        if problems := faults(controller):
            found[state] = problems

    def choose(language: str, high_contrast: bool, step: int) -> str:
        if window.choices.language != language:
            window.next_language()
        window.set_high_contrast(high_contrast)
        window.apply_text_step(step)
        return f"{language} contrast={'high' if high_contrast else 'calm'} text={step}"

    # The everyday look, and the one that asks most room: high contrast, largest text.
    looks = ((False, 0), (True, TEXT_SIZE_STEPS - 1))
    for number, turn in enumerate(turns):
        width, height = map(int, turn.split("x"))
        size = QSize(width, height)
        # Across the turn, by turns: the Display panel over a section with a picture in the
        # first language and look, or the home screen in the last language and look.
        high_contrast, step = looks[number % 2]
        language = window.languages[-(number % 2)]
        chosen = choose(language, high_contrast, step)
        if number % 2 == 0:
            window.open_section(with_picture)
            window.show_display_options()
            across = f"{chosen} display options over a section with a picture"
        else:
            window.show_home()
            across = f"{chosen} home"
        turn_screen(os.environ["DISPLAY"], host_display, xephyr_window, width, height)
        if not_followed := wait_for_screen(window, size):
            found[f"{turn} {across}, turned"] = not_followed
        look(f"{turn} {across}, shown across the turn")
        window.screens.display_layer.hide()
        for language in window.languages:
            for high_contrast, step in looks:
                where = f"{turn} {choose(language, high_contrast, step)}"
                window.open_section(with_picture)
                look(f"{where} section {with_picture + 1} (its picture)")
                window.show_display_options()
                look(f"{where} display options over section {with_picture + 1}")
                window.screens.display_layer.hide()
                window.show_home()
                look(f"{where} home")
    json.dump(found, sys.stdout, indent=1, ensure_ascii=False)
    controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
