"""The window guard against a real X server (Xvfb) and real X requests from another client: the
kiosk runs full screen as `python -m kiosk`, and the test resizes, unmaps (what iconifying does
without a window manager) and destroys its window with xdotool and XDestroyWindow. Each time a
full-screen window of the kiosk is back on the glass (the guard acts after 250 ms) and the log says why.

Needs Xvfb, xdotool and Qt's xcb libraries (`make test` installs them on CI); skipped otherwise.
No window manager runs, so `xdotool windowminimize` and `wmctrl -b remove,fullscreen` (requests
to a window manager) change nothing here; their outcome, a minimised or un-fullscreened window, is
tested offscreen in tests/test_window_guard.py."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers.kiosk_process import folders_config, kiosk_environment
from helpers.system_tools import require

SCREEN = (1080, 1920)
# The guard acts after RESTORE_DELAY_MS (250 ms); this generous bound only keeps a busy machine
# (each look at the windows starts xdotool and xwininfo) from failing the test.
RESTORED_WITHIN_S = 10.0
TOOLS = {"Xvfb": "xvfb", "xdotool": "xdotool", "xwininfo": "x11-utils"}


@pytest.fixture
def x_display() -> Iterator[str]:
    """A private Xvfb screen on a free display number (Xvfb picks it: -displayfd)."""
    require("meddling with the kiosk's window on a real X server", TOOLS)
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [
            "Xvfb",
            "-displayfd",
            str(write_end),
            "-nolisten",
            "tcp",
            "-screen",
            "0",
            "x".join(map(str, SCREEN)) + "x24",
        ],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as numbers:
        display = f":{numbers.readline().strip()}"
    probe = subprocess.run(
        [sys.executable, "-c", "from PySide6.QtGui import QGuiApplication; QGuiApplication([])"],
        env={**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"},
        capture_output=True,
        timeout=60,
        check=False,
    )
    try:
        if probe.returncode != 0:
            pytest.fail(
                "Qt's xcb platform does not start here: python scripts/check_qt_libs.py xcb "
                "names the system libraries it lacks"
            )
        yield display
    finally:
        server.terminate()
        server.wait()


def poll(condition: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)  # watching another process's window: no signal to wait on
    return True


def settled(log: Callable[[], str]) -> None:
    """Until the log stays the same for a while: the guard has done what it does."""
    last = log()
    while poll(lambda seen=last: log() != seen, 0.8):  # type: ignore[misc]
        last = log()


def destroy_window(display: str, window: int) -> None:
    """What any X client may do to any window: XDestroyWindow."""
    x11 = ctypes.CDLL(ctypes.util.find_library("X11"))
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XDestroyWindow.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
    x11.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    connection = x11.XOpenDisplay(display.encode())
    x11.XDestroyWindow(connection, window)
    x11.XSync(connection, 0)
    x11.XCloseDisplay(connection)


def test_the_kiosk_window_comes_back_after_x_clients_meddle(  # type: ignore[no-untyped-def]
    x_display: str, kiosk_process, tmp_path: Path
) -> None:
    environment = kiosk_environment(DISPLAY=x_display, QT_QPA_PLATFORM="xcb")
    config = folders_config(tmp_path)
    kiosk = kiosk_process(config=config, environment=environment, full_screen=True)
    kiosk.wait_started()

    def x(*command: str) -> str:
        return subprocess.run(
            list(command), env=environment, capture_output=True, text=True, timeout=30, check=False
        ).stdout

    def kiosk_windows() -> list[int]:
        return [
            int(w)
            for w in x(
                "xdotool", "search", "--onlyvisible", "--pid", str(kiosk.process.pid)
            ).split()
        ]

    def full_screen_window() -> int | None:
        for window in kiosk_windows():
            info = x("xwininfo", "-id", str(window))
            if (
                f"Width: {SCREEN[0]}" in info
                and f"Height: {SCREEN[1]}" in info
                and "IsViewable" in info
            ):
                return window
        return None

    assert poll(lambda: full_screen_window() is not None, 30)
    meddling: list[tuple[Callable[[int], object], str]] = [
        (lambda w: x("xdotool", "windowsize", str(w), "600", "400"), "moved or resized to 600x400"),
        (lambda w: x("xdotool", "windowunmap", str(w)), "unmapped, minimised or destroyed"),
        (lambda w: destroy_window(x_display, w), "unmapped, minimised or destroyed"),
    ]
    for meddle, logged in meddling:
        window = full_screen_window()
        assert window is not None
        before = kiosk.log_text()
        meddle(window)
        assert poll(
            lambda seen=before: full_screen_window() is not None and kiosk.log_text() != seen,  # type: ignore[misc]
            RESTORED_WITHIN_S,
        )
        assert f"the kiosk window was {logged} by another program; restoring it" in kiosk.log_text()
        settled(kiosk.log_text)
    assert kiosk.process.poll() is None
