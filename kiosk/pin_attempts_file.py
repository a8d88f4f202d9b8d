"""The wrong-PIN lockout kept in the state folder, so that restarting the kiosk (or killing it)
does not hand a guesser a fresh set of tries.

Qt-free. Times are wall-clock seconds (a restart resets the monotonic clock). A file that is
there but cannot be understood — damaged or edited — fails closed: the pad starts locked.
Deleting the file does reset the count; that needs the kiosk user's rights, which a patient
at the screen does not have.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict
from pathlib import Path

from kiosk.pin_attempts import FIRST_LOCKOUT_S, LONGEST_LOCKOUT_S, PinAttempts
from kiosk.status import write_atomically
from kiosk.textfile import MAX_TOML_CHARS, read_text

log = logging.getLogger(__name__)

ATTEMPTS_FILE = "pin-attempts.json"


def _valid(record: object) -> PinAttempts | None:
    if not isinstance(record, dict) or set(record) != {"failures", "lockouts", "locked_until"}:
        return None
    failures, lockouts, until = record["failures"], record["lockouts"], record["locked_until"]
    numbers = (failures, lockouts, until)
    if any(isinstance(value, bool) or not isinstance(value, int | float) for value in numbers):
        return None
    if not (failures >= 0 and lockouts >= 0 and until >= 0):
        return None
    return PinAttempts(int(failures), int(lockouts), float(until))


class PinAttemptsFile:
    def __init__(self, folder: Path) -> None:
        self.path = folder / ATTEMPTS_FILE

    def load(self, now: float) -> PinAttempts:
        if not self.path.exists() and not self.path.is_symlink():
            return PinAttempts()
        text, problem = read_text(self.path, MAX_TOML_CHARS)
        try:
            attempts = _valid(json.loads(text)) if text is not None else None
        except ValueError:
            attempts = None
        if attempts is None:
            log.warning(
                "%s cannot be understood (%s); the PIN pad starts locked for %d s",
                self.path,
                problem or "not a lockout record",
                FIRST_LOCKOUT_S,
            )
            return PinAttempts(0, 1, now + FIRST_LOCKOUT_S)
        # A lockout longer than any the kiosk sets (an edited file, a clock set back) is cut to
        # the longest, never lifted.
        attempts.locked_until = min(attempts.locked_until, now + LONGEST_LOCKOUT_S)
        return attempts

    def save(self, attempts: PinAttempts) -> None:
        try:
            write_atomically(self.path, json.dumps(asdict(attempts)) + "\n")
        except OSError as error:
            log.warning("cannot keep the PIN lockout in %s: %s", self.path, error)
