"""Every new patient finds a clean kiosk: idle warning, reset, and the attract screen's wake touch."""

from __future__ import annotations

import itertools

import pytest
from helpers.touch import tap
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from kiosk.navigation import Page
from kiosk.theme import COLORS, HIGH_CONTRAST
from kiosk.ui.screens.attract import BREATH_MS, CYCLE_MS, RINGS, BreathingHalo, breath_schedule


def read_somewhere(window) -> None:  # type: ignore[no-untyped-def]
    """A patient's session: a section opened, text enlarged, scrolled down, then Contact."""
    window.wake()
    window.open_section(2)
    window.cycle_text_size()
    window.cycle_text_size()
    scrollbar = window.reader.article.verticalScrollBar()
    scrollbar.setValue(scrollbar.maximum() // 2)
    window.show_contact()


def test_the_kiosk_starts_on_the_attract_screen_without_the_bar(make_kiosk) -> None:  # type: ignore[no-untyped-def]
    window = make_kiosk().window
    assert window.page is Page.ATTRACT
    assert not window.nav.isVisible()
    assert (
        window.attract.title_label.text()
        == "Antidepressants for Chronic Pain: Do They Really Help?"
    )


def test_the_touch_that_wakes_the_attract_screen_presses_nothing_beneath(make_kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_kiosk().window
    window.wake()  # lay the home screen out once to learn where its second tile sits
    tile = window.home.tiles[1]
    where = tile.mapTo(window, tile.rect().center())
    window.reset_session()

    def touch_at_tile() -> None:
        # Delivered to whatever is under that point of the glass, as Qt routes a real touch.
        target = window.childAt(where)
        qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(window, where))

    touch_at_tile()
    assert window.page is Page.HOME
    assert window.reader.section is None
    touch_at_tile()
    assert window.reader.section is window.sections[1]  # the same touch, once awake, opens it


def test_no_touch_for_the_idle_time_asks_still_reading(make_kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    controller = make_kiosk()
    window = controller.window
    window.wake()
    assert controller.idle.timer.isActive()
    assert controller.idle.timer.interval() == 90_000
    controller.idle.timer.setInterval(20)
    controller.idle.arm()
    with qtbot.waitSignal(controller.idle.idle, timeout=2000):
        pass
    assert window.idle_warning.layer.isVisible()
    assert window.idle_warning.seconds_left == 20
    assert "20 seconds" in window.idle_warning.countdown_label.text()
    assert window.idle_warning.is_counting


def test_without_a_tap_the_warning_resets_every_piece_of_the_session(make_kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    controller = make_kiosk()
    window = controller.window
    read_somewhere(window)
    window.show_idle_warning(20)
    with qtbot.waitSignal(window.session_reset):
        window.idle_warning.expire()
    assert window.page is Page.ATTRACT
    assert window.text_step == 0
    assert window.nav.text_size_button.text().endswith("●○○")
    assert window.reader.section is None
    assert window.reader.article.verticalScrollBar().value() == 0
    assert not window.idle_warning.layer.isVisible()
    assert not controller.idle.timer.isActive()
    assert controller.resets == 1
    window.wake()
    assert window.page is Page.HOME
    window.show_next()
    assert window.reader.section is window.sections[0]
    assert window.reader.article.verticalScrollBar().value() == 0


def test_a_tap_on_the_warning_keeps_the_patient_where_they_were(make_kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    controller = make_kiosk()
    window = controller.window
    window.wake()
    window.open_section(3)
    controller.idle.disarm()
    window.show_idle_warning(20)
    assert window.idle_warning.button is not None
    qtbot.mouseClick(window.idle_warning.button, Qt.MouseButton.LeftButton)
    assert not window.idle_warning.layer.isVisible()
    assert window.page is Page.READER
    assert window.reader.section is window.sections[3]
    assert controller.idle.timer.isActive()


def test_a_tap_anywhere_on_the_warning_also_keeps_reading_and_goes_no_further(make_kiosk) -> None:  # type: ignore[no-untyped-def]
    controller = make_kiosk()
    window = controller.window
    window.wake()
    window.show_idle_warning(20)
    tap(window.idle_warning.layer, QPoint(5, 5))
    assert not window.idle_warning.is_counting
    assert window.page is Page.HOME


def test_any_touch_restarts_the_wait(make_kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    controller = make_kiosk()
    window = controller.window
    window.wake()
    timer = controller.idle.timer
    timer.setInterval(60_000)
    timer.start()
    timer.setInterval(90_000)
    qtbot.mouseClick(window.nav.text_size_button, Qt.MouseButton.LeftButton)
    assert timer.remainingTime() > 60_000
    qtbot.keyClick(window, Qt.Key.Key_A)
    assert controller.idle.seconds_since_touch() == 0


def test_the_attract_screen_animates_only_while_shown_and_never_with_reduced_motion(  # type: ignore[no-untyped-def]
    make_kiosk,
) -> None:
    window = make_kiosk().window
    assert window.attract.halo.is_animating
    window.wake()
    assert not window.attract.halo.is_animating
    window.reset_session()
    assert window.attract.halo.is_animating
    window.attract.set_reduced_motion(True)
    assert not window.attract.halo.is_animating


@pytest.mark.parametrize("colors", [COLORS, HIGH_CONTRAST], ids=["normal", "high contrast"])
def test_the_halo_rings_look_like_tints_stacked_over_the_background(qtbot, colors) -> None:  # type: ignore[no-untyped-def]
    """The rings are painted opaque (cheaper), in the colours their translucent tints make."""
    halo = BreathingHalo(300)
    qtbot.addWidget(halo)
    halo.set_colors(colors)
    halo.set_reduced_motion(True)  # a still frame: the breath half way
    image = halo.grab().toImage()
    background, accent = QColor(colors.background), QColor(colors.accent)
    expected = background
    # A point inside each ring but outside the next (radii 0.93, 0.73, 0.52 and the core 0.3).
    for (_share, alpha), where in zip(RINGS, (0.85, 0.62, 0.42), strict=True):
        channels = [
            base + (ink - base) * alpha
            for base, ink in zip(
                (expected.redF(), expected.greenF(), expected.blueF()),
                (accent.redF(), accent.greenF(), accent.blueF()),
                strict=True,
            )
        ]
        expected = QColor.fromRgbF(*channels)
        seen = image.pixelColor(round(150 + 150 * where), 150)
        assert abs(seen.red() - expected.red()) <= 1
        assert abs(seen.green() - expected.green()) <= 1
        assert abs(seen.blue() - expected.blue()) <= 1


def test_the_halo_moves_two_pixels_at_a_time_and_is_still_between_breaths(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The attract screen rests (<= 0.5 % of a core, `make bench`): the halo repaints only when
    its largest ring has grown or shrunk by about two pixels, and not at all between breaths."""
    halo = BreathingHalo(300)
    qtbot.addWidget(halo)
    assert halo.steps == 11  # the largest ring swells by 21 px at this size: ~2 px a look
    schedule = breath_schedule(halo.steps)
    looks = [look for _ms, look in schedule]
    assert looks[0] == 0 and max(looks) == halo.steps
    assert all(abs(after - before) == 1 for before, after in itertools.pairwise(looks))
    assert len(schedule) == 2 * halo.steps + 1  # in and out again, once a cycle
    assert schedule[-1] == (schedule[-1][0], 0) and schedule[-1][0] <= BREATH_MS < CYCLE_MS
