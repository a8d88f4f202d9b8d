"""`kiosk status`: the running kiosk's status file for people, or judged as a Nagios/Icinga plugin
(`--check`). Finds the installed kiosk's state whoever runs it. Qt-free."""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import datetime
from pathlib import Path

from kiosk.config import find_config_file, load_config
from kiosk.status import (
    INSTALLED_STATE_FOLDER,
    STATUS_FILE,
    STATUS_INTERVAL_S,
    human_report,
    read_status,
)
from kiosk.status_check import CheckLimits, judge, parse_opening_hours, unknown


def _opening_hours(text: str) -> tuple[int, int] | None:
    try:
        return parse_opening_hours(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def add_status_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    status = commands.add_parser("status", help="print the running kiosk's status file")
    status.add_argument("--config", type=Path, help="config file (to find the state folder)")
    status.add_argument(
        "--state",
        type=Path,
        help=f"state folder holding {STATUS_FILE} (default: the config's, else the installed kiosk's)",
    )
    status.add_argument(
        "--check",
        action="store_true",
        help="answer as a Nagios/Icinga plugin: one line with perfdata; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN",
    )
    limits = CheckLimits()
    # (option, type, default, metavar, what it sets); --check only.
    for option, kind, default, metavar, meaning in (
        (
            "--stale-warning",
            int,
            limits.stale_warning_s,
            "S",
            "WARNING when the status is older than S seconds",
        ),
        (
            "--stale-critical",
            int,
            limits.stale_critical_s,
            "S",
            "CRITICAL when the status is older than S seconds",
        ),
        (
            "--no-touch-days",
            float,
            limits.no_touch_days,
            "D",
            "WARNING after D days without a touch, during opening hours",
        ),
        (
            "--opening-hours",
            _opening_hours,
            limits.opening_hours,
            "H-H",
            "local hours the clinic is open, e.g. 8-18; '' = any time",
        ),
    ):
        status.add_argument(
            option,
            type=kind,
            default=default,
            metavar=metavar,
            help=f"--check: {meaning} (default %(default)s)",
        )


def status_path(arguments: argparse.Namespace) -> Path:
    """--state; else the state folder of the config, when this user can read it; else the
    installed kiosk's (its config is readable only by root and the kiosk user)."""
    state: Path | None = arguments.state
    if state is not None:
        return state / STATUS_FILE
    config_file = find_config_file(arguments.config)
    installed = INSTALLED_STATE_FOLDER / STATUS_FILE
    if config_file is not None and not os.access(config_file, os.R_OK):
        return installed
    config, _ = load_config(config_file)
    path = config.state_folder() / STATUS_FILE
    if config_file is None and not path.exists() and installed.exists():
        return installed
    return path


def status_command(arguments: argparse.Namespace) -> int:
    path = status_path(arguments)
    try:
        record = read_status(path)
        written = path.stat().st_mtime
    except (OSError, ValueError, TypeError) as error:
        if arguments.check:
            print(unknown(f"no readable status at {path} ({error})")[1])
            return 3
        hint = (
            "Reading it needs group adm (sudo usermod -aG adm USER) or sudo."
            if isinstance(error, PermissionError)
            else "Is the kiosk running?"
        )
        print(f"No readable status at {path} ({error}). {hint}", file=sys.stderr)
        return 1
    if arguments.check:
        limits = CheckLimits(
            stale_warning_s=arguments.stale_warning,
            stale_critical_s=arguments.stale_critical,
            no_touch_days=arguments.no_touch_days,
            opening_hours=arguments.opening_hours,
        )
        age_s = max(0, int(time.time() - written))
        state, line = judge(record, age_s, datetime.now().astimezone(), limits)
        print(line)
        return int(state)
    print(f"{path} (written every {STATUS_INTERVAL_S} s)")
    print(human_report(record))
    return 0
