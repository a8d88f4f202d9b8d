"""`make soak`: thousands of random patient and staff actions through the real kiosk, no sleeps.

    python bench/soak.py [--actions 10000] [--seed 1] [--refcount-ballast]

A seeded random driver taps every visible, enabled control (hit-tested like a real touch, so a
card over the screen takes the touches meant for what lies beneath), taps anywhere, swipes and
drags the text, steps the text size, opens the contact screen, fires the idle and keypad timers,
reloads content (sometimes after breaking or mending a file), types right and wrong staff PINs,
starts and ends the cleaning pause, and resets the session. The actions run one per turn of a
real Qt event loop, so posted events, deferred deletes and due timers are handled as in the
running kiosk. It holds when, at the end:

- RSS grew by at most 5 MB over the last half of the actions;
- Qt printed no warning and no exception escaped into sys.excepthook or out of an action;
- the state was consistent after every action (page and stack agree, the bar shows on patient
  pages only, an overlay is visible exactly while it counts down, the idle timer runs whenever a
  patient page waits for the quiet, the keypad's self-closing timer runs while it is shown);
- (Python < 3.12) the reference counts of None, True and False did not drain. PySide6 6.12.0
  drops one reference to None per call of a void method and one to True per signal emit; on
  Python 3.11, where those objects are not immortal, the process aborts with
  "Fatal Python error: none_dealloc / bool_dealloc" after a few thousand of them. The soak stops
  before that happens and reports it. --refcount-ballast holds spare references so that a run
  outlives the bug and still measures everything else.

tests/test_soak.py runs 500 actions of this inside `make test`.
"""

from __future__ import annotations

import argparse
import faulthandler
import gc
import importlib.util
import os
import random
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter, defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType, TracebackType
from typing import Any

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"
PIN = "2468"
RSS_LIMIT_BYTES = 5 * 1024 * 1024
# Stop before a draining reference count reaches zero and Python aborts the whole process.
REFCOUNT_FLOOR = 400
REFCOUNT_CHECKED = sys.version_info < (3, 12)
BALLAST_REFS = 5_000_000


