"""Wrong-PIN lockout: five wrong PINs lock the pad for 60 s, doubling with each further lockout.

Qt-free with the clock passed in, so the escalation is tested without waiting.
"""

from __future__ import annotations

from dataclasses import dataclass

FAILURES_PER_LOCKOUT = 5
FIRST_LOCKOUT_S = 60.0
# Doubling stops here so that a forgotten PIN never locks the pad for days.
LONGEST_LOCKOUT_S = 3600.0


@dataclass
class PinAttempts:
    failures: int = 0
    lockouts: int = 0
    locked_until: float = 0.0

    def is_locked(self, now: float) -> bool:
        return now < self.locked_until

    def seconds_locked(self, now: float) -> int:
        return max(0, round(self.locked_until - now + 0.499))

    def record_failure(self, now: float) -> float:
        """Counts a wrong PIN; returns the lockout it started, in seconds (0 when none)."""
        self.failures += 1
        if self.failures < FAILURES_PER_LOCKOUT:
            return 0.0
        self.failures = 0
        duration: float = min(FIRST_LOCKOUT_S * 2.0**self.lockouts, LONGEST_LOCKOUT_S)
        self.lockouts += 1
        self.locked_until = now + duration
        return duration

    def record_success(self) -> None:
        self.failures = 0
        self.lockouts = 0
        self.locked_until = 0.0
