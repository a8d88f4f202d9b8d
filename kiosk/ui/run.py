"""Runs the kiosk's window until it stops: what `kiosk run` does once the content and config
are loaded (kiosk/cli.py keeps the command line, the failure memory and the restart)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize

from kiosk.failures import FailureMemory
from kiosk.loading import Loaded
from kiosk.ui import app as ui
from kiosk.ui.error_recovery import ErrorRecovery, forget_failures_once_healthy
from kiosk.ui.stop_signals import StopSignals
from kiosk.ui.window_guard import STARTING_MS, WindowGuard

log = logging.getLogger("kiosk")


@dataclass(frozen=True)
class Ended:
    exit_code: int
    # The screen was resized (not turned) while running: every size is fixed when the screens
    # are built, so the kiosk lays itself out anew by starting again, as at boot.
    start_again: bool = False


def run_window(
    loaded: Loaded,
    size: tuple[int, int] | None,
    *,
    windowed: bool,
    reload: Callable[[], Loaded],
    log_file: Path | None,
    memory: FailureMemory,
    forget_failures: bool,
    process_started: float,
) -> Ended:
    """Builds the kiosk for `loaded` (a window of `size` when asked, else the screen's), shows
    it full screen unless `windowed`, and runs Qt's event loop until the kiosk stops."""
    qt_app = ui.application()
    config = loaded.config
    kiosk_mode = not windowed
    controller = ui.build_kiosk(
        loaded,
        ui.screen_size(config, QSize(*size) if size else None),
        kiosk_mode=kiosk_mode,
        reload=reload,
        log_file=log_file,
    )
    ErrorRecovery(controller.window.reset_session, memory).install()
    signals = StopSignals(controller)
    signals.stop_requested.connect(controller.shut_down)
    signals.reload_requested.connect(controller.reload_now)
    if forget_failures:
        forget_failures_once_healthy(memory, controller)
    first_paint = ui.FirstPaintLogger(process_started, controller.on_first_paint)
    controller.window.installEventFilter(first_paint)
    # The status file, usage pruning and the watchdog start after the first paint (on_first_paint).
    follow = ui.show(controller.window, config, fullscreen=kiosk_mode)
    resized_to: list[QSize] = []
    if follow is not None:
        laid_out_for = follow.laid_out_for

        def lay_out_anew(size: QSize) -> None:
            if resized_to:
                return  # already stopping
            log.info(
                "the screen is now %dx%d, not a turn of the %dx%d the kiosk was laid out for; "
                "it starts again to lay itself out for it",
                size.width(),
                size.height(),
                laid_out_for.width(),
                laid_out_for.height(),
            )
            resized_to.append(size)
            controller.shut_down(f"the screen was resized to {size.width()}x{size.height()}")

        follow.needs_new_layout.connect(lay_out_anew)
    if kiosk_mode:
        window = controller.window
        WindowGuard(window, lambda: window.screen().geometry(), starting_for_ms=STARTING_MS)
    code = qt_app.exec()
    return Ended(code, start_again=bool(resized_to))
