"""The floor: a bare PySide6 full-screen reader of the same article text.

No kiosk code, no stylesheet, no bundled font, no Markdown package: one QTextEdit showing the
sections of content/en (front matter stripped, Qt's own Markdown reader). It logs the same kind of
first-paint line as the kiosk, timed from this module's first line, as the kiosk times it from its
command-line module's import.

    python bench/bare_reader.py                        # run until killed (start-up and PSS runs)
    python bench/bare_reader.py --measure out.json     # measure, write JSON, exit
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QFont  # noqa: E402
from PySide6.QtWidgets import QApplication, QTextEdit  # noqa: E402

CONTENT = Path(__file__).resolve().parent.parent / "content" / "en"
BODY_PX = 30


def section_texts(folder: Path = CONTENT) -> list[str]:
    """Each section's Markdown body, in file-name order, without its front-matter block."""
    texts = []
    for path in sorted(folder.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---"):
            _fence, _front, text = text.split("---", 2)
        texts.append(text.strip())
    return texts


class FirstPaint(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            watched.removeEventFilter(self)
            elapsed = time.perf_counter() - STARTED
            print(
                f"INFO bare_reader: first screen painted {elapsed:.3f} s after start",
                file=sys.stderr,
            )
            sys.stderr.flush()
        return False


class PaintClock(QObject):
    """Times every paint event of the widget it watches."""

    def __init__(self) -> None:
        super().__init__()
        self.stamps: list[float] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.stamps.append(time.perf_counter())
        return False


def run_loop(seconds: float) -> None:
    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()


def cpu_percent(seconds: float) -> float:
    cpu, wall = time.process_time(), time.perf_counter()
    run_loop(seconds)
    return 100 * (time.process_time() - cpu) / (time.perf_counter() - wall)


def measure(editor: QTextEdit, texts: list[str], seconds: float, taps: int) -> dict[str, object]:
    """CPU at rest, CPU and frames while the text scrolls a little every 16 ms, and the time to
    swap in another section's text and lay it out (the floor of a tap that changes the screen)."""
    from benchutil import frame_stats

    result: dict[str, object] = {}
    run_loop(1.0)
    result["rest_cpu_percent"] = cpu_percent(seconds)

    bar = editor.verticalScrollBar()
    direction = [2]

    def scroll() -> None:
        if not 0 < bar.value() + direction[0] < bar.maximum():
            direction[0] = -direction[0]
        bar.setValue(bar.value() + direction[0])

    timer = QTimer()
    timer.setInterval(16)
    timer.timeout.connect(scroll)
    timer.start()
    run_loop(0.5)
    # As for the kiosk: CPU without the frame clock, then the frames in a window of their own.
    result["scroll_cpu_percent"] = cpu_percent(seconds)
    clock = PaintClock()
    editor.viewport().installEventFilter(clock)
    run_loop(seconds)
    timer.stop()
    editor.viewport().removeEventFilter(clock)
    result["scroll_frames"] = frame_stats(clock.stamps)

    handled, painted = [], []
    for index in range(taps):
        started = time.perf_counter()
        editor.setMarkdown(texts[index % len(texts)])
        swapped = time.perf_counter()
        QApplication.processEvents()
        handled.append((swapped - started) * 1000)
        painted.append((time.perf_counter() - started) * 1000)
    result["swap_handler_ms"] = handled
    result["swap_ms"] = painted
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--measure", type=Path, help="measure, write JSON here, then exit")
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--taps", type=int, default=200)
    arguments = parser.parse_args()

    app = QApplication(sys.argv[:1])
    texts = section_texts()
    editor = QTextEdit()
    editor.setReadOnly(True)
    font = QFont()
    font.setPixelSize(BODY_PX)
    editor.document().setDefaultFont(font)
    editor.setMarkdown("\n\n".join(texts))
    first_paint = FirstPaint()
    editor.installEventFilter(first_paint)
    editor.setWindowFlags(Qt.WindowType.FramelessWindowHint)
    editor.showFullScreen()
    if arguments.measure is None:
        return app.exec()
    while not first_paint.painted:
        run_loop(0.05)
    result = measure(editor, texts, arguments.seconds, arguments.taps)
    arguments.measure.write_text(json.dumps(result), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
