"""Carries a patient's display choices (text size, high contrast, less motion) to the screens:
at once to what is on screen, to other pages and overlays as they are shown."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from kiosk.theme import COLORS, HIGH_CONTRAST, Metrics
from kiosk.ui.language_screens import LanguageScreens
from kiosk.ui.style import Look, show_look, theme_sheet
from kiosk.ui.widgets.modal_layer import ModalLayer
from kiosk.ui.widgets.nav_bar import NavBar


@dataclass(frozen=True)
class SessionChoices:
    """What a patient may change for themselves; each reset restores the clinic's defaults."""

    language: str
    text_step: int = 0
    high_contrast: bool = False
    reduced_motion: bool = False


class SessionLook:
    """Restyling every widget for a choice took ~0.3 s of a tap on a slow machine; this restyles
    what the patient sees now and leaves the rest to `look_for` as each page is shown."""

    def __init__(self, metrics: Metrics) -> None:
        self._metrics = metrics
        self._high_contrast_sheet = ""  # made when first chosen (~1 ms)

    def look_for(self, choices: SessionChoices) -> Look:
        if choices.high_contrast and not self._high_contrast_sheet:
            self._high_contrast_sheet = theme_sheet(self._metrics, HIGH_CONTRAST)
        return Look(self._high_contrast_sheet if choices.high_contrast else "", choices.text_step)

    def apply(
        self, choices: SessionChoices, bundle: LanguageScreens, shown: QWidget, nav: NavBar
    ) -> None:
        """`choices` for `bundle`'s screens, with `shown` the page on screen and `nav` the bar
        (both children of the window, whose overlays follow too)."""
        step = choices.text_step
        bundle.reader.set_text_step(step)
        bundle.home.set_text_step(step)
        if bundle.built_contact is not None:
            bundle.built_contact.set_text_step(step)
        bundle.reader.set_reduced_motion(choices.reduced_motion)
        bundle.attract.set_reduced_motion(choices.reduced_motion)
        colors = HIGH_CONTRAST if choices.high_contrast else COLORS
        bundle.attract.halo.set_colors(colors)
        bundle.reader.set_colors(colors)
        bundle.home.set_colors(colors)
        nav.show_text_step(step)
        look = self.look_for(choices)
        show_look(shown, look)
        show_look(nav, look)
        window = nav.window()
        for layer in window.findChildren(ModalLayer):
            layer.set_look(look)
        # Larger labels may need another row in the bar; the open screen reflows now, not on
        # the next event loop pass, so no frame shows the old layout with the new sizes.
        nav.fit()
        layout = window.layout()
        if layout is not None:
            layout.activate()
