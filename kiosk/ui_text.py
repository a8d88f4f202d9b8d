"""Every sentence the kiosk itself shows (not the article): one catalog, one entry per language.

A dataclass rather than a dict so that a language missing a string is a type error and a
`kiosk check` error, not a blank button in front of a patient.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class UiText:
    home: str
    previous: str
    next: str
    text_size: str
    contact: str
    home_intro: str
    progress: str  # {current} and {total}
    more_below: str
    disclaimer: str
    updating: str
    contact_title: str
    back: str
    scan_contact: str
    scan_website: str
    ask_front_desk: str
    touch_to_start: str
    still_reading: str
    still_reading_countdown: str  # {seconds}
    keep_reading: str
    cleaning_title: str
    cleaning_countdown: str  # {seconds}


ENGLISH = UiText(
    home="Home",
    previous="← Previous",
    next="Next →",
    text_size="Text size",
    contact="Contact",
    home_intro="Touch a topic to read it.",
    progress="{current} of {total}",
    more_below="More below — slide the text up ↑",
    disclaimer="Educational information, not medical advice — talk with your care team.",
    updating="This screen is being updated — please ask at the front desk.",
    contact_title="Contact us",
    back="← Back",
    scan_contact="Scan with your phone's camera to save our contact details",
    scan_website="Scan to open our website",
    ask_front_desk="Please ask at the front desk",
    touch_to_start="Touch to start",
    still_reading="Still reading?",
    still_reading_countdown="The screen will go back to the start in {seconds} seconds.",
    keep_reading="Yes, keep reading",
    cleaning_title="Cleaning the screen",
    cleaning_countdown="Touches are paused. Back in {seconds} seconds.",
)

CATALOG: dict[str, UiText] = {"en": ENGLISH}


def ui_text(language: str) -> UiText:
    return CATALOG.get(language, ENGLISH)
