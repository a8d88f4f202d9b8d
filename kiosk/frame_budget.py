"""How often the pictures may draw: 60 frames a second where that fits the CPU budget, else 30,
else 20.

DESIGN.md allows an animating illustration 3 % of one core: a kiosk runs all day. What a frame
costs depends on the machine far more than on the picture: a bare Qt window repainting 60 times a
second already takes 1.5-6 % of a core under software rendering (bench/results.md). So the kiosk
measures itself while a picture moves and steps down a rate (60, 30, 20 frames a second) when the
one it draws at does not fit, and back up when the faster one would fit with room to spare. The motion is timed by a clock, not by
counting frames, so only its smoothness changes, never its speed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

FAST_MS = 16  # about 60 frames a second
# The slowest is the attract screen's rate: slow, small motions still look smooth at 20.
INTERVALS_MS = (FAST_MS, 33, 50)
BUDGET_PERCENT = 3.0  # of one core, while a picture moves (DESIGN.md)
CHECK_MS = 1500  # how long each reading lasts
# In a row, so that one busy moment (a page built, a file written) changes nothing.
READINGS_TO_CHANGE = 2
# Back up a rate only if it would cost under this share of the budget (a frame's cost varies
# with the machine's load: room to spare keeps the rate from see-sawing).
STEP_UP_SHARE = 0.8


def process_clock() -> tuple[float, float]:
    """CPU seconds this process has used (all threads), and a wall clock, in seconds."""
    return time.process_time(), time.monotonic()


@dataclass
class FrameBudget:
    clock: Callable[[], tuple[float, float]] = process_clock
    budget_percent: float = BUDGET_PERCENT
    interval_ms: int = FAST_MS
    last_percent: float | None = None  # the latest reading, for the log
    _since: tuple[float, float] | None = field(default=None, repr=False)
    _warming: bool = field(default=True, repr=False)
    _in_a_row: int = field(default=0, repr=False)

    @property
    def frames_per_second(self) -> int:
        """The nominal rate, 60, 30 or 20 (the intervals are whole milliseconds)."""
        return round(100 / self.interval_ms) * 10

    def begin(self) -> None:
        """A picture starts (or resumes) moving; its first reading is left out, since the
        first frames also build the picture."""
        self._since = self.clock()
        self._warming = True
        self._in_a_row = 0

    def check(self) -> bool:
        """Ends a reading and starts the next; True when the frame interval changes."""
        now = self.clock()
        since, self._since = self._since, now
        if since is None or self._warming:
            self._warming = False
            return False
        wall = now[1] - since[1]
        if wall <= 0:
            return False
        percent = 100 * (now[0] - since[0]) / wall
        self.last_percent = percent
        wanted = self._wanted_interval(percent)
        self._in_a_row = self._in_a_row + 1 if wanted != self.interval_ms else 0
        if self._in_a_row < READINGS_TO_CHANGE:
            return False
        self._in_a_row = 0
        self.interval_ms = wanted
        return True

    def _wanted_interval(self, percent: float) -> int:
        """One rate slower if this one is over budget, one faster if that would fit with room
        to spare (a frame's cost scales with the rate), else this one."""
        here = INTERVALS_MS.index(self.interval_ms)
        if percent > self.budget_percent and here + 1 < len(INTERVALS_MS):
            return INTERVALS_MS[here + 1]
        if here > 0:
            faster = percent * self.interval_ms / INTERVALS_MS[here - 1]
            if faster < self.budget_percent * STEP_UP_SHARE:
                return INTERVALS_MS[here - 1]
        return self.interval_ms
