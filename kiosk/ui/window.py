"""The one full-screen window: owns the screens, the bar and the overlays, and is the only place
that switches between them."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import replace
from types import MappingProxyType
from typing import assert_never

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLayout, QVBoxLayout, QWidget

from kiosk.config import Config
from kiosk.content import Section
from kiosk.frame_budget import FrameBudget
from kiosk.loading import KioskContent
from kiosk.navigation import PATIENT_PAGES, Location, Navigation, Page, Place
from kiosk.theme import BAR_TEXT_STEPS, EXTRA_LARGE_STEP, HIGH_CONTRAST, Metrics
from kiosk.ui.accessibility import set_language, set_session_language
from kiosk.ui.language_screens import LanguageScreens, build_language_screens
from kiosk.ui.screens.attract import AttractScreen
from kiosk.ui.screens.contact import ContactScreen
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.reader import ReaderScreen
from kiosk.ui.screens.staff import CLEANING_S, StaffScreen
from kiosk.ui.screens.staff_usage import UsageScreen
from kiosk.ui.screens.updating import UpdatingScreen
from kiosk.ui.session_look import SessionChoices, SessionLook
from kiosk.ui.style import show_look
from kiosk.ui.widgets.countdown_overlay import CountdownOverlay
from kiosk.ui.widgets.nav_bar import NavBar
from kiosk.ui.widgets.screen_stack import ScreenStack
from kiosk.ui_text import ui_text
from kiosk.usage import UsageSource

log = logging.getLogger(__name__)


class KioskWindow(QWidget):
    # The Location now shown (kiosk/navigation.py).
    page_changed = Signal(Location)
    session_reset = Signal()
    # The whole patient session starts: the attract screen was touched.
    woken = Signal()
    idle_warning_dismissed = Signal()
    idle_warning_expired = Signal()
    illustration_used = Signal(str)
    # What staff asked for on the staff menu that is not the window's to do.
    reload_requested = Signal()
    status_requested = Signal()
    usage_requested = Signal()
    exit_requested = Signal()
    # A reader's Listen button was pressed (the controller's speech reads it aloud).
    listen_requested = Signal(object)

    def __init__(self, content: KioskContent, metrics: Metrics) -> None:
        """A window with the plain defaults; `configure()` gives it the clinic's."""
        super().__init__()
        self.setObjectName("KioskWindow")
        self._metrics = metrics
        self._look = SessionLook(metrics)
        self._close_allowed = True
        self.defaults = SessionChoices(content.language)
        self.choices = self.defaults
        self.navigation = Navigation(0)
        self._bundles: dict[str, LanguageScreens] = {}
        # One for the kiosk: what a picture's frame costs is the machine's, whichever draws it.
        self.frame_budget = FrameBudget()

        self.stack = ScreenStack()
        self.nav = NavBar(ui_text(content.language), metrics)
        layout = QVBoxLayout(self)
        # The screen sizes the window, never its contents: they must fit what the screen offers.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.nav)
        self.nav.home_clicked.connect(self.show_home)
        self.nav.previous_clicked.connect(self.show_previous)
        self.nav.next_clicked.connect(self.show_next)
        self.nav.text_size_clicked.connect(self.cycle_text_size)
        self.nav.display_clicked.connect(self.show_display_options)
        self.nav.contact_clicked.connect(self.show_contact)
        self.nav.language_clicked.connect(self.next_language)

        self.staff = StaffScreen(metrics)
        self.usage_screen = UsageScreen(metrics, {})
        self.usage_screen.back_requested.connect(self.show_staff)
        self.staff.reset_requested.connect(self.reset_session)
        self.staff.close_requested.connect(self.reset_session)
        self.staff.cleaning_requested.connect(self.start_cleaning)
        self.staff.reload_requested.connect(self.reload_requested)
        self.staff.status_requested.connect(self.status_requested)
        self.staff.usage_requested.connect(self.usage_requested)
        self.staff.exit_requested.connect(self.exit_requested)
        self.stack.addWidget(self.staff)
        self.stack.addWidget(self.usage_screen)
        self.set_content(content)

    def configure(self, config: Config) -> None:
        """The clinic's defaults (text size, contrast, motion): at once on the attract screen,
        where no patient is, else from the next reset on."""
        self.defaults = replace(
            self.defaults,
            text_step=config.display.text_size - 1,
            reduced_motion=config.accessibility.reduced_motion,
            high_contrast=config.display.high_contrast,
        )
        if self.page is Page.ATTRACT:
            self._restore_defaults()

    # Content and language ------------------------------------------------------------------------

    def set_content(self, content: KioskContent) -> None:
        """Builds the patient screens for `content`, replacing any earlier ones; starts afresh."""
        for bundle in self._bundles.values():
            for page in bundle.pages:
                self.stack.removeWidget(page)
            bundle.dispose()
        self._bundles = {}
        self.content = content
        self.defaults = replace(self.defaults, language=content.language)
        self.choices = self.defaults
        self._use_language(content.language)
        self.usage_screen.set_section_titles(
            {section.slug: section.title for section in self.sections}
        )
        self.navigation.restart(len(self.sections))
        self._go(Place(Page.ATTRACT))

    @property
    def built_screens(self) -> Mapping[str, LanguageScreens]:
        """Each language's screens built so far (another language's when first needed)."""
        return MappingProxyType(self._bundles)

    @property
    def screens(self) -> LanguageScreens:
        return self._bundles[self.choices.language]

    @property
    def sections(self) -> tuple[Section, ...]:
        return self.screens.content.article.sections

    # The current language's screens, by name, for the rest of the kiosk and its tests.
    @property
    def attract(self) -> AttractScreen:
        return self.screens.attract

    @property
    def home(self) -> HomeScreen:
        return self.screens.home

    @property
    def reader(self) -> ReaderScreen:
        return self.screens.reader

    @property
    def contact(self) -> ContactScreen:
        return self.screens.contact

    @property
    def updating(self) -> UpdatingScreen:
        return self.screens.updating

    @property
    def idle_warning(self) -> CountdownOverlay:
        return self.screens.idle_warning

    @property
    def cleaning(self) -> CountdownOverlay:
        return self.screens.cleaning

    @property
    def languages(self) -> tuple[str, ...]:
        return self.content.languages

    def _language_after(self, language: str) -> str | None:
        languages = self.languages
        if len(languages) < 2 or language not in languages:
            return languages[0] if languages and language not in languages else None
        return languages[(languages.index(language) + 1) % len(languages)]

    def _bundle_for(self, language: str) -> LanguageScreens:
        bundle = self._bundles.get(language)
        if bundle is None:
            bundle = build_language_screens(
                self,
                self.content.in_language(language),
                self._metrics,
                reduced_motion=self.choices.reduced_motion,
                frame_budget=self.frame_budget,
            )
            self._connect(bundle)
            for page in bundle.pages:
                self.stack.addWidget(page)
            self._bundles[language] = bundle
        return bundle

    def prepare_ahead(self) -> None:
        """Builds now what a first tap would otherwise wait for (another language's screens,
        the contact screens with their QR codes: 30-80 ms each; the home tiles' high-contrast
        pictures: 16-22 ms); call when nobody is waiting."""
        for language in self.languages:
            bundle = self._bundle_for(language)
            bundle.prepare_contact()
            bundle.home.draw_pictures_in(HIGH_CONTRAST)

    def _use_language(self, language: str) -> None:
        bundle = self._bundle_for(language)
        self.choices = replace(self.choices, language=language)
        offered = self._language_after(language)
        self.nav.set_text(bundle.text)
        self.nav.offer_language(ui_text(offered).language if offered else None)
        # The bar speaks the session's language; its language button the one it offers.
        set_session_language(language)
        set_language(self.nav, language)
        set_language(self.nav.language_button, offered or language)
        self._apply_choices_to(bundle)

    def _connect(self, bundle: LanguageScreens) -> None:
        bundle.attract.woken.connect(self.wake)
        bundle.home.section_chosen.connect(self.open_section)
        bundle.reader.next_requested.connect(self.show_next)
        bundle.reader.previous_requested.connect(self.show_previous)
        bundle.reader.illustration_used.connect(self.illustration_used)
        reader = bundle.reader
        reader.listen_clicked.connect(lambda: self.listen_requested.emit(reader))
        bundle.on_contact_built = self._add_contact
        bundle.idle_warning.finished.connect(self.idle_warning_expired)
        bundle.idle_warning.finished.connect(self.reset_session)
        bundle.idle_warning.dismissed.connect(self.idle_warning_dismissed)
        bundle.cleaning.finished.connect(self.reset_session)
        bundle.display.high_contrast_toggled.connect(self.set_high_contrast)
        bundle.display.larger_text_toggled.connect(self._on_larger_text)
        bundle.display.reduced_motion_toggled.connect(self.set_reduced_motion)
        bundle.display.done.connect(bundle.display_layer.hide)
        bundle.display_layer.tapped_outside.connect(bundle.display_layer.hide)

    def _add_contact(self, contact: ContactScreen) -> None:
        contact.back_requested.connect(self.leave_contact)
        contact.set_text_step(self.choices.text_step)
        self.stack.addWidget(contact)

    def _apply_choices_to(self, bundle: LanguageScreens) -> None:
        self._look.apply(self.choices, bundle, self.screen_for(self.page), self.nav)

    def next_language(self) -> None:
        """Switches to the next language, keeping the patient on the same page and section."""
        language = self._language_after(self.choices.language)
        if language is None:
            return
        reading = self.location.section
        self._use_language(language)
        log.info("language %s", language)
        self.navigation.section_count = len(self.sections)
        slugs = self._slugs()
        match self.page:
            case Page.READER if reading in slugs:
                self.open_section(slugs.index(reading))
            case Page.READER:
                # A translation that lacks this section (a broken file): the patient goes home.
                self._go(Place(Page.HOME if self.sections else Page.UPDATING))
            case Page.HOME | Page.UPDATING:
                self.show_home()
            case page:
                self._go(Place(page, self.section_index))

    # Navigation ------------------------------------------------------------------------------

    @property
    def page(self) -> Page:
        return self.navigation.page

    @property
    def section_index(self) -> int:
        return self.navigation.section_index

    @property
    def location(self) -> Location:
        """The page, and the section when reading."""
        return self.navigation.location(self._slugs())

    @property
    def page_name(self) -> str:
        """What the log and status file report: `home`, `section:<slug>`..."""
        return self.location.name

    def wake(self) -> None:
        log.info("woken by a touch")
        self.show_home()
        self.woken.emit()

    def show_home(self) -> None:
        self._go(self.navigation.home())

    def open_section(self, index: int) -> None:
        self._go(self.navigation.section(index))

    def show_next(self) -> None:
        self._go(self.navigation.after_next())

    def show_previous(self) -> None:
        self._go(self.navigation.after_previous())

    def show_contact(self) -> None:
        self._go(self.navigation.contact())

    def leave_contact(self) -> None:
        self._go(self.navigation.after_contact())

    def show_staff(self) -> None:
        self._go(Place(Page.STAFF, self.section_index))

    def show_usage_screen(self) -> None:
        self._go(Place(Page.USAGE, self.section_index))

    def show_location(self, location: Location) -> None:
        """Goes straight to `location` (previews and layout checks visit every one)."""
        slugs = self._slugs()
        match location.page:
            case Page.READER:
                if location.section in slugs:
                    self.open_section(slugs.index(location.section))
            case Page.HOME:
                self.show_home()
            case Page.CONTACT:
                self.show_contact()
            case Page.ATTRACT | Page.UPDATING | Page.STAFF | Page.USAGE:
                self._go(Place(location.page, self.section_index))
            case _:
                assert_never(location.page)

    # Display choices ---------------------------------------------------------------------------

    @property
    def text_step(self) -> int:
        return self.choices.text_step

    def cycle_text_size(self) -> None:
        """The bar's button cycles the three everyday steps (from extra large, back to normal)."""
        step = self.choices.text_step
        self.apply_text_step(step + 1 if step + 1 < BAR_TEXT_STEPS else 0)

    def apply_text_step(self, step: int) -> None:
        self.choices = replace(self.choices, text_step=step)
        self._apply_choices_to(self.screens)

    def _on_larger_text(self, on: bool) -> None:
        self.apply_text_step(EXTRA_LARGE_STEP if on else self.defaults.text_step)

    def set_high_contrast(self, on: bool) -> None:
        if on == self.choices.high_contrast:
            return
        self.choices = replace(self.choices, high_contrast=on)
        self._apply_choices_to(self.screens)
        log.info("high contrast %s", "on" if on else "off")

    def set_reduced_motion(self, on: bool) -> None:
        self.choices = replace(self.choices, reduced_motion=on)
        self._apply_choices_to(self.screens)

    def show_display_options(self) -> None:
        choices = self.choices
        self.screens.display.show_choices(
            high_contrast=choices.high_contrast,
            larger_text=choices.text_step == EXTRA_LARGE_STEP,
            reduced_motion=choices.reduced_motion,
        )
        self.screens.display_layer.present()

    # Session ---------------------------------------------------------------------------------

    def show_idle_warning(self, seconds: int) -> None:
        if self.page is Page.ATTRACT or self.cleaning.is_counting:
            return
        log.info("idle: asking 'Still reading?' for %d s", seconds)
        self.idle_warning.start(seconds)

    def start_cleaning(self) -> None:
        log.info("paused for cleaning for %d s", CLEANING_S)
        self.cleaning.start(CLEANING_S)

    def reset_session(self) -> None:
        """Nothing of the last patient's session remains: page, language, text size, contrast,
        motion, reading positions, pictures, overlays."""
        for bundle in self._bundles.values():
            bundle.idle_warning.stop()
            bundle.cleaning.stop()
            bundle.display_layer.hide()
            bundle.reader.reset()
        self._restore_defaults()
        self.navigation.restart(len(self.sections))
        self._go(Place(Page.ATTRACT))
        log.info("session reset")
        self.session_reset.emit()

    def _restore_defaults(self) -> None:
        self.set_high_contrast(self.defaults.high_contrast)
        self.choices = replace(self.defaults)
        self._use_language(self.defaults.language)

    def answer_idle_warning(self) -> bool:
        """A touch answers "Still reading?": the countdown stops; False if none was running."""
        if not self.idle_warning.is_counting:
            return False
        self.idle_warning.stop()
        return True

    # Staff -----------------------------------------------------------------------------------

    def show_staff_report(self, text: str) -> None:
        self.show_staff()
        self.staff.show_report(text)

    def show_usage(self, source: UsageSource, days: int) -> None:
        self.show_usage_screen()
        self.usage_screen.show_usage(source, days)

    # Closing ---------------------------------------------------------------------------------

    def lock_close(self) -> None:
        self._close_allowed = False

    def allow_close(self) -> None:
        self._close_allowed = True

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._close_allowed:
            event.accept()
        else:
            log.info("refused a request to close the kiosk window")
            event.ignore()

    # -----------------------------------------------------------------------------------------

    def _slugs(self) -> list[str]:
        return [section.slug for section in self.sections]

    def _go(self, place: Place | None) -> None:
        """Shows `place` (None: the intent leads nowhere from here); the only page switch."""
        if place is None:
            return
        if place.page is Page.READER:
            index = place.section_index
            self.reader.show_section(self.sections[index], index + 1, len(self.sections))
        self.navigation.arrive(place)
        screen = self.screen_for(place.page)
        show_look(screen, self._look.look_for(self.choices))  # before it is laid out and shown
        self.stack.setCurrentWidget(screen)
        self.nav.setVisible(place.page in PATIENT_PAGES)
        self.nav.set_available(self.navigation.buttons())
        location = self.location
        log.info("screen %s", location.name)
        self.page_changed.emit(location)

    def screen_for(self, page: Page) -> QWidget:
        """The screen that shows `page` (the contact screen is built when first asked for)."""
        match page:
            case Page.ATTRACT:
                return self.attract
            case Page.HOME:
                return self.home
            case Page.READER:
                return self.reader
            case Page.CONTACT:
                return self.contact
            case Page.UPDATING:
                return self.updating
            case Page.STAFF:
                return self.staff
            case Page.USAGE:
                return self.usage_screen
            case _:
                assert_never(page)
