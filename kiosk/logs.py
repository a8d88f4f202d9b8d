"""Logging to stderr (the journal collects it) and to a size-capped rotating file.

What is logged: screen names, timings and problems — never anything about a person.

A handler that cannot write (a full disk, a closed stderr) says so once, through the other
handler, and once more when it can write again. Python's default is a 25-line "--- Logging
error ---" traceback on stderr for every line, which turns a full disk into a flood.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

LOG_FILE = "kiosk.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger(__name__)

Report = Callable[[int, str], None]


class _ReportsFailuresOnce(logging.Handler):
    """Mixed in before a stream handler: counts the lines it could not write instead of printing
    a traceback for each, and reports the first failure and the recovery through `report`."""

    sink = "the log"
    report: Report | None = None
    lost_lines = 0
    _failed_now = False

    def emit(self, record: logging.LogRecord) -> None:
        self._failed_now = False
        super().emit(record)
        if self._failed_now or not self.lost_lines:
            return
        lost, self.lost_lines = self.lost_lines, 0
        message = f"{self.sink} can be written again; {lost} line(s) were lost"
        super().emit(_record(logging.WARNING, message))
        if self.report is not None:
            self.report(logging.WARNING, message)

    def handleError(self, record: logging.LogRecord) -> None:
        self._failed_now = True
        self.lost_lines += 1
        if self.lost_lines == 1 and self.report is not None:
            error = sys.exc_info()[1]
            self.report(
                logging.ERROR,
                f"cannot write {self.sink} ({error}); its lines are lost until it can",
            )


class _StderrHandler(_ReportsFailuresOnce, logging.StreamHandler):  # type: ignore[type-arg]
    sink = "standard error"


class _FileHandler(_ReportsFailuresOnce, logging.handlers.RotatingFileHandler):
    def __init__(self, path: Path, **options: Any) -> None:
        super().__init__(path, **options)
        self.sink = f"the log file {path}"


def _record(level: int, message: str) -> logging.LogRecord:
    return logging.LogRecord(__name__, level, __file__, 0, message, None, None)


def _reporter(target: logging.Handler) -> Report:
    def report(level: int, message: str) -> None:
        record = _record(level, message)
        if record.levelno >= target.level:
            target.handle(record)

    return report


def setup_logging(level: str, folder: Path | None) -> Path | None:
    """Returns the log file in use, or None when only stderr could be used."""
    root = logging.getLogger()
    root.setLevel(level.upper())
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    stderr = _StderrHandler(sys.stderr)
    stderr.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(stderr)
    if folder is None:
        return None
    path = folder / LOG_FILE
    try:
        folder.mkdir(parents=True, exist_ok=True)
        rotating = _FileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    except OSError as error:
        log.warning("cannot write the log file %s (%s); logging to stderr only", path, error)
        return None
    rotating.setFormatter(logging.Formatter(FORMAT))
    rotating.report = _reporter(stderr)
    stderr.report = _reporter(rotating)
    root.addHandler(rotating)
    return path
