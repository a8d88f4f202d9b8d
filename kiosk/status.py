"""The kiosk's health as one record: shown on the staff Status screen and written to status.json.

Qt-free. Screen names and timings only: nothing about any person.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

STATUS_FILE = "status.json"
STATUS_INTERVAL_S = 10


@dataclass(frozen=True)
class Status:
    version: str
    pid: int
    started_at: str
    uptime_s: int
    screen: str
    seconds_since_touch: int
    last_reset_at: str | None
    resets: int
    content_folder: str
    content_hash: str
    sections: int
    config_file: str | None
    screen_size: str
    log_file: str | None
    problems: list[str] = field(default_factory=list)
    pending_content: str | None = None
    unreviewed_translations: list[str] = field(default_factory=list)
    # The pictures' frame rate the kiosk chose for this machine (kiosk/frame_budget.py), and the
    # CPU share of the latest reading while one moved.
    picture_frames_per_s: int = 60
    picture_cpu_percent: float | None = None

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2, ensure_ascii=False) + "\n"


def human_report(status: Status) -> str:
    lines = [
        f"Version {status.version}, process {status.pid}",
        f"Running since {status.started_at} ({format_duration(status.uptime_s)})",
        f"Showing: {status.screen}; last touch {format_duration(status.seconds_since_touch)} ago",
        f"Last reset: {status.last_reset_at or 'none yet'} ({status.resets} since start)",
        f"Content: {status.content_folder} ({status.sections} sections, version {status.content_hash})",
        f"Config: {status.config_file or 'none (built-in defaults)'}",
        f"Screen: {status.screen_size}",
        f"Log: {status.log_file or 'standard error only'}",
        f"Pictures: {status.picture_frames_per_s} frames a second"
        + (
            f" ({status.picture_cpu_percent:.1f} % of a core at the last reading)"
            if status.picture_cpu_percent is not None
            else " (no picture has moved yet)"
        ),
    ]
    if status.pending_content:
        lines.append(f"Content update waiting for the next reset: {status.pending_content}")
    if status.unreviewed_translations:
        lines.append(
            "Translations awaiting clinical review: " + ", ".join(status.unreviewed_translations)
        )
    if status.problems:
        lines.append(f"Problems ({len(status.problems)}):")
        lines.extend(f"  • {problem}" for problem in status.problems)
    else:
        lines.append("Problems: none")
    return "\n".join(lines)


def format_duration(seconds: int) -> str:
    minutes, secs = divmod(max(0, seconds), 60)
    hours, minutes = divmod(minutes, 60)
    days, hours = divmod(hours, 24)
    if days:
        return f"{days} d {hours} h"
    if hours:
        return f"{hours} h {minutes} min"
    if minutes:
        return f"{minutes} min {secs} s"
    return f"{secs} s"


def write_atomically(path: Path, text: str) -> None:
    """Readers (monitoring, `kiosk status`) never see a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
