"""Start-to-first-paint, PSS and CPU on the first screen of one process, measured from outside.

The clock starts right before Popen. The process logs 'first screen painted X s after start' on
stderr when its window gets its first paint event; a thread reading stderr timestamps that line's
arrival. X (the process's own figure) counts from the kernel's record of the process start; the
outside figure adds what Popen and the stderr pipe cost, so both are kept. Then, with the process left alone on its first screen, /proc gives the CPU it uses and,
3 s after the paint, its proportional set size.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchutil import REPO, cpu_seconds, pss_kib

FIRST_PAINT = re.compile(r"first screen painted ([0-9.]+) s after start")
SETTLE_S = 1.0  # after the first paint, before the CPU reading starts
CPU_WINDOW_S = 2.0  # then CPU is read over this long; PSS is read at its end (3 s after the paint)


@dataclass
class StartRun:
    first_paint_s: float  # from just before Popen to the first-paint line on stderr
    own_first_paint_s: float  # the process's own figure
    pss_mib: float
    first_screen_cpu_percent: float
    stderr: list[str] = field(default_factory=list)


class _StderrReader(threading.Thread):
    def __init__(self, process: subprocess.Popen[str]) -> None:
        super().__init__(daemon=True)
        self.process = process
        self.lines: list[str] = []
        self.first_paint_at: float | None = None
        self.own_figure: float | None = None
        self.painted = threading.Event()

    def run(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            now = time.monotonic()
            self.lines.append(line.rstrip("\n"))
            match = FIRST_PAINT.search(line)
            if match and self.first_paint_at is None:
                self.first_paint_at = now
                self.own_figure = float(match.group(1))
                self.painted.set()


def child_environment(display: str, pycache: Path) -> dict[str, str]:
    """The environment of a measured process: the bench's display, no test or user settings, and
    byte code cached (in `pycache`, never beside the sources) as an installed kiosk has it, even
    where PYTHONDONTWRITEBYTECODE is set."""
    env = dict(os.environ, DISPLAY=display, PYTHONUNBUFFERED="1", PYTHONPYCACHEPREFIX=str(pycache))
    for name in ("QT_QPA_PLATFORM", "KIOSK_CONFIG", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    return env


def measure_start(command: list[str], env: dict[str, str], timeout_s: float = 30.0) -> StartRun:
    started = time.monotonic()
    process = subprocess.Popen(
        command,
        cwd=REPO,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    reader = _StderrReader(process)
    reader.start()
    try:
        if not reader.painted.wait(timeout_s):
            raise RuntimeError(
                f"{' '.join(command)}: no first-paint line within {timeout_s} s; stderr:\n"
                + "\n".join(reader.lines[-20:])
            )
        assert reader.first_paint_at is not None and reader.own_figure is not None
        painted = reader.first_paint_at
        time.sleep(max(0.0, painted + SETTLE_S - time.monotonic()))
        cpu_before, wall_before = cpu_seconds(process.pid), time.monotonic()
        time.sleep(CPU_WINDOW_S)
        cpu_after, wall_after = cpu_seconds(process.pid), time.monotonic()
        pss = pss_kib(process.pid)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        reader.join(5)
    return StartRun(
        first_paint_s=painted - started,
        own_first_paint_s=reader.own_figure,
        pss_mib=pss / 1024,
        first_screen_cpu_percent=100 * (cpu_after - cpu_before) / (wall_after - wall_before),
        stderr=reader.lines,
    )


def kiosk_command(python: Path, config: Path) -> list[str]:
    return [str(python), "-m", "kiosk", "--config", str(config)]


def floor_command(python: Path) -> list[str]:
    return [str(python), str(REPO / "bench" / "bare_reader.py")]
