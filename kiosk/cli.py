"""Command line: `kiosk` (run), `kiosk check`, `kiosk preview`, `kiosk --version`.

Qt is imported only by the commands that draw, so `kiosk check` runs on a machine without a display.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from kiosk import __version__, pin
from kiosk.config import example_config
from kiosk.failures import (
    EXIT_UNRECOVERABLE,
    FailureMemory,
    config_version,
    failure_signature,
)
from kiosk.loading import Loaded, bundled_defaults, load_everything
from kiosk.logs import setup_logging
from kiosk.pin import NEW_PIN_DIGITS, PinFormatError, check_new_pin
from kiosk.problems import Problem, Severity, has_errors
from kiosk.stats_cli import add_stats_parser, stats_command
from kiosk.status_cli import add_status_parser, status_command

# Set by _start_again: when the process started again (boot clock, seconds). The kernel's
# record keeps the first start across execv.
STARTED_AGAIN_AT = "KIOSK_STARTED_AGAIN_AT"


def _process_start() -> float:
    """When this process started, on the perf_counter clock: from the kernel's record on Linux
    (so the first-paint figure includes the interpreter and these imports), else now."""
    now = time.perf_counter()
    try:
        after_name = Path("/proc/self/stat").read_text(encoding="ascii").rsplit(")", 1)[1]
        started_ticks = int(after_name.split()[19])  # field 22, "starttime", in clock ticks
        started = started_ticks / os.sysconf("SC_CLK_TCK")
        started = max(started, float(os.environ.get(STARTED_AGAIN_AT, "0")))
        age = time.clock_gettime(time.CLOCK_BOOTTIME) - started
    except (OSError, ValueError, IndexError, AttributeError):
        return now
    return now - age if 0 <= age < 60 else now


PROCESS_STARTED = _process_start()
COMMANDS = ("run", "check", "preview", "hash-pin", "status", "example-config", "stats")
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
        "--lang", help="language to render (a content folder such as es); default: the config's"
    )
    preview.add_argument(
        "--size", type=_size, default=(1920, 1080), help="screen size (default 1920x1080)"
    )

    hash_pin_command = commands.add_parser(
        "hash-pin", help="read a staff PIN (twice, not echoed) and print the config line"
    )
    hash_pin_command.add_argument(
        "--digits",
        type=int,
        choices=range(4, 9),
        default=NEW_PIN_DIGITS,
        metavar="4-8",
        help=f"how many digits the PIN has (default {NEW_PIN_DIGITS})",
    )
    commands.add_parser(
        "example-config", help="print a config file documenting every key and its default"
    )
    add_status_parser(commands)
    add_stats_parser(commands)
    return parser


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    arguments = list(argv)
    if not arguments or (
        arguments[0] not in COMMANDS and arguments[0] not in ("-h", "--help", "--version")
    ):
        arguments.insert(0, "run")
    return _parser().parse_args(arguments)


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
    others = [language for language in content.languages if language != content.language]
    also = f" (also in {', '.join(repr(language) for language in others)})" if others else ""
    unreviewed = (
        f"{len(content.unreviewed)} translated sections await clinical review; "
        if content.unreviewed
        else ""
    )
    print(
        f"OK: {len(content.article.sections)} sections in '{content.language}'{also} from {content.folder}; "
        f"clinic details valid; {unreviewed}config {config_name}"
    )
    return 0


def _fall_back_if_failing(loaded: Loaded, memory: FailureMemory) -> Loaded:
    """After the same failure several starts in a row with this config: the bundled defaults,
    with a problem that says why (until the config changes or a start stays healthy)."""
    repeated = memory.repeated()
    if repeated is None:
        return loaded
    message = (
        f"the kiosk failed the same way {repeated.count} starts in a row ({repeated.signature}); "
        "it runs on the bundled content and default settings until the config file changes"
    )
    fallback = bundled_defaults()
    return replace(
        fallback,
        config_problems=(Problem(memory.path, None, message), *loaded.problems),
    )


def run(arguments: argparse.Namespace) -> int:
    loaded = load_everything(arguments.content, arguments.config)
    memory = FailureMemory(loaded.config.state_folder(), config_version(loaded.config.source))
    running = _fall_back_if_failing(loaded, memory)
    falling_back = running is not loaded
    log_file = setup_logging(running.config.logging.level, running.config.log_folder())
    log.info(
        "clinic kiosk %s starting; config %s", __version__, loaded.config.source or "(defaults)"
    )
    _log_problems(running.problems)
    try:
        return _run_kiosk(arguments, running, memory, log_file, falling_back=falling_back)
    except Exception as error:
        log.critical("the kiosk stopped on an error it could not recover from", exc_info=True)
        record = memory.remember(failure_signature(error))
        log.critical("this failure has now happened %d time(s) in a row", record.count)
        return EXIT_UNRECOVERABLE


def _run_kiosk(
    arguments: argparse.Namespace,
    loaded: Loaded,
    memory: FailureMemory,
    log_file: Path | None,
    *,
    falling_back: bool,
) -> int:
    def reload() -> Loaded:
        if falling_back:
            return _fall_back_if_failing(
                load_everything(arguments.content, arguments.config), memory
            )
        return load_everything(arguments.content, arguments.config)

    from kiosk.ui.run import run_window

    ended = run_window(
        loaded,
        arguments.size,
        windowed=arguments.windowed,
        reload=reload,
        log_file=log_file,
        memory=memory,
        forget_failures=not falling_back,
        process_started=PROCESS_STARTED,
    )
    if ended.start_again:
        _start_again()
    return ended.exit_code


def _start_again() -> None:
    """Replaces this process with a fresh start of the same command. The process id stays, so
    cage (whose child the kiosk is) and systemd's watchdog keep it."""
    sys.stdout.flush()
    sys.stderr.flush()
    os.environ[STARTED_AGAIN_AT] = str(time.clock_gettime(time.CLOCK_BOOTTIME))
    frozen = getattr(sys, "frozen", False)
    # A frozen build is started by its own executable; otherwise by Python with its options
    # (`python -m kiosk ...` or the `kiosk` script).
    os.execv(sys.executable, sys.argv if frozen else sys.orig_argv)


