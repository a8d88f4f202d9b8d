"""The patient screens and overlays of one language, built together and kept while in use."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtWidgets import QWidget

from kiosk.frame_budget import FrameBudget
from kiosk.illustration_text import illustration_text
from kiosk.loading import KioskContent
from kiosk.theme import Metrics
from kiosk.ui.accessibility import Role, set_language, set_role
from kiosk.ui.illustrations import PICTURES
from kiosk.ui.screens.attract import AttractScreen
from kiosk.ui.screens.contact import ContactScreen
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.reader import ReaderScreen
from kiosk.ui.screens.updating import UpdatingScreen
from kiosk.ui.widgets.countdown_overlay import CountdownOverlay
from kiosk.ui.widgets.display_panel import DisplayPanel
from kiosk.ui.widgets.modal_layer import ModalLayer
from kiosk.ui_text import UiText, ui_text


@dataclass
class LanguageScreens:
    language: str
    text: UiText
    content: KioskContent
    attract: AttractScreen
    home: HomeScreen
    reader: ReaderScreen
    updating: UpdatingScreen
    idle_warning: CountdownOverlay
    cleaning: CountdownOverlay
    display: DisplayPanel
    display_layer: ModalLayer
    build_contact: Callable[[], ContactScreen]
    # Told once the contact screen exists, to wire it into the window.
    on_contact_built: Callable[[ContactScreen], None] = lambda _screen: None
    built_contact: ContactScreen | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        """What screen readers need beyond Qt's guesses: each text's language, the overlays'
        roles, the attract prompt as the button it acts as, and the tiles' pictures named."""
        for widget in (*self.pages, *self.layers):
            set_language(widget, self.language)
        set_role(self.display, Role.Dialog)
        self.display.setAccessibleName(self.text.display_options)
        for overlay in (self.idle_warning, self.cleaning):
            set_role(overlay.layer.card, Role.AlertMessage)
            overlay.layer.card.setAccessibleName(overlay.title_label.text())
        set_role(self.attract.prompt_label, Role.Button)
        self.attract.prompt_label.setAccessibleName(self.attract.prompt_label.text())
        words = illustration_text(self.language)
        for tile, section in zip(self.home.tiles, self.content.article.sections, strict=True):
            if tile.picture is not None and section.illustration:
                spec = PICTURES[section.illustration].spec
                tile.picture.setAccessibleName(spec.words_of(words).title)

    @property
    def layers(self) -> tuple[QWidget, ...]:
        return (self.idle_warning.layer, self.cleaning.layer, self.display_layer)

    @property
    def contact(self) -> ContactScreen:
        return self.prepare_contact()

    def prepare_contact(self) -> ContactScreen:
        """Built when first needed: encoding its QR codes (~50 ms with segno's import) is better
        spent after the first paint than before it (see KioskWindow.prepare_ahead)."""
        if self.built_contact is None:
            self.built_contact = self.build_contact()
            set_language(self.built_contact, self.language)
            self.on_contact_built(self.built_contact)
        return self.built_contact

    @property
    def pages(self) -> tuple[QWidget, ...]:
        built = (self.built_contact,) if self.built_contact is not None else ()
        return (self.attract, self.home, self.reader, self.updating, *built)

    def dispose(self) -> None:
        self.idle_warning.stop()
        self.cleaning.stop()
        for widget in (*self.pages, *self.layers):
            widget.hide()
            widget.deleteLater()
        self.idle_warning.deleteLater()
        self.cleaning.deleteLater()


def build_language_screens(
    window: QWidget,
    content: KioskContent,
    metrics: Metrics,
    *,
    reduced_motion: bool,
    frame_budget: FrameBudget,
) -> LanguageScreens:
    """Everything a patient sees in `content.language`; overlays are layered on `window`."""
    text = ui_text(content.language)
    article = content.article
    contact_section = article.contact_section
    display = DisplayPanel(text, metrics)
    return LanguageScreens(
        language=content.language,
        text=text,
        content=content,
        attract=AttractScreen(article.title, content.clinic.name, text, metrics),
        home=HomeScreen(article.title, article.sections, text, metrics),
        reader=ReaderScreen(
            text,
            metrics,
            reduced_motion=reduced_motion,
            language=content.language,
            frame_budget=frame_budget,
        ),
        build_contact=lambda: ContactScreen(
            content.clinic, contact_section.closing_html if contact_section else "", text, metrics
        ),
        updating=UpdatingScreen(text, metrics),
        idle_warning=CountdownOverlay(
            window,
            metrics,
            title=text.still_reading,
            message=text.still_reading_countdown,
            button=text.keep_reading,
        ),
        cleaning=CountdownOverlay(
            window, metrics, title=text.cleaning_title, message=text.cleaning_countdown
        ),
        display=display,
        display_layer=ModalLayer(window, display, metrics, max_width=metrics.px(1100)),
    )
