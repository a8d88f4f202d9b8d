"""Logging to stderr (the journal collects it) and to a size-capped rotating file.

What is logged: screen names, timings and problems — never anything about a person.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

LOG_FILE = "kiosk.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(level: str, folder: Path | None) -> Path | None:
    """Returns the log file in use, or None when only stderr could be used."""
    root = logging.getLogger()
    root.setLevel(level.upper())
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    stderr = logging.StreamHandler(sys.stderr)
    stderr.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(stderr)
    if folder is None:
        return None
    path = folder / LOG_FILE
    try:
        folder.mkdir(parents=True, exist_ok=True)
        rotating = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError as error:
        logging.getLogger(__name__).warning(
            "cannot write the log file %s (%s); logging to stderr only", path, error
        )
        return None
    rotating.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(rotating)
    return path
