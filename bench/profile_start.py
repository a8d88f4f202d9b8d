"""Where the kiosk's start-up time goes: cProfile from `import kiosk.cli` to the first paint.

    python bench/profile_start.py [--top 30] [--out bench/out/start.prof]

Starts its own Xvfb, then in one process under cProfile: imports kiosk.cli, and does what
`kiosk run` does (load, logging, QApplication, build_kiosk, show full screen) until the window's
first paint event. Prints the phases' wall times and the functions with the most cumulative time.
For sampling instead, with the bench extra installed:

    py-spy record -r 1000 -o start.svg -- .venv/bin/python -m kiosk --config CFG
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

from benchutil import SCREEN, write_config, xvfb
from startup import child_environment


def profile(config: Path, out: Path | None, top: int) -> str:
    phases: list[tuple[str, float]] = []
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()

    def mark(name: str) -> None:
        phases.append((name, time.perf_counter() - started))

    from kiosk import loading, logs

    mark("import kiosk.cli")
    loaded = loading.load_everything(None, config)
    mark("load config + content")
    log_file = logs.setup_logging(loaded.config.logging.level, loaded.config.log_folder())
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QSize, QTimer

    mark("import PySide6.QtCore")
    from kiosk.ui import app as ui

    mark("import kiosk.ui.app (QtGui, QtWidgets, screens)")
    ui.application()
    mark("QApplication + fonts")
    controller = ui.build_kiosk(
        loaded, QSize(*SCREEN), kiosk_mode=True, reload=lambda: loaded, log_file=log_file
    )
    mark("build_kiosk (stylesheet, window, screens, controller)")

    class Painted(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.loop = QEventLoop()

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.loop.quit()
            return False

    painted = Painted()
    controller.window.installEventFilter(painted)
    ui.show(controller.window, loaded.config, fullscreen=True)
    controller.start()
    mark("show full screen + controller.start")
    QTimer.singleShot(10_000, painted.loop.quit)
    painted.loop.exec()
    mark("event loop until the first paint")
    profiler.disable()
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        profiler.dump_stats(out)
    lines = ["phase (cumulative wall time from `import kiosk.cli`, under cProfile):"]
    previous = 0.0
    for name, at in phases:
        lines.append(f"  {at:7.3f} s  (+{at - previous:6.3f})  {name}")
        previous = at
    text = io.StringIO()
    stats = pstats.Stats(profiler, stream=text)
    stats.strip_dirs().sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    return "\n".join(lines) + "\n" + text.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child is not None:
        print(profile(arguments.child, arguments.out, arguments.top))
        sys.stdout.flush()
        os._exit(0)  # PySide6 6.12 may abort at interpreter exit (see bench/soak.py)
    import subprocess

    with tempfile.TemporaryDirectory(prefix="kiosk-profile-") as temporary:
        config = write_config(Path(temporary))
        with xvfb() as display:
            env = child_environment(display, Path(temporary) / "pycache")
            command = [
                sys.executable,
                __file__,
                "--child",
                str(config),
                "--top",
                str(arguments.top),
            ]
            # The first run only fills the byte-code cache, as an installed kiosk has it.
            subprocess.run(command, env=env, check=False, capture_output=True)
            if arguments.out is not None:
                command += ["--out", str(arguments.out)]
            return subprocess.run(command, env=env, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
