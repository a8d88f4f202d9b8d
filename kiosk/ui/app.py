"""Builds the Qt application: fonts, stylesheet, the window on the right screen, error handling."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication

from kiosk import __version__
from kiosk.config import Config
from kiosk.glass import screen_density
from kiosk.loading import KioskContent, Loaded
from kiosk.paths import resources_dir
from kiosk.theme import FONT_FAMILY, Metrics
from kiosk.ui.accessibility import install_roles
from kiosk.ui.controller import KioskController
from kiosk.ui.screen_fit import FollowScreen
from kiosk.ui.style import apply_style
from kiosk.ui.window import KioskWindow

log = logging.getLogger(__name__)

FONT_FILES = (
    "AtkinsonHyperlegible-Regular.ttf",
    "AtkinsonHyperlegible-Bold.ttf",
    "AtkinsonHyperlegible-Italic.ttf",
    "AtkinsonHyperlegible-BoldItalic.ttf",
)
DESKTOP_FILE_NAME = "clinic-kiosk"
SET_UP_PROPERTY = "kioskSetUp"


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, set up once for the kiosk (also when a test harness made it first)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    if app.property(SET_UP_PROPERTY):
        return app
    app.setProperty(SET_UP_PROPERTY, True)
    app.setApplicationName("Clinic kiosk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_FILE_NAME)
    app.setStyle("Fusion")
    install_roles()
    load_fonts(resources_dir() / "fonts")
    return app


def load_fonts(folder: Path) -> list[str]:
    """Registers the bundled fonts; returns the files that could not be loaded (Qt then falls back)."""
    missing = []
    for name in FONT_FILES:
        if QFontDatabase.addApplicationFont(str(folder / name)) < 0:
            missing.append(name)
    if missing:
        log.warning(
            "font files missing or unreadable in %s: %s; text uses a fallback font",
            folder,
            ", ".join(missing),
        )
    return missing


def target_screen(index: int) -> QScreen:
    screens = QGuiApplication.screens()
    if index < len(screens):
        return screens[index]
    log.warning(
        "display.screen = %d but only %d screen(s) attached; using the first", index, len(screens)
    )
    return screens[0]


def screen_metrics(config: Config, size: QSize) -> Metrics:
    """Sizes for a screen of `size` on the configured monitor's glass; logs where its physical
    size came from (DESIGN.md's targets and text are millimetres, not pixels)."""
    screen = target_screen(config.display.screen)
    reported = screen.physicalSize()
    density = screen_density(
        size.width(),
        size.height(),
        (reported.width(), reported.height()),
        config.display.diagonal_in,
    )
    metrics = Metrics.for_screen(size.width(), size.height(), density.px_per_mm)
    log.info(
        "screen %dx%d, %.2f px/mm from %s: touch targets %d px, body text %d px",
        size.width(),
        size.height(),
        density.px_per_mm,
        density.source,
        metrics.touch_target,
        metrics.body_px(0),
    )
    return metrics


def build_window(content: KioskContent, config: Config, size: QSize) -> tuple[KioskWindow, Metrics]:
    """The window and its stylesheet, laid out for a screen of `size` on the glass of the
    configured monitor (the controller gives the window the rest of the config)."""
    app = application()
    metrics = screen_metrics(config, size)
    apply_style(metrics)
    font = QFont(FONT_FAMILY)
    font.setPixelSize(metrics.label_px)
    app.setFont(font)
    window = KioskWindow(content, metrics)
    window.resize(size)
    return window, metrics


def build_kiosk(
    loaded: Loaded,
    size: QSize,
    *,
    kiosk_mode: bool,
    reload: Callable[[], Loaded],
    log_file: Path | None = None,
    clock: Callable[[], float] | None = None,
) -> KioskController:
    window, metrics = build_window(loaded.content, loaded.config, size)
    return KioskController(
        loaded,
        window,
        metrics,
        reload=reload,
        kiosk_mode=kiosk_mode,
        log_file=log_file,
        clock=clock,
    )


class FirstPaintLogger(QObject):
    """Logs how long the process took to paint its first screen (DESIGN.md budget: 0.5 s)."""

    def __init__(
        self, started: float, on_first_paint: Callable[[float], None] | None = None
    ) -> None:
        super().__init__()
        self._started = started
        self._on_first_paint = on_first_paint

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            elapsed = time.perf_counter() - self._started
            log.info("first screen painted %.3f s after start", elapsed)
            if self._on_first_paint is not None:
                self._on_first_paint(elapsed)
        return False


def show(window: KioskWindow, config: Config, *, fullscreen: bool) -> FollowScreen | None:
    """Shows the window: full screen on the configured screen, following it when the output is
    rotated or resized (the kiosk and `kiosk preview`; what follows it is returned), or as a
    normal window (--windowed)."""
    if fullscreen:
        # The size build_window laid the window out for, before it takes the screen's.
        laid_out_for = window.size()
        screen = target_screen(config.display.screen)
        window.setWindowFlags(
            Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
        )
        window.setScreen(screen)
        window.setGeometry(screen.geometry())
        if config.display.hide_cursor:
            QApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)
        window.showFullScreen()
        return FollowScreen(window, screen, laid_out_for)
    window.show()
    return None


def screen_size(config: Config, requested: QSize | None) -> QSize:
    if requested is not None:
        return requested
    return target_screen(config.display.screen).geometry().size()
