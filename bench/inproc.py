"""One in-process benchmark run of the real kiosk on a real X screen; writes JSON.

    DISPLAY=:N python bench/inproc.py --config CFG --out run.json [--seconds 5] [--taps 200]

Builds the kiosk as `kiosk` does (build_kiosk, full screen, kiosk mode, its unattended duties
started), then drives it through its public API and its real buttons:

- CPU at rest on home and on a reader section without an illustration, and CPU while the attract
  screen and each illustration animate: time.process_time() over a wall-clock window in which the
  Qt event loop runs (QEventLoop + QTimer.singleShot(quit), never a sleep);
- frame intervals during those animations, in a second window of the same length: paint events
  on the animated widget, found as the one whose paint events keep arriving;
- taps: QTest.mouseClick on the real button; the time until it returns (the handlers' work,
  DESIGN.md's budget) and until QApplication.processEvents() has laid out and painted the new
  screen.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import PySide6
from benchutil import SCREEN, frame_stats
from PySide6.QtCore import QEvent, QEventLoop, QObject, QSize, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QVBoxLayout, QWidget

from kiosk.loading import Loaded, load_everything
from kiosk.navigation import Page
from kiosk.ui import app as ui
from kiosk.ui.controller import KioskController
from kiosk.ui.screens.attract import BREATH_MS as ATTRACT_BREATH_MS
from kiosk.ui.screens.attract import CYCLE_MS as ATTRACT_CYCLE_MS

DISCOVERY_S = 0.5
SETTLE_FRAME_RATE_S = 6.0  # longer than the frame budget's warm-up and two readings
# PySide6 6.12.0 on Python < 3.12 drops a reference to None on every call of a void method and
# one to True on every signal emit (see bench/soak.py): a few thousand of either and the process
# aborts. These lists hold spare references so that a benchmark run outlives the bug; the soak
# is what reports it.
REFCOUNT_BALLAST = (
    [None, True, False] * 2_000_000
    if sys.version_info < (3, 12) and PySide6.__version__ == "6.12.0"
    else []
)


def run_loop(seconds: float) -> None:
    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()


def cpu_percent(seconds: float) -> float:
    cpu, wall = time.process_time(), time.perf_counter()
    run_loop(seconds)
    return 100 * (time.process_time() - cpu) / (time.perf_counter() - wall)


class PaintCounter(QObject):
    """Installed on the application: counts paint events per widget (only during discovery)."""

    def __init__(self) -> None:
        super().__init__()
        self.counts: Counter[int] = Counter()
        self.widgets: dict[int, QWidget] = {}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            self.counts[id(watched)] += 1
            self.widgets[id(watched)] = watched
        return False


class PaintClock(QObject):
    """Installed on one widget: the time of each of its paint events."""

    def __init__(self) -> None:
        super().__init__()
        self.stamps: list[float] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.stamps.append(time.perf_counter())
        return False


def animated_widget() -> tuple[QWidget | None, int]:
    """The widget whose paint events keep arriving: most paints, then the smallest (the one that
    asks to repaint, rather than a parent it shows through)."""
    app = QApplication.instance()
    assert app is not None
    counter = PaintCounter()
    app.installEventFilter(counter)
    run_loop(DISCOVERY_S)
    app.removeEventFilter(counter)
    if not counter.counts:
        return None, 0
    most = max(counter.counts.values())
    candidates = [counter.widgets[key] for key, count in counter.counts.items() if count == most]
    widget = min(candidates, key=lambda w: w.width() * w.height())
    return widget, most


def animation(seconds: float) -> dict[str, object]:
    widget, discovered = animated_widget()
    if widget is None or discovered < 3:
        return {"cpu_percent": cpu_percent(seconds), "widget": None, "frames": frame_stats([])}
    # CPU first, with nothing of the bench's in the frame's path; then, in a window of its own,
    # the frames, timed by a filter that adds a Python call to each.
    cpu = cpu_percent(seconds)
    clock = PaintClock()
    widget.installEventFilter(clock)
    run_loop(seconds)
    widget.removeEventFilter(clock)
    return {
        "cpu_percent": cpu,
        "widget": f"{type(widget).__name__} {widget.width()}x{widget.height()}",
        "frames": frame_stats(clock.stamps),
    }


def attract_cycle(controller: KioskController) -> dict[str, object]:
    """Where the kiosk spends most of its life: the attract screen's CPU over its breath alone,
    and over a whole cycle of breath and stillness, however long the other windows are. Its
    halo repaints a few times a second, and only while it breathes: frame intervals say nothing
    of it, so its repaints are counted (a Python call each, ~10 us, 22 a cycle)."""
    window = controller.window
    window.reset_session()  # the breath starts as the attract screen is shown
    assert window.page is Page.ATTRACT
    breathing = cpu_percent(ATTRACT_BREATH_MS / 1000)
    window.reset_session()
    clock = PaintClock()
    window.attract.halo.installEventFilter(clock)
    cycle = cpu_percent(ATTRACT_CYCLE_MS / 1000)
    window.attract.halo.removeEventFilter(clock)
    return {
        "breathing_cpu_percent": breathing,
        "cycle_cpu_percent": cycle,
        "repaints": len(clock.stamps),
    }


def rest(seconds: float) -> dict[str, object]:
    counter = PaintCounter()
    app = QApplication.instance()
    assert app is not None
    cpu = cpu_percent(seconds)
    # A separate short look at whether anything repaints at rest (the filter itself costs CPU).
    app.installEventFilter(counter)
    run_loop(DISCOVERY_S)
    app.removeEventFilter(counter)
    return {"cpu_percent": cpu, "paints_per_s": sum(counter.counts.values()) / DISCOVERY_S}


def timed_tap(widget: QWidget) -> tuple[float, float]:
    """One tap: ms until its handlers return (DESIGN.md's budget: <= 16 ms of work in the
    handler), and ms until the changed screen has been laid out and painted too."""
    started = time.perf_counter()
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
    handled = time.perf_counter()
    QApplication.processEvents()
    return (handled - started) * 1000, (time.perf_counter() - started) * 1000


def timed_taps(
    count: int, prepare: Callable[[int], None], target: Callable[[int], QWidget]
) -> tuple[list[float], list[float]]:
    """`count` taps: their handler times and their times until painted (timed_tap)."""
    handled, painted = [], []
    for index in range(count):
        prepare(index)
        QApplication.processEvents()
        widget = target(index)
        if isinstance(widget, QAbstractButton) and not widget.isEnabled():
            raise RuntimeError(f"tap {index}: {widget.text()!r} is disabled")
        handler_ms, painted_ms = timed_tap(widget)
        handled.append(handler_ms)
        painted.append(painted_ms)
    return handled, painted


def taps(controller: KioskController, count: int) -> dict[str, tuple[list[float], list[float]]]:
    """`count` taps of each kind on the real button. The screen a tap starts from is set up
    (untimed) only when the previous tap did not leave it there already."""
    window = controller.window
    nav = window.nav
    last = len(window.sections) - 1

    def reading(index: int) -> bool:
        return window.page is Page.READER and window.section_index == index

    def for_next(_i: int) -> None:
        if window.page is not Page.READER or window.section_index >= last:
            window.open_section(0)

    def for_previous(_i: int) -> None:
        if window.page is not Page.READER or window.section_index <= 0:
            window.open_section(last)

    def for_contact(i: int) -> None:
        if window.page is Page.CONTACT:
            window.leave_contact()
        if not reading(i % (last + 1)):
            window.open_section(i % (last + 1))

    high_contrast = window.screens.display.toggles["high_contrast"]

    def for_display_options(index: int) -> None:
        # On and off in turn, over a section with its picture where there is one.
        window.open_section(index)
        window.show_display_options()

    results: dict[str, tuple[list[float], list[float]]] = {}
    results["next"] = timed_taps(count, for_next, lambda _i: nav.next_button)
    results["previous"] = timed_taps(count, for_previous, lambda _i: nav.previous_button)
    results["home"] = timed_taps(
        count, lambda i: window.open_section(i % (last + 1)), lambda _i: nav.home_button
    )
    results["tile"] = timed_taps(
        count, lambda _i: window.show_home(), lambda i: window.home.tiles[i % (last + 1)]
    )
    results["contact"] = timed_taps(count, for_contact, lambda _i: nav.contact_button)
    results["wake"] = timed_taps(
        count, lambda _i: window.reset_session(), lambda _i: window.attract
    )
    results["high contrast"] = timed_taps(
        count, lambda i: for_display_options(i % (last + 1)), lambda _i: high_contrast
    )
    return results


def standalone_illustrations(controller: KioskController, seconds: float) -> dict[str, object]:
    """Each illustration widget alone in a window beside the (still) home screen, for as long as
    the reader does not show them: their CPU and frames, without a section that names them."""
    try:
        from kiosk.illustration_specs import ILLUSTRATION_KEYS
        from kiosk.theme import Metrics
        from kiosk.ui.illustrations import create_illustration
    except Exception as error:  # another engineer's work in progress may not import
        return {"error": f"{type(error).__name__}: {error}"}
    metrics = Metrics.for_screen(*SCREEN)
    controller.window.show_home()
    results: dict[str, object] = {}
    for key in sorted(ILLUSTRATION_KEYS):
        holder = QWidget()
        holder.setWindowFlags(Qt.WindowType.FramelessWindowHint)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        illustration = create_illustration(key, metrics, reduced_motion=False)
        layout.addWidget(illustration)
        # About the share of a 1080p reader a picture beside the text column would get.
        holder.resize(QSize(860, 720))
        holder.show()
        run_loop(0.5)
        results[key] = animation(seconds)
        holder.close()
        holder.deleteLater()
        run_loop(0.1)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--taps", type=int, default=200)
    parser.add_argument(
        "--attract-only", action="store_true", help="measure the attract screen only, then stop"
    )
    arguments = parser.parse_args()

    def reload() -> Loaded:
        return load_everything(None, arguments.config)

    loaded = reload()
    ui.application()
    controller = ui.build_kiosk(
        loaded, QSize(*SCREEN), kiosk_mode=True, reload=reload, log_file=None
    )
    window = controller.window
    ui.show(window, loaded.config, fullscreen=True)
    controller.start()
    run_loop(1.5)
    result: dict[str, object] = {"window": f"{window.width()}x{window.height()}"}

    if not arguments.attract_only:
        window.wake()
        run_loop(0.5)
        result["rest_home"] = rest(arguments.seconds)
        plain = next((i for i, s in enumerate(window.sections) if s.illustration is None), 0)
        window.open_section(plain)
        run_loop(0.5)
        result["rest_reader"] = rest(arguments.seconds)

    result["attract"] = attract_cycle(controller)
    if arguments.attract_only:
        arguments.out.write_text(json.dumps(result), encoding="utf-8")
        sys.stdout.flush()
        os._exit(0)

    sections: dict[str, object] = {}
    with_pictures = [i for i, section in enumerate(window.sections) if section.illustration]
    if with_pictures:
        # The kiosk settles its pictures' frame rate in its first seconds of motion
        # (kiosk/frame_budget.py); the figures are for what it then keeps doing.
        window.wake()
        window.open_section(with_pictures[0])
        run_loop(SETTLE_FRAME_RATE_S)
    for index, section in enumerate(window.sections):
        if section.illustration is not None:
            window.wake()
            window.open_section(index)
            run_loop(0.5)
            sections[f"{section.slug} ({section.illustration})"] = animation(arguments.seconds)
    result["illustration_sections"] = sections
    # Alone in a window only while no section shows them (they were built before the reader did).
    result["illustrations_standalone"] = (
        {} if sections else standalone_illustrations(controller, arguments.seconds)
    )

    window.wake()
    timed = taps(controller, arguments.taps)
    result["tap_handler_ms"] = {kind: handled for kind, (handled, _painted) in timed.items()}
    result["taps_ms"] = {kind: painted for kind, (_handled, painted) in timed.items()}
    arguments.out.write_text(json.dumps(result), encoding="utf-8")
    # Leave without Python's finalisation: PySide6 6.12 can abort while tearing down a kiosk
    # ("bool_dealloc: deallocating True or False"), which has nothing to do with the figures.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
