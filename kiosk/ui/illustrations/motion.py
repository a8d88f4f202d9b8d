"""The clock of a moving picture: one frame timer, the motion's time, and its frame rate.

The motion is timed by a QElapsedTimer, so its speed does not depend on the frame rate; the frame
rate is the `FrameBudget`'s (kiosk/frame_budget.py), passed in: the kiosk shares one among all its
pictures, since what a frame costs is the machine's, whichever picture draws it.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer, Signal

from kiosk.frame_budget import CHECK_MS, FrameBudget

log = logging.getLogger(__name__)


class MotionClock(QObject):
    """Emits `frame` at the budget's rate while running; `phase` is the motion's time in seconds."""

    frame = Signal()

    def __init__(self, budget: FrameBudget, phase: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.budget = budget
        self._phase_base = phase
        self._clock = QElapsedTimer()
        self._frames_to_check = 0
        self.timer = QTimer(self)
        # Coarse: Qt may shift a frame by a millisecond to share wake-ups; the motion is timed
        # by the clock, not by counting frames, so it stays smooth and costs less.
        self.timer.setTimerType(Qt.TimerType.CoarseTimer)
        self.timer.timeout.connect(self._on_frame)

    @property
    def running(self) -> bool:
        return self.timer.isActive()

    @property
    def phase(self) -> float:
        if self.timer.isActive() and self._clock.isValid():
            return self._phase_base + self._clock.elapsed() / 1000
        return self._phase_base

    def run(self) -> None:
        if self.timer.isActive():
            return
        self._clock.start()
        self.budget.begin()
        self._start_frames(self.budget.interval_ms)

    def stop(self) -> None:
        """Stops the frames; the motion keeps its place."""
        if not self.timer.isActive():
            return
        self._phase_base += self._clock.elapsed() / 1000
        self.timer.stop()
        self._clock.invalidate()

    def rewind(self, phase: float) -> None:
        """Stops, and puts the motion at `phase`."""
        self.stop()
        self._phase_base = phase

    def _start_frames(self, interval_ms: int) -> None:
        self._frames_to_check = CHECK_MS // interval_ms
        self.timer.start(interval_ms)

    def _on_frame(self) -> None:
        self.frame.emit()
        # The budget is read every CHECK_MS of motion, counted in frames: no second timer.
        self._frames_to_check -= 1
        if self._frames_to_check <= 0:
            self._check_budget()

    def _check_budget(self) -> None:
        budget = self.budget
        changed = budget.check()
        self._start_frames(budget.interval_ms)
        if not changed:
            return
        log.info(
            "pictures now draw %d frames a second: %.1f %% of a core at the last reading"
            " (budget %.0f %% while one moves)",
            budget.frames_per_second,
            budget.last_percent or 0.0,
            budget.budget_percent,
        )
