"""Writes the status files (kiosk/status.py: status.json and the Prometheus clinic-kiosk.prom)
every STATUS_INTERVAL_S, for `kiosk status` and monitoring."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from kiosk.config import Config
from kiosk.status import STATUS_FILE, STATUS_INTERVAL_S, Status, write_status_files

log = logging.getLogger(__name__)


class StatusWriter(QObject):
    def __init__(
        self, status: Callable[[], Status], config: Config, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._status = status
        self.path: Path = config.state_folder() / STATUS_FILE
        self.timer = QTimer(self)
        self.timer.setInterval(STATUS_INTERVAL_S * 1000)
        self.timer.timeout.connect(self.write)

    def configure(self, config: Config) -> None:
        self.path = config.state_folder() / STATUS_FILE

    def start(self) -> None:
        self.write()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def write(self, status: Status | None = None) -> None:
        """Writes `status`, or the kiosk's status now."""
        try:
            write_status_files(self.path.parent, status or self._status(), datetime.now(UTC))
        except OSError as error:
            log.warning("cannot write the status files in %s: %s", self.path.parent, error)
