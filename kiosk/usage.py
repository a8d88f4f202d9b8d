"""Anonymous engagement counts: what patients read, as daily totals in an SQLite file.

Qt-free. Counts gather in memory (`UsageCounts`) and reach the disk only in `UsageStore.flush`,
so a tap never waits for a write. Nothing identifies a person: the finest grain is a calendar
day, subjects are section slugs and illustration keys from the content, never typed text.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Protocol

log = logging.getLogger(__name__)

USAGE_FILE = "usage.sqlite3"
SCHEMA_VERSION = 1
# A flush runs on the UI thread: better to keep the counts for the next flush than to freeze
# the screen while `kiosk stats --reset` holds the write lock.
BUSY_TIMEOUT_S = 1.0
CORRUPT_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})

_SCHEMA = """
CREATE TABLE IF NOT EXISTS daily (
    day TEXT NOT NULL,
    metric TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    count INTEGER NOT NULL DEFAULT 0,
    seconds REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (day, metric, subject)
) WITHOUT ROWID
"""
_UPSERT = """
INSERT INTO daily (day, metric, subject, count, seconds) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (day, metric, subject)
DO UPDATE SET count = count + excluded.count, seconds = seconds + excluded.seconds
"""


class Metric(StrEnum):
    SESSIONS = "sessions"
    SECTION_VIEWS = "section_views"
    ILLUSTRATION_USES = "illustration_uses"
    CONTACT_OPENS = "contact_opens"
    WARNINGS_ANSWERED = "warnings_answered"
    WARNINGS_EXPIRED = "warnings_expired"


@dataclass(frozen=True)
class UsageRow:
    """One day's count of one metric for one subject (a section slug, an illustration key or '')."""

    day: str
    metric: str
    subject: str
    count: int
    seconds: float


@dataclass
class _Tally:
    count: int = 0
    seconds: float = 0.0


class UsageCounts:
    """Tallies since the last successful flush, keyed by the local calendar day they happened on."""

    def __init__(self, today: Callable[[], date] = date.today) -> None:
        self._today = today
        self._tallies: dict[tuple[str, str, str], _Tally] = {}

    def __len__(self) -> int:
        return len(self._tallies)

    def session_started(self, day: date | None = None) -> None:
        self._add(Metric.SESSIONS, "", 0.0, day)

    def section_viewed(self, slug: str, seconds: float, day: date | None = None) -> None:
        self._add(Metric.SECTION_VIEWS, slug, max(0.0, seconds), day)

    def illustration_used(self, key: str, day: date | None = None) -> None:
        self._add(Metric.ILLUSTRATION_USES, key, 0.0, day)

    def contact_opened(self, day: date | None = None) -> None:
        self._add(Metric.CONTACT_OPENS, "", 0.0, day)

    def warning_answered(self, day: date | None = None) -> None:
        self._add(Metric.WARNINGS_ANSWERED, "", 0.0, day)

    def warning_expired(self, day: date | None = None) -> None:
        self._add(Metric.WARNINGS_EXPIRED, "", 0.0, day)

    def rows(self) -> list[UsageRow]:
        return [
            UsageRow(day, metric, subject, tally.count, tally.seconds)
            for (day, metric, subject), tally in sorted(self._tallies.items())
        ]

    def clear(self) -> None:
        self._tallies.clear()

    def _add(self, metric: Metric, subject: str, seconds: float, day: date | None) -> None:
        key = ((day or self._today()).isoformat(), metric.value, subject)
        tally = self._tallies.setdefault(key, _Tally())
        tally.count += 1
        tally.seconds += seconds


@dataclass(frozen=True)
class SubjectTotal:
    count: int
    seconds: float


@dataclass(frozen=True)
class UsageSummary:
    """The last `days` days ending today: what the staff Usage screen and `kiosk stats` show."""

    first_day: date
    last_day: date
    # Every day of the period, oldest first, including days without a session.
    sessions_per_day: tuple[tuple[date, int], ...]
    section_views: dict[str, SubjectTotal]
    illustration_uses: dict[str, int]
    contact_opens: int
    warnings_answered: int
    warnings_expired: int
    sample: bool = False

    @property
    def total_sessions(self) -> int:
        return sum(count for _, count in self.sessions_per_day)


class UsageSource(Protocol):
    def summary(self, days: int, today: date) -> UsageSummary: ...


def first_day(days: int, today: date) -> date:
    """The oldest day of a period of `days` days that ends with (and includes) `today`."""
    return today - timedelta(days=days - 1)


def summarize(
    rows: Iterable[UsageRow], days: int, today: date, *, sample: bool = False
) -> UsageSummary:
    start = first_day(days, today)
    sessions = {start + timedelta(days=offset): 0 for offset in range(days)}
    sections: dict[str, SubjectTotal] = {}
    illustrations: dict[str, int] = {}
    singles = dict.fromkeys(
        (Metric.CONTACT_OPENS, Metric.WARNINGS_ANSWERED, Metric.WARNINGS_EXPIRED), 0
    )
    for row in rows:
        day = date.fromisoformat(row.day)
        if not start <= day <= today:
            continue
        if row.metric == Metric.SESSIONS:
            sessions[day] += row.count
        elif row.metric == Metric.SECTION_VIEWS:
            before = sections.get(row.subject, SubjectTotal(0, 0.0))
            sections[row.subject] = SubjectTotal(
                before.count + row.count, before.seconds + row.seconds
            )
        elif row.metric == Metric.ILLUSTRATION_USES:
            illustrations[row.subject] = illustrations.get(row.subject, 0) + row.count
        elif row.metric in singles:
            singles[Metric(row.metric)] += row.count
    return UsageSummary(
        first_day=start,
        last_day=today,
        sessions_per_day=tuple(sessions.items()),
        section_views=sections,
        illustration_uses=illustrations,
        contact_opens=singles[Metric.CONTACT_OPENS],
        warnings_answered=singles[Metric.WARNINGS_ANSWERED],
        warnings_expired=singles[Metric.WARNINGS_EXPIRED],
        sample=sample,
    )


