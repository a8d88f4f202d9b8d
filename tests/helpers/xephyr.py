"""Turning an Xephyr screen: what a compositor turning or resizing the output does to the X
clients on it (tests/test_screen_rotation.py)."""

from __future__ import annotations

import os
import subprocess
import time

XRANDR_TIMEOUT_S = 20.0


def turn_screen(
    display: str, host_display: str, xephyr_window: str, width: int, height: int
) -> None:
    """Resizes Xephyr's window on the outer X server (`host_display`); Xephyr follows with a
    RandR screen change on its own `display`."""
    subprocess.run(
        ["xdotool", "windowsize", "--sync", xephyr_window, str(width), str(height)],
        env={**os.environ, "DISPLAY": host_display},
        check=True,
        timeout=30,
    )
    # Xephyr resizes its root window at once but sets its output's mode (what Qt reads as the
    # screen's geometry, through RandR 1.5 monitors) only when a client next asks for the screen
    # resources, as `xrandr -q` does. A real server sets the mode in the request that turns the
    # output (xrandr --rotate), so this asking is Xephyr's part of the turn, not the kiosk's.
    # Without it Qt keeps the old geometry (seen: QScreen stays 1920x1080).
    deadline = time.monotonic() + XRANDR_TIMEOUT_S
    current = f"current {width} x {height}"
    while True:
        asked = subprocess.run(
            ["xrandr", "-q"],
            env={**os.environ, "DISPLAY": display},
            capture_output=True,
            text=True,
            check=False,
            timeout=30,
        )
        if current in asked.stdout:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"Xephyr never reached {width}x{height}: {asked.stderr}")
