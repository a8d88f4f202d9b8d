"""Turns resources/theme.qss into the stylesheet for one screen size."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from string import Template

from PySide6.QtWidgets import QApplication

from kiosk.paths import resources_dir
from kiosk.theme import COLORS, FONT_FAMILY, Colors, Metrics


def stylesheet(template_path: Path, metrics: Metrics, colors: Colors = COLORS) -> str:
    sizes = {
        "font_family": FONT_FAMILY,
        "touch": metrics.touch_target,
        "pad": metrics.px(28),
        "small_pad": metrics.px(12),
        "radius": metrics.px(16),
        "badge_radius": metrics.badge // 2 - 1,
        "outline_w": max(2, metrics.px(3)),
        "scrollbar_w": metrics.px(20),
        "scrollbar_r": metrics.px(10),
        "page_title_px": metrics.page_title_px,
        "section_title_px": metrics.section_title_px,
        "tile_title_px": metrics.tile_title_px,
        "label_px": metrics.label_px,
        "small_px": metrics.small_px,
        "attract_title_px": metrics.px(76),
        "attract_pad": metrics.px(56),
    }
    template = Template(template_path.read_text(encoding="utf-8"))
    return template.substitute(asdict(colors), **sizes)


def apply_style(metrics: Metrics, colors: Colors = COLORS) -> None:
    """Styles the whole application for this screen size and theme."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setStyleSheet(stylesheet(resources_dir() / "theme.qss", metrics, colors))
