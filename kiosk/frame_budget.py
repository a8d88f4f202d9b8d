"""How often the pictures may draw: 60 frames a second where that fits the CPU budget, else 30.

DESIGN.md allows an animating illustration 3 % of one core: a kiosk runs all day. What a frame
costs depends on the machine far more than on the picture: a bare Qt window repainting 60 times a
second already takes 1.5-6 % of a core under software rendering (bench/results.md). So the kiosk
measures itself while a picture moves and steps down to 30 frames a second when 60 do not fit,
and back up when they would fit with room to spare. The motion is timed by a clock, not by
counting frames, so only its smoothness changes, never its speed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

FAST_MS = 16  # about 60 frames a second
SLOW_MS = 33  # about 30
BUDGET_PERCENT = 3.0  # of one core, while a picture moves (DESIGN.md)
CHECK_MS = 1500  # how long each reading lasts
READINGS_TO_CHANGE = (
    2  # in a row, so one busy moment (a page built, a file written) changes nothing
)
# Back to 60 only if 30 cost under this share of the budget: 60 would then cost about twice that.
STEP_UP_SHARE = 0.4


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
        if self.interval_ms == FAST_MS:
            wants_change = percent > self.budget_percent
        else:
            wants_change = percent < self.budget_percent * STEP_UP_SHARE
        self._in_a_row = self._in_a_row + 1 if wants_change else 0
        if self._in_a_row < READINGS_TO_CHANGE:
            return False
        self._in_a_row = 0
        self.interval_ms = SLOW_MS if self.interval_ms == FAST_MS else FAST_MS
        return True
