"""The real kiosk window, full screen, on screens of every size a kiosk is mounted at: the window
is the screen, and nothing is clipped, overlapping or under size, in every language, text size
and theme (issue 13). Each screen size runs in its own process with a virtual screen of that
size (Qt's offscreen platform reads it from a JSON file); tests/helpers/screen_check.py walks
the states."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.ui.screen_fit import virtual_screen_platform

SCREENS = [(1920, 1080), (1080, 1920), (1280, 800), (800, 1280), (1366, 768), (1024, 768)]
CHECK = Path(__file__).resolve().parent / "helpers" / "screen_check.py"


def run_on_screen(
    size: tuple[int, int], folder: Path, script: Path = CHECK
) -> dict[str, list[str]]:
    environment = {**os.environ, "QT_QPA_PLATFORM": virtual_screen_platform(size, folder)}
    done = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    # Qt's warnings would fail an in-process test (qt_log_level_fail); here they must not pass.
    assert done.stderr == "", done.stderr
    found: dict[str, list[str]] = json.loads(done.stdout)
    return found


@pytest.mark.parametrize("size", SCREENS, ids=lambda size: f"{size[0]}x{size[1]}")
def test_every_state_fits_a_real_full_screen_window(size: tuple[int, int], tmp_path: Path) -> None:
    assert run_on_screen(size, tmp_path) == {}
