"""What the kiosk says about a screen and a control, in the session's language: the words a
screen reader would give (name, role, state, what it does), without the symbols on the labels."""

from __future__ import annotations

import unicodedata

from PySide6.QtWidgets import QAbstractButton, QWidget

from kiosk.navigation import Page
from kiosk.ui.widgets.article_text import ArticleText
from kiosk.ui.window import KioskWindow
from kiosk.ui_text import UiText


def speakable(text: str) -> str:
    """The words of a label without its arrows and symbols ("Next →" is said "Next")."""
    kept = "".join(" " if unicodedata.category(char).startswith("S") else char for char in text)
    return " ".join(kept.split())


def spoken_digits(phone: str) -> str:
    """A phone number said digit by digit, in its groups: "(336) 438-2525" -> "3 3 6, 4 3 8, …"."""
    pieces = []
    for part in phone.replace("-", " ").split():
        digits = [char for char in part if char.isdigit()]
        if digits:
            pieces.append(" ".join(digits))
    return ", ".join(pieces) if pieces else phone


def screen_words(window: KioskWindow) -> str:
    """The screen's name and where the patient is ("Introduction. 1 of 5.")."""
    text = window.screens.text
    page = window.page
    if page is Page.HOME:
        title = window.screens.content.article.title
        return f"{text.home}. {title}. {text.home_intro}"
    if page is Page.READER and window.reader.section is not None:
        return f"{window.reader.section.title}. {window.reader.progress_label.text()}."
    if page is Page.CONTACT:
        contact = window.contact
        parts = [text.contact_title, contact.clinic.name]
        if contact.clinic.phone:
            parts.append(spoken_digits(contact.clinic.phone))
        return ". ".join(part for part in parts if part) + "."
    if page is Page.UPDATING:
        return text.updating
    return ""


def describe(widget: QWidget, text: UiText) -> str:
    """A control's name, role, state and what it does, as a screen reader would say them."""
    name = speakable(widget.accessibleName())
    if isinstance(widget, ArticleText):
        return f"{name}, {text.role_text}. {text.text_keys_hint}"
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        state = text.on if widget.isChecked() else text.off
        words = f"{name}, {text.role_toggle}"
        if not name.endswith(state):
            words += f", {state}"
    else:
        words = f"{name}, {text.role_button}"
    description = widget.accessibleDescription()
    return f"{words}. {description}" if description else f"{words}."
