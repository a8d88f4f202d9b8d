"""Starts the real kiosk (`python -m kiosk`) as a separate process, offscreen, with its own
config, state and log folders, for tests about what a real process does: signals, exit codes,
crash loops, files it must not hang on."""

from __future__ import annotations

import json
import os
import selectors
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HELPERS = Path(__file__).resolve().parent
START_TIMEOUT_S = 60.0


@dataclass
class KioskProcess:
    process: subprocess.Popen[str]
    state: Path
    logs: Path

    def status(self) -> dict[str, Any]:
        status: dict[str, Any] = json.loads(
            (self.state / "status.json").read_text(encoding="utf-8")
        )
        return status

    def log_text(self) -> str:
        path = self.logs / "kiosk.log"
        return path.read_text(encoding="utf-8") if path.exists() else ""

    def wait_for_line(self, text: str, timeout: float = START_TIMEOUT_S) -> None:
        """Reads the process's standard output until a line holds `text`."""
        assert self.process.stdout is not None
        deadline = time.monotonic() + timeout
        with selectors.DefaultSelector() as selector:
            selector.register(self.process.stdout, selectors.EVENT_READ)
            while time.monotonic() < deadline:
                if selector.select(timeout=deadline - time.monotonic()):
                    line = self.process.stdout.readline()
                    if text in line:
                        return
                    if not line:
                        break
        raise AssertionError(f"the kiosk never printed {text!r}; log:\n{self.log_text()}")

    def wait_until(self, predicate: Callable[[], bool], timeout: float = START_TIMEOUT_S) -> None:
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise AssertionError(f"condition never met; log:\n{self.log_text()}")
            time.sleep(0.05)  # polling another process: there is no signal to wait on

    def wait_started(self) -> None:
        """Until the first paint has written the status file."""
        self.wait_until(lambda: (self.state / "status.json").exists())

    def stop(self, timeout: float = 30) -> int:
        """Waits for the process to end by itself; its exit status."""
        try:
            return self.process.wait(timeout)
        finally:
            self.kill()

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()


def kiosk_environment(**extra: str) -> dict[str, str]:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "KIOSK_CONFIG")
    }
    environment["QT_QPA_PLATFORM"] = "offscreen"
    environment.update(extra)
    return environment


def folders_config(tmp_path: Path, extra: str = "") -> Path:
    """A config file whose state and log folders are private to the test, plus `extra`."""
    config = tmp_path / "kiosk.toml"
    config.write_text(
        f'[state]\nfolder = "{tmp_path / "state"}"\n[logging]\nfolder = "{tmp_path / "logs"}"\n'
        + extra,
        encoding="utf-8",
    )
    return config


def start_kiosk(
    tmp_path: Path,
    *arguments: str,
    config: Path | None = None,
    script: str | None = None,
    environment: dict[str, str] | None = None,
    full_screen: bool = False,
) -> KioskProcess:
    """`python -m kiosk --windowed --config CONFIG ARGUMENTS` (full screen: without --windowed),
    or with a script played into it (tests/helpers/scripted_kiosk.py)."""
    config = config or folders_config(tmp_path)
    program = [str(HELPERS / "scripted_kiosk.py"), script] if script else ["-m", "kiosk"]
    process = subprocess.Popen(
        [
            sys.executable,
            *program,
            *([] if full_screen else ["--windowed"]),
            "--config",
            str(config),
            *arguments,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=environment or kiosk_environment(),
    )
    return KioskProcess(process, tmp_path / "state", tmp_path / "logs")
