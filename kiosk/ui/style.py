"""Turns resources/theme.qss into the stylesheet for one screen size."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from string import Template

from PySide6.QtWidgets import QApplication

from kiosk.paths import resources_dir
from kiosk.theme import COLORS, FONT_FAMILY, Colors, Metrics


def stylesheet(
    template_path: Path, metrics: Metrics, colors: Colors = COLORS, text_step: int = 0
) -> str:
    """The style sheet for a screen, a theme and the patient's text size. What a patient reads
    grows with the text size: the overlays and the Display panel (the reader's
    text, the clinic's details and the pictures' words follow it on their own). The
    chrome around them (titles, the bar, the notice under the text) keeps its size, so that on
    a low screen the larger words still have room; all text is at least DESIGN.md's size on
    the glass (Metrics.reading_scale)."""

    def grows(reference_px: float, *, damped: bool = False) -> int:
        return metrics.text_px(reference_px, text_step, damped=damped)

    badge = metrics.badge(text_step)
    sizes = {
        "font_family": FONT_FAMILY,
        "touch": metrics.touch_target,
        "pad": metrics.px(28),
        "small_pad": metrics.px(12),
        "radius": metrics.px(16),
        "badge": badge,
        "badge_radius": badge // 2 - 1,
        "outline_w": max(2, metrics.px(3)),
        "scrollbar_w": metrics.px(20),
        "scrollbar_r": metrics.px(10),
        "page_title_px": metrics.page_title_px,
        "section_title_px": metrics.section_title_px,
        "label_px": metrics.label_px,
        "small_px": metrics.small_px,
        "attract_title_px": metrics.text_px(76),
        "attract_pad": metrics.px(56),
        # The home page scrolls when grown tiles need more than the screen's height.
        "tile_title_px": metrics.tile_title_px_at(text_step),
        "tile_summary_px": grows(28),
        "message_px": grows(46),
        "overlay_title_px": grows(58, damped=True),
        "overlay_button_px": grows(30, damped=True),
        "display_row_px": grows(30),
    }
    template = Template(template_path.read_text(encoding="utf-8"))
    return template.substitute(asdict(colors), **sizes)


def apply_style(metrics: Metrics, colors: Colors = COLORS, text_step: int = 0) -> None:
    """Styles the whole application for this screen size, theme and text size."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setStyleSheet(stylesheet(resources_dir() / "theme.qss", metrics, colors, text_step))
