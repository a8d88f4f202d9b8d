"""Renders every screen to a PNG without a display, for reviewers and the README.

The window is shown full screen on a virtual screen of the requested size, by the same code as
the kiosk's (kiosk.ui.app.show): a layout that asks for more than the screen shows here too.
"""

from __future__ import annotations

from pathlib import Path
from typing import assert_never

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.loading import Loaded
from kiosk.navigation import Location, Page, every_location
from kiosk.theme import COLORS, HIGH_CONTRAST
from kiosk.ui.app import build_kiosk, screen_size, show
from kiosk.ui.controller import KioskController
from kiosk.ui.illustrations.preview import render_illustration_previews
from kiosk.ui.usage_preview import render_usage_preview

SETTLE_PASSES = 3


def _save(widget: QWidget, path: Path) -> Path:
    # A layout change can post another (the bar reflowing its rows): settle them all, as the
    # frames after a tap would.
    for _ in range(SETTLE_PASSES):
        QApplication.processEvents()
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    return path


def render_previews(loaded: Loaded, width_height: tuple[int, int], out: Path) -> list[Path]:
    """Every screen as a PNG, on a screen of `width_height`: the platform's (see
    kiosk.ui.screen_fit.virtual_screen_platform, which `kiosk preview` sets up)."""
    size = QSize(*width_height)
    screen = screen_size(loaded.config, None)
    if screen != size:
        raise RuntimeError(
            f"preview asked for {size.width()}x{size.height()} but the screen is "
            f"{screen.width()}x{screen.height()}: run it as `kiosk preview`, in its own process"
        )
    out.mkdir(parents=True, exist_ok=True)
    controller = build_kiosk(loaded, size, kiosk_mode=False, reload=lambda: loaded)
    window = controller.window
    show(window, loaded.config, fullscreen=True)
    try:
        return _render_all(controller, out)
    finally:
        window.close()
        window.deleteLater()


def _render_all(controller: KioskController, out: Path) -> list[Path]:
    window = controller.window
    written = []
    for location in every_location([section.slug for section in window.sections]):
        written += _render_location(controller, location, out)
    if window.sections:
        window.open_section(0)
        window.show_idle_warning(controller.config.session.warning_s)
        written.append(_save(window, out / "idle-warning.png"))
        window.idle_warning.stop()
    controller.staff.pad.open()
    controller.staff.pad_layer.present()
    written.append(_save(window, out / "staff-pin.png"))
    controller.staff.close()
    metrics = controller.metrics
    choices = window.choices
    written += render_illustration_previews(
        metrics,
        out,
        QSize(metrics.px(700), metrics.px(650)),
        language=choices.language,
        colors=HIGH_CONTRAST if choices.high_contrast else COLORS,
    )
    return written


def _render_location(controller: KioskController, location: Location, out: Path) -> list[Path]:
    """`location` as a PNG (none where the kiosk cannot be there with this content)."""
    window = controller.window
    match location.page:
        case Page.ATTRACT | Page.UPDATING | Page.READER:
            window.show_location(location)
            name = location.page.value
            if location.section is not None:
                name = f"section-{location.section}"
        case Page.HOME | Page.CONTACT:
            if not window.sections:
                return []  # without sections the kiosk shows the updating page instead
            window.show_location(location)
            name = location.page.value
        case Page.STAFF:
            controller.open_staff_menu()
            name = "staff-menu"
        case Page.USAGE:
            # Sample counts: a fresh kiosk has none to chart.
            titles = {section.slug: section.title for section in window.sections}
            return [render_usage_preview(controller.metrics, window.size(), out, titles)]
        case _:
            assert_never(location.page)
    return [_save(window, out / f"{name}.png")]
