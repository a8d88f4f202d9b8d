"""`kiosk stats`: the anonymous usage counts for IT, as a table or as CSV. Qt-free."""

from __future__ import annotations

import argparse
import csv
import sys
from datetime import date
from pathlib import Path

from kiosk.config import find_config_file, load_config
from kiosk.usage import UsageStore, UsageSummary

MAX_DAYS = 3650
CSV_HEADER = ("day", "metric", "subject", "count", "seconds")


def _days(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not {text!r}") from None
    if not 1 <= days <= MAX_DAYS:
        raise argparse.ArgumentTypeError(f"must be 1-{MAX_DAYS}, not {days}")
    return days


def add_stats_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    stats = commands.add_parser(
        "stats", help="print the anonymous usage counts (sessions, section views, ...)"
    )
    stats.add_argument(
        "--days",
        type=_days,
        default=30,
        help=f"how many days back, today included (1-{MAX_DAYS}; default 30)",
    )
    stats.add_argument(
        "--csv",
        action="store_true",
        help="CSV on standard output: one row per day, metric and subject",
    )
    stats.add_argument("--reset", action="store_true", help="delete every usage count")
    stats.add_argument("--yes", action="store_true", help="with --reset: do not ask first")
    stats.add_argument("--config", type=Path, help="config file (to find the state folder)")


def stats_command(arguments: argparse.Namespace) -> int:
    config, _ = load_config(find_config_file(arguments.config))
    store = UsageStore.in_folder(config.state_folder())
    if arguments.reset:
        return _reset(store, confirmed=arguments.yes)
    today = date.today()
    if arguments.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(CSV_HEADER)
        for row in store.rows(arguments.days, today):
            writer.writerow((row.day, row.metric, row.subject, row.count, f"{row.seconds:.0f}"))
        return 0
    if not store.path.exists():
        print(f"No usage counts yet: {store.path} does not exist.")
        return 0
    print(f"Usage counts in {store.path}")
    print(report(store.summary(arguments.days, today)))
    return 0


def _reset(store: UsageStore, *, confirmed: bool) -> int:
    if not confirmed:
        try:
            answer = input(f"Delete all usage counts in {store.path}? Type yes: ")
        except (EOFError, KeyboardInterrupt):
            answer = ""
        if answer.strip().lower() != "yes":
            print("Cancelled; nothing was deleted.", file=sys.stderr)
            return 1
    if not store.reset():
        print(
            f"Could not delete the usage counts in {store.path}; see the log above.",
            file=sys.stderr,
        )
        return 1
    print(f"Deleted all usage counts in {store.path}.")
    return 0


def report(summary: UsageSummary) -> str:
    days = len(summary.sessions_per_day)
    lines = [
        f"Last {days} days, {summary.first_day.isoformat()} to {summary.last_day.isoformat()}",
        "",
        f"Sessions per day (total {summary.total_sessions}):",
    ]
    lines += [
        f"  {day.isoformat()} {day.strftime('%a'):<3}  {count:>6}"
        for day, count in summary.sessions_per_day
    ]
    lines += ["", "Sections:"]
    if summary.section_views:
        width = max(len(slug) for slug in summary.section_views)
        lines.append(f"  {'section':<{width}}  {'views':>6}  {'reading min':>11}")
        for slug, total in sorted(summary.section_views.items(), key=lambda item: -item[1].count):
            lines.append(f"  {slug:<{width}}  {total.count:>6}  {total.seconds / 60:>11.0f}")
    else:
        lines.append("  no section read")
    lines += ["", "Illustrations used:"]
    lines += [f"  {key}: {uses}" for key, uses in sorted(summary.illustration_uses.items())] or [
        "  none"
    ]
    lines += [
        "",
        f"Contact screen opened: {summary.contact_opens}",
        f"'Still reading?' answered: {summary.warnings_answered}, expired: {summary.warnings_expired}",
    ]
    return "\n".join(lines)
