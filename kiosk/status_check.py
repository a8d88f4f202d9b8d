"""`kiosk status --check`: the status file judged as a Nagios/Icinga plugin does.

One line of text with performance data after a `|`, and the exit code says the state:
0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (Nagios plugin guidelines). Qt-free.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum

from kiosk.status import Status, format_duration


class CheckState(IntEnum):
    OK = 0
    WARNING = 1
    CRITICAL = 2
    UNKNOWN = 3


@dataclass(frozen=True)
class CheckLimits:
    # The kiosk rewrites its status every 10 s, and systemd restarts a dead or hung kiosk within
    # about 30 s: a minute without a new file is worth a look, ten minutes is an outage.
    stale_warning_s: int = 60
    stale_critical_s: int = 600
    # A lobby kiosk nobody touches for days during opening hours is probably dark, frozen on a
    # picture, or its touchscreen is broken: a warning, only while the clinic is open.
    no_touch_days: float = 3.0
    opening_hours: tuple[int, int] | None = (8, 18)


def parse_opening_hours(text: str) -> tuple[int, int] | None:
    """'8-18' -> (8, 18), local hours, end excluded; '' -> None (any time)."""
    if not text.strip():
        return None
    start, separator, end = text.partition("-")
    try:
        hours = int(start), int(end)
    except ValueError:
        raise ValueError(f"opening hours look like 8-18, not {text!r}") from None
    if not separator or not 0 <= hours[0] < hours[1] <= 24:
        raise ValueError(f"opening hours look like 8-18 (0-24, start before end), not {text!r}")
    return hours


def _is_open(limits: CheckLimits, now_local: datetime) -> bool:
    if limits.opening_hours is None:
        return True
    start, end = limits.opening_hours
    return start <= now_local.hour < end


def unknown(reason: str) -> tuple[CheckState, str]:
    return CheckState.UNKNOWN, f"KIOSK UNKNOWN - {reason}"


def judge(
    status: Status, status_age_s: int, now_local: datetime, limits: CheckLimits
) -> tuple[CheckState, str]:
    """The plugin's state and its one line for a status record written status_age_s ago."""
    state = CheckState.OK
    findings: list[str] = []

    def find(level: CheckState, text: str) -> None:
        nonlocal state
        state = max(state, level)
        findings.append(text)

    if status.stopped:
        find(CheckState.CRITICAL, f"the kiosk has {status.screen}")
    if status_age_s > limits.stale_critical_s:
        find(
            CheckState.CRITICAL,
            f"status not updated for {format_duration(status_age_s)}: the kiosk is not running or is stuck",
        )
    elif status_age_s > limits.stale_warning_s:
        find(CheckState.WARNING, f"status not updated for {format_duration(status_age_s)}")
    if status.problems:
        find(
            CheckState.WARNING,
            f"{len(status.problems)} problem(s) in config or content (sudo kiosk check)",
        )
    if status.seconds_since_touch > limits.no_touch_days * 86400 and _is_open(limits, now_local):
        find(
            CheckState.WARNING,
            f"no touch for {format_duration(status.seconds_since_touch)} during opening hours",
        )
    summary = (
        f"kiosk {status.version} showing {status.screen}, up {format_duration(status.uptime_s)}, "
        f"last touch {format_duration(status.seconds_since_touch)} ago"
    )
    perfdata = " ".join(
        [
            f"status_age={status_age_s}s;{limits.stale_warning_s};{limits.stale_critical_s};0",
            f"uptime={status.uptime_s}s;;;0",
            f"since_touch={status.seconds_since_touch}s;{int(limits.no_touch_days * 86400)};;0",
            f"problems={len(status.problems)};0;;0",
            f"resets={status.resets}c;;;0",
            f"frames_per_second={status.picture_frames_per_s};;;0",
        ]
    )
    text = "; ".join([*findings, summary])
    return state, f"KIOSK {state.name} - {text} | {perfdata}"
