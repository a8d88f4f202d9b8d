"""Turns resources/theme.qss into the stylesheet for one screen size."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from string import Template

from PySide6.QtWidgets import QApplication, QWidget

from kiosk.paths import resources_dir
from kiosk.theme import BAR_TEXT_STEPS, COLORS, FONT_FAMILY, TEXT_SIZE_STEPS, Colors, Metrics


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
        "picture_button_inner": metrics.touch_target - 2 * max(2, metrics.px(3)),
        "picture_button_pad": metrics.px(16),
    }
    # Words that a widget measures right after the patient changes the text size, before the
    # window restyles the application: every step's size is in the sheet, picked by the
    # widget's textStep property (show_text_step).
    for step in range(TEXT_SIZE_STEPS):
        # A code's caption is as wide as the code; past the everyday steps it would outgrow the
        # screen, and the details beside it carry the larger text anyway.
        sizes[f"scan_caption_px_{step}"] = metrics.body_px(min(step, BAR_TEXT_STEPS - 1))
        sizes[f"picture_caption_px_{step}"] = metrics.body_px(step)
        sizes[f"picture_choice_px_{step}"] = metrics.text_px(30, step, damped=True)
    template = Template(template_path.read_text(encoding="utf-8"))
    return template.substitute(asdict(colors), **sizes)


def apply_style(metrics: Metrics, colors: Colors = COLORS, text_step: int = 0) -> None:
    """Styles the whole application for this screen size, theme and text size."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setStyleSheet(stylesheet(resources_dir() / "theme.qss", metrics, colors, text_step))


def show_text_step(widget: QWidget, step: int) -> None:
    """Gives `widget` theme.qss's fonts for text size `step` now, so that it can be measured
    straight away (the application's sheet follows later, and a widget's own sheet or font
    would put its styling in a second place)."""
    widget.setProperty("textStep", step)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
