"""Command line: `kiosk` (run), `kiosk check`, `kiosk preview`, `kiosk --version`.

Qt is imported only by the commands that draw, so `kiosk check` runs on a machine without a display.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kiosk import __version__
from kiosk.config import Config, find_config_file, load_config
from kiosk.loading import KioskContent, load_kiosk_content
from kiosk.paths import bundled_content_dir
from kiosk.problems import Problem, Severity, has_errors

PROCESS_STARTED = time.perf_counter()
COMMANDS = ("run", "check", "preview")
log = logging.getLogger("kiosk")


def _size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    try:
        size = int(width), int(height)
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must look like 1920x1080, not {text!r}") from None
    if not all(320 <= side <= 8192 for side in size):
        raise argparse.ArgumentTypeError(f"each side of {text!r} must be 320-8192 pixels")
    return size


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description="Clinic lobby kiosk.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command")

    def with_sources(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--content", type=Path, help="content folder (holds clinic.toml and <language>/)"
        )
        sub.add_argument(
            "--config",
            type=Path,
            help="config file (default: $KIOSK_CONFIG, /etc/clinic-kiosk/kiosk.toml, user config)",
        )

    run = commands.add_parser("run", help="start the kiosk (the default command)")
    with_sources(run)
    run.add_argument(
        "--windowed", action="store_true", help="open a normal window instead of full screen"
    )
    run.add_argument("--size", type=_size, help="window size, e.g. 1080x1920 (with --windowed)")

    check = commands.add_parser(
        "check", help="validate content, clinic details and config; exit 1 on errors"
    )
    with_sources(check)

    preview = commands.add_parser(
        "preview", help="render every screen to PNG files without a display"
    )
    with_sources(preview)
    preview.add_argument("--out", type=Path, required=True, help="folder for the PNG files")
    preview.add_argument(
        "--size", type=_size, default=(1920, 1080), help="screen size (default 1920x1080)"
    )
    return parser


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    arguments = list(argv)
    if not arguments or (
        arguments[0] not in COMMANDS and arguments[0] not in ("-h", "--help", "--version")
    ):
        arguments.insert(0, "run")
    return _parser().parse_args(arguments)


@dataclass(frozen=True)
class Loaded:
    config: Config
    config_problems: list[Problem]
    content: KioskContent


def load_everything(content_override: Path | None, config_path: Path | None) -> Loaded:
    config, config_problems = load_config(find_config_file(config_path))
    folder = (
        content_override
        if content_override is not None
        else config.content_folder(bundled_content_dir())
    )
    content = load_kiosk_content(folder, config.content.language)
    return Loaded(config, config_problems, content)


def _log_problems(problems: Sequence[Problem]) -> None:
    for problem in problems:
        log.log(
            logging.ERROR if problem.severity is Severity.ERROR else logging.WARNING, "%s", problem
        )


def check(arguments: argparse.Namespace) -> int:
    loaded = load_everything(arguments.content, arguments.config)
    problems = [*loaded.config_problems, *loaded.content.problems]
    for problem in problems:
        print(problem)
    if has_errors(problems):
        count = sum(p.severity is Severity.ERROR for p in problems)
        print(
            f"{count} error(s) found; the kiosk skips what is broken and shows the rest.",
            file=sys.stderr,
        )
        return 1
    content = loaded.content
    config_name = loaded.config.source or "built-in defaults"
    print(
        f"OK: {len(content.article.sections)} sections in '{content.language}' from {content.folder}; "
        f"clinic details valid; config {config_name}"
    )
    return 0


def _configure_logging(level: str) -> None:
    logging.basicConfig(
        level=level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )


def run(arguments: argparse.Namespace) -> int:
    loaded = load_everything(arguments.content, arguments.config)
    _configure_logging(loaded.config.logging.level)
    log.info(
        "clinic kiosk %s starting; config %s", __version__, loaded.config.source or "(defaults)"
    )
    _log_problems([*loaded.config_problems, *loaded.content.problems])

    from PySide6.QtCore import QSize

    from kiosk.ui import app as ui

    qt_app = ui.application()
    requested = QSize(*arguments.size) if arguments.size else None
    window = ui.build_window(
        loaded.content, loaded.config, ui.screen_size(loaded.config, requested)
    )
    ui.install_exception_logging(window)
    window.installEventFilter(first_paint := ui.FirstPaintLogger(PROCESS_STARTED))
    ui.show(window, loaded.config, fullscreen=not arguments.windowed)
    code = qt_app.exec()
    del first_paint
    return code


def preview(arguments: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    loaded = load_everything(arguments.content, arguments.config)
    _configure_logging("warning")
    _log_problems([*loaded.config_problems, *loaded.content.problems])

    from PySide6.QtCore import QSize

    from kiosk.ui.app import application
    from kiosk.ui.preview import render_previews

    application()
    for path in render_previews(
        loaded.content, loaded.config, QSize(*arguments.size), arguments.out
    ):
        print(path)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parse_arguments(sys.argv[1:] if argv is None else argv)
    handlers = {"run": run, "check": check, "preview": preview}
    return handlers[arguments.command](arguments)
