"""The one full-screen window: owns the screens and the bar, and is the only place that switches."""

from __future__ import annotations

import logging
from enum import Enum

from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from kiosk.loading import KioskContent
from kiosk.theme import TEXT_SIZE_STEPS, Metrics
from kiosk.ui.screens.contact import ContactScreen
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.reader import ReaderScreen
from kiosk.ui.screens.updating import UpdatingScreen
from kiosk.ui.widgets.nav_bar import NavBar
from kiosk.ui_text import ui_text

log = logging.getLogger(__name__)


class Page(Enum):
    HOME = "home"
    READER = "reader"
    CONTACT = "contact"
    UPDATING = "updating"


class KioskWindow(QWidget):
    def __init__(self, content: KioskContent, metrics: Metrics, default_text_step: int = 0) -> None:
        super().__init__()
        self.setObjectName("KioskWindow")
        self.setWindowTitle(content.article.title or "Clinic kiosk")
        text = ui_text(content.language)
        self.sections = content.article.sections
        self._default_text_step = default_text_step
        self.text_step = default_text_step
        self.section_index = 0
        self._page = Page.HOME
        self._page_before_contact = Page.HOME

        contact_section = content.article.contact_section
        self.home = HomeScreen(content.article.title, self.sections, text, metrics)
        self.reader = ReaderScreen(text, metrics)
        self.contact = ContactScreen(
            content.clinic, contact_section.closing_html if contact_section else "", text, metrics
        )
        self.updating = UpdatingScreen(text, metrics)
        self.nav = NavBar(text, metrics)
        self.stack = QStackedWidget()
        for screen in (self.home, self.reader, self.contact, self.updating):
            self.stack.addWidget(screen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.nav)

        self.home.section_chosen.connect(self.open_section)
        self.reader.next_requested.connect(self.show_next)
        self.reader.previous_requested.connect(self.show_previous)
        self.contact.back_requested.connect(self.leave_contact)
        self.nav.home_clicked.connect(self.show_home)
        self.nav.previous_clicked.connect(self.show_previous)
        self.nav.next_clicked.connect(self.show_next)
        self.nav.text_size_clicked.connect(self.cycle_text_size)
        self.nav.contact_clicked.connect(self.show_contact)
        self.apply_text_step(default_text_step)
        self.show_home()

    @property
    def page(self) -> Page:
        return self._page

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

    def cycle_text_size(self) -> None:
        self.apply_text_step((self.text_step + 1) % TEXT_SIZE_STEPS)

    def apply_text_step(self, step: int) -> None:
        self.text_step = step
        self.reader.set_text_step(step)
        self.contact.set_text_step(step)
        self.nav.show_text_step(step)

    def _switch(self, page: Page) -> None:
        self._page = page
        self.stack.setCurrentWidget(self._screen_for(page))
        has_sections = bool(self.sections)
        in_reader = page is Page.READER
        self.nav.setVisible(page is not Page.UPDATING)
        self.nav.set_available(
            home=page is not Page.HOME,
            previous=(in_reader and self.section_index > 0) or page is Page.CONTACT,
            next_=has_sections and page in (Page.HOME, Page.READER),
            contact=page is not Page.CONTACT,
        )
        log.info(
            "screen %s%s",
            page.value,
            f" {self.sections[self.section_index].slug}" if in_reader else "",
        )

    def _screen_for(self, page: Page) -> QWidget:
        screens: dict[Page, QWidget] = {
            Page.HOME: self.home,
            Page.READER: self.reader,
            Page.CONTACT: self.contact,
            Page.UPDATING: self.updating,
        }
        return screens[page]
