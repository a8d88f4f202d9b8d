"""The one full-screen window: owns the screens, the bar and the overlays, and is the only place
that switches between them."""

from __future__ import annotations

import logging
from enum import Enum

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from kiosk.loading import KioskContent
from kiosk.theme import TEXT_SIZE_STEPS, Metrics
from kiosk.ui.screens.attract import AttractScreen
from kiosk.ui.screens.contact import ContactScreen
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.reader import ReaderScreen
from kiosk.ui.screens.staff import StaffScreen
from kiosk.ui.screens.staff_usage import UsageScreen
from kiosk.ui.screens.updating import UpdatingScreen
from kiosk.ui.widgets.countdown_overlay import CountdownOverlay
from kiosk.ui.widgets.nav_bar import NavBar
from kiosk.ui_text import ui_text

log = logging.getLogger(__name__)

CLEANING_S = 30


class Page(Enum):
    ATTRACT = "attract"
    HOME = "home"
    READER = "reader"
    CONTACT = "contact"
    UPDATING = "updating"
    STAFF = "staff"
    USAGE = "usage"


# Pages a patient reads on; only these get the bar.
PATIENT_PAGES = frozenset({Page.HOME, Page.READER, Page.CONTACT})


class KioskWindow(QWidget):
    page_changed = Signal(str)
    session_reset = Signal()
    # The whole patient session starts: the attract screen was touched.
    woken = Signal()
    idle_warning_dismissed = Signal()
    idle_warning_expired = Signal()
    illustration_used = Signal(str)

    def __init__(
        self,
        content: KioskContent,
        metrics: Metrics,
        *,
        default_text_step: int = 0,
        reduced_motion: bool = False,
    ) -> None:
        super().__init__()
        self.setObjectName("KioskWindow")
        self._metrics = metrics
        self._default_text_step = default_text_step
        self._reduced_motion = reduced_motion
        self._close_allowed = True
        self.text_step = default_text_step
        self.section_index = 0
        self._page = Page.ATTRACT
        self._page_before_contact = Page.HOME

        self.stack = QStackedWidget()
        self.nav = NavBar(ui_text(content.language), metrics)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.nav)
        self.nav.home_clicked.connect(self.show_home)
        self.nav.previous_clicked.connect(self.show_previous)
        self.nav.next_clicked.connect(self.show_next)
        self.nav.text_size_clicked.connect(self.cycle_text_size)
        self.nav.contact_clicked.connect(self.show_contact)

        self.staff = StaffScreen(metrics)
        self.usage_screen = UsageScreen(metrics, {})
        self.usage_screen.back_requested.connect(self.show_staff)
        self.stack.addWidget(self.staff)
        self.stack.addWidget(self.usage_screen)
        self._content_screens: list[QWidget] = []
        self.set_content(content)

    # Content ---------------------------------------------------------------------------------

    def set_content(self, content: KioskContent) -> None:
        """Builds the patient screens for `content`, replacing any earlier ones."""
        text = ui_text(content.language)
        metrics = self._metrics
        for old in self._content_screens:
            self.stack.removeWidget(old)
            old.deleteLater()
        self.content = content
        self.sections = content.article.sections
        self.setWindowTitle(content.article.title or "Clinic kiosk")
        contact_section = content.article.contact_section
        self.attract = AttractScreen(content.article.title, content.clinic.name, text, metrics)
        self.attract.set_reduced_motion(self._reduced_motion)
        self.home = HomeScreen(content.article.title, self.sections, text, metrics)
        self.reader = ReaderScreen(text, metrics, reduced_motion=self._reduced_motion)
        self.contact = ContactScreen(
            content.clinic, contact_section.closing_html if contact_section else "", text, metrics
        )
        self.updating = UpdatingScreen(text, metrics)
        self.usage_screen.set_section_titles(
            {section.slug: section.title for section in self.sections}
        )
        self._content_screens = [self.attract, self.home, self.reader, self.contact, self.updating]
        for screen in self._content_screens:
            self.stack.addWidget(screen)
        self.attract.woken.connect(self.wake)
        self.home.section_chosen.connect(self.open_section)
        self.reader.next_requested.connect(self.show_next)
        self.reader.previous_requested.connect(self.show_previous)
        self.reader.illustration_used.connect(self.illustration_used)
        self.contact.back_requested.connect(self.leave_contact)

        self.idle_warning = self._replace_overlay(
            "idle_warning",
            CountdownOverlay(
                self,
                metrics,
                title=text.still_reading,
                message=text.still_reading_countdown,
                button=text.keep_reading,
            ),
        )
        self.cleaning = self._replace_overlay(
            "cleaning",
            CountdownOverlay(
                self, metrics, title=text.cleaning_title, message=text.cleaning_countdown
            ),
        )
        self.cleaning.finished.connect(self.reset_session)
        self.idle_warning.finished.connect(self.idle_warning_expired)
        self.idle_warning.finished.connect(self.reset_session)
        self.idle_warning.dismissed.connect(self.idle_warning_dismissed)
        self.apply_text_step(self.text_step)
        self._switch(Page.ATTRACT)

    def _replace_overlay(self, name: str, overlay: CountdownOverlay) -> CountdownOverlay:
        old = getattr(self, name, None)
        if isinstance(old, CountdownOverlay):
            old.stop()
            old.layer.deleteLater()
            old.deleteLater()
        return overlay

    # Navigation ------------------------------------------------------------------------------

    @property
    def page(self) -> Page:
        return self._page

    @property
    def page_name(self) -> str:
        """The page, and the section when reading: what the log and status file report."""
        if self._page is Page.READER and self.sections:
            return f"section:{self.sections[self.section_index].slug}"
        return self._page.value

    def wake(self) -> None:
        log.info("woken by a touch")
        self.show_home()
        self.woken.emit()

    def show_home(self) -> None:
        self._switch(Page.HOME if self.sections else Page.UPDATING)

    def open_section(self, index: int) -> None:
        if not 0 <= index < len(self.sections):
            return
        self.section_index = index
        self.reader.show_section(self.sections[index], index + 1, len(self.sections))
        self._switch(Page.READER)

    def show_next(self) -> None:
        if self._page is Page.HOME:
            self.open_section(0)
        elif self._page is Page.READER:
            if self.section_index + 1 < len(self.sections):
                self.open_section(self.section_index + 1)
            else:
                self.show_contact()

    def show_previous(self) -> None:
        if self._page is Page.READER and self.section_index > 0:
            self.open_section(self.section_index - 1)
        elif self._page is Page.CONTACT:
            self.leave_contact()

    def show_contact(self) -> None:
        if self._page is not Page.CONTACT:
            self._page_before_contact = self._page
        self._switch(Page.CONTACT)

    def leave_contact(self) -> None:
        if self._page_before_contact is Page.READER:
            self._switch(Page.READER)
        else:
            self.show_home()

    def show_staff(self) -> None:
        self._switch(Page.STAFF)

    def show_usage_screen(self) -> None:
        self._switch(Page.USAGE)

    def cycle_text_size(self) -> None:
        self.apply_text_step((self.text_step + 1) % TEXT_SIZE_STEPS)

    def apply_text_step(self, step: int) -> None:
        self.text_step = step
        self.reader.set_text_step(step)
        self.contact.set_text_step(step)
        self.nav.show_text_step(step)

    # Session ---------------------------------------------------------------------------------

    def show_idle_warning(self, seconds: int) -> None:
        if self._page is Page.ATTRACT or self.cleaning.is_counting:
            return
        log.info("idle: asking 'Still reading?' for %d s", seconds)
        self.idle_warning.start(seconds)

    def start_cleaning(self) -> None:
        log.info("paused for cleaning for %d s", CLEANING_S)
        self.cleaning.start(CLEANING_S)

    def reset_session(self) -> None:
        """Nothing of the last patient's session remains: page, text size, positions, overlays."""
        self.idle_warning.stop()
        self.cleaning.stop()
        self.reader.reset()
        self.section_index = 0
        self._page_before_contact = Page.HOME
        self.apply_text_step(self._default_text_step)
        self._switch(Page.ATTRACT)
        log.info("session reset")
        self.session_reset.emit()

    def set_session_defaults(self, *, text_step: int, reduced_motion: bool) -> None:
        """The clinic's defaults, applied from the next reset on."""
        self._default_text_step = text_step
        self._reduced_motion = reduced_motion
        self.attract.set_reduced_motion(reduced_motion)
        self.reader.set_reduced_motion(reduced_motion)

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

    def _switch(self, page: Page) -> None:
        self._page = page
        self.stack.setCurrentWidget(self._screen_for(page))
        in_reader = page is Page.READER
        self.nav.setVisible(page in PATIENT_PAGES)
        self.nav.set_available(
            home=page is not Page.HOME,
            previous=(in_reader and self.section_index > 0) or page is Page.CONTACT,
            next_=bool(self.sections) and page in (Page.HOME, Page.READER),
            contact=page is not Page.CONTACT,
        )
        log.info("screen %s", self.page_name)
        self.page_changed.emit(self.page_name)

    def _screen_for(self, page: Page) -> QWidget:
        screens: dict[Page, QWidget] = {
            Page.ATTRACT: self.attract,
            Page.HOME: self.home,
            Page.READER: self.reader,
            Page.CONTACT: self.contact,
            Page.UPDATING: self.updating,
            Page.STAFF: self.staff,
            Page.USAGE: self.usage_screen,
        }
        return screens[page]
