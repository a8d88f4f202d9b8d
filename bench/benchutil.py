"""Shared by the benchmark scripts: Xvfb, /proc readings, statistics, the machine's description.

Plain Python (no Qt), so the orchestrator can import it before any display exists.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import platform
import shutil
import signal
import statistics
import subprocess
import time
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench"
SCREEN = (1920, 1080)
# The taps bench/inproc.py times on the real buttons, in its order.
TAP_KINDS = ("next", "previous", "home", "tile", "contact", "wake", "high contrast")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


# Statistics ------------------------------------------------------------------------------------


def percentile(values: Sequence[float], share: float) -> float:
    """The `share` (0..1) percentile by linear interpolation between closest ranks."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    position = (len(ordered) - 1) * share
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summary(values: Sequence[float]) -> dict[str, float]:
    return {
        "median": statistics.median(values) if values else float("nan"),
        "min": min(values) if values else float("nan"),
        "max": max(values) if values else float("nan"),
    }


def frame_stats(stamps: Sequence[float]) -> dict[str, float]:
    """Intervals between paint events (ms): p50, p95, and frames later than 1.5× the median."""
    intervals = [(b - a) * 1000 for a, b in itertools.pairwise(stamps)]
    if not intervals:
        return {"frames": len(stamps), "p50_ms": float("nan"), "p95_ms": float("nan"), "dropped": 0}
    median = statistics.median(intervals)
    return {
        "frames": len(stamps),
        "p50_ms": percentile(intervals, 0.5),
        "p95_ms": percentile(intervals, 0.95),
        "max_ms": max(intervals),
        "dropped": sum(interval > 1.5 * median for interval in intervals),
    }


# /proc ------------------------------------------------------------------------------------------


def pss_kib(pid: int) -> int:
    """Proportional set size of one process, from /proc/PID/smaps_rollup (kB)."""
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1])
    raise RuntimeError(f"no Pss line in /proc/{pid}/smaps_rollup")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used, from /proc/PID/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    # After the command name: state is field 3, so utime (14) and stime (15) are at 11 and 12.
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def rss_bytes(pid: int | str = "self") -> int:
    return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_SIZE


# Xvfb -----------------------------------------------------------------------------------------


def free_display() -> int:
    for number in range(90, 200):
        if (
            not Path(f"/tmp/.X{number}-lock").exists()
            and not Path(f"/tmp/.X11-unix/X{number}").exists()
        ):
            return number
    raise RuntimeError("no free X display number between :90 and :199")


@contextlib.contextmanager
def xvfb(width: int = SCREEN[0], height: int = SCREEN[1]) -> Iterator[str]:
    """Starts `Xvfb :N -screen 0 WxHx24`, yields ':N', and kills it afterwards."""
    if shutil.which("Xvfb") is None:
        raise RuntimeError("Xvfb is not installed: sudo apt-get install -y xvfb")
    number = free_display()
    display = f":{number}"
    process = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"Xvfb {display} did not start")
            time.sleep(0.05)
        yield display
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def xvfb_version() -> str:
    try:
        result = subprocess.run(["Xvfb", "-version"], capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    for line in (result.stdout + result.stderr).splitlines():
        if "X.Org X Server" in line or "xorg-server" in line.lower():
            return line.strip()
    return "unknown"


# Config ---------------------------------------------------------------------------------------


def write_config(folder: Path, extra: str = "") -> Path:
    """A kiosk config whose log and state folders are inside `folder` (never the user's own)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "kiosk.toml"
    path.write_text(
        f'[logging]\nfolder = "{folder / "log"}"\n\n[state]\nfolder = "{folder / "state"}"\n'
        + extra,
        encoding="utf-8",
    )
    return path


# The machine ------------------------------------------------------------------------------------


def _cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.partition(":")[2].strip()
    return platform.processor() or "unknown"


def _ram_gib() -> float:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return round(int(line.split()[1]) / 1024 / 1024, 1)
    return float("nan")


def machine() -> dict[str, object]:
    import PySide6
    from PySide6 import QtCore

    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "ram_gib": _ram_gib(),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "pyside6": PySide6.__version__,
        "qt": QtCore.qVersion(),
        "x_server": xvfb_version(),
        "screen": f"Xvfb {SCREEN[0]}x{SCREEN[1]}x24 (software rendering, no GPU, no vsync)",
        "date": datetime.now(UTC).astimezone().isoformat(timespec="seconds"),
    }


def machine_line(description: dict[str, object]) -> str:
    return (
        f"{description['cpu']}, {description['cores']} cores, {description['ram_gib']} GiB RAM, "
        f"Linux {description['kernel']}, Python {description['python']}, "
        f"PySide6 {description['pyside6']} (Qt {description['qt']}), {description['screen']}; "
        f"{description['date']}"
    )
