"""Reception staff: the hidden corner hold, the PIN pad and its lockout, and the staff menu."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from kiosk.navigation import Page
from kiosk.pin import hash_pin
from kiosk.ui.screens.staff import StaffAction
from kiosk.ui.widgets.modal_layer import ModalLayer

PIN = "4826"


@pytest.fixture(scope="module")
def pin_config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("config") / "kiosk.toml"
    state = path.parent / "state"
    path.write_text(
        f'[staff]\npin_hash = "{hash_pin(PIN)}"\n[state]\nfolder = "{state}"\n', encoding="utf-8"
    )
    return path


def enter(controller, digits: str, qtbot) -> None:  # type: ignore[no-untyped-def]
    for digit in [*digits, "OK"]:
        qtbot.mouseClick(controller.staff.pad.keys[digit], Qt.MouseButton.LeftButton)


def hold_corner(controller, qtbot, *, release_after_ms: int | None) -> None:  # type: ignore[no-untyped-def]
    window = controller.window
    controller.staff.gesture.timer.setInterval(30)  # the 3 s hold, shortened
    target = window.childAt(QPoint(10, 10)) or window
    qtbot.mousePress(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(window, QPoint(10, 10)))
    if release_after_ms is None:
        with qtbot.waitSignal(controller.staff.gesture.held, timeout=2000):
            pass
    qtbot.mouseRelease(
        target, Qt.MouseButton.LeftButton, pos=target.mapFrom(window, QPoint(10, 10))
    )


def test_holding_the_corner_opens_the_pin_pad(make_kiosk, pin_config: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    controller = make_kiosk(config=pin_config)
    controller.window.wake()
    assert controller.staff.gesture.timer.interval() == 3000
    hold_corner(controller, qtbot, release_after_ms=None)
    assert controller.staff.pad_layer.isVisible()


def test_a_short_tap_in_the_corner_does_nothing_visible(  # type: ignore[no-untyped-def]
    make_kiosk, pin_config: Path, qtbot
) -> None:
    controller = make_kiosk(config=pin_config)
    controller.window.wake()
    hold_corner(controller, qtbot, release_after_ms=0)
    assert not controller.staff.gesture.timer.isActive()
    assert not controller.staff.is_open
    assert controller.window.page is Page.HOME


def test_without_a_pin_the_corner_shows_patients_nothing_and_tells_staff_in_log_and_status(  # type: ignore[no-untyped-def]
    make_kiosk, qtbot, caplog: pytest.LogCaptureFixture
) -> None:
    controller = make_kiosk()
    controller.window.wake()
    layers_before = [
        layer for layer in controller.window.findChildren(ModalLayer) if layer.isVisible()
    ]
    with caplog.at_level(logging.WARNING):
        hold_corner(controller, qtbot, release_after_ms=None)
    assert layers_before == []
    assert [
        layer for layer in controller.window.findChildren(ModalLayer) if layer.isVisible()
    ] == []
    assert controller.window.page is Page.HOME
    assert "staff menu not set up" in caplog.text
    assert any("staff menu not set up" in problem for problem in controller.status().problems)


def test_with_a_pin_status_reports_no_staff_problem(make_kiosk, pin_config: Path) -> None:  # type: ignore[no-untyped-def]
    controller = make_kiosk(config=pin_config)
    assert not any("staff menu" in problem for problem in controller.status().problems)


def test_the_right_pin_opens_the_menu_and_a_wrong_one_does_not(  # type: ignore[no-untyped-def]
    make_kiosk, pin_config: Path, qtbot
) -> None:
    controller = make_kiosk(config=pin_config)
    controller.window.wake()
    controller.staff.open()
    enter(controller, "1111", qtbot)
    assert controller.window.page is Page.HOME
    assert controller.staff.pad.message_label.text() == "Wrong PIN"
    assert controller.staff.pad.display.text().strip() == ""
    enter(controller, PIN, qtbot)
    assert controller.window.page is Page.STAFF
    assert not controller.staff.is_open
    assert "Version" in controller.window.staff.report.toPlainText()


def test_the_pad_masks_digits_and_accepts_digits_only(make_kiosk, pin_config: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    controller = make_kiosk(config=pin_config)
    controller.staff.open()
    pad = controller.staff.pad
    for digit in "123456789":
        qtbot.mouseClick(pad.keys[digit], Qt.MouseButton.LeftButton)
    assert pad.display.text() == "●" * 8
    qtbot.mouseClick(pad.keys["⌫"], Qt.MouseButton.LeftButton)
    assert pad.display.text() == "●" * 7
    assert set(pad.keys) == {*"0123456789", "⌫", "OK"}


def test_wrong_pins_lock_the_pad_and_the_lockout_escalates(  # type: ignore[no-untyped-def]
    make_kiosk, pin_config: Path, qtbot, caplog
) -> None:
    now = [1000.0]
    controller = make_kiosk(config=pin_config, clock=lambda: now[0])
    controller.staff.open()
    for _ in range(5):
        enter(controller, "0000", qtbot)
    pad = controller.staff.pad
    assert not pad.keys["1"].isEnabled()
    assert "Try again in 60 s" in pad.message_label.text()
    pad.submitted.emit(PIN)  # even the right PIN is refused while locked
    assert controller.window.page is not Page.STAFF
    now[0] += 61
    controller.staff.lock_ticker.timeout.emit()
    assert pad.keys["1"].isEnabled()
    for _ in range(5):
        enter(controller, "0000", qtbot)
    assert "Try again in 120 s" in pad.message_label.text()
    assert "0000" not in caplog.text
    assert "wrong staff PIN" in caplog.text


def test_the_pad_closes_itself_when_left_alone(make_kiosk, pin_config: Path) -> None:  # type: ignore[no-untyped-def]
    controller = make_kiosk(config=pin_config)
    controller.staff.open()
    timer = controller.staff.pad.idle_timer
    assert timer.isActive()
    assert timer.interval() == 30_000
    timer.timeout.emit()
    assert not controller.staff.is_open


def test_staff_menu_reset_now_and_close_return_to_a_clean_attract_screen(make_kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    controller = make_kiosk()
    window = controller.window
    window.wake()
    window.open_section(1)
    window.cycle_text_size()
    controller.open_staff_menu()
    qtbot.mouseClick(window.staff.buttons[StaffAction.RESET], Qt.MouseButton.LeftButton)
    assert window.page is Page.ATTRACT
    assert window.text_step == 0
    controller.open_staff_menu()
    qtbot.mouseClick(window.staff.buttons[StaffAction.CLOSE], Qt.MouseButton.LeftButton)
    assert window.page is Page.ATTRACT


def test_reload_keeps_the_last_good_content_when_the_new_one_is_broken(  # type: ignore[no-untyped-def]
    make_kiosk, content_copy: Path, qtbot
) -> None:
    controller = make_kiosk(content=content_copy)
    window = controller.window
    controller.open_staff_menu()
    for path in (content_copy / "en").glob("*.md"):
        path.write_text("---\ntitle: only\n---\n", encoding="utf-8")
    qtbot.mouseClick(window.staff.buttons[StaffAction.RELOAD], Qt.MouseButton.LeftButton)
    report = window.staff.report.toPlainText()
    assert report.startswith("Kept the last good content")
    assert "'summary' is missing" in report
    assert len(window.sections) == 5
    assert controller.status().problems


def test_reload_applies_good_new_content(make_kiosk, content_copy: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    controller = make_kiosk(content=content_copy)
    window = controller.window
    before = controller.loaded.fingerprint
    (content_copy / "en" / "04-holistic.md").unlink()
    qtbot.mouseClick(window.staff.buttons[StaffAction.RELOAD], Qt.MouseButton.LeftButton)
    assert window.staff.report.toPlainText().startswith("Reloaded 4 sections")
    assert len(window.sections) == 4
    assert controller.loaded.fingerprint != before
    window.wake()
    assert len(window.home.tiles) == 4


def test_pause_for_cleaning_ignores_touches_then_resets(make_kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    controller = make_kiosk()
    window = controller.window
    controller.open_staff_menu()
    qtbot.mouseClick(window.staff.buttons[StaffAction.CLEANING], Qt.MouseButton.LeftButton)
    assert window.cleaning.layer.isVisible()
    assert window.cleaning.seconds_left == 30
    qtbot.mouseClick(window.cleaning.layer, Qt.MouseButton.LeftButton)
    assert window.cleaning.is_counting  # a touch does nothing
    with qtbot.waitSignal(window.session_reset):
        window.cleaning.expire()
    assert window.page is Page.ATTRACT


def test_status_names_version_content_config_and_log(make_kiosk, pin_config: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    controller = make_kiosk(config=pin_config)
    window = controller.window
    controller.open_staff_menu()
    qtbot.mouseClick(window.staff.buttons[StaffAction.STATUS], Qt.MouseButton.LeftButton)
    report = window.staff.report.toPlainText()
    for expected in (
        "Version 0.",
        "Content: ",
        "5 sections",
        f"Config: {pin_config}",
        "Screen: 1920x1080",
        "Last reset: none yet",
        "Problems: none",
    ):
        assert expected in report
    controller.write_status()
    record = json.loads((pin_config.parent / "state" / "status.json").read_text(encoding="utf-8"))
    assert record["screen"] == "staff"
    assert record["sections"] == 5


def test_exit_kiosk_closes_the_window(make_kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    controller = make_kiosk(kiosk_mode=True)
    window = controller.window
    controller.open_staff_menu()
    qtbot.mouseClick(window.staff.buttons[StaffAction.EXIT], Qt.MouseButton.LeftButton)
    assert not window.isVisible()