class _UnknownSchema(sqlite3.DatabaseError):
    """The file is an SQLite database, but not one this version of the kiosk wrote."""


def _is_corrupt(error: Exception) -> bool:
    if isinstance(error, _UnknownSchema):
        return True
    code = getattr(error, "sqlite_errorcode", None)
    # Extended codes (e.g. SQLITE_CORRUPT_INDEX) keep the primary code in the low byte.
    return isinstance(code, int) and code & 0xFF in CORRUPT_CODES


class UsageStore:
    """The daily counters in `path`. No method raises: a problem is logged and reported as
    False or as no data, because a missing count must never stop the kiosk."""

    def __init__(self, path: Path, *, now: Callable[[], datetime] = datetime.now) -> None:
        self.path = path
        self._now = now

    @classmethod
    def in_folder(cls, state_folder: Path) -> UsageStore:
        return cls(state_folder / USAGE_FILE)

    def flush(self, counts: UsageCounts) -> bool:
        """Adds `counts` to the file in one transaction and clears them; keeps them on failure."""
        rows = counts.rows()
        if not rows:
            return True
        parameters = [(r.day, r.metric, r.subject, r.count, r.seconds) for r in rows]
        if not self._write("save", lambda db: db.executemany(_UPSERT, parameters)):
            return False
        counts.clear()
        return True

    def prune(self, retention_days: int, today: date) -> bool:
        """Deletes every day older than the last `retention_days` days (today included)."""
        oldest_kept = first_day(retention_days, today).isoformat()
        return self._write(
            "prune", lambda db: db.execute("DELETE FROM daily WHERE day < ?", (oldest_kept,))
        )

    def reset(self) -> bool:
        """Deletes every count, and leaves none in the file's free pages either."""
        if not self.path.exists():
            return True
        if not self._write("reset", lambda db: db.execute("DELETE FROM daily")):
            return False
        try:
            with closing(self._open()) as db:
                db.execute("VACUUM")
        except (sqlite3.DatabaseError, OSError) as error:
            log.warning("usage counts deleted, but %s was not compacted: %s", self.path, error)
        return True

    def rows(self, days: int, today: date) -> list[UsageRow]:
        """Stored rows of the last `days` days (today included), by day, metric and subject."""
        if not self.path.exists():
            return []
        query = (
            "SELECT day, metric, subject, count, seconds FROM daily"
            " WHERE day BETWEEN ? AND ? ORDER BY day, metric, subject"
        )
        period = (first_day(days, today).isoformat(), today.isoformat())
        try:
            with self._reading() as db:
                return [UsageRow(*row) for row in db.execute(query, period)]
        except (sqlite3.DatabaseError, OSError) as error:
            log.warning("cannot read usage counts from %s: %s", self.path, error)
            return []

    def summary(self, days: int, today: date) -> UsageSummary:
        return summarize(self.rows(days, today), days, today)

    # -------------------------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S)
        try:
            # Checked first, so a file the kiosk did not write is kept exactly as it was.
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version not in (0, SCHEMA_VERSION):
                raise _UnknownSchema(f"schema version {version}, expected {SCHEMA_VERSION}")
            db.execute("PRAGMA journal_mode = WAL")
            # WAL with NORMAL sync may lose the last flush on power loss but never corrupts.
            db.execute("PRAGMA synchronous = NORMAL")
            if version == 0:
                with db:
                    db.execute(_SCHEMA)
                    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except BaseException:
            db.close()
            raise
        return db

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        # Read-only, so `kiosk stats` run by another user never creates or takes over the file.
        uri = f"{self.path.resolve().as_uri()}?mode=ro"
        with closing(sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S)) as db:
            yield db

    def _write(self, action: str, work: Callable[[sqlite3.Connection], object]) -> bool:
        error = self._attempt(work)
        if error is not None and _is_corrupt(error):
            log.error("usage counts in %s are unreadable (%s)", self.path, error)
            if self._move_aside():
                error = self._attempt(work)
        if error is not None:
            log.error("cannot %s usage counts in %s: %s", action, self.path, error)
            return False
        return True

    def _attempt(self, work: Callable[[sqlite3.Connection], object]) -> Exception | None:
        try:
            with closing(self._open()) as db, db:
                work(db)
        except (sqlite3.DatabaseError, OSError) as error:
            return error
        return None

    def _move_aside(self) -> bool:
        """Keeps the damaged file (for IT to look at) under a new name and lets a fresh one start."""
        stamp = self._now().strftime("%Y%m%dT%H%M%S")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        number = 1
        while target.exists():
            target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{number}")
            number += 1
        try:
            for suffix in ("", "-wal", "-shm"):
                part = self.path.with_name(self.path.name + suffix)
                if part.exists():
                    part.replace(target.with_name(target.name + suffix))
        except OSError as error:
            log.error("cannot move %s aside: %s", self.path, error)
            return False
        log.error("moved the unreadable usage file to %s; counting starts afresh", target)
        return True
