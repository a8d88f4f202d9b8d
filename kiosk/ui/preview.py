"""Renders every screen to a PNG without a display, for reviewers and the README.

The window is shown full screen on a virtual screen of the requested size, by the same code as
the kiosk's (kiosk.ui.app.show): a layout that asks for more than the screen shows here too.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.loading import Loaded
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


def render_previews(loaded: Loaded, size: QSize, out: Path) -> list[Path]:
    """Every screen as a PNG, on a screen of `size`: the platform's (see
    kiosk.ui.screen_fit.virtual_screen_platform, which `kiosk preview` sets up)."""
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
    written = [_save(window, out / "attract.png")]
    window.wake()
    written.append(_save(window, out / ("home.png" if window.sections else "updating.png")))
    for index, section in enumerate(window.sections):
        window.open_section(index)
        written.append(_save(window, out / f"section-{section.slug}.png"))
    if window.sections:
        window.show_contact()
        written.append(_save(window, out / "contact.png"))
        window.open_section(0)
        window.show_idle_warning(controller.config.session.warning_s)
        written.append(_save(window, out / "idle-warning.png"))
        window.idle_warning.stop()
    controller.staff.pad.open()
    controller.staff.pad_layer.present()
    written.append(_save(window, out / "staff-pin.png"))
    controller.staff.close()
    controller.open_staff_menu()
    written.append(_save(window, out / "staff-menu.png"))
    metrics = controller.metrics
    titles = {section.slug: section.title for section in window.sections}
    written.append(render_usage_preview(metrics, window.size(), out, titles))
    written += render_illustration_previews(
        metrics, out, QSize(metrics.px(700), metrics.px(650)), language=window.choices.language
    )
    return written
