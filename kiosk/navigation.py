"""Where the kiosk can be and how a patient moves between its pages, free of Qt.

The window (kiosk/ui/window.py) asks this model where a tap leads and shows the answer; the soak
driver (bench/soak.py) and the tests check the window against the same rules. A new page is a
`Page` member here: mypy then names every `match` that does not handle it (the window's screen
for it, `kiosk preview`'s picture of it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum


class Page(Enum):
    ATTRACT = "attract"
    HOME = "home"
    READER = "reader"
    CONTACT = "contact"
    UPDATING = "updating"  # instead of home while no section can be shown
    STAFF = "staff"
    USAGE = "usage"


# Pages a patient reads on; only these get the bar.
PATIENT_PAGES = frozenset({Page.HOME, Page.READER, Page.CONTACT})


@dataclass(frozen=True)
class Place:
    """A page, and on the reader the index of the section shown."""

    page: Page
    section_index: int = 0


@dataclass(frozen=True)
class Location:
    """What the window shows, as the rest of the kiosk hears it: a page and, on the reader, the
    slug of the section."""

    page: Page
    section: str | None = None

    @property
    def name(self) -> str:
        """`home`, `section:<slug>`...: what the log and the status file report."""
        if self.page is Page.READER and self.section is not None:
            return f"section:{self.section}"
        return self.page.value


@dataclass(frozen=True)
class NavButtons:
    """Which of the bar's buttons lead somewhere from a place."""

    home: bool
    previous: bool
    next: bool
    contact: bool


class Navigation:
    """The patient's place among `section_count` sections, and where each intent leads from it.

    The `after_*` methods only answer; `arrive()` records the place the window then shows."""

    def __init__(self, section_count: int) -> None:
        self.section_count = section_count
        self.place = Place(Page.ATTRACT)
        self._before_contact = Place(Page.HOME)

    @property
    def page(self) -> Page:
        return self.place.page

    @property
    def section_index(self) -> int:
        return self.place.section_index

    def restart(self, section_count: int) -> None:
        """New content, or a new session: back to the attract screen."""
        self.section_count = section_count
        self.place = Place(Page.ATTRACT)
        self._before_contact = Place(Page.HOME)

    def arrive(self, place: Place) -> None:
        if place.page is Page.CONTACT and self.place.page is not Page.CONTACT:
            self._before_contact = self.place
        self.place = place

    def home(self) -> Place:
        return Place(Page.HOME if self.section_count else Page.UPDATING, self.section_index)

    def section(self, index: int) -> Place | None:
        return Place(Page.READER, index) if 0 <= index < self.section_count else None

    def after_next(self) -> Place | None:
        match self.page:
            case Page.HOME:
                return self.section(0)
            case Page.READER if self.section_index + 1 < self.section_count:
                return self.section(self.section_index + 1)
            case Page.READER:
                return self.contact()
            case _:
                return None

    def after_previous(self) -> Place | None:
        match self.page:
            case Page.READER if self.section_index > 0:
                return self.section(self.section_index - 1)
            case Page.CONTACT:
                return self.after_contact()
            case _:
                return None

    def contact(self) -> Place:
        return Place(Page.CONTACT, self.section_index)

    def after_contact(self) -> Place:
        """Back where the patient came from: the section they read, else home."""
        if self._before_contact.page is Page.READER:
            return self.section(self.section_index) or self.home()
        return self.home()

    def buttons(self) -> NavButtons:
        page = self.page
        return NavButtons(
            home=page is not Page.HOME,
            previous=(page is Page.READER and self.section_index > 0) or page is Page.CONTACT,
            next=self.section_count > 0 and page in (Page.HOME, Page.READER),
            contact=page is not Page.CONTACT,
        )

    def location(self, slugs: Sequence[str]) -> Location:
        """The place as a `Location`, naming the section by its slug in `slugs`."""
        if self.page is Page.READER and self.section_index < len(slugs):
            return Location(Page.READER, slugs[self.section_index])
        return Location(self.page)


def every_location(slugs: Sequence[str]) -> list[Location]:
    """Every page once and the reader once for each section (in `slugs`): what previews and
    layout checks go through, so that a new page cannot be left out of them."""
    found = []
    for page in Page:
        if page is Page.READER:
            found += [Location(Page.READER, slug) for slug in slugs]
        else:
            found.append(Location(page))
    return found
