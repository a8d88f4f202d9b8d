"""Anonymous usage counts without Qt: tallies, the SQLite file, its recovery, pruning, `kiosk stats`."""

from __future__ import annotations

import argparse
import csv
import io
import logging
import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.stats_cli import CSV_HEADER, add_stats_parser, stats_command
from kiosk.usage import Metric, UsageCounts, UsageRow, UsageStore, summarize

TODAY = date(2025, 3, 14)
YESTERDAY = TODAY - timedelta(days=1)


def store_in(folder: Path) -> UsageStore:
    return UsageStore.in_folder(folder)


def counts_of(rows: list[UsageRow]) -> dict[tuple[str, str, str], tuple[int, float]]:
    return {(row.day, row.metric, row.subject): (row.count, row.seconds) for row in rows}


def a_session(day: date = TODAY) -> UsageCounts:
    counts = UsageCounts(lambda: day)
    counts.session_started()
    counts.section_viewed("introduction", 40.0)
    counts.section_viewed("introduction", 20.0)
    counts.section_viewed("mechanism", 90.0)
    counts.illustration_used("synapse")
    counts.contact_opened()
    counts.warning_answered()
    counts.warning_expired()
    return counts


def test_counts_tally_each_event_under_its_day() -> None:
    counts = a_session()
    counts.session_started(day=YESTERDAY)
    day, before = TODAY.isoformat(), YESTERDAY.isoformat()
    assert counts_of(counts.rows()) == {
        (before, Metric.SESSIONS, ""): (1, 0.0),
        (day, Metric.SESSIONS, ""): (1, 0.0),
        (day, Metric.SECTION_VIEWS, "introduction"): (2, 60.0),
        (day, Metric.SECTION_VIEWS, "mechanism"): (1, 90.0),
        (day, Metric.ILLUSTRATION_USES, "synapse"): (1, 0.0),
        (day, Metric.CONTACT_OPENS, ""): (1, 0.0),
        (day, Metric.WARNINGS_ANSWERED, ""): (1, 0.0),
        (day, Metric.WARNINGS_EXPIRED, ""): (1, 0.0),
    }


def test_a_flush_saves_and_clears_and_the_next_one_adds_on(tmp_path: Path) -> None:
    store = store_in(tmp_path)
    first = a_session()
    assert store.flush(first)
    assert len(first) == 0
    assert store.flush(a_session())
    saved = counts_of(store.rows(1, TODAY))
    assert saved[(TODAY.isoformat(), Metric.SESSIONS, "")] == (2, 0.0)
    assert saved[(TODAY.isoformat(), Metric.SECTION_VIEWS, "introduction")] == (4, 120.0)
    with closing(sqlite3.connect(store.path)) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA user_version").fetchone()[0] == 1


def test_nothing_to_flush_touches_no_file(tmp_path: Path) -> None:
    store = store_in(tmp_path / "state")
    assert store.flush(UsageCounts())
    assert not (tmp_path / "state").exists()
    assert store.rows(30, TODAY) == []


def write_garbage(path: Path) -> None:
    path.write_bytes(b"\x00garbage\xff" * 500)


def write_unknown_schema(path: Path) -> None:
    with closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA user_version = 99")


@pytest.mark.parametrize("damage", [write_garbage, write_unknown_schema])
def test_an_unreadable_file_is_moved_aside_and_counting_goes_on(
    tmp_path: Path, damage: Callable[[Path], None], caplog: pytest.LogCaptureFixture
) -> None:
    store = UsageStore(store_in(tmp_path).path, now=lambda: datetime(2025, 3, 14, 9, 30, 5))
    damage(store.path)
    damaged = store.path.read_bytes()
    with caplog.at_level(logging.ERROR, logger="kiosk.usage"):
        assert store.flush(a_session())
    kept = tmp_path / "usage.sqlite3.corrupt-20250314T093005"
    assert kept.read_bytes() == damaged
    assert counts_of(store.rows(1, TODAY))[(TODAY.isoformat(), Metric.SESSIONS, "")] == (1, 0.0)
    assert "moved the unreadable usage file" in caplog.text


