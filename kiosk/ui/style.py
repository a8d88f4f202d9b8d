"""Turns resources/theme.qss into the stylesheet for one screen size."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from string import Template
from typing import TypeVar

from PySide6.QtWidgets import QApplication, QWidget

from kiosk.paths import resources_dir
from kiosk.theme import BAR_TEXT_STEPS, COLORS, FONT_FAMILY, TEXT_SIZE_STEPS, Colors, Metrics

# theme.qss's last part is written once for each text size (see its comment there).
EACH_TEXT_STEP = "/* ---- written once for each text size"
# The dynamic property that picks a widget's rules in that part.
TEXT_STEP = "textStep"

GrowingWidget = TypeVar("GrowingWidget", bound=QWidget)


def stylesheet(template_path: Path, metrics: Metrics, colors: Colors = COLORS) -> str:
    """The style sheet for a screen and a theme, with every text size in it. What a patient
    reads grows with the text size: the home tiles, the overlays and the Display panel, the
    pictures' words (the reader's text and the clinic's details follow it on their own). The
    chrome around them (titles, the bar, the notice under the text) keeps its size, so that on
    a low screen the larger words still have room; all text is at least DESIGN.md's size on
    the glass (Metrics.text_px)."""
    template = template_path.read_text(encoding="utf-8")
    everyday, growing = template.split(EACH_TEXT_STEP, 1)
    colours = asdict(colors)
    parts = [Template(everyday).substitute(colours, **_fixed_sizes(metrics))]
    for step in range(TEXT_SIZE_STEPS):
        words = Template(EACH_TEXT_STEP + growing)
        parts.append(words.substitute(colours, **_growing_sizes(metrics, step), step=step))
    return "".join(parts)


def _fixed_sizes(metrics: Metrics) -> dict[str, int | str]:
    return {
        "font_family": FONT_FAMILY,
        "touch": metrics.touch_target,
        "pad": metrics.px(28),
        "small_pad": metrics.px(12),
        "radius": metrics.px(16),
        "outline_w": max(2, metrics.px(3)),
        "scrollbar_w": metrics.px(20),
        "scrollbar_r": metrics.px(10),
        "page_title_px": metrics.page_title_px,
        "section_title_px": metrics.section_title_px,
        "label_px": metrics.label_px,
        "small_px": metrics.small_px,
        "attract_title_px": metrics.text_px(76),
        "attract_pad": metrics.px(56),
        "picture_button_inner": metrics.touch_target - 2 * max(2, metrics.px(3)),
        "picture_button_pad": metrics.px(16),
    }


def _growing_sizes(metrics: Metrics, step: int) -> dict[str, int]:
    def grows(reference_px: float, *, damped: bool = False) -> int:
        return metrics.text_px(reference_px, step, damped=damped)

    badge = metrics.badge(step)
    return {
        "badge": badge,
        "badge_radius": badge // 2 - 1,
        # The home page scrolls when grown tiles need more than the screen's height.
        "tile_title_px": metrics.tile_title_px_at(step),
        "tile_summary_px": grows(28),
        "message_px": grows(46),
        "overlay_title_px": grows(58, damped=True),
        "overlay_button_px": grows(30, damped=True),
        "display_row_px": grows(30),
        # A code's caption is as wide as the code; past the everyday steps it would outgrow the
        # screen, and the details beside it carry the larger text anyway.
        "scan_caption_px": metrics.body_px(min(step, BAR_TEXT_STEPS - 1)),
        "picture_caption_px": metrics.body_px(step),
        "picture_choice_px": grows(30, damped=True),
    }


def theme_sheet(metrics: Metrics, colors: Colors = COLORS) -> str:
    return stylesheet(resources_dir() / "theme.qss", metrics, colors)


def apply_style(metrics: Metrics) -> None:
    """Styles the whole application for this screen size in the everyday theme, once at start
    (~0.3 s on a slow 2-core machine). A patient's high contrast is a Look, shown where it
    is seen."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setStyleSheet(theme_sheet(metrics))


def grows_with_text(widget: GrowingWidget) -> GrowingWidget:
    """Marks `widget` as one whose words follow the patient's text size (theme.qss's last
    part styles it by its step, from 0)."""
    widget.setProperty(TEXT_STEP, 0)
    return widget


def show_text_step(widget: QWidget, step: int) -> None:
    """Gives `widget` theme.qss's fonts for text size `step` now, so that it can be measured
    straight away. Only this widget is polished again (~0.3 ms), not the application."""
    if widget.property(TEXT_STEP) == step:
        return
    widget.setProperty(TEXT_STEP, step)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def show_text_step_within(root: QWidget, step: int) -> None:
    """Brings every growing widget in `root` to text size `step`."""
    for widget in (root, *root.findChildren(QWidget)):
        if widget.property(TEXT_STEP) is not None:
            show_text_step(widget, step)


@dataclass(frozen=True)
class Look:
    """The patient's choices that restyle widgets: the theme's sheet for a part of the window
    ("" for the application's own, the everyday theme) and the text size."""

    sheet: str = ""
    text_step: int = 0


def show_look(root: QWidget, look: Look) -> None:
    """Gives `root` and what it holds the session's look. The window calls this for what is on
    screen when a choice changes, and for a page or overlay as it is shown: hidden ones wait
    until a patient can see them. A theme sheet polishes only `root`'s own widgets (~20-40 ms
    for the reader on a slow machine, against ~370 ms for the application's sheet)."""
    if root.styleSheet() != look.sheet:
        root.setStyleSheet(look.sheet)
    show_text_step_within(root, look.text_step)
