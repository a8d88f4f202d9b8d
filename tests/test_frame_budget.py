"""The pictures draw 60 frames a second where that fits the CPU budget, else 30, else 20."""

from __future__ import annotations

import logging

import pytest
from pytestqt.qtbot import QtBot

from kiosk.frame_budget import CHECK_MS, FAST_MS, INTERVALS_MS, FrameBudget
from kiosk.theme import Metrics
from kiosk.ui.illustrations import create_illustration, motion

SLOW_MS, SLOWEST_MS = INTERVALS_MS[1:]


class FakeClock:
    """Process CPU seconds and wall seconds that a test moves on by hand."""

    def __init__(self) -> None:
        self.cpu = 0.0
        self.wall = 0.0

    def __call__(self) -> tuple[float, float]:
        return self.cpu, self.wall

    def run(self, seconds: float, percent: float) -> None:
        self.wall += seconds
        self.cpu += seconds * percent / 100


def readings(budget: FrameBudget, clock: FakeClock, *percents: float) -> list[int]:
    """The interval after each reading at these CPU shares (the first, warming up, is left out)."""
    budget.begin()
    clock.run(1.5, 50.0)  # the first frames build the picture: never judged
    budget.check()
    intervals = []
    for percent in percents:
        clock.run(1.5, percent)
        budget.check()
        intervals.append(budget.interval_ms)
    return intervals


def test_sixty_frames_while_they_fit_the_budget() -> None:
    clock = FakeClock()
    budget = FrameBudget(clock=clock)
    assert readings(budget, clock, 2.9, 2.5, 2.99, 1.0) == [FAST_MS] * 4


def test_thirty_after_two_readings_in_a_row_over_budget() -> None:
    clock = FakeClock()
    budget = FrameBudget(clock=clock)
    assert readings(budget, clock, 3.5, 2.0, 3.5, 4.0, 4.0) == [
        FAST_MS,
        FAST_MS,  # one busy moment changes nothing
        FAST_MS,
        SLOW_MS,
        SLOW_MS,
    ]
    assert budget.last_percent == pytest.approx(4.0)


def test_twenty_when_thirty_is_still_over_budget_and_never_slower() -> None:
    clock = FakeClock()
    budget = FrameBudget(clock=clock, interval_ms=SLOW_MS)
    assert readings(budget, clock, 3.2, 3.2, 4.0, 4.0) == [
        SLOW_MS,
        SLOWEST_MS,
        SLOWEST_MS,
        SLOWEST_MS,
    ]


def test_back_up_a_rate_only_with_room_to_spare() -> None:
    clock = FakeClock()
    budget = FrameBudget(clock=clock, interval_ms=SLOW_MS)
    # 1.5 % at 30 frames would be about 3.1 % at 60: stay; at 1.0 %, about 2.1 %: go back up.
    assert readings(budget, clock, 1.5, 1.5, 1.0, 1.0) == [SLOW_MS, SLOW_MS, SLOW_MS, FAST_MS]


def test_a_new_start_forgets_half_a_verdict() -> None:
    clock = FakeClock()
    budget = FrameBudget(clock=clock)
    assert readings(budget, clock, 5.0) == [FAST_MS]
    assert readings(budget, clock, 5.0) == [FAST_MS]


def test_a_picture_steps_down_when_its_motion_costs_too_much(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    clock = FakeClock()
    illustration = create_illustration(
        "synapse",
        Metrics.for_screen(1920, 1080),
        reduced_motion=False,
        frame_budget=FrameBudget(clock=clock),
    )
    qtbot.addWidget(illustration)
    illustration.resize(860, 720)
    illustration.show()
    timer = illustration.frame_timer
    assert timer.isActive() and timer.interval() == FAST_MS

    def frames(count: int, percent: float) -> None:
        for _ in range(count):
            clock.run(FAST_MS / 1000, percent)
            timer.timeout.emit()

    per_check = CHECK_MS // FAST_MS
    frames(per_check, 3.0)  # warming up
    frames(per_check, 2.0)
    assert timer.interval() == FAST_MS
    with caplog.at_level(logging.INFO, logger=motion.__name__):
        frames(2 * per_check, 6.0)
    assert timer.interval() == SLOW_MS
    assert "pictures now draw 30 frames a second: 6.0 % of a core" in caplog.text
    # The next picture, or this one shown again, starts at the rate the machine affords.
    illustration.hide()
    illustration.show()
    assert timer.isActive() and timer.interval() == SLOW_MS
