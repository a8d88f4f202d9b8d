"""The running kiosk counts what a patient does, and the staff menu shows it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from kiosk.navigation import Page
from kiosk.ui.screens.staff import StaffAction


def test_a_session_through_the_real_window_is_counted_and_shown(  # type: ignore[no-untyped-def]
    make_kiosk, tmp_path: Path, qtbot
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[state]\nfolder = "{tmp_path}"\n', encoding="utf-8")
    now = [100.0]
    controller = make_kiosk(config=config, clock=lambda: now[0])
    window = controller.window
    window.wake()
    window.open_section(1)  # the synapse
    now[0] += 30
    assert window.reader.illustration is not None
    qtbot.mouseClick(
        window.reader.illustration.choice_buttons["with-snri"], Qt.MouseButton.LeftButton
    )
    window.show_contact()
    now[0] += 5
    window.show_idle_warning(20)
    window.idle_warning.expire()  # nobody answered: reset, which flushes
    assert window.page is Page.ATTRACT
    summary = controller.usage.store.summary(7, date.today())
    assert summary.total_sessions == 1
    assert summary.section_views["mechanism"].count == 1
    assert summary.section_views["mechanism"].seconds == 30
    assert summary.illustration_uses == {"synapse": 1}
    assert (summary.contact_opens, summary.warnings_answered, summary.warnings_expired) == (1, 0, 1)
    controller.open_staff_menu()
    qtbot.mouseClick(window.staff.buttons[StaffAction.USAGE], Qt.MouseButton.LeftButton)
    assert window.page is Page.USAGE
    qtbot.mouseClick(window.usage_screen.back_button, Qt.MouseButton.LeftButton)
    assert window.page is Page.STAFF