def preview(arguments: argparse.Namespace) -> int:
    from kiosk.ui.screen_fit import virtual_screen_platform

    scratch = Path(tempfile.mkdtemp(prefix="kiosk-preview-"))
    # A virtual screen of the asked size, so that the window is sized the way the kiosk's is.
    os.environ["QT_QPA_PLATFORM"] = virtual_screen_platform(arguments.size, scratch)
    loaded = load_everything(arguments.content, arguments.config)
    if arguments.lang:
        if arguments.lang not in loaded.content.articles:
            print(f"No content in '{arguments.lang}' in {loaded.content.folder}.", file=sys.stderr)
            return 1
        loaded = replace(loaded, content=loaded.content.in_language(arguments.lang))
    setup_logging("warning", None)
    _log_problems(loaded.problems)

    from kiosk.ui.app import application
    from kiosk.ui.preview import render_previews

    application()
    try:
        for path in render_previews(loaded, arguments.size, arguments.out):
            print(path)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


def print_example_config(_arguments: argparse.Namespace) -> int:
    print(example_config(), end="")
    return 0


def hash_pin(arguments: argparse.Namespace) -> int:
    try:
        first = getpass.getpass(f"New staff PIN ({arguments.digits} digits): ")
        check_new_pin(first, arguments.digits)
        if getpass.getpass("Same PIN again: ") != first:
            print("The two PINs differ; nothing was changed.", file=sys.stderr)
            return 1
    except PinFormatError as error:
        print(f"Not a valid PIN: {error}.", file=sys.stderr)
        return 1
    except (EOFError, KeyboardInterrupt):
        print("\nCancelled.", file=sys.stderr)
        return 1
    print(
        "Paste this line under [staff] in the kiosk's config file (e.g. /etc/clinic-kiosk/kiosk.toml):"
    )
    print(f'pin_hash = "{pin.hash_pin(first)}"')
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parse_arguments(sys.argv[1:] if argv is None else argv)
    handlers = {
        "run": run,
        "check": check,
        "preview": preview,
        "hash-pin": hash_pin,
        "example-config": print_example_config,
        "stats": stats_command,
        "status": status_command,
    }
    return handlers[arguments.command](arguments)
