"""What a screen reader is told: roles, names, reading order and each text's language."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QWidget

from kiosk.illustration_text import illustration_text
from kiosk.ui.illustrations import PICTURES

Role = QAccessible.Role


def interface(widget: QWidget) -> QAccessibleInterface:
    found = QAccessible.queryAccessibleInterface(widget)
    assert found is not None
    return found


def locale_of(widget: QWidget) -> str:
    attributes = interface(widget).attributesInterface()
    assert attributes is not None
    return str(attributes.attributeValue(QAccessible.Attribute.Locale).name())


def children_names(widget: QWidget) -> list[str]:
    parent = interface(widget)
    children = (parent.child(index) for index in range(parent.childCount()))
    return [
        child.text(QAccessible.Text.Name)
        for child in children
        if child is not None and not child.state().invisible
    ]


def test_overlays_are_a_dialog_and_alerts(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.show_display_options()
    display = interface(window.screens.display)
    assert display.role() == Role.Dialog
    assert display.text(QAccessible.Text.Name) == "Display"
    window.show_idle_warning(20)
    card = interface(window.idle_warning.layer.card)
    assert card.role() == Role.AlertMessage
    assert card.text(QAccessible.Text.Name) == "Still reading?"
    assert interface(window.cleaning.layer.card).role() == Role.AlertMessage


def test_touch_to_start_is_a_button(make_kiosk) -> None:  # type: ignore[no-untyped-def]
    window = make_kiosk().window
    prompt = interface(window.attract.prompt_label)
    assert prompt.role() == Role.Button
    assert prompt.text(QAccessible.Text.Name) == "Touch to start"


def test_every_tile_picture_has_a_name(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    words = illustration_text("en")
    pictures = 0
    for tile, section in zip(window.home.tiles, window.sections, strict=True):
        if tile.picture is not None:
            pictures += 1
            name = interface(tile.picture).text(QAccessible.Text.Name)
            assert name == PICTURES[section.illustration or ""].spec.words_of(words).title
    assert pictures == 3


def test_the_bar_is_read_in_the_order_it_is_shown(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_section(1)
    shown = sorted(
        (button for button in window.nav.buttons if button.isVisible()),
        key=lambda button: (button.y(), button.x()),
    )
    assert children_names(window.nav) == [button.accessibleName() for button in shown]
    assert children_names(window.nav)[-1] == "Español"


def test_each_text_carries_its_language(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_section(0)
    assert locale_of(window.reader.article).startswith("en")
    assert locale_of(window.nav.home_button).startswith("en")
    assert locale_of(window.nav.language_button).startswith("es")  # "Español"
    window.next_language()
    for widget in (
        window.reader.article,
        window.reader.title_label,
        window.nav.home_button,
        window.screens.display.toggles["high_contrast"],
        window.idle_warning.title_label,
        window.idle_warning.countdown_label,
        window.attract.title_label,
        window.contact.details_text,
    ):
        assert locale_of(widget).startswith("es"), widget
    assert locale_of(window.nav.language_button).startswith("en")  # "English"
    # What has a role of the kiosk's own (the dialog, the alerts, Touch to start) takes the
    # application's locale, which follows the session's language.
    assert QLocale().name().startswith("es")
    window.reset_session()
    assert QLocale().name().startswith("en")