def test_an_unwritable_folder_keeps_the_counts_in_memory(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the state folder should be", encoding="utf-8")
    store = store_in(blocker / "state")
    counts = a_session()
    with caplog.at_level(logging.ERROR, logger="kiosk.usage"):
        assert not store.flush(counts)
        assert not store.prune(365, TODAY)
    assert len(counts) == 7
    assert "cannot save usage counts" in caplog.text
    assert store.rows(30, TODAY) == []


def test_pruning_removes_exactly_the_days_before_the_retention_period(tmp_path: Path) -> None:
    store = store_in(tmp_path)
    for age in (0, 1, 364, 365, 366, 1000):
        store.flush(a_session(TODAY - timedelta(days=age)))
    assert store.prune(365, TODAY)
    days = {row.day for row in store.rows(3650, TODAY)}
    assert days == {(TODAY - timedelta(days=age)).isoformat() for age in (0, 1, 364)}


def test_reset_deletes_every_count(tmp_path: Path) -> None:
    store = store_in(tmp_path)
    store.flush(a_session())
    assert store.reset()
    assert store.rows(3650, TODAY) == []


def test_a_summary_covers_every_day_of_the_period() -> None:
    rows = [
        *a_session().rows(),
        *a_session(TODAY - timedelta(days=6)).rows(),
        *a_session(TODAY - timedelta(days=7)).rows(),
    ]
    week = summarize(rows, 7, TODAY)
    assert [day for day, _ in week.sessions_per_day] == [
        TODAY - timedelta(days=age) for age in range(6, -1, -1)
    ]
    assert week.total_sessions == 2
    assert week.section_views["introduction"].count == 4
    assert week.illustration_uses == {"synapse": 2}
    assert (week.contact_opens, week.warnings_answered, week.warnings_expired) == (2, 2, 2)
    assert summarize(rows, 30, TODAY).total_sessions == 3


# kiosk stats -----------------------------------------------------------------------------------


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(f'[state]\nfolder = "{tmp_path / "state"}"\n', encoding="utf-8")
    return path


def stats(config_file: Path, *options: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="kiosk")
    add_stats_parser(parser.add_subparsers(dest="command"))
    return parser.parse_args(["stats", "--config", str(config_file), *options])


def save_today(config_file: Path) -> UsageStore:
    store = store_in(config_file.parent / "state")
    today = date.today()
    store.flush(a_session(today))
    store.flush(a_session(today - timedelta(days=2)))
    return store


def test_stats_prints_a_table(config_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    save_today(config_file)
    assert stats_command(stats(config_file, "--days", "7")) == 0
    out = capsys.readouterr().out
    assert "Last 7 days" in out
    assert "Sessions per day (total 2)" in out
    assert "introduction" in out
    assert "Contact screen opened: 2" in out
    assert "'Still reading?' answered: 2, expired: 2" in out


def test_stats_csv_has_a_header_and_one_row_per_day_and_subject(
    config_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save_today(config_file)
    assert stats_command(stats(config_file, "--csv")) == 0
    table = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert tuple(table[0]) == CSV_HEADER
    body = table[1:]
    assert len(body) == 2 * 7
    assert len({(day, metric, subject) for day, metric, subject, _, _ in body}) == len(body)
    today = date.today().isoformat()
    assert [today, "section_views", "introduction", "2", "60"] in body


def test_stats_csv_without_a_database_is_just_the_header(
    config_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert stats_command(stats(config_file, "--csv")) == 0
    assert capsys.readouterr().out == ",".join(CSV_HEADER) + "\n"


@pytest.mark.parametrize("option", ["0", "3651", "week"])
def test_stats_days_are_bounded(config_file: Path, option: str) -> None:
    with pytest.raises(SystemExit):
        stats(config_file, "--days", option)


def test_stats_reset_with_yes_deletes_without_asking(
    config_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = save_today(config_file)

    def no_question(_prompt: str) -> str:
        raise AssertionError("--yes must not ask")

    monkeypatch.setattr("builtins.input", no_question)
    assert stats_command(stats(config_file, "--reset", "--yes")) == 0
    assert store.rows(3650, date.today()) == []


@pytest.mark.parametrize("answer", ["no", "", EOFError])
def test_stats_reset_keeps_everything_unless_told_yes(
    config_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    answer: str | type[EOFError],
) -> None:
    store = save_today(config_file)
    prompts: list[str] = []

    def reply(prompt: str) -> str:
        prompts.append(prompt)
        if isinstance(answer, str):
            return answer
        raise answer

    monkeypatch.setattr("builtins.input", reply)
    assert stats_command(stats(config_file, "--reset")) == 1
    assert prompts == [f"Delete all usage counts in {store.path}? Type yes: "]
    assert "nothing was deleted" in capsys.readouterr().err
    assert len(store.rows(3650, date.today())) == 14
