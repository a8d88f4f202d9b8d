"""Failures that stopped the kiosk, remembered across restarts in the state folder, so that a kiosk
that fails the same way start after start says so plainly and falls back to the bundled defaults
instead of being restarted by systemd into the same failure forever.

Qt-free. Nothing here raises: a memory that cannot be kept is logged and the kiosk goes on.
"""

from __future__ import annotations

import hashlib
import json
import logging
import traceback
from dataclasses import asdict, dataclass
from pathlib import Path

from kiosk.status import write_atomically
from kiosk.textfile import MAX_TOML_CHARS, UnreadableFileError, read_capped, read_text

log = logging.getLogger(__name__)

FAILURES_FILE = "failures.json"
# Three starts that fail alike (about 10 s under systemd's RestartSec=2) are not bad luck.
SAME_FAILURES_BEFORE_FALLBACK = 3
# A kiosk that ran this long without a fatal error is healthy again: the count starts afresh.
HEALTHY_AFTER_S = 120
# Exit status after an error the kiosk could not recover from (sysexits.h EX_SOFTWARE); any
# non-zero status makes systemd (Restart=always) start it again.
EXIT_UNRECOVERABLE = 70


@dataclass(frozen=True)
class FailureRecord:
    signature: str
    count: int
    # The config file's bytes when it failed: a changed config deserves a fresh try.
    config_version: str


def failure_signature(error: BaseException) -> str:
    """What makes two failures "the same": the exception and where it was raised."""
    frames = traceback.extract_tb(error.__traceback__)
    where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    return f"{type(error).__name__}: {error}{where}"


def config_version(path: Path | None) -> str:
    if path is None:
        return ""
    try:
        data = read_capped(path, MAX_TOML_CHARS * 4)
    except UnreadableFileError as reason:
        return str(reason)
    return hashlib.sha256(data).hexdigest()[:12]


class FailureMemory:
    def __init__(self, folder: Path, config: str) -> None:
        self.path = folder / FAILURES_FILE
        self._config = config

    def last(self) -> FailureRecord | None:
        if not self.path.exists():
            return None
        text, problem = read_text(self.path, MAX_TOML_CHARS)
        try:
            record = FailureRecord(**json.loads(text or ""))
        except (ValueError, TypeError):
            log.warning("ignoring %s: %s", self.path, problem or "not a failure record")
            return None
        return record if isinstance(record.count, int) else None

    def repeated(self) -> FailureRecord | None:
        """The failure that stopped the last starts, when they failed alike often enough with
        this same config."""
        record = self.last()
        if (
            record is not None
            and record.count >= SAME_FAILURES_BEFORE_FALLBACK
            and record.config_version == self._config
        ):
            return record
        return None

    def remember(self, signature: str) -> FailureRecord:
        last = self.last()
        alike = (
            last is not None
            and last.signature == signature
            and (last.config_version == self._config)
        )
        record = FailureRecord(signature, last.count + 1 if alike and last else 1, self._config)
        try:
            write_atomically(self.path, json.dumps(asdict(record), indent=2) + "\n")
        except (OSError, ValueError) as error:
            log.warning("cannot remember the failure in %s: %s", self.path, error)
        return record

    def forget(self) -> None:
        try:
            self.path.unlink(missing_ok=True)
        except OSError as error:
            log.warning("cannot clear %s: %s", self.path, error)