def _load_touch_helpers() -> ModuleType:
    """tests/helpers/touch.py: the finger gestures the test suite uses."""
    spec = importlib.util.spec_from_file_location(
        "kiosk_soak_touch", REPO / "tests" / "helpers" / "touch.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rss() -> int:
    return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _refcounts() -> dict[str, int]:
    return {
        "None": sys.getrefcount(None),
        "True": sys.getrefcount(True),
        "False": sys.getrefcount(False),
    }


@dataclass
class SoakResult:
    actions_requested: int
    seed: int
    actions_done: int = 0
    seconds: float = 0.0
    rss_samples: list[tuple[int, int]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)
    inconsistencies: list[str] = field(default_factory=list)
    refcounts_start: dict[str, int] = field(default_factory=dict)
    refcounts_end: dict[str, int] = field(default_factory=dict)
    # Taken halfway: the drain is judged over the second half, after the warm-up's own churn
    # (caches filling, objects from before the run being freed) has settled.
    refcounts_half: dict[str, int] = field(default_factory=dict)
    stopped_early: str = ""
    action_counts: Counter[str] = field(default_factory=Counter)
    action_seconds: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    pages: Counter[str] = field(default_factory=Counter)

    @property
    def rss_growth_last_half(self) -> int:
        half = self.actions_done // 2
        before = [rss for done, rss in self.rss_samples if done <= half]
        if not before or not self.rss_samples:
            return 0
        return self.rss_samples[-1][1] - before[-1]

    @property
    def refcount_drain(self) -> dict[str, int]:
        base = self.refcounts_half or self.refcounts_start
        return {name: base[name] - self.refcounts_end.get(name, 0) for name in base}

    def failures(self) -> list[str]:
        failures = []
        if self.stopped_early:
            failures.append(f"stopped after {self.actions_done} actions: {self.stopped_early}")
        growth = self.rss_growth_last_half
        # A run cut short has no steady second half to judge (its first samples are warm-up).
        if growth > RSS_LIMIT_BYTES and not self.stopped_early:
            failures.append(
                f"RSS grew {growth / 2**20:.1f} MiB over the last {self.actions_done - self.actions_done // 2} actions (limit 5 MB)"
            )
        failures += [f"Qt warning: {warning}" for warning in self.warnings[:10]]
        failures += [f"exception: {exception}" for exception in self.exceptions[:5]]
        failures += [f"inconsistent: {problem}" for problem in self.inconsistencies[:10]]
        if REFCOUNT_CHECKED and self.refcounts_end:
            for name, drained in self.refcount_drain.items():
                # Objects that hold None or a bool come and go; a drain that grows with the
                # number of actions is a binding that drops references it does not own.
                judged = self.actions_done - (self.actions_done // 2 if self.refcounts_half else 0)
                if drained > max(200, judged // 2):
                    failures.append(
                        f"{drained} references to {name} were dropped that nobody owned "
                        f"({drained / max(1, self.actions_done):.1f} per action): a C extension "
                        f"(PySide6) releases references it does not own; on Python "
                        f"{sys.version_info.major}.{sys.version_info.minor} the kiosk aborts "
                        f"with 'Fatal Python error: {name.lower() if name == 'None' else 'bool'}_dealloc' "
                        f"once the count reaches 0 (it started at {self.refcounts_start[name]})"
                    )
        return failures

    def summary(self) -> str:
        megabytes = ", ".join(f"{done}:{rss / 2**20:.1f}" for done, rss in self.rss_samples)
        lines = [
            f"{self.actions_done} of {self.actions_requested} actions (seed {self.seed}) in "
            f"{self.seconds:.1f} s ({self.actions_done / max(self.seconds, 1e-9):.0f} actions/s)",
            f"RSS MiB by action: {megabytes}",
            f"RSS growth over the last half: {self.rss_growth_last_half / 2**20:+.2f} MiB (limit 5 MB)",
            f"Qt warnings: {len(self.warnings)}; exceptions: {len(self.exceptions)}; "
            f"inconsistent states: {len(self.inconsistencies)}",
            "actions (count, seconds): "
            + ", ".join(
                f"{name} {count} {self.action_seconds[name]:.1f}"
                for name, count in sorted(self.action_counts.items())
            ),
            f"pages after an action: {dict(sorted(self.pages.items()))}",
        ]
        if REFCOUNT_CHECKED and self.refcounts_end:
            lines.append(
                "reference counts start → end: "
                + ", ".join(
                    f"{name} {self.refcounts_start[name]} → {self.refcounts_end[name]}"
                    for name in self.refcounts_start
                )
            )
        failures = self.failures()
        lines.append("HOLDS" if not failures else "FAILS:\n  " + "\n  ".join(failures))
        return "\n".join(lines)


class Driver:
    """Chooses and performs random actions on one kiosk."""

    def __init__(self, controller: Any, rng: random.Random, content: Path) -> None:
        from PySide6.QtWidgets import QAbstractButton

        self.controller = controller
        self.window = controller.window
        self.rng = rng
        self.content = content
        self.originals = {path: path.read_bytes() for path in sorted((content / "en").glob("*.md"))}
        self.touch = _load_touch_helpers()
        self.clock_ms = 10_000
        self._button_type = QAbstractButton
        self.actions: list[tuple[int, str, Callable[[], None]]] = [
            (30, "tap control", self.tap_control),
            (8, "tap anywhere", self.tap_anywhere),
            (7, "swipe", self.swipe),
            (7, "drag", self.drag),
            (4, "text size", self.window.cycle_text_size),
            (3, "contact", self.window.show_contact),
            (3, "navigate", self.navigate),
            (5, "idle", self.idle),
            (2, "reload", self.reload),
            (1, "content update", self.content_update),
            (1, "staff PIN", self.staff_pin),
            (1, "staff gesture", self.staff_gesture),
            (1, "keypad timeout", self.keypad_timeout),
            (2, "cleaning", self.cleaning),
            (2, "reset", self.window.reset_session),
            (1, "status", self.controller.write_status),
        ]
        self._weights = [weight for weight, _name, _action in self.actions]

    def choose(self) -> tuple[str, Callable[[], None]]:
        _weight, name, action = self.rng.choices(self.actions, weights=self._weights)[0]
        return name, action

    # Touches ----------------------------------------------------------------------------------

    def _is_exit(self, widget: Any) -> bool:
        from kiosk.ui.screens.staff import StaffAction

        return widget is self.window.staff.buttons.get(StaffAction.EXIT)

    def _tap_at(self, x: int, y: int) -> None:
        """A touch at a window point goes to whatever is on top there, as on the glass."""
        from PySide6.QtCore import QPoint, Qt
        from PySide6.QtTest import QTest

        point = QPoint(x, y)
        target = self.window.childAt(point) or self.window
        if self._is_exit(target) or self._is_exit(target.parentWidget()):
            return
        QTest.mouseClick(
            target,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            target.mapFrom(self.window, point),
        )

    def controls(self) -> list[Any]:
        return [
            button
            for button in self.window.findChildren(self._button_type)
            if button.isVisible() and button.isEnabled() and not self._is_exit(button)
        ]

    def tap_control(self) -> None:
        from PySide6.QtCore import QPoint

        controls = self.controls()
        if not controls:
            self.tap_anywhere()
            return
        button = self.rng.choice(controls)
        centre = button.mapTo(self.window, QPoint(button.width() // 2, button.height() // 2))
        self._tap_at(centre.x(), centre.y())

    def tap_anywhere(self) -> None:
        self._tap_at(
            self.rng.randrange(self.window.width()), self.rng.randrange(self.window.height())
        )

    def _scroll_view(self) -> Any:
        window = self.window
        page = window.page.value
        if page == "reader":
            return window.reader.article.viewport()
        if page == "contact":
            return window.contact.details_text.viewport()
        if page == "staff":
            return window.staff.report.viewport()
        return window.stack.currentWidget()

    def _gesture(self, start: tuple[int, int], end: tuple[int, int]) -> None:
        from PySide6.QtCore import QPoint

        view = self._scroll_view()
        steps = self.rng.randint(2, 14)
        self.touch.drag(view, QPoint(*start), QPoint(*end), steps=steps, start_ms=self.clock_ms)
        self.clock_ms += (steps + 2) * self.touch.STEP_MS + 500

    def swipe(self) -> None:
        view = self._scroll_view()
        middle = view.rect().center()
        reach = view.width() // self.rng.choice((3, 4, 8))
        direction = self.rng.choice((1, -1))
        self._gesture(
            (middle.x() + direction * reach, middle.y()),
            (middle.x() - direction * reach, middle.y() + self.rng.randint(-30, 30)),
        )

    def drag(self) -> None:
        view = self._scroll_view()
        rect = view.rect()
        x = self.rng.randrange(max(1, rect.width()))
        y = self.rng.randrange(max(1, rect.height()))
        self._gesture((x, y), (x + self.rng.randint(-20, 20), y + self.rng.randint(-900, 900)))

    # The public API a test would call -------------------------------------------------------

    def navigate(self) -> None:
        window = self.window
        choice = self.rng.randrange(5)
        if choice == 0:
            window.wake()
        elif choice == 1:
            window.open_section(self.rng.randrange(-1, len(window.sections) + 1))
        elif choice == 2:
            window.show_next()
        elif choice == 3:
            window.show_previous()
        else:
            window.show_home()

    def idle(self) -> None:
        """The quiet runs out: the idle timer fires, then maybe the countdown ends or is answered."""
        controller, window = self.controller, self.window
        controller.idle.timer.timeout.emit()
        roll = self.rng.random()
        if roll < 0.5:
            window.idle_warning.expire()
        elif roll < 0.75 and window.idle_warning.button is not None:
            button = window.idle_warning.button
            if button.isVisible():
                self.tap_control_widget(button)

    def tap_control_widget(self, widget: Any) -> None:
        from PySide6.QtCore import QPoint

        centre = widget.mapTo(self.window, QPoint(widget.width() // 2, widget.height() // 2))
        self._tap_at(centre.x(), centre.y())

    def cleaning(self) -> None:
        self.window.start_cleaning()
        if self.rng.random() < 0.6:
            self.window.cleaning.expire()

    # Staff ------------------------------------------------------------------------------------

    def staff_pin(self) -> None:
        """Open the keypad and type a PIN (right 60 % of the time), then OK."""
        staff = self.controller.staff
        staff.open()
        pin = PIN if self.rng.random() < 0.6 else str(self.rng.randrange(10_000, 99_999_999))
        keys = staff.pad.keys
        if self.rng.random() < 0.2:
            self.tap_control_widget(keys["⌫"])
        for digit in pin:
            if keys[digit].isVisible() and keys[digit].isEnabled():
                self.tap_control_widget(keys[digit])
        if keys["OK"].isVisible() and keys["OK"].isEnabled():
            self.tap_control_widget(keys["OK"])

    def staff_gesture(self) -> None:
        """Hold the top-left corner: press there, let the hold timer run out, release."""
        from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
        from PySide6.QtGui import QMouseEvent
        from PySide6.QtWidgets import QApplication

        target = self.window.childAt(QPoint(4, 4)) or self.window
        local = QPointF(target.mapFrom(self.window, QPoint(4, 4)))

        def send(kind: QEvent.Type, buttons: Qt.MouseButton) -> None:
            event = QMouseEvent(
                kind,
                local,
                target.mapToGlobal(local),
                Qt.MouseButton.LeftButton,
                buttons,
                Qt.KeyboardModifier.NoModifier,
            )
            QApplication.sendEvent(target, event)

        send(QEvent.Type.MouseButtonPress, Qt.MouseButton.LeftButton)
        if self.controller.staff.gesture.timer.isActive():
            self.controller.staff.gesture.timer.timeout.emit()
        send(QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton)

    def keypad_timeout(self) -> None:
        staff = self.controller.staff
        if staff.pad_layer.isVisible():
            staff.pad.idle_timer.timeout.emit()

    # Content ----------------------------------------------------------------------------------

    def _mutate_content(self) -> None:
        roll = self.rng.random()
        paths = list(self.originals)
        if roll < 0.4:
            for path, data in self.originals.items():
                path.write_bytes(data)
        elif roll < 0.6:
            path = self.rng.choice(paths)
            path.write_bytes(self.rng.randbytes(self.rng.randrange(0, 200)))
        elif roll < 0.7:
            for path in paths:
                path.write_bytes(b"not a section\n")
        else:
            path = self.rng.choice(paths)
            path.write_bytes(self.originals[path].replace(b"title: ", b"title: Revised ", 1))

    def reload(self) -> None:
        if self.rng.random() < 0.5:
            self._mutate_content()
        self.controller.reload_content()

    def content_update(self) -> None:
        """The content folder changed under a running kiosk: the watcher's settle timer fires."""
        self._mutate_content()
        self.controller.content_watch.settle_timer.timeout.emit()

    def restore_content(self) -> None:
        for path, data in self.originals.items():
            path.write_bytes(data)


def inconsistencies(controller: Any) -> list[str]:
    """Ways the window's parts can disagree about what is on the screen."""
    from kiosk.navigation import PATIENT_PAGES, Navigation, Page, Place

    window = controller.window
    page = window.page
    problems = []
    if window.stack.currentWidget() is not window.screen_for(page):
        problems.append(
            f"page {page.value} but the stack shows another {type(window.stack.currentWidget()).__name__}"
        )
    if window.nav.isVisibleTo(window) != (page in PATIENT_PAGES):
        problems.append(f"bar visible={window.nav.isVisibleTo(window)} on page {page.value}")
    for name in ("idle_warning", "cleaning"):
        overlay = getattr(window, name)
        if overlay.layer.isVisibleTo(window) != overlay.is_counting:
            problems.append(
                f"{name} card visible={overlay.layer.isVisibleTo(window)} but counting={overlay.is_counting}"
            )
    counting = window.idle_warning.is_counting or window.cleaning.is_counting
    if page is Page.ATTRACT and controller.idle.timer.isActive():
        problems.append("idle timer runs on the attract screen")
    if page is not Page.ATTRACT and not controller.idle.timer.isActive() and not counting:
        problems.append(
            f"nothing will ever reset page {page.value}: idle timer stopped, no countdown"
        )
    if page is Page.READER and not 0 <= window.section_index < len(window.sections):
        problems.append(
            f"reader page with section_index {window.section_index} of {len(window.sections)} sections"
        )
    elif page is Page.READER and window.reader.section is not window.sections[window.section_index]:
        problems.append("reader shows a different section from section_index")
    if page in PATIENT_PAGES:
        nav = window.nav
        rules = Navigation(len(window.sections))
        rules.arrive(Place(page, window.section_index))
        buttons = rules.buttons()
        expected = {
            "home": buttons.home,
            "previous": buttons.previous,
            "next": buttons.next,
            "contact": buttons.contact,
        }
        actual = {
            "home": nav.home_button.isEnabled(),
            "previous": nav.previous_button.isEnabled(),
            "next": nav.next_button.isEnabled(),
            "contact": nav.contact_button.isEnabled(),
        }
        if expected != actual:
            problems.append(f"bar buttons {actual} on page {page.value}, expected {expected}")
    staff = controller.staff
    if staff.pad_layer.isVisibleTo(window) != staff.pad.idle_timer.isActive():
        problems.append(
            f"keypad visible={staff.pad_layer.isVisibleTo(window)} but its closing timer "
            f"active={staff.pad.idle_timer.isActive()}"
        )
    return problems


def _config(folder: Path) -> Path:
    from kiosk.pin import hash_pin

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "kiosk.toml"
    path.write_text(
        f'[content]\nfolder = "{folder.parent / "content"}"\n\n'
        f'[staff]\npin_hash = "{hash_pin(PIN)}"\n\n'
        f'[logging]\nfolder = "{folder / "log"}"\n\n[state]\nfolder = "{folder / "state"}"\n',
        encoding="utf-8",
    )
    return path


def _repay(value: object, references: int) -> None:
    """Adds `references` permanent references to `value` (None, True or False)."""
    if references <= 0:
        return
    import ctypes

    increment = ctypes.pythonapi.Py_IncRef
    increment.argtypes = [ctypes.py_object]
    increment.restype = None
    for _ in range(references + 1000):
        increment(value)


def run_soak(
    actions: int,
    seed: int,
    work: Path,
    *,
    progress: Callable[[str], None] | None = None,
    ballast: bool = False,
) -> SoakResult:
    """Builds a kiosk from a private copy of the content and drives it through `actions`."""
    import logging

    from PySide6.QtCore import (
        QCoreApplication,
        QEvent,
        QEventLoop,
        QSize,
        QTimer,
        QtMsgType,
        qInstallMessageHandler,
    )
    from PySide6.QtWidgets import QApplication

    from kiosk.loading import Loaded, load_everything
    from kiosk.ui.app import application, build_kiosk

    result = SoakResult(actions, seed)
    shutil.copytree(CONTENT, work / "content")
    config = _config(work / "config")
    application()
    # The kiosk logs every screen (and each wrong PIN); a soak would print thousands of lines.
    root = logging.getLogger()
    old_level = root.level
    root.setLevel(logging.ERROR)

    def reload() -> Loaded:
        return load_everything(None, config)

    controller = build_kiosk(reload(), QSize(1920, 1080), kiosk_mode=True, reload=reload)
    window = controller.window
    window.setFixedSize(QSize(1920, 1080))
    window.show()
    controller.start()
    driver = Driver(controller, random.Random(seed), work / "content")

    def on_message(kind: QtMsgType, context: Any, message: str) -> None:
        if kind not in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg):
            result.warnings.append(f"{kind.name}: {message}")
        if previous_handler is not None:
            previous_handler(kind, context, message)

    def on_exception(
        kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        text = "".join(traceback.format_exception(kind, error, trace)).strip()
        result.exceptions.append(f"after action {result.actions_done}: {text}")
        if progress is not None and len(result.exceptions) <= 3:
            progress(f"exception after action {result.actions_done}:\n{text}")

    spare = [None, True, False] * BALLAST_REFS if ballast and REFCOUNT_CHECKED else []
    previous_handler = qInstallMessageHandler(on_message)
    previous_hook = sys.excepthook
    sys.excepthook = on_exception
    sample_every = max(1, min(500, actions // 10))
    recent: deque[str] = deque(maxlen=8)
    loop = QEventLoop()
    started = time.perf_counter()
    # Widgets that earlier code (other tests in the same process) left for deleteLater are freed
    # now, not during the run, where their dropped references would look like a leaking binding.
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
    result.rss_samples.append((0, _rss()))
    result.refcounts_start = _refcounts()

    def step() -> None:
        if result.actions_done >= actions:
            loop.quit()
            return
        name, action = driver.choose()
        result.action_counts[name] += 1
        action_started = time.perf_counter()
        try:
            action()
        except Exception:
            result.exceptions.append(f"in action '{name}': {traceback.format_exc().strip()}")
        result.action_seconds[name] += time.perf_counter() - action_started
        result.actions_done += 1
        result.pages[window.page.value] += 1
        recent.append(name)
        for problem in inconsistencies(controller):
            result.inconsistencies.append(
                f"after action {result.actions_done} (last actions: {', '.join(recent)}): {problem}"
            )
        if REFCOUNT_CHECKED:
            counts = _refcounts()
            low = min(counts, key=lambda key: counts[key])
            if counts[low] < REFCOUNT_FLOOR:
                result.stopped_early = (
                    f"the reference count of {low} fell from {result.refcounts_start[low]} to "
                    f"{counts[low]}; going on would abort Python ('Fatal Python error: "
                    f"{'none' if low == 'None' else 'bool'}_dealloc')"
                )
                loop.quit()
                return
        if result.actions_done % sample_every == 0 or result.actions_done == actions // 2:
            gc.collect()
            result.rss_samples.append((result.actions_done, _rss()))
            if result.actions_done == actions // 2:
                result.refcounts_half = _refcounts()
        if progress is not None and result.actions_done % 500 == 0:
            progress(
                f"{result.actions_done} actions, {time.perf_counter() - started:.0f} s, "
                f"RSS {result.rss_samples[-1][1] / 2**20:.1f} MiB, page {window.page.value}"
            )

    ticker = QTimer()
    ticker.setInterval(0)
    ticker.timeout.connect(step)
    ticker.start()
    try:
        loop.exec()
    finally:
        ticker.stop()
        result.seconds = time.perf_counter() - started
        result.refcounts_end = _refcounts()
        if result.rss_samples[-1][0] != result.actions_done:
            gc.collect()
            result.rss_samples.append((result.actions_done, _rss()))
        for problem in inconsistencies(controller):
            result.inconsistencies.append(f"final state: {problem}")
        # Repay what a leaking binding took, for good, so that neither the rest of this process
        # nor its exit is aborted by it.
        if REFCOUNT_CHECKED:
            for name, value in (("None", None), ("True", True), ("False", False)):
                _repay(value, result.refcounts_start[name] - result.refcounts_end[name])
        driver.restore_content()
        window.allow_close()
        window.close()
        window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()
        sys.excepthook = previous_hook
        qInstallMessageHandler(previous_handler)
        root.setLevel(old_level)
        del spare
    return result


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--actions", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--refcount-ballast",
        action="store_true",
        help="hold spare references to None/True/False so a run outlives a leaking binding",
    )
    arguments = parser.parse_args()
    faulthandler.enable()  # a crash inside Qt still shows where Python was
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.pop("KIOSK_CONFIG", None)
    with tempfile.TemporaryDirectory(prefix="kiosk-soak-") as temporary:
        result = run_soak(
            arguments.actions,
            arguments.seed,
            Path(temporary),
            progress=lambda line: print(line, flush=True),
            ballast=arguments.refcount_ballast,
        )
    print(result.summary())
    return 1 if result.failures() else 0


if __name__ == "__main__":
    sys.exit(main())
