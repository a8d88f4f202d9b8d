"""The kiosk's health as one record: shown on the staff Status screen, written to status.json and,
for Prometheus node_exporter's textfile collector, to clinic-kiosk.prom beside it.

Qt-free. Screen names and timings only: nothing about any person.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

STATUS_FILE = "status.json"
PROMETHEUS_FILE = "clinic-kiosk.prom"
STATUS_INTERVAL_S = 10
# Where the .deb's kiosk keeps its state (packaging/linux/make-config.py sets [state] folder to
# it): `kiosk status` looks there when the config, readable only by root and the kiosk, is not.
INSTALLED_STATE_FOLDER = Path("/var/lib/clinic-kiosk/state")
# The screen name of the last status a kiosk writes as it stops: "stopped (<why>)".
STOPPED = "stopped"
# Group-readable (the .deb's state folder is setgid adm: monitoring reads without root).
STATUS_FILE_MODE = 0o640


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

    @property
    def stopped(self) -> bool:
        """The kiosk wrote this as it stopped (systemctl stop, Exit kiosk, a signal)."""
        return self.screen.startswith(STOPPED)

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


def write_atomically(path: Path, text: str, mode: int = 0o600) -> None:
    """Readers (monitoring, `kiosk status`) never see a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        os.fchmod(handle, mode)
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def seconds_since(iso_time: str | None, now: datetime) -> int | None:
    """Whole seconds from an ISO time with its offset (as the kiosk writes them) to now."""
    if iso_time is None:
        return None
    try:
        return max(0, int((now - datetime.fromisoformat(iso_time)).total_seconds()))
    except (ValueError, TypeError):
        return None


def _label(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def prometheus_text(status: Status, now: datetime) -> str:
    """The Prometheus text exposition format, for node_exporter's textfile collector."""
    metrics: list[tuple[str, str, str, list[tuple[str, float | int]]]] = [
        (
            "clinic_kiosk_up",
            "1 while the kiosk runs and writes this file (every 10 s), 0 once it stopped; version as a label.",
            "gauge",
            [(f'{{version="{_label(status.version)}"}}', 0 if status.stopped else 1)],
        ),
        (
            "clinic_kiosk_status_time_seconds",
            "When the kiosk wrote this file (Unix time): older than a minute = not running or stuck.",
            "gauge",
            [("", int(now.timestamp()))],
        ),
        (
            "clinic_kiosk_uptime_seconds",
            "Seconds since the kiosk started.",
            "gauge",
            [("", status.uptime_s)],
        ),
        (
            "clinic_kiosk_seconds_since_touch",
            "Seconds since the last touch (or since the start).",
            "gauge",
            [("", status.seconds_since_touch)],
        ),
        (
            "clinic_kiosk_resets_total",
            "Idle resets since the start.",
            "counter",
            [("", status.resets)],
        ),
        (
            "clinic_kiosk_screen",
            "The screen the kiosk shows (1 for the current one, as a label).",
            "gauge",
            [(f'{{screen="{_label(status.screen)}"}}', 1)],
        ),
        (
            "clinic_kiosk_problems",
            "Problems in the config or content the kiosk is running on (kiosk check names them).",
            "gauge",
            [("", len(status.problems))],
        ),
        (
            "clinic_kiosk_picture_frames_per_second",
            "The rate the pictures draw at on this machine (60, 30 or 20).",
            "gauge",
            [("", status.picture_frames_per_s)],
        ),
    ]
    reset_age = seconds_since(status.last_reset_at, now)
    if reset_age is not None:
        metrics.append(
            (
                "clinic_kiosk_last_reset_age_seconds",
                "Seconds since the last idle reset (absent before the first one).",
                "gauge",
                [("", reset_age)],
            )
        )
    lines: list[str] = []
    for name, help_text, kind, samples in metrics:
        lines += [f"# HELP {name} {help_text}", f"# TYPE {name} {kind}"]
        lines += [f"{name}{labels} {value}" for labels, value in samples]
    return "\n".join(lines) + "\n"


def write_status_files(folder: Path, status: Status, now: datetime) -> None:
    """status.json and the .prom file, each replaced atomically, readable by the folder's group."""
    write_atomically(folder / STATUS_FILE, status.to_json(), STATUS_FILE_MODE)
    write_atomically(folder / PROMETHEUS_FILE, prometheus_text(status, now), STATUS_FILE_MODE)


def read_status(path: Path) -> Status:
    """Raises OSError, ValueError or TypeError when the file is missing or not a status record."""
    record = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(record, dict):
        raise TypeError("not a status record")
    return Status(**record)
