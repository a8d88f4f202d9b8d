"""`make bench`, speech: key press -> first audio, and tap handling while the kiosk speaks.

    python bench/speech.py [--presses 40] [--taps 100]      # its own Xvfb; prints the rows
    DISPLAY=:N python bench/speech.py --inproc --out F.json  # one run on a given screen

A real kiosk (build_kiosk's window and controller, full screen, kiosk mode) whose narrator's
espeak-ng writes its samples to a pipe instead of the sound card (the same process and options):

- key -> first audio: from just before a Down key press on the reader's text (which reads the
  next paragraph aloud) until the first audio samples come out of espeak-ng. Not included: the
  sound card's own buffer (pcaudio/ALSA, typically a period or two), which Xvfb has no card for;
- tap while speaking: the text-size tap's handler time (QTest.mouseClick), and its time until
  the screen is painted (processEvents() returns), silent and while a long paragraph is spoken.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchutil import BENCH, SCREEN, write_config, xvfb
from inproc import timed_tap
from PySide6.QtCore import QSize, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from report import Row, make_row
from startup import child_environment

from kiosk.loading import Loaded, load_everything
from kiosk.speech import Espeak
from kiosk.ui import app as ui
from kiosk.ui.controller import KioskController
from kiosk.ui.narrator import Narrator

WAV_HEADER = 44


def key_to_audio(controller: KioskController, presses: int) -> list[float]:
    window, narrator = controller.window, controller.narrator
    engine = narrator.engine
    assert engine is not None
    times = []
    window.open_section(0)
    article = window.reader.article
    controller.keys.focus(article)
    for _ in range(presses):
        narrator.stop()
        controller.keys.read_aloud.forget()
        QApplication.processEvents()
        started = time.perf_counter()
        QTest.keyClick(article, Qt.Key.Key_Down)
        output = engine.output
        assert output is not None
        first = output.read(WAV_HEADER + 2)  # the header, then the first sample
        times.append((time.perf_counter() - started) * 1000)
        assert len(first) == WAV_HEADER + 2
    narrator.stop()
    return times


def taps_on_text_size(
    controller: KioskController, count: int, *, speaking: bool
) -> list[tuple[float, float]]:
    window, narrator = controller.window, controller.narrator
    times = []
    for _ in range(count):
        if speaking and not narrator.is_speaking:
            narrator.say(window.reader.article.paragraphs()[0] * 20, "en")
        QApplication.processEvents()
        times.append(timed_tap(window.nav.text_size_button))
        if speaking:
            assert narrator.is_speaking
    narrator.stop()
    return times


def inproc(config: Path, presses: int, taps: int) -> dict[str, Any]:
    def reload() -> Loaded:
        return load_everything(None, config)

    loaded = reload()
    ui.application()
    window, metrics = ui.build_window(loaded.content, loaded.config, QSize(*SCREEN))
    narrator = Narrator(loaded.config.speech, Espeak(pipe=True))
    controller = KioskController(
        loaded, window, metrics, reload=reload, kiosk_mode=True, narrator=narrator
    )
    ui.show(window, loaded.config, fullscreen=True)
    controller.start()
    QTest.keyClick(window, Qt.Key.Key_Return)  # wakes the kiosk, as a patient's key would
    narrator.stop()
    result: dict[str, Any] = {"key_to_audio_ms": key_to_audio(controller, presses)}
    for key, speaking in (("tap_silent", False), ("tap_speaking", True)):
        timed = taps_on_text_size(controller, taps, speaking=speaking)
        result[f"{key}_ms"] = [handled for handled, _painted in timed]
        result[f"{key}_painted_ms"] = [painted for _handled, painted in timed]
    controller.stop()
    return result


def summary(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return (
        f"median {statistics.median(values):.1f} ms, p95 {p95:.1f} ms, "
        f"min–max {ordered[0]:.1f}–{ordered[-1]:.1f} ms (n={len(values)})"
    )


def run_section(
    env: dict[str, str], config: Path, work: Path, presses: int, taps: int
) -> dict[str, Any]:
    """One in-process run on the display in `env` (run.py calls this inside its own Xvfb)."""
    out = work / "speech.json"
    subprocess.run(
        [sys.executable, str(BENCH / "speech.py"), "--inproc", "--config", str(config),
         "--out", str(out), "--presses", str(presses), "--taps", str(taps)],
        env=env,
        check=True,
    )  # fmt: skip
    result: dict[str, Any] = json.loads(out.read_text())
    return result


def speech_rows(result: dict[str, Any]) -> list[Row]:
    """The section's rows for run.py's table (one run; median and min–max over the presses)."""
    presses = result["key_to_audio_ms"]
    rows = [
        make_row(
            f"key press → first audio, espeak-ng ({len(presses)} presses)",
            "ms",
            presses,
            budget="≤ 300 ms",
            check=lambda value: value <= 300.0,
            note="until espeak-ng's first samples; the sound card's buffer comes on top",
        ),
    ]
    for label, key in (("silent", "tap_silent"), ("while speaking", "tap_speaking")):
        handled, painted = result[f"{key}_ms"], result[f"{key}_painted_ms"]
        rows.append(
            make_row(
                f"tap 'text size' handler, {label} ({len(handled)} taps)",
                "ms",
                handled,
                budget="≤ 16 ms",
                check=lambda value: value <= 16.0,
            )
        )
        rows.append(make_row(f"tap 'text size' until painted, {label}", "ms", painted))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--presses", type=int, default=40)
    parser.add_argument("--taps", type=int, default=100)
    parser.add_argument("--inproc", action="store_true", help="measure on $DISPLAY")
    parser.add_argument("--config", type=Path)
    parser.add_argument("--out", type=Path)
    arguments = parser.parse_args()
    if arguments.inproc:
        assert arguments.config is not None and arguments.out is not None
        result = inproc(arguments.config, arguments.presses, arguments.taps)
        arguments.out.write_text(json.dumps(result))
        return 0

    with tempfile.TemporaryDirectory(prefix="kiosk-bench-speech-") as temporary:
        work = Path(temporary)
        config = write_config(work / "config")
        with xvfb() as display:
            env = child_environment(display, work / "pycache")
            result = run_section(env, config, work, arguments.presses, arguments.taps)
    print(f"key press -> first audio (espeak-ng): {summary(result['key_to_audio_ms'])}")
    for label, key in (("silent", "tap_silent"), ("while speaking", "tap_speaking")):
        print(f"text-size tap handler, {label}: {summary(result[f'{key}_ms'])}")
        print(f"text-size tap until painted, {label}: {summary(result[f'{key}_painted_ms'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
