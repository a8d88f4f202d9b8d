"""Patients cannot leave the kiosk: closing keys, menus and drops do nothing; the window stays."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication

from kiosk.navigation import Page

BLOCKED = [
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Tab, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_F2, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Super_L, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_D, Qt.KeyboardModifier.MetaModifier),
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.ControlModifier),
]
# Escape alone is the keypad's Back key now: it goes back inside the kiosk (tests/test_keys.py).


@pytest.mark.parametrize(("key", "modifier"), BLOCKED, ids=lambda v: getattr(v, "name", str(v)))
def test_each_blocked_key_sequence_leaves_the_window_open(make_kiosk, qtbot, key, modifier) -> None:  # type: ignore[no-untyped-def]
    controller = make_kiosk(kiosk_mode=True)
    window = controller.window
    window.wake()
    window.open_section(1)
    for target in (window, window.reader.article, window.nav.next_button):
        qtbot.keyClick(target, key, modifier)
    assert window.isVisible()
    assert window.page is Page.READER


def test_the_window_refuses_to_close_except_through_exit(make_kiosk) -> None:  # type: ignore[no-untyped-def]
    window = make_kiosk(kiosk_mode=True).window
    assert window.close() is False
    assert window.isVisible()
    window.allow_close()
    assert window.close() is True


def test_a_newcomers_window_closes_normally(make_kiosk) -> None:  # type: ignore[no-untyped-def]
    window = make_kiosk(kiosk_mode=False).window
    assert window.close() is True


def test_right_click_and_long_press_menus_never_open(make_kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_kiosk(kiosk_mode=True).window
    window.wake()
    window.open_section(0)
    for widget in (
        window.reader.article.viewport(),
        window.reader.title_label,
        window.nav.home_button,
        window.home,
    ):
        event = QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse, QPoint(5, 5), widget.mapToGlobal(QPoint(5, 5))
        )
        QApplication.sendEvent(widget, event)
        assert QApplication.activePopupWidget() is None
    qtbot.mouseClick(window.reader.article.viewport(), Qt.MouseButton.RightButton)
    assert QApplication.activePopupWidget() is None
    assert window.page is Page.READER


def test_ten_fast_taps_on_next_land_on_a_consistent_screen(make_kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_kiosk(kiosk_mode=True).window
    window.wake()
    for _ in range(10):
        if window.nav.next_button.isEnabled():
            qtbot.mouseClick(window.nav.next_button, Qt.MouseButton.LeftButton)
    assert window.page is Page.CONTACT
    assert window.stack.currentWidget() is window.contact
    assert not window.nav.next_button.isEnabled()
