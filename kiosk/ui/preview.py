"""Renders every screen to a PNG without a display, for reviewers and the README."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.config import Config
from kiosk.loading import KioskContent
from kiosk.ui.app import build_window
from kiosk.ui.window import KioskWindow


def _save(widget: QWidget, path: Path) -> Path:
    QApplication.processEvents()
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    return path


def render_previews(content: KioskContent, config: Config, size: QSize, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    window = build_window(content, config, size)
    window.setFixedSize(size)
    window.show()
    try:
        return _render_all(window, out)
    finally:
        window.close()
        window.deleteLater()


def _render_all(window: KioskWindow, out: Path) -> list[Path]:
    written = []
    window.show_home()
    written.append(_save(window, out / ("home.png" if window.sections else "updating.png")))
    for index, section in enumerate(window.sections):
        window.open_section(index)
        written.append(_save(window, out / f"section-{section.slug}.png"))
    if window.sections:
        window.show_contact()
        written.append(_save(window, out / "contact.png"))
    return written
